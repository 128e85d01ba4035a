/**
 * Is a subnet public, private with NAT, or isolated? Read from its route table's default
 * route, as the Fargate startup requirements (section 1) define it. Pure: plain route
 * tables in, a kind and a sentence a person can check out.
 */
import type { Route, RouteTable, RouteTargetKind, Subnet } from './network';

export type SubnetKind =
  /** 0.0.0.0/0 goes to an internet gateway. */
  | 'public'
  /** 0.0.0.0/0 goes to a NAT gateway. */
  | 'private-nat'
  /** No usable 0.0.0.0/0 route: only what the VPC's endpoints give. */
  | 'isolated'
  /** 0.0.0.0/0 goes somewhere whose far side we cannot see (transit gateway, instance, peering...): assume reachable. */
  | 'unknown-route';

interface ClassificationFacts {
  /** Why, in words a person reads: "routes 0.0.0.0/0 to nat-0abc (route table rtb-1, main)". */
  readonly reason: string;
  /** The subnet has no explicit association and falls back to the VPC's main table. */
  readonly viaMainTable: boolean;
  /** Target of the active 0.0.0.0/0 route, when there is one. */
  readonly defaultRouteTarget?: string;
  readonly defaultRouteTargetKind?: RouteTargetKind;
  /** Target of the active ::/0 route, when there is one (an egress-only internet gateway, usually). */
  readonly ipv6DefaultRouteTarget?: string;
}

/** Only an unknown route can lack the table that decides: none of the given tables serves the subnet. */
export type SubnetClassification = ClassificationFacts & (
  | { readonly kind: Exclude<SubnetKind, 'unknown-route'>; readonly routeTableId: string }
  | { readonly kind: 'unknown-route'; readonly routeTableId: string | undefined }
);

const IPV4_DEFAULT = '0.0.0.0/0';
const IPV6_DEFAULT = '::/0';

/**
 * The route table that serves a subnet: the table explicitly associated with it, else the
 * main table of its VPC (AWS's rule; DescribeRouteTables never lists implicit associations).
 */
export function routeTableForSubnet(subnetId: string, vpcId: string, routeTables: readonly RouteTable[]): RouteTable | undefined {
  return (
    routeTables.find((t) => t.subnetIds.includes(subnetId)) ??
    routeTables.find((t) => t.main && t.vpcId === vpcId)
  );
}

const KIND_WORDS: Record<RouteTargetKind, string> = {
  'local': 'the VPC itself',
  'internet-gateway': 'an internet gateway',
  'egress-only-internet-gateway': 'an egress-only internet gateway',
  'nat-gateway': 'a NAT gateway',
  'transit-gateway': 'a transit gateway',
  'instance': 'an instance',
  'network-interface': 'a network interface',
  'vpc-peering': 'a VPC peering connection',
  'vpc-endpoint': 'a VPC endpoint (Gateway Load Balancer)',
  'virtual-private-gateway': 'a virtual private gateway (VPN)',
  'carrier-gateway': 'a carrier gateway',
  'local-gateway': 'an Outposts local gateway',
  'core-network': 'a Cloud WAN core network',
  'unknown': 'a target of unknown kind',
};

function isActive(route: Route): boolean {
  return route.state !== 'blackhole';
}

function defaultRoute(table: RouteTable, destination: string): { active?: Route; blackholes: Route[] } {
  const matching = table.routes.filter((r) => r.destination === destination);
  const active = matching.find(isActive);
  return { ...(active ? { active } : {}), blackholes: matching.filter((r) => !isActive(r)) };
}

function targetOf(route: Route): string {
  return route.target === '' ? 'an unnamed target' : route.target;
}

export function classifySubnet(subnet: Pick<Subnet, 'id' | 'vpcId'>, routeTables: readonly RouteTable[]): SubnetClassification {
  const table = routeTableForSubnet(subnet.id, subnet.vpcId, routeTables);
  if (!table) {
    return {
      kind: 'unknown-route',
      reason: `no route table found for ${subnet.id} (neither an explicit association nor the main table of ${subnet.vpcId} was read); assumed reachable`,
      routeTableId: undefined,
      viaMainTable: false,
    };
  }
  const viaMainTable = !table.subnetIds.includes(subnet.id);
  const where = `(route table ${table.id}${viaMainTable ? ', main' : ''})`;

  const v6 = defaultRoute(table, IPV6_DEFAULT).active;
  const ipv6Note = v6
    ? `; IPv6 ::/0 goes to ${targetOf(v6)}${v6.targetKind === 'egress-only-internet-gateway' ? ' (egress-only internet gateway: outbound IPv6 only)' : ''}`
    : '';
  const base = {
    routeTableId: table.id,
    viaMainTable,
    ...(v6 ? { ipv6DefaultRouteTarget: v6.target } : {}),
  };

  const { active, blackholes } = defaultRoute(table, IPV4_DEFAULT);
  if (!active) {
    const dead = blackholes.length > 0
      ? `: its route to ${blackholes.map(targetOf).join(', ')} is a blackhole (the target no longer exists)`
      : '';
    return {
      ...base,
      kind: 'isolated',
      reason: `has no usable route for 0.0.0.0/0 ${where}${dead}; it reaches only the VPC and its endpoints${ipv6Note}`,
    };
  }

  const target = targetOf(active);
  const route = { defaultRouteTarget: active.target, defaultRouteTargetKind: active.targetKind };
  switch (active.targetKind) {
    case 'internet-gateway':
      return { ...base, ...route, kind: 'public', reason: `routes 0.0.0.0/0 to ${target} ${where}${ipv6Note}` };
    case 'nat-gateway':
      return { ...base, ...route, kind: 'private-nat', reason: `routes 0.0.0.0/0 to ${target} ${where}${ipv6Note}` };
    default:
      return {
        ...base,
        ...route,
        kind: 'unknown-route',
        reason:
          `routes 0.0.0.0/0 to ${target}, ${KIND_WORDS[active.targetKind]} ${where}: ` +
          `whether that reaches the internet depends on what is behind it; assumed reachable${ipv6Note}`,
      };
  }
}
