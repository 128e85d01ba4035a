// What the analyzer's rules share: the context built once from the snapshot (the task subnets
// and how each reaches the internet, the task's groups, the AWS services the task definition
// needs and whether through an interface or a gateway endpoint), the draft a rule returns, and
// the few phrases several rules use.
//
// Pure module: no vscode, no AWS SDK.

import type { SecurityGroup, Subnet, VpcEndpoint } from '../../model/network';
import { classifySubnet, type SubnetClassification } from '../../model/subnetKind';
import { parseImageUri } from '../../model/imageUri';
import { parseSecretValueFrom } from '../../model/arns';
import type { DiagnosisCode, Severity } from '../codes';
import type { GapSubject, ServiceSnapshot, SnapshotContainer } from '../snapshot';
import type { AnalyzerFinding } from '../types';

/** A finding before `analyze` gives it its id, docs link and the code's default title and severity. */
export type Draft = Omit<AnalyzerFinding, 'id' | 'docsUrl' | 'fix' | 'title' | 'severity'> & { title?: string; severity?: Severity };

/** The stopped-task diagnoses a task without a network path to AWS services can show. */
export const UNREACHABLE: readonly DiagnosisCode[] = [
  'ECR_UNREACHABLE', 'REGISTRY_LAYERS_UNREACHABLE', 'REGISTRY_UNREACHABLE', 'SECRETS_UNREACHABLE', 'LOGS_UNREACHABLE',
  'ENV_FILES_FAILED', 'TASK_FAILED_TO_START',
];

export type EndpointKey = 'ecr.api' | 'ecr.dkr' | 's3' | 'logs' | 'secretsmanager' | 'ssm' | 'ssmmessages';

export interface Need {
  readonly key: EndpointKey;
  readonly kind: 'Interface' | 'Gateway';
  /** Why the task needs it: "container web pulls 1234.dkr.ecr...". */
  readonly why: string;
  /** ECS Exec only degrades exec, the task still starts. */
  readonly severity: Severity;
  readonly affects: readonly DiagnosisCode[];
}

export interface TaskSubnet {
  readonly id: string;
  readonly subnet: Subnet;
  readonly cls: SubnetClassification;
  /** The subnet has a path to the internet (IGW with a public IP, NAT, or an unknown target). */
  readonly internet: boolean;
}

/** What every rule reads: the snapshot and what the analyzer derives from it once. */
export interface Context {
  readonly s: ServiceSnapshot;
  readonly region: string;
  readonly vpcId: string | undefined;
  readonly vpcCidr: string | undefined;
  readonly subnets: readonly TaskSubnet[];
  readonly noInternet: readonly TaskSubnet[];
  readonly taskGroupIds: readonly string[];
  readonly taskGroups: readonly SecurityGroup[] | undefined;
  readonly needs: readonly Need[];
  /** Some image is in a public registry or another Region's ECR: only the internet serves it. */
  readonly internetImages: readonly string[];
  readonly privateEcr: boolean;
  readonly os: string;
  readonly gapped: Set<GapSubject>;
}

export function serviceName(region: string, key: EndpointKey): string {
  return `com.amazonaws.${region}.${key}`;
}

export function subnetLabel(t: Pick<Subnet, 'id' | 'cidrBlock' | 'availabilityZone'>): string {
  return `${t.id} (${t.cidrBlock}, ${t.availabilityZone})`;
}

export function pathSentence(t: TaskSubnet, assignPublicIp: string): string {
  if (t.cls.kind === 'isolated') {
    const table = ` (route table ${t.cls.routeTableId}${t.cls.viaMainTable ? ', the main table' : ''})`;
    const dead = t.cls.reason.includes('blackhole') ? `: ${t.cls.reason.slice(t.cls.reason.indexOf('its route'), t.cls.reason.indexOf(';'))}` : '';
    return `${subnetLabel(t.subnet)} routes 0.0.0.0/0 nowhere${table}${dead}`;
  }
  if (t.cls.kind === 'public' && assignPublicIp !== 'ENABLED') {
    return `${subnetLabel(t.subnet)} ${t.cls.reason}, but the tasks get no public IP (assignPublicIp ${assignPublicIp})`;
  }
  return `${subnetLabel(t.subnet)} ${t.cls.reason}`;
}

export function isAwslogs(c: SnapshotContainer): boolean {
  return c.logConfiguration?.logDriver === 'awslogs';
}

function collectNeeds(s: ServiceSnapshot): { needs: Need[]; internetImages: string[]; privateEcr: boolean } {
  const needs: Need[] = [];
  const internetImages: string[] = [];
  let privateEcr = false;
  const add = (need: Need) => {
    if (!needs.some((n) => n.key === need.key)) needs.push(need);
  };
  for (const c of s.taskDefinition.containers) {
    const parsed = parseImageUri(c.image);
    if (parsed.ok && parsed.image.registry === 'ecr' && parsed.image.region === s.region) {
      privateEcr = true;
      const why = `container ${c.name} pulls ${c.image} from Amazon ECR`;
      add({ key: 'ecr.api', kind: 'Interface', why, severity: 'error', affects: ['ECR_UNREACHABLE'] });
      add({ key: 'ecr.dkr', kind: 'Interface', why, severity: 'error', affects: ['ECR_UNREACHABLE'] });
      add({ key: 's3', kind: 'Gateway', why: `container ${c.name}'s image layers come from Amazon S3`, severity: 'error', affects: ['REGISTRY_LAYERS_UNREACHABLE'] });
    } else if (parsed.ok) {
      internetImages.push(c.image);
    }
    if (isAwslogs(c)) {
      add({ key: 'logs', kind: 'Interface', why: `container ${c.name} logs to CloudWatch (awslogs)`, severity: 'error', affects: ['LOGS_UNREACHABLE', 'LOG_GROUP_MISSING'] });
    }
    for (const secret of c.secrets ?? []) {
      const src = parseSecretValueFrom(secret.valueFrom);
      if (!src.ok) continue;
      const key: EndpointKey = src.source.kind === 'secretsmanager' ? 'secretsmanager' : 'ssm';
      add({ key, kind: 'Interface', why: `container ${c.name} reads secret ${secret.name} from ${secret.valueFrom}`, severity: 'error', affects: ['SECRETS_UNREACHABLE', 'ECR_UNREACHABLE'] });
    }
    if (c.repositoryCredentials) {
      add({ key: 'secretsmanager', kind: 'Interface', why: `container ${c.name} reads registry credentials from ${c.repositoryCredentials.credentialsParameter}`, severity: 'error', affects: ['SECRETS_UNREACHABLE', 'REGISTRY_UNREACHABLE'] });
    }
    if ((c.environmentFiles ?? []).length > 0) {
      add({ key: 's3', kind: 'Gateway', why: `container ${c.name} downloads environment files from Amazon S3`, severity: 'error', affects: ['ENV_FILES_FAILED'] });
    }
  }
  if (s.launch.enableExecuteCommand) {
    add({ key: 'ssmmessages', kind: 'Interface', why: 'the service has ECS Exec on (enableExecuteCommand)', severity: 'warning', affects: [] });
  }
  return { needs, internetImages, privateEcr };
}

export function buildContext(s: ServiceSnapshot): Context {
  const gapped = new Set(s.gaps.map((g) => g.subject));
  const config = s.launch.awsvpcConfiguration;
  const subnets: TaskSubnet[] = [];
  for (const id of config.subnets) {
    const subnet = s.subnets?.find((x) => x.id === id);
    if (!subnet) continue;
    const cls = classifySubnet(subnet, s.routeTables ?? []);
    const internet = cls.kind === 'private-nat' || cls.kind === 'unknown-route' || (cls.kind === 'public' && config.assignPublicIp === 'ENABLED');
    subnets.push({ id, subnet, cls, internet });
  }
  const vpcId = s.vpc?.id ?? subnets[0]?.subnet.vpcId;
  const groups = s.securityGroups;
  const { needs, internetImages, privateEcr } = collectNeeds(s);
  return {
    s,
    region: s.region,
    vpcId,
    vpcCidr: s.vpc?.cidrBlock,
    subnets,
    noInternet: s.routeTables ? subnets.filter((t) => !t.internet) : [],
    taskGroupIds: config.securityGroups,
    taskGroups: groups ? config.securityGroups.flatMap((id) => groups.filter((g) => g.id === id)) : undefined,
    needs,
    internetImages,
    privateEcr,
    os: s.taskDefinition.runtimePlatform?.operatingSystemFamily ?? 'LINUX',
    gapped,
  };
}

export function usable(e: VpcEndpoint): boolean {
  return !['deleted', 'deleting', 'failed', 'rejected', 'expired'].includes(e.state);
}

export function endpointsFor(ctx: Context, key: EndpointKey, type: 'Interface' | 'Gateway'): VpcEndpoint[] {
  const name = serviceName(ctx.region, key);
  return (ctx.s.endpoints ?? []).filter((e) => e.vpcId === ctx.vpcId && e.serviceName === name && e.type === type);
}

/** A group's inbound rules in words (the security group and load balancer rules quote them). */
export function describeIngress(g: SecurityGroup): string {
  if (g.ingress.length === 0) return 'nothing';
  return g.ingress.map((r) => {
    const ports = r.protocol === '-1' ? 'all traffic' : `${r.protocol.toUpperCase()} ${r.fromPort === r.toPort ? r.fromPort : `${r.fromPort}-${r.toPort}`}`;
    const from = [...r.cidrs, ...r.groupIds, ...r.prefixListIds, ...r.ipv6Cidrs].join(', ') || 'nowhere';
    return `${ports} from ${from}`;
  }).join('; ');
}
