import * as assert from 'node:assert/strict';
import { chunk, describeInBatches, mapConcurrent } from '../../../src/aws/batching';

describe('batching', () => {
  it('chunks to the given size, the last chunk holding the rest', () => {
    assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(chunk([], 10), []);
    assert.throws(() => chunk([1], 0), RangeError);
  });

  it('keeps at most `limit` calls in flight and the results in input order', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const release: Array<() => void> = [];
    const run = mapConcurrent([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise<void>((resolve) => release.push(resolve));
      inFlight--;
      return n * 10;
    });
    // Release calls one at a time, in reverse order of arrival, until all have run.
    while (release.length > 0 || inFlight > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      release.pop()?.();
    }
    assert.deepEqual(await run, [10, 20, 30, 40, 50, 60, 70]);
    assert.equal(maxInFlight, 3);
  });

  it('rejects with the first failure and starts no further call', async () => {
    const started: number[] = [];
    await assert.rejects(
      mapConcurrent([1, 2, 3, 4], 1, async (n) => {
        started.push(n);
        if (n === 2) throw new Error('boom');
        return n;
      }),
      /boom/,
    );
    assert.deepEqual(started, [1, 2]);
  });

  it('describes 250 ids as batches of 100, 100 and 50', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `id-${i}`);
    const sizes: number[] = [];
    const out = await describeInBatches(ids, 100, 2, async (batch) => {
      sizes.push(batch.length);
      return batch.map((id) => id.toUpperCase());
    });
    assert.deepEqual(sizes.sort((a, b) => b - a), [100, 100, 50]);
    assert.equal(out.length, 250);
    assert.equal(out[249], 'ID-249');
  });
});
