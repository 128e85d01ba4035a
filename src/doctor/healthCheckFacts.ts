// What a target group's health check asks of a task, in words, and the order of the links of
// the path a health check takes (listener, target group, container port, security groups both
// ways, protocol, timing, the application). The health check rules (rules/healthChecks.ts) and
// the stopped-task join (stoppedTasks.ts) share them, so a failed-ELB-health-check task and a
// TARGETS_UNHEALTHY finding say the same thing.
//
// Pure module: no vscode, no AWS SDK.

import type { DoctorCode } from './analysisCodes';
import type { ServiceSnapshot } from './snapshot';
import type { TargetGroup, TargetHealth } from '../model/network';

/**
 * The links of a load balancer health check's path, first to last: a finding of an earlier code
 * is the first broken link (the later ones cannot be judged past it).
 */
export const HEALTH_PATH_ORDER: readonly DoctorCode[] = [
  'TARGET_GROUP_NOT_IP',
  'TARGET_GROUP_WRONG_VPC',
  'TARGET_GROUP_NO_LISTENER',
  'CONTAINER_PORT_MISMATCH',
  'HEALTH_CHECK_PORT_NOT_SERVED',
  'LB_SG_BLOCKS_TASKS',
  'SERVICE_SG_BLOCKS_LB',
  'HEALTH_CHECK_PORT_BLOCKED',
  'HEALTH_CHECK_PROTOCOL_MISMATCH',
  'HEALTH_CHECK_GRACE_PERIOD_SHORT',
  'TARGETS_UNHEALTHY',
];

/** Path order of a code; codes off the path (an endpoint, a role) come after every link. */
export function healthPathRank(code: DoctorCode): number {
  const i = HEALTH_PATH_ORDER.indexOf(code);
  return i < 0 ? HEALTH_PATH_ORDER.length : i;
}

/**
 * The port a health check goes to: `traffic-port` (or nothing) is the port ECS registers the
 * task under, the service's containerPort; undefined when neither is known or the port is junk.
 */
export function healthCheckPortOf(tg: Pick<TargetGroup, 'healthCheckPort'>, trafficPort: number | undefined): number | undefined {
  const p = tg.healthCheckPort;
  if (p === undefined || p === '' || p === 'traffic-port') return trafficPort;
  const n = Number(p);
  return Number.isInteger(n) && n > 0 && n <= 65535 ? n : undefined;
}

/** States in which the load balancer says the health check fails now. */
export function failingTargets(targets: readonly TargetHealth[] | undefined): TargetHealth[] {
  return (targets ?? []).filter((t) => t.state === 'unhealthy' || t.state === 'unhealthy.draining');
}

const REASON_MEANS: Readonly<Record<string, string>> = {
  'Target.Timeout': 'no answer within the timeout: nothing listens on the port, something drops the check, or the application is too slow',
  'Target.ResponseCodeMismatch': 'the application answers, but not with the expected code (a wrong path, a redirect, a login page)',
  'Target.FailedHealthChecks': 'the connection or the check failed (refused, reset, or a TLS handshake that did not complete)',
};

/** "Target health of tg now: 10.0.2.15:8080 unhealthy (Target.Timeout: Request timed out); ..." */
export function targetHealthSentences(tgName: string, targets: readonly TargetHealth[]): string[] {
  const failing = failingTargets(targets);
  if (failing.length === 0) return [];
  const shown = failing.slice(0, 4).map((t) =>
    `${t.id}${t.port !== undefined ? `:${t.port}` : ''} ${t.state}${t.reason ? ` (${t.reason}${t.description ? `: ${t.description}` : ''})` : ''}`);
  const more = failing.length > shown.length ? `; and ${failing.length - shown.length} more` : '';
  const reasons = [...new Set(failing.map((t) => t.reason).filter((r): r is string => !!r && r in REASON_MEANS))];
  return [
    `The load balancer reports ${failing.length} of ${targets.length} target${targets.length === 1 ? '' : 's'} of ${tgName} failing now: ${shown.join('; ')}${more}.`,
    ...reasons.map((r) => `${r} means ${REASON_MEANS[r]}.`),
  ];
}

/** "HTTP GET /health expecting 200 on port 8080 within 5 s" */
function checkWords(tg: TargetGroup, port: number | undefined): string {
  const protocol = tg.healthCheckProtocol ?? tg.protocol ?? 'HTTP';
  const on = `on port ${port ?? '?'}`;
  const within = tg.healthCheckTimeoutSeconds !== undefined ? ` within ${tg.healthCheckTimeoutSeconds} s` : '';
  if (protocol === 'HTTP' || protocol === 'HTTPS') {
    return `answer ${protocol} GET ${tg.healthCheckPath ?? '/'} with ${tg.healthCheckMatcher ?? '200'} ${on}${within}`;
  }
  return `accept a ${protocol} connection ${on}${within}`;
}

/**
 * What the application itself must do to pass, and how to look: the one part of the path no
 * snapshot proves.
 */
export function applicationMustAnswer(s: ServiceSnapshot, tg: TargetGroup, trafficPort: number | undefined): string[] {
  const port = healthCheckPortOf(tg, trafficPort);
  const timing = tg.healthCheckIntervalSeconds !== undefined && tg.unhealthyThresholdCount !== undefined
    ? ` ${tg.unhealthyThresholdCount} failures ${tg.healthCheckIntervalSeconds} s apart mark a target unhealthy${tg.healthyThresholdCount !== undefined ? `, ${tg.healthyThresholdCount} answers make it healthy` : ''}.`
    : '';
  const grace = s.launch.healthCheckGracePeriodSeconds;
  const groups = [...new Set(s.taskDefinition.containers.flatMap((c) => {
    const g = c.logConfiguration?.logDriver === 'awslogs' ? c.logConfiguration.options?.['awslogs-group'] : undefined;
    return g ? [g] : [];
  }))];
  const path = tg.healthCheckPath ?? '/';
  return [
    `The application must ${checkWords(tg, port)} (target group ${tg.name}).${timing}`,
    `To check: the container's logs${groups.length > 0 ? ` (log group ${groups.join(', ')})` : ''} for the requests to ${path} and for errors at start; ` +
      `that ${path} answers on port ${port ?? '?'} at the task's own IP address, not only on 127.0.0.1 (a server bound to localhost never sees the check; ECS Exec lets you try); ` +
      `and the service's grace period (${grace === undefined ? 'not set, 0 s' : `${grace} s`}) against how long the application takes to start.`,
  ];
}

/** True when the snapshot holds every part of the path (wiring of each target group, the groups), so "no link is broken" is a finding of fact. */
export function healthPathRead(s: ServiceSnapshot): boolean {
  const arns = (s.launch.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn ? [lb.targetGroupArn] : []));
  return arns.length > 0 && s.securityGroups !== undefined &&
    !s.gaps.some((g) => g.subject === 'loadBalancing' || g.subject === 'securityGroups') &&
    arns.every((arn) => s.loadBalancing?.some((w) => w.targetGroup.arn === arn));
}

/** The sentence for a health check path with no broken link. */
export function pathSoundSentence(s: ServiceSnapshot): string {
  const names = [...new Set((s.loadBalancing ?? []).flatMap((w) => w.loadBalancers.map((l) => l.name)))];
  return `No link of the health check path is broken now: ${names.join(', ') || 'the load balancer'} forwards to the target group, ` +
    'the task serves the checked port, and the security groups let the check in and out. The application itself must pass the check.';
}
