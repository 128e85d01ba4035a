/**
 * Fills the doctor's ServiceSnapshot (src/doctor/snapshot.ts) from AWS through the gateways. Every
 * read starts as soon as what it depends on is known, so the check takes as many round trips as
 * its longest chain of dependent calls, not one per kind of read:
 *
 *   round trip 1  DescribeServices
 *   round trip 2  DescribeTaskDefinition | ListTasks (STOPPED) | DescribeTargetHealth |
 *                 DescribeSubnets (the task subnets: which VPC) | DescribeVpcEndpointServices |
 *                 DescribeTargetGroups
 *   round trip 3  after the task definition: GetRole, ListAttachedRolePolicies, ListRolePolicies,
 *                 BatchGetImage per ECR image, DescribeLogGroups per awslogs group,
 *                 DescribeSecret / DescribeParameters per secret;
 *                 after the subnets: DescribeVpcs, 2x DescribeVpcAttribute, DescribeSubnets,
 *                 DescribeRouteTables, DescribeVpcEndpoints, DescribeSecurityGroups,
 *                 DescribeNetworkAcls (each with a vpc-id filter);
 *                 after the target groups: DescribeLoadBalancers | DescribeListeners;
 *                 after ListTasks: DescribeTasks
 *   round trip 4  the documents of inline and unknown managed policies; DescribeRules (ALB
 *                 listeners); DescribeNatGateways and DescribeAddresses when a task subnet has
 *                 no default route
 *
 * 26 calls in 4 round trips for the tutorial's service (test/aws/doctorFlow.test.ts counts the
 * calls, `npm run bench` the round trips). A preflight knows its network and load balancers from
 * its input: those reads start beside DescribeTaskDefinition. Only the service and its task
 * definition must be read; any other read that fails (AccessDenied, throttling, not found...)
 * becomes a `gaps` entry and the analyzer says what it could not check.
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
} from '../doctor/snapshot';
import { withPlannedResources, type PlannedResources } from '../doctor/planned';
import { secretReads } from '../doctor/rules/executionRoleGrants';
import { parseImageUri } from '../model/imageUri';
import type { Task } from '../model/ecs';
import { mapConcurrent } from './batching';
import { AwsError } from './errors';
import type { AwsSession } from './session';
import { Gaps, gapReason } from './snapshotGaps';
import { collectLoadBalancing, collectTargetHealth } from './snapshotLoadBalancing';
import { collectNetwork, type NetworkPart } from './snapshotNetwork';
import { cached, CONCURRENCY, type CollectOptions } from './snapshotReads';
import { toSnapshotTaskDefinition } from './snapshotTaskDefinition';

export { toSnapshotTaskDefinition } from './snapshotTaskDefinition';
export type { CollectOptions } from './snapshotReads';

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

function accountOf(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** What needs only the tasks' network settings and load balancers: the VPC and the load balancing. */
async function collectFromLaunch(session: AwsSession, launch: SnapshotLaunch, gaps: Gaps, options: CollectOptions): Promise<NetworkPart & Pick<ServiceSnapshot, 'loadBalancing'>> {
  const [network, loadBalancing] = await Promise.all([
    collectNetwork(session, launch, gaps, options),
    collectLoadBalancing(session, launch, gaps, options),
  ]);
  return { ...network, ...(loadBalancing ? { loadBalancing } : {}) };
}

/** What the task definition names: the execution role, its secrets, its images and log groups. */
async function collectFromTaskDefinition(
  session: AwsSession,
  taskDefinition: SnapshotTaskDefinition,
  gaps: Gaps,
  options: CollectOptions,
  accountId: string,
): Promise<Pick<ServiceSnapshot, 'executionRole' | 'secrets' | 'images' | 'logGroups'>> {
  const [executionRole, images, logGroups, secrets] = await Promise.all([
    collectExecutionRole(session, taskDefinition, gaps, options),
    collectImages(session, taskDefinition, gaps, options),
    collectLogGroups(session, taskDefinition, gaps, options),
    collectSecrets(session, taskDefinition, accountId, gaps, options),
  ]);
  return {
    ...(executionRole ? { executionRole } : {}),
    ...(secrets ? { secrets } : {}),
    ...(images ? { images } : {}),
    ...(logGroups ? { logGroups } : {}),
  };
}

/** Awaited later; if a read that must succeed fails first, that error is the answer, not this one's. */
function started<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
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
  // Everything that needs only the service starts now, beside the task definition's read.
  const stopped = started(collectStoppedTasks(session, service.clusterArn || ref.cluster, service.name, gaps, options));
  const health = started(collectTargetHealth(session, launch, gaps, options));
  const fromLaunch = started(collectFromLaunch(session, launch, gaps, options));
  const accountFromArn = accountOf(service.arn);
  // The task definition must be read: without it there is nothing to check.
  const taskDefinition = toSnapshotTaskDefinition(await session.taskDefinitions.describeTaskDefinitionRaw(service.taskDefinition, options));
  const accountId = accountFromArn ?? accountOf(taskDefinition.arn) ?? (await session.sts.getCallerIdentity(options)).account;
  const [fromTaskDefinition, launchPart, stoppedTasks, targetHealth] = await Promise.all([
    collectFromTaskDefinition(session, taskDefinition, gaps, options, accountId), fromLaunch, stopped, health,
  ]);
  const around = { ...launchPart, ...fromTaskDefinition };
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
  const launch: SnapshotLaunch = {
    launchType: input.launchType ?? 'FARGATE',
    platformVersion: input.platformVersion ?? 'LATEST',
    awsvpcConfiguration: { subnets: input.subnets, securityGroups: input.securityGroups, assignPublicIp: input.assignPublicIp },
    ...(input.loadBalancers ? { loadBalancers: input.loadBalancers } : {}),
    ...(input.enableExecuteCommand !== undefined ? { enableExecuteCommand: input.enableExecuteCommand } : {}),
  };
  // The input names the network and the load balancers: their reads start beside the task definition's.
  const fromLaunch = started(collectFromLaunch(session, launch, gaps, options));
  const raw = await cached(session, options, `taskDefinition:${input.taskDefinition}`, () => session.taskDefinitions.describeTaskDefinitionRaw(input.taskDefinition, options));
  const taskDefinition = toSnapshotTaskDefinition(raw);
  // A planned target group on an existing load balancer: that balancer's groups and subnets.
  const lbArn = input.planned?.targetGroup?.loadBalancerArn;
  const accountId = accountOf(taskDefinition.arn) ?? (await cached(session, options, 'account', () => session.sts.getCallerIdentity(options))).account;
  const [fromTaskDefinition, launchPart, existingLb] = await Promise.all([
    collectFromTaskDefinition(session, taskDefinition, gaps, options, accountId),
    fromLaunch,
    lbArn ? gaps.read('loadBalancing', lbArn, () => cached(session, options, `loadBalancer:${lbArn}`, () => session.elbv2.describeLoadBalancers({ arns: [lbArn] }, options))) : undefined,
  ]);
  const around = { ...launchPart, ...fromTaskDefinition };
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
