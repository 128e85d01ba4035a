// What each fault of the AWS-limits proxy does to ECS Studio's own AWS layer (the session and
// gateways, the real SDK, moto behind the proxy): the error a person reads, or the result when
// the SDK's retries get through. Both wire protocols are covered: ECS is AWS JSON 1.1, EC2 its
// own query XML, STS the query XML of the other query services.
import * as assert from 'node:assert/strict';
import { AwsError, createSession, type AwsSession } from '../../src/aws';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedClusters } from '../support/seed';
import { moto, resetMoto } from './setup';

const REGION = 'ca-central-1';

async function rejection(call: Promise<unknown>): Promise<AwsError> {
  try {
    await call;
  } catch (err) {
    assert.ok(err instanceof AwsError, `an AwsError, not ${String(err)}`);
    return err;
  }
  assert.fail('expected the call to fail');
}

describe('faults: what the AWS layer makes of a flaky or broken endpoint', function () {
  let proxy: AwsLimitsProxy;
  let aws: AwsSession;
  /** One attempt per call and a 1 s limit: what a single request meets. */
  let once: AwsSession;

  const session = (options: { maxAttempts?: number; requestTimeoutMs?: number }): AwsSession =>
    createSession({ profile: undefined, region: REGION, endpointUrl: proxy.url }, {
      userAgent: ['ecs-studio', 'test'], credentials: async () => TEST_CREDENTIALS, ...options,
    });
  const operations = (name: string): number => proxy.calls.filter((c) => c.operation === name).length;

  before(async function () {
    await resetMoto();
    await seedClusters(moto().url, ['faults-a', 'faults-b'], REGION);
    proxy = await startAwsLimitsProxy(moto().url);
    aws = session({ requestTimeoutMs: 1000 });
    once = session({ maxAttempts: 1, requestTimeoutMs: 1000 });
  });

  after(async () => {
    aws?.dispose();
    once?.dispose();
    await proxy?.stop();
  });

  beforeEach(() => {
    proxy.clearFaults();
    proxy.resetCalls();
  });

  it('hang: the call fails after the request timeout, named as such, and the next call works', async () => {
    proxy.injectNetworkFault({ operation: 'ListClusters', kind: 'hang' });
    const started = Date.now();
    const err = await rejection(once.ecs.listAllClusterArns());
    assert.equal(err.kind, 'unreachable');
    assert.match(err.message, /Cannot reach http:\/\/127\.0\.0\.1:\d+ \(no answer within 1 s, the request timeout\)/);
    assert.ok(Date.now() - started < 10_000, 'failed at the timeout, not later');
    assert.equal((await once.ecs.listAllClusterArns()).length, 2, 'the endpoint answers again');
  });

  it('hang on every attempt: the SDK retries each after its timeout, then gives up', async () => {
    proxy.injectNetworkFault({ operation: 'ListClusters', kind: 'hang', times: 3 });
    const err = await rejection(aws.ecs.listAllClusterArns());
    assert.match(err.message, /no answer within 1 s/);
    assert.equal(operations('ListClusters'), 3, 'three attempts, each cut at the timeout');
  });

  it('cancel: aborting a hung call settles it at once as cancelled, and the SDK makes no further attempt', async () => {
    const patient = session({ requestTimeoutMs: 60_000 });
    try {
      proxy.injectNetworkFault({ operation: 'ListClusters', kind: 'hang', times: 3 });
      const controller = new AbortController();
      const call = rejection(patient.ecs.listAllClusterArns({ signal: controller.signal }));
      // Abort once the proxy holds the call (it records a hung call when it starts hanging).
      const deadline = Date.now() + 10_000;
      while (operations('ListClusters') === 0 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
      assert.equal(operations('ListClusters'), 1, 'the call reached the proxy');
      const aborted = Date.now();
      controller.abort();
      const err = await call;
      assert.equal(err.kind, 'cancelled');
      assert.ok(Date.now() - aborted < 2_000, 'settled at the abort, not at the 60 s timeout');
      assert.equal(operations('ListClusters'), 1, 'no retry after a cancel');
    } finally {
      patient.dispose();
    }
  });

  for (const kind of ['drop', 'reset'] as const) {
    it(`${kind}: the SDK retries a lost connection and the caller gets the result`, async () => {
      proxy.injectNetworkFault({ operation: 'ListClusters', kind });
      assert.equal((await aws.ecs.listAllClusterArns()).length, 2);
      assert.deepEqual(proxy.calls.filter((c) => c.operation === 'ListClusters').map((c) => c.fault ?? c.status), [kind, 200]);
    });

    it(`${kind} with no retry left: "Cannot reach" with the reason`, async () => {
      proxy.injectNetworkFault({ operation: 'ListClusters', kind });
      const err = await rejection(once.ecs.listAllClusterArns());
      assert.equal(err.kind, 'unreachable');
      assert.match(err.message, /Cannot reach http:\/\/127\.0\.0\.1:\d+ \(connection (reset|closed)\)/);
    });
  }

  it('delay: a slow answer within the timeout is just slow', async () => {
    proxy.injectNetworkFault({ operation: 'ListClusters', kind: 'delay', delayMs: 300 });
    assert.equal((await once.ecs.listAllClusterArns()).length, 2);
    assert.ok((proxy.calls[0]?.ms ?? 0) >= 300);
  });

  it('malformed JSON (ECS) and XML (EC2): an error naming the operation, never a crash', async () => {
    proxy.injectNetworkFault({ operation: 'ListClusters', kind: 'malformed', times: 3 });
    const ecs = await rejection(aws.ecs.listAllClusterArns());
    assert.match(ecs.message, /ecs:ListClusters/);
    proxy.injectNetworkFault({ operation: 'DescribeVpcs', kind: 'malformed', times: 3 });
    const ec2 = await rejection(aws.ec2.describeVpcs());
    assert.match(ec2.message, /ec2:DescribeVpcs/);
  });

  it('throttling (JSON ThrottlingException): retried by the SDK, the caller gets the result', async () => {
    proxy.injectFault({ operation: 'ListClusters', status: 400, code: 'ThrottlingException', message: 'Rate exceeded', times: 2 });
    assert.equal((await aws.ecs.listAllClusterArns()).length, 2);
    assert.equal(operations('ListClusters'), 3);
  });

  it('throttling past the retries (EC2 query XML RequestLimitExceeded): says so with the attempts', async () => {
    proxy.injectFault({ operation: 'DescribeVpcs', status: 503, code: 'RequestLimitExceeded', message: 'Request limit exceeded.', times: 3 });
    const err = await rejection(aws.ec2.describeVpcs());
    assert.equal(err.kind, 'throttled');
    assert.match(err.message, /AWS is throttling ec2:DescribeVpcs after 3 attempts/);
  });

  it('500 and 503 (query XML, STS): retried, then the result', async () => {
    proxy.injectFault({ operation: 'GetCallerIdentity', status: 500, code: 'InternalFailure', message: 'We encountered an internal error.', times: 1 });
    assert.match((await aws.sts.getCallerIdentity()).account, /^\d{12}$/);
    proxy.injectFault({ operation: 'GetCallerIdentity', status: 503, code: 'ServiceUnavailable', message: 'Service unavailable.', times: 1 });
    assert.match((await aws.sts.getCallerIdentity()).account, /^\d{12}$/);
    assert.equal(operations('GetCallerIdentity'), 4);
  });

  it('ExpiredTokenException (STS XML, ECS JSON): "have expired", how to refresh', async () => {
    proxy.injectFault({ operation: 'GetCallerIdentity', status: 400, code: 'ExpiredToken', message: 'The security token included in the request is expired' });
    const sts = await rejection(aws.sts.getCallerIdentity());
    assert.equal(sts.kind, 'invalidCredentials');
    assert.match(sts.message, /have expired/);
    proxy.injectFault({ operation: 'ListClusters', status: 400, code: 'ExpiredTokenException', message: 'The security token included in the request is expired' });
    const ecs = await rejection(aws.ecs.listAllClusterArns());
    assert.equal(ecs.kind, 'invalidCredentials');
    assert.match(ecs.message, /aws sso login --profile default/);
  });

  it('AccessDeniedException (JSON) and UnauthorizedOperation (EC2 XML): the action named', async () => {
    proxy.injectFault({
      operation: 'ListClusters', status: 400, code: 'AccessDeniedException',
      message: 'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ecs:ListClusters on resource: *',
    });
    const ecs = await rejection(aws.ecs.listAllClusterArns());
    assert.equal(ecs.kind, 'accessDenied');
    assert.match(ecs.message, /not allowed to call ecs:ListClusters/);
    proxy.injectFault({ operation: 'DescribeVpcs', status: 403, code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' });
    const ec2 = await rejection(aws.ec2.describeVpcs());
    assert.equal(ec2.kind, 'accessDenied');
    assert.match(ec2.message, /not allowed to call ec2:DescribeVpcs/);
  });
});
