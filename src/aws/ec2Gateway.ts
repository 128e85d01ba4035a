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
  CreateNetworkAclEntryCommand,
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
  type CreateVpcEndpointRequest,
  type Filter,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import type { NetworkAcl, RouteTable, SecurityGroup, Subnet, Vpc, VpcEndpoint, VpcNetwork } from '../model/network';
import { describeInBatches, mapConcurrent } from './batching';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';
import { toNetworkAcl, toRouteTable, toSecurityGroup, toSubnet, toVpc, toVpcEndpoint } from './ec2Mapping';
import { allItems, listAll, tokenPages, type SdkPaginator } from './paging';

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

/** One filtered EC2 describe operation: its paginator, AWS's page size, the page's list and the model it becomes. */
interface Ec2List<O, S, M extends { id: string }> {
  readonly paginate: SdkPaginator<EC2Client, { Filters?: Filter[] }, O>;
  readonly pageSize: number;
  readonly pick: (page: O) => S[] | undefined;
  readonly toModel: (item: S) => M;
}

function ec2List<O, S, M extends { id: string }>(list: Ec2List<O, S, M>): Ec2List<O, S, M> {
  return list;
}

const VPCS = ec2List({ paginate: paginateDescribeVpcs, pageSize: EC2_LIMITS.describeVpcsPageSize, pick: (p) => p.Vpcs, toModel: toVpc });
const SUBNETS = ec2List({ paginate: paginateDescribeSubnets, pageSize: EC2_LIMITS.describeSubnetsPageSize, pick: (p) => p.Subnets, toModel: toSubnet });
const ROUTE_TABLES = ec2List({
  paginate: paginateDescribeRouteTables,
  pageSize: EC2_LIMITS.describeRouteTablesPageSize,
  pick: (p) => p.RouteTables,
  toModel: toRouteTable,
});
const VPC_ENDPOINTS = ec2List({
  paginate: paginateDescribeVpcEndpoints,
  pageSize: EC2_LIMITS.describeVpcEndpointsPageSize,
  pick: (p) => p.VpcEndpoints,
  toModel: toVpcEndpoint,
});
const SECURITY_GROUPS = ec2List({
  paginate: paginateDescribeSecurityGroups,
  pageSize: EC2_LIMITS.describeSecurityGroupsPageSize,
  pick: (p) => p.SecurityGroups,
  toModel: toSecurityGroup,
});
const NETWORK_ACLS = ec2List({
  paginate: paginateDescribeNetworkAcls,
  pageSize: EC2_LIMITS.describeNetworkAclsPageSize,
  pick: (p) => p.NetworkAcls,
  toModel: toNetworkAcl,
});

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

  /** Every item one filtered query finds, all pages at AWS's maximum page size, as the model. */
  private async query<O, S, M extends { id: string }>(list: Ec2List<O, S, M>, filters: Filter[], options?: CallOptions): Promise<M[]> {
    const raw = await listAll(list.paginate, { client: this.client, pageSize: list.pageSize }, { Filters: filters }, list.pick, options);
    return raw.map(list.toModel);
  }

  /** The items with these ids (by the `idFilter` filter): unknown ids left out, the order of `ids` kept. */
  private async byIds<O, S, M extends { id: string }>(list: Ec2List<O, S, M>, idFilter: string, ids: readonly string[], options?: CallOptions): Promise<M[]> {
    const found = await this.byFilterBatches(ids, 0, (batch) => this.query(list, [filter(idFilter, batch)], options));
    return uniqueById(found, ids);
  }

  /** Every item of a VPC (by the `vpc-id` filter). */
  private async inVpc<O, S, M extends { id: string }>(list: Ec2List<O, S, M>, vpcId: string, options?: CallOptions): Promise<M[]> {
    return uniqueById(await this.query(list, [filter('vpc-id', [vpcId])], options));
  }

  /** A whole VPC's items, or the items with these ids. */
  private async byQuery<O, S, M extends { id: string }>(list: Ec2List<O, S, M>, idFilter: string, query: Ec2Query, options?: CallOptions): Promise<M[]> {
    return 'ids' in query ? this.byIds(list, idFilter, query.ids, options) : this.inVpc(list, query.vpcId, options);
  }

  /** VPCs of the region (all of them, or these ids), optionally with their DNS attributes. */
  async describeVpcs(ids?: readonly string[], options?: DescribeVpcsOptions): Promise<Vpc[]> {
    const vpcs = await awsCall(this.factory.connection, 'ec2:DescribeVpcs', async () =>
      ids ? this.byIds(VPCS, 'vpc-id', ids, options) : uniqueById(await this.query(VPCS, [], options)));
    if (!options?.dnsAttributes || vpcs.length === 0) return vpcs;
    return mapConcurrent(vpcs, EC2_LIMITS.vpcAttributeConcurrency, async (vpc) => ({ ...vpc, ...(await this.describeVpcDnsAttributes(vpc.id, options)) }));
  }

  /**
   * `enableDnsSupport` and `enableDnsHostnames` of one VPC (two DescribeVpcAttribute calls: AWS
   * answers one attribute per call). The one place they are read: describeVpcs, the snapshot
   * collector and the fix applier's fresh read all come here.
   */
  async describeVpcDnsAttributes(vpcId: string, options?: CallOptions): Promise<{ dnsSupport: boolean; dnsHostnames: boolean }> {
    return awsCall(this.factory.connection, 'ec2:DescribeVpcAttribute', async () => {
      const [support, hostnames] = await Promise.all([
        this.client.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsSupport' }), sendOptions(options)),
        this.client.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: 'enableDnsHostnames' }), sendOptions(options)),
      ]);
      return { dnsSupport: support.EnableDnsSupport?.Value ?? false, dnsHostnames: hostnames.EnableDnsHostnames?.Value ?? false };
    });
  }

  async describeSubnets(query: Ec2Query, options?: CallOptions): Promise<Subnet[]> {
    return awsCall(this.factory.connection, 'ec2:DescribeSubnets', () => this.byQuery(SUBNETS, 'subnet-id', query, options));
  }

  /**
   * Route tables of a VPC, by id, or those serving some subnets (their explicit tables and
   * the VPC's main table, in two filtered queries: EC2 filters cannot say "or").
   */
  async describeRouteTables(query: RouteTableQuery, options?: CallOptions): Promise<RouteTable[]> {
    return awsCall(this.factory.connection, 'ec2:DescribeRouteTables', async () => {
      if (!('subnetIds' in query)) return this.byQuery(ROUTE_TABLES, 'route-table-id', query, options);
      const inVpc = filter('vpc-id', [query.vpcId]);
      const [explicit, main] = await Promise.all([
        this.byFilterBatches(query.subnetIds, 1, (batch) => this.query(ROUTE_TABLES, [inVpc, filter('association.subnet-id', batch)], options)),
        this.query(ROUTE_TABLES, [inVpc, filter('association.main', ['true'])], options),
      ]);
      return uniqueById([...explicit, ...main]);
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
      return uniqueById(await this.query(VPC_ENDPOINTS, filters, options));
    });
  }

  async describeSecurityGroups(query: Ec2Query, options?: CallOptions): Promise<SecurityGroup[]> {
    return awsCall(this.factory.connection, 'ec2:DescribeSecurityGroups', () => this.byQuery(SECURITY_GROUPS, 'group-id', query, options));
  }

  /** Network ACLs of a VPC, or those associated with some subnets (each subnet has exactly one). */
  async describeNetworkAcls(query: NetworkAclQuery, options?: CallOptions): Promise<NetworkAcl[]> {
    return awsCall(this.factory.connection, 'ec2:DescribeNetworkAcls', async () => {
      if (!('subnetIds' in query)) return this.inVpc(NETWORK_ACLS, query.vpcId, options);
      return uniqueById(await this.byFilterBatches(query.subnetIds, 0, (batch) => this.query(NETWORK_ACLS, [filter('association.subnet-id', batch)], options)));
    });
  }

  /**
   * The names of every endpoint service the region offers (`com.amazonaws.REGION.ecr.dkr`,
   * ...), so the doctor can tell "no endpoint" from "no such service here". The SDK has no
   * paginator for this operation: it pages on NextToken through tokenPages.
   */
  async listVpcEndpointServiceNames(options?: CallOptions): Promise<string[]> {
    return awsCall(this.factory.connection, 'ec2:DescribeVpcEndpointServices', async () => {
      const pages = tokenPages(
        (token) => this.client.send(
          new DescribeVpcEndpointServicesCommand({ MaxResults: EC2_LIMITS.describeVpcEndpointServicesPageSize, ...(token ? { NextToken: token } : {}) }),
          sendOptions(options),
        ),
        (page) => page.NextToken,
      );
      return [...new Set(await allItems(pages, (page) => page.ServiceNames))];
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

  /**
   * One allow entry for TCP ports on a network ACL. `exists` when AWS answers
   * NetworkAclEntryAlreadyExists: the rule number is in use (the caller re-reads the ACL first).
   */
  async createNetworkAclAllowTcp(
    input: { aclId: string; ruleNumber: number; egress: boolean; fromPort: number; toPort: number; cidr: string },
    options?: CallOptions,
  ): Promise<'created' | 'exists'> {
    return awsCall(this.factory.connection, 'ec2:CreateNetworkAclEntry', async () => {
      try {
        await this.client.send(new CreateNetworkAclEntryCommand({
          NetworkAclId: input.aclId, RuleNumber: input.ruleNumber, Egress: input.egress, Protocol: '6', RuleAction: 'allow',
          CidrBlock: input.cidr, PortRange: { From: input.fromPort, To: input.toPort },
        }), sendOptions(options));
        return 'created';
      } catch (err) {
        if ((err as { name?: unknown } | null)?.name === 'NetworkAclEntryAlreadyExists') return 'exists';
        throw err;
      }
    });
  }

  /** An interface endpoint in the given subnets (one per AZ) and groups. */
  async createInterfaceEndpoint(
    input: { vpcId: string; serviceName: string; subnetIds: readonly string[]; securityGroupIds: readonly string[]; privateDns: boolean },
    options?: CallOptions,
  ): Promise<VpcEndpoint> {
    return this.createEndpoint({
      VpcId: input.vpcId,
      VpcEndpointType: 'Interface',
      ServiceName: input.serviceName,
      SubnetIds: [...input.subnetIds],
      SecurityGroupIds: [...input.securityGroupIds],
      PrivateDnsEnabled: input.privateDns,
    }, options);
  }

  /** A gateway endpoint (S3, DynamoDB) on the given route tables. */
  async createGatewayEndpoint(input: { vpcId: string; serviceName: string; routeTableIds: readonly string[] }, options?: CallOptions): Promise<VpcEndpoint> {
    return this.createEndpoint({
      VpcId: input.vpcId,
      VpcEndpointType: 'Gateway',
      ServiceName: input.serviceName,
      RouteTableIds: [...input.routeTableIds],
    }, options);
  }

  /** CreateVpcEndpoint, tagged `ecs-studio-<service>` (e.g. ecs-studio-ecr-api). */
  private async createEndpoint(request: CreateVpcEndpointRequest & { ServiceName: string }, options?: CallOptions): Promise<VpcEndpoint> {
    return awsCall(this.factory.connection, 'ec2:CreateVpcEndpoint', async () => {
      const out = await this.client.send(new CreateVpcEndpointCommand({
        ...request,
        TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: [{ Key: 'Name', Value: `ecs-studio-${request.ServiceName.split('.').slice(3).join('-')}` }] }],
      }), sendOptions(options));
      if (!out.VpcEndpoint) throw new Error(`CreateVpcEndpoint returned no endpoint for ${request.ServiceName}`);
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
