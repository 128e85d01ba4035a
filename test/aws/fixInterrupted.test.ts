// A fix plan cut half-way by the network: the doctor's plan for the tutorial's service runs
// through the AWS-limits proxy, which drops every attempt of the plan's second CreateVpcEndpoint.
// The result must say exactly which changes exist (checked against moto), and the same plan
// run again must complete it with nothing made twice.
import * as assert from 'node:assert/strict';
import { DescribeSecurityGroupsCommand, DescribeVpcEndpointsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { createSession, type AwsSession } from '../../src/aws';
import { applyPlan, describeApplyResult } from '../../src/aws/fixApplier';
import { collectServiceSnapshot } from '../../src/aws/snapshotCollector';
import { analyze } from '../../src/doctor/analyze';
import { planFixes } from '../../src/doctor/fixPlan';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../support/tutorialWorld';
import { moto, resetMoto } from './setup';

const REGION = 'ap-southeast-1';

describe('a fix plan interrupted half-way by a network fault', function () {
  let world: TutorialWorld;
  let proxy: AwsLimitsProxy;
  let aws: AwsSession;
  let ec2: EC2Client;

  async function endpointServices(): Promise<string[]> {
    const out = await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [world.vpcId] }] }));
    return (out.VpcEndpoints ?? []).map((e) => e.ServiceName ?? '').sort();
  }

  async function groupNames(): Promise<string[]> {
    const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [world.vpcId] }] }));
    return (out.SecurityGroups ?? []).map((g) => g.GroupName ?? '').sort();
  }

  before(async function () {
    this.timeout(120_000);
    await resetMoto();
    world = await seedTutorialWorld(moto().url, { region: REGION });
    proxy = await startAwsLimitsProxy(moto().url);
    aws = createSession({ profile: undefined, region: REGION, endpointUrl: proxy.url }, {
      userAgent: ['ecs-studio-test', '0.0.0'], credentials: async () => TEST_CREDENTIALS, requestTimeoutMs: 5_000,
    });
    ec2 = new EC2Client({ region: REGION, endpoint: moto().url, credentials: TEST_CREDENTIALS });
  });

  after(async () => {
    aws?.dispose();
    ec2?.destroy();
    await proxy?.stop();
  });

  it('reports exactly the changes that exist, and a second run completes it without duplicates', async function () {
    this.timeout(120_000);
    const snapshot = await collectServiceSnapshot(aws, { cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName });
    const plan = planFixes(analyze(snapshot), snapshot);
    const endpointSteps = plan.steps.filter((s) => s.kind === 'createInterfaceEndpoint');
    assert.ok(endpointSteps.length >= 2, `the plan makes several interface endpoints: ${plan.steps.map((s) => s.kind).join(', ')}`);
    const endpointsBefore = await endpointServices();
    const groupsBefore = await groupNames();

    // Every attempt (the SDK's 3) of the second CreateVpcEndpoint is dropped.
    proxy.injectNetworkFault({ operation: 'CreateVpcEndpoint', kind: 'drop', skip: 1, times: 3 });
    const first = await applyPlan(aws, plan, snapshot);
    const firstText = describeApplyResult(first).join('\n');
    assert.equal(first.failed?.step, endpointSteps[1], firstText);
    assert.match(first.failed?.error.message ?? '', /Cannot reach .* \(connection (closed|reset)\)/);
    assert.equal(first.done.length + 1 + first.notRun.length, plan.steps.length);
    assert.ok(first.done.every((r) => r.outcome === 'applied'), firstText);
    // What the result says exists is what AWS has: exactly one new interface endpoint so far.
    const madeEndpoints = first.done.filter((r) => r.step.kind === 'createInterfaceEndpoint' || r.step.kind === 'createGatewayEndpoint').length;
    assert.equal((await endpointServices()).length, endpointsBefore.length + madeEndpoints, firstText);
    assert.equal(madeEndpoints, 1, firstText);
    const madeGroups = first.done.filter((r) => r.step.kind === 'createSecurityGroup').length;
    assert.equal((await groupNames()).length, groupsBefore.length + madeGroups, firstText);
    assert.match(describeApplyResult(first).at(-1) ?? '', new RegExp(`^Stopped at the first failure: ${first.done.length} changes? made, 0 already done, ${first.notRun.length + 1} not done\\.$`));

    proxy.clearFaults();
    const second = await applyPlan(aws, plan, snapshot);
    const secondText = describeApplyResult(second).join('\n');
    assert.equal(second.failed, undefined, secondText);
    assert.deepEqual(second.done.slice(0, first.done.length).map((r) => r.outcome), first.done.map(() => 'skipped'), 'what the first run made is found, not made again');
    const endpointsAfter = await endpointServices();
    assert.equal(new Set(endpointsAfter).size, endpointsAfter.length, `no endpoint twice: ${endpointsAfter.join(', ')}`);
    const groupsAfter = await groupNames();
    assert.equal(new Set(groupsAfter).size, groupsAfter.length, `no group twice: ${groupsAfter.join(', ')}`);
    const wanted = plan.steps.filter((s) => s.kind === 'createInterfaceEndpoint' || s.kind === 'createGatewayEndpoint').length;
    assert.equal(endpointsAfter.length, endpointsBefore.length + wanted);
  });
});
