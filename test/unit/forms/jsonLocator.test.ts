// The JSON parser's brackets and commas, which objects and lists share (opensEmpty, afterItem):
// where each node starts and ends, and what a missing or extra comma or bracket is called.
import * as assert from 'node:assert/strict';
import { parseJsonWithLocations } from '../../../src/forms/jsonLocator';
import type { JsonNode, JsonSyntaxError } from '../../../src/forms/jsonLocator';

function root(text: string): JsonNode {
  const parsed = parseJsonWithLocations(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  return parsed.root;
}

function syntaxError(text: string): JsonSyntaxError {
  const parsed = parseJsonWithLocations(text);
  assert.ok(!parsed.ok, `${JSON.stringify(text)} parsed`);
  return parsed.error;
}

/** The text a node spans. */
function spanned(text: string, node: JsonNode): string {
  return text.slice(node.offset, node.offset + node.length);
}

describe('parseJsonWithLocations: objects and lists', () => {
  it('spans empty objects and lists from bracket to bracket, spaces inside included', () => {
    assert.deepEqual(root('{}'), { type: 'object', properties: [], offset: 0, length: 2 });
    const text = ' [ \n ] ';
    const list = root(text);
    assert.equal(list.type, 'array');
    assert.equal(spanned(text, list), '[ \n ]');
  });

  it('spans nested objects and lists, each from its opening to its closing bracket', () => {
    const text = '{"a": [1, {}], "b": {"c": [ ]}}';
    const top = root(text);
    assert.equal(spanned(text, top), text);
    assert.ok(top.type === 'object');
    const [a, b] = top.properties;
    assert.equal(spanned(text, a.value), '[1, {}]');
    assert.ok(a.value.type === 'array');
    assert.deepEqual(a.value.items.map((item) => spanned(text, item)), ['1', '{}']);
    assert.equal(spanned(text, b.value), '{"c": [ ]}');
    assert.ok(b.value.type === 'object');
    assert.equal(spanned(text, b.value.properties[0].value), '[ ]');
  });

  it('points a trailing comma at the comma, in objects and lists', () => {
    for (const [text, offset] of [['{"a": 1,}', 7], ['[1, 2 ,]', 6]] as const) {
      const e = syntaxError(text);
      assert.equal(e.offset, offset, e.message);
      assert.equal(e.length, 1);
      assert.match(e.message, /^Remove the comma before "[}\]]": JSON doesn't allow a trailing comma/);
    }
  });

  it('names the missing closing bracket at the end of the text', () => {
    const list = syntaxError('[1, 2');
    assert.match(list.message, /^The JSON ends inside a list: a "\]" is missing/);
    assert.deepEqual([list.offset, list.length], [5, 0]);
    const object = syntaxError('{"a": 1');
    assert.match(object.message, /^The JSON ends inside an object: a "\}" is missing/);
    assert.deepEqual([object.offset, object.length], [7, 0]);
  });

  it('says what it found where a comma or a closing bracket belongs', () => {
    const list = syntaxError('[1 2]');
    assert.match(list.message, /^Expected "," or "\]" in the list but found "2"/);
    assert.equal(list.offset, 3);
    const object = syntaxError('{"a": 1 x}');
    assert.match(object.message, /^Expected "," or "\}" after the value of "a" but found "x"/);
    assert.equal(object.offset, 8);
    const missingComma = syntaxError('{"a": 1 "b": 2}');
    assert.match(missingComma.message, /^A comma is missing after the value of "a"/);
    assert.deepEqual([missingComma.offset, missingComma.length], [7, 0]);
  });
});
