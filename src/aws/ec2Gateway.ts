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
} from '@aws-sdk/client-ec2';
import type { NetworkAcl, RouteTable, SecurityGroup, Subnet, Vpc, VpcEndpoint, VpcNetwork } from '../model/network';
import { describeInBatches, mapConcurrent } from './batching';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';
import { toNetworkAcl, toRouteTable, toSecurityGroup, toSubnet, toVpc, toVpcEndpoint } from './ec2Mapping';

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
