// The AWS calls behind the item commands, against moto: the writes, the raw describe for the
// JSON view, another region's session, and CloudWatch log events paged backwards.
import * as assert from 'node:assert/strict';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, CreateServiceCommand, ECSClient, RegisterTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { createSession, type AwsSession } from '../../src/aws';
import { TEST_CREDENTIALS } from '../support/moto';
import { moto, resetMoto } from './setup';

const REGION = 'us-west-2';
const CLUSTER = 'items';

describe('item command gateways (moto)', () => {
  let aws: AwsSession;
  let taskDefinitionArn: string;
  let runningTaskArn: string;

  before(async function () {
    this.timeout(60_000);
    await resetMoto();
    const config = { endpoint: moto().url, region: REGION, credentials: TEST_CREDENTIALS };
    const ecs = new ECSClient(config);
    const ec2 = new EC2Client(config);
    try {
      await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
      const td = await ecs.send(new RegisterTaskDefinitionCommand({
        family: 'web', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512',
        containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:latest', memory: 512 }],
        tags: [{ key: 'team', value: 'items' }],
      }));
      taskDefinitionArn = td.taskDefinition!.taskDefinitionArn!;
      await ecs.send(new CreateServiceCommand({ cluster: CLUSTER, serviceName: 'api', taskDefinition: taskDefinitionArn, desiredCount: 2, launchType: 'FARGATE' }));
      const subnet = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets![0]!.SubnetId!;
      const sg = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups![0]!.GroupId!;
      const run = await ecs.send(new RunTaskCommand({
        cluster: CLUSTER, taskDefinition: taskDefinitionArn, launchType: 'FARGATE', group: 'service:api', count: 1,
        networkConfiguration: { awsvpcConfiguration: { subnets: [subnet], securityGroups: [sg] } },
      }));
      runningTaskArn = run.tasks![0]!.taskArn!;
    } finally {
      ecs.destroy();
      ec2.destroy();
    }
    aws = createSession({ profile: undefined, region: REGION, endpointUrl: moto().url }, { userAgent: ['ecs-studio', 'test'], credentials: async () => TEST_CREDENTIALS });
  });

  after(() => aws?.dispose());

  it('creates a cluster with the Fargate capacity providers', async () => {
    const cluster = await aws.ecs.createCluster('items-fargate');
    assert.equal(cluster.name, 'items-fargate');
    assert.equal(cluster.status, 'ACTIVE');
    assert.deepEqual(cluster.capacityProviders, ['FARGATE', 'FARGATE_SPOT']);
  });

  it('sets a desired count and forces a new deployment, returning the updated service', async () => {
    const updated = await aws.ecs.updateServiceDesiredCount(CLUSTER, 'api', 3);
    assert.equal(updated.desiredCount, 3);
    const before = updated.deployments.find((d) => d.status === 'PRIMARY')?.id;
    const redeployed = await aws.ecs.forceNewDeployment(CLUSTER, 'api');
    assert.notEqual(redeployed.deployments.find((d) => d.status === 'PRIMARY')?.id, before);
  });

  it('is refused a delete while the service is scaled above 0 (why Delete Service scales to 0 first)', async () => {
    await assert.rejects(aws.ecs.deleteService(CLUSTER, 'api'), (err: Error) => {
      assert.equal(err.name, 'AwsError');
      assert.match(err.message, /^ecs:DeleteService failed: .*scaled above 0/);
      return true;
    });
    await aws.ecs.updateServiceDesiredCount(CLUSTER, 'api', 0);
    const deleted = await aws.ecs.deleteService(CLUSTER, 'api');
    assert.match(deleted.status, /^(DRAINING|INACTIVE)$/);
  });

  it('stops a task with its reason', async () => {
    const task = await aws.ecs.stopTask(CLUSTER, runningTaskArn, 'Stopped from ECS Studio');
    assert.equal(task.desiredStatus, 'STOPPED');
    assert.equal(task.stoppedReason, 'Stopped from ECS Studio');
  });

  it('describes resources as plain JSON, tags included; undefined when unknown or in another region', async () => {
    const service = await aws.ecs.describeJson({ kind: 'service', cluster: CLUSTER, service: 'api' });
    assert.equal(service?.serviceName, 'api');
    const deployments = service?.deployments as Array<{ createdAt?: unknown }> | undefined;
    assert.match(String(deployments?.[0]?.createdAt), /^\d{4}-\d\d-\d\dT/, 'dates as ISO strings');
    const td = await aws.ecs.describeJson({ kind: 'taskDefinition', family: 'web', revision: 1 });
    assert.equal(td?.taskDefinitionArn, taskDefinitionArn);
    assert.deepEqual(td?.tags, [{ key: 'team', value: 'items' }]);
    assert.equal(await aws.ecs.describeJson({ kind: 'service', cluster: CLUSTER, service: 'nope' }), undefined);
    assert.equal((await aws.ecs.describeJson({ kind: 'cluster', cluster: CLUSTER }))?.clusterName, CLUSTER);
    const elsewhere = aws.forRegion('eu-west-1');
    assert.equal(elsewhere.connection.region, 'eu-west-1');
    assert.equal(aws.forRegion('eu-west-1'), elsewhere, 'one session per region');
    assert.equal(aws.forRegion(REGION), aws);
    assert.equal(await elsewhere.ecs.describeJson({ kind: 'cluster', cluster: CLUSTER }), undefined);
  });

  it('reads the latest log events, then older pages until AWS has none', async () => {
    const logs = new CloudWatchLogsClient({ endpoint: moto().url, region: REGION, credentials: TEST_CREDENTIALS });
    try {
      await logs.send(new CreateLogGroupCommand({ logGroupName: '/ecs/web' }));
      await logs.send(new CreateLogStreamCommand({ logGroupName: '/ecs/web', logStreamName: 'ecs/app/1' }));
      const start = Date.now() - 60_000;
      await logs.send(new PutLogEventsCommand({
        logGroupName: '/ecs/web', logStreamName: 'ecs/app/1',
        logEvents: Array.from({ length: 5 }, (_, i) => ({ timestamp: start + i, message: `m${i + 1}` })),
      }));
    } finally {
      logs.destroy();
    }
    const query = { group: '/ecs/web', stream: 'ecs/app/1', limit: 2 };
    const latest = await aws.logs.getLogEvents(query);
    assert.deepEqual(latest?.events.map((e) => e.message), ['m4', 'm5']);
    const older = await aws.logs.getLogEvents({ ...query, nextToken: latest?.nextBackwardToken });
    assert.deepEqual(older?.events.map((e) => e.message), ['m2', 'm3']);
    const oldest = await aws.logs.getLogEvents({ ...query, nextToken: older?.nextBackwardToken });
    assert.deepEqual(oldest?.events.map((e) => e.message), ['m1']);
    const none = await aws.logs.getLogEvents({ ...query, nextToken: oldest?.nextBackwardToken });
    assert.deepEqual(none?.events, []);
    assert.equal(await aws.logs.getLogEvents({ ...query, stream: 'ecs/app/missing' }), undefined, 'no stream');
    assert.equal(await aws.logs.getLogEvents({ ...query, group: '/ecs/missing' }), undefined, 'no group');
  });
});
