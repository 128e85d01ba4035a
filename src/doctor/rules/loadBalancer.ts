// Section 4, load balancer wiring: each target group the service names has target type ip, sits
// in the task's VPC and gets traffic from a listener; the container name and port match the task
// definition; the task's groups admit the container port from the load balancer.
//
// Pure module: no vscode, no AWS SDK.

import { splitArn } from '../../model/arns';
import type { DiagnosisCode } from '../codes';
import { groupsAllowTcp, type Peer } from '../netRules';
import type { LoadBalancer, SecurityGroup } from '../../model/network';
import { describeIngress, type Context, type Draft } from './context';
import { notCollected } from './gaps';

/** The load balancers as a peer of the tasks' groups: their groups, and the CIDRs of their subnets (else the VPC's). */
export function balancerPeer(ctx: Context, balancers: readonly LoadBalancer[]): { peer: Peer; groupIds: string[]; cidrs: string[] } {
  const groupIds = balancers.flatMap((l) => l.securityGroupIds);
  const cidrs = balancers.flatMap((l) => l.subnetIds).map((id) => ctx.s.subnets?.find((x) => x.id === id)?.cidrBlock).filter((c): c is string => !!c);
  return { peer: { groupIds, cidrs: cidrs.length > 0 ? cidrs : ctx.vpcCidr ? [ctx.vpcCidr] : [] }, groupIds, cidrs };
}

/** The tasks as a peer of a load balancer's groups: their groups, and the CIDRs of their subnets (else the VPC's). */
export function taskPeer(ctx: Context, taskGroups: readonly SecurityGroup[]): { groupIds: string[]; cidrs: string[] } {
  const taskCidrs = ctx.subnets.map((t) => t.subnet.cidrBlock);
  return { groupIds: taskGroups.map((g) => g.id), cidrs: taskCidrs.length > 0 ? taskCidrs : ctx.vpcCidr ? [ctx.vpcCidr] : [] };
}

/** Section 4: target group type, VPC and listener; container name and port; the port open to the load balancer. */
export function loadBalancing(ctx: Context): Draft[] {
  const lbs = (ctx.s.launch.loadBalancers ?? []).filter((l) => l.targetGroupArn);
  if (lbs.length === 0) return [];
  const drafts: Draft[] = [];
  const affects: DiagnosisCode[] = ['ELB_HEALTH_CHECK_FAILED'];
  for (const lb of lbs) {
    const arn = lb.targetGroupArn ?? '';
    const tgName = splitArn(arn)?.resource.split('/')[1] ?? arn;
    const container = ctx.s.taskDefinition.containers.find((c) => c.name === lb.containerName);
    if (!container) {
      drafts.push({ code: 'CONTAINER_PORT_MISMATCH', resource: `${arn}:${lb.containerName ?? ''}`, affects, remedies: [], evidence: [`The service sends ${tgName} traffic to container ${lb.containerName ?? '(none)'}, which task definition ${ctx.s.taskDefinition.family} does not have (containers: ${ctx.s.taskDefinition.containers.map((c) => c.name).join(', ')}).`] });
    } else if (!(container.portMappings ?? []).some((p) => p.containerPort === lb.containerPort)) {
      drafts.push({ code: 'CONTAINER_PORT_MISMATCH', resource: `${arn}:${lb.containerName ?? ''}`, affects, remedies: [], evidence: [`The service sends ${tgName} traffic to ${container.name}:${lb.containerPort ?? '(none)'}, but ${container.name} maps only ${(container.portMappings ?? []).map((p) => p.containerPort).join(', ') || 'no ports'}.`] });
    }
    const wiring = ctx.s.loadBalancing?.find((w) => w.targetGroup.arn === arn);
    if (!wiring) {
      drafts.push(...notCollected(ctx, 'loadBalancing', `The wiring of ${tgName} was not collected`));
      continue;
    }
    const tg = wiring.targetGroup;
    if (tg.targetType !== 'ip') {
      drafts.push({ code: 'TARGET_GROUP_NOT_IP', resource: arn, affects, remedies: [], evidence: [`Target group ${tg.name} has target type ${tg.targetType}; Fargate (awsvpc) tasks register by IP, so it must be ip (a target group's type cannot change: create a new one).`] });
    }
    if (tg.vpcId && ctx.vpcId && tg.vpcId !== ctx.vpcId) {
      drafts.push({ code: 'TARGET_GROUP_WRONG_VPC', resource: arn, affects, remedies: [], evidence: [`Target group ${tg.name} is in ${tg.vpcId}, the task subnets in ${ctx.vpcId}.`] });
    }
    if (wiring.loadBalancers.length === 0 || wiring.forwards.length === 0) {
      drafts.push({
        code: 'TARGET_GROUP_NO_LISTENER', resource: arn, affects, remedies: [],
        evidence: [wiring.loadBalancers.length === 0
          ? `Target group ${tg.name} is attached to no load balancer: no listener or rule forwards to it (CreateService rejects such a group).`
          : `No listener of ${wiring.loadBalancers.map((l) => l.name).join(', ')} forwards to target group ${tg.name}.`],
      });
    }
    const port = lb.containerPort;
    const groups = ctx.taskGroups;
    if (port !== undefined && groups && groups.length > 0 && wiring.loadBalancers.length > 0) {
      const { peer, groupIds: lbGroupIds, cidrs: lbCidrs } = balancerPeer(ctx, wiring.loadBalancers);
      if (!groupsAllowTcp(groups, 'ingress', port, peer)) {
        const source = lbGroupIds[0];
        drafts.push({
          code: 'SERVICE_SG_BLOCKS_LB', resource: `${groups[0].id}:${port}`, affects,
          evidence: [
            `The task's group${groups.length === 1 ? '' : 's'} ${groups.map((g) => `${g.id} (${g.name})`).join(', ')} do${groups.length === 1 ? 'es' : ''} not allow TCP ${port} from ${wiring.loadBalancers.map((l) => l.name).join(', ')} (${[...lbGroupIds, ...lbCidrs].join(', ') || 'no group or subnet known'}).`,
            ...groups.map((g) => `${g.id} allows inbound ${describeIngress(g)}.`),
          ],
          remedies: [source ? { kind: 'lbIngress', groupId: groups[0].id, port, sourceGroupId: source } : { kind: 'lbIngress', groupId: groups[0].id, port, cidr: ctx.vpcCidr ?? '' }],
        });
      }
      drafts.push(...lbEgress(ctx, wiring.loadBalancers, groups, port));
    }
  }
  return drafts;
}

/**
 * The other half of the path: a load balancer's groups must let it send to the container port
 * of the tasks (a group's default egress, all traffic, does; a group narrowed to 80/443 out does not).
 */
function lbEgress(ctx: Context, balancers: readonly LoadBalancer[], taskGroups: readonly SecurityGroup[], port: number): Draft[] {
  const peer = taskPeer(ctx, taskGroups);
  return balancers.flatMap((lb): Draft[] => {
    const groups = lb.securityGroupIds.flatMap((id) => ctx.s.securityGroups?.filter((g) => g.id === id) ?? []);
    // A balancer without groups (a Network Load Balancer) or whose groups were not read: nothing to judge.
    if (groups.length === 0 || groups.length < lb.securityGroupIds.length || groupsAllowTcp(groups, 'egress', port, peer)) return [];
    return [{
      code: 'LB_SG_BLOCKS_TASKS', resource: `${lb.arn}:${port}`, affects: ['ELB_HEALTH_CHECK_FAILED'],
      evidence: [
        `${lb.name}'s group${groups.length === 1 ? '' : 's'} ${groups.map((g) => `${g.id} (${g.name})`).join(', ')} allow${groups.length === 1 ? 's' : ''} no outbound TCP ${port} to the tasks (${[...peer.groupIds, ...peer.cidrs].join(', ')}): health checks and requests never reach them.`,
      ],
      remedies: ctx.vpcCidr ? [{ kind: 'lbEgress', groupId: groups[0].id, port, cidr: ctx.vpcCidr }] : [],
    }];
  });
}
