/**
 * The service form's preflight: what would fail at the first start of a service not made yet,
 * read from the account and judged by the doctor (src/doctor/preflight.ts). The VS Code host calls
 * it through `loadAws().preflightService(...)` as choices change, debounced, with the signal of
 * the call it supersedes aborted, and with one cache per open form (createPreflightCache) so a
 * change of subnet or port re-reads only what may have changed.
 *
 * Reads: collectPreflightSnapshot (the task definition, the VPC of the chosen subnets, the role,
 * images, log groups, the target group's wiring or the existing load balancer of a planned one).
 * Only the task definition must be read; any other read that fails becomes a "could not check"
 * item. Cancellation rejects with the AwsError of kind `cancelled`.
 */
import { preflight, type Preflight } from '../doctor/preflight';
import type { CallOptions } from './call';
import { AwsError } from './errors';
import type { PreflightCache } from './preflightCache';
import type { AwsSession } from './session';
import { collectPreflightSnapshot, type PreflightInput } from './snapshotCollector';

export interface ServicePreflightOptions extends CallOptions {
  /** Aborted when a newer preflight supersedes this one. */
  readonly signal?: AbortSignal | undefined;
  /** The open form's cache (createPreflightCache()); without one every read is made. */
  readonly cache?: PreflightCache;
}

export interface ServicePreflight extends Preflight {
  /** When the account was read. */
  readonly checkedAt: Date;
}

/** Reads what a new service would need and returns the doctor's items for the form. */
export async function preflightService(session: AwsSession, input: PreflightInput, options: ServicePreflightOptions = {}): Promise<ServicePreflight> {
  const snapshot = await collectPreflightSnapshot(session, input, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
    // A form never has stopped tasks to read.
    stoppedTasks: 0,
  });
  // Superseded after its last read (the cache can answer everything without a call): say so, as a read would.
  if (options.signal?.aborted) throw new AwsError('cancelled', 'Cancelled.', 'AbortError', undefined, undefined);
  return { ...preflight(snapshot), checkedAt: new Date() };
}
