// Resources a service creation will make that do not exist yet: the tasks' new security group,
// a new load balancer with its own group and listener, a new target group. The preflight puts
// them into the snapshot under placeholder ids (`planned:serviceSecurityGroup`), with the rules
// they will be created with, so that the analyzer judges the configuration as it will be: a
// planned task group that opens the container port to the load balancer's group does not block
// it, a planned group's default egress (all traffic) reaches the endpoints.
//
// The input is in the doctor's own terms; the caller maps its form to it (src/forms is a sibling
// the doctor never imports).
//
// Pure module: no vscode, no AWS SDK.

import type { LoadBalancer, LoadBalancerWiring, SecurityGroup, SecurityGroupRule } from '../model/network';
import type { ServiceSnapshot } from './snapshot';
import type { PlannedRefName } from './types';

export type { PlannedRefName } from './types';

const PREFIX = 'planned:';

/** The placeholder id a planned resource has in a preflight snapshot. */
export function plannedId(ref: PlannedRefName | 'listener'): string {
  return `${PREFIX}${ref}`;
}

const REFS: readonly PlannedRefName[] = ['serviceSecurityGroup', 'loadBalancerSecurityGroup', 'loadBalancer', 'targetGroup'];

/** The planned resource a placeholder id stands for; undefined for a real id. */
export function plannedRefOf(id: string): PlannedRefName | undefined {
  return REFS.find((r) => id === plannedId(r));
}

export function isPlannedId(id: string): boolean {
  return id.startsWith(PREFIX);
}

/** One inbound rule a planned group is created with: TCP `port` from a CIDR or from a group (an id, or `plannedId('loadBalancerSecurityGroup')`). */
export interface PlannedIngress {
  readonly port: number;
  readonly cidr?: string;
  readonly sourceGroupId?: string;
}

export interface PlannedSecurityGroup {
  readonly name: string;
  readonly ingress: readonly PlannedIngress[];
}

/** A new internet-facing Application Load Balancer, in `subnetIds`, with its own new group. */
export interface PlannedLoadBalancer {
  readonly name: string;
  readonly subnetIds: readonly string[];
  readonly securityGroup: PlannedSecurityGroup;
}

/** A new target group. It forwards from a new listener on `listenerPort` when given; otherwise no listener does. */
export interface PlannedTargetGroup {
  readonly name: string;
  readonly port: number;
  readonly healthCheckPath: string;
  /** `ip` unless told otherwise (ECS Studio only makes `ip` groups). */
  readonly targetType?: string;
  /** An existing load balancer's ARN; absent: the planned load balancer. */
  readonly loadBalancerArn?: string;
  readonly listenerPort?: number;
}

export interface PlannedResources {
  /** The tasks' new group, made with the service and added to its security groups. */
  readonly serviceSecurityGroup?: PlannedSecurityGroup;
  readonly loadBalancer?: PlannedLoadBalancer;
  readonly targetGroup?: PlannedTargetGroup;
}

/** What a group gets from EC2 when created: no inbound rule, all traffic out. */
const DEFAULT_EGRESS: SecurityGroupRule = { protocol: '-1', fromPort: 0, toPort: 65535, cidrs: ['0.0.0.0/0'], ipv6Cidrs: [], groupIds: [], prefixListIds: [] };

function toGroup(ref: PlannedRefName, g: PlannedSecurityGroup, vpcId: string, description: string): SecurityGroup {
  return {
    id: plannedId(ref),
    name: g.name,
    vpcId,
    description,
    ingress: g.ingress.map((r) => ({
      protocol: 'tcp', fromPort: r.port, toPort: r.port, ipv6Cidrs: [], prefixListIds: [],
      cidrs: r.cidr ? [r.cidr] : [], groupIds: r.sourceGroupId ? [r.sourceGroupId] : [],
    })),
    egress: [DEFAULT_EGRESS],
  };
}

function plannedLoadBalancer(lb: PlannedLoadBalancer, vpcId: string, snapshot: ServiceSnapshot): LoadBalancer {
  return {
    arn: plannedId('loadBalancer'), name: lb.name, type: 'application', scheme: 'internet-facing', vpcId, state: 'provisioning',
    stateReason: undefined, dnsName: '', securityGroupIds: [plannedId('loadBalancerSecurityGroup')],
    availabilityZones: lb.subnetIds.map((id) => ({ subnetId: id, zoneName: snapshot.subnets?.find((s) => s.id === id)?.availabilityZone ?? '' })),
    subnetIds: [...lb.subnetIds], ipAddressType: 'ipv4',
  };
}

function plannedWiring(tg: PlannedTargetGroup, vpcId: string, balancer: LoadBalancer | undefined): LoadBalancerWiring {
  const arn = plannedId('targetGroup');
  const targetGroup = {
    arn, name: tg.name, protocol: 'HTTP', port: tg.port, targetType: tg.targetType ?? 'ip', vpcId,
    healthCheckEnabled: true, healthCheckProtocol: 'HTTP', healthCheckPath: tg.healthCheckPath, healthCheckPort: 'traffic-port',
    healthCheckMatcher: '200', healthCheckIntervalSeconds: 30, healthCheckTimeoutSeconds: 5, healthyThresholdCount: 5, unhealthyThresholdCount: 2,
    loadBalancerArns: balancer && tg.listenerPort !== undefined ? [balancer.arn] : [],
  };
  if (!balancer || tg.listenerPort === undefined) return { targetGroup, loadBalancers: [], forwards: [] };
  const listener = {
    arn: plannedId('listener'), loadBalancerArn: balancer.arn, port: tg.listenerPort, protocol: 'HTTP',
    defaultActions: [{ type: 'forward', order: 1, targetGroupArns: [arn] }],
  };
  return { targetGroup, loadBalancers: [balancer], forwards: [{ listener, byDefaultAction: true, rules: [] }] };
}

/**
 * The snapshot as the service would see it once the planned resources exist: the planned groups
 * among the VPC's groups (the task's new one among the task's groups too), the planned target
 * group's wiring among the load balancing, the service sending its traffic there. `existing` is
 * the existing load balancer a planned target group hangs off, when the collector read it.
 * Parts the collector could not read stay unread (a gap stays a gap).
 */
export function withPlannedResources(snapshot: ServiceSnapshot, planned: PlannedResources, existing?: LoadBalancer): ServiceSnapshot {
  const vpcId = snapshot.vpc?.id ?? snapshot.subnets?.find((s) => snapshot.launch.awsvpcConfiguration.subnets.includes(s.id))?.vpcId ?? '';
  const groups: SecurityGroup[] = [];
  if (planned.loadBalancer) groups.push(toGroup('loadBalancerSecurityGroup', planned.loadBalancer.securityGroup, vpcId, `load balancer ${planned.loadBalancer.name}`));
  if (planned.serviceSecurityGroup) groups.push(toGroup('serviceSecurityGroup', planned.serviceSecurityGroup, vpcId, 'tasks of the new service'));

  const config = snapshot.launch.awsvpcConfiguration;
  const taskGroups = planned.serviceSecurityGroup && !config.securityGroups.includes(plannedId('serviceSecurityGroup'))
    ? [...config.securityGroups, plannedId('serviceSecurityGroup')]
    : config.securityGroups;

  let loadBalancers = snapshot.launch.loadBalancers;
  let loadBalancing = snapshot.loadBalancing;
  const tg = planned.targetGroup;
  if (tg) {
    const balancer = tg.loadBalancerArn === undefined
      ? (planned.loadBalancer ? plannedLoadBalancer(planned.loadBalancer, vpcId, snapshot) : undefined)
      : existing?.arn === tg.loadBalancerArn ? existing : undefined;
    // The service sends the planned group its traffic: entries without a target group get it.
    loadBalancers = (loadBalancers ?? []).map((l) => (l.targetGroupArn ? l : { ...l, targetGroupArn: plannedId('targetGroup') }));
    // An existing load balancer that was not read leaves the wiring unknown (its gap says why), never "no listener".
    if (balancer || tg.loadBalancerArn === undefined) {
      const wiring = plannedWiring(tg, vpcId, balancer);
      loadBalancing = [...(loadBalancing ?? []).filter((w) => w.targetGroup.arn !== wiring.targetGroup.arn), wiring];
    }
  }
  return {
    ...snapshot,
    launch: {
      ...snapshot.launch,
      awsvpcConfiguration: { ...config, securityGroups: taskGroups },
      ...(loadBalancers ? { loadBalancers } : {}),
    },
    ...(snapshot.securityGroups ? { securityGroups: [...snapshot.securityGroups.filter((g) => !isPlannedId(g.id)), ...groups] } : {}),
    ...(loadBalancing ? { loadBalancing } : {}),
  };
}
