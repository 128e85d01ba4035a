import * as assert from 'node:assert/strict';
import { checkClusterName, checkDesiredCount, checkStopReason, DEFAULT_STOP_REASON } from '../../../src/forms/itemInputs';

describe('item command inputs', () => {
  it('accepts cluster names of 1-255 letters, numbers, hyphens and underscores', () => {
    assert.deepEqual(checkClusterName('  demo-ecs_cluster2 '), { ok: true, value: 'demo-ecs_cluster2' });
    assert.deepEqual(checkClusterName('a'.repeat(255)), { ok: true, value: 'a'.repeat(255) });
    assert.deepEqual(checkClusterName(''), { ok: false, problem: 'empty' });
    assert.deepEqual(checkClusterName('a'.repeat(256)), { ok: false, problem: 'tooLong', detail: '256' });
    assert.deepEqual(checkClusterName('my cluster.prod'), { ok: false, problem: 'badCharacters', detail: 'a space and "."' });
    assert.equal(checkClusterName('clüster').ok, false);
  });

  it('accepts desired counts that are whole numbers from 0 to 10000', () => {
    assert.deepEqual(checkDesiredCount('0'), { ok: true, value: 0 });
    assert.deepEqual(checkDesiredCount(' 10000 '), { ok: true, value: 10000 });
    assert.deepEqual(['', 'abc', '-1', '1.5', '1e3', '0x10'].map((t) => checkDesiredCount(t).ok), [false, false, false, false, false, false]);
    assert.deepEqual(checkDesiredCount('abc'), { ok: false, problem: 'notInteger' });
    assert.deepEqual(checkDesiredCount('10001'), { ok: false, problem: 'outOfRange' });
    assert.deepEqual(checkDesiredCount('99999999999999999999'), { ok: false, problem: 'outOfRange' });
  });

  it('accepts stop reasons up to 255 characters, the default when empty', () => {
    assert.deepEqual(checkStopReason('  '), { ok: true, value: DEFAULT_STOP_REASON });
    assert.deepEqual(checkStopReason('Rolling back 1.4'), { ok: true, value: 'Rolling back 1.4' });
    assert.deepEqual(checkStopReason('x'.repeat(255)), { ok: true, value: 'x'.repeat(255) });
    assert.deepEqual(checkStopReason('x'.repeat(256)), { ok: false, problem: 'tooLong', detail: '256' });
  });
});
