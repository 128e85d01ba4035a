// The doctor's ways out of one cause, end to end through the command line (dist/cli.js) against
// moto: tasks in public subnets without a public IP get the public IP and nothing else (no
// endpoint, no NAT gateway is left behind to bill); tasks in isolated subnets get the VPC
// endpoints, or with --remedy natGateway a NAT gateway and nothing else. Each is checked in
// moto's state with our own describe calls, then re-checked clean, then fixed again for nothing.
import * as assert from 'node:assert/strict';
import { DescribeAddressesCommand, DescribeNatGatewaysCommand, DescribeRouteTablesCommand, DescribeVpcEndpointsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../support/tutorialWorld';
import { seedPublicSubnetsWorld } from '../support/worlds/publicSubnetsWorld';
import { useTutorialDoctor } from './cliRunner';
import { moto, resetMoto } from './setup';

interface Account {
  world: TutorialWorld;
  ec2: EC2Client;
  ecs: ECSClient;
}

function clients(world: TutorialWorld): Account {
  const config = { endpoint: moto().url, region: world.region, credentials: TEST_CREDENTIALS };
  return { world, ec2: new EC2Client(config), ecs: new ECSClient(config) };
}

async function endpoints(a: Account): Promise<string[]> {
  const out = await a.ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [a.world.vpcId] }] }));
  return (out.VpcEndpoints ?? []).map((e) => `${e.VpcEndpointType}:${e.ServiceName}`).sort();
}

async function natGateways(a: Account): Promise<string[]> {
  const out = await a.ec2.send(new DescribeNatGatewaysCommand({ Filter: [{ Name: 'vpc-id', Values: [a.world.vpcId] }] }));
  return (out.NatGateways ?? []).map((n) => `${n.SubnetId}:${n.State}`);
}

async function addresses(a: Account): Promise<string[]> {
  const out = await a.ec2.send(new DescribeAddressesCommand({}));
  return (out.Addresses ?? []).map((x) => x.Tags?.find((t) => t.Key === 'Name')?.Value ?? '(no name)');
}

async function defaultRoute(a: Account, tableId: string): Promise<string> {
  const out = await a.ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [tableId] }));
  const route = out.RouteTables?.[0]?.Routes?.find((r) => r.DestinationCidrBlock === '0.0.0.0/0');
  return route ? route.NatGatewayId ?? route.GatewayId ?? '?' : 'none';
}

async function assignPublicIp(a: Account): Promise<string | undefined> {
  const out = await a.ecs.send(new DescribeServicesCommand({ cluster: TUTORIAL.clusterName, services: [TUTORIAL.serviceName] }));
  return out.services?.[0]?.networkConfiguration?.awsvpcConfiguration?.assignPublicIp;
}

describe('ecs-studio doctor: one way out of one cause (dist/cli.js)', function () {
  const doctor = useTutorialDoctor(() => moto().url, { cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName });

  describe('tasks in public subnets without a public IP', function () {
    const REGION = 'us-east-2';
    let a: Account;

    before(async function () {
      await resetMoto();
      a = clients(await seedPublicSubnetsWorld(moto().url, { region: REGION }));
    });

    after(function () {
      a?.ec2.destroy();
      a?.ecs.destroy();
    });

    it('the finding lists the ways out with what each changes and costs; the plan is the public IP alone', function () {
      const run = doctor(REGION);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /ERROR +The tasks in public subnets subnet-\S+, subnet-\S+ get no public IP, so the internet gateway does not serve them {2}\[PUBLIC_SUBNET_NO_PUBLIC_IP\]/);
      assert.match(run.stdout, /Ways out \(one is enough; --fix takes the preselected one, --remedy NAME another\):/);
      assert.match(run.stdout, /publicIp \(preselected\): give the tasks a public IP\. Update service demo-ecs-service to assignPublicIp ENABLED/);
      assert.match(run.stdout, /Cost: ~\$3\.65\/month per task: \$0\.005 per public IPv4 address-hour/);
      assert.match(run.stdout, /vpcEndpoints: create the VPC endpoints\. Create interface endpoints com\.amazonaws\.us-east-2\.ecr\.api/);
      assert.match(run.stdout, /Cost: ~\$43\.80\/month \+ \$0\.01\/GB: 3 interface endpoints × 2 AZs/);
      assert.doesNotMatch(run.stdout, /natGateway/, 'no NAT gateway for tasks already in public subnets');
      assert.doesNotMatch(run.stdout, /endpoint .* is missing/, 'the endpoints are not "missing": the tasks are meant to use the internet gateway');
      assert.match(run.stdout, /Update service demo-ecs-service to give its tasks a public IP/);
      assert.doesNotMatch(run.stdout, /\d+\. Create (interface|gateway) endpoint/);
      const json = JSON.parse(doctor(REGION, '--json').stdout) as { findings: Array<{ code: string; alternatives?: Array<{ name: string; preselected: boolean; steps: unknown[] }> }> };
      const f = json.findings.find((x) => x.code === 'PUBLIC_SUBNET_NO_PUBLIC_IP');
      assert.deepEqual(f?.alternatives?.map((x) => [x.name, x.preselected]), [['publicIp', true], ['vpcEndpoints', false]]);
      assert.ok((f?.alternatives?.[1]?.steps.length ?? 0) > 0, 'each way carries its steps');
    });

    it('--remedy natGateway is not offered here: exit 2, a clear error, nothing changed', async function () {
      const run = doctor(REGION, '--fix', '--yes', '--remedy', 'natGateway');
      assert.equal(run.status, 2, run.stdout);
      assert.match(run.stderr, /^ecs-studio: --remedy natGateway is not offered for service demo-ecs-service: its findings offer publicIp, vpcEndpoints\. Nothing was changed\.$/m);
      const unknown = doctor(REGION, '--fix', '--yes', '--remedy', 'nat');
      assert.equal(unknown.status, 2);
      assert.match(unknown.stderr, /Unknown remedy 'nat': --remedy takes publicIp, natGateway, vpcEndpoints\./);
      assert.equal(await assignPublicIp(a), 'DISABLED');
      assert.deepEqual(await endpoints(a), []);
    });

    it('--fix --yes gives the tasks a public IP and creates no endpoint, no NAT gateway, no Elastic IP; the re-check is clean', async function () {
      const run = doctor(REGION, '--fix', '--yes');
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /Update service demo-ecs-service to give its tasks a public IP \(assignPublicIp ENABLED\): done/);
      assert.match(run.stdout, /Checking again:\nNo problems found\.\n$/);
      assert.equal(await assignPublicIp(a), 'ENABLED');
      assert.deepEqual(await endpoints(a), [], 'no endpoint left behind to bill');
      assert.deepEqual(await natGateways(a), []);
      assert.deepEqual(await addresses(a), []);
    });

    it('checked again it exits 0, and a second --fix changes nothing', async function () {
      assert.equal(doctor(REGION).status, 0);
      const again = doctor(REGION, '--fix', '--yes');
      assert.equal(again.status, 0);
      assert.match(again.stdout + again.stderr, /Nothing to fix\./);
      assert.deepEqual(await endpoints(a), []);
    });
  });

  describe('tasks in isolated subnets of a VPC with a public subnet', function () {
    const REGION = 'ap-northeast-1';
    let a: Account;

    before(async function () {
      await resetMoto();
      a = clients(await seedTutorialWorld(moto().url, { region: REGION }));
    });

    after(function () {
      a?.ec2.destroy();
      a?.ecs.destroy();
    });

    it('lists the VPC endpoints (preselected) and a NAT gateway; the plan creates the endpoints', function () {
      const run = doctor(REGION);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /vpcEndpoints \(preselected\): create the VPC endpoints\./);
      assert.match(run.stdout, new RegExp(`natGateway: route the task subnets through a NAT gateway\\. Allocate an Elastic IP, create one NAT gateway in public subnet ${a.world.publicSubnetIds[0]}`));
      assert.match(run.stdout, /Cost: ~\$36\.50\/month \+ \$0\.045\/GB/);
      assert.match(run.stdout, /\d+\. Create interface endpoint com\.amazonaws\.ap-northeast-1\.ecr\.api/);
      assert.doesNotMatch(run.stdout, /\d+\. (Allocate an Elastic IP|Create a public NAT gateway)/);
    });

    it('--fix --yes --remedy natGateway makes only the NAT path: an Elastic IP, the NAT gateway, the route; no endpoint; the re-check is clean', async function () {
      const run = doctor(REGION, '--fix', '--yes', '--remedy', 'natGateway');
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /Allocate an Elastic IP named ecs-studio-nat-\S+ for the NAT gateway in \S+: done/);
      assert.match(run.stdout, /Route 0\.0\.0\.0\/0 of route table \S+ to the NAT gateway in \S+: done/);
      assert.match(run.stdout, /Checking again:\nNo problems found\.\n$/);
      assert.deepEqual(await endpoints(a), [], 'no endpoint beside the NAT gateway');
      assert.deepEqual(await natGateways(a), [`${a.world.publicSubnetIds[0]}:available`]);
      assert.deepEqual(await addresses(a), [`ecs-studio-nat-${a.world.publicSubnetIds[0]}`]);
      assert.match(await defaultRoute(a, a.world.routeTableIds.private), /^nat-/);
      assert.equal(await defaultRoute(a, a.world.routeTableIds.public), a.world.igwId, 'the public table is untouched');
    });

    it('checked again it exits 0, and a second --fix --remedy natGateway changes nothing', async function () {
      assert.equal(doctor(REGION).status, 0);
      const again = doctor(REGION, '--fix', '--yes', '--remedy', 'natGateway');
      assert.equal(again.status, 0, again.stderr);
      assert.match(again.stdout + again.stderr, /Nothing to fix\./);
      assert.equal((await natGateways(a)).length, 1);
      assert.equal((await addresses(a)).length, 1);
    });
  });
});
