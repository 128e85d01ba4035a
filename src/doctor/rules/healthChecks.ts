// Section 4, the load balancer's health check: for each target group the service names, the
// check must reach a port the task serves (traffic-port is the containerPort ECS registers), the
// security groups must let it in on the tasks and out of the load balancer when it is not the
// traffic port (the traffic port is loadBalancer.ts's), it must speak the protocol of the traffic
// when it checks the same port, and the load balancer must not give up on a task before the
// container's own declared start period is over. DescribeTargetHealth is evidence: a healthy
// target proves the check passes (no finding against it), failing targets add their reason codes,
// and failing targets with no broken link are TARGETS_UNHEALTHY: the application itself.
//
// Pure module: no vscode, no AWS SDK.

import type { DiagnosisCode } from '../codes';
import { ANALYSIS_CODE_INFO, isAnalysisCode } from '../analysisCodes';
import {
  applicationMustAnswer,
  healthCheckPortOf,
  healthPathRank,
  healthPathRead,
  pathSoundSentence,
  targetHealthSentences,
} from '../healthCheckFacts';
import { groupsAllowTcp } from '../netRules';
import type { LoadBalancerWiring, TargetGroup, TargetHealth } from '../../model/network';
import { describeIngress, type Context, type Draft } from './context';
import { balancerPeer, taskPeer } from './loadBalancer';

const AFFECTS: readonly DiagnosisCode[] = ['ELB_HEALTH_CHECK_FAILED'];

/**
 * The health check rules of each target group, after loadBalancing's drafts (the links before
 * them): returns those drafts, with the load balancer's reason codes added to the broken links of
 * their target group, then its own.
 */
export function healthChecks(ctx: Context, wiringDrafts: readonly Draft[]): Draft[] {
  let before = [...wiringDrafts];
  const drafts: Draft[] = [];
  for (const lb of ctx.s.launch.loadBalancers ?? []) {
    const wiring = ctx.s.loadBalancing?.find((w) => w.targetGroup.arn === lb.targetGroupArn);
    // No wiring: loadBalancing said so. Not ip: TARGET_GROUP_NOT_IP. No containerPort: nothing to compare.
    if (!wiring || wiring.targetGroup.targetType !== 'ip' || !wiring.targetGroup.healthCheckEnabled || lb.containerPort === undefined) continue;
    const tg = wiring.targetGroup;
    const trafficPort = lb.containerPort;
    const checkPort = healthCheckPortOf(tg, trafficPort);
    if (checkPort === undefined) continue;
    const targets = ctx.s.targetHealth?.find((h) => h.targetGroupArn === tg.arn)?.targets;
    // A healthy target is AWS saying the check passes: nothing about the check itself is broken.
    const passing = (targets ?? []).some((t) => t.state === 'healthy');
    const own: Draft[] = [];
    if (checkPort !== trafficPort) {
      const served = ctx.s.taskDefinition.containers.some((c) => (c.portMappings ?? []).some((p) => p.containerPort === checkPort));
      if (!served && !passing) own.push(notServed(ctx, tg, lb.containerName, trafficPort, checkPort));
      if (served) own.push(...blocked(ctx, wiring, checkPort, trafficPort));
    } else if (!passing) {
      own.push(...protocolMismatch(tg, trafficPort));
    }
    own.push(...gracePeriod(ctx, tg));
    const judged = withTargetEvidence(ctx, tg, trafficPort, targets, own, before);
    before = judged.wiring;
    drafts.push(...judged.own);
  }
  return [...before, ...drafts];
}

/** A loadBalancing draft about this target group's path: its ARN, or a group blocking its traffic port. */
function onPathOf(d: Draft, tg: TargetGroup, trafficPort: number): boolean {
  if (d.resource === tg.arn || d.resource.startsWith(`${tg.arn}:`)) return true;
  return (d.code === 'SERVICE_SG_BLOCKS_LB' || d.code === 'LB_SG_BLOCKS_TASKS') && d.resource.endsWith(`:${trafficPort}`);
}

function notServed(ctx: Context, tg: TargetGroup, containerName: string | undefined, trafficPort: number, checkPort: number): Draft {
  const containers = ctx.s.taskDefinition.containers;
  const mapped = containers.flatMap((c) => (c.portMappings ?? []).map((p) => `${c.name}:${p.containerPort ?? '?'}`));
  const trafficServed = containers.some((c) => c.name === containerName && (c.portMappings ?? []).some((p) => p.containerPort === trafficPort));
  return {
    code: 'HEALTH_CHECK_PORT_NOT_SERVED', resource: `${tg.arn}:${checkPort}`, affects: AFFECTS,
    evidence: [
      `Target group ${tg.name} checks health on port ${checkPort}, but the tasks receive its traffic on ${trafficPort} and no container of ` +
        `${ctx.s.taskDefinition.family} maps ${checkPort} (they map ${mapped.join(', ') || 'no ports'}): the check finds nothing listening and can never pass.`,
      ...(trafficServed ? [`${containerName ?? 'The container'} serves ${trafficPort}: checking the traffic port (traffic-port) reaches the application.`] : []),
    ],
    remedies: trafficServed ? [{ kind: 'targetGroupHealthCheck', targetGroupArn: tg.arn, port: 'traffic-port' }] : [],
  };
}

/** A health check port apart from the traffic port needs its own way in on the tasks' groups and out of the load balancer's. */
function blocked(ctx: Context, wiring: LoadBalancerWiring, checkPort: number, trafficPort: number): Draft[] {
  const groups = ctx.taskGroups;
  if (!groups || groups.length === 0 || wiring.loadBalancers.length === 0) return [];
  const tg = wiring.targetGroup;
  const drafts: Draft[] = [];
  const { peer, groupIds, cidrs } = balancerPeer(ctx, wiring.loadBalancers);
  if (!groupsAllowTcp(groups, 'ingress', checkPort, peer)) {
    const source = groupIds[0];
    drafts.push({
      code: 'HEALTH_CHECK_PORT_BLOCKED', resource: `${groups[0].id}:${checkPort}`, affects: AFFECTS,
      evidence: [
        `Target group ${tg.name} checks health on port ${checkPort} (its traffic goes to ${trafficPort}), and the task's group${groups.length === 1 ? '' : 's'} ` +
          `${groups.map((g) => `${g.id} (${g.name})`).join(', ')} do${groups.length === 1 ? 'es' : ''} not allow TCP ${checkPort} from ` +
          `${wiring.loadBalancers.map((l) => l.name).join(', ')} (${[...groupIds, ...cidrs].join(', ') || 'no group or subnet known'}): the checks are dropped.`,
        ...groups.map((g) => `${g.id} allows inbound ${describeIngress(g)}.`),
      ],
      remedies: [source
        ? { kind: 'lbIngress', groupId: groups[0].id, port: checkPort, sourceGroupId: source }
        : { kind: 'lbIngress', groupId: groups[0].id, port: checkPort, cidr: ctx.vpcCidr ?? '' }],
    });
  }
  const out = taskPeer(ctx, groups);
  for (const lb of wiring.loadBalancers) {
    const lbGroups = lb.securityGroupIds.flatMap((id) => ctx.s.securityGroups?.filter((g) => g.id === id) ?? []);
    // No groups (a Network Load Balancer without them) or groups not read: nothing to judge.
    if (lbGroups.length === 0 || lbGroups.length < lb.securityGroupIds.length || groupsAllowTcp(lbGroups, 'egress', checkPort, out)) continue;
    drafts.push({
      code: 'HEALTH_CHECK_PORT_BLOCKED', resource: `${lb.arn}:${checkPort}`, affects: AFFECTS,
      evidence: [
        `Target group ${tg.name} checks health on port ${checkPort}, and ${lb.name}'s group${lbGroups.length === 1 ? '' : 's'} ` +
          `${lbGroups.map((g) => `${g.id} (${g.name})`).join(', ')} allow${lbGroups.length === 1 ? 's' : ''} no outbound TCP ${checkPort} to the tasks ` +
          `(${[...out.groupIds, ...out.cidrs].join(', ')}): the checks never leave the load balancer.`,
      ],
      remedies: ctx.vpcCidr ? [{ kind: 'lbEgress', groupId: lbGroups[0].id, port: checkPort, cidr: ctx.vpcCidr }] : [],
    });
  }
  return drafts;
}

/** HTTP traffic and an HTTPS check (or the other way) on one port: one port speaks one of them. */
function protocolMismatch(tg: TargetGroup, trafficPort: number): Draft[] {
  const traffic = tg.protocol;
  const check = tg.healthCheckProtocol;
  const web = (p: string | undefined): p is 'HTTP' | 'HTTPS' => p === 'HTTP' || p === 'HTTPS';
  if (!web(traffic) || !web(check) || traffic === check) return [];
  return [{
    code: 'HEALTH_CHECK_PROTOCOL_MISMATCH', resource: tg.arn, affects: AFFECTS,
    evidence: [
      `Target group ${tg.name} sends traffic to the tasks as ${traffic} on port ${trafficPort} but checks them with ${check} on the same port: ` +
        (check === 'HTTPS' ? 'a TLS handshake with a plain HTTP server fails, so the check never passes.' : 'plain HTTP to a TLS server fails, so the check never passes.'),
    ],
    remedies: [{ kind: 'targetGroupHealthCheck', targetGroupArn: tg.arn, protocol: traffic }],
  }];
}

/**
 * The container says how long it may take to start (healthCheck.startPeriod); ECS stops a task the
 * load balancer marks unhealthy once the grace period is over, and the load balancer does so after
 * unhealthyThreshold failures `interval` apart. Only an existing service has a grace period to judge.
 */
function gracePeriod(ctx: Context, tg: TargetGroup): Draft[] {
  if (!ctx.s.service || tg.healthCheckIntervalSeconds === undefined || tg.unhealthyThresholdCount === undefined) return [];
  const slowest = ctx.s.taskDefinition.containers
    .filter((c) => c.essential !== false && (c.healthCheck?.startPeriod ?? 0) > 0)
    .sort((a, b) => (b.healthCheck?.startPeriod ?? 0) - (a.healthCheck?.startPeriod ?? 0))[0];
  const start = slowest?.healthCheck?.startPeriod;
  if (!slowest || start === undefined) return [];
  const grace = ctx.s.launch.healthCheckGracePeriodSeconds ?? 0;
  const window = grace + tg.unhealthyThresholdCount * tg.healthCheckIntervalSeconds;
  if (window >= start) return [];
  return [{
    code: 'HEALTH_CHECK_GRACE_PERIOD_SHORT', resource: tg.arn, affects: AFFECTS,
    evidence: [
      `Container ${slowest.name} declares it may take up to ${start} s to start (healthCheck.startPeriod), but the service's grace period is ` +
        `${ctx.s.launch.healthCheckGracePeriodSeconds === undefined ? 'not set (0 s)' : `${grace} s`} and ${tg.name} marks a target unhealthy after ` +
        `${tg.unhealthyThresholdCount} failed checks ${tg.healthCheckIntervalSeconds} s apart: ECS can stop a task after about ${window} s, before it has started.`,
      `Set the service's healthCheckGracePeriodSeconds to at least ${start} (UpdateService), or make the application answer sooner.`,
    ],
    remedies: [],
  }];
}

/**
 * The load balancer's own view: on this target group's broken links, its reason codes as more
 * evidence; with no broken link anywhere on the path, failing targets are TARGETS_UNHEALTHY.
 */
function withTargetEvidence(
  ctx: Context, tg: TargetGroup, trafficPort: number, targets: readonly TargetHealth[] | undefined, own: Draft[], wiring: Draft[],
): { wiring: Draft[]; own: Draft[] } {
  const said = targets ? targetHealthSentences(tg.name, targets) : [];
  if (said.length === 0) return { wiring, own };
  const isError = (d: Draft) => (d.severity ?? (isAnalysisCode(d.code) ? ANALYSIS_CODE_INFO[d.code].severity : 'error')) === 'error';
  const link = (d: Draft) => isError(d) && healthPathRank(d.code) < healthPathRank('TARGETS_UNHEALTHY');
  const withSaid = (d: Draft) => ({ ...d, evidence: [...d.evidence, ...said] });
  if ([...wiring, ...own].some(link)) {
    return { wiring: wiring.map((d) => (link(d) && onPathOf(d, tg, trafficPort) ? withSaid(d) : d)), own: own.map((d) => (link(d) ? withSaid(d) : d)) };
  }
  const sound = healthPathRead(ctx.s) ? [pathSoundSentence(ctx.s)] : [];
  return {
    wiring,
    own: [...own, {
      code: 'TARGETS_UNHEALTHY', resource: tg.arn, affects: AFFECTS, remedies: [],
      evidence: [...said, ...sound, ...applicationMustAnswer(ctx.s, tg, trafficPort)],
    }],
  };
}

