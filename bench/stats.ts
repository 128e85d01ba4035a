// What the bench's parts share: a row of the table, the median, and the round trips of a set
// of calls recorded by the AWS-limits proxy.
import type { ProxyCall } from '../test/support/awsLimitsProxy';

export interface Row { measure: string; value: string; target: string; ok: boolean }

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)]!;
}

export function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

/**
 * The round trips of a set of calls: the longest chain of calls each of which started after
 * the one before it had its answer (the critical path through the calls' intervals, as the
 * proxy saw them). Calls in flight together count once.
 */
export function roundTrips(calls: ReadonlyArray<Pick<ProxyCall, 'startMs' | 'ms'>>): number {
  const sorted = [...calls].sort((a, b) => a.startMs - b.startMs);
  const depth: number[] = [];
  sorted.forEach((call, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) {
      const earlier = sorted[j]!;
      if (earlier.startMs + earlier.ms <= call.startMs) before = Math.max(before, depth[j]!);
    }
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}
