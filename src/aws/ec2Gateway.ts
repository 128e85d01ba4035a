/**
 * EC2 network reads, in plain model types. Every list pages with the SDK's paginator at
 * AWS's maximum page size and asks with EC2 filters, so one call answers a whole VPC.
 * Lookups by id go through filters too (`subnet-id`, `group-id`, ...): a filter leaves an
 * unknown id out where the id parameters would fail the whole call with `...NotFound`, and
 * filters may be combined with `MaxResults` where id lists may not.
 */
import {
  AuthorizeSecurityGroupEgressCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVpcEndpointCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcEndpointServicesCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
  ModifyVpcEndpointCommand,
  paginateDescribeNetworkAcls,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcs,
  type Filter,
  type IpPermission,
  type NetworkAcl as SdkNetworkAcl,
  type Route as SdkRoute,
  type RouteTable as SdkRouteTable,
  type SecurityGroup as SdkSecurityGroup,
  type Subnet as SdkSubnet,
  type Vpc as SdkVpc,
  type VpcEndpoint as SdkVpcEndpoint,
} from '@aws-sdk/client-ec2';
import {
  nameTag,
  normaliseProtocol,
  routeTargetKind,
  type NetworkAcl,
  type NetworkAclEntry,
  type Route,
  type RouteTable,
  type SecurityGroup,
  type SecurityGroupRule,
  type Subnet,
  type Vpc,
  type VpcEndpoint,
  type VpcNetwork,
} from '../model/network';
import { describeInBatches, mapConcurrent } from './batching';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';

/** AWS limits (EC2 API reference, `MaxResults` of each operation; filter values per call). */
export const EC2_LIMITS = {
  describeVpcsPageSize: 1000,
  describeSubnetsPageSize: 1000,
  describeRouteTablesPageSize: 100,
  describeVpcEndpointsPageSize: 1000,
  describeSecurityGroupsPageSize: 1000,
  describeNetworkAclsPageSize: 1000,
  describeVpcEndpointServicesPageSize: 1000,
  /** "The maximum number of filter values specified on a single call is 200" (FilterLimitExceeded). */
  filterValuesPerCall: 200,
  /** Id batches in flight at once for one lookup. */
  describeConcurrency: 5,
  /** VPCs whose DNS attributes are read at once (two DescribeVpcAttribute calls each). */
  vpcAttributeConcurrency: 4,
} as const;

/** A whole VPC, or the given ids (unknown ids are left out of the answer, not an error). */
export type Ec2Query = { readonly vpcId: string } | { readonly ids: readonly string[] };

export type RouteTableQuery =
  | Ec2Query
  /** The tables explicitly associated with these subnets, plus the VPC's main table: what classifySubnet needs. */
  | { readonly vpcId: string; readonly subnetIds: readonly string[] };

export type NetworkAclQuery = { readonly vpcId: string } | { readonly subnetIds: readonly string[] };

export interface DescribeVpcsOptions extends CallOptions {
  /** Also read `enableDnsSupport` and `enableDnsHostnames` (two DescribeVpcAttribute calls per VPC). */
  readonly dnsAttributes?: boolean;
}

// ---- SDK shapes -> model -------------------------------------------------------------------

const ALL_PORTS = { fromPort: 0, toPort: 65535 } as const;
const INACTIVE_ASSOCIATION = new Set(['disassociated', 'disassociating', 'failed']);

export function toVpc(v: SdkVpc): Vpc {
  const primary = v.CidrBlock ?? '';
  const associated = (v.CidrBlockAssociationSet ?? [])
    .filter((a) => a.CidrBlock && !INACTIVE_ASSOCIATION.has(a.CidrBlockState?.State ?? 'associated'))
    .map((a) => a.CidrBlock as string);
  const cidrBlocks = [...new Set([primary, ...associated].filter((c) => c !== ''))];
  return {
    id: v.VpcId ?? '',
    cidrBlock: primary,
    cidrBlocks,
    ipv6CidrBlocks: (v.Ipv6CidrBlockAssociationSet ?? [])
      .filter((a) => a.Ipv6CidrBlock && !INACTIVE_ASSOCIATION.has(a.Ipv6CidrBlockState?.State ?? 'associated'))
      .map((a) => a.Ipv6CidrBlock as string),
    isDefault: v.IsDefault ?? false,
    state: v.State ?? 'unknown',
    name: nameTag(v.Tags),
  };
}

export function toSubnet(s: SdkSubnet): Subnet {
  return {
    id: s.SubnetId ?? '',
    vpcId: s.VpcId ?? '',
    cidrBlock: s.CidrBlock ?? '',
    ipv6CidrBlocks: (s.Ipv6CidrBlockAssociationSet ?? [])
      .filter((a) => a.Ipv6CidrBlock && !INACTIVE_ASSOCIATION.has(a.Ipv6CidrBlockState?.State ?? 'associated'))
      .map((a) => a.Ipv6CidrBlock as string),
    availabilityZone: s.AvailabilityZone ?? '',
    availabilityZoneId: s.AvailabilityZoneId ?? '',
    name: nameTag(s.Tags),
    mapPublicIpOnLaunch: s.MapPublicIpOnLaunch ?? false,
    availableIpAddressCount: s.AvailableIpAddressCount ?? 0,
    defaultForAz: s.DefaultForAz ?? false,
    state: s.State ?? 'unknown',
  };
}

/** The route's target: the first id AWS filled in (an instance route also names its ENI: the instance wins). */
function routeTarget(r: SdkRoute): string {
  return (
    r.NatGatewayId ??
    r.TransitGatewayId ??
    r.EgressOnlyInternetGatewayId ??
    r.VpcPeeringConnectionId ??
    r.CarrierGatewayId ??
    r.LocalGatewayId ??
    r.CoreNetworkArn ??
    r.OdbNetworkArn ??
    r.InstanceId ??
    r.GatewayId ??
    r.NetworkInterfaceId ??
    ''
  );
}

export function toRoute(r: SdkRoute): Route {
  const target = routeTarget(r);
  const [destination, destinationKind]: [string, Route['destinationKind']] = r.DestinationCidrBlock
    ? [r.DestinationCidrBlock, 'ipv4']
    : r.DestinationIpv6CidrBlock
      ? [r.DestinationIpv6CidrBlock, 'ipv6']
      : [r.DestinationPrefixListId ?? '', 'prefix-list'];
  return { destination, destinationKind, target, targetKind: routeTargetKind(target), state: r.State ?? 'active' };
}

export function toRouteTable(t: SdkRouteTable): RouteTable {
  const associations = (t.Associations ?? []).filter((a) => !INACTIVE_ASSOCIATION.has(a.AssociationState?.State ?? 'associated'));
  return {
    id: t.RouteTableId ?? '',
    vpcId: t.VpcId ?? '',
    main: associations.some((a) => a.Main === true),
    subnetIds: associations.flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
    routes: (t.Routes ?? []).map(toRoute),
    name: nameTag(t.Tags),
  };
}

const ENDPOINT_TYPES = ['Interface', 'Gateway', 'GatewayLoadBalancer', 'Resource', 'ServiceNetwork', 'Tunnel'];

export function toVpcEndpoint(e: SdkVpcEndpoint): VpcEndpoint {
  const rawType = e.VpcEndpointType ?? 'Gateway';
  return {
    id: e.VpcEndpointId ?? '',
    vpcId: e.VpcId ?? '',
    serviceName: e.ServiceName ?? '',
    type: ENDPOINT_TYPES.find((t) => t.toLowerCase() === rawType.toLowerCase()) ?? rawType,
    state: (e.State ?? 'unknown').toLowerCase(),
    privateDnsEnabled: e.PrivateDnsEnabled ?? false,
    subnetIds: e.SubnetIds ?? [],
    securityGroupIds: (e.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    routeTableIds: e.RouteTableIds ?? [],
    ...(e.PolicyDocument ? { policy: e.PolicyDocument } : {}),
    name: nameTag(e.Tags),
  };
}

function portsOf(protocol: string, from: number | undefined, to: number | undefined): { fromPort: number; toPort: number } {
  if (protocol === 'icmp' || protocol === 'icmpv6') return { fromPort: from ?? -1, toPort: to ?? -1 };
  if ((protocol === 'tcp' || protocol === 'udp') && from !== undefined && to !== undefined && from >= 0 && to >= 0) {
    return { fromPort: from, toPort: to };
  }
  return ALL_PORTS;
}

export function toSecurityGroupRule(p: IpPermission): SecurityGroupRule {
  const protocol = normaliseProtocol(p.IpProtocol);
  return {
    protocol,
    ...portsOf(protocol, p.FromPort, p.ToPort),
    cidrs: (p.IpRanges ?? []).flatMap((r) => (r.CidrIp ? [r.CidrIp] : [])),
    ipv6Cidrs: (p.Ipv6Ranges ?? []).flatMap((r) => (r.CidrIpv6 ? [r.CidrIpv6] : [])),
    groupIds: (p.UserIdGroupPairs ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    prefixListIds: (p.PrefixListIds ?? []).flatMap((l) => (l.PrefixListId ? [l.PrefixListId] : [])),
  };
}

export function toSecurityGroup(g: SdkSecurityGroup): SecurityGroup {
  return {
    id: g.GroupId ?? '',
    name: g.GroupName ?? '',
    vpcId: g.VpcId ?? '',
    description: g.Description ?? '',
    ingress: (g.IpPermissions ?? []).map(toSecurityGroupRule),
    egress: (g.IpPermissionsEgress ?? []).map(toSecurityGroupRule),
  };
}

export function toNetworkAcl(a: SdkNetworkAcl): NetworkAcl {
  const entries: NetworkAclEntry[] = (a.Entries ?? []).map((e) => {
    const protocol = normaliseProtocol(e.Protocol);
    return {
      ruleNumber: e.RuleNumber ?? 0,
      egress: e.Egress ?? false,
      protocol,
      action: e.RuleAction === 'deny' ? 'deny' : 'allow',
      cidr: e.CidrBlock,
      ipv6Cidr: e.Ipv6CidrBlock,
      ...(e.PortRange?.From !== undefined && e.PortRange.To !== undefined
        ? { fromPort: e.PortRange.From, toPort: e.PortRange.To }
        : ALL_PORTS),
    };
  });
  entries.sort((x, y) => Number(x.egress) - Number(y.egress) || x.ruleNumber - y.ruleNumber);
  return {
    id: a.NetworkAclId ?? '',
    vpcId: a.VpcId ?? '',
    isDefault: a.IsDefault ?? false,
    subnetIds: (a.Associations ?? []).flatMap((s) => (s.SubnetId ? [s.SubnetId] : [])),
    entries,
    name: nameTag(a.Tags),
  };
}

// ---- helpers -------------------------------------------------------------------------------

async function drain<P, T>(pages: AsyncIterable<P>, pick: (page: P) => readonly T[] | undefined): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages) items.push(...(pick(page) ?? []));
  return items;
}

/** Keeps the first of each id, in the order of `ids` when given, else in AWS's order. */
function uniqueById<T extends { id: string }>(items: readonly T[], ids?: readonly string[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  if (!ids) return [...byId.values()];
  return [...new Set(ids)].flatMap((id) => {
    const found = byId.get(id);
    return found ? [found] : [];
  });
}

function filter(name: string, values: readonly string[]): Filter {
  return { Name: name, Values: [...values] };
}

export class Ec2Gateway {
  constructor(private readonly factory: ClientFactory) {}

  private get client(): EC2Client {
    return this.factory.get(EC2Client);
  }

  /**
   * Runs one filtered query per batch of ids, so that a batch plus the query's other
   * (`fixedValues`) filter values stays within AWS's 200 per call. No ids, no call.
   */
  private async byFilterBatches<T>(
    ids: readonly string[],
    fixedValues: number,
    query: (batch: readonly string[]) => Promise<T[]>,
  ): Promise<T[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    return describeInBatches(unique, EC2_LIMITS.filterValuesPerCall - fixedValues, EC2_LIMITS.describeConcurrency, (batch) => query(batch));
  }

  /** VPCs of the region (all of them, or these ids), optionally with their DNS attributes. */
  async describeVpcs(ids?: readonly string[], options?: DescribeVpcsOptions): Promise<Vpc[]> {
    const vpcs = await awsCall(this.factory.connection, 'ec2:DescribeVpcs', async () => {
      const page = (filters: Filter[]) =>
        drain(
          paginateDescribeVpcs({ client: this.client, pageSize: EC2_LIMITS.describeVpcsPageSize }, { Filters: filters }, sendOptions(options)),
          (p) => p.Vpcs,
        );
      const raw = ids ? await this.byFilterBatches(ids, 0, (batch) => page([filter('vpc-id', batch)])) : await page([]);
      return uniqueById(raw.map(toVpc), ids);
    });
    if (!options?.dnsAttributes || vpcs.length === 0) return vpcs;
    return awsCall(this.factory.connection, 'ec2:DescribeVpcAttribute', () =>
      mapConcurrent(vpcs, EC2_LIMITS.vpcAttributeConcurrency, async (vpc) => {
        const [support, hostnames] = await Promise.all([
          this.client.send(new DescribeVpcAttributeCommand({ VpcId: vpc.id, Attribute: 'enableDnsSupport' }), sendOptions(options)),
          this.client.send(new DescribeVpcAttributeCommand({ VpcId: vpc.id, Attribute: 'enableDnsHostnames' }), sendOptions(options)),
        ]);
        return {
          ...vpc,
          dnsSupport: support.EnableDnsSupport?.Value ?? false,
          dnsHostnames: hostnames.EnableDnsHostnames?.Value ?? false,
        };
      }),
    );
  }

  async describeSubnets(query: Ec2Query, options?: CallOptions): Promise<Subnet[]> {
    return awsCall(this.factory.connection, 'ec2:DescribeSubnets', async () => {
      const page = (filters: Filter[]) =>
        drain(
          paginateDescribeSubnets({ client: this.client, pageSize: EC2_LIMITS.describeSubnetsPageSize }, { Filters: filters }, sendOptions(options)),
          (p) => p.Subnets,
        );
      if ('ids' in query) {
        const raw = await this.byFilterBatches(query.ids, 0, (batch) => page([filter('subnet-id', batch)]));
        return uniqueById(raw.map(toSubnet), query.ids);
      }
      return uniqueById((await page([filter('vpc-id', [query.vpcId])])).map(toSubnet));
    });
  }

  /**
   * Route tables of a VPC, by id, or those serving some subnets (their explicit tables and
   * the VPC's main table, in two filtered queries: EC2 filters cannot say "or").
   */
  async describeRouteTables(query: RouteTableQuery, options?: CallOptions): Promise<RouteTable[]> {
    return awsCall(this.factory.connection, 'ec2:DescribeRouteTables', async () => {
      const page = (filters: Filter[]) =>
        drain(
          paginateDescribeRouteTables(
            { client: this.client, pageSize: EC2_LIMITS.describeRouteTablesPageSize },
            { Filters: filters },
            sendOptions(options),
          ),
          (p) => p.RouteTables,
        );
      if ('ids' in query) {
        const raw = await this.byFilterBatches(query.ids, 0, (batch) => page([filter('route-table-id', batch)]));
        return uniqueById(raw.map(toRouteTable), query.ids);
      }
      const inVpc = filter('vpc-id', [query.vpcId]);
      if (!('subnetIds' in query)) return uniqueById((await page([inVpc])).map(toRouteTable));
      const [explicit, main] = await Promise.all([
        this.byFilterBatches(query.subnetIds, 1, (batch) => page([inVpc, filter('association.subnet-id', batch)])),
        page([inVpc, filter('association.main', ['true'])]),
      ]);
      return uniqueById([...explicit, ...main].map(toRouteTable));
    });
  }

  /** The VPC's endpoints, optionally only those for some services (`com.amazonaws.REGION.ecr.api`, ...). */
  async describeVpcEndpoints(query: { readonly vpcId: string; readonly serviceNames?: readonly string[] }, options?: CallOptions): Promise<VpcEndpoint[]> {
    return awsCall(this.factory.connection, 'ec2:DescribeVpcEndpoints', async () => {
      const filters = [filter('vpc-id', [query.vpcId])];
      if (query.serviceNames) {
        if (query.serviceNames.length === 0) return [];
        filters.push(filter('service-name', query.serviceNames));
      }
      const raw = await drain(
        paginateDescribeVpcEndpoints(
          { client: this.client, pageSize: EC2_LIMITS.describeVpcEndpointsPageSize },
          { Filters: filters },
          sendOptions(options),
        ),
        (p) => p.VpcEndpoints,
      );
      return uniqueById(raw.map(toVpcEndpoint));
    });
  }

  async describeSecurityGroups(query: Ec2Query, options?: CallOptions): Promise<SecurityGroup[]> {
    return awsCall(this.factory.connection, 'ec2:DescribeSecurityGroups', async () => {
      const page = (filters: Filter[]) =>
        drain(
          paginateDescribeSecurityGroups(
            { client: this.client, pageSize: EC2_LIMITS.describeSecurityGroupsPageSize },
            { Filters: filters },
            sendOptions(options),
          ),
          (p) => p.SecurityGroups,
        );
      if ('ids' in query) {
        const raw = await this.byFilterBatches(query.ids, 0, (batch) => page([filter('group-id', batch)]));
        return uniqueById(raw.map(toSecurityGroup), query.ids);
      }
      return uniqueById((await page([filter('vpc-id', [query.vpcId])])).map(toSecurityGroup));
    });
  }

  /** Network ACLs of a VPC, or those associated with some subnets (each subnet has exactly one). */
  async describeNetworkAcls(query: NetworkAclQuery, options?: CallOptions): Promise<NetworkAcl[]> {
    return awsCall(this.factory.connection, 'ec2:DescribeNetworkAcls', async () => {
      const page = (filters: Filter[]) =>
        drain(
          paginateDescribeNetworkAcls(
            { client: this.client, pageSize: EC2_LIMITS.describeNetworkAclsPageSize },
            { Filters: filters },
            sendOptions(options),
          ),
          (p) => p.NetworkAcls,
        );
      if ('subnetIds' in query) {
        const raw = await this.byFilterBatches(query.subnetIds, 0, (batch) => page([filter('association.subnet-id', batch)]));
        return uniqueById(raw.map(toNetworkAcl));
      }
      return uniqueById((await page([filter('vpc-id', [query.vpcId])])).map(toNetworkAcl));
    });
  }

  /**
   * The names of every endpoint service the region offers (`com.amazonaws.REGION.ecr.dkr`,
   * ...), so the doctor can tell "no endpoint" from "no such service here". The SDK has no
   * paginator for this operation: it pages on NextToken by hand.
   */
  async listVpcEndpointServiceNames(options?: CallOptions): Promise<string[]> {
    return awsCall(this.factory.connection, 'ec2:DescribeVpcEndpointServices', async () => {
      const names: string[] = [];
      let nextToken: string | undefined;
      do {
        const out = await this.client.send(
          new DescribeVpcEndpointServicesCommand({
            MaxResults: EC2_LIMITS.describeVpcEndpointServicesPageSize,
            ...(nextToken ? { NextToken: nextToken } : {}),
          }),
          sendOptions(options),
        );
        names.push(...(out.ServiceNames ?? []));
        nextToken = out.NextToken || undefined;
      } while (nextToken);
      return [...new Set(names)];
    });
  }

  /**
   * One VPC with everything the doctor's network rules read: the VPC with its DNS
   * attributes, subnets, route tables, endpoints, security groups and network ACLs, read
   * concurrently. Undefined when the VPC does not exist.
   */
  async describeVpcNetwork(vpcId: string, options?: CallOptions): Promise<VpcNetwork | undefined> {
    const inVpc = { vpcId };
    const [vpcs, subnets, routeTables, endpoints, securityGroups, networkAcls] = await Promise.all([
      this.describeVpcs([vpcId], { ...options, dnsAttributes: true }),
      this.describeSubnets(inVpc, options),
      this.describeRouteTables(inVpc, options),
      this.describeVpcEndpoints(inVpc, options),
      this.describeSecurityGroups(inVpc, options),
      this.describeNetworkAcls(inVpc, options),
    ]);
    const vpc = vpcs[0];
    return vpc ? { vpc, subnets, routeTables, endpoints, securityGroups, networkAcls } : undefined;
  }

  // ---- changes made by the doctor's fix plans (src/aws/fixApplier.ts) ------------------------

  /** `enableDnsSupport` and `enableDnsHostnames` of one VPC (two DescribeVpcAttribute calls). */
  async describeVpcDnsAttributes(vpcId: string, options?: CallOptions): Promise<{ dnsSupport: boolean; dnsHostnames: boolean }> {
    return awsCall(this.factory.connection, 'ec2:DescribeVpcAttribute', async () => {
      const [support, hostnames] = await Promise.all([
        this.client.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsSupport' }), sendOptions(options)),
        this.client.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }), sendOptions(options)),
      ]);
      return { dnsSupport: support.EnableDnsSupport?.Value ?? false, dnsHostnames: hostnames.EnableDnsHostnames?.Value ?? false };
    });
  }

  /** Turns one DNS attribute of a VPC on or off (AWS takes one attribute per call). */
  async modifyVpcAttribute(vpcId: string, attribute: 'enableDnsSupport' | 'enableDnsHostnames', value: boolean, options?: CallOptions): Promise<void> {
    await awsCall(this.factory.connection, 'ec2:ModifyVpcAttribute', () => this.client.send(new ModifyVpcAttributeCommand({
      VpcId: vpcId,
      ...(attribute === 'enableDnsSupport' ? { EnableDnsSupport: { Value: value } } : { EnableDnsHostnames: { Value: value } }),
    }), sendOptions(options)));
  }

  /** A security group (AWS gives it the default all-traffic egress rule); returns its id. */
  async createSecurityGroup(input: { vpcId: string; groupName: string; description: string }, options?: CallOptions): Promise<string> {
    return awsCall(this.factory.connection, 'ec2:CreateSecurityGroup', async () => {
      const out = await this.client.send(new CreateSecurityGroupCommand({
        VpcId: input.vpcId,
        GroupName: input.groupName,
        Description: input.description,
        TagSpecifications: [{ ResourceType: 'security-group', Tags: [{ Key: 'Name', Value: input.groupName }] }],
      }), sendOptions(options));
      if (!out.GroupId) throw new Error(`CreateSecurityGroup returned no id for ${input.groupName}`);
      return out.GroupId;
    });
  }

  /**
   * One TCP rule on a group, inbound or outbound, from/to a CIDR or another group. `exists` when
   * AWS answers InvalidPermission.Duplicate: the rule is there, which is what was wanted.
   */
  async authorizeTcp(
    input: { direction: 'ingress' | 'egress'; groupId: string; port: number; cidr?: string | undefined; sourceGroupId?: string | undefined; description: string },
    options?: CallOptions,
  ): Promise<'created' | 'exists'> {
    const permission: IpPermission = {
      IpProtocol: 'tcp',
      FromPort: input.port,
      ToPort: input.port,
      ...(input.sourceGroupId
        ? { UserIdGroupPairs: [{ GroupId: input.sourceGroupId, Description: input.description }] }
        : { IpRanges: [{ CidrIp: input.cidr ?? '', Description: input.description }] }),
    };
    const operation = input.direction === 'ingress' ? 'ec2:AuthorizeSecurityGroupIngress' : 'ec2:AuthorizeSecurityGroupEgress';
    return awsCall(this.factory.connection, operation, async () => {
      try {
        const request = { GroupId: input.groupId, IpPermissions: [permission] };
        if (input.direction === 'ingress') await this.client.send(new AuthorizeSecurityGroupIngressCommand(request), sendOptions(options));
        else await this.client.send(new AuthorizeSecurityGroupEgressCommand(request), sendOptions(options));
        return 'created';
      } catch (err) {
        if ((err as { name?: unknown } | null)?.name === 'InvalidPermission.Duplicate') return 'exists';
        throw err;
      }
    });
  }

  /** An interface endpoint in the given subnets (one per AZ) and groups. */
  async createInterfaceEndpoint(
    input: { vpcId: string; serviceName: string; subnetIds: readonly string[]; securityGroupIds: readonly string[]; privateDns: boolean },
    options?: CallOptions,
  ): Promise<VpcEndpoint> {
    return awsCall(this.factory.connection, 'ec2:CreateVpcEndpoint', async () => {
      const out = await this.client.send(new CreateVpcEndpointCommand({
        VpcId: input.vpcId,
        VpcEndpointType: 'Interface',
        ServiceName: input.serviceName,
        SubnetIds: [...input.subnetIds],
        SecurityGroupIds: [...input.securityGroupIds],
        PrivateDnsEnabled: input.privateDns,
        TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: [{ Key: 'Name', Value: `ecs-studio-${input.serviceName.split('.').slice(3).join('-')}` }] }],
      }), sendOptions(options));
      if (!out.VpcEndpoint) throw new Error(`CreateVpcEndpoint returned no endpoint for ${input.serviceName}`);
      return toVpcEndpoint(out.VpcEndpoint);
    });
  }

  /** A gateway endpoint (S3, DynamoDB) on the given route tables. */
  async createGatewayEndpoint(input: { vpcId: string; serviceName: string; routeTableIds: readonly string[] }, options?: CallOptions): Promise<VpcEndpoint> {
    return awsCall(this.factory.connection, 'ec2:CreateVpcEndpoint', async () => {
      const out = await this.client.send(new CreateVpcEndpointCommand({
        VpcId: input.vpcId,
        VpcEndpointType: 'Gateway',
        ServiceName: input.serviceName,
        RouteTableIds: [...input.routeTableIds],
        TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: [{ Key: 'Name', Value: `ecs-studio-${input.serviceName.split('.').slice(3).join('-')}` }] }],
      }), sendOptions(options));
      if (!out.VpcEndpoint) throw new Error(`CreateVpcEndpoint returned no endpoint for ${input.serviceName}`);
      return toVpcEndpoint(out.VpcEndpoint);
    });
  }

  /** Adds route tables to a gateway endpoint and/or turns private DNS on for an interface endpoint. */
  async modifyVpcEndpoint(input: { endpointId: string; addRouteTableIds?: readonly string[]; privateDnsEnabled?: boolean }, options?: CallOptions): Promise<void> {
    await awsCall(this.factory.connection, 'ec2:ModifyVpcEndpoint', () => this.client.send(new ModifyVpcEndpointCommand({
      VpcEndpointId: input.endpointId,
      ...(input.addRouteTableIds ? { AddRouteTableIds: [...input.addRouteTableIds] } : {}),
      ...(input.privateDnsEnabled !== undefined ? { PrivateDnsEnabled: input.privateDnsEnabled } : {}),
    }), sendOptions(options)));
  }
}
