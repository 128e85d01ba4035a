/** EC2's SDK shapes as the plain model of src/model/network.ts: the one place where the two meet. */
import type {
  IpPermission,
  NetworkAcl as SdkNetworkAcl,
  Route as SdkRoute,
  RouteTable as SdkRouteTable,
  SecurityGroup as SdkSecurityGroup,
  Subnet as SdkSubnet,
  Vpc as SdkVpc,
  VpcEndpoint as SdkVpcEndpoint,
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
} from '../model/network';

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
