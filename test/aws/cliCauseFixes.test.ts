// Three causes found, explained and fixed end to end through the command line (dist/cli.js)
// against moto, each with the smallest remedy: an execution role ECS cannot assume (its trust
// policy gets one statement), a network ACL that drops the replies (one allow entry before the
// deny), an S3 gateway endpoint off the task subnets' route table (associated, not a second
// one). Each: the finding and the plan, --fix --yes, the change read back from moto with our
// own calls, the re-check exit 0, and a second --fix that changes nothing.
import * as assert from 'node:assert/strict';
import { DescribeNetworkAclsCommand, DescribeVpcEndpointsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { TEST_CREDENTIALS } from '../support/moto';
import { TUTORIAL } from '../support/tutorialWorld';
import { REPLIES_DENY_RULE, seedRepliesBlockedWorld, type RepliesBlockedWorld } from '../support/worlds/repliesBlockedWorld';
import { seedS3NotAssociatedWorld, type S3NotAssociatedWorld } from '../support/worlds/s3NotAssociatedWorld';
import { EC2_ONLY_TRUST, seedUntrustedRoleWorld, type UntrustedRoleWorld } from '../support/worlds/untrustedRoleWorld';
import { useTutorialDoctor } from './cliRunner';
import { moto, resetMoto } from './setup';

function config(region: string) {
  return { endpoint: moto().url, region, credentials: TEST_CREDENTIALS };
}

describe('ecs-studio doctor: a cause, its smallest fix, end to end (dist/cli.js)', function () {
  const doctor = useTutorialDoctor(() => moto().url, { cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName });

  describe('an execution role that trusts only ec2.amazonaws.com', function () {
    const REGION = 'eu-west-1';
    let world: UntrustedRoleWorld;
    let iam: IAMClient;

    async function trust(): Promise<{ Statement: Array<Record<string, unknown>> }> {
      const { Role } = await iam.send(new GetRoleCommand({ RoleName: TUTORIAL.executionRoleName }));
      const text = Role?.AssumeRolePolicyDocument ?? '';
      return JSON.parse(text.startsWith('{') ? text : decodeURIComponent(text)) as { Statement: Array<Record<string, unknown>> };
    }

    before(async function () {
      await resetMoto();
      world = await seedUntrustedRoleWorld(moto().url, { region: REGION });
      iam = new IAMClient(config(REGION));
    });

    after(function () {
      iam?.destroy();
    });

    it('explains the stopped task by the trust finding, and the plan shows the whole new document', async function () {
      const run = doctor(REGION);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /ERROR +The task execution role does not trust ECS tasks {2}\[EXECUTION_ROLE_TRUST\]/);
      const taskId = world.roleStoppedTaskArn.split('/').pop() ?? '?';
      assert.match(run.stdout, new RegExp(`${taskId} {2}ROLE_ASSUME_FAILED: .*\n {6}The task execution role does not trust ECS tasks: ecsTaskExecutionRole's trust policy does not allow ecs-tasks\\.amazonaws\\.com to call sts:AssumeRole`));
      assert.match(run.stdout, /1\. Update the trust policy of role ecsTaskExecutionRole \(its statements kept\) with one statement letting ecs-tasks\.amazonaws\.com call sts:AssumeRole \(UpdateAssumeRolePolicy\)\n {5}\{\n {7}"Version": "2012-10-17",/);
      assert.match(run.stdout, /"Sid": "Ec2",[\s\S]*"Service": "ec2\.amazonaws\.com"[\s\S]*"Service": "ecs-tasks\.amazonaws\.com"[\s\S]*"aws:SourceAccount": "123456789012"/);
      assert.match(run.stdout, /2\. Start a new deployment of service demo-ecs-service/);
      assert.doesNotMatch(run.stdout, /\d\. (Attach|Create|Add)/, 'nothing but the trust and the redeploy');
      assert.deepEqual((await trust()).Statement, [EC2_ONLY_TRUST.Statement[0]], 'the check changed nothing');
    });

    it('--fix --yes updates the trust policy, keeping its statement; the re-check is clean', async function () {
      const run = doctor(REGION, '--fix', '--yes');
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /\[1\/2\] Update the trust policy of role ecsTaskExecutionRole .*: done \(ecsTaskExecutionRole now trusts ecs-tasks\.amazonaws\.com\)/);
      assert.match(run.stdout, /Checking again:\nNo problems found\.\n$/);
      assert.deepEqual((await trust()).Statement, [EC2_ONLY_TRUST.Statement[0], {
        Sid: 'EcsStudioEcsTasksAssumeRole', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': world.accountId } },
      }], 'IAM GetRole: the EC2 statement kept, the ECS tasks statement added');
    });

    it('checked again it exits 0, and a second --fix changes nothing', async function () {
      assert.equal(doctor(REGION).status, 0);
      const again = doctor(REGION, '--fix', '--yes');
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout + again.stderr, /Nothing to fix\./);
      assert.match(again.stdout, /No problems found\./);
      assert.equal((await trust()).Statement.length, 2, 'no second statement');
    });
  });

  describe('a network ACL on the private subnets that denies the replies', function () {
    const REGION = 'eu-west-2';
    let world: RepliesBlockedWorld;
    let ec2: EC2Client;

    async function entries(): Promise<string[]> {
      const { NetworkAcls } = await ec2.send(new DescribeNetworkAclsCommand({ NetworkAclIds: [world.aclId] }));
      return (NetworkAcls?.[0]?.Entries ?? []).map((e) => `${e.Egress ? 'out' : 'in'} ${e.RuleNumber} ${e.RuleAction} ${e.Protocol} ${e.PortRange ? `${e.PortRange.From}-${e.PortRange.To}` : 'all'} ${e.CidrBlock}`).sort();
    }

    before(async function () {
      await resetMoto();
      world = await seedRepliesBlockedWorld(moto().url, { region: REGION });
      ec2 = new EC2Client(config(REGION));
    });

    after(function () {
      ec2?.destroy();
    });

    it('finds the ACL, explains the stopped task, plans one entry before the deny', async function () {
      const run = doctor(REGION);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, new RegExp(`ERROR +Network ACL ${world.aclId} drops the replies on ports 32768-60999 from 0\\.0\\.0\\.0/0 .*\\[NACL_BLOCKS_REPLIES\\]`));
      assert.match(run.stdout, new RegExp(`at rule ${REPLIES_DENY_RULE} \\(deny tcp 1024-65535 from 0\\.0\\.0\\.0/0\\)`));
      assert.doesNotMatch(run.stdout, /\[NACL_BLOCKS_443\]/, 'the requests pass');
      const taskId = world.stoppedTaskArn.split('/').pop() ?? '?';
      assert.match(run.stdout, new RegExp(`${taskId} {2}ECR_UNREACHABLE: .*\\n {6}Network ACL ${world.aclId} drops the replies`));
      assert.match(run.stdout, new RegExp(`Fix plan \\(2 steps\\):\\n {2}1\\. Add entry ${REPLIES_DENY_RULE - 1} to network ACL ${world.aclId}: allow inbound TCP 1024-65535 from 0\\.0\\.0\\.0/0, before rule ${REPLIES_DENY_RULE} that denies it; no other entry changed \\(CreateNetworkAclEntry\\)\\n {2}2\\. Start a new deployment`));
      assert.doesNotMatch(run.stdout, /natGateway|Ways out/, 'an ACL entry is the fix, not another path');
    });

    it('--fix --yes adds that entry and nothing else; the re-check is clean', async function () {
      const before = await entries();
      const run = doctor(REGION, '--fix', '--yes');
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, new RegExp(`\\[1/2\\] Add entry ${REPLIES_DENY_RULE - 1} to network ACL ${world.aclId}.*: done \\(added entry ${REPLIES_DENY_RULE - 1} to ${world.aclId}\\)`));
      assert.match(run.stdout, /Checking again:\nNo problems found\.\n$/);
      assert.deepEqual(await entries(), [...before, `in ${REPLIES_DENY_RULE - 1} allow 6 1024-65535 0.0.0.0/0`].sort(), 'one entry added, the user\'s entries as they were');
    });

    it('checked again it exits 0, and a second --fix changes nothing', async function () {
      const before = await entries();
      assert.equal(doctor(REGION).status, 0);
      const again = doctor(REGION, '--fix', '--yes');
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout + again.stderr, /Nothing to fix\./);
      assert.deepEqual(await entries(), before);
    });
  });

  describe('an S3 gateway endpoint moved off the private route table', function () {
    const REGION = 'eu-central-1';
    let world: S3NotAssociatedWorld;
    let ec2: EC2Client;

    async function gateways(): Promise<string[]> {
      const { VpcEndpoints } = await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [world.vpcId] }, { Name: 'vpc-endpoint-type', Values: ['Gateway'] }] }));
      return (VpcEndpoints ?? []).map((e) => `${e.VpcEndpointId}:${[...(e.RouteTableIds ?? [])].sort().join(',')}`);
    }

    before(async function () {
      await resetMoto();
      world = await seedS3NotAssociatedWorld(moto().url, { region: REGION });
      ec2 = new EC2Client(config(REGION));
    });

    after(function () {
      ec2?.destroy();
    });

    it('says the endpoint is not associated with the private route table, and plans to associate it', async function () {
      const run = doctor(REGION);
      assert.equal(run.status, 1, run.stderr);
      const { s3EndpointId: id, routeTableIds: rt } = world;
      assert.match(run.stdout, new RegExp(`ERROR +The S3 gateway endpoint ${id} is not associated with route table ${rt.private} {2}\\[S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED\\]`));
      assert.match(run.stdout, new RegExp(`gateway endpoint ${id} is on ${rt.public} but not on ${rt.private}`));
      assert.match(run.stdout, new RegExp(`1\\. Associate gateway endpoint ${id} \\(com\\.amazonaws\\.${REGION}\\.s3\\) with route table ${rt.private} \\(ModifyVpcEndpoint; nothing created\\)`));
      assert.doesNotMatch(run.stdout, /\d\. Create gateway endpoint/);
      assert.deepEqual(await gateways(), [`${id}:${rt.public}`]);
    });

    it('--fix --yes associates the endpoint (no second one); the re-check is clean', async function () {
      const run = doctor(REGION, '--fix', '--yes');
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      const { s3EndpointId: id, routeTableIds: rt } = world;
      assert.match(run.stdout, new RegExp(`: done \\(added ${rt.private} to ${id}\\)`));
      assert.match(run.stdout, /Checking again:\nNo problems found\.\n$/);
      assert.deepEqual(await gateways(), [`${id}:${[rt.private, rt.public].sort().join(',')}`], 'the same endpoint on both tables, no second one');
    });

    it('checked again it exits 0, and a second --fix changes nothing', async function () {
      assert.equal(doctor(REGION).status, 0);
      const again = doctor(REGION, '--fix', '--yes');
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout + again.stderr, /Nothing to fix\./);
      assert.equal((await gateways()).length, 1);
    });
  });
});
