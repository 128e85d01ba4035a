// The task definition gateway against moto behind the AWS-limits proxy: families and
// revisions in AWS-sized pages, revisions newest first, the INACTIVE filter, the mapping.
//
// moto quirks met here:
// - ListTaskDefinitionFamilies ignores `status` and paging (every family in one page); the
//   proxy pages it, and families are not checked for status here.
// - ListTaskDefinitions ignores `sort` (registration order): the proxy sorts as AWS documents
//   (family, then revision; DESC reverses both), so the gateway must ask for DESC to pass.
import * as assert from 'node:assert/strict';
import { DeregisterTaskDefinitionCommand, RegisterTaskDefinitionCommand, type ECSClient } from '@aws-sdk/client-ecs';
import { createSession, TASK_DEFINITION_LIMITS, type AwsSession } from '../../src/aws';
import type { Connection } from '../../src/model/connection';
import { taskDefinitionLeaf } from '../../src/model/taskDefinition';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../support/moto';
import { ecsClient } from '../support/seed';
import { moto, resetMoto } from './setup';

const REGION = 'us-east-1';
const FAMILIES = Array.from({ length: 250 }, (_, i) => `family-${String(i).padStart(3, '0')}`);
/** One family with more revisions than a page holds (the view's page is 20). */
const BIG_FAMILY = 'web-api';
const BIG_REVISIONS = 25;

function session(endpointUrl: string): AwsSession {
  const connection: Connection = { profile: undefined, region: REGION, endpointUrl };
  return createSession(connection, { userAgent: ['ecs-studio', '0.0.0-test'], credentials: async () => TEST_CREDENTIALS });
}

function callsOf(proxy: AwsLimitsProxy, operation: string): number {
  return proxy.calls.filter((c) => c.operation === operation).length;
}

async function register(ecs: ECSClient, family: string, image = 'public.ecr.aws/nginx/nginx:1.27'): Promise<string> {
  const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand({
    family,
    containerDefinitions: [{ name: 'app', image, memoryReservation: 128 }],
  }));
  if (!taskDefinition?.taskDefinitionArn) throw new Error(`RegisterTaskDefinition ${family} returned no ARN`);
  return taskDefinition.taskDefinitionArn;
}

async function inBatches<T>(items: readonly T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

describe('Task definition gateway (moto behind the AWS-limits proxy)', () => {
  let proxy: AwsLimitsProxy;
  let aws: AwsSession;
  let ecs: ECSClient;
  let tutorialArn: string;

  before(async function () {
    this.timeout(120_000);
    await resetMoto();
    ecs = ecsClient(moto().url, REGION);
    await inBatches(FAMILIES, 8, (family) => register(ecs, family));
    // Revisions of one family one after another, so that moto numbers them 1..25.
    for (let i = 1; i <= BIG_REVISIONS; i++) await register(ecs, BIG_FAMILY, `registry.example/web-api:v${i}`);
    const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand({
      family: 'demo-ecs-task',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' },
      cpu: '1024',
      memory: '3072',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      taskRoleArn: 'arn:aws:iam::123456789012:role/demo-task-role',
      containerDefinitions: [
        {
          name: 'demo-service-container',
          image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo-service:latest',
          memoryReservation: 1024,
          essential: true,
          portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp', name: 'web', appProtocol: 'http' }],
          logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/demo-ecs-task', 'awslogs-region': REGION } },
        },
        { name: 'sidecar', image: 'public.ecr.aws/aws-observability/aws-otel-collector:latest', memory: 256, essential: false },
      ],
    }));
    tutorialArn = taskDefinition?.taskDefinitionArn ?? '';
    proxy = await startAwsLimitsProxy(moto().url);
    aws = session(proxy.url);
  });

  after(async () => {
    aws.dispose();
    ecs.destroy();
    await proxy.stop();
  });

  beforeEach(() => proxy.resetCalls());

  it('lists 252 families in 3 pages of at most 100', async () => {
    const families: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await aws.taskDefinitions.listFamiliesPage(token);
      assert.ok(page.items.length <= 100);
      families.push(...page.items);
      token = page.nextToken;
      pages++;
    } while (token);
    assert.equal(pages, 3);
    assert.equal(callsOf(proxy, 'ListTaskDefinitionFamilies'), 3);
    assert.deepEqual([...families].sort(), [...FAMILIES, BIG_FAMILY, 'demo-ecs-task'].sort());
    assert.ok(proxy.calls.every((c) => c.status === 200));
  });

  it('lists a family\'s revisions newest first, a page of 20 at a time', async () => {
    const first = await aws.taskDefinitions.listRevisionArnsPage(BIG_FAMILY, 'ACTIVE', undefined);
    assert.equal(first.items.length, TASK_DEFINITION_LIMITS.revisionsPageSize);
    assert.deepEqual(first.items.map(taskDefinitionLeaf), Array.from({ length: 20 }, (_, i) => `${BIG_FAMILY}:${BIG_REVISIONS - i}`));
    assert.ok(first.nextToken);
    const second = await aws.taskDefinitions.listRevisionArnsPage(BIG_FAMILY, 'ACTIVE', first.nextToken);
    assert.deepEqual(second.items.map(taskDefinitionLeaf), ['web-api:5', 'web-api:4', 'web-api:3', 'web-api:2', 'web-api:1']);
    assert.equal(second.nextToken, undefined);
  });

  it('describes a page of revisions with one DescribeTaskDefinition each, a few at a time, in order', async () => {
    const page = await aws.taskDefinitions.listRevisionsPage(BIG_FAMILY, 'ACTIVE', undefined);
    assert.deepEqual(page.items.map((td) => td.revision), Array.from({ length: 20 }, (_, i) => BIG_REVISIONS - i));
    assert.deepEqual(page.items.map((td) => td.containers[0]?.image), Array.from({ length: 20 }, (_, i) => `registry.example/web-api:v${BIG_REVISIONS - i}`));
    assert.equal(callsOf(proxy, 'ListTaskDefinitions'), 1);
    assert.equal(callsOf(proxy, 'DescribeTaskDefinition'), 20);
  });

  it('maps a Fargate task definition to the plain model', async () => {
    const td = await aws.taskDefinitions.describeTaskDefinition(tutorialArn);
    assert.equal(td.arn, tutorialArn);
    assert.equal(td.family, 'demo-ecs-task');
    assert.equal(td.revision, 1);
    assert.equal(td.status, 'ACTIVE');
    assert.equal(td.cpu, '1024');
    assert.equal(td.memory, '3072');
    assert.deepEqual(td.runtimePlatform, { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' });
    assert.equal(td.networkMode, 'awsvpc');
    assert.deepEqual(td.requiresCompatibilities, ['FARGATE']);
    assert.equal(td.executionRoleArn, 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
    assert.equal(td.taskRoleArn, 'arn:aws:iam::123456789012:role/demo-task-role');
    assert.equal(td.containers.length, 2);
    const [app, sidecar] = td.containers;
    assert.equal(app?.name, 'demo-service-container');
    assert.equal(app?.image, '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo-service:latest');
    assert.equal(app?.essential, true);
    assert.equal(app?.memoryReservation, 1024);
    assert.deepEqual(app?.portMappings.map((p) => [p.containerPort, p.hostPort, p.protocol, p.name, p.appProtocol]), [[8080, 8080, 'tcp', 'web', 'http']]);
    assert.deepEqual(app?.logConfiguration, { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/demo-ecs-task', 'awslogs-region': REGION } });
    assert.equal(sidecar?.essential, false);
    assert.equal(sidecar?.memory, 256);
    assert.equal(sidecar?.logConfiguration, undefined);
    assert.deepEqual(sidecar?.portMappings, []);
    const raw = await aws.taskDefinitions.describeTaskDefinitionRaw(`demo-ecs-task:1`);
    assert.equal(raw.containerDefinitions?.[0]?.logConfiguration?.options?.['awslogs-group'], '/ecs/demo-ecs-task');
  });

  it('lists a deregistered revision as INACTIVE only', async () => {
    const deregistered = `${BIG_FAMILY}:${BIG_REVISIONS}`;
    await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: deregistered }));
    const active = await aws.taskDefinitions.listRevisionArnsPage(BIG_FAMILY, 'ACTIVE', undefined);
    assert.equal(taskDefinitionLeaf(active.items[0] ?? ''), `${BIG_FAMILY}:${BIG_REVISIONS - 1}`);
    assert.ok(!active.items.map(taskDefinitionLeaf).includes(deregistered));
    const inactive = await aws.taskDefinitions.listRevisionsPage(BIG_FAMILY, 'INACTIVE', undefined);
    assert.deepEqual(inactive.items.map((td) => [`${td.family}:${td.revision}`, td.status]), [[deregistered, 'INACTIVE']]);
    assert.equal(inactive.nextToken, undefined);
  });

  it('says which call failed for an unknown revision', async () => {
    await assert.rejects(aws.taskDefinitions.describeTaskDefinition('no-such-family:7'), (err: Error) => {
      assert.match(err.message, /^ecs:DescribeTaskDefinition failed: .*\(ClientException\)$/);
      return true;
    });
  });
});
