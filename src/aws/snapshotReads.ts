// What the snapshot collector's parts share: its options, the preflight cache's read-through, and
// how many reads of one kind run at once. The parts: snapshotNetwork.ts (the VPC),
// snapshotLoadBalancing.ts (target groups and their health), snapshotCollector.ts (the rest, and
// the order reads start in).

import type { CallOptions } from './call';
import { cacheKey, type PreflightCache } from './preflightCache';
import type { AwsSession } from './session';

export interface CollectOptions extends CallOptions {
  /** How many of the service's most recent stopped tasks to keep (read with one ListTasks and one DescribeTasks). Default 10. */
  readonly stoppedTasks?: number;
  /** Read the Region's endpoint service names (one DescribeVpcEndpointServices). Default true. */
  readonly endpointServices?: boolean;
  /** Reads kept between calls (a service form's preflight: createPreflightCache()); without one, everything is read. */
  readonly cache?: PreflightCache;
}

/** `run`, or the value the options' cache kept for `read` (preflightCache.ts says which reads are kept). */
export function cached<T>(session: AwsSession, options: CollectOptions, read: string, run: () => Promise<T>): Promise<T> {
  return options.cache ? options.cache.read(cacheKey(session.connection, read), run, options.signal) : run();
}

/** ECR images, log groups, secrets, target groups or policy documents read at once. */
export const CONCURRENCY = 4;
