// The service map's front half: the internet, each load balancer (scheme, listeners, security
// groups), each target group (type, port, target health) and the edges down to the tasks, broken
// by the load balancer rules' findings (no listener, target type, groups that block the
// container or health check port, unhealthy targets).
//
// Pure module: no vscode, no AWS SDK.

import type { LoadBalancer, LoadBalancerWiring, SecurityGroup } from '../../model/network';
import type { Context } from '../rules/context';
import type { AnalyzerFinding } from '../types';
import type { EdgeBook } from './edgeBook';
import type { MapNode } from './mapTypes';

export const INTERNET = 'internet';

export function lbId(arn: string): string {
  return `lb:${arn}`;
}

export function tgId(arn: string): string {
  return `tg:${arn}`;
}

/** A group's inbound rules on one port, in words: "sg-0alb: TCP 80 from 203.0.113.10/32". */
export function inboundOn(group: SecurityGroup, port: number): string {
  const rules = group.ingress.filter((r) => r.protocol === '-1' || (r.fromPort <= port && port <= r.toPort));
  if (rules.length === 0) return `${group.id}: nothing on TCP ${port}`;
  const from = [...new Set(rules.flatMap((r) => [...r.cidrs, ...r.ipv6Cidrs, ...r.groupIds, ...r.prefixListIds]))];
  return `${group.id}: TCP ${port} from ${from.join(', ') || 'nowhere'}`;
}

function listenersOf(wiring: LoadBalancerWiring, lb: LoadBalancer): string[] {
  return wiring.forwards.filter((f) => f.listener.loadBalancerArn === lb.arn).map((f) => `${f.listener.protocol}:${f.listener.port}`);
}

/** The groups when every one was read ([] for a balancer without groups, read or not); undefined when one was not. */
function groupsOf(ctx: Context, ids: readonly string[]): SecurityGroup[] | undefined {
  const groups = ids.flatMap((id) => ctx.s.securityGroups?.filter((g) => g.id === id) ?? []);
  return groups.length === ids.length ? groups : undefined;
}

function healthLine(ctx: Context, tgArn: string): string {
  const health = ctx.s.targetHealth?.find((h) => h.targetGroupArn === tgArn);
  if (!health) return 'target health not read';
  if (health.targets.length === 0) return 'no targets registered';
  const counts = new Map<string, number>();
  for (const t of health.targets) counts.set(t.state, (counts.get(t.state) ?? 0) + 1);
  return `targets: ${[...counts].map(([state, n]) => `${n} ${state}`).join(', ')}`;
}

/** The findings about one target group's path to the tasks (by their resource: the group, a balancer, a task group and port). */
function targetFindings(findings: readonly AnalyzerFinding[], wiring: LoadBalancerWiring, taskGroupIds: readonly string[]): AnalyzerFinding[] {
  const tg = wiring.targetGroup.arn;
  const lbs = wiring.loadBalancers.map((l) => l.arn);
  return findings.filter((f) => {
    switch (f.code) {
      case 'TARGET_GROUP_NOT_IP': case 'TARGET_GROUP_WRONG_VPC': case 'HEALTH_CHECK_PROTOCOL_MISMATCH': case 'TARGETS_UNHEALTHY':
      case 'HEALTH_CHECK_PORT_NOT_SERVED': case 'CONTAINER_PORT_MISMATCH':
        return f.resource === tg || f.resource.startsWith(`${tg}:`);
      case 'SERVICE_SG_BLOCKS_LB': case 'LB_SG_BLOCKS_TASKS': case 'HEALTH_CHECK_PORT_BLOCKED':
        return [...lbs, ...taskGroupIds].some((id) => f.resource.startsWith(`${id}:`));
      default:
        return false;
    }
  });
}

/** The groups a target finding names: the task groups that do not admit the balancer, or the balancer's that do not send. */
function targetBlockers(f: AnalyzerFinding, wiring: LoadBalancerWiring): string[] {
  if (f.code === 'SERVICE_SG_BLOCKS_LB' || f.code === 'HEALTH_CHECK_PORT_BLOCKED') {
    const lb = wiring.loadBalancers.find((l) => f.resource.startsWith(`${l.arn}:`));
    return lb ? [...lb.securityGroupIds] : [f.resource.slice(0, f.resource.lastIndexOf(':'))];
  }
  // LB_SG_BLOCKS_TASKS names its balancer; the target group's own findings name none.
  return wiring.loadBalancers.filter((l) => f.resource.startsWith(`${l.arn}:`)).flatMap((l) => l.securityGroupIds);
}

/**
 * The front half's nodes and edges; `taskNodes` are the tasks' nodes the target groups send to.
 * Only the target groups the service names are drawn, each with the balancers that hold it.
 */
export function frontEnd(ctx: Context, findings: readonly AnalyzerFinding[], taskNodes: readonly string[], book: EdgeBook): MapNode[] {
  const nodes: MapNode[] = [];
  for (const entry of ctx.s.launch.loadBalancers ?? []) {
    const arn = entry.targetGroupArn;
    if (!arn) continue;
    const wiring = ctx.s.loadBalancing?.find((w) => w.targetGroup.arn === arn);
    const tgNode = tgId(arn);
    if (nodes.some((n) => n.id === tgNode)) continue;
    if (!wiring) {
      nodes.push({ id: tgNode, kind: 'targetGroup', title: `Target group ${arn.split('/')[1] ?? arn}`, lines: ['not read'] });
      const gap = ctx.s.gaps.find((g) => g.subject === 'loadBalancing');
      for (const t of taskNodes) book.add(tgNode, t, { reason: `the load balancing was not read${gap ? ` (${gap.reason})` : ''}.` });
      continue;
    }
    const tg = wiring.targetGroup;
    nodes.push({
      id: tgNode, kind: 'targetGroup', title: `Target group ${tg.name}`,
      lines: [`type ${tg.targetType} · ${tg.protocol ?? '?'}:${tg.port ?? '?'}`, `health check ${tg.healthCheckProtocol ?? '?'} ${tg.healthCheckPath ?? ''} on ${tg.healthCheckPort ?? 'traffic-port'}`.replace('  ', ' '), healthLine(ctx, tg.arn)],
    });
    for (const lb of wiring.loadBalancers) {
      const id = lbId(lb.arn);
      const listeners = listenersOf(wiring, lb);
      const groups = groupsOf(ctx, lb.securityGroupIds);
      if (!nodes.some((n) => n.id === id)) {
        nodes.push({
          id, kind: 'loadBalancer', title: `Load balancer ${lb.name}`,
          lines: [`${lb.type} · ${lb.scheme}`, `listeners ${listeners.join(', ') || 'none to this target group'}`, `security groups ${lb.securityGroupIds.join(', ') || 'none'}`],
        });
      }
      if (lb.scheme === 'internet-facing') {
        if (!nodes.some((n) => n.id === INTERNET)) nodes.push({ id: INTERNET, kind: 'internet', title: 'Internet', lines: ['clients'] });
        const ports = wiring.forwards.filter((f) => f.listener.loadBalancerArn === lb.arn).map((f) => f.listener.port);
        book.add(INTERNET, id, groups
          ? { label: [listeners.join(', ') || 'no listener', ...ports.flatMap((p) => groups.map((g) => inboundOn(g, p)))].join(' · ') }
          : { reason: `the load balancer's security groups ${lb.securityGroupIds.join(', ')} were not read.` });
      }
      const noListener = findings.filter((f) => f.code === 'TARGET_GROUP_NO_LISTENER' && f.resource === tg.arn);
      book.add(id, tgNode, { label: listeners.length > 0 ? `${listeners.join(', ')} forward` : 'forwards', findings: noListener });
    }
    const port = entry.containerPort;
    const own = targetFindings(findings, wiring, ctx.taskGroupIds);
    for (const t of taskNodes) {
      book.add(tgNode, t, {
        label: `TCP ${port ?? '?'} to ${entry.containerName ?? 'the container'}`,
        findings: own,
        blockers: own.flatMap((f) => targetBlockers(f, wiring)),
      });
    }
  }
  const order = ['internet', 'loadBalancer', 'targetGroup'];
  return [...nodes].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}
