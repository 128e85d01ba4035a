import * as assert from 'node:assert/strict';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  paginateListClusters,
} from '@aws-sdk/client-ecs';
import { CreateSecurityGroupCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateLoadBalancerCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../support/moto';
import { ecsClient, seedClusters } from '../support/seed';
import { seedTutorialWorld } from '../support/tutorialWorld';
import { moto, resetMoto } from './setup';

/** Runs `call`, which must fail, and returns the SDK error's name and message. */
async function failure(call: Promise<unknown>): Promise<{ name: string; message: string }> {
  const { name, message } = await failed(call);
  return { name, message };
}

/** Runs `call`, which must fail, and returns the SDK error with the HTTP status it saw. */
async function failed(call: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await call;
  } catch (err) {
    const { name, message, $metadata } = err as Error & { $metadata?: { httpStatusCode?: number } };
    return { name, message, status: $metadata?.httpStatusCode };
  }
  assert.fail('expected the call to fail');
}

const numbered = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

async function createServices(client: ECSClient, cluster: string, names: string[]): Promise<void> {
  for (const serviceName of names) {
    await client.send(new CreateServiceCommand({ cluster, serviceName, desiredCount: 0 }));
  }
}

describe('awsLimitsProxy', () => {
  let proxy: AwsLimitsProxy;
  let client: ECSClient;

  before(async () => {
    proxy = await startAwsLimitsProxy(moto().url);
    client = ecsClient(proxy.url);
  });

  after(async () => {
    client?.destroy();
    await proxy?.stop();
  });

  describe('ECS list paging', () => {
    const clusterNames = numbered('page', 250);

    before(async function () {
      this.timeout(120_000);
      await resetMoto();
      await seedClusters(moto().url, clusterNames);
    });

    it('pages 250 clusters as 100/100/50 for paginateListClusters and yields each name once', async () => {
      proxy.resetCalls();
      const pageSizes: number[] = [];
      const names: string[] = [];
      for await (const page of paginateListClusters({ client }, {})) {
        pageSizes.push(page.clusterArns?.length ?? 0);
        names.push(...(page.clusterArns ?? []).map((arn) => arn.split('/').pop() ?? arn));
      }
      assert.deepEqual(pageSizes, [100, 100, 50]);
      assert.deepEqual([...names].sort(), clusterNames);
      assert.deepEqual(proxy.calls.map((c) => `${c.operation} ${c.status}`), Array(3).fill('ListClusters 200'));
    });

    it('honours maxResults and continues from the token', async () => {
      const first = await client.send(new ListClustersCommand({ maxResults: 30 }));
      assert.equal(first.clusterArns?.length, 30);
      assert.ok(first.nextToken);
      const second = await client.send(new ListClustersCommand({ maxResults: 100, nextToken: first.nextToken }));
      assert.equal(second.clusterArns?.length, 100);
      const overlap = second.clusterArns?.filter((arn) => first.clusterArns?.includes(arn));
      assert.deepEqual(overlap, []);
    });

    it('rejects maxResults outside 1..100 as AWS does', async () => {
      for (const maxResults of [0, 101]) {
        assert.deepEqual(await failure(client.send(new ListClustersCommand({ maxResults }))), {
          name: 'InvalidParameterException',
          message: 'maxResults must be between 1 and 100.',
        });
      }
    });

    it('rejects a token it did not issue with AWS\'s error', async () => {
      assert.deepEqual(await failure(client.send(new ListClustersCommand({ nextToken: 'bogus' }))), {
        name: 'InvalidParameterException',
        message: 'Invalid token bogus',
      });
    });

    it('rejects a token replayed on another operation or in another region', async () => {
      const { nextToken } = await client.send(new ListClustersCommand({ maxResults: 5 }));
      assert.ok(nextToken);
      const otherOperation = await failure(client.send(new ListServicesCommand({ cluster: 'page-000', nextToken })));
      assert.deepEqual(otherOperation, { name: 'InvalidParameterException', message: `Invalid token ${nextToken}` });

      const otherRegion = ecsClient(proxy.url, 'eu-west-1');
      try {
        const replay = await failure(otherRegion.send(new ListClustersCommand({ maxResults: 5, nextToken })));
        assert.deepEqual(replay, { name: 'InvalidParameterException', message: `Invalid token ${nextToken}` });
      } finally {
        otherRegion.destroy();
      }
    });
  });

  describe('ListServices', () => {
    before(async function () {
      this.timeout(60_000);
      await resetMoto();
      await seedClusters(moto().url, ['services-a', 'services-b']);
      const direct = ecsClient(moto().url);
      try {
        await createServices(direct, 'services-a', numbered('web', 15));
        await createServices(direct, 'services-b', numbered('api', 12));
      } finally {
        direct.destroy();
      }
    });

    it('returns 10 services per page by default, as AWS does', async () => {
      const first = await client.send(new ListServicesCommand({ cluster: 'services-a' }));
      assert.equal(first.serviceArns?.length, 10);
      assert.ok(first.nextToken);
      const second = await client.send(new ListServicesCommand({ cluster: 'services-a', nextToken: first.nextToken }));
      assert.equal(second.serviceArns?.length, 5);
      assert.equal(second.nextToken, undefined);
    });

    it('rejects a token replayed for another cluster', async () => {
      const { nextToken } = await client.send(new ListServicesCommand({ cluster: 'services-a' }));
      assert.ok(nextToken);
      const replay = await failure(client.send(new ListServicesCommand({ cluster: 'services-b', nextToken })));
      assert.equal(replay.name, 'InvalidParameterException');
    });
  });

  describe('stopped tasks', () => {
    it('gives a stopped task the stoppedAt AWS always sets and moto never does, the same on every call', async function () {
      this.timeout(60_000);
      await resetMoto();
      const world = await seedTutorialWorld(moto().url, { region: 'eu-north-1' });
      const input = { cluster: world.clusterArn, tasks: world.stoppedTaskArns };
      const direct = new ECSClient({ endpoint: moto().url, region: 'eu-north-1', credentials: TEST_CREDENTIALS });
      const proxied = new ECSClient({ endpoint: proxy.url, region: 'eu-north-1', credentials: TEST_CREDENTIALS });
      try {
        const fromMoto = await direct.send(new DescribeTasksCommand(input));
        assert.ok(fromMoto.tasks?.every((t) => t.lastStatus === 'STOPPED' && t.stoppedAt === undefined), 'moto leaves stoppedAt out');
        const first = await proxied.send(new DescribeTasksCommand(input));
        const again = await proxied.send(new DescribeTasksCommand(input));
        assert.equal(first.tasks?.length, world.stoppedTaskArns.length);
        for (const [i, task] of (first.tasks ?? []).entries()) {
          assert.ok(task.stoppedAt instanceof Date, `task ${i} has stoppedAt`);
          assert.ok(!task.createdAt || task.stoppedAt.getTime() >= task.createdAt.getTime(), 'not before it was created');
          assert.equal(task.stoppedAt.getTime(), again.tasks?.[i]?.stoppedAt?.getTime(), 'the same on the next call');
        }
      } finally {
        direct.destroy();
        proxied.destroy();
      }
    });
  });

  describe('ECS describe batch limits', () => {
    before(async () => {
      await resetMoto();
      await seedClusters(moto().url, ['describe']);
      const direct = ecsClient(moto().url);
      try {
        await createServices(direct, 'describe', numbered('svc', 11));
      } finally {
        direct.destroy();
      }
    });

    it('rejects DescribeServices with 11 names with AWS\'s error, which moto alone accepts', async () => {
      const input = { cluster: 'describe', services: numbered('svc', 11) };
      const direct = ecsClient(moto().url);
      try {
        const fromMoto = await direct.send(new DescribeServicesCommand(input));
        assert.equal(fromMoto.services?.length, 11, 'moto accepts 11 names: the limit must come from the proxy');
      } finally {
        direct.destroy();
      }

      proxy.resetCalls();
      assert.deepEqual(await failure(client.send(new DescribeServicesCommand(input))), {
        name: 'InvalidParameterException',
        message: 'service names can have at most 10 items.',
      });
      assert.deepEqual(proxy.calls.map((c) => [c.operation, c.status]), [['DescribeServices', 400]]);
    });

    it('passes DescribeServices with 10 names through', async () => {
      const { services } = await client.send(new DescribeServicesCommand({ cluster: 'describe', services: numbered('svc', 10) }));
      assert.deepEqual(services?.map((s) => s.serviceName), numbered('svc', 10));
    });

    it('rejects 101 tasks, clusters or container instances', async () => {
      const ids = numbered('id', 101);
      assert.deepEqual(await failure(client.send(new DescribeTasksCommand({ cluster: 'describe', tasks: ids }))), {
        name: 'InvalidParameterException', message: 'taskIds can have at most 100 items.',
      });
      assert.deepEqual(await failure(client.send(new DescribeClustersCommand({ clusters: ids }))), {
        name: 'InvalidParameterException', message: 'clusters can have at most 100 items.',
      });
      assert.deepEqual(
        await failure(client.send(new DescribeContainerInstancesCommand({ cluster: 'describe', containerInstances: ids }))),
        { name: 'InvalidParameterException', message: 'instanceIds can have at most 100 items.' },
      );
    });
  });

  describe('pass-through, recording and latency', () => {
    before(async () => {
      await resetMoto();
      await seedClusters(moto().url, ['record']);
    });

    afterEach(() => proxy.setLatency(0));

    it('passes other calls through unchanged', async () => {
      const input = { clusters: ['record', 'missing'] };
      const direct = ecsClient(moto().url);
      try {
        const fromMoto = await direct.send(new DescribeClustersCommand(input));
        const viaProxy = await client.send(new DescribeClustersCommand(input));
        assert.deepEqual(viaProxy.clusters, fromMoto.clusters);
        assert.deepEqual(viaProxy.failures, fromMoto.failures);
      } finally {
        direct.destroy();
      }
    });

    it('records service, operation and status of JSON and query protocol calls', async () => {
      const sts = new STSClient({ endpoint: proxy.url, region: 'us-east-1', credentials: TEST_CREDENTIALS });
      try {
        proxy.resetCalls();
        await client.send(new ListClustersCommand({}));
        await sts.send(new GetCallerIdentityCommand({}));
        await failure(client.send(new ListClustersCommand({ nextToken: 'bogus' })));
      } finally {
        sts.destroy();
      }
      assert.deepEqual(proxy.calls.map(({ service, operation, status }) => ({ service, operation, status })), [
        { service: 'ecs', operation: 'ListClusters', status: 200 },
        { service: 'sts', operation: 'GetCallerIdentity', status: 200 },
        { service: 'ecs', operation: 'ListClusters', status: 400 },
      ]);
      assert.ok(proxy.calls.every((c) => c.ms >= 0));
      proxy.resetCalls();
      assert.equal(proxy.calls.length, 0);
    });

    it('adds the configured latency to every response, errors included', async () => {
      proxy.setLatency(250);
      proxy.resetCalls();
      await client.send(new ListClustersCommand({}));
      await failure(client.send(new DescribeServicesCommand({ cluster: 'record', services: numbered('x', 11) })));
      assert.equal(proxy.calls.length, 2);
      for (const call of proxy.calls) {
        assert.ok(call.ms >= 250, `${call.operation} took ${call.ms.toFixed(1)} ms, expected >= 250`);
      }
    });

    it('refuses a negative latency', () => {
      assert.throws(() => proxy.setLatency(-1), RangeError);
    });
  });

  describe('faults', () => {
    before(async function () {
      this.timeout(60_000);
      await resetMoto();
    });

    afterEach(() => proxy.clearFaults());

    it('answers the next N calls of an operation armed at start with the AWS error, then lets calls through', async () => {
      const faulty = await startAwsLimitsProxy(moto().url, {
        faults: [{ operation: 'CreateCluster', status: 400, code: 'ClientException', message: 'Cluster quota exceeded.', times: 2 }],
      });
      const ecs = ecsClient(faulty.url);
      try {
        assert.deepEqual(faulty.pendingFaults(), { CreateCluster: 2 });
        for (let i = 0; i < 2; i++) {
          assert.deepEqual(await failed(ecs.send(new CreateClusterCommand({ clusterName: 'faulted' }))),
            { name: 'ClientException', message: 'Cluster quota exceeded.', status: 400 });
        }
        const { cluster } = await ecs.send(new CreateClusterCommand({ clusterName: 'faulted' }));
        assert.equal(cluster?.clusterName, 'faulted');
        await ecs.send(new ListClustersCommand({}));
        assert.deepEqual(faulty.calls.map((c) => `${c.operation} ${c.status}`),
          ['CreateCluster 400', 'CreateCluster 400', 'CreateCluster 200', 'ListClusters 200']);
        assert.deepEqual(faulty.pendingFaults(), {});
      } finally {
        ecs.destroy();
        await faulty.stop();
      }
    });

    it('fails EC2 and ELBv2 calls armed at run time in their own XML, so the SDK names AWS\'s error', async () => {
      const config = { endpoint: proxy.url, region: 'us-east-1', credentials: TEST_CREDENTIALS };
      const ec2 = new EC2Client(config);
      const elb = new ElasticLoadBalancingV2Client(config);
      try {
        proxy.injectFault({ operation: 'CreateSecurityGroup', status: 400, code: 'InvalidGroup.Duplicate', message: "The security group 'web' already exists for VPC 'vpc-1'" });
        proxy.injectFault({ operation: 'CreateLoadBalancer', status: 400, code: 'DuplicateLoadBalancerName', message: 'A load balancer with the same name \'web\' exists, & differs', times: 3 });
        assert.deepEqual(proxy.pendingFaults(), { CreateSecurityGroup: 1, CreateLoadBalancer: 3 });
        proxy.resetCalls();
        assert.deepEqual(await failed(ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web' }))),
          { name: 'InvalidGroup.Duplicate', message: "The security group 'web' already exists for VPC 'vpc-1'", status: 400 });
        assert.deepEqual(await failed(elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: ['subnet-1'] }))),
          { name: 'DuplicateLoadBalancerNameException', message: 'A load balancer with the same name \'web\' exists, & differs', status: 400 });
        assert.deepEqual(proxy.pendingFaults(), { CreateLoadBalancer: 2 });
        proxy.clearFaults();
        assert.deepEqual(proxy.pendingFaults(), {});
        assert.deepEqual(proxy.calls.map((c) => `${c.service} ${c.operation} ${c.status}`),
          ['ec2 CreateSecurityGroup 400', 'elasticloadbalancing CreateLoadBalancer 400']);
      } finally {
        ec2.destroy();
        elb.destroy();
      }
    });

    it('refuses a fault AWS could not answer', () => {
      assert.throws(() => proxy.injectFault({ operation: 'CreateService', status: 200, code: 'X', message: 'x' }), RangeError);
      assert.throws(() => proxy.injectFault({ operation: 'CreateService', status: 400, code: 'X', message: 'x', times: 0 }), RangeError);
      assert.deepEqual(proxy.pendingFaults(), {});
    });
  });
});
