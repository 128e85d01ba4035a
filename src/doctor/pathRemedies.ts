// One cause, several ways out: task subnets without a path to AWS services. A public IP (tasks
// in public subnets), a NAT gateway (isolated subnets, when the VPC has a public subnet to put it
// in) and VPC endpoints each remove it; applying two leaves billable resources behind for nothing.
// This pass runs after the rules (analyze.ts): it finds which findings one internet path would
// clear (by analysing the snapshot again as if the public IP were on, or the NAT route there),
// lists the remedies that fit the task subnets as `alternatives` on those findings, and leaves
// in `remedies` only the preselected one's share, so the combined plan holds one remedy per cause.
//
// Which is preselected (the README's table says the same):
//   - every subnet without a path is public (IGW route), the tasks just lack a public IP: the
//     public IP. The endpoint findings it clears fold into PUBLIC_SUBNET_NO_PUBLIC_IP (they are
//     not "missing" when the tasks are meant to use the internet gateway); endpoints are the
//     alternative.
//   - every subnet without a path is isolated (no 0.0.0.0/0 route): VPC endpoints, which keep the
//     subnets off the internet as whoever made them so intended; a NAT gateway is the alternative
//     when the VPC has a public subnet to hold it. When endpoints cannot serve (an image only the
//     internet has, a service the Region offers no endpoint for) the NAT gateway is preselected.
//     Without a public subnet there is no NAT alternative: the findings keep their endpoints.
//   - mixed (some public without a public IP, some isolated): only endpoints serve every subnet,
//     so the public IP is dropped from the plan (it would be a second remedy for the same cause).
//
// Pure module: no vscode, no AWS SDK.

import type { Subnet } from '../model/network';
import { classifySubnet, type SubnetClassification } from '../model/subnetKind';
import { endpointsCost, natGatewayCost, publicIpCost } from './remedyCosts';
import { type Context, type TaskSubnet } from './rules/context';
import type { ServiceSnapshot } from './snapshot';
import type { AlternativeName, AnalyzerFinding, Remedy, RemedyAlternative } from './types';

export const ALTERNATIVE_NAMES: readonly AlternativeName[] = ['publicIp', 'natGateway', 'vpcEndpoints'];

export function isAlternativeName(value: string): value is AlternativeName {
  return (ALTERNATIVE_NAMES as readonly string[]).includes(value);
}

/** The analysis without this pass (analyze.ts's rules), to run on a snapshot with the path in place. */
export type RuleAnalysis = (snapshot: ServiceSnapshot) => AnalyzerFinding[];

const ENDPOINT_REMEDIES: ReadonlySet<Remedy['kind']> = new Set(['interfaceEndpoint', 'gatewayEndpoint', 'endpointSecurityGroup', 'endpointIngress', 'privateDns']);

/** The placeholder target of the NAT route the pass pretends is there. */
const PLANNED_NAT = 'nat-planned';

function unique<T>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function withPublicIp(s: ServiceSnapshot): ServiceSnapshot {
  return { ...s, launch: { ...s.launch, awsvpcConfiguration: { ...s.launch.awsvpcConfiguration, assignPublicIp: 'ENABLED' } } };
}

function withNatRoute(s: ServiceSnapshot, tableIds: readonly string[]): ServiceSnapshot {
  return {
    ...s,
    routeTables: (s.routeTables ?? []).map((t) => (!tableIds.includes(t.id) ? t : {
      ...t,
      routes: [
        ...t.routes.filter((r) => r.destination !== '0.0.0.0/0'),
        { destination: '0.0.0.0/0', destinationKind: 'ipv4', target: PLANNED_NAT, targetKind: 'nat-gateway', state: 'active' },
      ],
    })),
  };
}

/** A public subnet (0.0.0.0/0 to an internet gateway) of the VPC for a NAT gateway: in a task zone when one has it. */
export function natSubnetFor(ctx: Context): Subnet | undefined {
  const tables = ctx.s.routeTables ?? [];
  const publics = (ctx.s.subnets ?? []).filter((x) => x.vpcId === ctx.vpcId && classifySubnet(x, tables).kind === 'public');
  const zones = ctx.noInternet.map((t) => t.subnet.availabilityZone);
  return publics.find((p) => zones.includes(p.availabilityZone)) ?? publics[0];
}

/** A task subnet with no 0.0.0.0/0 route: it always has the route table that says so. */
type IsolatedSubnet = TaskSubnet & { readonly cls: SubnetClassification & { readonly kind: 'isolated'; readonly routeTableId: string } };

function isIsolated(t: TaskSubnet): t is IsolatedSubnet {
  return t.cls.kind === 'isolated';
}

function zonesOf(ctx: Context): string[] {
  return [...new Set(ctx.subnets.map((t) => t.subnet.availabilityZone))];
}

/** Offered only when every subnet without a path is public: each has its internet gateway route. */
function publicIpAlternative(ctx: Context, preselected: boolean): RemedyAlternative {
  const cost = publicIpCost(ctx.s.service?.desiredCount ?? 1, ctx.region);
  const gateways = [...new Set(ctx.noInternet.map((t) => t.cls.defaultRouteTarget).filter((x): x is string => !!x))];
  return {
    name: 'publicIp',
    title: 'give the tasks a public IP',
    changes: `Update ${ctx.s.service ? `service ${ctx.s.service.name}` : 'the service'} to assignPublicIp ENABLED: each task gets a public IPv4 address and reaches AWS services through ${gateways.join(', ')} of its subnets. Nothing is created.`,
    cost: cost.text,
    price: cost.short,
    monthlyUsd: cost.monthlyUsd,
    remedies: ctx.s.service ? [{ kind: 'assignPublicIp' }] : [],
    preselected,
  };
}

function endpointsAlternative(ctx: Context, remedies: readonly Remedy[], preselected: boolean): RemedyAlternative {
  const interfaces = [...new Set(remedies.flatMap((r) => (r.kind === 'interfaceEndpoint' ? [r.serviceName] : [])))];
  const gateway = remedies.filter((r): r is Extract<Remedy, { kind: 'gatewayEndpoint' }> => r.kind === 'gatewayEndpoint');
  const zones = zonesOf(ctx);
  const cost = endpointsCost(interfaces.length, zones.length, gateway.length > 0, ctx.region);
  const parts = [
    ...(interfaces.length > 0 ? [`interface endpoint${interfaces.length === 1 ? '' : 's'} ${interfaces.join(', ')} in ${zones.join(', ')}`] : []),
    ...(gateway.length > 0 ? [`the S3 gateway endpoint on route table${gateway.flatMap((g) => g.routeTableIds).length === 1 ? '' : 's'} ${[...new Set(gateway.flatMap((g) => g.routeTableIds))].join(', ')}`] : []),
  ];
  const other = remedies.filter((r) => r.kind !== 'interfaceEndpoint' && r.kind !== 'gatewayEndpoint').length;
  return {
    name: 'vpcEndpoints',
    title: 'create the VPC endpoints',
    changes: `${parts.length > 0 ? `Create ${parts.join(' and ')}` : 'Repair the existing endpoints'}${other > 0 && parts.length > 0 ? ', and let them accept HTTPS from the task' : ''}: the task subnets reach AWS services privately and stay without an internet route.`,
    cost: cost.text,
    price: cost.short,
    monthlyUsd: cost.monthlyUsd,
    remedies,
    preselected,
  };
}

function natAlternative(ctx: Context, subnet: Subnet, tables: readonly string[], preselected: boolean): RemedyAlternative {
  const cost = natGatewayCost(ctx.region);
  const main = (ctx.s.routeTables ?? []).filter((t) => tables.includes(t.id) && t.main).map((t) => t.id);
  const zones = zonesOf(ctx);
  return {
    name: 'natGateway',
    title: 'route the task subnets through a NAT gateway',
    changes: `Allocate an Elastic IP, create one NAT gateway in public subnet ${subnet.id} (${subnet.availabilityZone}) and route 0.0.0.0/0 of route table${tables.length === 1 ? '' : 's'} ${tables.join(', ')} to it: the task subnets reach AWS services and the internet through it.` +
      (zones.length > 1 ? ` One gateway serves every zone (${zones.join(', ')}): the cheapest, but if ${subnet.availabilityZone} fails the tasks in the others lose their path too.` : '') +
      (main.length > 0 ? ` ${main.join(', ')} is the VPC's main route table: every subnet without a table of its own gets the route too.` : ''),
    cost: cost.text,
    price: cost.short,
    monthlyUsd: cost.monthlyUsd,
    remedies: [{ kind: 'natGateway', subnetId: subnet.id, availabilityZone: subnet.availabilityZone, routeTableIds: tables }],
    preselected,
  };
}

/** True when endpoints can serve everything the task needs: no internet-only image, every service offered. */
function endpointsServe(ctx: Context, remedies: readonly Remedy[]): boolean {
  if (ctx.internetImages.length > 0) return false;
  const offered = ctx.s.endpointServices;
  return remedies.every((r) => r.kind !== 'interfaceEndpoint' || !offered || offered.includes(r.serviceName));
}

function publicCase(findings: AnalyzerFinding[], ctx: Context, analysis: RuleAnalysis, carrier: AnalyzerFinding): AnalyzerFinding[] {
  const after = new Set(analysis(withPublicIp(ctx.s)).map((f) => f.id));
  const folded = findings.filter((f) => f !== carrier && !after.has(f.id));
  const endpointRemedies = unique(folded.flatMap((f) => f.remedies).filter((r) => ENDPOINT_REMEDIES.has(r.kind)));
  const ip = { ...publicIpAlternative(ctx, true), ...(folded.length > 0 ? { clears: folded.map((f) => f.id) } : {}) };
  const alternatives = [ip, ...(endpointRemedies.length > 0 && endpointsServe(ctx, endpointRemedies) ? [endpointsAlternative(ctx, endpointRemedies, false)] : [])];
  const merged: AnalyzerFinding = {
    ...carrier,
    evidence: [
      ...carrier.evidence,
      ...(folded.length > 0 ? [`With a public IP the tasks need no VPC endpoint: it also clears what the endpoint checks found (${folded.map((f) => `${f.code} ${f.resource}`).join('; ')}).`] : []),
    ],
    remedies: ip.remedies,
    alternatives,
  };
  return findings.filter((f) => !folded.includes(f)).map((f) => (f === carrier ? merged : f));
}

function isolatedCase(findings: AnalyzerFinding[], ctx: Context, analysis: RuleAnalysis, isolated: readonly IsolatedSubnet[]): AnalyzerFinding[] {
  const tableIds = [...new Set(isolated.map((t) => t.cls.routeTableId))];
  const subnet = natSubnetFor(ctx);
  if (!subnet) return findings;
  const after = new Set(analysis(withNatRoute(ctx.s, tableIds)).map((f) => f.id));
  // A network ACL's finding has a cause of its own (its entry is the fix), even where a NAT route
  // would take the tasks past the endpoint subnets it guards.
  const aclOnly = (f: AnalyzerFinding) => f.remedies.length > 0 && f.remedies.every((r) => r.kind === 'naclAllow');
  const group = findings.filter((f) => !after.has(f.id) && !aclOnly(f) && (f.remedies.length > 0 || f.code === 'REGISTRY_UNREACHABLE'));
  const endpointRemedies = unique(group.flatMap((f) => f.remedies).filter((r) => ENDPOINT_REMEDIES.has(r.kind)));
  const endpointsFit = endpointRemedies.length > 0 && endpointsServe(ctx, endpointRemedies);
  const nat = natAlternative(ctx, subnet, tableIds, !endpointsFit);
  const alternatives = endpointsFit ? [endpointsAlternative(ctx, endpointRemedies, true), nat] : [nat];
  return findings.map((f) => (!group.includes(f) ? f : {
    ...f,
    // Endpoints preselected: each finding keeps its own endpoint; else the NAT gateway replaces them all.
    remedies: endpointsFit ? f.remedies : nat.remedies,
    alternatives,
  }));
}

/**
 * The alternatives pass: `findings` are the rules' findings for `ctx`'s snapshot; `analysis`
 * runs the same rules on another snapshot. Findings outside the cause pass through unchanged.
 */
export function pathRemedies(findings: AnalyzerFinding[], ctx: Context, analysis: RuleAnalysis): AnalyzerFinding[] {
  // A subnet without a path is public (without a public IP) or isolated: the other kinds route to the internet.
  const dead = ctx.noInternet;
  if (dead.length === 0) return findings;
  const isolated = dead.filter(isIsolated);
  const carrier = findings.find((f) => f.code === 'PUBLIC_SUBNET_NO_PUBLIC_IP');
  if (isolated.length === 0) return carrier ? publicCase(findings, ctx, analysis, carrier) : findings;
  if (isolated.length === dead.length) return isolatedCase(findings, ctx, analysis, isolated);
  // Mixed: the endpoints the isolated subnets need serve the public ones too.
  const endpointsPlanned = findings.some((f) => f.remedies.some((r) => r.kind === 'interfaceEndpoint' || r.kind === 'gatewayEndpoint'));
  if (!carrier || !endpointsPlanned || ctx.internetImages.length > 0) return findings;
  return findings.map((f) => (f !== carrier ? f : {
    ...f,
    evidence: [
      ...f.evidence,
      `${isolated.map((t) => t.id).join(', ')} ${isolated.length === 1 ? 'has' : 'have'} no internet route at all, so the tasks there need the VPC endpoints; those serve the public subnets too, and a public IP as well would be a second remedy for the same cause. Or run the service in subnets of one kind.`,
    ],
    remedies: [],
  }));
}
