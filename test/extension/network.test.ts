import * as assert from 'node:assert/strict';
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcEndpointCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client, RegisterTargetsCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { TreeNode } from '../../src/tree/treeNode';
import { TEST_CREDENTIALS } from '../support/moto';
import { TUTORIAL, type TutorialWorld } from '../support/tutorialWorld';
import {
  EXPLORER_REGION,
  byLabel,
  choose,
  connectToExplorerRegion,
  contextValueOf,
  description,
  explorerTutorial,
  label,
  tooltip,
} from './explorerWorld';
import { activateExtension, type AwsWorld } from './world';

const NAT_SUBNET_NAME = `demo-service-subnet-nat-${EXPLORER_REGION}a`;
const TARGET_IP = '10.0.2.15';

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`moto returned no ${what}`);
  return value;
}

/** What the suite adds to the tutorial's network: a NAT subnet, one endpoint of each kind, a target. */
interface Extras {
  natSubnetId: string;
  natGatewayId: string;
  ecrDkrEndpointId: string;
  s3EndpointId: string;
}

async function addExtras(endpoint: string, tutorial: TutorialWorld): Promise<Extras> {
  const config = { endpoint, region: EXPLORER_REGION, credentials: TEST_CREDENTIALS };
  const ec2 = new EC2Client(config);
  const elb = new ElasticLoadBalancingV2Client(config);
  try {
    const { Subnet } = await ec2.send(new CreateSubnetCommand({
      VpcId: tutorial.vpcId, CidrBlock: '10.0.4.0/24', AvailabilityZone: `${EXPLORER_REGION}a`,
      TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'Name', Value: NAT_SUBNET_NAME }] }],
    }));
    const natSubnetId = must(Subnet?.SubnetId, 'SubnetId');
    const { AllocationId } = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const { NatGateway } = await ec2.send(new CreateNatGatewayCommand({ SubnetId: tutorial.publicSubnetIds[0], AllocationId: must(AllocationId, 'AllocationId') }));
    const natGatewayId = must(NatGateway?.NatGatewayId, 'NatGatewayId');
    const { RouteTable } = await ec2.send(new CreateRouteTableCommand({ VpcId: tutorial.vpcId }));
    const natRtb = must(RouteTable?.RouteTableId, 'RouteTableId');
    await ec2.send(new CreateRouteCommand({ RouteTableId: natRtb, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: natGatewayId }));
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: natRtb, SubnetId: natSubnetId }));

    const { VpcEndpoint: dkr } = await ec2.send(new CreateVpcEndpointCommand({
      VpcId: tutorial.vpcId, VpcEndpointType: 'Interface', ServiceName: `com.amazonaws.${EXPLORER_REGION}.ecr.dkr`,
      SubnetIds: tutorial.privateSubnetIds, SecurityGroupIds: [tutorial.serviceSgId], PrivateDnsEnabled: true,
    }));
    const { VpcEndpoint: s3 } = await ec2.send(new CreateVpcEndpointCommand({
      VpcId: tutorial.vpcId, VpcEndpointType: 'Gateway', ServiceName: `com.amazonaws.${EXPLORER_REGION}.s3`,
      RouteTableIds: [tutorial.routeTableIds.private],
    }));
    await elb.send(new RegisterTargetsCommand({ TargetGroupArn: tutorial.targetGroupArn, Targets: [{ Id: TARGET_IP, Port: TUTORIAL.containerPort }] }));
    return {
      natSubnetId,
      natGatewayId,
      ecrDkrEndpointId: must(dkr?.VpcEndpointId, 'VpcEndpointId'),
      s3EndpointId: must(s3?.VpcEndpointId, 'VpcEndpointId'),
    };
  } finally {
    ec2.destroy();
    elb.destroy();
  }
}

function calls(world: AwsWorld, operation: string): number {
  return world.proxy.calls.filter((c) => c.operation === operation).length;
}

describe('Network view', () => {
  let api: EcsStudioApi;
  let world: AwsWorld;
  let tutorial: TutorialWorld;
  let extras: Extras;

  before(async function () {
    this.timeout(120_000);
    ({ world, tutorial } = await explorerTutorial());
    extras = await addExtras(world.moto.url, tutorial);
    api = await activateExtension();
    await connectToExplorerRegion(api, world);
    await vscode.commands.executeCommand('ecsStudio.refreshNetwork');
  });

  async function tutorialVpc(): Promise<TreeNode> {
    const [vpcs] = await api.network.getChildren();
    return byLabel(await api.network.getChildren(vpcs), TUTORIAL.vpcName);
  }

  async function folder(name: string): Promise<TreeNode[]> {
    const vpc = await tutorialVpc();
    return api.network.getChildren(byLabel(await api.network.getChildren(vpc), name));
  }

  it('has two roots: VPCs and Load balancers', async () => {
    const roots = await api.network.getChildren();
    assert.deepEqual(roots.map(label), ['VPCs', 'Load balancers']);
    assert.deepEqual(roots.map((r) => api.network.getParent(r)), [undefined, undefined]);
  });

  it('lists the region\'s VPCs with CIDR and DNS attributes, the default VPC last', async () => {
    const [vpcs] = await api.network.getChildren();
    const children = await api.network.getChildren(vpcs);
    assert.equal(children.length, 2, 'the tutorial\'s VPC and the default VPC');
    assert.equal(label(children[0]!), TUTORIAL.vpcName);
    assert.match(label(children[1]!), /^vpc-[0-9a-f]+$/, 'the default VPC has no name: its id');
    const vpc = children[0]!;
    assert.equal(description(vpc), `10.0.0.0/16 · ${tutorial.vpcId} · DNS support on, hostnames on`);
    assert.equal(contextValueOf(vpc), 'ecs.vpc+dns');
    assert.match(tooltip(vpc), /DNS support: on · DNS hostnames: on/);
    assert.match(description(children[1]!), /^172\.31\.0\.0\/16 · default · DNS support on, hostnames on$/);
    assert.deepEqual((await api.network.getChildren(vpc)).map(label), ['Subnets', 'VPC endpoints', 'Security groups']);
  });

  it('reads a VPC\'s network once for its three folders', async () => {
    await vscode.commands.executeCommand('ecsStudio.refreshNetwork');
    world.proxy.resetCalls();
    const vpc = await tutorialVpc();
    for (const f of await api.network.getChildren(vpc)) await api.network.getChildren(f);
    for (const operation of ['DescribeSubnets', 'DescribeRouteTables', 'DescribeVpcEndpoints', 'DescribeSecurityGroups']) {
      assert.equal(calls(world, operation), 1, operation);
    }
  });

  it('classifies the subnets from their route tables: public, private with NAT, isolated', async () => {
    const subnets = await folder('Subnets');
    const zone = (az: string) => `${EXPLORER_REGION}${az}`;
    assert.deepEqual(subnets.map((s) => [label(s), description(s), contextValueOf(s)]), [
      [`demo-service-subnet-public1-${zone('a')}`, `${zone('a')} · 10.0.0.0/24 · public`, 'ecs.subnet+public'],
      [`demo-service-subnet-public2-${zone('c')}`, `${zone('c')} · 10.0.1.0/24 · public`, 'ecs.subnet+public'],
      [NAT_SUBNET_NAME, `${zone('a')} · 10.0.4.0/24 · private with NAT`, 'ecs.subnet+private-nat'],
      [`demo-service-subnet-private1-${zone('a')}`, `${zone('a')} · 10.0.2.0/24 · isolated`, 'ecs.subnet+isolated'],
      [`demo-service-subnet-private2-${zone('c')}`, `${zone('c')} · 10.0.3.0/24 · isolated`, 'ecs.subnet+isolated'],
    ]);
    assert.match(tooltip(subnets[0]!), new RegExp(`public\\*\\*: routes 0\\.0\\.0\\.0/0 to ${tutorial.igwId} \\(route table ${tutorial.routeTableIds.public}\\)`));
    assert.match(tooltip(subnets[2]!), new RegExp(`routes 0\\.0\\.0\\.0/0 to ${extras.natGatewayId}`));
    assert.match(tooltip(subnets[3]!), new RegExp(`has no usable route for 0\\.0\\.0\\.0/0 \\(route table ${tutorial.routeTableIds.private}\\)`));
    assert.match(tooltip(subnets[3]!), new RegExp(tutorial.privateSubnetIds[0]));
  });

  it('shows an interface and a gateway endpoint with their placement', async () => {
    const endpoints = await folder('VPC endpoints');
    assert.deepEqual(endpoints.map((e) => [label(e), description(e), contextValueOf(e)]), [
      ['ecr.dkr', 'Interface · available · private DNS', 'ecs.vpcEndpoint+interface+available'],
      ['s3', 'Gateway · available', 'ecs.vpcEndpoint+gateway+available'],
    ]);
    const [dkr, s3] = endpoints as [TreeNode, TreeNode];
    assert.match(tooltip(dkr), new RegExp(extras.ecrDkrEndpointId));
    assert.match(tooltip(dkr), new RegExp(`Security groups: ${tutorial.serviceSgId}`));
    assert.match(tooltip(dkr), new RegExp(`Subnets: ${tutorial.privateSubnetIds.join(', ')}`));
    assert.match(tooltip(dkr), /Private DNS: on/);
    assert.match(tooltip(s3), new RegExp(`Route tables: ${tutorial.routeTableIds.private}`));
    assert.doesNotMatch(tooltip(s3), /Security groups/);
  });

  it('shows the security groups with their rules', async () => {
    const groups = await folder('Security groups');
    assert.deepEqual(groups.map(label), ['default', TUTORIAL.serviceSgName, TUTORIAL.albSgName]);
    const alb = groups[2]!;
    assert.equal(description(alb), `${tutorial.albSgId} · 1 in, 1 out`);
    assert.match(tooltip(alb), /Inbound:\s+- tcp 80 from 203\.0\.113\.24\/32/);
    assert.match(tooltip(alb), /Outbound:\s+- all traffic to 0\.0\.0\.0\/0/);
    assert.match(tooltip(groups[1]!), /tcp 8080 from 10\.0\.0\.0\/16/);
    assert.equal(contextValueOf(alb), 'ecs.securityGroup');
  });

  it('walks the ALB to its listener, target group and registered target', async () => {
    const [, balancers] = await api.network.getChildren();
    const lbs = await api.network.getChildren(balancers);
    assert.deepEqual(lbs.map(label), [TUTORIAL.albName]);
    const alb = lbs[0]!;
    assert.match(description(alb), /^application · internet-facing · active · \S+/);
    assert.match(tooltip(alb), new RegExp(`Security groups: ${tutorial.albSgId}`));
    assert.equal(contextValueOf(alb), 'ecs.loadBalancer+application+active');

    const listeners = await api.network.getChildren(alb);
    assert.deepEqual(listeners.map((l) => [label(l), description(l)]), [['HTTP:80', `forward → ${TUTORIAL.targetGroupName}`]]);
    const listener = listeners[0]!;
    assert.equal(api.network.getParent(listener), alb);

    const groups = await api.network.getChildren(listener);
    assert.deepEqual(groups.map((g) => [label(g), description(g)]), [[TUTORIAL.targetGroupName, 'ip · HTTP:8080 · /']]);
    const group = groups[0]!;
    assert.match(tooltip(group), /Health check: HTTP \/ \(traffic port\)/);
    assert.equal(contextValueOf(group), 'ecs.targetGroup+ip');

    const targets = await api.network.getChildren(group);
    // moto runs no health checks: a registered ip target is "healthy" at once (AWS: "initial" first).
    assert.deepEqual(targets.map((t) => [label(t), contextValueOf(t)]), [[`${TARGET_IP}:${TUTORIAL.containerPort}`, 'ecs.target+healthy']]);
    assert.match(description(targets[0]!), /^healthy/);
    assert.equal(api.network.getParent(targets[0]!), group);
  });

  it('keeps ids across a refresh', async () => {
    const walk = async (node?: TreeNode, depth = 0): Promise<string[]> => {
      const children = await api.network.getChildren(node);
      const below = depth < 3 ? await Promise.all(children.map((c) => walk(c, depth + 1))) : [];
      return [...children.map((c) => c.id), ...below.flat()];
    };
    const before = await walk();
    await vscode.commands.executeCommand('ecsStudio.refreshNetwork');
    assert.deepEqual(await walk(), before);
    assert.ok(before.includes(`subnet:${extras.natSubnetId}`));
  });

  it('shows placeholders in a region without load balancers', async () => {
    await choose(api, 'ecsStudio.selectRegion', 'sa-east-1');
    try {
      const [vpcs, balancers] = await api.network.getChildren();
      assert.deepEqual((await api.network.getChildren(balancers)).map(label), ['No load balancers in this region']);
      assert.deepEqual((await api.network.getChildren(vpcs)).map(description), ['172.31.0.0/16 · default · DNS support on, hostnames on']);
    } finally {
      await choose(api, 'ecsStudio.selectRegion', EXPLORER_REGION);
    }
  });
});
