/**
 * Short texts the Network view shows for VPC endpoints, security group rules and load
 * balancer listeners. Pure (no vscode): the words around them are added by the view.
 */
import type { ListenerAction, SecurityGroupRule, TargetHealth, VpcEndpoint } from './network';

/**
 * The service part of an endpoint's service name: `com.amazonaws.eu-central-1.ecr.dkr` ->
 * `ecr.dkr`, `com.amazonaws.vpce.eu-central-1.vpce-svc-0abc` -> `vpce-svc-0abc`,
 * `aws.sagemaker.eu-central-1.notebook` -> `notebook`. Other names are returned whole.
 */
export function endpointShortName(serviceName: string): string {
  const match = /^(?:com\.amazonaws(?:\.vpce)?|aws\.[a-z0-9-]+)\.[a-z]{2}(?:-[a-z]+)+-\d+\.(.+)$/.exec(serviceName);
  return match?.[1] ?? serviceName;
}

/** Where an endpoint is reachable from: an interface's subnets, a gateway's route tables. */
export function endpointPlacement(endpoint: Pick<VpcEndpoint, 'type' | 'subnetIds' | 'routeTableIds'>): { kind: 'subnets' | 'routeTables'; ids: readonly string[] } {
  return endpoint.type === 'Gateway'
    ? { kind: 'routeTables', ids: endpoint.routeTableIds }
    : { kind: 'subnets', ids: endpoint.subnetIds };
}

/**
 * The protocol and ports of a rule: `tcp 443`, `tcp 1024-65535`, `udp 53`, `icmp`,
 * `icmp 8/0`; undefined for all traffic (protocol -1), which the view names in words.
 */
export function rulePortsLabel(rule: Pick<SecurityGroupRule, 'protocol' | 'fromPort' | 'toPort'>): string | undefined {
  const { protocol, fromPort, toPort } = rule;
  if (protocol === '-1') return undefined;
  if (protocol === 'icmp' || protocol === 'icmpv6') {
    return fromPort === -1 ? protocol : `${protocol} ${fromPort}/${toPort === -1 ? '*' : toPort}`;
  }
  if (protocol === 'tcp' || protocol === 'udp') {
    if (fromPort === 0 && toPort === 65535) return `${protocol} *`;
    return fromPort === toPort ? `${protocol} ${fromPort}` : `${protocol} ${fromPort}-${toPort}`;
  }
  return `proto ${protocol}`;
}

/** Who a rule lets in (or out to): CIDRs, IPv6 CIDRs, security groups, prefix lists. */
export function rulePeers(rule: Pick<SecurityGroupRule, 'cidrs' | 'ipv6Cidrs' | 'groupIds' | 'prefixListIds'>): string[] {
  return [...rule.cidrs, ...rule.ipv6Cidrs, ...rule.groupIds, ...rule.prefixListIds];
}

/** The name part of a target group ARN (…:targetgroup/NAME/ID), or the input. */
export function targetGroupNameFromArn(arn: string): string {
  const match = /:targetgroup\/([^/]+)\//.exec(arn);
  return match?.[1] ?? arn;
}

/** "forward → tg-a, tg-b", "redirect", "fixed-response". */
export function listenerActionLabel(action: Pick<ListenerAction, 'type' | 'targetGroupArns'>): string {
  if (action.type === 'forward' && action.targetGroupArns.length > 0) {
    return `forward → ${action.targetGroupArns.map(targetGroupNameFromArn).join(', ')}`;
  }
  return action.type;
}

/** The action that ends a listener's default actions (authenticate-* run before it). */
export function finalAction<T extends Pick<ListenerAction, 'type' | 'order'>>(actions: readonly T[]): T | undefined {
  const sorted = [...actions].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  return sorted.find((a) => !a.type.startsWith('authenticate-')) ?? sorted[sorted.length - 1];
}

/** "10.0.2.15:8080", "i-0abc:80"; the id alone when the target has no port (Lambda). */
export function targetLabel(target: Pick<TargetHealth, 'id' | 'port'>): string {
  return target.port !== undefined ? `${target.id}:${target.port}` : target.id;
}

/** Target group ARNs the given actions forward to, each once, in order. */
export function forwardedTargetGroups(actions: ReadonlyArray<Pick<ListenerAction, 'type' | 'targetGroupArns'>>): string[] {
  return [...new Set(actions.filter((a) => a.type === 'forward').flatMap((a) => a.targetGroupArns))];
}
