/** Splitting describe calls to the API maximum and running them with a bound on concurrency. */
import { mapConcurrent } from '../util/concurrency';

export { mapConcurrent };

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
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
