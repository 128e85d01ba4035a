// What a webview sends is never trusted (issue 14): generated messages, and valid ones with one
// field of the wrong type, are refused by both forms' protocols without throwing; the channel
// logs and drops them, whatever they hold (cycles, BigInt, huge text); nothing it logs about
// them runs past 200 characters.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type * as vscode from 'vscode';
import { defaultServiceForm } from '../../../src/forms/serviceFormModel';
import { FormChannel } from '../../../src/webviews/formChannel';
import { isTaskDefinitionForm, parseWebviewMessage } from '../../../src/webviews/protocol';
import { isServiceForm, parseServiceWebviewMessage } from '../../../src/webviews/serviceFormProtocol';
import { aForm } from '../forms/builders';

const COMMANDS = ['preview', 'openAsJson', 'register', 'createExecutionRole', 'pickImage', 'create', 'plan', 'toString', '__proto__', 'constructor', ''];

/** Messages shaped roughly like the real ones, with anything inside. */
const message = fc.oneof(
  fc.anything({ withBigInt: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true }),
  fc.record({ type: fc.constantFrom('ready', 'change', 'request', 'response', 'nope'), req: fc.oneof(fc.integer(), fc.double(), fc.string()), command: fc.constantFrom(...COMMANDS), args: fc.anything(), form: fc.anything() }, { requiredKeys: ['type'] }),
);

/** A leaf of a valid form (a text, a switch, a list) replaced by a value of another type. */
function withWrongType<T>(form: T): fc.Arbitrary<unknown> {
  const paths: Array<Array<string | number>> = [];
  const walk = (v: unknown, p: Array<string | number>): void => {
    if (typeof v === 'string' || typeof v === 'boolean') paths.push(p);
    else if (Array.isArray(v)) { paths.push(p); v.forEach((x, i) => walk(x, [...p, i])); }
    else if (typeof v === 'object' && v !== null) { paths.push(p); Object.entries(v).forEach(([k, x]) => walk(x, [...p, k])); }
  };
  walk(form, []);
  const wrong = fc.oneof(fc.integer(), fc.constant(null), fc.constant(undefined), fc.object({ maxDepth: 1 }), fc.bigInt(), fc.double());
  return fc.tuple(fc.constantFrom(...paths.filter((p) => p.length > 0)), wrong).map(([path, value]) => {
    const copy = JSON.parse(JSON.stringify(form)) as Record<string | number, unknown>;
    let target = copy;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    const last = path[path.length - 1];
    const before = target[last];
    // A list's item or a field swapped for another JSON type; an object or list for a text.
    target[last] = typeof before === 'object' && before !== null ? 'text' : value;
    return copy;
  });
}

describe('fuzz: messages from a webview', () => {
  it('both protocols refuse or accept generated messages without throwing; what passes is a known message (5,000)', () => {
    fc.assert(fc.property(message, (m) => {
      const task = parseWebviewMessage(m);
      if (task) {
        assert.ok(['ready', 'change', 'request'].includes(task.type));
        if (task.type === 'change') assert.ok(isTaskDefinitionForm(task.form));
      }
      const service = parseServiceWebviewMessage(m);
      if (service) assert.ok(['ready', 'change', 'request'].includes(service.type));
    }), { numRuns: 5000 });
  });

  it('a form with one field of the wrong type is refused, in a change and in every request (2,000)', () => {
    fc.assert(fc.property(withWrongType(aForm()), fc.constantFrom('preview', 'openAsJson', 'register'), (form, command) => {
      fc.pre(!isTaskDefinitionForm(form)); // a list emptied to text can't stay a form; an unchanged one is skipped
      assert.equal(parseWebviewMessage({ type: 'change', form }), undefined);
      assert.equal(parseWebviewMessage({ type: 'request', req: 1, command, args: { form } }), undefined);
    }), { numRuns: 1000 });
    fc.assert(fc.property(withWrongType(defaultServiceForm()), (form) => {
      fc.pre(!isServiceForm(form));
      assert.equal(parseServiceWebviewMessage({ type: 'change', form }), undefined);
      assert.equal(parseServiceWebviewMessage({ type: 'request', req: 1, command: 'create', args: { form, fixes: [] } }), undefined);
    }), { numRuns: 1000 });
  });

  it('the channel drops any malformed message with one short warning, and never throws (1,000)', async () => {
    const warnings: string[] = [];
    const log = { warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(`error ${m}`) } as unknown as vscode.LogOutputChannel;
    const webview = { postMessage: () => Promise.resolve(true), onDidReceiveMessage: () => ({ dispose() {} }) } as unknown as vscode.Webview;
    let handled = 0;
    const channel = new FormChannel(webview, log, 'test form', parseWebviewMessage, () => { handled++; return Promise.resolve(); });
    const cyclic: Record<string, unknown> = { type: 'change' };
    cyclic.form = cyclic;
    for (const odd of [cyclic, { type: 'request', req: 10n }, { type: 'change', form: 'x'.repeat(1_000_000) }]) {
      assert.deepEqual(await channel.receive(odd), []);
    }
    await fc.assert(fc.asyncProperty(message, async (m) => {
      fc.pre(parseWebviewMessage(m) === undefined);
      const before = warnings.length;
      assert.deepEqual(await channel.receive(m), []);
      assert.equal(warnings.length, before + 1);
    }), { numRuns: 1000 });
    assert.equal(handled, 0, 'no malformed message reached the panel');
    assert.ok(warnings.every((w) => w.startsWith('test form: ignored a message of unexpected shape') && w.length < 300), warnings.find((w) => w.length >= 300));
  });
});
