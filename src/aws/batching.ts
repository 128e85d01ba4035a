/** Splitting describe calls to the API maximum and running them with a bound on concurrency. */

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Maps every item with at most `limit` calls in flight, keeping the input order in the result.
 * The first rejection rejects the whole call; calls not yet started are not started.
 */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  async function worker(): Promise<void> {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  }
  const workers = Array.from({ length: Math.min(Math.max(1, limit), items.length) }, () => worker());
  await Promise.all(workers);
  return results;
}

/** Describes `ids` in batches of `batchSize`, `concurrency` batches at a time, flattening the results in order. */
export async function describeInBatches<T>(
  ids: readonly string[],
  batchSize: number,
  concurrency: number,
  describe: (batch: string[]) => Promise<readonly T[]>,
): Promise<T[]> {
  const batches = await mapConcurrent(chunk(ids, batchSize), concurrency, describe);
  return batches.flat();
}
