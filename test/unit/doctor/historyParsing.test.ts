// Reading the remembered failures' file (src/doctor/failureHistory.ts parseHistory), field by
// field: each required text empty or missing, each optional field of the wrong kind, containers
// and findings that do not hold, limits re-applied to an edited file, and what a file that is
// not this format's (or a newer one's) says.
import * as assert from 'node:assert/strict';
import { parseHistory, type RememberedFailure } from '../../../src/doctor/failureHistory';

const GOOD: RememberedFailure = {
  account: '123456789012', region: 'ap-northeast-2', cluster: 'demo-ecs-cluster', service: 'demo-ecs-service',
  taskArn: 'arn:aws:ecs:ap-northeast-2:123456789012:task/demo-ecs-cluster/t1', taskDefinition: 'app:7', stopCode: 'TaskFailedToStart',
  stoppedReason: 'no route', containers: [{ name: 'web', exitCode: 0, reason: 'exited' }], code: 'ECR_UNREACHABLE', title: 'No ECR',
  stoppedAt: '2026-12-05T11:00:00.000Z', firstSeen: '2026-12-05T11:01:00.000Z', lastSeen: '2026-12-05T11:02:00.000Z',
  findings: [{ code: 'ENDPOINT_MISSING', title: '' }],
};

/** The entries read from a file holding `entries`, and how many were left out. */
function read(...entries: unknown[]): { entries: RememberedFailure[]; skipped: number } {
  const parsed = parseHistory(JSON.stringify({ format: 1, entries }));
  assert.ok(parsed.ok);
  return { entries: parsed.entries, skipped: parsed.skipped };
}

const without = (key: keyof RememberedFailure) => Object.fromEntries(Object.entries(GOOD).filter(([k]) => k !== key));

describe('failure history file: entries', () => {
  it('reads a whole entry as written, and one with only the required fields', () => {
    assert.deepEqual(read(GOOD), { entries: [GOOD], skipped: 0 });
    const { taskDefinition: _t, stopCode: _c, stoppedReason: _r, stoppedAt: _s, ...required } = GOOD;
    void [_t, _c, _r, _s];
    const minimal = { ...required, containers: [], findings: [] };
    const { entries } = read(minimal);
    assert.deepEqual(entries, [minimal]);
    assert.deepEqual(Object.keys(entries[0] ?? {}).sort(), ['account', 'cluster', 'code', 'containers', 'findings', 'firstSeen', 'lastSeen', 'region', 'service', 'taskArn', 'title']);
  });

  it('leaves out an entry missing a required text, or with it empty or not text', () => {
    for (const key of ['account', 'region', 'cluster', 'service', 'taskArn', 'code'] as const) {
      assert.deepEqual(read(without(key), { ...GOOD, [key]: '' }, { ...GOOD, [key]: 1 }, GOOD).skipped, 3, key);
    }
    assert.equal(read({ ...GOOD, title: '' }).skipped, 0, 'an empty title is a title');
    assert.equal(read(without('title'), { ...GOOD, title: 5 }).skipped, 2);
  });

  it('leaves out an entry whose times are missing or not times', () => {
    for (const key of ['firstSeen', 'lastSeen'] as const) assert.equal(read(without(key), { ...GOOD, [key]: 'yesterday' }, { ...GOOD, [key]: '' }, { ...GOOD, [key]: 0 }).skipped, 4, key);
    assert.equal(read({ ...GOOD, stoppedAt: 'soon' }, { ...GOOD, stoppedAt: '' }, { ...GOOD, stoppedAt: 1 }).skipped, 3);
    assert.equal(read(without('stoppedAt')).skipped, 0);
  });

  it('leaves out an entry whose optional texts are empty or not text', () => {
    for (const key of ['taskDefinition', 'stopCode', 'stoppedReason'] as const) {
      assert.deepEqual(read({ ...GOOD, [key]: '' }, { ...GOOD, [key]: 3 }, without(key)).skipped, 2, key);
    }
  });

  it('leaves out an entry without lists of containers and findings', () => {
    for (const key of ['containers', 'findings'] as const) {
      assert.equal(read(without(key), { ...GOOD, [key]: {} }, { ...GOOD, [key]: 'x' }).skipped, 3, key);
    }
  });

  it('leaves out an entry with a container that does not hold: no name, a fractional or textual exit code, an empty reason, not an object', () => {
    const bad = [{ exitCode: 1 }, { name: '' }, { name: 'web', exitCode: 1.5 }, { name: 'web', exitCode: '1' }, { name: 'web', reason: '' }, { name: 'web', reason: 2 }, null, ['web'], 'web'];
    assert.equal(read(...bad.map((c) => ({ ...GOOD, containers: [c] }))).skipped, bad.length);
    const { entries } = read({ ...GOOD, containers: [{ name: 'a' }, { name: 'b', exitCode: -1 }] });
    assert.deepEqual(entries[0]?.containers, [{ name: 'a' }, { name: 'b', exitCode: -1 }]);
  });

  it('leaves out an entry with a finding that does not hold: no code, an empty code, a title not text, not an object', () => {
    const bad = [{ title: 't' }, { code: '', title: 't' }, { code: 'X' }, { code: 'X', title: 1 }, null, 'X'];
    assert.equal(read(...bad.map((f) => ({ ...GOOD, findings: [f] }))).skipped, bad.length);
  });

  it('leaves out what is not an entry at all', () => {
    assert.deepEqual(read(null, [], 'entry', 7, GOOD), { entries: [GOOD], skipped: 4 });
  });

  it('re-applies the limits and the redaction to an edited entry', () => {
    const long = 'no route '.repeat(200);
    const containers = Array.from({ length: 25 }, (_, i) => ({ name: `c${i}`, reason: long }));
    const findings = Array.from({ length: 12 }, (_, i) => ({ code: `C${i}`, title: '' }));
    const [e] = read({ ...GOOD, stoppedReason: `${long} AKIAIOSFODNN7EXAMPLE`, containers, findings }).entries;
    assert.equal(e?.stoppedReason, `${long.slice(0, 1023)}…`);
    assert.equal(e?.containers.length, 20);
    assert.equal(e?.containers[0]?.reason, `${long.slice(0, 1023)}…`);
    assert.deepEqual(e?.findings, findings.slice(0, 10));
    assert.equal(read({ ...GOOD, containers: [{ name: 'web', reason: 'key AKIAIOSFODNN7EXAMPLE' }] }).entries[0]?.containers[0]?.reason, 'key AKIA****');
  });
});

describe('failure history file: the whole file', () => {
  it('a file that is not JSON: corrupt, with the parser\'s message', () => {
    let message = '';
    try {
      JSON.parse('{"format":1,');
    } catch (err) {
      message = (err as Error).message;
    }
    assert.deepEqual(parseHistory('{"format":1,'), { ok: false, entries: [], problem: 'corrupt', detail: message });
  });

  it('JSON that is not a history: corrupt, saying what it lacks', () => {
    const expected = { ok: false, entries: [], problem: 'corrupt', detail: 'not an ECS Studio history file (no format and entries)' };
    for (const text of ['null', '"x"', '[{"format":1,"entries":[]}]', '{"format":1.5,"entries":[]}', '{"format":"1","entries":[]}', '{"format":0,"entries":[]}',
      '{"format":1,"entries":{}}', '{"format":1}']) {
      assert.deepEqual(parseHistory(text), expected, text);
    }
  });

  it('format 1 is read; a higher one is a newer ECS Studio\'s, saying which', () => {
    assert.deepEqual(parseHistory('{"format":1,"entries":[]}'), { ok: true, entries: [], skipped: 0 });
    assert.deepEqual(parseHistory('{"format":2,"entries":[]}'), { ok: false, entries: [], problem: 'newer', detail: 'format 2, this version reads 1' });
  });
});
