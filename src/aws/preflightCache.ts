/**
 * What a service form's preflight reads once and reuses while the form is open: the host keeps
 * one cache per form (createPreflightCache) and passes it with every preflightService call, so
 * that changing a subnet or a port re-reads only what may have changed.
 *
 * The snapshot collector asks it for the reads that do not change while a person fills a form:
 * the task definition, the image manifests, the execution role and its policies, the log
 * groups, and per VPC its subnets, route tables, endpoints, network ACLs and DNS attributes, the
 * Region's endpoint services, the load balancer wiring. Security groups are read every time: they
 * are what a person is most likely to change in the console while the form is open. `clear()`
 * forgets everything (a "Check again" button).
 *
 * A failed or cancelled read is never kept. A call that finds a read in flight shares it; if that
 * read was cancelled by ITS caller (a superseded preflight), the call runs its own.
 */
import { effectiveProfileName, type Connection } from '../model/connection';

export interface PreflightCache {
  /** The value kept under `key`, or `run`'s, kept once it succeeds. */
  read<T>(key: string, run: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Forgets every read. */
  clear(): void;
  /** How many reads are kept (tests, diagnostics). */
  readonly size: number;
}

class MemoryPreflightCache implements PreflightCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  get size(): number {
    return this.entries.size;
  }

  async read<T>(key: string, run: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const kept = this.entries.get(key) as Promise<T> | undefined;
    if (kept) {
      try {
        return await kept;
      } catch (err) {
        // The shared read failed; its entry is gone. Our own cancellation ends here, anything else runs again once.
        if (signal?.aborted) throw err;
      }
    }
    const pending = run();
    this.entries.set(key, pending);
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    });
    return pending;
  }

  clear(): void {
    this.entries.clear();
  }
}

export function createPreflightCache(): PreflightCache {
  return new MemoryPreflightCache();
}

/** A cache key that cannot mix accounts: profile, Region and endpoint, then the read. */
export function cacheKey(connection: Connection, read: string): string {
  return `${effectiveProfileName(connection)}|${connection.region}|${connection.endpointUrl ?? ''}|${read}`;
}
