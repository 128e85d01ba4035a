// Services and tasks through the AWS layer, against moto behind the AWS-limits proxy.
import * as assert from 'node:assert/strict';
import { EC2Client, DescribeSecurityGroupsCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { CreateServiceCommand, RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import { createSession, type AwsSession } from '../../src/aws';
import { mapConcurrent } from '../../src/aws/batching';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../support/moto';
import { ecsClient, seedClusters } from '../support/seed';
import { moto, resetMoto } from './setup';

const REGION = 'eu-west-1';
const CLUSTER = 'big';

describe('ECS services and tasks (moto behind the AWS-limits proxy)', () => {
  let proxy: AwsLimitsProxy;
  let aws: AwsSession;
  const serviceNames = Array.from({ length: 130 }, (_, i) => `svc-${String(i).padStart(3, '0')}`);
  const taskArns: { a: string[]; standalone: string } = { a: [], standalone: '' };

  before(async function () {
    this.timeout(180_000);
    await resetMoto();
    const ecs = ecsClient(moto().url, REGION);
    const ec2 = new EC2Client({ region: REGION, endpoint: moto().url, credentials: TEST_CREDENTIALS });
    try {
      await seedClusters(moto().url, [CLUSTER], REGION);
      const td = await ecs.send(new RegisterTaskDefinitionCommand({
        family: 'web',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:latest', memory: 512, essential: true }],
      }));
      const taskDefinition = td.taskDefinition!.taskDefinitionArn!;
      await mapConcurrent(serviceNames, 8, (serviceName) =>
        ecs.send(new CreateServiceCommand({ cluster: CLUSTER, serviceName, taskDefinition, desiredCount: 0, launchType: 'FARGATE' })));
      // moto never starts tasks for a service: start them as the service would (group service:NAME).
      const subnet = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets![0]!.SubnetId!;
      const sg = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups![0]!.GroupId!;
      const run = async (group: string, startedBy: string) => {
        const out = await ecs.send(new RunTaskCommand({
          cluster: CLUSTER, taskDefinition, launchType: 'FARGATE', group, startedBy, count: 1,
          networkConfiguration: { awsvpcConfiguration: { subnets: [subnet], securityGroups: [sg] } },
        }));
        return out.tasks![0]!.taskArn!;
      };
      for (let i = 0; i < 3; i++) taskArns.a.push(await run('service:svc-001', 'ecs-svc/1234'));
      taskArns.standalone = await run('family:web', 'me');
      await ecs.send(new StopTaskCommand({
        cluster: CLUSTER,
        task: taskArns.a[0]!,
        reason: 'ResourceInitializationError: unable to pull secrets or registry auth: i/o timeout',
      }));
    } finally {
      ecs.destroy();
      ec2.destroy();
    }
    proxy = await startAwsLimitsProxy(moto().url);
    aws = createSession({ profile: undefined, region: REGION, endpointUrl: proxy.url }, { userAgent: ['ecs-studio', 'test'], credentials: async () => TEST_CREDENTIALS });
  });

  after(async () => {
    aws?.dispose();
    await proxy?.stop();
  });

  beforeEach(() => proxy.resetCalls());

  const count = (operation: string) => proxy.calls.filter((c) => c.operation === operation).length;

  it('lists all 130 services in two pages of at most 100', async () => {
    const arns = await aws.ecs.listAllServiceArns(CLUSTER);
    assert.equal(arns.length, 130);
    assert.equal(count('ListServices'), 2);
  });

  it('shows the first page as one ListServices and ten DescribeServices of 10', async () => {
    const page = await aws.ecs.listServicesPage(CLUSTER, undefined);
    assert.equal(page.items.length, 100);
    assert.ok(page.nextToken);
    assert.equal(count('ListServices'), 1);
    assert.equal(count('DescribeServices'), 10);
    assert.ok(proxy.calls.every((c) => c.status === 200));
    const service = page.items[0]!;
    assert.equal(service.status, 'ACTIVE');
    assert.equal(service.launchType, 'FARGATE');
    assert.match(service.taskDefinition, /task-definition\/web:1$/);
    const next = await aws.ecs.listServicesPage(CLUSTER, page.nextToken);
    assert.equal(next.items.length, 30);
    assert.deepEqual([...page.items, ...next.items].map((s) => s.name).sort(), serviceNames);
  });

  it('describes services by name in the order asked', async () => {
    const services = await aws.ecs.describeServices(CLUSTER, ['svc-010', 'svc-002', 'svc-129']);
    assert.deepEqual(services.map((s) => s.name), ['svc-010', 'svc-002', 'svc-129']);
    assert.equal(await aws.ecs.describeService(CLUSTER, 'no-such-service'), undefined);
  });

  it("lists a service's running and stopped tasks, and only that service's", async () => {
    const running = await aws.ecs.listTasksPage({ cluster: CLUSTER, desiredStatus: 'RUNNING', serviceName: 'svc-001' }, undefined);
    assert.deepEqual(running.items.map((t) => t.arn).sort(), taskArns.a.slice(1).sort());
    const stopped = await aws.ecs.listTasksPage({ cluster: CLUSTER, desiredStatus: 'STOPPED', serviceName: 'svc-001' }, undefined);
    assert.equal(stopped.items.length, 1);
    assert.equal(stopped.items[0]?.arn, taskArns.a[0]);
    assert.match(stopped.items[0]?.stoppedReason ?? '', /^ResourceInitializationError: unable to pull secrets/);
    assert.equal(stopped.items[0]?.group, 'service:svc-001');
    const all = await aws.ecs.listTasksPage({ cluster: CLUSTER, desiredStatus: 'RUNNING' }, undefined);
    assert.ok(all.items.some((t) => t.arn === taskArns.standalone));
    assert.equal(all.items.find((t) => t.arn === taskArns.standalone)?.containers[0]?.name, 'app');
  });
});
