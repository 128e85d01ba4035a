// A loopback HTTP proxy in front of moto that enforces AWS's paging and batch limits,
// which moto ignores: ECS list calls return one page of AWS's size with an opaque
// nextToken, and describe calls over AWS's batch size fail as they do on AWS.
// Every call is recorded, and an optional latency is added to every response.
//
// Requests flow through a short list of steps (see `steps` in startAwsLimitsProxy); each
// step answers by itself or calls `next`. Fault injection is one more step in that list.
//
// Faults: `startAwsLimitsProxy(url, { faults: [...] })` or, at run time, `proxy.injectFault(...)`
// makes the proxy answer the next N calls of one operation (`CreateService`, `CreateLoadBalancer`,
// `AuthorizeSecurityGroupIngress`, ...) with an AWS error of the given status, code and message,
// in the wire format of the operation's protocol (JSON for ECS and the other JSON services, EC2's
// XML, the XML of the other query services: ELBv2, IAM, STS), so the SDK raises the same typed
// exception AWS's answer would. The faulted calls are recorded in `calls` with their status and
// never reach moto. One fault per operation: a new one for the same operation replaces it.
// Network faults (`proxy.injectNetworkFault({ operation, kind, times })`, proxyNetworkFaults.ts):
// delay, drop, reset, hang, or a malformed body; a call with no answer is recorded with status 0.
// Retention (`proxy.forgetStoppedTasks(arns)`, proxyTaskRetention.ts): stopped tasks ECS no longer returns.
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { rewriteJsonAnswers, type AnswerRewrite } from './proxyRewrites';
import { answerTargetHealth, type TargetVerdict } from './proxyTargetHealth';
import { forgetExpiredTasks } from './proxyTaskRetention';
import {
  actOutWithoutAnswer, armNetworkFault, malformedBody, sleep, takeNetworkFault,
  type ArmedNetworkFault, type NetworkFault, type NetworkFaultKind,
} from './proxyNetworkFaults';

export type { NetworkFault, NetworkFaultKind };

export interface ProxyCall {
  /** Signing name from the credential scope (`ecs`, `ec2`, `sts`, ...). */
  service: string;
  /** `ListClusters`, `DescribeVpcs`, ...; `METHOD /path` for REST calls. */
  operation: string;
  /** HTTP status of the answer; 0 when a network fault left the call without one. */
  status: number;
  /** The network fault this call got, if any. */
  fault?: NetworkFaultKind;
  /** Time from receiving the request to sending the response, latency included. */
  ms: number;
  /** When the request arrived (performance.now() of this process): with `ms`, the call's interval. */
  startMs: number;
}

/** A call the proxy holds with a `hang` fault. */
export interface HungCall {
  readonly call: ProxyCall;
  /** Resolves when the call's connection closes: the client gave up (a timeout or an abort). */
  readonly closed: Promise<void>;
}

/** An AWS error the proxy answers a chosen operation with, instead of forwarding the call to moto. */
export interface InjectedFault {
  /** The operation's name as AWS spells it: `CreateService`, `CreateLoadBalancer`, `AuthorizeSecurityGroupIngress`. */
  readonly operation: string;
  /** HTTP status of the answer: 400 for a refused request, 500 or 503 for AWS failing. */
  readonly status: number;
  /** AWS's error code, which the SDK turns into the exception's `name`: `InvalidParameterException`. */
  readonly code: string;
  readonly message: string;
  /** How many of the operation's next calls fail (default 1); the calls after them go through again. */
  readonly times?: number;
}

export interface AwsLimitsProxyOptions {
  /** Added to every response, in ms (default 0). */
  readonly latencyMs?: number;
  /** Faults armed from the start (see InjectedFault); more can be armed later with injectFault. */
  readonly faults?: readonly InjectedFault[];
  /** Listen on this 127.0.0.1 port (default: a free one), e.g. one named in settings written before the proxy starts. */
  readonly port?: number;
}

export interface AwsLimitsProxy {
  readonly url: string;
  readonly calls: readonly ProxyCall[];
  resetCalls(): void;
  /** Resolves when the next call of `operation` arrives and a `hang` fault holds it (ask before it can arrive). */
  nextHungCall(operation: string): Promise<HungCall>;
  setLatency(ms: number): void;
  /** Arms a fault: the operation's next `times` calls get this error (replaces a fault armed for it before). */
  injectFault(fault: InjectedFault): void;
  /** Arms a network fault (delay, drop, reset, hang, malformed) for the operation's next `times` calls. */
  injectNetworkFault(fault: NetworkFault): void;
  /** Disarms every fault not yet spent, network faults included. */
  clearFaults(): void;
  /** How many failing answers are left for each operation with an armed fault. */
  pendingFaults(): Record<string, number>;
  /**
   * Answers the next call of `operation` (e.g. `DeleteService`) with this AWS error instead
   * of forwarding it; later calls go through again. `injectFault` with `times: 1`.
   */
  failNext(operation: string, error: { status: number; type: string; message: string }): void;
  /** The load balancer's verdict moto cannot give (proxyTargetHealth.ts); undefined hands the target group back to moto. */
  setTargetHealth(targetGroupArn: string, targets: readonly TargetVerdict[] | undefined): void;
  /** Rewrites the operation's successful JSON answers from now on (proxyRewrites.ts); undefined stops it. */
  rewriteAnswers(operation: string, rewrite: AnswerRewrite | undefined): void;
  /**
   * Plays the hour after which ECS no longer returns a stopped task, for these tasks: ListTasks
   * leaves them out and DescribeTasks answers them as MISSING. Each must have been described as
   * stopped through the proxy before (a running task is never forgotten).
   */
  forgetStoppedTasks(taskArns: readonly string[]): void;
  stop(): Promise<void>;
}

/** A request as the steps see it: body fully read, operation already recognised. */
export interface ProxyRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  readonly service: string;
  readonly operation: string;
  /** The `X-Amz-Target` prefix of JSON-protocol calls (`AmazonEC2ContainerServiceV20141113`). */
  readonly targetPrefix?: string;
  /** Region from the credential scope of the signature. */
  readonly region?: string;
}

export interface ProxyResponse {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
}

type Next = (req: ProxyRequest) => Promise<ProxyResponse>;
/** One stage of the pipeline: answer the request itself, or pass it on with `next`. */
export type Step = (req: ProxyRequest, next: Next) => Promise<ProxyResponse>;

const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113';

/**
 * ECS list operations: the response field that holds the list, and AWS's default and
 * maximum `maxResults` (ECS API reference, `maxResults` of each operation).
 */
const ECS_LISTS: Record<string, { field: string; defaultSize: number; maxSize: number }> = {
  ListClusters: { field: 'clusterArns', defaultSize: 100, maxSize: 100 },
  ListServices: { field: 'serviceArns', defaultSize: 10, maxSize: 100 },
  ListTasks: { field: 'taskArns', defaultSize: 100, maxSize: 100 },
  ListTaskDefinitions: { field: 'taskDefinitionArns', defaultSize: 100, maxSize: 100 },
  ListTaskDefinitionFamilies: { field: 'families', defaultSize: 100, maxSize: 100 },
  ListContainerInstances: { field: 'containerInstanceArns', defaultSize: 100, maxSize: 100 },
};

/** ECS describe operations: the request field that holds the names, AWS's limit and error text. */
const ECS_DESCRIBE_LIMITS: Record<string, { field: string; max: number; message: string }> = {
  // Seen from AWS in aws/aws-toolkit-vscode#2362 and #2404, remind101/empire#944.
  DescribeServices: { field: 'services', max: 10, message: 'service names can have at most 10 items.' },
  // Seen from AWS in sil-org/ecs-deploy#266 and gchq/sleeper#555.
  DescribeTasks: { field: 'tasks', max: 100, message: 'taskIds can have at most 100 items.' },
  // Seen from AWS in traefik/traefik#3625.
  DescribeContainerInstances: { field: 'containerInstances', max: 100, message: 'instanceIds can have at most 100 items.' },
  // The limit is documented ("A list of up to 100 cluster names"); AWS's text for it was not
  // found anywhere public: this one follows the pattern of the three above.
  DescribeClusters: { field: 'clusters', max: 100, message: 'clusters can have at most 100 items.' },
};

/** Starts the proxy on a free 127.0.0.1 port (or options.port), forwarding to `targetUrl` (moto). */
export async function startAwsLimitsProxy(
  targetUrl: string,
  options: AwsLimitsProxyOptions = {},
): Promise<AwsLimitsProxy> {
  const calls: ProxyCall[] = [];
  const hungWaiters = new Map<string, Array<(hung: HungCall) => void>>();
  let latencyMs = checkLatency(options.latencyMs ?? 0);
  const agent = new http.Agent({ keepAlive: true });
  const tokenKey = randomBytes(32);
  const faults = new Map<string, ArmedFault>();
  const injectFault = (fault: InjectedFault): void => { faults.set(fault.operation, armed(fault)); };
  for (const fault of options.faults ?? []) injectFault(fault);
  const verdicts = new Map<string, readonly TargetVerdict[]>();
  const networkFaults = new Map<string, ArmedNetworkFault>();
  const rewrites = new Map<string, AnswerRewrite>();
  const seenStopped = new Map<string, number>();
  const forgotten = new Set<string>();

  const steps: Step[] = [
    addLatency(() => latencyMs),
    rewriteJsonAnswers(rewrites),
    injectFaults(faults),
    limitEcsDescribeBatches,
    pageEcsLists(tokenKey),
    sortEcsTaskDefinitions,
    forgetExpiredTasks(forgotten),
    filterEcsListTasks,
    stampStoppedTasks(seenStopped),
    answerTargetHealth(verdicts),
  ];
  const pipeline = compose(steps, forwardTo(new URL(targetUrl), agent));

  const handle = async (incoming: http.IncomingMessage, outgoing: http.ServerResponse): Promise<void> => {
    const started = performance.now();
    let req: ProxyRequest | undefined;
    let res: ProxyResponse;
    let faultKind: NetworkFaultKind | undefined;
    try {
      req = recognise(incoming, await readBody(incoming));
      const fault = takeNetworkFault(networkFaults, req.operation);
      faultKind = fault?.kind;
      if (fault && actOutWithoutAnswer(fault, incoming)) {
        const call: ProxyCall = { service: req.service, operation: req.operation, status: 0, ms: performance.now() - started, fault: fault.kind, startMs: started };
        calls.push(call);
        if (fault.kind === 'hang') {
          const socket = incoming.socket;
          const closed = socket.destroyed ? Promise.resolve() : new Promise<void>((resolve) => socket.once('close', () => resolve()));
          const waiting = hungWaiters.get(req.operation) ?? [];
          hungWaiters.delete(req.operation);
          for (const resolve of waiting) resolve({ call, closed });
        }
        return;
      }
      if (fault?.kind === 'delay') await sleep(fault.delayMs ?? 0);
      res = fault?.kind === 'malformed' ? { status: 200, ...malformedBody(isQueryProtocol(req)) } : await pipeline(req);
    } catch (err) {
      res = errorResponse(502, 'ProxyError', `awsLimitsProxy: ${String(err)}`);
    }
    // Recorded before the answer leaves, so a caller that has its answer sees the call.
    calls.push({
      service: req?.service ?? 'unknown',
      operation: req?.operation ?? 'unknown',
      status: res.status,
      ms: performance.now() - started,
      ...(faultKind ? { fault: faultKind } : {}),
      startMs: started,
    });
    send(outgoing, res);
  };
  const server = http.createServer((incoming, outgoing) => void handle(incoming, outgoing));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    resetCalls: () => { calls.length = 0; },
    nextHungCall: (operation) => new Promise<HungCall>((resolve) => {
      hungWaiters.set(operation, [...(hungWaiters.get(operation) ?? []), resolve]);
    }),
    setLatency: (ms) => { latencyMs = checkLatency(ms); },
    injectFault,
    injectNetworkFault: (fault) => { networkFaults.set(fault.operation, armNetworkFault(fault)); },
    clearFaults: () => { faults.clear(); networkFaults.clear(); },
    pendingFaults: () => Object.fromEntries([...faults].map(([operation, f]) => [operation, f.left])),
    failNext: (operation, error) => { injectFault({ operation, status: error.status, code: error.type, message: error.message }); },
    setTargetHealth: (arn, targets) => { if (targets) verdicts.set(arn, targets); else verdicts.delete(arn); },
    rewriteAnswers: (operation, rewrite) => { if (rewrite) rewrites.set(operation, rewrite); else rewrites.delete(operation); },
    forgetStoppedTasks: (arns) => {
      const unseen = arns.filter((arn) => !seenStopped.has(arn));
      if (unseen.length > 0) throw new Error(`awsLimitsProxy: never described as stopped, so not forgotten: ${unseen.join(', ')}`);
      for (const arn of arns) forgotten.add(arn);
    },
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
      agent.destroy();
    }),
  };
}

// ---- steps ----------------------------------------------------------------------------

/** Delays every response (errors from later steps included) by the current latency. */
function addLatency(latencyMs: () => number): Step {
  return async (req, next) => {
    const res = await next(req);
    // Timers may fire a fraction of a millisecond early: wait until the full delay has passed.
    const until = performance.now() + latencyMs();
    for (let left = until - performance.now(); left > 0; left = until - performance.now()) {
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
    }
    return res;
  };
}

interface ArmedFault {
  readonly fault: InjectedFault;
  left: number;
}

function armed(fault: InjectedFault): ArmedFault {
  const times = fault.times ?? 1;
  if (!Number.isInteger(times) || times < 1) throw new RangeError(`fault times must be a whole number >= 1, got ${times}`);
  if (!Number.isInteger(fault.status) || fault.status < 400 || fault.status > 599) throw new RangeError(`fault status must be an HTTP error status, got ${fault.status}`);
  return { fault, left: times };
}

/** Answers a call with the fault armed for its operation while it has failures left. */
function injectFaults(faults: Map<string, ArmedFault>): Step {
  return async (req, next) => {
    const armedFault = faults.get(req.operation);
    if (!armedFault) return next(req);
    armedFault.left -= 1;
    if (armedFault.left <= 0) faults.delete(req.operation);
    const { status, code, message } = armedFault.fault;
    return faultResponse(req, status, code, message);
  };
}

/**
 * The error in the wire format of the request's protocol: AWS's JSON protocols (ECS, ECR, Logs:
 * `X-Amz-Target`), EC2's query protocol (`<Response><Errors><Error>`), the other query
 * protocols (ELBv2, IAM, STS: `<ErrorResponse><Error>`). The SDK reads the code from each.
 */
function faultResponse(req: ProxyRequest, status: number, code: string, message: string): ProxyResponse {
  if (!isQueryProtocol(req)) return errorResponse(status, code, message);
  const requestId = randomUUID();
  const error = `<Code>${xmlText(code)}</Code><Message>${xmlText(message)}</Message>`;
  const xml = req.service === 'ec2'
    ? `<Response><Errors><Error>${error}</Error></Errors><RequestID>${requestId}</RequestID></Response>`
    : `<ErrorResponse><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type>${error}</Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return {
    status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`),
  };
}

/** EC2's and the other query protocols (form-encoded body, XML answers), as against AWS's JSON protocols. */
function isQueryProtocol(req: ProxyRequest): boolean {
  return !req.targetPrefix && (header(req.headers, 'content-type') ?? '').includes('application/x-www-form-urlencoded');
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Rejects ECS describe calls that name more resources than AWS accepts in one call. */
const limitEcsDescribeBatches: Step = async (req, next) => {
  const limit = req.targetPrefix === ECS_TARGET ? ECS_DESCRIBE_LIMITS[req.operation] : undefined;
  const input = limit ? parseJson(req.body) : undefined;
  const names = limit && input ? input[limit.field] : undefined;
  if (limit && Array.isArray(names) && names.length > limit.max) {
    return errorResponse(400, 'InvalidParameterException', limit.message);
  }
  return next(req);
};

/**
 * Pages ECS list calls as AWS does: asks moto for the whole list, returns the page that
 * `maxResults` (or AWS's default) and `nextToken` select, and a token for the next page.
 * A token only fits the region, operation and filters it was issued for, on this proxy.
 */
function pageEcsLists(tokenKey: Buffer): Step {
  return async (req, next) => {
    const list = req.targetPrefix === ECS_TARGET ? ECS_LISTS[req.operation] : undefined;
    const input = list ? parseJson(req.body) : undefined;
    if (!list || !input) return next(req);

    const { maxResults, nextToken, ...filters } = input;
    if (maxResults != null && !(Number.isInteger(maxResults) && Number(maxResults) >= 1 && Number(maxResults) <= list.maxSize)) {
      // AWS's text for this case was not found anywhere public; this one states the documented range.
      return errorResponse(400, 'InvalidParameterException', `maxResults must be between 1 and ${list.maxSize}.`);
    }
    const pageSize = maxResults == null ? list.defaultSize : Number(maxResults);
    const sign = (offset: number): string => createHmac('sha256', tokenKey)
      .update(JSON.stringify([req.region, req.operation, offset, filterHash(filters)])).digest('base64url');

    let offset = 0;
    if (nextToken != null) {
      const decoded = decodeToken(nextToken);
      if (!decoded || decoded.op !== req.operation || decoded.hash !== sign(decoded.offset)) {
        // Real AWS text, from rusoto's ECS integration test against AWS ("Invalid token bogus").
        return errorResponse(400, 'InvalidParameterException', `Invalid token ${String(nextToken)}`);
      }
      offset = decoded.offset;
    }

    const body = Buffer.from(JSON.stringify(filters));
    const headers = { ...req.headers, 'content-length': String(body.length) };
    delete headers['accept-encoding'];
    const res = await next({ ...req, headers, body });
    const output = res.status === 200 ? parseJson(res.body) : undefined;
    if (!output) return res;

    const all = Array.isArray(output[list.field]) ? (output[list.field] as unknown[]) : [];
    const end = offset + pageSize;
    const page: Record<string, unknown> = { ...output, [list.field]: all.slice(offset, end) };
    delete page.nextToken;
    if (end < all.length) page.nextToken = encodeToken({ op: req.operation, offset: end, hash: sign(end) });
    return { ...res, body: Buffer.from(JSON.stringify(page)) };
  };
}

/**
 * moto's ListTasks ignores `serviceName` and, without `desiredStatus`, lists stopped tasks too.
 * AWS lists only the service's tasks, and only RUNNING ones by default. This step asks moto for
 * the tasks' groups and status (DescribeTasks, straight to moto, not recorded) and filters.
 */
const filterEcsListTasks: Step = async (req, next) => {
  const input = req.targetPrefix === ECS_TARGET && req.operation === 'ListTasks' ? parseJson(req.body) : undefined;
  if (!input) return next(req);
  const res = await next(req);
  const output = res.status === 200 ? parseJson(res.body) : undefined;
  const arns = Array.isArray(output?.taskArns) ? (output.taskArns as string[]) : undefined;
  if (!output || !arns || arns.length === 0) return res;
  const desiredStatus = typeof input.desiredStatus === 'string' ? input.desiredStatus : 'RUNNING';
  const group = typeof input.serviceName === 'string' ? `service:${input.serviceName.split('/').pop()}` : undefined;
  const keep = new Set<string>();
  for (let i = 0; i < arns.length; i += 100) {
    const body = Buffer.from(JSON.stringify({ cluster: input.cluster, tasks: arns.slice(i, i + 100) }));
    const described = await next({
      ...req,
      operation: 'DescribeTasks',
      headers: { ...withoutEncoding(req.headers), 'x-amz-target': `${ECS_TARGET}.DescribeTasks`, 'content-length': String(body.length) },
      body,
    });
    const tasks = parseJson(described.body)?.tasks;
    if (described.status !== 200 || !Array.isArray(tasks)) return res; // leave moto's answer as it was
    for (const task of tasks as Array<Record<string, unknown>>) {
      if (task.desiredStatus === desiredStatus && (!group || task.group === group)) keep.add(String(task.taskArn));
    }
  }
  const filtered = { ...output, taskArns: arns.filter((arn) => keep.has(arn)) };
  return { ...res, body: Buffer.from(JSON.stringify(filtered)) };
};

/**
 * moto never sets a stopped task's `stoppedAt` (nor `stoppingAt`, `executionStoppedAt`); AWS
 * always does. This step gives each stopped task the time the proxy first saw it stopped (never
 * before its `createdAt`), the same on every later call, as AWS's would be.
 */
function stampStoppedTasks(firstSeen: Map<string, number>): Step {
  return async (req, next) => {
    if (req.targetPrefix !== ECS_TARGET || req.operation !== 'DescribeTasks') return next(req);
    const res = await next(req);
    const output = res.status === 200 ? parseJson(res.body) : undefined;
    const tasks = Array.isArray(output?.tasks) ? (output.tasks as Array<Record<string, unknown>>) : undefined;
    if (!output || !tasks) return res;
    let changed = false;
    for (const task of tasks) {
      if (task.lastStatus !== 'STOPPED' || task.stoppedAt !== undefined) continue;
      const arn = String(task.taskArn);
      const createdAt = typeof task.createdAt === 'number' ? task.createdAt : 0;
      const at = firstSeen.get(arn) ?? Math.max(Date.now() / 1000, createdAt);
      firstSeen.set(arn, at);
      task.stoppingAt ??= at;
      task.executionStoppedAt ??= at;
      task.stoppedAt = at;
      changed = true;
    }
    return changed ? { ...res, body: Buffer.from(JSON.stringify(output)) } : res;
  };
}

/**
 * moto lists task definitions in registration order and ignores `sort`. AWS lists them by
 * family name, then revision number, ascending; `sort: DESC` reverses both (ECS API
 * reference, ListTaskDefinitions). Runs before paging, on the whole list.
 */
const sortEcsTaskDefinitions: Step = async (req, next) => {
  const input = req.targetPrefix === ECS_TARGET && req.operation === 'ListTaskDefinitions' ? parseJson(req.body) : undefined;
  if (!input) return next(req);
  const res = await next(req);
  const output = res.status === 200 ? parseJson(res.body) : undefined;
  const arns = Array.isArray(output?.taskDefinitionArns) ? (output.taskDefinitionArns as string[]) : undefined;
  if (!output || !arns) return res;
  const key = (arn: string): [string, number] => {
    const leaf = arn.slice(arn.indexOf('task-definition/') + 'task-definition/'.length);
    const colon = leaf.lastIndexOf(':');
    return [leaf.slice(0, colon), Number(leaf.slice(colon + 1))];
  };
  const direction = input.sort === 'DESC' ? -1 : 1;
  const sorted = [...arns].sort((a, b) => {
    const [fa, ra] = key(a);
    const [fb, rb] = key(b);
    return direction * (fa < fb ? -1 : fa > fb ? 1 : ra - rb);
  });
  return { ...res, body: Buffer.from(JSON.stringify({ ...output, taskDefinitionArns: sorted })) };
};

/** The last stage: sends the request to moto and reads its whole answer. */
function forwardTo(target: URL, agent: http.Agent): Next {
  return (req) => new Promise((resolve, reject) => {
    const outgoing = http.request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.path,
      agent,
      headers: { ...withoutHopByHop(req.headers), host: target.host, 'content-length': String(req.body.length) },
    }, (incoming) => {
      readBody(incoming).then(
        (body) => resolve({ status: incoming.statusCode ?? 502, headers: incoming.headers, body }),
        reject,
      );
    });
    outgoing.once('error', reject);
    outgoing.end(req.body);
  });
}

// ---- plumbing -------------------------------------------------------------------------

function compose(steps: readonly Step[], last: Next): Next {
  return steps.reduceRight<Next>((next, step) => (req) => step(req, next), last);
}

/**
 * Names the call: JSON protocols by `X-Amz-Target`, RPC v2 by its path, query protocols
 * (EC2, ELBv2, IAM, STS) by the `Action` field, anything else (REST) by method and path.
 */
function recognise(incoming: http.IncomingMessage, body: Buffer): ProxyRequest {
  const method = incoming.method ?? 'GET';
  const path = incoming.url ?? '/';
  const headers = incoming.headers;
  const target = header(headers, 'x-amz-target');
  const scope = /Credential=[^/,\s]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(header(headers, 'authorization') ?? '');
  const url = new URL(path, 'http://proxy');
  const rpcV2 = /^\/service\/([^/]+)\/operation\/([^/]+)$/.exec(url.pathname);
  const isForm = (header(headers, 'content-type') ?? '').includes('application/x-www-form-urlencoded');

  let targetPrefix: string | undefined;
  let operation: string;
  if (target?.includes('.')) {
    targetPrefix = target.slice(0, target.lastIndexOf('.'));
    operation = target.slice(target.lastIndexOf('.') + 1);
  } else if (rpcV2) {
    operation = rpcV2[2];
  } else {
    const action = url.searchParams.get('Action')
      ?? (isForm ? new URLSearchParams(body.toString('utf8')).get('Action') : null);
    operation = action ?? `${method} ${url.pathname}`;
  }
  const service = scope?.[2] ?? rpcV2?.[1] ?? targetPrefix ?? 'unknown';
  return { method, path, headers, body, service, operation, targetPrefix, region: scope?.[1] };
}

function send(outgoing: http.ServerResponse, res: ProxyResponse): void {
  outgoing.writeHead(res.status, { ...withoutHopByHop(res.headers), 'content-length': String(res.body.length) });
  outgoing.end(res.body);
}

/** An error in the shape of AWS's JSON protocols, which the SDK turns into a typed exception. */
function errorResponse(status: number, type: string, message: string): ProxyResponse {
  return {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': randomUUID(),
      'x-amzn-errortype': type,
    },
    body: Buffer.from(JSON.stringify({ __type: type, message })),
  };
}

interface PageToken { op: string; offset: number; hash: string }

function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

function decodeToken(text: unknown): PageToken | undefined {
  if (typeof text !== 'string') return undefined;
  const parsed = parseJson(Buffer.from(text, 'base64url'));
  const { op, offset, hash } = parsed ?? {};
  if (typeof op !== 'string' || typeof hash !== 'string' || !Number.isInteger(offset) || Number(offset) < 0) return undefined;
  return { op, offset: Number(offset), hash };
}

/** A hash of the request's filters; equal filters hash equally whatever their key order. */
function filterHash(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)]));
    }
    return v;
  };
  return createHash('sha256').update(JSON.stringify(sortKeys(value))).digest('base64url');
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function readBody(stream: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer']);

function withoutHopByHop(headers: http.IncomingHttpHeaders): http.IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

function header(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function checkLatency(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be a number of ms >= 0, got ${ms}`);
  return ms;
}

function withoutEncoding(headers: http.IncomingHttpHeaders): http.IncomingHttpHeaders {
  const copy = { ...headers };
  delete copy['accept-encoding'];
  return copy;
}
