// The analyzer: plain snapshot in (snapshot.ts), findings out. It checks every rule of
// fargate-startup-requirements.md sections 1-4 against one service (or a task definition plus
// the network a new service would use) and says, for each fault, which resources show it and
// what would fix it. Rules that need data the snapshot lacks report COULD_NOT_CHECK instead.
//
// Decisions worth knowing (also in the design doc):
// - Network ACLs. NACLs are stateless, so a task making HTTPS calls needs, on its own subnet's
//   ACL, outbound TCP 443 and inbound TCP on its ephemeral ports (Linux 32768-60999, Windows
//   49152-65535; AWS recommends allowing 1024-65535 to cover every client). The interface
//   endpoint's subnet sees the same connection from the other side: inbound 443 and outbound
//   ephemeral. AWS's connectivity page states the endpoint-side pair ("outbound 1024-65535,
//   inbound 443"), the design doc the task-side pair; both are right for their side, and the
//   analyzer checks both whenever the task and an endpoint interface sit in different subnets
//   (traffic inside one subnet never passes its ACL).
// - awslogs-create-group. The awslogs driver ECS uses creates the group only when CreateLogStream
//   answers that the group does not exist, and then calls logs:CreateLogGroup, which the managed
//   AmazonECSTaskExecutionRolePolicy does not grant. So "create-group true, group absent, role
//   without logs:CreateLogGroup" fails the task ("failed to create Cloudwatch log group:
//   AccessDeniedException"): reported as LOG_GROUP_MISSING, an error, fixed by creating the group
//   (no IAM change). With the group present, create-group needs no extra permission.
// - Stopped tasks are not findings of `analyze`; `joinStoppedTasks` (stoppedTasks.ts) explains
//   them with it.
//
// Pure module: no vscode, no AWS SDK.

import type { Subnet, SecurityGroup, VpcEndpoint } from '../model/network';
import { classifySubnet, type SubnetClassification } from '../model/subnetKind';
import { fargateSizeProblem, parseCpuUnits, parseMemoryMiB } from '../model/fargateSizes';
import { parseImageUri } from '../model/imageUri';
import { parseSecretValueFrom, splitArn } from '../model/arns';
import {
  ANALYSIS_CODE_INFO,
  CODES,
  isAnalysisCode,
  type DiagnosisCode,
  type Severity,
} from './codes';
import { evaluateActions, KNOWN_MANAGED_POLICIES, parsePolicyDocument, trustsService, TASK_EXECUTION_POLICY_ARN, type ActionVerdict } from './iamPolicy';
import {
  aclAllowsTcp,
  aclForSubnet,
  ANYWHERE,
  describeAclEntry,
  ephemeralRange,
  groupsAllowTcp,
} from './netRules';
import type { GapSubject, ServiceSnapshot, SnapshotContainer } from './snapshot';
import type { AnalyzerFinding, Remedy } from './types';

type Draft = Omit<AnalyzerFinding, 'id' | 'docsUrl' | 'fix' | 'title' | 'severity'> & { title?: string; severity?: Severity };

const UNREACHABLE: readonly DiagnosisCode[] = [
  'ECR_UNREACHABLE', 'REGISTRY_LAYERS_UNREACHABLE', 'REGISTRY_UNREACHABLE', 'SECRETS_UNREACHABLE', 'LOGS_UNREACHABLE',
  'ENV_FILES_FAILED', 'TASK_FAILED_TO_START',
];

// ---- context ----------------------------------------------------------------------------------

type EndpointKey = 'ecr.api' | 'ecr.dkr' | 's3' | 'logs' | 'secretsmanager' | 'ssm' | 'ssmmessages';

interface Need {
  readonly key: EndpointKey;
  readonly kind: 'Interface' | 'Gateway';
  /** Why the task needs it: "container web pulls 1234.dkr.ecr...". */
  readonly why: string;
  /** ECS Exec only degrades exec, the task still starts. */
  readonly severity: Severity;
  readonly affects: readonly DiagnosisCode[];
}

interface TaskSubnet {
  readonly id: string;
  readonly subnet: Subnet;
  readonly cls: SubnetClassification;
  /** The subnet has a path to the internet (IGW with a public IP, NAT, or an unknown target). */
  readonly internet: boolean;
}

interface Context {
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

function serviceName(region: string, key: EndpointKey): string {
  return `com.amazonaws.${region}.${key}`;
}

function subnetLabel(t: Pick<Subnet, 'id' | 'cidrBlock' | 'availabilityZone'>): string {
  return `${t.id} (${t.cidrBlock}, ${t.availabilityZone})`;
}

function pathSentence(t: TaskSubnet, assignPublicIp: string): string {
  if (t.cls.kind === 'isolated') {
    const table = t.cls.routeTableId ? ` (route table ${t.cls.routeTableId}${t.cls.viaMainTable ? ', the main table' : ''})` : '';
    const dead = t.cls.reason.includes('blackhole') ? `: ${t.cls.reason.slice(t.cls.reason.indexOf('its route'), t.cls.reason.indexOf(';'))}` : '';
    return `${subnetLabel(t.subnet)} routes 0.0.0.0/0 nowhere${table}${dead}`;
  }
  if (t.cls.kind === 'public' && assignPublicIp !== 'ENABLED') {
    return `${subnetLabel(t.subnet)} ${t.cls.reason}, but the tasks get no public IP (assignPublicIp ${assignPublicIp})`;
  }
  return `${subnetLabel(t.subnet)} ${t.cls.reason}`;
}

function isAwslogs(c: SnapshotContainer): boolean {
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

function buildContext(s: ServiceSnapshot): Context {
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
  const { needs, internetImages, privateEcr } = collectNeeds(s);
  return {
    s,
    region: s.region,
    vpcId,
    vpcCidr: s.vpc?.cidrBlock,
    subnets,
    noInternet: s.routeTables ? subnets.filter((t) => !t.internet) : [],
    taskGroupIds: config.securityGroups,
    taskGroups: s.securityGroups ? config.securityGroups.flatMap((id) => s.securityGroups?.filter((g) => g.id === id) ?? []) : undefined,
    needs,
    internetImages,
    privateEcr,
    os: s.taskDefinition.runtimePlatform?.operatingSystemFamily ?? 'LINUX',
    gapped,
  };
}

function usable(e: VpcEndpoint): boolean {
  return !['deleted', 'deleting', 'failed', 'rejected', 'expired'].includes(e.state);
}

function endpointsFor(ctx: Context, key: EndpointKey, type: 'Interface' | 'Gateway'): VpcEndpoint[] {
  const name = serviceName(ctx.region, key);
  return (ctx.s.endpoints ?? []).filter((e) => e.vpcId === ctx.vpcId && e.serviceName === name && e.type === type);
}

// ---- rules ------------------------------------------------------------------------------------

const GAP_WORDS: Record<GapSubject, string> = {
  taskDefinition: 'the task definition',
  vpc: 'the VPC',
  vpcDnsAttributes: "the VPC's DNS attributes",
  subnets: 'the subnets',
  routeTables: 'the route tables',
  endpoints: 'the VPC endpoints',
  securityGroups: 'the security groups',
  networkAcls: 'the network ACLs',
  executionRole: 'the task execution role',
  executionRolePolicies: "the execution role's policies",
  images: 'the container images',
  logGroups: 'the CloudWatch log groups',
  loadBalancing: 'the load balancer wiring',
  stoppedTasks: 'the stopped tasks',
  endpointServices: "the Region's endpoint services",
};

const GAP_CHECKS: Record<GapSubject, string> = {
  taskDefinition: 'every task definition rule',
  vpc: 'the VPC DNS and endpoint rules',
  vpcDnsAttributes: 'the VPC DNS rule',
  subnets: 'the network path of each subnet',
  routeTables: 'the network path of each subnet and the S3 gateway endpoint',
  endpoints: 'the VPC endpoint rules',
  securityGroups: 'the security group rules (443 to the endpoints, the load balancer port)',
  networkAcls: 'the network ACL rules',
  executionRole: 'the execution role trust and permissions',
  executionRolePolicies: 'the execution role permissions',
  images: 'that the image exists and matches the platform',
  logGroups: 'that the log group exists',
  loadBalancing: 'the target group and listener wiring',
  stoppedTasks: 'the stopped tasks',
  endpointServices: 'that the Region offers each endpoint service',
};

function gapFindings(ctx: Context): Draft[] {
  const drafts: Draft[] = ctx.s.gaps.map((g) => ({
    code: 'COULD_NOT_CHECK' as const,
    resource: g.resource ? `${g.subject}:${g.resource}` : g.subject,
    evidence: [`Could not read ${GAP_WORDS[g.subject]}${g.resource ? ` (${g.resource})` : ''}: ${g.reason}. Not checked: ${GAP_CHECKS[g.subject]}.`],
    affects: [],
    remedies: [],
  }));
  // Data that is simply absent, with no gap recorded, is reported the same way.
  const implicit = (subject: GapSubject, missing: boolean) => {
    if (missing && !ctx.gapped.has(subject)) {
      drafts.push({
        code: 'COULD_NOT_CHECK', resource: subject, affects: [], remedies: [],
        evidence: [`${GAP_WORDS[subject][0].toUpperCase()}${GAP_WORDS[subject].slice(1)} ${subject.endsWith('s') ? 'were' : 'was'} not collected. Not checked: ${GAP_CHECKS[subject]}.`],
      });
      ctx.gapped.add(subject);
    }
  };
  implicit('subnets', ctx.s.subnets === undefined);
  implicit('routeTables', ctx.s.routeTables === undefined);
  implicit('vpc', ctx.s.vpc === undefined && ctx.vpcId === undefined);
  implicit('vpcDnsAttributes', ctx.s.vpc !== undefined && (ctx.s.vpc.dnsSupport === undefined || ctx.s.vpc.dnsHostnames === undefined));
  implicit('endpoints', ctx.s.endpoints === undefined);
  implicit('securityGroups', ctx.s.securityGroups === undefined);
  implicit('networkAcls', ctx.s.networkAcls === undefined);
  return drafts;
}

function fargateSize(ctx: Context): Draft[] {
  const td = ctx.s.taskDefinition;
  const fargate = (ctx.s.launch.launchType ?? 'FARGATE') === 'FARGATE' || (td.requiresCompatibilities ?? []).includes('FARGATE');
  if (!fargate) return [];
  const resource = td.arn ?? td.family;
  const cpu = td.cpu === undefined ? undefined : parseCpuUnits(td.cpu);
  const memory = td.memory === undefined ? undefined : parseMemoryMiB(td.memory);
  const make = (sentence: string): Draft[] => [{ code: 'INVALID_FARGATE_SIZE', resource, evidence: [sentence], affects: ['TASK_FAILED_TO_START'], remedies: [] }];
  if (cpu === undefined || memory === undefined) {
    return make(`Task definition ${td.family} has cpu ${td.cpu ?? '(none)'} and memory ${td.memory ?? '(none)'}: Fargate needs both at task level, as one of its sizes.`);
  }
  const problem = fargateSizeProblem(cpu, memory, ctx.os);
  if (problem) return make(`Task definition ${td.family} (cpu ${td.cpu}, memory ${td.memory}): ${problem.message}`);
  const pv = ctx.s.launch.platformVersion;
  if (cpu >= 8192 && pv && pv !== 'LATEST' && compareVersions(pv, '1.4.0') < 0) {
    return make(`Task definition ${td.family} asks for ${cpu / 1024} vCPU, which needs Fargate platform 1.4.0 or later; the service uses ${pv}.`);
  }
  return [];
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function missingSubnets(ctx: Context): Draft[] {
  if (!ctx.s.subnets) return [];
  return ctx.s.launch.awsvpcConfiguration.subnets
    .filter((id) => !ctx.s.subnets?.some((x) => x.id === id))
    .map((id) => ({
      code: 'TASK_SUBNET_NOT_FOUND' as const, resource: id, affects: ['CAPACITY_UNAVAILABLE', 'TASK_FAILED_TO_START'] as DiagnosisCode[], remedies: [],
      evidence: [`The service's awsvpcConfiguration names ${id}, which does not exist in ${ctx.region}${ctx.vpcId ? ` (VPC ${ctx.vpcId})` : ''}.`],
    }));
}

/** Section 1: public subnets without a public IP, and images only the internet serves. */
function networkPath(ctx: Context): Draft[] {
  const drafts: Draft[] = [];
  const config = ctx.s.launch.awsvpcConfiguration;
  const publicNoIp = ctx.subnets.filter((t) => t.cls.kind === 'public' && config.assignPublicIp !== 'ENABLED');
  const missingAnyEndpoint = ctx.needs.some((n) => n.severity === 'error' && endpointsFor(ctx, n.key, n.kind).filter(usable).length === 0);
  const unknown = ctx.subnets.filter((t) => t.cls.kind === 'unknown-route');
  if (unknown.length > 0 && (ctx.needs.length > 0 || ctx.internetImages.length > 0)) {
    drafts.push({
      code: 'NETWORK_PATH_UNKNOWN',
      resource: unknown.map((t) => t.id).join(','),
      evidence: [...unknown.map((t) => `${subnetLabel(t.subnet)} ${t.cls.reason}.`), 'The doctor assumes these subnets reach AWS services; if tasks time out, check what is behind that target.'],
      affects: [],
      remedies: [],
    });
  }
  if (publicNoIp.length > 0 && (missingAnyEndpoint || ctx.internetImages.length > 0)) {
    drafts.push({
      code: 'PUBLIC_SUBNET_NO_PUBLIC_IP',
      resource: ctx.s.service?.arn ?? ctx.s.taskDefinition.family,
      evidence: [
        ...publicNoIp.map((t) => pathSentence(t, config.assignPublicIp)),
        'Without a public IP a task in a public subnet reaches nothing on the internet; only VPC endpoints serve it.',
      ],
      affects: UNREACHABLE,
      remedies: ctx.s.service ? [{ kind: 'assignPublicIp' }] : [],
    });
  }
  if (ctx.internetImages.length > 0 && ctx.subnets.length > 0) {
    const dead = ctx.noInternet;
    if (dead.length > 0) {
      drafts.push({
        code: 'REGISTRY_UNREACHABLE',
        resource: ctx.internetImages[0],
        evidence: [
          ...dead.map((t) => pathSentence(t, config.assignPublicIp)),
          `${ctx.internetImages.join(', ')} ${ctx.internetImages.length === 1 ? 'is' : 'are'} not in this Region's Amazon ECR: only an internet path (NAT, or a public IP in a public subnet) reaches ${ctx.internetImages.length === 1 ? 'it' : 'them'}; no VPC endpoint can.`,
        ],
        affects: ['REGISTRY_UNREACHABLE', 'REGISTRY_RATE_LIMITED'],
        remedies: publicNoIp.length > 0 && ctx.s.service ? [{ kind: 'assignPublicIp' }] : [],
      });
    }
  }
  return drafts;
}

/** Section 2 and the interface endpoint conditions. */
function endpointRules(ctx: Context): Draft[] {
  if (!ctx.s.endpoints || !ctx.vpcId) return [];
  const drafts: Draft[] = [];
  const dead = ctx.noInternet;
  const config = ctx.s.launch.awsvpcConfiguration;
  const deadPaths = dead.map((t) => pathSentence(t, config.assignPublicIp));
  const taskAzs = [...new Set(ctx.subnets.map((t) => t.subnet.availabilityZone))];
  /** The worst severity among missing interface endpoints (ECS Exec's alone is only a warning). */
  let interfaceMissing: Severity | undefined;

  for (const need of ctx.needs) {
    const name = serviceName(ctx.region, need.key);
    const found = endpointsFor(ctx, need.key, need.kind).filter(usable);
    const offered = ctx.s.endpointServices ? ctx.s.endpointServices.includes(name) : undefined;
    if (need.kind === 'Gateway') {
      if (dead.length === 0 || !ctx.s.routeTables) continue;
      const tables = [...new Set(dead.map((t) => t.cls.routeTableId).filter((x): x is string => !!x))];
      const uncovered = tables.filter((rt) => !found.some((e) => e.routeTableIds.includes(rt)));
      if (uncovered.length === 0) continue;
      const s3Interface = endpointsFor(ctx, need.key, 'Interface').filter(usable);
      drafts.push({
        code: 'S3_GATEWAY_ENDPOINT_MISSING',
        resource: ctx.vpcId,
        severity: need.severity,
        evidence: [
          ...deadPaths,
          found.length === 0
            ? `The VPC ${ctx.vpcId} has no \`${name}\` gateway endpoint; ${need.why}.`
            : `The \`${name}\` gateway endpoint${found.length > 1 ? 's' : ''} ${found.map((e) => e.id).join(', ')} ${found.length > 1 ? 'are' : 'is'} not on route table ${uncovered.join(', ')}; ${need.why}.`,
          ...(s3Interface.length > 0 ? [`${s3Interface.map((e) => e.id).join(', ')} is an S3 interface endpoint: it does not serve ECR image layer downloads.`] : []),
          ...(offered === false ? [`${ctx.region} does not list ${name} among its endpoint services.`] : []),
        ],
        affects: need.affects,
        remedies: [{ kind: 'gatewayEndpoint', serviceName: name, routeTableIds: uncovered }],
      });
      continue;
    }

    if (found.length === 0) {
      if (dead.length === 0) continue;
      if (interfaceMissing !== 'error') interfaceMissing = need.severity;
      drafts.push({
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
      });
      continue;
    }

    for (const e of found) {
      // An endpoint with private DNS takes over the service's name for the whole VPC, so its
      // faults matter even to subnets with NAT; without private DNS only isolated subnets care.
      if (!e.privateDnsEnabled && dead.length === 0) continue;
      if (e.state !== 'available') {
        drafts.push({
          code: 'ENDPOINT_NOT_AVAILABLE', resource: e.id, severity: e.state.startsWith('pending') ? 'warning' : need.severity,
          evidence: [`Endpoint ${e.id} (${name}) is ${e.state}, not available.`],
          affects: need.affects, remedies: [],
        });
      }
      if (!e.privateDnsEnabled) {
        drafts.push({
          code: 'ENDPOINT_PRIVATE_DNS_DISABLED', resource: e.id, severity: need.severity,
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
            evidence: [`Endpoint ${e.id} (${name}) has interfaces in ${[...new Set(epAzs)].join(', ')} but the task subnets also use ${uncovered.join(', ')}: tasks there cross zones to reach it, and lose it if its zone fails. Recommended, not required.`],
            affects: [], remedies: [],
          });
        }
      }
    }
  }

  // The "443 rule": new interface endpoints need a group that admits HTTPS from the task.
  if (interfaceMissing && ctx.s.securityGroups) {
    const taskCidrs = ctx.subnets.map((t) => t.subnet.cidrBlock);
    const candidates = ctx.s.securityGroups.filter((g) => g.vpcId === ctx.vpcId);
    const admits = candidates.filter((g) => groupsAllowTcp([g], 'ingress', 443, { groupIds: ctx.taskGroupIds, cidrs: taskCidrs }));
    if (admits.length === 0) {
      drafts.push({
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
      });
    }
  }
  return drafts;
}

function describeIngress(g: SecurityGroup): string {
  if (g.ingress.length === 0) return 'nothing';
  return g.ingress.map((r) => {
    const ports = r.protocol === '-1' ? 'all traffic' : `${r.protocol.toUpperCase()} ${r.fromPort === r.toPort ? r.fromPort : `${r.fromPort}-${r.toPort}`}`;
    const from = [...r.cidrs, ...r.groupIds, ...r.prefixListIds, ...r.ipv6Cidrs].join(', ') || 'nowhere';
    return `${ports} from ${from}`;
  }).join('; ');
}

function vpcDns(ctx: Context): Draft[] {
  const vpc = ctx.s.vpc;
  if (!vpc) return [];
  const usesInterface = ctx.needs.some((n) => n.kind === 'Interface' &&
    (ctx.noInternet.length > 0 || endpointsFor(ctx, n.key, 'Interface').some((e) => usable(e) && e.privateDnsEnabled)));
  const evidence: string[] = [];
  const remedies: Remedy[] = [];
  if (vpc.dnsSupport === false) {
    evidence.push(`${vpc.id} has enableDnsSupport off: the Amazon-provided DNS server does not answer, so the task cannot resolve ECR, CloudWatch or any other AWS service name.`);
    remedies.push({ kind: 'vpcDns', attribute: 'enableDnsSupport' });
  }
  if (vpc.dnsHostnames === false && usesInterface) {
    evidence.push(`${vpc.id} has enableDnsHostnames off: interface endpoints' private DNS names do not resolve, so the task never reaches them.`);
    remedies.push({ kind: 'vpcDns', attribute: 'enableDnsHostnames' });
  }
  if (evidence.length === 0) return [];
  return [{ code: 'VPC_DNS_DISABLED', resource: vpc.id, evidence, affects: UNREACHABLE, remedies }];
}

/** The task's own groups must let HTTPS out to every place it fetches from. */
function taskEgress(ctx: Context): Draft[] {
  const groups = ctx.taskGroups;
  if (!groups || groups.length === 0 || ctx.subnets.length === 0) return [];
  const blocked: string[] = [];
  if (ctx.subnets.some((t) => t.internet) && (ctx.needs.length > 0 || ctx.internetImages.length > 0) &&
    !groupsAllowTcp(groups, 'egress', 443, { cidrs: [ANYWHERE] })) {
    blocked.push('the internet (0.0.0.0/0)');
  }
  for (const need of ctx.needs) {
    for (const e of endpointsFor(ctx, need.key, need.kind).filter(usable)) {
      if (need.kind === 'Gateway') {
        if (!groupsAllowTcp(groups, 'egress', 443, { cidrs: [ANYWHERE], prefixListsCount: true })) blocked.push(`${e.serviceName} (gateway endpoint ${e.id}, the S3 prefix list)`);
        continue;
      }
      const epCidrs = e.subnetIds.map((id) => ctx.s.subnets?.find((x) => x.id === id)?.cidrBlock).filter((c): c is string => !!c);
      if (!groupsAllowTcp(groups, 'egress', 443, { groupIds: e.securityGroupIds, cidrs: epCidrs.length > 0 ? epCidrs : [ctx.vpcCidr ?? ANYWHERE] })) {
        blocked.push(`${e.serviceName} (endpoint ${e.id})`);
      }
    }
  }
  if (blocked.length === 0) return [];
  return [{
    code: 'TASK_SG_BLOCKS_443',
    resource: groups[0].id,
    evidence: [`The task's group${groups.length === 1 ? '' : 's'} ${groups.map((g) => `${g.id} (${g.name})`).join(', ')} allow${groups.length === 1 ? 's' : ''} no outbound TCP 443 to ${blocked.join(', ')}.`],
    affects: UNREACHABLE,
    remedies: [{ kind: 'taskEgress443', groupId: groups[0].id }],
  }];
}

/** Section 3: the subnets' network ACLs, task side and endpoint side. */
function naclRules(ctx: Context): Draft[] {
  const acls = ctx.s.networkAcls;
  if (!acls || !ctx.vpcId || ctx.subnets.length === 0) return [];
  const eph = ephemeralRange(ctx.os);
  const byAcl = new Map<string, string[]>();
  const note = (aclId: string, sentence: string) => byAcl.set(aclId, [...(byAcl.get(aclId) ?? []), sentence]);
  const interfaceEps = ctx.needs.filter((n) => n.kind === 'Interface').flatMap((n) => endpointsFor(ctx, n.key, 'Interface').filter(usable));
  const needsS3 = ctx.needs.some((n) => n.key === 's3');

  for (const t of ctx.subnets) {
    const acl = aclForSubnet(t.id, ctx.vpcId, acls);
    if (!acl) continue;
    const peers = new Map<string, string>();
    if (t.internet || needsS3 || ctx.internetImages.length > 0) peers.set(ANYWHERE, t.internet ? 'the internet' : 'Amazon S3 (through the gateway endpoint)');
    if (!t.internet) {
      for (const e of interfaceEps) {
        for (const sid of e.subnetIds) {
          if (sid === t.id) continue; // traffic inside one subnet never passes its ACL
          const cidr = ctx.s.subnets?.find((x) => x.id === sid)?.cidrBlock;
          if (cidr && !peers.has(cidr)) peers.set(cidr, `endpoint interfaces in ${sid}`);
        }
      }
    }
    for (const [cidr, what] of peers) {
      const out = aclAllowsTcp(acl, true, 443, 443, cidr);
      if (!out.allowed) note(acl.id, `${acl.id} on task subnet ${subnetLabel(t.subnet)} blocks outbound TCP 443 to ${cidr} (${what}) at ${describeAclEntry(out.blockingEntry)}.`);
      const back = aclAllowsTcp(acl, false, eph.from, eph.to, cidr);
      if (!back.allowed) note(acl.id, `${acl.id} on task subnet ${subnetLabel(t.subnet)} blocks the replies: inbound TCP ${back.blockedPorts} from ${cidr} (${what}) at ${describeAclEntry(back.blockingEntry)}; allow inbound TCP 1024-65535 (ACLs are stateless).`);
    }
  }
  // The endpoint side: its subnet's ACL sees inbound 443 and outbound ephemeral replies.
  const done = new Set<string>();
  for (const e of interfaceEps) {
    for (const sid of e.subnetIds) {
      const acl = aclForSubnet(sid, ctx.vpcId, acls);
      const epSubnet = ctx.s.subnets?.find((x) => x.id === sid);
      if (!acl || !epSubnet) continue;
      for (const t of ctx.noInternet) {
        if (t.id === sid) continue;
        const key = `${acl.id}|${t.subnet.cidrBlock}`;
        if (done.has(key)) continue;
        done.add(key);
        const inbound = aclAllowsTcp(acl, false, 443, 443, t.subnet.cidrBlock);
        if (!inbound.allowed) note(acl.id, `${acl.id} on endpoint subnet ${subnetLabel(epSubnet)} blocks inbound TCP 443 from task subnet ${t.subnet.cidrBlock} at ${describeAclEntry(inbound.blockingEntry)}.`);
        const reply = aclAllowsTcp(acl, true, eph.from, eph.to, t.subnet.cidrBlock);
        if (!reply.allowed) note(acl.id, `${acl.id} on endpoint subnet ${subnetLabel(epSubnet)} blocks the replies: outbound TCP ${reply.blockedPorts} to task subnet ${t.subnet.cidrBlock} at ${describeAclEntry(reply.blockingEntry)}; allow outbound TCP 1024-65535.`);
      }
    }
  }
  return [...byAcl].map(([aclId, evidence]) => ({ code: 'NACL_BLOCKS_443' as const, resource: aclId, evidence, affects: UNREACHABLE, remedies: [] }));
}

function roleName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

interface RoleNeeds {
  readonly actions: string[];
  readonly reasons: string[];
}

function requiredActions(ctx: Context): RoleNeeds {
  const actions: string[] = [];
  const reasons: string[] = [];
  const add = (list: string[], reason: string) => {
    for (const a of list) if (!actions.includes(a)) actions.push(a);
    reasons.push(reason);
  };
  if (ctx.privateEcr) add(['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], 'pulling from Amazon ECR');
  const td = ctx.s.taskDefinition;
  if (td.containers.some(isAwslogs)) add(['logs:CreateLogStream', 'logs:PutLogEvents'], 'the awslogs log driver');
  for (const c of td.containers) {
    for (const secret of c.secrets ?? []) {
      const src = parseSecretValueFrom(secret.valueFrom);
      if (!src.ok) continue;
      add([src.source.kind === 'secretsmanager' ? 'secretsmanager:GetSecretValue' : 'ssm:GetParameters'], `secret ${secret.name} of ${c.name}`);
    }
    if (c.repositoryCredentials) add(['secretsmanager:GetSecretValue'], `the registry credentials of ${c.name}`);
    if ((c.environmentFiles ?? []).length > 0) add(['s3:GetObject', 's3:GetBucketLocation'], `the environment files of ${c.name}`);
  }
  return { actions, reasons };
}

function roleVerdict(ctx: Context, actions: string[]): ActionVerdict | undefined {
  const role = ctx.s.executionRole;
  if (!role || !role.exists || role.attachedPolicyArns === undefined) return undefined;
  return evaluateActions(actions, role.attachedPolicyArns, role.policyDocuments ?? []);
}

/** Section 3: the execution role exists, trusts ecs-tasks.amazonaws.com, and can do what the task needs. */
function executionRole(ctx: Context): Draft[] {
  const td = ctx.s.taskDefinition;
  const needs = requiredActions(ctx);
  if (needs.actions.length === 0) return [];
  const affects: DiagnosisCode[] = ['IMAGE_ACCESS_DENIED', 'LOGS_ACCESS_DENIED', 'SECRETS_ACCESS_DENIED', 'ENV_FILES_FAILED', 'ECR_UNREACHABLE'];
  if (!td.executionRoleArn) {
    return [{
      code: 'EXECUTION_ROLE_MISSING', resource: td.family, affects, remedies: [],
      evidence: [`Task definition ${td.family} has no executionRoleArn, but ${needs.reasons.join(', ')} need${needs.reasons.length === 1 ? 's' : ''} one.`],
    }];
  }
  const role = ctx.s.executionRole;
  if (!role) {
    if (ctx.gapped.has('executionRole')) return [];
    return [{ code: 'COULD_NOT_CHECK', resource: 'executionRole', affects: [], remedies: [], evidence: [`The execution role ${td.executionRoleArn} was not collected. Not checked: ${GAP_CHECKS.executionRole}.`] }];
  }
  if (!role.exists) {
    return [{ code: 'EXECUTION_ROLE_MISSING', resource: role.arn, affects, remedies: [], evidence: [`Task definition ${td.family} names ${role.arn}, which does not exist in account ${ctx.s.accountId}.`] }];
  }
  const drafts: Draft[] = [];
  if (role.trustPolicy !== undefined) {
    const doc = parsePolicyDocument(role.trustPolicy);
    if (!doc) {
      drafts.push({ code: 'COULD_NOT_CHECK', resource: `trust:${role.arn}`, affects: [], remedies: [], evidence: [`The trust policy of ${role.name} could not be read as JSON.`] });
    } else if (!trustsService(doc)) {
      drafts.push({
        code: 'EXECUTION_ROLE_TRUST', resource: role.arn, affects, remedies: [],
        evidence: [`${role.name}'s trust policy does not allow ecs-tasks.amazonaws.com to call sts:AssumeRole, so ECS cannot use it to pull the image or write logs.`],
      });
    }
  }
  const verdict = roleVerdict(ctx, needs.actions);
  if (!verdict) {
    if (!ctx.gapped.has('executionRolePolicies')) {
      drafts.push({ code: 'COULD_NOT_CHECK', resource: 'executionRolePolicies', affects: [], remedies: [], evidence: [`The policies of ${role.name} were not collected. Not checked: ${GAP_CHECKS.executionRolePolicies}.`] });
    }
    return drafts;
  }
  if (verdict.missing.length > 0) {
    const managed = KNOWN_MANAGED_POLICIES[TASK_EXECUTION_POLICY_ARN] ?? [];
    const coveredByManaged = verdict.missing.every((a) => managed.includes(a));
    const attached = (role.attachedPolicyArns ?? []).includes(TASK_EXECUTION_POLICY_ARN);
    const unsure = verdict.unknownPolicies.length > 0;
    drafts.push({
      code: 'EXECUTION_ROLE_MISSING_POLICY',
      resource: role.arn,
      severity: unsure ? 'warning' : 'error',
      evidence: [
        `${role.name} is not granted ${verdict.missing.join(', ')} (needed for ${needs.reasons.join(', ')}); attached: ${(role.attachedPolicyArns ?? []).map(roleName).join(', ') || 'nothing'}.`,
        ...(unsure ? [`The content of ${verdict.unknownPolicies.join(', ')} was not read: ${verdict.unknownPolicies.length === 1 ? 'it' : 'they'} may grant these.`] : []),
        ...(!coveredByManaged ? ['AmazonECSTaskExecutionRolePolicy does not cover all of them: add an inline policy for the secrets, parameters or S3 objects.'] : []),
      ],
      affects,
      remedies: coveredByManaged && !attached ? [{ kind: 'attachPolicy', roleName: role.name, policyArn: TASK_EXECUTION_POLICY_ARN }] : [],
    });
  }
  return drafts;
}

/** Section 3: the log group exists, or ECS can create it. */
function logGroups(ctx: Context): Draft[] {
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (const c of ctx.s.taskDefinition.containers.filter(isAwslogs)) {
    const options = c.logConfiguration?.options ?? {};
    const name = options['awslogs-group'];
    if (!name) continue;
    const region = options['awslogs-region'] ?? ctx.region;
    if (seen.has(`${region}|${name}`)) continue;
    seen.add(`${region}|${name}`);
    if (!ctx.s.logGroups) {
      if (!ctx.gapped.has('logGroups')) {
        ctx.gapped.add('logGroups');
        drafts.push({ code: 'COULD_NOT_CHECK', resource: 'logGroups', affects: [], remedies: [], evidence: [`The CloudWatch log groups were not collected. Not checked: ${GAP_CHECKS.logGroups}.`] });
      }
      continue;
    }
    const info = ctx.s.logGroups.find((g) => g.name === name && g.region === region);
    if (!info || info.exists) continue;
    const createGroup = (options['awslogs-create-group'] ?? '').toLowerCase() === 'true';
    const base = `Log group ${name} does not exist in ${region}; container ${c.name} logs to it (awslogs).`;
    const remedies: Remedy[] = [{ kind: 'logGroup', name, region }];
    if (!createGroup) {
      drafts.push({ code: 'LOG_GROUP_MISSING', resource: `${region}:${name}`, evidence: [base, 'awslogs-create-group is not "true", so ECS will not create it.'], affects: ['LOG_GROUP_MISSING', 'LOGS_UNREACHABLE'], remedies });
      continue;
    }
    const verdict = roleVerdict(ctx, ['logs:CreateLogGroup']);
    if (verdict && verdict.missing.length === 0) continue;
    const roleText = ctx.s.executionRole?.name ?? ctx.s.taskDefinition.executionRoleArn ?? 'the execution role';
    const unsure = !verdict || verdict.unknownPolicies.length > 0;
    drafts.push({
      code: 'LOG_GROUP_MISSING',
      resource: `${region}:${name}`,
      severity: unsure ? 'warning' : 'error',
      evidence: [
        base,
        `awslogs-create-group is "true", but ${roleText} ${unsure ? 'may not be' : 'is not'} allowed logs:CreateLogGroup` +
          `${ctx.s.executionRole?.attachedPolicyArns ? ` (attached: ${ctx.s.executionRole.attachedPolicyArns.map(roleName).join(', ') || 'nothing'})` : ''}: ` +
          'the task would stop with "failed to create Cloudwatch log group: AccessDeniedException" once it reaches CloudWatch Logs.',
      ],
      affects: ['LOG_GROUP_MISSING', 'LOGS_ACCESS_DENIED', 'LOGS_UNREACHABLE'],
      remedies,
    });
  }
  return drafts;
}

/** Section 3: the image exists and offers the task's platform. */
function images(ctx: Context): Draft[] {
  const drafts: Draft[] = [];
  const td = ctx.s.taskDefinition;
  const arch = (td.runtimePlatform?.cpuArchitecture ?? 'X86_64') === 'ARM64' ? 'arm64' : 'amd64';
  const os = ctx.os.startsWith('WINDOWS') ? 'windows' : 'linux';
  for (const c of td.containers) {
    const parsed = parseImageUri(c.image);
    if (!parsed.ok || parsed.image.registry !== 'ecr') continue;
    if (!ctx.s.images) {
      if (!ctx.gapped.has('images')) {
        ctx.gapped.add('images');
        drafts.push({ code: 'COULD_NOT_CHECK', resource: 'images', affects: [], remedies: [], evidence: [`The container images were not collected. Not checked: ${GAP_CHECKS.images}.`] });
      }
      continue;
    }
    const info = ctx.s.images.find((i) => i.image === c.image);
    if (!info) continue;
    const where = `${parsed.image.repository} (account ${parsed.image.accountId}, ${parsed.image.region})`;
    if (info.repositoryExists === false) {
      drafts.push({ code: 'IMAGE_NOT_FOUND', resource: c.image, evidence: [`Container ${c.name} names ${c.image}, but the repository ${where} does not exist.`], affects: ['IMAGE_NOT_FOUND', 'IMAGE_ACCESS_DENIED'], remedies: [] });
      continue;
    }
    if (info.found === false) {
      const ref = parsed.image.digest ?? `tag ${parsed.image.tag ?? 'latest'}`;
      drafts.push({ code: 'IMAGE_NOT_FOUND', resource: c.image, evidence: [`Container ${c.name} names ${c.image}, but ${ref} is not in repository ${where}.`], affects: ['IMAGE_NOT_FOUND'], remedies: [] });
      continue;
    }
    const platforms = (info.platforms ?? []).filter((p) => p.os !== 'unknown' && p.architecture !== 'unknown');
    if (platforms.length > 0 && !platforms.some((p) => p.os === os && p.architecture === arch)) {
      drafts.push({
        code: 'IMAGE_PLATFORM_MISMATCH',
        resource: c.image,
        evidence: [`${c.image} offers ${platforms.map((p) => `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`).join(', ')}, but task definition ${td.family} runs ${os}/${arch} (runtimePlatform ${td.runtimePlatform?.operatingSystemFamily ?? 'LINUX'}/${td.runtimePlatform?.cpuArchitecture ?? 'X86_64'}${td.runtimePlatform?.cpuArchitecture ? '' : ', the default'}).`],
        affects: ['IMAGE_PLATFORM_MISMATCH', 'CONTAINER_START_FAILED', 'ESSENTIAL_CONTAINER_EXITED'],
        remedies: [],
      });
    }
  }
  return drafts;
}

/** Section 4: target group type, VPC and listener; container name and port; the port open to the load balancer. */
function loadBalancing(ctx: Context): Draft[] {
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
      if (!ctx.gapped.has('loadBalancing')) {
        ctx.gapped.add('loadBalancing');
        drafts.push({ code: 'COULD_NOT_CHECK', resource: 'loadBalancing', affects: [], remedies: [], evidence: [`The wiring of ${tgName} was not collected. Not checked: ${GAP_CHECKS.loadBalancing}.`] });
      }
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
      const lbGroupIds = wiring.loadBalancers.flatMap((l) => l.securityGroupIds);
      const lbCidrs = wiring.loadBalancers.flatMap((l) => l.subnetIds).map((id) => ctx.s.subnets?.find((x) => x.id === id)?.cidrBlock).filter((c): c is string => !!c);
      const peer = { groupIds: lbGroupIds, cidrs: lbCidrs.length > 0 ? lbCidrs : ctx.vpcCidr ? [ctx.vpcCidr] : [] };
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
    }
  }
  return drafts;
}

// ---- entry points -----------------------------------------------------------------------------

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function finish(draft: Draft): AnalyzerFinding {
  const info = isAnalysisCode(draft.code) ? ANALYSIS_CODE_INFO[draft.code] : CODES[draft.code];
  return {
    id: `${draft.code}:${draft.resource}`,
    code: draft.code,
    severity: draft.severity ?? info.severity,
    title: draft.title ?? info.title,
    resource: draft.resource,
    evidence: draft.evidence,
    docsUrl: info.docsUrl,
    affects: draft.affects,
    remedies: draft.remedies,
  };
}

/**
 * Every rule of the design doc's sections 1-4 against the snapshot; errors first, then warnings.
 * The findings carry remedies, not plans: `examine` (attachFixes) gives each its fix.
 */
export function analyze(snapshot: ServiceSnapshot): AnalyzerFinding[] {
  const ctx = buildContext(snapshot);
  const drafts: Draft[] = [
    ...gapFindings(ctx),
    ...fargateSize(ctx),
    ...missingSubnets(ctx),
    ...vpcDns(ctx),
    ...networkPath(ctx),
    ...endpointRules(ctx),
    ...taskEgress(ctx),
    ...naclRules(ctx),
    ...executionRole(ctx),
    ...logGroups(ctx),
    ...images(ctx),
    ...loadBalancing(ctx),
  ];
  const seen = new Set<string>();
  const findings: AnalyzerFinding[] = [];
  for (const draft of drafts) {
    const f = finish(draft);
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    findings.push(f);
  }
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}
