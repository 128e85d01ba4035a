// The trust and network ACL fix steps applied to an account that changed after planning (moto,
// real SDK): each re-reads the resource first. A trust policy that now denies ECS tasks is not
// overridden; an ACL rule number taken since is not overwritten; an ACL that now lets the traffic
// through, or a role that now trusts ECS tasks, is skipped. Nothing is changed in those cases.
import * as assert from 'node:assert/strict';
import { CreateNetworkAclEntryCommand, DescribeNetworkAclsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetRoleCommand, IAMClient, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { createSession, type AwsSession } from '../../src/aws';
import { applyPlan } from '../../src/aws/fixApplier';
import { collectServiceSnapshot } from '../../src/aws/snapshotCollector';
import type { ServiceSnapshot } from '../../src/doctor/snapshot';
import type { FixStep } from '../../src/doctor/types';
import { TEST_CREDENTIALS } from '../support/moto';
import { TUTORIAL } from '../support/tutorialWorld';
import { REPLIES_DENY_RULE, seedRepliesBlockedWorld, type RepliesBlockedWorld } from '../support/worlds/repliesBlockedWorld';
import { moto, resetMoto } from './setup';

const REGION = 'eu-west-3';

describe('doctor fix steps on an account changed since planning: trust policy and network ACL', function () {
  let aws: AwsSession;
  let world: RepliesBlockedWorld;
  let snapshot: ServiceSnapshot;
  let iam: IAMClient;
  let ec2: EC2Client;

  const trustText = async () => {
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: TUTORIAL.executionRoleName }));
    return decodeURIComponent(Role?.AssumeRolePolicyDocument ?? '');
  };
  const aclEntries = async () => {
    const { NetworkAcls } = await ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [world.aclId] }));
    return (NetworkAcls?.[0]?.Entries ?? []).map((e) => `${e.Egress ? 'out' : 'in'} ${e.RuleNumber} ${e.RuleAction}`).sort();
  };
  const step = (): FixStep => ({
    kind: 'createNetworkAclEntry', aclId: world.aclId, ruleNumber: REPLIES_DENY_RULE - 1, egress: false, fromPort: 1024, toPort: 65535, cidr: '0.0.0.0/0', beforeRule: REPLIES_DENY_RULE,
  });

  before(async function () {
    await resetMoto();
    world = await seedRepliesBlockedWorld(moto().url, { region: REGION });
    const config = { endpoint: moto().url, region: REGION, credentials: TEST_CREDENTIALS };
    iam = new IAMClient(config);
    ec2 = new EC2Client(config);
    aws = createSession({ profile: undefined, region: REGION, endpointUrl: moto().url }, {
      userAgent: ['ecs-studio-test', '0.0.0'], credentials: async () => TEST_CREDENTIALS, maxAttempts: 1,
    });
    snapshot = await collectServiceSnapshot(aws, { cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName });
  });

  after(function () {
    aws?.dispose();
    iam?.destroy();
    ec2?.destroy();
  });

  it('a trust policy that denies ECS tasks since the plan is not overridden', async function () {
    const denied = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: TUTORIAL.executionRoleName, PolicyDocument: denied }));
    const result = await applyPlan(aws, { steps: [{ kind: 'updateAssumeRolePolicy', roleName: TUTORIAL.executionRoleName, document: '{}' }] }, snapshot);
    assert.match(result.failed?.error.message ?? '', /now denies sts:AssumeRole to ecs-tasks\.amazonaws\.com: not overridden/);
    assert.equal(JSON.parse(await trustText()).Statement[0].Effect, 'Deny', 'unchanged');
  });

  it('a role that trusts ECS tasks since the plan is skipped', async function () {
    const trusted = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com'] }, Action: 'sts:AssumeRole' }] });
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: TUTORIAL.executionRoleName, PolicyDocument: trusted }));
    const result = await applyPlan(aws, { steps: [{ kind: 'updateAssumeRolePolicy', roleName: TUTORIAL.executionRoleName, document: '{}' }] }, snapshot);
    assert.deepEqual(result.done.map((r) => r.outcome), ['skipped']);
    assert.equal(await trustText(), trusted);
  });

  it('an ACL rule number taken since the plan is not overwritten', async function () {
    await ec2.send(new CreateNetworkAclEntryCommand({
      NetworkAclId: world.aclId, RuleNumber: REPLIES_DENY_RULE - 1, Egress: false, RuleAction: 'deny', Protocol: '6', CidrBlock: '198.51.100.0/24', PortRange: { From: 22, To: 22 },
    }));
    const before = await aclEntries();
    const result = await applyPlan(aws, { steps: [step()] }, snapshot);
    assert.match(result.failed?.error.message ?? '', new RegExp(`Rule number ${REPLIES_DENY_RULE - 1} of ${world.aclId} is now in use: check again for a new plan`));
    assert.deepEqual(await aclEntries(), before);
  });

  it('an ACL that lets the replies through since the plan is skipped', async function () {
    await ec2.send(new CreateNetworkAclEntryCommand({
      NetworkAclId: world.aclId, RuleNumber: 10, Egress: false, RuleAction: 'allow', Protocol: '-1', CidrBlock: '0.0.0.0/0',
    }));
    const before = await aclEntries();
    const result = await applyPlan(aws, { steps: [step()] }, snapshot);
    assert.deepEqual(result.done.map((r) => r.outcome), ['skipped']);
    assert.deepEqual(await aclEntries(), before);
  });
});
