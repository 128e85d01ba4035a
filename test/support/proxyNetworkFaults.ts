// The AWS-limits proxy's network faults: what a flaky network or a broken endpoint does to a
// call, by operation and by count, next to the AWS error answers of `injectFault`.
//   delay      the answer comes after `delayMs` (then the call goes through as usual)
//   drop       the connection is closed without an answer (the SDK sees "socket hang up")
//   reset      the connection is reset (TCP RST: ECONNRESET)
//   hang       no answer, ever: the connection stays open until the client gives up or the
//              proxy stops (what a request timeout is for)
//   malformed  HTTP 200 with a body that is not the protocol's JSON or XML
// Only the proxy (awsLimitsProxy.ts) uses this module.
import type * as http from 'node:http';

export type NetworkFaultKind = 'delay' | 'drop' | 'reset' | 'hang' | 'malformed';

export interface NetworkFault {
  /** The operation as AWS spells it: `ListClusters`, `DescribeVpcs`, `AssumeRole`. */
  readonly operation: string;
  readonly kind: NetworkFaultKind;
  /** For `delay`: how long, in ms. */
  readonly delayMs?: number;
  /** How many of the operation's next calls get it (default 1). */
  readonly times?: number;
  /** How many of the operation's calls go through untouched first (default 0): `skip: 1` faults the second call. */
  readonly skip?: number;
}

export interface ArmedNetworkFault {
  readonly fault: NetworkFault;
  left: number;
  skip: number;
}

export function armNetworkFault(fault: NetworkFault): ArmedNetworkFault {
  const times = fault.times ?? 1;
  if (!Number.isInteger(times) || times < 1) throw new RangeError(`fault times must be a whole number >= 1, got ${times}`);
  if (fault.kind === 'delay' && !(Number.isFinite(fault.delayMs) && (fault.delayMs ?? -1) >= 0)) {
    throw new RangeError(`a delay fault needs delayMs >= 0, got ${fault.delayMs}`);
  }
  const skip = fault.skip ?? 0;
  if (!Number.isInteger(skip) || skip < 0) throw new RangeError(`fault skip must be a whole number >= 0, got ${skip}`);
  return { fault, left: times, skip };
}

/** Takes one use of the fault armed for `operation`, if any (and forgets it when spent). */
export function takeNetworkFault(faults: Map<string, ArmedNetworkFault>, operation: string): NetworkFault | undefined {
  const armed = faults.get(operation);
  if (!armed) return undefined;
  if (armed.skip > 0) {
    armed.skip -= 1;
    return undefined;
  }
  armed.left -= 1;
  if (armed.left <= 0) faults.delete(operation);
  return armed.fault;
}

/**
 * Acts out a fault that leaves no answer (drop, reset, hang) on the incoming request.
 * Returns false for the faults that still answer (delay, malformed): the caller goes on.
 */
export function actOutWithoutAnswer(fault: NetworkFault, incoming: http.IncomingMessage): boolean {
  const socket = incoming.socket;
  switch (fault.kind) {
    case 'drop':
      socket.end();
      socket.destroySoon();
      return true;
    case 'reset':
      socket.resetAndDestroy();
      return true;
    case 'hang':
      // Nothing is written; the proxy's stop() closes every connection, hung ones included.
      return true;
    default:
      return false;
  }
}

/** A 200 answer whose body the SDK cannot parse, in the content type of the request's protocol. */
export function malformedBody(query: boolean): { headers: http.IncomingHttpHeaders; body: Buffer } {
  return query
    ? { headers: { 'content-type': 'text/xml' }, body: Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<Respo') }
    : { headers: { 'content-type': 'application/x-amz-json-1.1' }, body: Buffer.from('{"clusterArns": ["arn:aws:ecs:') };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
