/**
 * Elastic Load Balancing v2 reads, in plain model types: load balancers, listeners, rules,
 * target groups and target health, and how a target group is wired to listeners. Lists page
 * with the SDK's paginators (through aws/paging.ts) at AWS's maximum (400); lookups by ARN or name go in batches of
 * 20, and an ARN or name that does not exist is left out instead of failing its batch.
 */
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ModifyTargetGroupCommand,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  paginateDescribeRules,
  paginateDescribeTargetGroups,
  type Action,
  type Listener as SdkListener,
  type LoadBalancer as SdkLoadBalancer,
  type Rule,
  type RuleCondition,
  type TargetGroup as SdkTargetGroup,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type {
  Listener,
  ListenerAction,
  ListenerForward,
  ListenerRule,
  ListenerRuleCondition,
  LoadBalancer,
  LoadBalancerWiring,
  TargetGroup,
  TargetHealth,
} from '../model/network';
import type { CreateListenerInput, CreateLoadBalancerInput, CreateTargetGroupInput } from '../model/serviceRequest';
import { describeInBatches, mapConcurrent } from './batching';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';
import { listAll } from './paging';

/** AWS limits (ELBv2 API reference). */
export const ELBV2_LIMITS = {
  /**
   * `PageSize` of DescribeLoadBalancers, DescribeListeners, DescribeRules, DescribeTargetGroups: 1-400.
   * It goes in the request itself: these SDK paginators have no page-size key and ignore `pageSize`.
   */
  pageSize: 400,
  /**
   * "You can specify up to 20 load balancers in a single call" (DescribeLoadBalancers). AWS
   * states no number for target group ARNs and names: the same bound keeps them safe.
   */
  describeBatch: 20,
  describeConcurrency: 5,
  /** Load balancers, listeners and target groups read at once when following wiring. */
  wiringConcurrency: 5,
} as const;

export type LoadBalancerQuery = { readonly arns: readonly string[] } | { readonly names: readonly string[] };

export type TargetGroupQuery =
  | { readonly arns: readonly string[] }
  | { readonly names: readonly string[] }
  | { readonly loadBalancerArn: string };

// ---- SDK shapes -> model -------------------------------------------------------------------

export function toLoadBalancer(lb: SdkLoadBalancer): LoadBalancer {
  const zones = (lb.AvailabilityZones ?? []).map((z) => ({ zoneName: z.ZoneName ?? '', subnetId: z.SubnetId ?? '' }));
  return {
    arn: lb.LoadBalancerArn ?? '',
    name: lb.LoadBalancerName ?? '',
    type: lb.Type ?? 'application',
    scheme: lb.Scheme ?? 'internet-facing',
    vpcId: lb.VpcId ?? '',
    state: lb.State?.Code ?? 'unknown',
    stateReason: lb.State?.Reason || undefined,
    dnsName: lb.DNSName ?? '',
    securityGroupIds: lb.SecurityGroups ?? [],
    availabilityZones: zones,
    subnetIds: zones.flatMap((z) => (z.subnetId ? [z.subnetId] : [])),
    ipAddressType: lb.IpAddressType,
  };
}

export function toListenerAction(a: Action): ListenerAction {
  const arns = [
    ...(a.TargetGroupArn ? [a.TargetGroupArn] : []),
    ...(a.ForwardConfig?.TargetGroups ?? []).flatMap((t) => (t.TargetGroupArn ? [t.TargetGroupArn] : [])),
  ];
  return { type: a.Type ?? 'unknown', order: a.Order, targetGroupArns: [...new Set(arns)] };
}

export function toListener(l: SdkListener): Listener {
  return {
    arn: l.ListenerArn ?? '',
    loadBalancerArn: l.LoadBalancerArn ?? '',
    port: l.Port ?? 0,
    protocol: l.Protocol ?? '',
    defaultActions: (l.DefaultActions ?? []).map(toListenerAction),
  };
}

function toCondition(c: RuleCondition): ListenerRuleCondition {
  const values =
    c.HostHeaderConfig?.Values ??
    c.PathPatternConfig?.Values ??
    c.HttpRequestMethodConfig?.Values ??
    c.SourceIpConfig?.Values ??
    c.HttpHeaderConfig?.Values?.map((v) => `${c.HttpHeaderConfig?.HttpHeaderName ?? ''}: ${v}`) ??
    c.QueryStringConfig?.Values?.map((kv) => (kv.Key ? `${kv.Key}=${kv.Value ?? ''}` : kv.Value ?? '')) ??
    c.Values ??
    c.RegexValues ??
    [];
  return { field: c.Field ?? '', values };
}

export function toListenerRule(r: Rule, listenerArn: string): ListenerRule {
  return {
    arn: r.RuleArn ?? '',
    listenerArn,
    priority: r.Priority ?? '',
    isDefault: r.IsDefault ?? r.Priority === 'default',
    conditions: (r.Conditions ?? []).map(toCondition),
    actions: (r.Actions ?? []).map(toListenerAction),
  };
}

export function toTargetGroup(t: SdkTargetGroup): TargetGroup {
  return {
    arn: t.TargetGroupArn ?? '',
    name: t.TargetGroupName ?? '',
    protocol: t.Protocol,
    port: t.Port,
    targetType: t.TargetType ?? 'instance',
    vpcId: t.VpcId,
    healthCheckEnabled: t.HealthCheckEnabled ?? true,
    healthCheckProtocol: t.HealthCheckProtocol,
    healthCheckPath: t.HealthCheckPath,
    healthCheckPort: t.HealthCheckPort,
    healthCheckMatcher: t.Matcher?.HttpCode ?? t.Matcher?.GrpcCode,
    healthCheckIntervalSeconds: t.HealthCheckIntervalSeconds,
    healthCheckTimeoutSeconds: t.HealthCheckTimeoutSeconds,
    healthyThresholdCount: t.HealthyThresholdCount,
    unhealthyThresholdCount: t.UnhealthyThresholdCount,
    loadBalancerArns: t.LoadBalancerArns ?? [],
  };
}

export function toTargetHealth(d: TargetHealthDescription): TargetHealth {
  return {
    id: d.Target?.Id ?? '',
    port: d.Target?.Port,
    availabilityZone: d.Target?.AvailabilityZone,
    state: d.TargetHealth?.State ?? 'unknown',
    reason: d.TargetHealth?.Reason,
    description: d.TargetHealth?.Description,
  };
}

// ---- helpers -------------------------------------------------------------------------------

/** True for AWS's "...NotFound" error of this kind, by code or by the SDK's exception name. */
function isNotFound(err: unknown, code: string): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === code || name === `${code}Exception`;
}

/**
 * Describes a batch; when AWS answers that something in it does not exist, describes the
 * batch one by one and leaves out what does not exist (AWS fails the whole call).
 */
async function tolerant<T>(batch: readonly string[], notFoundCode: string, describe: (batch: readonly string[]) => Promise<T[]>): Promise<T[]> {
  try {
    return await describe(batch);
  } catch (err) {
    if (!isNotFound(err, notFoundCode)) throw err;
    if (batch.length === 1) return [];
    const each = await mapConcurrent(batch, ELBV2_LIMITS.describeConcurrency, (one) => tolerant([one], notFoundCode, describe));
    return each.flat();
  }
}

/** The found items in the order of the keys asked for, each once. */
function inOrder<T>(keys: readonly string[], items: readonly T[], keyOf: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) if (!byKey.has(keyOf(item))) byKey.set(keyOf(item), item);
  return [...new Set(keys)].flatMap((key) => {
    const found = byKey.get(key);
    return found ? [found] : [];
  });
}

/**
 * Looks items up by ARN or by name: batches of 20, a few at a time, what does not exist left
 * out (`notFoundCode`), the order of the keys kept.
 */
async function lookUp<T>(
  keys: readonly string[],
  notFoundCode: string,
  describe: (batch: readonly string[]) => Promise<T[]>,
  keyOf: (item: T) => string,
): Promise<T[]> {
  const found = await describeInBatches([...new Set(keys)], ELBV2_LIMITS.describeBatch, ELBV2_LIMITS.describeConcurrency, (batch) =>
    tolerant(batch, notFoundCode, describe),
  );
  return inOrder(keys, found, keyOf);
}

function forwardsTo(actions: readonly ListenerAction[], targetGroupArn: string): boolean {
  return actions.some((a) => a.type === 'forward' && a.targetGroupArns.includes(targetGroupArn));
}

export class Elbv2Gateway {
  constructor(private readonly factory: ClientFactory) {}

  private get client(): ElasticLoadBalancingV2Client {
    return this.factory.get(ElasticLoadBalancingV2Client);
  }

  /** Every load balancer of the region, or these ARNs or names (unknown ones left out, input order kept). */
  async describeLoadBalancers(query?: LoadBalancerQuery, options?: CallOptions): Promise<LoadBalancer[]> {
    return awsCall(this.factory.connection, 'elasticloadbalancing:DescribeLoadBalancers', async () => {
      if (!query) {
        const all = await listAll(paginateDescribeLoadBalancers, { client: this.client }, { PageSize: ELBV2_LIMITS.pageSize }, (p) => p.LoadBalancers, options);
        return all.map(toLoadBalancer);
      }
      const byArn = 'arns' in query;
      return lookUp(
        byArn ? query.arns : query.names,
        'LoadBalancerNotFound',
        async (b) => {
          const input = byArn ? { LoadBalancerArns: [...b] } : { Names: [...b] };
          return (await listAll(paginateDescribeLoadBalancers, { client: this.client }, input, (p) => p.LoadBalancers, options)).map(toLoadBalancer);
        },
        (lb) => (byArn ? lb.arn : lb.name),
      );
    });
  }

  async describeListeners(loadBalancerArn: string, options?: CallOptions): Promise<Listener[]> {
    return awsCall(this.factory.connection, 'elasticloadbalancing:DescribeListeners', async () => {
      const listeners = await listAll(
        paginateDescribeListeners,
        { client: this.client },
        { LoadBalancerArn: loadBalancerArn, PageSize: ELBV2_LIMITS.pageSize },
        (p) => p.Listeners,
        options,
      );
      return listeners.map(toListener).sort((a, b) => a.port - b.port);
    });
  }

  /** A listener's rules, the default rule included (last, as AWS evaluates it). */
  async describeRules(listenerArn: string, options?: CallOptions): Promise<ListenerRule[]> {
    return awsCall(this.factory.connection, 'elasticloadbalancing:DescribeRules', async () => {
      const rules = await listAll(paginateDescribeRules, { client: this.client }, { ListenerArn: listenerArn, PageSize: ELBV2_LIMITS.pageSize }, (p) => p.Rules, options);
      const order = (r: ListenerRule) => (r.isDefault ? Number.POSITIVE_INFINITY : Number(r.priority) || 0);
      return rules.map((r) => toListenerRule(r, listenerArn)).sort((a, b) => order(a) - order(b));
    });
  }

  /** Every target group of the region, those of one load balancer, or these ARNs or names (unknown ones left out). */
  async describeTargetGroups(query?: TargetGroupQuery, options?: CallOptions): Promise<TargetGroup[]> {
    return awsCall(this.factory.connection, 'elasticloadbalancing:DescribeTargetGroups', async () => {
      const page = (input: { LoadBalancerArn?: string; TargetGroupArns?: string[]; Names?: string[]; PageSize?: number }) =>
        listAll(paginateDescribeTargetGroups, { client: this.client }, input, (p) => p.TargetGroups, options);
      if (!query) return (await page({ PageSize: ELBV2_LIMITS.pageSize })).map(toTargetGroup);
      if ('loadBalancerArn' in query) {
        return (await page({ LoadBalancerArn: query.loadBalancerArn, PageSize: ELBV2_LIMITS.pageSize })).map(toTargetGroup);
      }
      const byArn = 'arns' in query;
      return lookUp(
        byArn ? query.arns : query.names,
        'TargetGroupNotFound',
        async (b) => (await page(byArn ? { TargetGroupArns: [...b] } : { Names: [...b] })).map(toTargetGroup),
        (tg) => (byArn ? tg.arn : tg.name),
      );
    });
  }

  /** The registered targets of a target group and their health. */
  async describeTargetHealth(targetGroupArn: string, options?: CallOptions): Promise<TargetHealth[]> {
    return awsCall(this.factory.connection, 'elasticloadbalancing:DescribeTargetHealth', async () => {
      const out = await this.client.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }), sendOptions(options));
      return (out.TargetHealthDescriptions ?? []).map(toTargetHealth);
    });
  }

  /**
   * The target group, the load balancers it names, and the listeners of those load balancers
   * that forward to it by their default action or by a rule. Undefined when the target group
   * does not exist. `forwards` empty means "not attached to any listener".
   */
  async loadBalancerWiring(targetGroupArn: string, options?: CallOptions): Promise<LoadBalancerWiring | undefined> {
    const [targetGroup] = await this.describeTargetGroups({ arns: [targetGroupArn] }, options);
    if (!targetGroup) return undefined;
    // The balancers and their listeners at once: both need only the balancer ARNs the target group names.
    const [loadBalancers, listenersOf] = await Promise.all([
      targetGroup.loadBalancerArns.length > 0 ? this.describeLoadBalancers({ arns: targetGroup.loadBalancerArns }, options) : Promise.resolve([]),
      mapConcurrent(targetGroup.loadBalancerArns, ELBV2_LIMITS.wiringConcurrency, (arn) => this.describeListeners(arn, options)),
    ]);
    const perBalancer = await mapConcurrent(loadBalancers, ELBV2_LIMITS.wiringConcurrency, async (lb) => {
      const listeners = listenersOf[targetGroup.loadBalancerArns.indexOf(lb.arn)] ?? [];
      // Only Application Load Balancers have rules beyond the default one.
      const withRules = lb.type === 'application';
      const forwards = await mapConcurrent(listeners, ELBV2_LIMITS.wiringConcurrency, async (listener): Promise<ListenerForward | undefined> => {
        const rules = withRules ? await this.describeRules(listener.arn, options) : [];
        const viaRules = rules.filter((r) => !r.isDefault && forwardsTo(r.actions, targetGroupArn));
        const byDefaultAction = forwardsTo(listener.defaultActions, targetGroupArn);
        return byDefaultAction || viaRules.length > 0 ? { listener, byDefaultAction, rules: viaRules } : undefined;
      });
      return forwards.filter((f): f is ListenerForward => f !== undefined);
    });
    return { targetGroup, loadBalancers, forwards: perBalancer.flat() };
  }

  // ---- changes made by the doctor's fixes (src/aws/fixApplier.ts) ----------------------------

  /** ModifyTargetGroup with only the health check fields given; the target group as it is now. */
  async modifyTargetGroupHealthCheck(
    targetGroupArn: string,
    change: { readonly port?: string; readonly protocol?: 'HTTP' | 'HTTPS' },
    options?: CallOptions,
  ): Promise<TargetGroup> {
    return awsCall(this.factory.connection, 'elasticloadbalancing:ModifyTargetGroup', async () => {
      const out = await this.client.send(new ModifyTargetGroupCommand({
        TargetGroupArn: targetGroupArn,
        ...(change.port !== undefined ? { HealthCheckPort: change.port } : {}),
        ...(change.protocol !== undefined ? { HealthCheckProtocol: change.protocol } : {}),
      }), sendOptions(options));
      const tg = out.TargetGroups?.[0];
      if (!tg?.TargetGroupArn) throw new Error(`ModifyTargetGroup returned no target group for ${targetGroupArn}`);
      return toTargetGroup(tg);
    });
  }

  // ---- changes made by the service creator (src/aws/serviceCreator.ts) -----------------------
  // AWS takes the listener, and a service registering into the target group, while the new
  // load balancer is still `provisioning`: nothing here waits for it to become `active`.

  /** CreateLoadBalancer with the plan's request; the new load balancer (state `provisioning` on AWS). */
  async createLoadBalancer(request: CreateLoadBalancerInput, options?: CallOptions): Promise<LoadBalancer> {
    return awsCall(this.factory.connection, 'elasticloadbalancing:CreateLoadBalancer', async () => {
      const out = await this.client.send(new CreateLoadBalancerCommand(request), sendOptions(options));
      const lb = out.LoadBalancers?.[0];
      if (!lb?.LoadBalancerArn) throw new Error(`CreateLoadBalancer returned no load balancer for ${request.Name}`);
      return toLoadBalancer(lb);
    });
  }

  /** CreateTargetGroup with the plan's request. */
  async createTargetGroup(request: CreateTargetGroupInput, options?: CallOptions): Promise<TargetGroup> {
    return awsCall(this.factory.connection, 'elasticloadbalancing:CreateTargetGroup', async () => {
      const out = await this.client.send(new CreateTargetGroupCommand(request), sendOptions(options));
      const tg = out.TargetGroups?.[0];
      if (!tg?.TargetGroupArn) throw new Error(`CreateTargetGroup returned no target group for ${request.Name}`);
      return toTargetGroup(tg);
    });
  }

  /** CreateListener with the plan's request. */
  async createListener(request: CreateListenerInput, options?: CallOptions): Promise<Listener> {
    return awsCall(this.factory.connection, 'elasticloadbalancing:CreateListener', async () => {
      const out = await this.client.send(new CreateListenerCommand(request), sendOptions(options));
      const listener = out.Listeners?.[0];
      if (!listener?.ListenerArn) throw new Error(`CreateListener returned no listener for port ${request.Port ?? '?'}`);
      return toListener(listener);
    });
  }
}
