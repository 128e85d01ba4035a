// The EC2 and ELBv2 gateways against moto: a VPC built like a real Fargate service's network
// (public subnets behind an internet gateway, a NAT subnet on the main table, an isolated
// subnet with endpoints, an ALB wired to an `ip` target group), read back as plain data.
//
// moto quirks met here (see also design/testing.md):
// - EC2 describes ignore MaxResults and never return NextToken, and the AWS-limits proxy only
//   pages ECS: the paging and filter batching are checked against a small fake endpoint below.
// - DescribeVpcEndpoints does not know the `vpc-endpoint-id` filter (moto raises
//   FilterNotImplementedError and answers with an HTML page the SDK cannot parse); the gateway
//   reads endpoints by VPC (and service name) only, which is what the explorer and doctor need.
// - DescribeTargetHealth reports every registered `ip` target `healthy` at once: moto runs no
//   health checks (AWS says `initial`, then `healthy` or `unhealthy`). Without targets it is empty.
// - VPC endpoints are `available` at once, and their DNS names are not AWS's format.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AssociateVpcCidrBlockCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  DescribeNetworkAclsCommand,
  DescribeRouteTablesCommand,
  EC2Client,
  ModifySubnetAttributeCommand,
  ModifyVpcAttributeCommand,
  ReplaceNetworkAclAssociationCommand,
} from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { createSession, type AwsSession } from '../../src/aws';
import type { Connection } from '../../src/model/connection';
import { classifySubnet } from '../../src/model/subnetKind';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../support/moto';
import { moto, resetMoto } from './setup';

const REGION = 'ap-northeast-2';
const USER_AGENT = ['ecs-studio', '0.0.0-test'] as const;

function session(endpointUrl: string): AwsSession {
  const connection: Connection = { profile: undefined, region: REGION, endpointUrl };
  return createSession(connection, { userAgent: USER_AGENT, credentials: async () => TEST_CREDENTIALS, maxAttempts: 1 });
}

function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`moto returned no ${what}`);
  return value;
}

const tags = (name: string) => [{ Key: 'Name', Value: name }];

/** What the fixture created, by role. */
interface World {
  vpcId: string;
  bareVpcId: string;
  igwId: string;
  natId: string;
  subnets: { publicA: string; publicC: string; nat: string; isolated: string };
  mainRtb: string;
  publicRtb: string;
  isolatedRtb: string;
  sgs: { endpoint: string; alb: string; task: string };
  endpoints: { ecrApi: string; s3: string };
  nacl: string;
  lbArn: string;
  listenerArn: string;
  ruleArn: string;
  tgArn: string;
  apiTgArn: string;
  orphanTgArn: string;
}

/** Builds the world with the SDK straight against moto (test code may use the SDK). */
async function buildWorld(endpoint: string): Promise<World> {
  const ec2 = new EC2Client({ endpoint, region: REGION, credentials: TEST_CREDENTIALS });
  const elb = new ElasticLoadBalancingV2Client({ endpoint, region: REGION, credentials: TEST_CREDENTIALS });
  try {
    const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: tags('studio-vpc') }] }));
    const vpcId = must(vpc.Vpc?.VpcId, 'VpcId');
    await ec2.send(new AssociateVpcCidrBlockCommand({ VpcId: vpcId, CidrBlock: '10.1.0.0/16' }));
    // One attribute per call: AWS rejects both in one ModifyVpcAttribute.
    await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsSupport: { Value: true } }));
    await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
    // A second VPC left at AWS's defaults: DNS support on, DNS hostnames off.
    const bare = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.9.0.0/16' }));
    const bareVpcId = must(bare.Vpc?.VpcId, 'VpcId');

    const igw = await ec2.send(new CreateInternetGatewayCommand({}));
    const igwId = must(igw.InternetGateway?.InternetGatewayId, 'InternetGatewayId');
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: vpcId }));

    const subnet = async (cidr: string, zone: string, name: string) => {
      const out = await ec2.send(new CreateSubnetCommand({
        VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone,
        TagSpecifications: [{ ResourceType: 'subnet', Tags: tags(name) }],
      }));
      return must(out.Subnet?.SubnetId, 'SubnetId');
    };
    const subnets = {
      publicA: await subnet('10.0.0.0/24', `${REGION}a`, 'public-a'),
      publicC: await subnet('10.0.1.0/24', `${REGION}c`, 'public-c'),
      nat: await subnet('10.0.10.0/24', `${REGION}a`, 'private-a'),
      isolated: await subnet('10.0.20.0/24', `${REGION}c`, 'isolated-c'),
    };
    for (const id of [subnets.publicA, subnets.publicC]) {
      await ec2.send(new ModifySubnetAttributeCommand({ SubnetId: id, MapPublicIpOnLaunch: { Value: true } }));
    }

    // Public route table, explicitly associated with both public subnets.
    const publicRtb = must((await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable?.RouteTableId, 'RouteTableId');
    await ec2.send(new CreateRouteCommand({ RouteTableId: publicRtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igwId }));
    for (const id of [subnets.publicA, subnets.publicC]) {
      await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicRtb, SubnetId: id }));
    }

    // NAT gateway in a public subnet; the main table routes to it and serves the NAT subnet implicitly.
    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const nat = await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnets.publicA, AllocationId: must(eip.AllocationId, 'AllocationId') }));
    const natId = must(nat.NatGateway?.NatGatewayId, 'NatGatewayId');
    const mains = await ec2.send(new DescribeRouteTablesCommand({
      Filters: [{ Name: 'vpc-id', Values: [vpcId] }, { Name: 'association.main', Values: ['true'] }],
    }));
    const mainRtb = must(mains.RouteTables?.[0]?.RouteTableId, 'main RouteTableId');
    await ec2.send(new CreateRouteCommand({ RouteTableId: mainRtb, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: natId }));

    // Isolated subnet: its own table with only the local route (and the S3 endpoint's).
    const isolatedRtb = must((await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable?.RouteTableId, 'RouteTableId');
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: isolatedRtb, SubnetId: subnets.isolated }));

    const group = async (name: string) =>
      must((await ec2.send(new CreateSecurityGroupCommand({ GroupName: name, Description: `${name} group`, VpcId: vpcId }))).GroupId, 'GroupId');
    const sgs = { endpoint: await group('vpce-sg'), alb: await group('alb-sg'), task: await group('task-sg') };
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({
      GroupId: sgs.endpoint,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }],
    }));
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({
      GroupId: sgs.alb,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }] }],
    }));
    await ec2.send(new AuthorizeSecurityGroupIngressCommand({
      GroupId: sgs.task,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupId: sgs.alb }] }],
    }));

    const ecrApi = await ec2.send(new CreateVpcEndpointCommand({
      VpcId: vpcId, VpcEndpointType: 'Interface', ServiceName: `com.amazonaws.${REGION}.ecr.api`,
      SubnetIds: [subnets.nat, subnets.isolated], SecurityGroupIds: [sgs.endpoint], PrivateDnsEnabled: true,
    }));
    const s3 = await ec2.send(new CreateVpcEndpointCommand({
      VpcId: vpcId, VpcEndpointType: 'Gateway', ServiceName: `com.amazonaws.${REGION}.s3`, RouteTableIds: [isolatedRtb],
    }));
    const endpoints = {
      ecrApi: must(ecrApi.VpcEndpoint?.VpcEndpointId, 'VpcEndpointId'),
      s3: must(s3.VpcEndpoint?.VpcEndpointId, 'VpcEndpointId'),
    };

    // A network ACL for the isolated subnet: outbound 443, inbound ephemeral ports (protocol by number, as the console sends it).
    const nacl = must((await ec2.send(new CreateNetworkAclCommand({ VpcId: vpcId }))).NetworkAcl?.NetworkAclId, 'NetworkAclId');
    await ec2.send(new CreateNetworkAclEntryCommand({
      NetworkAclId: nacl, RuleNumber: 100, Egress: true, Protocol: '6', RuleAction: 'allow', CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 },
    }));
    await ec2.send(new CreateNetworkAclEntryCommand({
      NetworkAclId: nacl, RuleNumber: 100, Egress: false, Protocol: '6', RuleAction: 'allow', CidrBlock: '0.0.0.0/0', PortRange: { From: 1024, To: 65535 },
    }));
    const current = await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: [subnets.isolated] }] }));
    const association = current.NetworkAcls?.[0]?.Associations?.find((a) => a.SubnetId === subnets.isolated);
    await ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: must(association?.NetworkAclAssociationId, 'NACL association'), NetworkAclId: nacl }));

    // The ALB in both public subnets, HTTP:80 forwarding to an ip target group on 8080.
    const lb = await elb.send(new CreateLoadBalancerCommand({
      Name: 'studio-alb', Type: 'application', Scheme: 'internet-facing',
      Subnets: [subnets.publicA, subnets.publicC], SecurityGroups: [sgs.alb],
    }));
    const lbArn = must(lb.LoadBalancers?.[0]?.LoadBalancerArn, 'LoadBalancerArn');
    const targetGroup = async (name: string) => {
      const out = await elb.send(new CreateTargetGroupCommand({
        Name: name, Protocol: 'HTTP', Port: 8080, VpcId: vpcId, TargetType: 'ip', HealthCheckPath: '/health',
      }));
      return must(out.TargetGroups?.[0]?.TargetGroupArn, 'TargetGroupArn');
    };
    const tgArn = await targetGroup('studio-tg');
    const apiTgArn = await targetGroup('studio-api-tg');
    const orphanTgArn = await targetGroup('orphan-tg');
    const listener = await elb.send(new CreateListenerCommand({
      LoadBalancerArn: lbArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
    }));
    const listenerArn = must(listener.Listeners?.[0]?.ListenerArn, 'ListenerArn');
    // A path rule that forwards with ForwardConfig only (no TargetGroupArn), as the console writes weighted forwards.
    const rule = await elb.send(new CreateRuleCommand({
      ListenerArn: listenerArn, Priority: 10,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }],
      Actions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: apiTgArn, Weight: 1 }] } }],
    }));
    const ruleArn = must(rule.Rules?.[0]?.RuleArn, 'RuleArn');
    await elb.send(new RegisterTargetsCommand({ TargetGroupArn: tgArn, Targets: [{ Id: '10.0.10.25', Port: 8080 }] }));

    return {
      vpcId, bareVpcId, igwId, natId, subnets, mainRtb, publicRtb, isolatedRtb, sgs, endpoints, nacl,
      lbArn, listenerArn, ruleArn, tgArn, apiTgArn, orphanTgArn,
    };
  } finally {
    ec2.destroy();
    elb.destroy();
  }
}

function callsOf(proxy: AwsLimitsProxy, operation: string): number {
  return proxy.calls.filter((c) => c.operation === operation).length;
}

describe('network gateways (EC2 and ELBv2 against moto)', () => {
  let world: World;
  let proxy: AwsLimitsProxy;
  let aws: AwsSession;

  before(async function () {
    this.timeout(120_000);
    await resetMoto();
    world = await buildWorld(moto().url);
    proxy = await startAwsLimitsProxy(moto().url);
    aws = session(proxy.url);
  });

  after(async () => {
    aws?.dispose();
    await proxy?.stop();
  });

  beforeEach(() => proxy.resetCalls());

  describe('EC2', () => {
    it('lists every VPC of the region without DNS attributes unless asked', async () => {
      const vpcs = await aws.ec2.describeVpcs();
      const ours = vpcs.find((v) => v.id === world.vpcId);
      assert.ok(ours, 'the fixture VPC is listed');
      assert.equal(ours.dnsSupport, undefined);
      assert.equal(ours.dnsHostnames, undefined);
      assert.ok(vpcs.some((v) => v.isDefault && v.cidrBlock === '172.31.0.0/16'), "moto's default VPC is listed too");
      assert.equal(callsOf(proxy, 'DescribeVpcAttribute'), 0);
    });

    it('reads VPCs by id with their CIDRs, Name tag and DNS attributes, in the order asked, leaving unknown ids out', async () => {
      const vpcs = await aws.ec2.describeVpcs([world.bareVpcId, 'vpc-0000000000000dead', world.vpcId], { dnsAttributes: true });
      assert.deepEqual(vpcs.map((v) => v.id), [world.bareVpcId, world.vpcId]);
      const [bare, ours] = vpcs;
      assert.deepEqual(
        { cidrBlock: ours?.cidrBlock, cidrBlocks: ours?.cidrBlocks, name: ours?.name, isDefault: ours?.isDefault, dnsSupport: ours?.dnsSupport, dnsHostnames: ours?.dnsHostnames },
        { cidrBlock: '10.0.0.0/16', cidrBlocks: ['10.0.0.0/16', '10.1.0.0/16'], name: 'studio-vpc', isDefault: false, dnsSupport: true, dnsHostnames: true },
      );
      assert.equal(bare?.dnsSupport, true);
      assert.equal(bare?.dnsHostnames, false, 'a new VPC has DNS hostnames off');
      assert.equal(callsOf(proxy, 'DescribeVpcs'), 1, 'one filtered call for all ids');
      assert.equal(callsOf(proxy, 'DescribeVpcAttribute'), 4, 'two attributes per VPC');
    });

    it('reads the subnets of a VPC in one call, with zones, names and public-IP setting', async () => {
      const subnets = await aws.ec2.describeSubnets({ vpcId: world.vpcId });
      assert.equal(callsOf(proxy, 'DescribeSubnets'), 1);
      const byName = new Map(subnets.map((s) => [s.name, s]));
      assert.deepEqual([...byName.keys()].sort(), ['isolated-c', 'private-a', 'public-a', 'public-c']);
      const publicA = byName.get('public-a');
      assert.equal(publicA?.id, world.subnets.publicA);
      assert.equal(publicA?.vpcId, world.vpcId);
      assert.equal(publicA?.cidrBlock, '10.0.0.0/24');
      assert.equal(publicA?.availabilityZone, 'ap-northeast-2a');
      assert.match(publicA?.availabilityZoneId ?? '', /^apne2-az\d$/);
      assert.equal(publicA?.mapPublicIpOnLaunch, true);
      assert.equal(byName.get('private-a')?.mapPublicIpOnLaunch, false);
      for (const s of subnets) assert.ok(s.availableIpAddressCount > 0 && s.availableIpAddressCount <= 251, `${s.name}: ${s.availableIpAddressCount}`);
    });

    it('reads subnets by id in the order asked and leaves unknown ids out instead of failing', async () => {
      const subnets = await aws.ec2.describeSubnets({ ids: [world.subnets.isolated, 'subnet-0000000000000dead', world.subnets.publicA] });
      assert.deepEqual(subnets.map((s) => s.id), [world.subnets.isolated, world.subnets.publicA]);
    });

    it("reads a VPC's route tables with the main flag, explicit associations and typed routes", async () => {
      const tables = await aws.ec2.describeRouteTables({ vpcId: world.vpcId });
      assert.equal(callsOf(proxy, 'DescribeRouteTables'), 1);
      assert.deepEqual(tables.map((t) => t.id).sort(), [world.mainRtb, world.publicRtb, world.isolatedRtb].sort());
      const main = tables.find((t) => t.id === world.mainRtb);
      assert.equal(main?.main, true);
      assert.deepEqual(main?.subnetIds, []);
      assert.deepEqual(
        main?.routes.find((r) => r.destination === '0.0.0.0/0'),
        { destination: '0.0.0.0/0', destinationKind: 'ipv4', target: world.natId, targetKind: 'nat-gateway', state: 'active' },
      );
      assert.deepEqual(
        main?.routes.find((r) => r.destination === '10.0.0.0/16'),
        { destination: '10.0.0.0/16', destinationKind: 'ipv4', target: 'local', targetKind: 'local', state: 'active' },
      );
      const pub = tables.find((t) => t.id === world.publicRtb);
      assert.equal(pub?.main, false);
      assert.deepEqual([...(pub?.subnetIds ?? [])].sort(), [world.subnets.publicA, world.subnets.publicC].sort());
      assert.equal(pub?.routes.find((r) => r.destination === '0.0.0.0/0')?.target, world.igwId);
      const s3Route = tables.find((t) => t.id === world.isolatedRtb)?.routes.find((r) => r.destinationKind === 'prefix-list');
      assert.equal(s3Route?.target, world.endpoints.s3, 'the S3 gateway endpoint adds a prefix-list route to its table');
      assert.equal(s3Route?.targetKind, 'vpc-endpoint');
      assert.match(s3Route?.destination ?? '', /^pl-/);
    });

    it('classifies the subnets from real DescribeRouteTables data: public, private-nat, isolated', async () => {
      const tables = await aws.ec2.describeRouteTables({ vpcId: world.vpcId });
      const kinds = Object.fromEntries(
        Object.entries(world.subnets).map(([role, id]) => [role, classifySubnet({ id, vpcId: world.vpcId }, tables)]),
      );
      assert.equal(kinds.publicA?.kind, 'public');
      assert.equal(kinds.publicC?.kind, 'public');
      assert.equal(kinds.publicA?.reason, `routes 0.0.0.0/0 to ${world.igwId} (route table ${world.publicRtb})`);
      assert.equal(kinds.nat?.kind, 'private-nat');
      assert.equal(kinds.nat?.reason, `routes 0.0.0.0/0 to ${world.natId} (route table ${world.mainRtb}, main)`);
      assert.equal(kinds.nat?.viaMainTable, true);
      assert.equal(kinds.isolated?.kind, 'isolated');
      assert.equal(kinds.isolated?.routeTableId, world.isolatedRtb);
    });

    it('reads only the tables serving some subnets: their own and the main table, in two filtered calls', async () => {
      const tables = await aws.ec2.describeRouteTables({ vpcId: world.vpcId, subnetIds: [world.subnets.nat, world.subnets.isolated] });
      assert.deepEqual(tables.map((t) => t.id).sort(), [world.isolatedRtb, world.mainRtb].sort());
      assert.equal(callsOf(proxy, 'DescribeRouteTables'), 2);
      assert.equal(classifySubnet({ id: world.subnets.nat, vpcId: world.vpcId }, tables).kind, 'private-nat');
      assert.equal(classifySubnet({ id: world.subnets.isolated, vpcId: world.vpcId }, tables).kind, 'isolated');
    });

    it('reads route tables by id, leaving unknown ids out', async () => {
      const tables = await aws.ec2.describeRouteTables({ ids: ['rtb-0000000000000dead', world.publicRtb] });
      assert.deepEqual(tables.map((t) => t.id), [world.publicRtb]);
    });

    it("reads a VPC's endpoints: interface with private DNS, groups and subnets; gateway with route tables", async () => {
      const endpoints = await aws.ec2.describeVpcEndpoints({ vpcId: world.vpcId });
      assert.equal(callsOf(proxy, 'DescribeVpcEndpoints'), 1);
      assert.equal(endpoints.length, 2);
      const ecr = endpoints.find((e) => e.id === world.endpoints.ecrApi);
      assert.deepEqual(
        ecr && { ...ecr, subnetIds: [...ecr.subnetIds].sort(), policy: undefined },
        {
          id: world.endpoints.ecrApi, vpcId: world.vpcId, serviceName: 'com.amazonaws.ap-northeast-2.ecr.api', type: 'Interface',
          state: 'available', privateDnsEnabled: true, subnetIds: [world.subnets.nat, world.subnets.isolated].sort(),
          securityGroupIds: [world.sgs.endpoint], routeTableIds: [], policy: undefined, name: undefined,
        },
      );
      const s3 = endpoints.find((e) => e.id === world.endpoints.s3);
      assert.equal(s3?.type, 'Gateway');
      assert.equal(s3?.serviceName, 'com.amazonaws.ap-northeast-2.s3');
      assert.deepEqual(s3?.routeTableIds, [world.isolatedRtb]);
      assert.deepEqual(s3?.subnetIds, []);
      assert.match(s3?.policy ?? '', /"Statement"/, 'the endpoint policy document comes through');
    });

    it('reads endpoints for some services only', async () => {
      const endpoints = await aws.ec2.describeVpcEndpoints({ vpcId: world.vpcId, serviceNames: ['com.amazonaws.ap-northeast-2.s3', 'com.amazonaws.ap-northeast-2.logs'] });
      assert.deepEqual(endpoints.map((e) => e.id), [world.endpoints.s3]);
      assert.deepEqual(await aws.ec2.describeVpcEndpoints({ vpcId: world.vpcId, serviceNames: [] }), []);
    });

    it('reads security groups with normalised rules: ports, CIDRs, IPv6 ranges, group references, all-traffic egress', async () => {
      const groups = await aws.ec2.describeSecurityGroups({ vpcId: world.vpcId });
      assert.equal(callsOf(proxy, 'DescribeSecurityGroups'), 1);
      assert.deepEqual(groups.map((g) => g.name).sort(), ['alb-sg', 'default', 'task-sg', 'vpce-sg']);
      const vpce = groups.find((g) => g.id === world.sgs.endpoint);
      assert.equal(vpce?.vpcId, world.vpcId);
      assert.equal(vpce?.description, 'vpce-sg group');
      assert.deepEqual(vpce?.ingress, [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['10.0.0.0/16'], ipv6Cidrs: [], groupIds: [], prefixListIds: [] }]);
      assert.deepEqual(vpce?.egress, [{ protocol: '-1', fromPort: 0, toPort: 65535, cidrs: ['0.0.0.0/0'], ipv6Cidrs: [], groupIds: [], prefixListIds: [] }]);
      assert.deepEqual(groups.find((g) => g.id === world.sgs.alb)?.ingress[0]?.ipv6Cidrs, ['::/0']);
      assert.deepEqual(groups.find((g) => g.id === world.sgs.task)?.ingress, [
        { protocol: 'tcp', fromPort: 8080, toPort: 8080, cidrs: [], ipv6Cidrs: [], groupIds: [world.sgs.alb], prefixListIds: [] },
      ]);
    });

    it('reads security groups by id in the order asked, leaving unknown ids out', async () => {
      const groups = await aws.ec2.describeSecurityGroups({ ids: [world.sgs.task, 'sg-0000000000000dead', world.sgs.endpoint] });
      assert.deepEqual(groups.map((g) => g.id), [world.sgs.task, world.sgs.endpoint]);
    });

    it('reads network ACLs of a VPC and of given subnets, entries sorted and protocols by name', async () => {
      const all = await aws.ec2.describeNetworkAcls({ vpcId: world.vpcId });
      assert.equal(all.length, 2);
      const byDefault = all.find((a) => a.isDefault);
      assert.ok(byDefault?.subnetIds.includes(world.subnets.nat));
      assert.ok(!byDefault?.subnetIds.includes(world.subnets.isolated));
      const [own] = await aws.ec2.describeNetworkAcls({ subnetIds: [world.subnets.isolated] });
      assert.equal(own?.id, world.nacl);
      assert.deepEqual(own?.subnetIds, [world.subnets.isolated]);
      const custom = own?.entries.filter((e) => e.ruleNumber === 100);
      assert.deepEqual(custom, [
        { ruleNumber: 100, egress: false, protocol: 'tcp', action: 'allow', cidr: '0.0.0.0/0', ipv6Cidr: undefined, fromPort: 1024, toPort: 65535 },
        { ruleNumber: 100, egress: true, protocol: 'tcp', action: 'allow', cidr: '0.0.0.0/0', ipv6Cidr: undefined, fromPort: 443, toPort: 443 },
      ]);
    });

    it("lists the region's endpoint service names", async () => {
      const names = await aws.ec2.listVpcEndpointServiceNames();
      for (const service of ['ecr.api', 'ecr.dkr', 's3', 'logs', 'secretsmanager', 'ssm', 'ssmmessages']) {
        assert.ok(names.includes(`com.amazonaws.ap-northeast-2.${service}`), service);
      }
      assert.equal(new Set(names).size, names.length);
    });

    it('reads the whole network of one VPC in one go for the doctor', async () => {
      const network = await aws.ec2.describeVpcNetwork(world.vpcId);
      assert.ok(network);
      assert.equal(network.vpc.id, world.vpcId);
      assert.equal(network.vpc.dnsHostnames, true);
      assert.equal(network.subnets.length, 4);
      assert.equal(network.routeTables.length, 3);
      assert.equal(network.endpoints.length, 2);
      assert.equal(network.securityGroups.length, 4);
      assert.equal(network.networkAcls.length, 2);
      for (const op of ['DescribeVpcs', 'DescribeSubnets', 'DescribeRouteTables', 'DescribeVpcEndpoints', 'DescribeSecurityGroups', 'DescribeNetworkAcls']) {
        assert.equal(callsOf(proxy, op), 1, op);
      }
      assert.equal(await aws.ec2.describeVpcNetwork('vpc-0000000000000dead'), undefined);
    });
  });

  describe('ELBv2', () => {
    it('lists load balancers with scheme, VPC, subnets, zones and groups', async () => {
      const all = await aws.elbv2.describeLoadBalancers();
      assert.equal(all.length, 1);
      const lb = all[0];
      assert.equal(lb?.arn, world.lbArn);
      assert.equal(lb?.name, 'studio-alb');
      assert.equal(lb?.type, 'application');
      assert.equal(lb?.scheme, 'internet-facing');
      assert.equal(lb?.vpcId, world.vpcId);
      assert.ok(lb?.dnsName.includes('studio-alb'), lb?.dnsName);
      assert.deepEqual(lb?.securityGroupIds, [world.sgs.alb]);
      assert.deepEqual([...(lb?.subnetIds ?? [])].sort(), [world.subnets.publicA, world.subnets.publicC].sort());
      assert.deepEqual(lb?.availabilityZones.map((z) => z.zoneName).sort(), ['ap-northeast-2a', 'ap-northeast-2c']);
      assert.match(lb?.state ?? '', /^(active|provisioning)$/);
    });

    it('looks load balancers up by name and ARN, leaving unknown ones out instead of failing', async () => {
      const byName = await aws.elbv2.describeLoadBalancers({ names: ['no-such-alb', 'studio-alb'] });
      assert.deepEqual(byName.map((lb) => lb.arn), [world.lbArn]);
      const missingArn = world.lbArn.replace(/\/[0-9a-f]+$/, '/0000000000000000');
      const byArn = await aws.elbv2.describeLoadBalancers({ arns: [missingArn, world.lbArn] });
      assert.deepEqual(byArn.map((lb) => lb.arn), [world.lbArn]);
    });

    it('reads the listener and its forward action', async () => {
      const listeners = await aws.elbv2.describeListeners(world.lbArn);
      assert.deepEqual(listeners, [{
        arn: world.listenerArn, loadBalancerArn: world.lbArn, port: 80, protocol: 'HTTP',
        defaultActions: [{ type: 'forward', order: listeners[0]?.defaultActions[0]?.order, targetGroupArns: [world.tgArn] }],
      }]);
    });

    it("reads a listener's rules, ForwardConfig target groups included, the default rule last", async () => {
      const rules = await aws.elbv2.describeRules(world.listenerArn);
      assert.equal(rules.length, 2);
      assert.equal(rules[0]?.arn, world.ruleArn);
      assert.equal(rules[0]?.priority, '10');
      assert.equal(rules[0]?.isDefault, false);
      assert.deepEqual(rules[0]?.conditions, [{ field: 'path-pattern', values: ['/api/*'] }]);
      assert.deepEqual(rules[0]?.actions.map((a) => a.targetGroupArns), [[world.apiTgArn]]);
      assert.equal(rules[1]?.isDefault, true);
    });

    it('reads target groups with type, VPC, health check and load balancers', async () => {
      const groups = await aws.elbv2.describeTargetGroups({ loadBalancerArn: world.lbArn });
      assert.deepEqual(groups.map((g) => g.name).sort(), ['studio-api-tg', 'studio-tg']);
      const tg = groups.find((g) => g.arn === world.tgArn);
      assert.deepEqual(
        tg && { protocol: tg.protocol, port: tg.port, targetType: tg.targetType, vpcId: tg.vpcId, healthCheckPath: tg.healthCheckPath, healthCheckPort: tg.healthCheckPort, loadBalancerArns: tg.loadBalancerArns },
        { protocol: 'HTTP', port: 8080, targetType: 'ip', vpcId: world.vpcId, healthCheckPath: '/health', healthCheckPort: 'traffic-port', loadBalancerArns: [world.lbArn] },
      );
    });

    it('looks target groups up by ARN and name, leaving unknown ones out instead of failing', async () => {
      const missingArn = world.tgArn.replace(/\/[0-9a-f]+$/, '/0000000000000000');
      const byArn = await aws.elbv2.describeTargetGroups({ arns: [world.orphanTgArn, missingArn, world.tgArn] });
      assert.deepEqual(byArn.map((g) => g.arn), [world.orphanTgArn, world.tgArn]);
      assert.deepEqual(byArn[0]?.loadBalancerArns, [], 'a group no listener uses names no load balancer');
      const byName = await aws.elbv2.describeTargetGroups({ names: ['studio-api-tg', 'no-such-tg'] });
      assert.deepEqual(byName.map((g) => g.arn), [world.apiTgArn]);
    });

    it('reads target health (moto: registered ip targets are healthy at once)', async () => {
      assert.deepEqual(await aws.elbv2.describeTargetHealth(world.tgArn), [
        { id: '10.0.10.25', port: 8080, availabilityZone: undefined, state: 'healthy', reason: undefined, description: undefined },
      ]);
      assert.deepEqual(await aws.elbv2.describeTargetHealth(world.orphanTgArn), []);
    });

    it('finds the listener whose default action forwards to a target group', async () => {
      const wiring = await aws.elbv2.loadBalancerWiring(world.tgArn);
      assert.ok(wiring);
      assert.equal(wiring.targetGroup.arn, world.tgArn);
      assert.deepEqual(wiring.loadBalancers.map((lb) => lb.arn), [world.lbArn]);
      assert.deepEqual(wiring.forwards.map((f) => [f.listener.arn, f.byDefaultAction, f.rules.length]), [[world.listenerArn, true, 0]]);
    });

    it('finds the listener rule that forwards to a target group', async () => {
      const wiring = await aws.elbv2.loadBalancerWiring(world.apiTgArn);
      assert.deepEqual(wiring?.forwards.map((f) => [f.listener.arn, f.byDefaultAction, f.rules.map((r) => r.arn)]), [[world.listenerArn, false, [world.ruleArn]]]);
    });

    it('says a target group is attached to nothing, and that a missing one does not exist', async () => {
      const orphan = await aws.elbv2.loadBalancerWiring(world.orphanTgArn);
      assert.deepEqual(orphan && { loadBalancers: orphan.loadBalancers, forwards: orphan.forwards }, { loadBalancers: [], forwards: [] });
      assert.equal(await aws.elbv2.loadBalancerWiring(world.tgArn.replace(/\/[0-9a-f]+$/, '/0000000000000000')), undefined);
    });

    it('turns a failure into an AwsError that names the operation', async () => {
      await assert.rejects(aws.elbv2.describeListeners(world.lbArn.replace(/\/[0-9a-f]+$/, '/0000000000000000')), (err: Error & { kind?: string; operation?: string }) => {
        assert.equal(err.name, 'AwsError');
        assert.equal(err.operation, 'elasticloadbalancing:DescribeListeners');
        assert.match(err.message, /^elasticloadbalancing:DescribeListeners failed: /);
        return true;
      });
    });
  });

  it('gives the session EC2 and ELBv2 clients from the one factory, and honours an aborted signal', async () => {
    const fresh = session(moto().url);
    try {
      await fresh.ec2.describeVpcs();
      await fresh.elbv2.describeLoadBalancers();
      assert.equal(fresh.factory.size, 2);
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(fresh.ec2.describeVpcNetwork(world.vpcId, { signal: controller.signal }), (err: Error & { kind?: string }) => {
        assert.equal(err.kind, 'cancelled');
        return true;
      });
    } finally {
      fresh.dispose();
    }
  });
});

// ---- paging and filter limits, against a fake endpoint ---------------------------------------

interface FakeRequest { action: string; params: URLSearchParams }

/** A tiny query-protocol endpoint: records each request and answers from `reply`. */
async function fakeEndpoint(reply: (req: FakeRequest, index: number) => string): Promise<{ url: string; requests: FakeRequest[]; close(): Promise<void> }> {
  const requests: FakeRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const request = { action: params.get('Action') ?? '', params };
      requests.push(request);
      res.writeHead(200, { 'content-type': 'text/xml' }).end(reply(request, requests.length - 1));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const EC2_NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const ELB_NS = 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/';

function filterValues(params: URLSearchParams): number {
  return [...params.keys()].filter((k) => /^Filter\.\d+\.Value\.\d+$/.test(k)).length;
}

describe('network gateways: paging and AWS limits (fake endpoint)', () => {
  it('follows NextToken through every page of subnets at the 1000-item maximum, filtered by VPC', async () => {
    const fake = await fakeEndpoint((req) => {
      const second = req.params.has('NextToken');
      const item = (id: string) => `<item><subnetId>${id}</subnetId><vpcId>vpc-1</vpcId><cidrBlock>10.0.0.0/24</cidrBlock></item>`;
      return `<DescribeSubnetsResponse xmlns="${EC2_NS}"><requestId>r</requestId><subnetSet>${second ? item('subnet-2') : item('subnet-1')}</subnetSet>${second ? '' : '<nextToken>page-2</nextToken>'}</DescribeSubnetsResponse>`;
    });
    const aws = session(fake.url);
    try {
      const subnets = await aws.ec2.describeSubnets({ vpcId: 'vpc-1' });
      assert.deepEqual(subnets.map((s) => s.id), ['subnet-1', 'subnet-2']);
      assert.equal(fake.requests.length, 2);
      const [first, second] = fake.requests;
      assert.equal(first?.action, 'DescribeSubnets');
      assert.equal(first?.params.get('MaxResults'), '1000');
      assert.equal(first?.params.get('Filter.1.Name'), 'vpc-id');
      assert.equal(first?.params.get('Filter.1.Value.1'), 'vpc-1');
      assert.equal(first?.params.has('NextToken'), false);
      assert.equal(second?.params.get('NextToken'), 'page-2');
    } finally {
      aws.dispose();
      await fake.close();
    }
  });

  it('asks for route tables 100 at a time, their API maximum', async () => {
    const fake = await fakeEndpoint(() => `<DescribeRouteTablesResponse xmlns="${EC2_NS}"><requestId>r</requestId><routeTableSet/></DescribeRouteTablesResponse>`);
    const aws = session(fake.url);
    try {
      await aws.ec2.describeRouteTables({ vpcId: 'vpc-1' });
      assert.equal(fake.requests[0]?.params.get('MaxResults'), '100');
    } finally {
      aws.dispose();
      await fake.close();
    }
  });

  it('splits id lookups so no call carries more than 200 filter values', async () => {
    const fake = await fakeEndpoint(() => `<DescribeSecurityGroupsResponse xmlns="${EC2_NS}"><requestId>r</requestId><securityGroupInfo/></DescribeSecurityGroupsResponse>`);
    const aws = session(fake.url);
    try {
      const ids = Array.from({ length: 450 }, (_, i) => `sg-${String(i).padStart(8, '0')}`);
      assert.deepEqual(await aws.ec2.describeSecurityGroups({ ids }), []);
      assert.deepEqual(fake.requests.map((r) => filterValues(r.params)).sort((a, b) => b - a), [200, 200, 50]);
      assert.ok(fake.requests.every((r) => r.params.get('Filter.1.Name') === 'group-id' && !r.params.has('GroupId.1')));
    } finally {
      aws.dispose();
      await fake.close();
    }
  });

  it('counts the vpc-id filter value against the 200 when looking up route tables for many subnets', async () => {
    const fake = await fakeEndpoint(() => `<DescribeRouteTablesResponse xmlns="${EC2_NS}"><requestId>r</requestId><routeTableSet/></DescribeRouteTablesResponse>`);
    const aws = session(fake.url);
    try {
      const subnetIds = Array.from({ length: 250 }, (_, i) => `subnet-${i}`);
      await aws.ec2.describeRouteTables({ vpcId: 'vpc-1', subnetIds });
      assert.ok(fake.requests.every((r) => filterValues(r.params) <= 200), fake.requests.map((r) => filterValues(r.params)).join());
      assert.equal(fake.requests.length, 3, 'two batches of subnets and one for the main table');
    } finally {
      aws.dispose();
      await fake.close();
    }
  });

  it('follows NextMarker through load balancer pages of 400 and looks ARNs up 20 at a time', async () => {
    const fake = await fakeEndpoint((req) => {
      const arns = [...req.params.entries()].filter(([k]) => k.startsWith('LoadBalancerArns.member.')).map(([, v]) => v);
      const names = arns.length > 0 ? arns.map((a) => a.split('/')[2] ?? a) : [req.params.has('Marker') ? 'lb-2' : 'lb-1'];
      const members = names.map((n) => `<member><LoadBalancerArn>arn:aws:elasticloadbalancing:${REGION}:123456789012:loadbalancer/app/${n}/1</LoadBalancerArn><LoadBalancerName>${n}</LoadBalancerName></member>`).join('');
      const marker = arns.length === 0 && !req.params.has('Marker') ? '<NextMarker>m-2</NextMarker>' : '';
      return `<DescribeLoadBalancersResponse xmlns="${ELB_NS}"><DescribeLoadBalancersResult><LoadBalancers>${members}</LoadBalancers>${marker}</DescribeLoadBalancersResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeLoadBalancersResponse>`;
    });
    const aws = session(fake.url);
    try {
      const all = await aws.elbv2.describeLoadBalancers();
      assert.deepEqual(all.map((lb) => lb.name), ['lb-1', 'lb-2']);
      assert.equal(fake.requests[0]?.params.get('PageSize'), '400');
      assert.equal(fake.requests[1]?.params.get('Marker'), 'm-2');
      fake.requests.length = 0;
      const arns = Array.from({ length: 45 }, (_, i) => `arn:aws:elasticloadbalancing:${REGION}:123456789012:loadbalancer/app/lb${i}/1`);
      const found = await aws.elbv2.describeLoadBalancers({ arns });
      assert.deepEqual(found.map((lb) => lb.arn), arns, 'in the order asked');
      const sizes = fake.requests.map((r) => [...r.params.keys()].filter((k) => k.startsWith('LoadBalancerArns.member.')).length);
      assert.deepEqual(sizes.sort((a, b) => b - a), [20, 20, 5]);
    } finally {
      aws.dispose();
      await fake.close();
    }
  });

  // Regression: the SDK's ELBv2 paginators have no page-size key and drop `pageSize`
  // silently, so AWS's default applied; the gateway now puts PageSize in the request.
  it('asks for listeners, rules and target groups 400 at a time', async () => {
    const fake = await fakeEndpoint((req) => `<${req.action}Response xmlns="${ELB_NS}"><${req.action}Result/><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${req.action}Response>`);
    const aws = session(fake.url);
    try {
      const lbArn = `arn:aws:elasticloadbalancing:${REGION}:123456789012:loadbalancer/app/a/1`;
      await aws.elbv2.describeListeners(lbArn);
      await aws.elbv2.describeRules(`arn:aws:elasticloadbalancing:${REGION}:123456789012:listener/app/a/1/2`);
      await aws.elbv2.describeTargetGroups({ loadBalancerArn: lbArn });
      await aws.elbv2.describeTargetGroups();
      assert.deepEqual(
        fake.requests.map((r) => [r.action, r.params.get('PageSize')]),
        [['DescribeListeners', '400'], ['DescribeRules', '400'], ['DescribeTargetGroups', '400'], ['DescribeTargetGroups', '400']],
      );
    } finally {
      aws.dispose();
      await fake.close();
    }
  });
});
