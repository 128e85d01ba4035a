// The service map's back half: the tasks, one node per subnet (its zone, CIDR and kind), each
// subnet's way out (internet gateway, NAT gateway, none, or a target the doctor cannot see past),
// the VPC endpoints (with their security groups' 443 rule) and the AWS services the task
// definition needs. A service is reached through an endpoint that serves the subnet, else
// through the subnet's way out; with neither, the edge goes straight from the tasks to the
// service, broken by the finding that says what is missing.
//
// Pure module: no vscode, no AWS SDK.

import type { VpcEndpoint } from '../../model/network';
import { aclForSubnet } from '../netRules';
import { endpointsFor, serviceName, usable, type Context, type EndpointKey, type Need, type TaskSubnet } from '../rules/context';
import type { AnalyzerFinding } from '../types';
import type { EdgeBook } from './edgeBook';
import { inboundOn } from './frontEnd';
import type { MapNode } from './mapTypes';

const SERVICE_TITLES: Readonly<Record<EndpointKey, string>> = {
  'ecr.api': 'Amazon ECR API',
  'ecr.dkr': 'Amazon ECR registry',
  s3: 'Amazon S3',
  logs: 'CloudWatch Logs',
  secretsmanager: 'Secrets Manager',
  ssm: 'SSM Parameter Store',
  ssmmessages: 'SSM messages (ECS Exec)',
};

/** Why a task needs the service, in a few words (the doctor's findings say it in full). */
const PURPOSES: Readonly<Record<EndpointKey, string>> = {
  'ecr.api': 'image pull: authorization',
  'ecr.dkr': 'image pull: manifests',
  s3: 'image layers, environment files',
  logs: 'container logs (awslogs)',
  secretsmanager: 'secrets at start',
  ssm: 'parameters at start',
  ssmmessages: 'ECS Exec sessions',
};

export function tasksId(subnetId: string): string {
  return `tasks:${subnetId}`;
}

function awsId(key: EndpointKey): string {
  return `aws:${key}`;
}

const NO_WAY_OUT = 'out:none';

function kindLine(t: TaskSubnet, assignPublicIp: string): string {
  switch (t.cls.kind) {
    case 'public': return assignPublicIp === 'ENABLED' ? 'public subnet, public IP' : 'public subnet, no public IP';
    case 'private-nat': return 'private subnet with NAT';
    case 'isolated': return 'private subnet, no internet route';
    default: return 'routes 0.0.0.0/0 to an unknown target';
  }
}

/** The node a subnet's tasks leave by, and the edge's label. */
function wayOut(t: TaskSubnet): { node: MapNode; label: string } {
  const target = t.cls.defaultRouteTarget ?? '';
  const table = t.cls.routeTableId ? ` (${t.cls.routeTableId})` : '';
  switch (t.cls.kind) {
    case 'public':
      // Drawn working only with the public IP: without it the edge is drawn broken, under its finding's title.
      return { node: { id: `out:${target}`, kind: 'internetGateway', title: `Internet gateway ${target}`, lines: ['way out'] }, label: `0.0.0.0/0${table}, public IP` };
    case 'private-nat':
      return { node: { id: `out:${target}`, kind: 'natGateway', title: `NAT gateway ${target}`, lines: ['way out'] }, label: `0.0.0.0/0${table}` };
    case 'isolated':
      return { node: { id: NO_WAY_OUT, kind: 'noWayOut', title: 'No internet route', lines: ['AWS services only through VPC endpoints'] }, label: `no 0.0.0.0/0 route${table}` };
    default:
      return { node: { id: `out:${target}`, kind: 'otherWayOut', title: `Route target ${target}`, lines: ['the doctor cannot see past it'] }, label: `0.0.0.0/0${table}` };
  }
}

/** The network ACL findings that name a task subnet's ACL (they stop everything the tasks send out). */
function naclFindingsOf(ctx: Context, findings: readonly AnalyzerFinding[], subnetId: string): AnalyzerFinding[] {
  const acl = aclForSubnet(subnetId, ctx.vpcId ?? '', ctx.s.networkAcls ?? [])?.id;
  return findings.filter((f) => (f.code === 'NACL_BLOCKS_443' || f.code === 'NACL_BLOCKS_REPLIES') && f.resource === acl);
}

function uncheckedReason(ctx: Context, subject: 'endpoints' | 'routeTables'): string | undefined {
  const gap = ctx.s.gaps.find((g) => g.subject === subject);
  return gap ? `the ${subject === 'endpoints' ? 'VPC endpoints' : 'route tables'} were not read (${gap.reason}).` : undefined;
}

function endpointNode(ctx: Context, e: VpcEndpoint): MapNode {
  const short = e.serviceName.split('.').slice(3).join('.');
  if (e.type === 'Gateway') {
    return { id: `ep:${e.id}`, kind: 'endpoint', title: `Gateway endpoint ${short}`, lines: [e.id, `route tables ${e.routeTableIds.join(', ') || 'none'}`] };
  }
  const groups = e.securityGroupIds.map((id) => ctx.s.securityGroups?.find((g) => g.id === id));
  const rules = groups.map((g, i) => (g ? inboundOn(g, 443) : `${e.securityGroupIds[i]}: not read`));
  return { id: `ep:${e.id}`, kind: 'endpoint', title: `Endpoint ${short}`, lines: [e.id, ...rules, `private DNS ${e.privateDnsEnabled ? 'on' : 'off'} · ${e.state}`] };
}

/** The findings that break the tasks' path to one endpoint: its own faults, the task group's egress to it, VPC DNS, an ACL of its subnets. */
function endpointFindings(ctx: Context, findings: readonly AnalyzerFinding[], e: VpcEndpoint, t: TaskSubnet): AnalyzerFinding[] {
  // The task subnet's own ACL is among them when the endpoint shares it: its findings are on every edge out anyway.
  const endpointAcls = new Set(e.subnetIds.map((sid) => aclForSubnet(sid, ctx.vpcId ?? '', ctx.s.networkAcls ?? [])?.id));
  return findings.filter((f) => {
    switch (f.code) {
      case 'ENDPOINT_SG_BLOCKS_443': case 'ENDPOINT_PRIVATE_DNS_DISABLED': case 'ENDPOINT_NOT_AVAILABLE': return f.resource === e.id;
      case 'TASK_SG_BLOCKS_443': return f.title.includes(`${e.serviceName} (`) && f.title.includes(e.id);
      case 'VPC_DNS_DISABLED': return e.type === 'Interface';
      case 'S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED': return e.type === 'Gateway' && !e.routeTableIds.includes(t.cls.routeTableId ?? '');
      case 'NACL_BLOCKS_443': case 'NACL_BLOCKS_REPLIES': return endpointAcls.has(f.resource);
      default: return false;
    }
  });
}

/** The findings that say a service is unreachable with no endpoint and no way out. */
function missingFindings(ctx: Context, findings: readonly AnalyzerFinding[], need: Need): AnalyzerFinding[] {
  const name = serviceName(ctx.region, need.key);
  return findings.filter((f) => {
    switch (f.code) {
      case 'ENDPOINT_MISSING': return f.resource === name;
      case 'S3_GATEWAY_ENDPOINT_MISSING': case 'S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED': return need.key === 's3';
      case 'ENDPOINT_SG_BLOCKS_443': return f.resource === ctx.vpcId && need.kind === 'Interface';
      case 'PUBLIC_SUBNET_NO_PUBLIC_IP': return true;
      default: return false;
    }
  });
}

/** What the service itself lacks, on every edge into it: the log group. */
function serviceFindings(findings: readonly AnalyzerFinding[], key: EndpointKey): AnalyzerFinding[] {
  return key === 'logs' ? findings.filter((f) => f.code === 'LOG_GROUP_MISSING') : [];
}

/** The endpoints of a need that serve subnet `t`: interface endpoints with private DNS (or any, when the subnet has no way out), gateway endpoints on its table. */
function servingEndpoints(ctx: Context, need: Need, t: TaskSubnet): VpcEndpoint[] {
  const found = endpointsFor(ctx, need.key, need.kind).filter(usable);
  if (need.kind === 'Gateway') {
    const onTable = found.filter((e) => e.routeTableIds.includes(t.cls.routeTableId ?? ''));
    // Not on the table and no way out: drawn, broken by the "not associated" finding.
    return onTable.length > 0 || t.internet ? onTable : found.slice(0, 1);
  }
  return found.filter((e) => e.privateDnsEnabled || !t.internet);
}

/** The back half's nodes and edges, from the tasks' nodes on. */
export function backEnd(ctx: Context, findings: readonly AnalyzerFinding[], book: EdgeBook): MapNode[] {
  const nodes = new Map<string, MapNode>();
  // A node met again (a service, a way out, an endpoint shared by subnets) is the same node: it keeps its place.
  const put = (n: MapNode) => nodes.set(n.id, n);
  const config = ctx.s.launch.awsvpcConfiguration;
  const taskLines = [`security groups ${config.securityGroups.join(', ') || 'none'}`];
  for (const id of config.subnets) {
    if (ctx.subnets.some((t) => t.id === id)) continue;
    const missing = findings.filter((f) => f.code === 'TASK_SUBNET_NOT_FOUND' && f.resource === id);
    put({ id: tasksId(id), kind: 'tasks', title: `Tasks in ${id}`, lines: [missing.length > 0 ? 'subnet not found' : 'subnet not read'] });
  }
  for (const t of ctx.subnets) {
    const from = tasksId(t.id);
    put({ id: from, kind: 'tasks', title: `Tasks in ${t.id}`, lines: [`${t.subnet.availabilityZone} · ${t.subnet.cidrBlock}`, kindLine(t, config.assignPublicIp), ...taskLines] });
    const nacl = naclFindingsOf(ctx, findings, t.id);
    const naclBlockers = nacl.map((f) => f.resource);
    const out = ctx.s.routeTables ? wayOut(t) : undefined;
    const noPublicIp = findings.filter((f) => f.code === 'PUBLIC_SUBNET_NO_PUBLIC_IP');
    const internetEgress = findings.filter((f) => f.code === 'TASK_SG_BLOCKS_443' && f.title.includes('the internet'));
    if (out && (t.cls.kind !== 'public' || config.assignPublicIp === 'ENABLED' || noPublicIp.length > 0)) {
      put(out.node);
      book.add(from, out.node.id, {
        label: out.label,
        findings: [...(t.cls.kind === 'public' ? noPublicIp : []), ...(t.internet ? [...internetEgress, ...nacl] : [])],
        blockers: [...(t.internet ? [...internetEgress.map((f) => f.resource), ...naclBlockers] : [])],
        ...(t.cls.kind === 'unknown-route' ? { reason: `${t.cls.reason}.` } : {}),
      });
    }
    for (const need of ctx.needs) {
      const target = awsId(need.key);
      put({ id: target, kind: 'awsService', title: SERVICE_TITLES[need.key], lines: [serviceName(ctx.region, need.key).split('.').slice(3).join('.'), PURPOSES[need.key]] });
      const into = serviceFindings(findings, need.key);
      const serving = ctx.s.endpoints ? servingEndpoints(ctx, need, t) : [];
      if (serving.length > 0) {
        for (const e of serving) {
          const ep = endpointNode(ctx, e);
          put(ep);
          const own = [...endpointFindings(ctx, findings, e, t), ...nacl];
          const unread = findings.find((f) => f.code === 'COULD_NOT_CHECK' && f.resource === `securityGroups:${e.id}`);
          book.add(from, ep.id, {
            label: e.type === 'Gateway' ? `S3 prefix list (${t.cls.routeTableId ?? 'route table'})` : 'HTTPS 443',
            findings: own,
            blockers: own.flatMap((f) => (f.code === 'ENDPOINT_SG_BLOCKS_443' ? e.securityGroupIds : f.code.startsWith('NACL_') || f.code === 'TASK_SG_BLOCKS_443' ? [f.resource] : [])),
            ...(unread ? { reason: unread.evidence[0] } : {}),
          });
          book.add(ep.id, target, { label: e.type === 'Gateway' ? 'gateway' : 'PrivateLink', findings: into });
        }
      } else if (t.internet && out) {
        book.add(out.node.id, target, { label: 'HTTPS 443', findings: into });
      } else {
        const reason = !ctx.s.endpoints ? uncheckedReason(ctx, 'endpoints') ?? 'the VPC endpoints were not read.'
          : !ctx.s.routeTables ? uncheckedReason(ctx, 'routeTables') ?? 'the route tables were not read.'
          : 'no endpoint serves this subnet and it has no way out, yet the doctor named no finding for it.';
        // Always a reason: the edge is broken by a finding or unchecked, never ok, so it needs no label.
        book.add(from, target, { findings: [...missingFindings(ctx, findings, need), ...into], reason });
      }
    }
    for (const image of ctx.internetImages) {
      const host = image.includes('/') && /[.:]/.test(image.split('/')[0]) ? image.split('/')[0] : 'docker.io';
      const target = `registry:${host}`;
      put({ id: target, kind: 'registry', title: `Registry ${host}`, lines: ['only the internet serves it'] });
      if (t.internet && out) book.add(out.node.id, target, { label: 'HTTPS 443' });
      else book.add(from, target, { label: 'no way out', findings: findings.filter((f) => f.code === 'REGISTRY_UNREACHABLE' || f.code === 'PUBLIC_SUBNET_NO_PUBLIC_IP') });
    }
  }
  return [...nodes.values()];
}
