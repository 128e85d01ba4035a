/**
 * The network as the explorer and the doctor read it: VPCs, subnets, route tables, VPC
 * endpoints, security groups, network ACLs, and the load balancer side (load balancers,
 * listeners, rules, target groups, target health). Plain data, no SDK types; src/aws fills
 * these from EC2 and ELBv2 and normalises what AWS leaves out or spells several ways.
 */

export interface Vpc {
  readonly id: string;
  /** The primary IPv4 CIDR. */
  readonly cidrBlock: string;
  /** Every associated IPv4 CIDR, the primary first (a VPC may have secondary CIDRs). */
  readonly cidrBlocks: readonly string[];
  readonly ipv6CidrBlocks: readonly string[];
  readonly isDefault: boolean;
  readonly state: string;
  /** The `Name` tag. */
  readonly name: string | undefined;
  /** `enableDnsSupport`; undefined when it was not read (it needs a DescribeVpcAttribute call). */
  readonly dnsSupport?: boolean;
  /** `enableDnsHostnames`; undefined when it was not read. */
  readonly dnsHostnames?: boolean;
}

export interface Subnet {
  readonly id: string;
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly ipv6CidrBlocks: readonly string[];
  /** "ap-northeast-2a": names differ between accounts for the same zone. */
  readonly availabilityZone: string;
  /** "apne2-az1": the same physical zone in every account. */
  readonly availabilityZoneId: string;
  readonly name: string | undefined;
  readonly mapPublicIpOnLaunch: boolean;
  readonly availableIpAddressCount: number;
  readonly defaultForAz: boolean;
  readonly state: string;
}

/** What a route sends traffic to, from the target's id (igw-, nat-, tgw-, ...). */
export type RouteTargetKind =
  | 'local'
  | 'internet-gateway'
  | 'egress-only-internet-gateway'
  | 'nat-gateway'
  | 'transit-gateway'
  | 'instance'
  | 'network-interface'
  | 'vpc-peering'
  | 'vpc-endpoint'
  | 'virtual-private-gateway'
  | 'carrier-gateway'
  | 'local-gateway'
  | 'core-network'
  | 'unknown';

export interface Route {
  /** An IPv4 CIDR, an IPv6 CIDR or a prefix list id (`pl-...`, gateway endpoint routes). */
  readonly destination: string;
  readonly destinationKind: 'ipv4' | 'ipv6' | 'prefix-list';
  /** The target's id: `local`, `igw-...`, `nat-...`, `tgw-...`, `eni-...`, `pcx-...`, `vpce-...`; '' when AWS gave none. */
  readonly target: string;
  readonly targetKind: RouteTargetKind;
  /** `active`, or `blackhole` when the target is gone (such a route carries nothing). */
  readonly state: string;
}

export interface RouteTable {
  readonly id: string;
  readonly vpcId: string;
  /** The VPC's main table: it serves every subnet without an explicit association. */
  readonly main: boolean;
  /** Subnets explicitly associated with this table. */
  readonly subnetIds: readonly string[];
  readonly routes: readonly Route[];
  readonly name: string | undefined;
}

/** The kinds the doctor reasons about, plus newer kinds (`Resource`, `ServiceNetwork`, ...) passed through. */
export type VpcEndpointType = 'Interface' | 'Gateway' | 'GatewayLoadBalancer' | (string & {});

/** A NAT gateway (DescribeNatGateways): where it is and whether it is up. */
export interface NatGateway {
  readonly id: string;
  readonly vpcId: string;
  readonly subnetId: string;
  /** pending | available | deleting | deleted | failed. */
  readonly state: string;
  /** 'public' or 'private'. */
  readonly connectivityType: string;
  readonly name: string | undefined;
}

/** An Elastic IP address of the account (DescribeAddresses), VPC scope. */
export interface ElasticIp {
  readonly allocationId: string;
  readonly publicIp: string;
  /** The association, when the address is in use (a NAT gateway's interface, an instance...). */
  readonly associationId: string | undefined;
  readonly name: string | undefined;
}

export interface VpcEndpoint {
  readonly id: string;
  readonly vpcId: string;
  /** `com.amazonaws.REGION.ecr.api`, ... */
  readonly serviceName: string;
  readonly type: VpcEndpointType;
  /** Lower case, as EC2 returns it: `available`, `pending`, `pendingacceptance`, `failed`, ... */
  readonly state: string;
  readonly privateDnsEnabled: boolean;
  /** Interface endpoints: the subnets with an endpoint network interface. */
  readonly subnetIds: readonly string[];
  /** Interface endpoints: the groups on the endpoint network interfaces. */
  readonly securityGroupIds: readonly string[];
  /** Gateway endpoints: the route tables that route to it. */
  readonly routeTableIds: readonly string[];
  /** The endpoint policy document (JSON text), when it has one. */
  readonly policy?: string;
  readonly name: string | undefined;
}

/**
 * IP protocol as security groups and network ACLs use it: `-1` for all traffic, else
 * `tcp`, `udp`, `icmp`, `icmpv6`, or the protocol number for the rest.
 */
export type IpProtocol = string;

/**
 * One permission of a security group, normalised: ports are always numbers. For all
 * traffic (`-1`) and protocols without ports they span 0-65535; for ICMP they hold the
 * ICMP type and code as AWS gives them (-1 meaning all).
 */
export interface SecurityGroupRule {
  readonly protocol: IpProtocol;
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidrs: readonly string[];
  readonly ipv6Cidrs: readonly string[];
  /** Referenced security groups (traffic from or to members of these groups). */
  readonly groupIds: readonly string[];
  readonly prefixListIds: readonly string[];
}

export interface SecurityGroup {
  readonly id: string;
  readonly name: string;
  readonly vpcId: string;
  readonly description: string;
  readonly ingress: readonly SecurityGroupRule[];
  readonly egress: readonly SecurityGroupRule[];
}

export interface NetworkAclEntry {
  readonly ruleNumber: number;
  /** true: outbound rule; false: inbound rule. */
  readonly egress: boolean;
  readonly protocol: IpProtocol;
  readonly action: 'allow' | 'deny';
  readonly cidr: string | undefined;
  readonly ipv6Cidr: string | undefined;
  /** Port range; 0-65535 when the entry has none (all traffic, ICMP, ...). */
  readonly fromPort: number;
  readonly toPort: number;
}

export interface NetworkAcl {
  readonly id: string;
  readonly vpcId: string;
  readonly isDefault: boolean;
  readonly subnetIds: readonly string[];
  /** Sorted by rule number; NACLs are evaluated in that order, first match wins. */
  readonly entries: readonly NetworkAclEntry[];
  readonly name: string | undefined;
}

/** Everything about one VPC that the doctor's network rules read. */
export interface VpcNetwork {
  readonly vpc: Vpc;
  readonly subnets: readonly Subnet[];
  readonly routeTables: readonly RouteTable[];
  readonly endpoints: readonly VpcEndpoint[];
  readonly securityGroups: readonly SecurityGroup[];
  readonly networkAcls: readonly NetworkAcl[];
}

// ---- load balancing ------------------------------------------------------------------------

export interface LoadBalancerZone {
  readonly zoneName: string;
  readonly subnetId: string;
}

export interface LoadBalancer {
  readonly arn: string;
  readonly name: string;
  /** `application`, `network` or `gateway`. */
  readonly type: string;
  /** `internet-facing` or `internal`. */
  readonly scheme: string;
  readonly vpcId: string;
  /** `active`, `provisioning`, `active_impaired` or `failed`. */
  readonly state: string;
  readonly stateReason: string | undefined;
  readonly dnsName: string;
  readonly securityGroupIds: readonly string[];
  readonly availabilityZones: readonly LoadBalancerZone[];
  readonly subnetIds: readonly string[];
  readonly ipAddressType: string | undefined;
}

export interface ListenerAction {
  /** `forward`, `redirect`, `fixed-response`, `authenticate-oidc`, `authenticate-cognito`. */
  readonly type: string;
  readonly order: number | undefined;
  /** Forward actions: every target group, from `TargetGroupArn` and `ForwardConfig.TargetGroups`. */
  readonly targetGroupArns: readonly string[];
}

export interface Listener {
  readonly arn: string;
  readonly loadBalancerArn: string;
  readonly port: number;
  /** `HTTP`, `HTTPS`, `TCP`, `TLS`, `UDP`, `TCP_UDP`, `GENEVE`, ... */
  readonly protocol: string;
  readonly defaultActions: readonly ListenerAction[];
}

export interface ListenerRuleCondition {
  /** `path-pattern`, `host-header`, `http-header`, `query-string`, `http-request-method`, `source-ip`. */
  readonly field: string;
  readonly values: readonly string[];
}

export interface ListenerRule {
  readonly arn: string;
  readonly listenerArn: string;
  /** A number as text, or `default` for the listener's default rule. */
  readonly priority: string;
  readonly isDefault: boolean;
  readonly conditions: readonly ListenerRuleCondition[];
  readonly actions: readonly ListenerAction[];
}

export interface TargetGroup {
  readonly arn: string;
  readonly name: string;
  /** Missing for `lambda` target groups. */
  readonly protocol: string | undefined;
  readonly port: number | undefined;
  /** `instance`, `ip`, `lambda` or `alb`; awsvpc tasks need `ip`. */
  readonly targetType: string;
  readonly vpcId: string | undefined;
  readonly healthCheckEnabled: boolean;
  readonly healthCheckProtocol: string | undefined;
  readonly healthCheckPath: string | undefined;
  /** `traffic-port` or a port number as text. */
  readonly healthCheckPort: string | undefined;
  /** Expected HTTP codes, e.g. `200` or `200-399`. */
  readonly healthCheckMatcher: string | undefined;
  readonly healthCheckIntervalSeconds: number | undefined;
  readonly healthCheckTimeoutSeconds: number | undefined;
  readonly healthyThresholdCount: number | undefined;
  readonly unhealthyThresholdCount: number | undefined;
  /** Load balancers whose listeners or rules forward to this group; empty when none does. */
  readonly loadBalancerArns: readonly string[];
}

export interface TargetHealth {
  /** Instance id, IP address, Lambda ARN or ALB ARN. */
  readonly id: string;
  readonly port: number | undefined;
  readonly availabilityZone: string | undefined;
  /** `initial`, `healthy`, `unhealthy`, `unhealthy.draining`, `unused`, `draining`, `unavailable`. */
  readonly state: string;
  /** `Target.FailedHealthChecks`, `Target.Timeout`, `Elb.InitialHealthChecking`, ... */
  readonly reason: string | undefined;
  readonly description: string | undefined;
}

/** A listener that sends traffic to a target group, and how. */
export interface ListenerForward {
  readonly listener: Listener;
  /** The listener's default action forwards to the group. */
  readonly byDefaultAction: boolean;
  /** Non-default rules of the listener that forward to the group. */
  readonly rules: readonly ListenerRule[];
}

/** How a target group is wired: what the doctor's "attached to a listener" rule reads. */
export interface LoadBalancerWiring {
  readonly targetGroup: TargetGroup;
  /** The load balancers the group names in `LoadBalancerArns`. */
  readonly loadBalancers: readonly LoadBalancer[];
  /** Listeners of those load balancers that forward to the group (default action or a rule). */
  readonly forwards: readonly ListenerForward[];
}

// ---- small pure helpers --------------------------------------------------------------------

const TARGET_PREFIXES: ReadonlyArray<[string, RouteTargetKind]> = [
  ['igw-', 'internet-gateway'],
  ['eigw-', 'egress-only-internet-gateway'],
  ['nat-', 'nat-gateway'],
  ['tgw-', 'transit-gateway'],
  ['i-', 'instance'],
  ['eni-', 'network-interface'],
  ['pcx-', 'vpc-peering'],
  ['vpce-', 'vpc-endpoint'],
  ['vgw-', 'virtual-private-gateway'],
  ['cagw-', 'carrier-gateway'],
  ['lgw-', 'local-gateway'],
];

/** The kind of a route target, from its id. */
export function routeTargetKind(target: string): RouteTargetKind {
  if (target === 'local') return 'local';
  if (/^arn:[^:]+:networkmanager:.*:core-network\//.test(target)) return 'core-network';
  for (const [prefix, kind] of TARGET_PREFIXES) if (target.startsWith(prefix)) return kind;
  return 'unknown';
}

/** The value of the `Name` tag in an EC2-style tag list. */
export function nameTag(tags: ReadonlyArray<{ Key?: string | undefined; Value?: string | undefined }> | undefined): string | undefined {
  const value = tags?.find((t) => t.Key === 'Name')?.Value;
  return value === undefined || value === '' ? undefined : value;
}

const PROTOCOL_NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', all: '-1' };

/** `6` -> `tcp`, `17` -> `udp`, `1` -> `icmp`, `58` -> `icmpv6`; `-1` stays; names are lower-cased. */
export function normaliseProtocol(protocol: string | undefined): IpProtocol {
  if (protocol === undefined || protocol === '') return '-1';
  const lower = protocol.toLowerCase();
  return PROTOCOL_NAMES[lower] ?? lower;
}

/** True when a security group rule lets TCP traffic on `port` through (all-traffic rules included). */
export function ruleAllowsTcpPort(rule: Pick<SecurityGroupRule, 'protocol' | 'fromPort' | 'toPort'>, port: number): boolean {
  if (rule.protocol === '-1') return true;
  return rule.protocol === 'tcp' && rule.fromPort <= port && port <= rule.toPort;
}
