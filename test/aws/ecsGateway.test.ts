// The AWS layer against moto behind the AWS-limits proxy, so pages and batches are AWS-sized.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSession, type AwsSession } from '../../src/aws';
import type { Connection } from '../../src/model/connection';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedClusters } from '../support/seed';
import { moto, resetMoto } from './setup';

const USER_AGENT = ['ecs-studio', '0.0.0-test'] as const;
const staticCredentials = async () => TEST_CREDENTIALS;

function session(endpointUrl: string, region = 'us-east-1', profile?: string): AwsSession {
  const connection: Connection = { profile, region, endpointUrl };
  return createSession(connection, profile ? { userAgent: USER_AGENT } : { userAgent: USER_AGENT, credentials: staticCredentials });
}

function callsOf(proxy: AwsLimitsProxy, operation: string): number {
  return proxy.calls.filter((c) => c.operation === operation).length;
}

describe('ECS gateway (moto behind the AWS-limits proxy)', () => {
  let proxy: AwsLimitsProxy;
  let aws: AwsSession;
  const names = Array.from({ length: 250 }, (_, i) => `cluster-${String(i).padStart(3, '0')}`);

  before(async function () {
    this.timeout(120_000);
    await resetMoto();
    await seedClusters(moto().url, names);
    proxy = await startAwsLimitsProxy(moto().url);
    aws = session(proxy.url);
  });

  after(async () => {
    aws.dispose();
    await proxy.stop();
  });

  beforeEach(() => proxy.resetCalls());

  it('lists every cluster with the paginator: 250 clusters in 3 pages of at most 100', async () => {
    const arns = await aws.ecs.listAllClusterArns();
    assert.equal(arns.length, 250);
    assert.equal(new Set(arns).size, 250);
    assert.equal(callsOf(proxy, 'ListClusters'), 3);
  });

  it('gives one page of 100 described clusters and a token for the next', async () => {
    const first = await aws.ecs.listClustersPage(undefined);
    assert.equal(first.items.length, 100);
    assert.ok(first.nextToken);
    assert.equal(first.items[0]?.status, 'ACTIVE');
    assert.match(first.items[0]?.arn ?? '', /^arn:aws:ecs:us-east-1:\d{12}:cluster\//);
    const second = await aws.ecs.listClustersPage(first.nextToken);
    const third = await aws.ecs.listClustersPage(second.nextToken);
    assert.equal(third.items.length, 50);
    assert.equal(third.nextToken, undefined);
    const seen = new Set([...first.items, ...second.items, ...third.items].map((c) => c.name));
    assert.deepEqual([...seen].sort(), names);
    assert.equal(callsOf(proxy, 'DescribeClusters'), 3, 'one describe of 100 per page');
  });

  it('describes 250 clusters in batches of 100 (the proxy rejects larger ones) and keeps the order', async () => {
    const arns = await aws.ecs.listAllClusterArns();
    proxy.resetCalls();
    const reversed = [...arns].reverse();
    const clusters = await aws.ecs.describeClusters(reversed);
    assert.deepEqual(clusters.map((c) => c.arn), reversed);
    assert.equal(callsOf(proxy, 'DescribeClusters'), 3);
    assert.ok(proxy.calls.every((c) => c.status === 200));
  });

  it('returns who the credentials belong to', async () => {
    const identity = await aws.sts.getCallerIdentity();
    assert.match(identity.account, /^\d{12}$/);
    assert.match(identity.arn, /^arn:aws:(iam|sts)::\d{12}:/);
  });
});

describe('client factory', () => {
  it('builds each client once per connection and destroys them with it', async () => {
    const aws = session(moto().url);
    await aws.ecs.listAllClusterArns();
    await aws.ecs.listAllClusterArns();
    await aws.sts.getCallerIdentity();
    assert.equal(aws.factory.size, 2, 'one ECS and one STS client');
    aws.dispose();
    assert.equal(aws.factory.size, 0);
    await assert.rejects(aws.ecs.listAllClusterArns(), /connection was closed/);
  });

  it('reads credentials of a named profile through the SDK chain', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-aws-'));
    const saved = { ...process.env };
    try {
      fs.writeFileSync(path.join(dir, 'credentials'), `[moto]\naws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}\n`);
      fs.writeFileSync(path.join(dir, 'config'), '[profile moto]\nregion = eu-west-1\n');
      process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
      process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
      delete process.env.AWS_ACCESS_KEY_ID;
      delete process.env.AWS_SECRET_ACCESS_KEY;
      const aws = session(moto().url, 'eu-west-1', 'moto');
      try {
        assert.match((await aws.sts.getCallerIdentity()).account, /^\d{12}$/);
      } finally {
        aws.dispose();
      }
      const missing = session(moto().url, 'eu-west-1', 'no-such-profile');
      try {
        await assert.rejects(missing.ecs.listAllClusterArns(), (err: Error & { kind?: string }) => {
          assert.equal(err.kind, 'noCredentials');
          assert.match(err.message, /no-such-profile/);
          return true;
        });
      } finally {
        missing.dispose();
      }
    } finally {
      process.env = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the extension in the user agent', async () => {
    const agents: string[] = [];
    const server = http.createServer((req, res) => {
      agents.push(String(req.headers['user-agent'] ?? ''));
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end('{"clusterArns":[]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const aws = session(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      await aws.ecs.listAllClusterArns();
      assert.equal(agents.length, 1);
      assert.match(agents[0] ?? '', /ecs-studio\/0\.0\.0-test/);
    } finally {
      aws.dispose();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('turns an unreachable endpoint into an actionable error', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve)); // nothing listens there now
    const aws = session(`http://127.0.0.1:${port}`);
    try {
      await assert.rejects(aws.ecs.listClustersPage(undefined), (err: Error & { kind?: string }) => {
        assert.equal(err.kind, 'unreachable');
        assert.match(err.message, new RegExp(`Cannot reach http://127\\.0\\.0\\.1:${port} \\(connection refused\\)`));
        return true;
      });
    } finally {
      aws.dispose();
    }
  });

  it('aborts a call when its signal is aborted', async () => {
    const aws = session(moto().url);
    const controller = new AbortController();
    controller.abort();
    try {
      await assert.rejects(aws.ecs.listClustersPage(undefined, { signal: controller.signal }), (err: Error & { kind?: string }) => {
        assert.equal(err.kind, 'cancelled');
        return true;
      });
    } finally {
      aws.dispose();
    }
  });
});
