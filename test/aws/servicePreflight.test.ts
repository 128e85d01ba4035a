// The service form's preflight against moto behind the AWS-limits proxy, on the tutorial's world:
// the tutorial's service settings (private subnets, a new group allowing 8080 from the VPC, the
// existing ALB's target group) are judged before the service exists; the per-form cache makes
// the second run read only the security groups; planned resources are never looked up; a
// failed or cancelled read is not kept.
import * as assert from 'node:assert/strict';
import { createSession, type AwsSession } from '../../src/aws';
import { AwsError } from '../../src/aws/errors';
import { createPreflightCache } from '../../src/aws/preflightCache';
import { preflightService, type ServicePreflight } from '../../src/aws/servicePreflight';
import type { PreflightInput } from '../../src/aws/snapshotCollector';
import { plannedId } from '../../src/doctor/planned';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../support/tutorialWorld';
import { moto, resetMoto } from './setup';

/** A region no other aws suite seeds with the tutorial (moto is reset per suite anyway). */
const REGION = 'eu-central-1';
const PORT = TUTORIAL.containerPort;

function errors(p: ServicePreflight): string[] {
  return p.items.filter((i) => i.severity === 'error').map((i) => i.id).sort();
}

describe('service preflight on the tutorial world (moto behind the AWS-limits proxy)', function () {
  let world: TutorialWorld;
  let proxy: AwsLimitsProxy;
  let aws: AwsSession;
  const svc = (name: string) => `com.amazonaws.${REGION}.${name}`;
  const operations = () => proxy.calls.map((c) => c.operation).sort();

  /** The tutorial's service as its console form was filled in, the new group made with it. */
  const tutorialInput = (): PreflightInput => ({
    taskDefinition: world.taskDefinitionArn,
    subnets: world.privateSubnetIds,
    securityGroups: [],
    assignPublicIp: 'DISABLED',
    loadBalancers: [{ targetGroupArn: world.targetGroupArn, containerName: TUTORIAL.containerName, containerPort: PORT }],
    planned: { serviceSecurityGroup: { name: TUTORIAL.serviceSgName, ingress: [{ port: PORT, cidr: TUTORIAL.vpcCidr }] } },
  });

  before(async function () {
    this.timeout(120_000);
    await resetMoto();
    world = await seedTutorialWorld(moto().url, { region: REGION, stoppedTasks: false });
    proxy = await startAwsLimitsProxy(moto().url);
    aws = createSession({ profile: undefined, region: REGION, endpointUrl: proxy.url }, {
      userAgent: ['ecs-studio-test', '0.0.0'], credentials: async () => TEST_CREDENTIALS, maxAttempts: 1,
    });
  });

  after(async function () {
    aws?.dispose();
    await proxy?.stop();
  });

  beforeEach(function () {
    proxy.setLatency(0);
    proxy.resetCalls();
  });

  it("reports the missing endpoints and the 443 rule before the tutorial's service exists, and nothing about its ALB wiring", async function () {
    const p = await preflightService(aws, tutorialInput(), { cache: createPreflightCache() });
    assert.deepEqual(errors(p), [
      `ENDPOINT_MISSING:${svc('ecr.api')}`,
      `ENDPOINT_MISSING:${svc('ecr.dkr')}`,
      `ENDPOINT_MISSING:${svc('logs')}`,
      `ENDPOINT_SG_BLOCKS_443:${world.vpcId}`,
      `LOG_GROUP_MISSING:${REGION}:${TUTORIAL.logGroupName}`,
      `S3_GATEWAY_ENDPOINT_MISSING:${world.vpcId}`,
    ]);
    assert.deepEqual(p.snapshot.gaps, []);
    assert.ok(p.items.every((i) => i.code !== 'COULD_NOT_CHECK' && i.code !== 'SERVICE_SG_BLOCKS_LB'), p.items.map((i) => i.id).join(', '));
    const rule443 = p.items.find((i) => i.id === `ENDPOINT_SG_BLOCKS_443:${world.vpcId}`);
    assert.equal(rule443?.field, 'networking.securityGroups');
    assert.deepEqual(rule443?.fix?.plan.steps.map((s) => s.kind), ['createSecurityGroup', 'authorizeIngress']);
    assert.ok(rule443?.detail.some((d) => d.includes(`${TUTORIAL.serviceSgName} (new)`)), rule443?.detail.join('\n'));
    const ecr = p.items.find((i) => i.id === `ENDPOINT_MISSING:${svc('ecr.dkr')}`);
    assert.equal(ecr?.field, 'networking.subnetIds');
    assert.ok(ecr?.detail.some((d) => d.includes(world.privateSubnetIds[0]) && d.includes('routes 0.0.0.0/0 nowhere')), ecr?.detail.join('\n'));
    assert.ok(!operations().some((o) => /^(Create|Authorize|Modify|Put|Register)/.test(o)), 'a preflight changes nothing');
  });

  it('a second run for the same form reads only the security groups; another subnet choice adds one DescribeSubnets', async function () {
    const cache = createPreflightCache();
    const first = await preflightService(aws, tutorialInput(), { cache });
    assert.ok(operations().length >= 15, operations().join(', '));
    proxy.resetCalls();
    const again = await preflightService(aws, { ...tutorialInput(), assignPublicIp: 'ENABLED' }, { cache });
    assert.deepEqual(operations(), ['DescribeSecurityGroups']);
    assert.deepEqual(errors(again), errors(first), 'the public IP does not help a subnet without an internet gateway');
    proxy.resetCalls();
    const publicSubnets = await preflightService(aws, { ...tutorialInput(), subnets: world.publicSubnetIds }, { cache });
    assert.deepEqual(operations(), ['DescribeSecurityGroups', 'DescribeSubnets']);
    // The same world in its public subnets, public IP off: one cause, whose remedy is the form's switch.
    const only = publicSubnets.items.filter((i) => i.severity === 'error');
    assert.deepEqual(only.map((i) => i.code), ['PUBLIC_SUBNET_NO_PUBLIC_IP', 'LOG_GROUP_MISSING']);
    assert.equal(only[0].formChange?.field, 'networking.assignPublicIp');
    assert.equal(only[0].fix, undefined);
  });

  it('a planned ALB, target group and listener are never looked up, and the new group opening 8080 from its group is clean', async function () {
    const p = await preflightService(aws, {
      ...tutorialInput(),
      loadBalancers: [{ containerName: TUTORIAL.containerName, containerPort: PORT }],
      planned: {
        serviceSecurityGroup: { name: 'demo-sg', ingress: [{ port: PORT, sourceGroupId: plannedId('loadBalancerSecurityGroup') }] },
        loadBalancer: { name: 'demo-alb', subnetIds: world.publicSubnetIds, securityGroup: { name: 'demo-alb-sg', ingress: [{ port: 80, cidr: '0.0.0.0/0' }] } },
        targetGroup: { name: 'demo-tg', port: PORT, healthCheckPath: '/', listenerPort: 80 },
      },
    }, { cache: createPreflightCache() });
    assert.deepEqual(proxy.calls.filter((c) => c.service === 'elasticloadbalancing').map((c) => c.operation), []);
    assert.ok(!p.items.some((i) => i.field === 'loadBalancing' || i.code === 'SERVICE_SG_BLOCKS_LB'), p.items.map((i) => i.id).join(', '));
    assert.ok(p.items.some((i) => i.id === `ENDPOINT_MISSING:${svc('ecr.api')}`), 'the subnets are still isolated');
  });

  it('a planned target group on the existing ALB without a new listener is flagged, the ALB read once', async function () {
    const p = await preflightService(aws, {
      ...tutorialInput(),
      loadBalancers: [{ containerName: TUTORIAL.containerName, containerPort: PORT }],
      planned: { targetGroup: { name: 'demo-tg', port: PORT, healthCheckPath: '/', loadBalancerArn: world.albArn } },
    }, { cache: createPreflightCache() });
    assert.deepEqual(proxy.calls.filter((c) => c.service === 'elasticloadbalancing').map((c) => c.operation), ['DescribeLoadBalancers']);
    assert.ok(p.items.some((i) => i.id === `TARGET_GROUP_NO_LISTENER:${plannedId('targetGroup')}` && i.field === 'loadBalancing'), p.items.map((i) => i.id).join(', '));
  });

  it('a failed read becomes a "could not check" item and is read again next time', async function () {
    const cache = createPreflightCache();
    proxy.failNext('DescribeNetworkAcls', { status: 403, type: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' });
    const denied = await preflightService(aws, tutorialInput(), { cache });
    const gap = denied.items.find((i) => i.code === 'COULD_NOT_CHECK');
    assert.ok(gap?.detail[0]?.includes('network ACLs'), gap?.detail.join('\n'));
    proxy.resetCalls();
    const next = await preflightService(aws, tutorialInput(), { cache });
    assert.deepEqual(operations(), ['DescribeNetworkAcls', 'DescribeSecurityGroups']);
    assert.ok(!next.items.some((i) => i.code === 'COULD_NOT_CHECK'));
  });

  it('a superseded run rejects as cancelled and leaves the cache usable', async function () {
    const cache = createPreflightCache();
    proxy.setLatency(300);
    const controller = new AbortController();
    const superseded = preflightService(aws, tutorialInput(), { cache, signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    await assert.rejects(superseded, (err: unknown) => err instanceof AwsError && err.kind === 'cancelled');
    proxy.setLatency(0);
    const next = await preflightService(aws, tutorialInput(), { cache });
    assert.ok(next.items.some((i) => i.id === `ENDPOINT_MISSING:${svc('ecr.api')}`));
  });
});
