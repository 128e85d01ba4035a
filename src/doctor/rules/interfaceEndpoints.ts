// Section 2, interface endpoints: for each AWS service the task needs (ecr.api, ecr.dkr, logs,
// secretsmanager, ssm, ssmmessages), a subnet without an internet path needs an endpoint in the
// VPC, available, with private DNS on, whose security groups admit TCP 443 from the task,
// ideally in every zone the task uses; and new endpoints need a group that admits 443.
//
// Pure module: no vscode, no AWS SDK.

import type { Severity } from '../codes';
import { groupsAllowTcp } from '../netRules';
import { describeIngress, endpointsFor, pathSentence, serviceName, UNREACHABLE, usable, type Context, type Draft, type Need } from './context';

/** Worst first. */
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * One interface endpoint the task needs: ENDPOINT_MISSING when a subnet without an internet path
 * needs it; for each endpoint found, its state, private DNS, security groups and zones.
 */
export function interfaceEndpoint(ctx: Context, need: Need): Draft[] {
  if (!ctx.s.endpoints || !ctx.vpcId) return [];
  const drafts: Draft[] = [];
  const dead = ctx.noInternet;
  const config = ctx.s.launch.awsvpcConfiguration;
  const deadPaths = dead.map((t) => pathSentence(t, config.assignPublicIp));
  const taskAzs = [...new Set(ctx.subnets.map((t) => t.subnet.availabilityZone))];
  const name = serviceName(ctx.region, need.key);
  const found = endpointsFor(ctx, need.key, need.kind).filter(usable);
  const offered = ctx.s.endpointServices ? ctx.s.endpointServices.includes(name) : undefined;

  if (found.length === 0) {
    if (dead.length === 0) return [];
    return [{
      code: 'ENDPOINT_MISSING',
      resource: name,
      severity: need.severity,
      title: `The interface endpoint ${name} is missing`,
      evidence: [
        ...deadPaths,
        `The VPC ${ctx.vpcId} has no \`${name}\` endpoint; ${need.why}.`,
        ...(offered === false ? [`${ctx.region} does not list ${name} among its endpoint services: only a NAT gateway can serve it.`] : []),
      ],
      affects: need.affects,
      remedies: [{ kind: 'interfaceEndpoint', serviceName: name }],
    }];
  }

  for (const e of found) {
    // An endpoint with private DNS takes over the service's name for the whole VPC, so its
    // faults matter even to subnets with NAT; without private DNS only isolated subnets care.
    if (!e.privateDnsEnabled && dead.length === 0) continue;
    if (e.state !== 'available') {
      drafts.push({
        code: 'ENDPOINT_NOT_AVAILABLE', resource: e.id, severity: e.state.startsWith('pending') ? 'warning' : need.severity,
        title: `Endpoint ${e.id} (${name}) is ${e.state}, not available`,
        evidence: [`Endpoint ${e.id} (${name}) is ${e.state}, not available.`],
        affects: need.affects, remedies: [],
      });
    }
    if (!e.privateDnsEnabled) {
      drafts.push({
        code: 'ENDPOINT_PRIVATE_DNS_DISABLED', resource: e.id, severity: need.severity,
        title: `Endpoint ${e.id} (${name}) has private DNS off`,
        evidence: [...deadPaths, `Endpoint ${e.id} (${name}) has private DNS off: the task resolves ${name.split('.').slice(3).join('.')}'s public name and never uses the endpoint.`],
        affects: need.affects, remedies: [{ kind: 'privateDns', endpointId: e.id, serviceName: name }],
      });
    }
    if (ctx.s.securityGroups) {
      const groups = e.securityGroupIds.flatMap((id) => ctx.s.securityGroups?.filter((g) => g.id === id) ?? []);
      const taskCidrs = ctx.subnets.map((t) => t.subnet.cidrBlock);
      if (groups.length < e.securityGroupIds.length) {
        const unread = e.securityGroupIds.filter((id) => !groups.some((g) => g.id === id));
        drafts.push({
          code: 'COULD_NOT_CHECK', resource: `securityGroups:${e.id}`, affects: [], remedies: [],
          evidence: [`Security group${unread.length === 1 ? '' : 's'} ${unread.join(', ')} of endpoint ${e.id} (${name}) ${unread.length === 1 ? 'was' : 'were'} not collected. Not checked: that ${unread.length === 1 ? 'it allows' : 'they allow'} TCP 443 from the task.`],
        });
      } else if (!groupsAllowTcp(groups, 'ingress', 443, { groupIds: ctx.taskGroupIds, cidrs: taskCidrs })) {
        drafts.push({
          code: 'ENDPOINT_SG_BLOCKS_443', resource: e.id, severity: need.severity,
          title: `Endpoint ${e.id} (${name}) does not accept HTTPS from the task`,
          evidence: [
            `Endpoint ${e.id} (${name}) has security group${groups.length === 1 ? '' : 's'} ${groups.map((g) => `${g.id} (${g.name})`).join(', ')}; none allows inbound TCP 443 from the task's group${ctx.taskGroupIds.length === 1 ? '' : 's'} ${ctx.taskGroupIds.join(', ')} or from a CIDR covering the task subnets (${taskCidrs.join(', ')}).`,
          ],
          affects: need.affects,
          remedies: groups[0] ? [{ kind: 'endpointIngress', groupId: groups[0].id }] : [],
        });
      }
    }
    if (ctx.s.subnets) {
      const epAzs = e.subnetIds.map((id) => ctx.s.subnets?.find((x) => x.id === id)?.availabilityZone).filter((z): z is string => !!z);
      const uncovered = taskAzs.filter((z) => !epAzs.includes(z));
      if (uncovered.length > 0 && epAzs.length > 0) {
        drafts.push({
          code: 'ENDPOINT_AZ_COVERAGE', resource: e.id, severity: 'warning',
          title: `Endpoint ${e.id} (${name}) has no interface in ${uncovered.join(', ')}, where tasks run`,
          evidence: [`Endpoint ${e.id} (${name}) has interfaces in ${[...new Set(epAzs)].join(', ')} but the task subnets also use ${uncovered.join(', ')}: tasks there cross zones to reach it, and lose it if its zone fails. Recommended, not required.`],
          affects: [], remedies: [],
        });
      }
    }
  }
  return drafts;
}

/** The worst severity among the interface endpoints missing for subnets without an internet path. */
function missingInterfaceSeverity(ctx: Context): Severity | undefined {
  if (ctx.noInternet.length === 0) return undefined;
  const missing = ctx.needs.filter((n) => n.kind === 'Interface' && endpointsFor(ctx, n.key, n.kind).filter(usable).length === 0);
  return SEVERITIES.find((severity) => missing.some((n) => n.severity === severity));
}

/**
 * The "443 rule": new interface endpoints need a group that admits HTTPS from the task. Its
 * severity is the worst among the missing interface endpoints (ECS Exec's alone is a warning).
 */
export function endpointGroup(ctx: Context): Draft[] {
  if (!ctx.s.endpoints || !ctx.vpcId || !ctx.s.securityGroups) return [];
  const interfaceMissing = missingInterfaceSeverity(ctx);
  if (!interfaceMissing) return [];
  const taskCidrs = ctx.subnets.map((t) => t.subnet.cidrBlock);
  const candidates = ctx.s.securityGroups.filter((g) => g.vpcId === ctx.vpcId);
  const admits = candidates.filter((g) => groupsAllowTcp([g], 'ingress', 443, { groupIds: ctx.taskGroupIds, cidrs: taskCidrs }));
  if (admits.length > 0) return [];
  return [{
    code: 'ENDPOINT_SG_BLOCKS_443',
    resource: ctx.vpcId,
    severity: interfaceMissing,
    title: 'No security group allows HTTPS (443) from the task to the endpoints',
    evidence: [
      `No security group in ${ctx.vpcId} allows inbound TCP 443 from the task's group${ctx.taskGroupIds.length === 1 ? '' : 's'} ${ctx.taskGroupIds.join(', ')} or from ${ctx.vpcCidr ?? 'the VPC CIDR'}: the missing interface endpoints need one.`,
      ...(ctx.taskGroups ?? []).map((g) => `${g.id} (${g.name}) allows inbound ${describeIngress(g)}.`),
    ],
    affects: UNREACHABLE,
    remedies: [{ kind: 'endpointSecurityGroup' }],
  }];
}
