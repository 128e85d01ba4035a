/**
 * Fills the doctor's ServiceSnapshot (src/doctor/snapshot.ts) from AWS through the gateways,
 * in few calls, independent reads concurrently:
 *
 *   DescribeServices
 *     -> DescribeTaskDefinition -> GetRole, ListAttachedRolePolicies, ListRolePolicies (+ documents
 *                                  of inline and unknown managed policies), BatchGetImage per ECR
 *                                  image, DescribeLogGroups per awslogs group, DescribeSecret per
 *                                  Secrets Manager secret and DescribeParameters per SSM parameter
 *                                  the task reads (their KMS keys; never their values)
 *     -> DescribeSubnets (the task subnets: which VPC) -> DescribeVpcs, 2x DescribeVpcAttribute,
 *        DescribeSubnets, DescribeRouteTables, DescribeVpcEndpoints, DescribeSecurityGroups,
 *        DescribeNetworkAcls (each with a vpc-id filter), DescribeVpcEndpointServices
 *     -> DescribeTargetGroups -> DescribeLoadBalancers -> DescribeListeners -> DescribeRules
 *     -> DescribeTargetHealth per target group (beside DescribeTaskDefinition: the service names the ARNs)
 *     -> ListTasks (STOPPED, the service) -> DescribeTasks
 *
 * 24 calls for the tutorial's service (test/aws/doctorFlow.test.ts counts them). Only the
 * service and its task definition must be read; any other read that fails (AccessDenied,
 * throttling, not found...) becomes a `gaps` entry and the analyzer says what it could not
 * check. The network reads are separate calls rather than describeVpcNetwork's single
 * Promise.all, so that one denied DescribeNetworkAcls costs only the ACL rules.
 */
import { classify } from '../doctor/classify';
import { KNOWN_MANAGED_POLICIES } from '../doctor/iamPolicy';
import {
  imagePlatforms,
  type ExecutionRoleInfo,
  type ImageInfo,
  type LogGroupInfo,
  type SecretInfo,
  type ServiceSnapshot,
  type SnapshotLaunch,
  type SnapshotTaskDefinition,
  type StoppedTaskInfo,
  type TargetGroupHealth,
} from '../doctor/snapshot';
import { isPlannedId, withPlannedResources, type PlannedResources } from '../doctor/planned';
import { secretReads } from '../doctor/rules/executionRoleGrants';
import { parseImageUri } from '../model/imageUri';
import type { Task } from '../model/ecs';
import type { LoadBalancerWiring } from '../model/network';
import { classifySubnet } from '../model/subnetKind';
import { mapConcurrent } from './batching';
import type { CallOptions } from './call';
import { AwsError } from './errors';
import type { AwsSession } from './session';
import { cacheKey, type PreflightCache } from './preflightCache';
import { Gaps, gapReason } from './snapshotGaps';
import { toSnapshotTaskDefinition } from './snapshotTaskDefinition';

export { toSnapshotTaskDefinition } from './snapshotTaskDefinition';

export interface CollectOptions extends CallOptions {
  /** How many of the service's most recent stopped tasks to keep (read with one ListTasks and one DescribeTasks). Default 10. */
  readonly stoppedTasks?: number;
  /** Read the Region's endpoint service names (one DescribeVpcEndpointServices). Default true. */
  readonly endpointServices?: boolean;
  /** Reads kept between calls (a service form's preflight: createPreflightCache()); without one, everything is read. */
  readonly cache?: PreflightCache;
}

/** `run`, or the value the options' cache kept for `read` (preflightCache.ts says which reads are kept). */
function cached<T>(session: AwsSession, options: CollectOptions, read: string, run: () => Promise<T>): Promise<T> {
  return options.cache ? options.cache.read(cacheKey(session.connection, read), run, options.signal) : run();
}

export interface ServiceRef {
  readonly cluster: string;
  readonly service: string;
}

export interface PreflightInput {
  /** An ARN, `family:revision`, or a family (its latest ACTIVE revision). */
  readonly taskDefinition: string;
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
  readonly assignPublicIp: 'ENABLED' | 'DISABLED';
  readonly loadBalancers?: SnapshotLaunch['loadBalancers'];
  readonly launchType?: string;
  readonly platformVersion?: string;
  readonly enableExecuteCommand?: boolean;
  /**
   * What the service's creation makes first (a new task group, load balancer, target group): judged
   * as planned (src/doctor/planned.ts). Load balancer entries without a target group ARN go to the
   * planned target group.
   */
  readonly planned?: PlannedResources;
}

const DEFAULT_STOPPED_TASKS = 10;
/** ECR images, log groups or policy documents read at once. */
const CONCURRENCY = 4;

function accountOf(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** Everything of the snapshot but the service and its stopped tasks. */
async function collectAround(
  session: AwsSession,
  taskDefinition: SnapshotTaskDefinition,
  launch: SnapshotLaunch,
  gaps: Gaps,
  options: CollectOptions,
  accountId: string,
): Promise<Omit<ServiceSnapshot, 'region' | 'accountId' | 'service' | 'taskDefinition' | 'launch' | 'gaps' | 'stoppedTasks'>> {
  const [network, executionRole, images, logGroups, loadBalancing, secrets] = await Promise.all([
    collectNetwork(session, launch, gaps, options),
    collectExecutionRole(session, taskDefinition, gaps, options),
    collectImages(session, taskDefinition, gaps, options),
    collectLogGroups(session, taskDefinition, gaps, options),
    collectLoadBalancing(session, launch, gaps, options),
    collectSecrets(session, taskDefinition, accountId, gaps, options),
  ]);
  return {
    ...network,
    ...(executionRole ? { executionRole } : {}),
    ...(secrets ? { secrets } : {}),
    ...(images ? { images } : {}),
    ...(logGroups ? { logGroups } : {}),
    ...(loadBalancing ? { loadBalancing } : {}),
  };
}

type NetworkPart = Pick<ServiceSnapshot, 'vpc' | 'subnets' | 'routeTables' | 'endpoints' | 'securityGroups' | 'networkAcls' | 'endpointServices' | 'natGateways' | 'elasticIps'>;

/**
 * The VPC's NAT gateways and ECS Studio's NAT Elastic IPs, read only when a task subnet has no
 * 0.0.0.0/0 route (the one case the NAT remedy is offered, and its steps need them to know what
 * is done). Not a gap when the read fails: the applier reads again before every NAT change.
 */
async function collectNat(session: AwsSession, vpcId: string, taskSubnetIds: readonly string[], part: NetworkPart, options: CollectOptions): Promise<Pick<ServiceSnapshot, 'natGateways' | 'elasticIps'>> {
  const tables = part.routeTables ?? [];
  const isolated = (part.subnets ?? []).some((x) => taskSubnetIds.includes(x.id) && classifySubnet(x, tables).kind === 'isolated');
  if (!isolated) return {};
  const [natGateways, elasticIps] = await Promise.all([
    cached(session, options, `natGateways:${vpcId}`, () => session.natGateways.describeNatGateways(vpcId, options)).catch(() => undefined),
    cached(session, options, 'natElasticIps', () => session.natGateways.describeNatElasticIps(options)).catch(() => undefined),
  ]);
  return { ...(natGateways ? { natGateways } : {}), ...(elasticIps ? { elasticIps } : {}) };
}

async function collectNetwork(session: AwsSession, launch: SnapshotLaunch, gaps: Gaps, options: CollectOptions): Promise<NetworkPart> {
  const config = launch.awsvpcConfiguration;
  const wantServices = options.endpointServices ?? true;
  const endpointServicesRead = wantServices
    ? gaps.read('endpointServices', undefined, () => cached(session, options, 'endpointServices', () => session.ec2.listVpcEndpointServiceNames(options)))
    : Promise.resolve(undefined);
  // Read beside the subnets: if their read fails (or is cancelled) first, this one's failure is
  // already answered by that one, not left unhandled.
  endpointServicesRead.catch(() => undefined);
  if (config.subnets.length === 0) {
    gaps.add('vpc', undefined, 'the service has no awsvpc network configuration (no subnets)');
    const endpointServices = await endpointServicesRead;
    return endpointServices ? { endpointServices } : {};
  }
  const taskSubnets = await gaps.read('subnets', config.subnets.join(','), () =>
    cached(session, options, `subnets:${config.subnets.join(',')}`, () => session.ec2.describeSubnets({ ids: config.subnets }, options)));
  const vpcId = taskSubnets?.[0]?.vpcId;
  if (!vpcId) {
    const endpointServices = await endpointServicesRead;
    if (taskSubnets) gaps.add('vpc', undefined, `none of the task subnets (${config.subnets.join(', ')}) exists`);
    return { ...(taskSubnets ? { subnets: taskSubnets } : {}), ...(endpointServices ? { endpointServices } : {}) };
  }
  const inVpc = { vpcId };
  const [vpcs, dns, subnets, routeTables, endpoints, securityGroups, networkAcls, endpointServices] = await Promise.all([
    gaps.read('vpc', vpcId, () => cached(session, options, `vpc:${vpcId}`, () => session.ec2.describeVpcs([vpcId], options))),
    gaps.read('vpcDnsAttributes', vpcId, () => cached(session, options, `vpcDns:${vpcId}`, () => session.ec2.describeVpcDnsAttributes(vpcId, options))),
    gaps.read('subnets', vpcId, () => cached(session, options, `vpcSubnets:${vpcId}`, () => session.ec2.describeSubnets(inVpc, options))),
    gaps.read('routeTables', vpcId, () => cached(session, options, `routeTables:${vpcId}`, () => session.ec2.describeRouteTables(inVpc, options))),
    gaps.read('endpoints', vpcId, () => cached(session, options, `endpoints:${vpcId}`, () => session.ec2.describeVpcEndpoints(inVpc, options))),
    gaps.read('securityGroups', vpcId, () => session.ec2.describeSecurityGroups(inVpc, options)),
    gaps.read('networkAcls', vpcId, () => cached(session, options, `networkAcls:${vpcId}`, () => session.ec2.describeNetworkAcls(inVpc, options))),
    endpointServicesRead,
  ]);
  const vpc = vpcs?.[0];
  if (vpcs && !vpc) gaps.add('vpc', vpcId, 'not found');
  const nat = await collectNat(session, vpcId, config.subnets, { subnets: subnets ?? taskSubnets ?? [], ...(routeTables ? { routeTables } : {}) }, options);
  return {
    ...nat,
    ...(vpc ? { vpc: dns ? { ...vpc, dnsSupport: dns.dnsSupport, dnsHostnames: dns.dnsHostnames } : vpc } : {}),
    // The VPC's subnets; if that read failed, at least the task subnets read first.
    subnets: subnets ?? taskSubnets ?? [],
    ...(routeTables ? { routeTables } : {}),
    ...(endpoints ? { endpoints } : {}),
    ...(securityGroups ? { securityGroups } : {}),
    ...(networkAcls ? { networkAcls } : {}),
    ...(endpointServices ? { endpointServices } : {}),
  };
}

function roleNameOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

async function collectExecutionRole(session: AwsSession, td: SnapshotTaskDefinition, gaps: Gaps, options: CollectOptions): Promise<ExecutionRoleInfo | undefined> {
  const arn = td.executionRoleArn;
  if (!arn) return undefined;
  const name = roleNameOf(arn);
  // The role and its policy lists at once: three calls in one round trip.
  const [role, lists] = await Promise.all([
    gaps.read('executionRole', arn, () => cached(session, options, `role:${name}`, () => session.iam.getRoleWithTrust(name, options))),
    gaps.attempt(() => cached(session, options, `rolePolicies:${name}`, async () => {
      const [attached, inline] = await Promise.all([session.iam.listAttachedPolicies(name, options), session.iam.listInlinePolicyNames(name, options)]);
      return { attached, inline };
    })),
  ]);
  if (role === undefined) {
    // Unread (a gap is recorded) or absent; a role that does not exist has no policies to report.
    if (gaps.list.some((g) => g.subject === 'executionRole' && g.resource === arn)) return undefined;
    return { arn, name, exists: false };
  }
  const trust = role.trustPolicy !== undefined ? { trustPolicy: role.trustPolicy } : {};
  if ('error' in lists) {
    gaps.add('executionRolePolicies', arn, gapReason(lists.error));
    return { arn: role.arn, name: role.name, exists: true, ...trust };
  }
  const listed = lists.value;
  // Documents: every inline policy, and each attached policy the analyzer does not know by heart.
  const unknown = listed.attached.filter((p) => !KNOWN_MANAGED_POLICIES[p.arn.replace(/^arn:aws[a-z-]*:iam::aws:policy\//, 'arn:aws:iam::aws:policy/')]);
  const documents = await gaps.read('executionRolePolicies', arn, () => cached(session, options, `rolePolicyDocuments:${name}`, () => Promise.all([
    mapConcurrent(listed.inline, CONCURRENCY, async (policy) => ({ name: policy, document: await session.iam.getInlinePolicyDocument(name, policy, options) })),
    mapConcurrent(unknown, CONCURRENCY, async (policy) => ({ name: policy.arn, document: await session.iam.getManagedPolicyDocument(policy.arn, options) })),
  ])));
  return {
    arn: role.arn,
    name: role.name,
    exists: true,
    ...trust,
    attachedPolicyArns: listed.attached.map((p) => p.arn),
    ...(documents
      ? { policyDocuments: documents.flat().flatMap((d) => (d.document !== undefined ? [{ name: d.name, document: d.document }] : [])) }
      : {}),
  };
}

async function collectImages(session: AwsSession, td: SnapshotTaskDefinition, gaps: Gaps, options: CollectOptions): Promise<ImageInfo[] | undefined> {
  const ecrImages = [...new Set(td.containers.map((c) => c.image))].flatMap((image) => {
    const parsed = parseImageUri(image);
    return parsed.ok && parsed.image.registry === 'ecr' && parsed.image.region ? [{ image, ref: parsed.image, region: parsed.image.region }] : [];
  });
  if (ecrImages.length === 0) return [];
  const results = await mapConcurrent(ecrImages, CONCURRENCY, async ({ image, ref, region }) => {
    const read = await gaps.read('images', image, () => cached(session, options, `image:${image}`, () =>
      session.forRegion(region).ecr.getImageManifest(ref.repository, { tag: ref.tag, digest: ref.digest }, ref.accountId, options)));
    if (!read) return undefined;
    const platforms = read.manifest ? imagePlatforms(read.manifest) : undefined;
    const info: ImageInfo = { image, repositoryExists: read.repositoryExists, found: read.found, ...(platforms ? { platforms } : {}) };
    return info;
  });
  return results.filter((r): r is ImageInfo => r !== undefined);
}

async function collectLogGroups(session: AwsSession, td: SnapshotTaskDefinition, gaps: Gaps, options: CollectOptions): Promise<LogGroupInfo[] | undefined> {
  const wanted = new Map<string, { name: string; region: string }>();
  for (const c of td.containers) {
    if (c.logConfiguration?.logDriver !== 'awslogs') continue;
    const name = c.logConfiguration.options?.['awslogs-group'];
    if (!name) continue;
    const region = c.logConfiguration.options?.['awslogs-region'] ?? session.connection.region;
    wanted.set(`${region}|${name}`, { name, region });
  }
  const results = await mapConcurrent([...wanted.values()], CONCURRENCY, async ({ name, region }) => {
    const exists = await gaps.read('logGroups', `${region}:${name}`, () =>
      cached(session, options, `logGroup:${region}:${name}`, () => session.forRegion(region).logGroups.logGroupExists(name, options)));
    return exists === undefined ? undefined : { name, region, exists };
  });
  const read = results.filter((r): r is LogGroupInfo => r !== undefined);
  // All unread: leave the field out, so the analyzer reports the gap rather than "exists".
  return read.length === 0 && wanted.size > 0 ? undefined : read;
}

/**
 * What the doctor needs of each secret and parameter the task reads: that it exists, its full
 * ARN, and its KMS key (one DescribeSecret or DescribeParameters each, in its own Region). A read
 * that fails is a `secrets` gap; undefined when none could be read.
 */
async function collectSecrets(session: AwsSession, td: SnapshotTaskDefinition, accountId: string, gaps: Gaps, options: CollectOptions): Promise<SecretInfo[] | undefined> {
  const sources = new Map(secretReads(td, { region: session.connection.region, accountId }).map((r) => [r.source.arn, r.source]));
  if (sources.size === 0) return [];
  const results = await mapConcurrent([...sources.values()], CONCURRENCY, async (source): Promise<SecretInfo | undefined> => {
    const regional = session.forRegion(source.region).secrets;
    if (source.kind === 'secretsmanager') {
      const read = await gaps.read('secrets', source.arn, async () => (await regional.describeSecretKey(source.arn, options)) ?? 'missing' as const);
      if (read === undefined) return undefined;
      if (read === 'missing') return { arn: source.arn, kind: source.kind, exists: false };
      return { arn: source.arn, kind: source.kind, exists: true, ...(read.arn ? { fullArn: read.arn } : {}), ...(read.kmsKeyId ? { kmsKeyId: read.kmsKeyId } : {}) };
    }
    const read = await gaps.read('secrets', source.arn, async () => (await regional.describeParameterKey(source.parameterName ?? '', options)) ?? 'missing' as const);
    if (read === undefined) return undefined;
    if (read === 'missing') return { arn: source.arn, kind: source.kind, exists: false };
    return { arn: source.arn, kind: source.kind, exists: true, ...(read.type === 'SecureString' && read.keyId ? { kmsKeyId: read.keyId } : {}) };
  });
  const read = results.filter((r): r is SecretInfo => r !== undefined);
  return read.length === 0 ? undefined : read;
}

async function collectLoadBalancing(session: AwsSession, launch: SnapshotLaunch, gaps: Gaps, options: CollectOptions): Promise<LoadBalancerWiring[] | undefined> {
  // A planned target group (a preflight's) is not in AWS yet: withPlannedResources wires it.
  const arns = [...new Set((launch.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn && !isPlannedId(lb.targetGroupArn) ? [lb.targetGroupArn] : [])))];
  if (arns.length === 0) return [];
  const wirings = await mapConcurrent(arns, CONCURRENCY, async (arn) => {
    const read = await gaps.read('loadBalancing', arn, () =>
      cached(session, options, `wiring:${arn}`, async () => (await session.elbv2.loadBalancerWiring(arn, options)) ?? 'missing' as const));
    if (read === 'missing') gaps.add('loadBalancing', arn, 'the target group does not exist');
    return read === 'missing' ? undefined : read;
  });
  return wirings.filter((w): w is LoadBalancerWiring => w !== undefined);
}

/**
 * DescribeTargetHealth of each target group the service names, a few at once. A target group
 * that does not exist is the wiring read's gap, not a second one here.
 */
async function collectTargetHealth(session: AwsSession, launch: SnapshotLaunch, gaps: Gaps, options: CollectOptions): Promise<TargetGroupHealth[] | undefined> {
  const arns = [...new Set((launch.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn && !isPlannedId(lb.targetGroupArn) ? [lb.targetGroupArn] : [])))];
  const results = await mapConcurrent(arns, CONCURRENCY, async (targetGroupArn): Promise<TargetGroupHealth | undefined> => {
    const read = await gaps.attempt(() => session.elbv2.describeTargetHealth(targetGroupArn, options));
    if ('value' in read) return { targetGroupArn, targets: read.value };
    if (!/^TargetGroupNotFound/.test(read.error.code ?? '')) gaps.add('targetHealth', targetGroupArn, gapReason(read.error));
    return undefined;
  });
  const read = results.filter((r): r is TargetGroupHealth => r !== undefined);
  // All unread: leave the field out (no evidence), as for the log groups.
  return read.length === 0 && arns.length > 0 ? undefined : read;
}

async function collectStoppedTasks(session: AwsSession, cluster: string, service: string, gaps: Gaps, options: CollectOptions): Promise<StoppedTaskInfo[] | undefined> {
  const limit = options.stoppedTasks ?? DEFAULT_STOPPED_TASKS;
  if (limit <= 0) return [];
  const tasks = await gaps.read('stoppedTasks', service, async () => {
    // One page (up to 100; ECS lists a stopped task for about an hour after it stops) and
    // one DescribeTasks for all of it: ListTasks promises no order, so the newest are picked after.
    const page = await session.ecs.listTaskArnsPage({ cluster, desiredStatus: 'STOPPED', serviceName: service }, undefined, options);
    return session.ecs.describeTasks(cluster, page.items, options);
  });
  if (!tasks) return undefined;
  return tasks
    .filter((t) => t.group === `service:${service}`)
    .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
    .slice(0, limit)
    .map((t) => ({ task: stoppedTask(t), finding: classifyTask(t) }));
}

function stoppedTask(t: Task): StoppedTaskInfo['task'] {
  return {
    arn: t.arn,
    id: t.id,
    ...(t.stoppedReason !== undefined ? { stoppedReason: t.stoppedReason } : {}),
    ...(t.stopCode !== undefined ? { stopCode: t.stopCode } : {}),
    ...(t.stoppedAt !== undefined ? { stoppedAt: t.stoppedAt } : {}),
    ...(t.subnetId !== undefined ? { subnetId: t.subnetId } : {}),
    ...(t.availabilityZone !== undefined ? { availabilityZone: t.availabilityZone } : {}),
  };
}

function classifyTask(t: Task): StoppedTaskInfo['finding'] {
  return classify({
    ...(t.stoppedReason !== undefined ? { stoppedReason: t.stoppedReason } : {}),
    ...(t.stopCode !== undefined ? { stopCode: t.stopCode } : {}),
    containers: t.containers.map((c) => ({
      name: c.name,
      ...(c.reason !== undefined ? { reason: c.reason } : {}),
      ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}),
      ...(c.lastStatus !== undefined ? { lastStatus: c.lastStatus } : {}),
    })),
  });
}

function fargateLaunchType(launchType: string | undefined, capacityProviders: readonly string[]): string {
  if (launchType) return launchType;
  return capacityProviders.length === 0 || capacityProviders.some((p) => p.startsWith('FARGATE')) ? 'FARGATE' : 'EC2';
}

/** The snapshot of an existing service: what its tasks need, what the account has, and why its tasks stopped. */
export async function collectServiceSnapshot(session: AwsSession, ref: ServiceRef, options: CollectOptions = {}): Promise<ServiceSnapshot> {
  const service = await session.ecs.describeService(ref.cluster, ref.service, options);
  if (!service || service.status === 'INACTIVE') {
    throw new AwsError('service', `Service ${ref.service} was not found in cluster ${ref.cluster} (${session.connection.region}).`,
      'ServiceNotFoundException', 'ecs:DescribeServices', undefined);
  }
  const gaps = new Gaps(session.connection);
  const network = service.networkConfiguration;
  const launch: SnapshotLaunch = {
    launchType: fargateLaunchType(service.launchType, service.capacityProviders),
    ...(service.platformVersion ? { platformVersion: service.platformVersion } : {}),
    awsvpcConfiguration: {
      subnets: network?.subnets ?? [],
      securityGroups: network?.securityGroups ?? [],
      assignPublicIp: network?.assignPublicIp ?? 'DISABLED',
    },
    loadBalancers: service.loadBalancers.map((lb) => ({ targetGroupArn: lb.targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort })),
    enableExecuteCommand: service.enableExecuteCommand,
    ...(service.healthCheckGracePeriodSeconds !== undefined ? { healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds } : {}),
  };
  const stopped = collectStoppedTasks(session, service.clusterArn || ref.cluster, service.name, gaps, options);
  stopped.catch(() => undefined); // awaited below; if the task definition's read fails first, that error is the answer
  // The service names its target groups: their targets' health is read from the start, beside everything else.
  const health = collectTargetHealth(session, launch, gaps, options);
  health.catch(() => undefined); // likewise
  // The task definition must be read: without it there is nothing to check.
  const taskDefinition = toSnapshotTaskDefinition(await session.taskDefinitions.describeTaskDefinitionRaw(service.taskDefinition, options));
  const accountId = accountOf(service.arn) ?? accountOf(taskDefinition.arn) ?? (await session.sts.getCallerIdentity(options)).account;
  const [around, stoppedTasks, targetHealth] = await Promise.all([collectAround(session, taskDefinition, launch, gaps, options, accountId), stopped, health]);
  return {
    region: session.connection.region,
    accountId,
    service: {
      name: service.name,
      arn: service.arn,
      clusterArn: service.clusterArn,
      status: service.status,
      desiredCount: service.desiredCount,
      runningCount: service.runningCount,
      pendingCount: service.pendingCount,
      taskDefinitionArn: service.taskDefinition,
      deployments: service.deployments,
      events: service.events,
    },
    taskDefinition,
    launch,
    ...around,
    ...(targetHealth ? { targetHealth } : {}),
    ...(stoppedTasks ? { stoppedTasks } : {}),
    gaps: gaps.list,
  };
}

/** The snapshot of a service not yet made: a task definition plus the network settings and the planned resources it would use. */
export async function collectPreflightSnapshot(session: AwsSession, input: PreflightInput, options: CollectOptions = {}): Promise<ServiceSnapshot> {
  const gaps = new Gaps(session.connection);
  const raw = await cached(session, options, `taskDefinition:${input.taskDefinition}`, () => session.taskDefinitions.describeTaskDefinitionRaw(input.taskDefinition, options));
  const taskDefinition = toSnapshotTaskDefinition(raw);
  const launch: SnapshotLaunch = {
    launchType: input.launchType ?? 'FARGATE',
    platformVersion: input.platformVersion ?? 'LATEST',
    awsvpcConfiguration: { subnets: input.subnets, securityGroups: input.securityGroups, assignPublicIp: input.assignPublicIp },
    ...(input.loadBalancers ? { loadBalancers: input.loadBalancers } : {}),
    ...(input.enableExecuteCommand !== undefined ? { enableExecuteCommand: input.enableExecuteCommand } : {}),
  };
  // A planned target group on an existing load balancer: that balancer's groups and subnets.
  const lbArn = input.planned?.targetGroup?.loadBalancerArn;
  const accountId = accountOf(taskDefinition.arn) ?? (await cached(session, options, 'account', () => session.sts.getCallerIdentity(options))).account;
  const [around, existingLb] = await Promise.all([
    collectAround(session, taskDefinition, launch, gaps, options, accountId),
    lbArn ? gaps.read('loadBalancing', lbArn, () => cached(session, options, `loadBalancer:${lbArn}`, () => session.elbv2.describeLoadBalancers({ arns: [lbArn] }, options))) : undefined,
  ]);
  if (lbArn && existingLb?.length === 0) gaps.add('loadBalancing', lbArn, 'the load balancer does not exist');
  const snapshot: ServiceSnapshot = {
    region: session.connection.region,
    accountId,
    taskDefinition,
    launch,
    ...around,
    gaps: gaps.list,
  };
  return input.planned ? withPlannedResources(snapshot, input.planned, existingLb?.[0]) : snapshot;
}
