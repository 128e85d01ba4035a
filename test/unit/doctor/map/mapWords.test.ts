// The service map's words (mapText.ts): wrapping at its width and line limits (each side of
// them), service names shortened, each state's label as drawn, the box a node's text needs
// (its minimum and maximum width), and the exact sentences a screen reader says.
import * as assert from 'node:assert/strict';
import { edgeLabelLines, edgeSpeech, nodeSize, nodeSpeech, shortNames, textWidth, wrap } from '../../../../src/doctor/map/mapText';
import type { MapEdge, ServiceMap } from '../../../../src/doctor/map/mapTypes';

function anEdge(fields: Partial<MapEdge>): MapEdge {
  return { id: 'a->b', from: 'a', to: 'b', state: 'ok', label: 'HTTPS 443', findingIds: [], codes: [], blockers: [], ...fields };
}

describe('service map: words', () => {
  it('wrap: a line of exactly the width stays one line, one character more breaks it', () => {
    assert.deepEqual(wrap('abc def', 7, 3), ['abc def']);
    assert.deepEqual(wrap('abc defg', 7, 3), ['abc', 'defg']);
    assert.deepEqual(wrap('ab cd ef gh', 5, 3), ['ab cd', 'ef gh']);
  });

  it('wrap: a word of exactly the width is kept, a longer one is cut with …', () => {
    assert.deepEqual(wrap('abcde', 5, 2), ['abcde']);
    assert.deepEqual(wrap('abcdefgh', 5, 2), ['abcd…']);
    assert.deepEqual(wrap('x abcdefgh', 5, 2), ['x', 'abcd…']);
  });

  it('wrap: exactly max lines come back whole; one more and the last kept line ends in …', () => {
    assert.deepEqual(wrap('aa bb', 2, 2), ['aa', 'bb']);
    assert.deepEqual(wrap('aa bb cc', 2, 2), ['aa', 'b…']);
    assert.deepEqual(wrap('one two three four five six seven', 9, 2), ['one two', 'three…']);
    assert.deepEqual(wrap('aa bb cc', 2, 1), ['a…']);
  });

  it('wrap: blanks of any kind separate words and never make empty lines', () => {
    assert.deepEqual(wrap('  a \t b\n', 5, 2), ['a b']);
    assert.deepEqual(wrap('', 5, 2), []);
    assert.deepEqual(wrap('   ', 5, 2), []);
  });

  it('shortNames: every endpoint service name loses its com.amazonaws.<region>. prefix, in every partition', () => {
    assert.equal(shortNames('com.amazonaws.ap-northeast-2.ecr.api and com.amazonaws.cn-north-1.logs'), 'ecr.api and logs');
    assert.equal(shortNames('com.amazonaws.us-gov-west-1.s3'), 's3');
    assert.equal(shortNames('HTTPS 443'), 'HTTPS 443');
  });

  it('labels: a broken edge: ✗ and its first code, each further code on its own + line, the blockers wrapped to one line', () => {
    assert.deepEqual(edgeLabelLines(anEdge({ state: 'broken', label: 'ignored', codes: ['ENDPOINT_MISSING'] })), ['✗ ENDPOINT_MISSING']);
    assert.deepEqual(edgeLabelLines(anEdge({ state: 'broken', label: 'ignored', codes: ['ENDPOINT_MISSING', 'LOG_GROUP_MISSING', 'VPC_DNS_DISABLED'], blockers: ['sg-1', 'acl-2'] })),
      ['✗ ENDPOINT_MISSING', '+ LOG_GROUP_MISSING', '+ VPC_DNS_DISABLED', '[sg-1, acl-2]']);
    assert.deepEqual(edgeLabelLines(anEdge({ state: 'broken', codes: ['VPC_DNS_DISABLED'], blockers: ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'] })),
      ['✗ VPC_DNS_DISABLED', '[sg-0123456789abcdef0,…']);
  });

  it('labels: a working edge: ✓ and its text, service names short, wrapped to 26 characters and at most three lines', () => {
    assert.deepEqual(edgeLabelLines(anEdge({ label: 'HTTPS 443' })), ['✓ HTTPS 443']);
    assert.deepEqual(edgeLabelLines(anEdge({ label: 'PrivateLink to com.amazonaws.us-east-1.logs' })), ['✓ PrivateLink to logs']);
    // 26 characters fit on a line, the 27th breaks it.
    assert.deepEqual(edgeLabelLines(anEdge({ label: 'abcdefghij klmnopqrstuvw' })), ['✓ abcdefghij klmnopqrstuvw']);
    assert.deepEqual(edgeLabelLines(anEdge({ label: 'abcdefghij klmnopqrstuvwx' })), ['✓ abcdefghij', 'klmnopqrstuvwx']);
    assert.deepEqual(edgeLabelLines(anEdge({ label: 'aaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbb cccccccccccccccccccc dddddd' })),
      ['✓ aaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbb', 'cccccccccccccccccccc…']);
    assert.deepEqual(edgeLabelLines(anEdge({ label: 'HTTPS 443', blockers: ['sg-1'] })), ['✓ HTTPS 443 [sg-1]']);
  });

  it('labels: an unchecked edge says "? not checked:" and its reason, else its label', () => {
    assert.deepEqual(edgeLabelLines(anEdge({ state: 'unchecked', label: 'the label', reason: 'no read.' })), ['? not checked: no read.']);
    assert.deepEqual(edgeLabelLines(anEdge({ state: 'unchecked', label: 'the label' })), ['? not checked: the label']);
  });

  it('text width: 6.9 pixels a character, rounded up', () => {
    assert.equal(textWidth(''), 0);
    assert.equal(textWidth('a'), 7);
    assert.equal(textWidth('abcdefghij'), 69);
  });

  it('node size: at least 120 wide, at most 340; the title counts 8% wider than a line; 15 pixels a line plus 32', () => {
    assert.deepEqual(nodeSize({ id: 'n', kind: 'tasks', title: 'A', lines: [] }), { width: 120, height: 32 });
    // A 20-character title: 138 * 1.08 + 20 = 169.04, rounded up.
    assert.deepEqual(nodeSize({ id: 'n', kind: 'tasks', title: 'a'.repeat(20), lines: ['x'] }), { width: 170, height: 47 });
    // A 30-character line (207) is wider than the 20-character title (149.04).
    assert.deepEqual(nodeSize({ id: 'n', kind: 'tasks', title: 'a'.repeat(20), lines: ['x', 'b'.repeat(30), 'y'] }), { width: 227, height: 77 });
    assert.deepEqual(nodeSize({ id: 'n', kind: 'tasks', title: 'a'.repeat(60), lines: [] }), { width: 340, height: 32 });
    assert.deepEqual(nodeSize({ id: 'n', kind: 'tasks', title: 'T', lines: ['b'.repeat(60)] }), { width: 340, height: 47 });
  });

  const map: ServiceMap = {
    title: 'svc (c, r)',
    nodes: [{ id: 'a', kind: 'tasks', title: 'Tasks in subnet-1', lines: ['x'] }, { id: 'b', kind: 'awsService', title: 'CloudWatch Logs', lines: [] }],
    edges: [],
  };

  it('speech: each state in words, the ends by their titles, the text with short names, the blockers, Enter on a broken edge', () => {
    assert.equal(edgeSpeech(map, anEdge({ label: 'PrivateLink com.amazonaws.us-east-1.logs' })),
      'working path from Tasks in subnet-1 to CloudWatch Logs: PrivateLink logs.');
    assert.equal(edgeSpeech(map, anEdge({ state: 'broken', label: 'ENDPOINT_MISSING: the endpoint is missing', blockers: ['sg-1', 'acl-2'] })),
      'broken path from Tasks in subnet-1 to CloudWatch Logs: ENDPOINT_MISSING: the endpoint is missing. Blocked by sg-1, acl-2. Press Enter to see the finding and its fix.');
    assert.equal(edgeSpeech(map, anEdge({ state: 'unchecked', label: 'not checked: x', reason: 'the route tables were not read.', to: 'gone' })),
      'not checked path from Tasks in subnet-1 to gone: the route tables were not read..');
    assert.equal(edgeSpeech(map, anEdge({ state: 'unchecked', label: 'the label', from: 'b' })),
      'not checked path from CloudWatch Logs to CloudWatch Logs: the label.');
  });

  it('speech: a node says its title and each line, in order', () => {
    assert.equal(nodeSpeech({ id: 'a', kind: 'tasks', title: 'Tasks in subnet-1', lines: ['zone a', 'private'] }), 'Tasks in subnet-1. zone a. private');
    assert.equal(nodeSpeech({ id: 'a', kind: 'internet', title: 'Internet', lines: [] }), 'Internet');
  });
});
