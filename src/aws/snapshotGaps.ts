/**
 * What the snapshot collector could not read. A read that fails (AccessDenied, throttling, not
 * found...) becomes a `gaps` entry worded for the analyzer's "could not check" findings;
 * cancellation is never a gap.
 */
import type { Gap, GapSubject } from '../doctor/snapshot';
import { effectiveProfileName, type Connection } from '../model/connection';
import { toAwsError, type AwsError } from './errors';

/** Collects what the gap list needs about a failed read; rethrows what must not become a gap. */
export class Gaps {
  readonly list: Gap[] = [];

  constructor(private readonly connection: Connection) {}

  /** Runs `read`; on failure records a gap and returns undefined. Cancellation is rethrown. */
  async read<T>(subject: GapSubject, resource: string | undefined, read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (err) {
      const error = this.toError(err);
      if (error.kind === 'cancelled') throw error;
      this.add(subject, resource, gapReason(error));
      return undefined;
    }
  }

  /** Runs `read`, returning its value or the error (cancellation is rethrown); the caller decides on the gap. */
  async attempt<T>(read: () => Promise<T>): Promise<{ value: T } | { error: AwsError }> {
    try {
      return { value: await read() };
    } catch (err) {
      const error = this.toError(err);
      if (error.kind === 'cancelled') throw error;
      return { error };
    }
  }

  add(subject: GapSubject, resource: string | undefined, reason: string): void {
    this.list.push({ subject, ...(resource ? { resource } : {}), reason });
  }

  private toError(err: unknown): AwsError {
    const c = this.connection;
    return toAwsError(err, { profile: effectiveProfileName(c), region: c.region, endpointUrl: c.endpointUrl });
  }
}

/** "AccessDenied: iam:GetRole", "throttled: ec2:DescribeNetworkAcls", or the service's own words. */
export function gapReason(error: AwsError): string {
  const op = error.operation ? `: ${error.operation}` : '';
  switch (error.kind) {
    case 'accessDenied':
      return `AccessDenied${op}`;
    case 'throttled':
      return `throttled${op}`;
    case 'unreachable':
      return `unreachable${op}`;
    default:
      return `${error.code && error.code !== 'Error' ? `${error.code}${op}` : error.operation ?? 'failed'}${error.detail ? ` (${error.detail.slice(0, 200)})` : ''}`;
  }
}
