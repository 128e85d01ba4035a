// The network part of the doctor's snapshot: the task subnets, then their VPC's subnets, route
// tables, endpoints, security groups and network ACLs in one round trip (each its own call, so
// that one denied DescribeNetworkAcls costs only the ACL rules), and the NAT gateways when a task
// subnet has no default route. It needs only the service's network configuration, so it starts
// as soon as the service (or the preflight's input) is known.

import type { ServiceSnapshot, SnapshotLaunch } from '../doctor/snapshot';
import { classifySubnet } from '../model/subnetKind';
import type { AwsSession } from './session';
import type { Gaps } from './snapshotGaps';
import { cached, type CollectOptions } from './snapshotReads';

/** The network fields of the snapshot. */
export type NetworkPart = Pick<ServiceSnapshot, 'vpc' | 'subnets' | 'routeTables' | 'endpoints' | 'securityGroups' | 'networkAcls' | 'endpointServices' | 'natGateways' | 'elasticIps'>;

/**
 * The VPC's NAT gateways and ECS Studio's NAT Elastic IPs, read only when a task subnet has no
 * 0.0.0.0/0 route (the one case the NAT remedy is offered, and its steps need them to know what
 * is done). Not a gap when the read fails: the applier reads again before every NAT change.
 */
async function collectNat(session: AwsSession, vpcId: string, taskSubnetIds: readonly string[], part: NetworkPart, options: CollectOptions): Promise<Pick<ServiceSnapshot, 'natGateways' | 'elasticIps'>> {
  const tables = part.routeTables ?? [];
  const isolated = (part.subnets ?? []).some((x) => taskSubnetIds.includes(x.id) && classifySubnet(x, tables).kind === 'isolated');
  if (!isolated) return {};
  const [natGateways, elasticIps] = await Promise.all([
    cached(session, options, `natGateways:${vpcId}`, () => session.natGateways.describeNatGateways(vpcId, options)).catch(() => undefined),
    cached(session, options, 'natElasticIps', () => session.natGateways.describeNatElasticIps(options)).catch(() => undefined),
  ]);
  return { ...(natGateways ? { natGateways } : {}), ...(elasticIps ? { elasticIps } : {}) };
}

export async function collectNetwork(session: AwsSession, launch: SnapshotLaunch, gaps: Gaps, options: CollectOptions): Promise<NetworkPart> {
  const config = launch.awsvpcConfiguration;
  const wantServices = options.endpointServices ?? true;
  const endpointServicesRead = wantServices
    ? gaps.read('endpointServices', undefined, () => cached(session, options, 'endpointServices', () => session.ec2.listVpcEndpointServiceNames(options)))
    : Promise.resolve(undefined);
  // Read beside the subnets: if their read fails (or is cancelled) first, this one's failure is
  // already answered by that one, not left unhandled.
  endpointServicesRead.catch(() => undefined);
  if (config.subnets.length === 0) {
    gaps.add('vpc', undefined, 'the service has no awsvpc network configuration (no subnets)');
    const endpointServices = await endpointServicesRead;
    return endpointServices ? { endpointServices } : {};
  }
  const taskSubnets = await gaps.read('subnets', config.subnets.join(','), () =>
    cached(session, options, `subnets:${config.subnets.join(',')}`, () => session.ec2.describeSubnets({ ids: config.subnets }, options)));
  const vpcId = taskSubnets?.[0]?.vpcId;
  if (!vpcId) {
    const endpointServices = await endpointServicesRead;
    if (taskSubnets) gaps.add('vpc', undefined, `none of the task subnets (${config.subnets.join(', ')}) exists`);
    return { ...(taskSubnets ? { subnets: taskSubnets } : {}), ...(endpointServices ? { endpointServices } : {}) };
  }
  const inVpc = { vpcId };
  const [vpcs, dns, subnets, routeTables, endpoints, securityGroups, networkAcls, endpointServices] = await Promise.all([
    gaps.read('vpc', vpcId, () => cached(session, options, `vpc:${vpcId}`, () => session.ec2.describeVpcs([vpcId], options))),
    gaps.read('vpcDnsAttributes', vpcId, () => cached(session, options, `vpcDns:${vpcId}`, () => session.ec2.describeVpcDnsAttributes(vpcId, options))),
    gaps.read('subnets', vpcId, () => cached(session, options, `vpcSubnets:${vpcId}`, () => session.ec2.describeSubnets(inVpc, options))),
    gaps.read('routeTables', vpcId, () => cached(session, options, `routeTables:${vpcId}`, () => session.ec2.describeRouteTables(inVpc, options))),
    gaps.read('endpoints', vpcId, () => cached(session, options, `endpoints:${vpcId}`, () => session.ec2.describeVpcEndpoints(inVpc, options))),
    gaps.read('securityGroups', vpcId, () => session.ec2.describeSecurityGroups(inVpc, options)),
    gaps.read('networkAcls', vpcId, () => cached(session, options, `networkAcls:${vpcId}`, () => session.ec2.describeNetworkAcls(inVpc, options))),
    endpointServicesRead,
  ]);
  const vpc = vpcs?.[0];
  if (vpcs && !vpc) gaps.add('vpc', vpcId, 'not found');
  const nat = await collectNat(session, vpcId, config.subnets, { subnets: subnets ?? taskSubnets ?? [], ...(routeTables ? { routeTables } : {}) }, options);
  return {
    ...nat,
    ...(vpc ? { vpc: dns ? { ...vpc, dnsSupport: dns.dnsSupport, dnsHostnames: dns.dnsHostnames } : vpc } : {}),
    // The VPC's subnets; if that read failed, at least the task subnets read first.
    subnets: subnets ?? taskSubnets ?? [],
    ...(routeTables ? { routeTables } : {}),
    ...(endpoints ? { endpoints } : {}),
    ...(securityGroups ? { securityGroups } : {}),
    ...(networkAcls ? { networkAcls } : {}),
    ...(endpointServices ? { endpointServices } : {}),
  };
}

