// Seeds moto with the world of the tutorial ECS Studio grew out of
// (docs: /work/shared/design/tutorial-world.md): a Fargate service in private subnets
// without NAT, behind an ALB, failing first on ECR and then on CloudWatch Logs; with
// `withFixes`, the tutorial's end state (VPC endpoints, 443 rule, log group) plus the S3
// gateway endpoint the tutorial leaves out.
//
// Everything goes through the real AWS SDK, as the product's calls do. Resource groups that
// do not depend on each other are created concurrently (at most SEED_CONCURRENCY calls in
// flight): 36 SDK calls (42 with the fixes) and about 0.3-0.5 s when moto already serves the
// account; right after `/moto-api/reset` about 1.5 s, most of it moto rebuilding its backends.
import { createHash } from 'node:crypto';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  DescribeVpcsCommand,
  EC2Client,
  ModifyVpcAttributeCommand,
  type IpPermission,
  type ResourceType,
  type TagSpecification,
} from '@aws-sdk/client-ec2';
import { CreateRepositoryCommand, ECRClient, PutImageCommand } from '@aws-sdk/client-ecr';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type NetworkConfiguration,
} from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  IAMClient,
} from '@aws-sdk/client-iam';
import type { InitializeMiddleware } from '@smithy/types';
import { pinTaskStatus, TEST_CREDENTIALS } from './moto';

/** The tutorial's names and values, for tests that look for them. */
export const TUTORIAL = {
  region: 'ap-northeast-2',
  vpcName: 'demo-service-vpc',
  vpcCidr: '10.0.0.0/16',
  /** AZ suffixes of the two public and two private subnets, in that order. */
  subnets: [
    { kind: 'public', index: 1, cidr: '10.0.0.0/24', az: 'a' },
    { kind: 'public', index: 2, cidr: '10.0.1.0/24', az: 'c' },
    { kind: 'private', index: 1, cidr: '10.0.2.0/24', az: 'a' },
    { kind: 'private', index: 2, cidr: '10.0.3.0/24', az: 'c' },
  ],
  igwName: 'demo-service-igw',
  publicRouteTableName: 'demo-service-rtb-public',
  privateRouteTableName: 'demo-service-rtb-private',
  albName: 'public-ecs-service-alb',
  albSgName: 'public-ecs-service-alb-sg',
  /** "The author's IP": a documentation address (RFC 5737), never a real one. */
  authorCidr: '203.0.113.24/32',
  targetGroupName: 'demo-ecs-alb-target-group',
  repositoryName: 'demo-service',
  imageTag: 'latest',
  executionRoleName: 'ecsTaskExecutionRole',
  executionPolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy',
  clusterName: 'demo-ecs-cluster',
  taskFamily: 'demo-ecs-task',
  containerName: 'demo-service-container',
  containerPort: 8080,
  logGroupName: '/ecs/demo-ecs-task',
  serviceName: 'demo-ecs-service',
  serviceSgName: 'demo-ecs-service-sg',
  taskGroup: 'service:demo-ecs-service',
} as const;

/** The tutorial's two stopped-task reasons, verbatim, in the order they happened. */
export const TUTORIAL_STOP_REASONS = {
  ecr:
    'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from ' +
    'Amazon ECR: There is a connection issue between the task and Amazon ECR. Check your task network configuration. ' +
    'RequestError: send request failed caused by: Post "https://api.ecr.ap-northeast-2.amazonaws.com/": ' +
    'dial tcp 54.180.184.245:443: i/o timeout',
  logs:
    'ResourceInitializationError: failed to validate logger args: The task cannot find the Amazon CloudWatch log ' +
    'group defined in the task definition. There is a connection issue between the task and Amazon CloudWatch. ' +
    'Check your network configuration. : signal: killed',
} as const;

export interface TutorialWorldOptions {
  /** Default `ap-northeast-2`, the tutorial's. Subnets go to AZs `<region>a` and `<region>c`. */
  region?: string;
  /** The tutorial's end state: VPC endpoints, the 443 rule, the log group and a running task. */
  withFixes?: boolean;
  /** The two failed tasks of the tutorial, stopped with its messages. Default true. */
  stoppedTasks?: boolean;
}

export interface TutorialEndpointIds {
  ecrApi: string;
  ecrDkr: string;
  logs: string;
  /** The gateway endpoint the tutorial leaves out, on the private route table. */
  s3: string;
}

export interface TutorialWorld {
  region: string;
  accountId: string;
  vpcId: string;
  /** Subnets in AZ a then AZ c. */
  publicSubnetIds: [string, string];
  privateSubnetIds: [string, string];
  routeTableIds: { public: string; private: string };
  igwId: string;
  albArn: string;
  albSgId: string;
  listenerArn: string;
  targetGroupArn: string;
  repositoryUri: string;
  /** `repositoryUri:latest`, as the task definition names it. */
  imageUri: string;
  /** Digest of the image index tagged `latest` (sha256 of the manifest bytes, as on ECR). */
  imageDigest: string;
  executionRoleArn: string;
  clusterArn: string;
  taskDefinitionArn: string;
  serviceArn: string;
  serviceSgId: string;
  /** The ECR failure, then the CloudWatch failure; empty when `stoppedTasks` is false. */
  stoppedTaskArns: string[];
  /** One task of the fixed service with `withFixes`, none otherwise (the broken service runs nothing). */
  runningTaskArns: string[];
  logGroupName: string;
  /**
   * False without fixes: the task definition says `awslogs-create-group: "true"`, so the log
   * group would be made by the first task that reaches CloudWatch, and none ever did.
   */
  logGroupExists: boolean;
  /** Only with `withFixes`. */
  endpointIds?: TutorialEndpointIds;
}

/** How many seeding calls run at once: enough to overlap moto's latency, few enough not to swamp it. */
const SEED_CONCURRENCY = 8;

/**
 * Builds the tutorial's world in one region of the endpoint's account. Seeding a region that
 * already has a `demo-service-vpc` fails before creating anything (reset moto, or use another
 * region); seeding a second region works, the IAM role being global and reused.
 */
export async function seedTutorialWorld(endpointUrl: string, options: TutorialWorldOptions = {}): Promise<TutorialWorld> {
  const region = options.region ?? TUTORIAL.region;
  const aws = seedClients(endpointUrl, region);
  try {
    await assertRegionIsEmpty(aws.ec2, region);
    return await buildWorld(aws, endpointUrl, region, options.withFixes ?? false, options.stoppedTasks ?? true);
  } finally {
    for (const client of Object.values(aws)) client.destroy();
  }
}

/** The tutorial's world before its service: what the service form starts from when it creates everything. */
export type TutorialWorldWithoutService = Omit<TutorialWorld,
  'albArn' | 'albSgId' | 'listenerArn' | 'targetGroupArn' | 'serviceArn' | 'serviceSgId' | 'stoppedTaskArns' | 'runningTaskArns' | 'endpointIds'>;

/**
 * The tutorial's world minus its service and what was made for it: the VPC with its public and
 * private subnets and routes, the execution role, the image, the cluster and the task definition,
 * but no load balancer (nor its group, listener, target group), no service group, no service, no
 * tasks, no fixes. For the service form's Create, which makes those.
 */
export async function seedTutorialWorldWithoutService(endpointUrl: string, options: { region?: string } = {}): Promise<TutorialWorldWithoutService> {
  const region = options.region ?? TUTORIAL.region;
  const aws = seedClients(endpointUrl, region);
  try {
    await assertRegionIsEmpty(aws.ec2, region);
    const vpcId = step('VPC', () => createVpc(aws.ec2));
    const subnets = step('subnets', async () => createSubnets(aws.ec2, await vpcId, region));
    const routing = step('route tables', async () => createRouting(aws.ec2, await vpcId, await subnets));
    const roleArn = step('execution role', () => ensureExecutionRole(aws.iam));
    const image = step('ECR image', () => pushImage(aws.ecr));
    const clusterArn = step('cluster', () => createCluster(aws.ecs));
    const taskDefinitionArn = step('task definition', async () => registerTaskDefinition(aws.ecs, region, await roleArn, (await image).imageUri));
    await settleAll([vpcId, subnets, routing, roleArn, image, clusterArn, taskDefinitionArn]);
    return {
      region,
      accountId: (await clusterArn).split(':')[4] ?? '',
      vpcId: await vpcId,
      ...(await subnets),
      routeTableIds: { public: (await routing).publicRouteTableId, private: (await routing).privateRouteTableId },
      igwId: (await routing).igwId,
      ...(await image),
      executionRoleArn: await roleArn,
      clusterArn: await clusterArn,
      taskDefinitionArn: await taskDefinitionArn,
      logGroupName: TUTORIAL.logGroupName,
      logGroupExists: false,
    };
  } finally {
    for (const client of Object.values(aws)) client.destroy();
  }
}

interface SeedClients {
  ec2: EC2Client;
  elb: ElasticLoadBalancingV2Client;
  ecr: ECRClient;
  iam: IAMClient;
  ecs: ECSClient;
  logs: CloudWatchLogsClient;
}

function seedClients(endpoint: string, region: string): SeedClients {
  const config = { endpoint, region, credentials: TEST_CREDENTIALS };
  const clients: SeedClients = {
    ec2: new EC2Client(config),
    elb: new ElasticLoadBalancingV2Client(config),
    ecr: new ECRClient(config),
    iam: new IAMClient(config),
    ecs: new ECSClient(config),
    logs: new CloudWatchLogsClient(config),
  };
  const gate = new Gate(SEED_CONCURRENCY);
  clients.ec2.middlewareStack.add(gated(gate), GATE_STEP);
  clients.elb.middlewareStack.add(gated(gate), GATE_STEP);
  clients.ecr.middlewareStack.add(gated(gate), GATE_STEP);
  clients.iam.middlewareStack.add(gated(gate), GATE_STEP);
  clients.ecs.middlewareStack.add(gated(gate), GATE_STEP);
  clients.logs.middlewareStack.add(gated(gate), GATE_STEP);
  return clients;
}

/** Wires the resource groups by what each needs; independent groups run concurrently. */
async function buildWorld(aws: SeedClients, endpointUrl: string, region: string, withFixes: boolean, stoppedTasks: boolean): Promise<TutorialWorld> {
  const vpcId = step('VPC', () => createVpc(aws.ec2));
  const subnets = step('subnets', async () => createSubnets(aws.ec2, await vpcId, region));
  const routing = step('route tables', async () => createRouting(aws.ec2, await vpcId, await subnets));
  const groups = step('security groups', async () => createSecurityGroups(aws.ec2, await vpcId, withFixes));
  const roleArn = step('execution role', () => ensureExecutionRole(aws.iam));
  const image = step('ECR image', () => pushImage(aws.ecr));
  const clusterArn = step('cluster', () => createCluster(aws.ecs));
  const alb = step('load balancer', async () =>
    createLoadBalancer(aws.elb, await vpcId, (await subnets).publicSubnetIds, (await groups).albSgId));
  const taskDefinitionArn = step('task definition', async () =>
    registerTaskDefinition(aws.ecs, region, await roleArn, (await image).imageUri));
  const network = step('network configuration', async () =>
    serviceNetwork((await subnets).privateSubnetIds, (await groups).serviceSgId));
  const service = step('service', async () =>
    createService(aws.ecs, await clusterArn, await taskDefinitionArn, await network, (await alb).targetGroupArn));
  const endpointIds = step('fixes', async () => withFixes
    ? applyFixes(aws, region, await vpcId, (await subnets).privateSubnetIds, (await routing).privateRouteTableId, (await groups).serviceSgId)
    : undefined);
  // Only a world with a running task needs it; see pinMotoTaskStatus.
  const pinned = step('task status pin', async () => { if (withFixes) await pinMotoTaskStatus(endpointUrl); });
  const tasks = step('tasks', async () => {
    const { serviceArn, deploymentId } = await service;
    await Promise.all([endpointIds, pinned]); // the running task comes after the fixes, as in the tutorial
    return createTasks(aws.ecs, await clusterArn, serviceArn, deploymentId, await network, stoppedTasks, withFixes);
  });
  await settleAll([vpcId, subnets, routing, groups, roleArn, image, clusterArn, alb, taskDefinitionArn, network, service, endpointIds, pinned, tasks]);

  const clusterArnValue = await clusterArn;
  return {
    region,
    accountId: clusterArnValue.split(':')[4] ?? '',
    vpcId: await vpcId,
    ...(await subnets),
    routeTableIds: { public: (await routing).publicRouteTableId, private: (await routing).privateRouteTableId },
    igwId: (await routing).igwId,
    ...(await alb),
    albSgId: (await groups).albSgId,
    ...(await image),
    executionRoleArn: await roleArn,
    clusterArn: clusterArnValue,
    taskDefinitionArn: await taskDefinitionArn,
    serviceArn: (await service).serviceArn,
    serviceSgId: (await groups).serviceSgId,
    ...(await tasks),
    logGroupName: TUTORIAL.logGroupName,
    logGroupExists: withFixes,
    ...(withFixes ? { endpointIds: await endpointIds } : {}),
  };
}

async function assertRegionIsEmpty(ec2: EC2Client, region: string): Promise<void> {
  const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: [TUTORIAL.vpcName] }] }));
  const existing = Vpcs?.[0]?.VpcId;
  if (existing) {
    throw new Error(
      `seedTutorialWorld: ${region} already holds the tutorial's world (${TUTORIAL.vpcName} is ${existing}). ` +
      'Reset moto first, or seed another region.',
    );
  }
}

// --- network -------------------------------------------------------------------------------

/** The VPC with both DNS attributes on, as "Create VPC and more" makes it (RunTask needs it in moto too). */
async function createVpc(ec2: EC2Client): Promise<string> {
  const { Vpc } = await ec2.send(new CreateVpcCommand({ CidrBlock: TUTORIAL.vpcCidr, TagSpecifications: named('vpc', TUTORIAL.vpcName) }));
  const vpcId = required(Vpc?.VpcId, 'CreateVpc VpcId');
  // A new VPC has DNS support on and DNS hostnames off; the console's wizard turns both on.
  await ec2.send(new ModifyVpcAttributeCommand({ VpcId: vpcId, EnableDnsHostnames: { Value: true } }));
  return vpcId;
}

interface Subnets {
  publicSubnetIds: [string, string];
  privateSubnetIds: [string, string];
}

async function createSubnets(ec2: EC2Client, vpcId: string, region: string): Promise<Subnets> {
  const ids = await Promise.all(TUTORIAL.subnets.map(async ({ kind, index, cidr, az }) => {
    const zone = `${region}${az}`;
    const { Subnet } = await ec2.send(new CreateSubnetCommand({
      VpcId: vpcId,
      CidrBlock: cidr,
      AvailabilityZone: zone,
      TagSpecifications: named('subnet', `demo-service-subnet-${kind}${index}-${zone}`),
    }));
    return required(Subnet?.SubnetId, `CreateSubnet ${cidr}`);
  }));
  return { publicSubnetIds: [ids[0], ids[1]], privateSubnetIds: [ids[2], ids[3]] };
}

interface Routing {
  igwId: string;
  publicRouteTableId: string;
  privateRouteTableId: string;
}

/** Public route table: 0.0.0.0/0 to the internet gateway. Private one: local route only, no NAT. */
async function createRouting(ec2: EC2Client, vpcId: string, subnets: Subnets): Promise<Routing> {
  const createTable = async (name: string): Promise<string> => {
    const { RouteTable } = await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId, TagSpecifications: named('route-table', name) }));
    return required(RouteTable?.RouteTableId, `CreateRouteTable ${name}`);
  };
  const attachedIgw = (async () => {
    const { InternetGateway } = await ec2.send(new CreateInternetGatewayCommand({ TagSpecifications: named('internet-gateway', TUTORIAL.igwName) }));
    const igwId = required(InternetGateway?.InternetGatewayId, 'CreateInternetGateway');
    await ec2.send(new AttachInternetGatewayCommand({ InternetGatewayId: igwId, VpcId: vpcId }));
    return igwId;
  })();
  const [igwId, publicRouteTableId, privateRouteTableId] = await Promise.all([
    attachedIgw, createTable(TUTORIAL.publicRouteTableName), createTable(TUTORIAL.privateRouteTableName),
  ]);
  const associate = (SubnetId: string, RouteTableId: string) => ec2.send(new AssociateRouteTableCommand({ SubnetId, RouteTableId }));
  await Promise.all([
    ec2.send(new CreateRouteCommand({ RouteTableId: publicRouteTableId, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igwId })),
    ...subnets.publicSubnetIds.map((id) => associate(id, publicRouteTableId)),
    ...subnets.privateSubnetIds.map((id) => associate(id, privateRouteTableId)),
  ]);
  return { igwId, publicRouteTableId, privateRouteTableId };
}

interface SecurityGroups {
  albSgId: string;
  serviceSgId: string;
}

/**
 * The ALB's group (80 from the author's IP) and the service's (8080 from the VPC). With the
 * fixes, the service's group also has the tutorial's 443 rule for the endpoints, which use it.
 */
async function createSecurityGroups(ec2: EC2Client, vpcId: string, withFixes: boolean): Promise<SecurityGroups> {
  const fromCidr = (port: number, cidr: string, description: string): IpPermission =>
    ({ IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: [{ CidrIp: cidr, Description: description }] });
  const [albSgId, serviceSgId] = await Promise.all([
    createGroup(ec2, vpcId, TUTORIAL.albSgName, 'Allows HTTP from the author only', [
      fromCidr(80, TUTORIAL.authorCidr, "the author's IP"),
    ]),
    createGroup(ec2, vpcId, TUTORIAL.serviceSgName, 'demo-ecs-service tasks', [
      fromCidr(TUTORIAL.containerPort, TUTORIAL.vpcCidr, 'from the VPC (the ALB)'),
      ...(withFixes ? [fromCidr(443, TUTORIAL.vpcCidr, 'HTTPS to the VPC endpoints')] : []),
    ]),
  ]);
  return { albSgId, serviceSgId };
}

/** A group with its ingress rules; the default all-traffic egress rule stays. */
async function createGroup(ec2: EC2Client, vpcId: string, name: string, description: string, ingress: IpPermission[]): Promise<string> {
  const { GroupId } = await ec2.send(new CreateSecurityGroupCommand({
    GroupName: name, Description: description, VpcId: vpcId, TagSpecifications: named('security-group', name),
  }));
  const groupId = required(GroupId, `CreateSecurityGroup ${name}`);
  await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: ingress }));
  return groupId;
}

// --- load balancer ---------------------------------------------------------------------------

interface LoadBalancer {
  albArn: string;
  targetGroupArn: string;
  listenerArn: string;
}

/** Internet-facing ALB in the public subnets, an `ip` target group on 8080, HTTP:80 forwarding to it. */
async function createLoadBalancer(elb: ElasticLoadBalancingV2Client, vpcId: string, publicSubnetIds: string[], albSgId: string): Promise<LoadBalancer> {
  const [{ LoadBalancers }, { TargetGroups }] = await Promise.all([
    elb.send(new CreateLoadBalancerCommand({
      Name: TUTORIAL.albName,
      Type: 'application',
      Scheme: 'internet-facing',
      IpAddressType: 'ipv4',
      Subnets: publicSubnetIds,
      SecurityGroups: [albSgId],
    })),
    elb.send(new CreateTargetGroupCommand({
      Name: TUTORIAL.targetGroupName,
      TargetType: 'ip',
      Protocol: 'HTTP',
      ProtocolVersion: 'HTTP1',
      Port: TUTORIAL.containerPort,
      VpcId: vpcId,
      HealthCheckProtocol: 'HTTP',
      HealthCheckPath: '/',
    })),
  ]);
  const albArn = required(LoadBalancers?.[0]?.LoadBalancerArn, 'CreateLoadBalancer LoadBalancerArn');
  const targetGroupArn = required(TargetGroups?.[0]?.TargetGroupArn, 'CreateTargetGroup TargetGroupArn');
  const { Listeners } = await elb.send(new CreateListenerCommand({
    LoadBalancerArn: albArn,
    Protocol: 'HTTP',
    Port: 80,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
  }));
  return { albArn, targetGroupArn, listenerArn: required(Listeners?.[0]?.ListenerArn, 'CreateListener ListenerArn') };
}

// --- image and role --------------------------------------------------------------------------

interface PushedImage {
  repositoryUri: string;
  imageUri: string;
  imageDigest: string;
}

/**
 * The repository and what `docker buildx build --platform linux/arm64 --push` on an M1 Mac
 * leaves in it: an OCI image index tagged `latest` listing the linux/arm64 image and its
 * provenance attestation (platform unknown/unknown), both pushed untagged before the index.
 * Every digest given to PutImage is the real sha256 of the bytes pushed: without it moto
 * invents one (see pushManifest).
 */
async function pushImage(ecr: ECRClient, image: ImageSpec = TUTORIAL_IMAGE): Promise<PushedImage> {
  const { repository } = await ecr.send(new CreateRepositoryCommand({ repositoryName: image.repositoryName }));
  const repositoryUri = required(repository?.repositoryUri, 'CreateRepository repositoryUri');
  const manifests = imageManifests(image);
  await Promise.all(manifests.parts.map((body) => pushManifest(ecr, image.repositoryName, body)));
  const imageDigest = await pushManifest(ecr, image.repositoryName, manifests.index, image.tag);
  return { repositoryUri, imageUri: `${repositoryUri}:${image.tag}`, imageDigest };
}

/** What an image is pushed as: its repository, tag and the platforms of its index. */
interface ImageSpec {
  repositoryName: string;
  tag: string;
  architectures: ReadonlyArray<'arm64' | 'amd64'>;
}

const TUTORIAL_IMAGE: ImageSpec = { repositoryName: TUTORIAL.repositoryName, tag: TUTORIAL.imageTag, architectures: ['arm64'] };

/**
 * A second image nothing uses yet, for trying the task definition and service forms in the
 * demo: `demo-web:1.0`, built for linux/amd64 and linux/arm64.
 */
export const UNUSED_IMAGE: ImageSpec = { repositoryName: 'demo-web', tag: '1.0', architectures: ['amd64', 'arm64'] };

/** Pushes UNUSED_IMAGE into the tutorial's account (a repository of its own). */
export async function seedUnusedImage(endpointUrl: string, options: { region?: string } = {}): Promise<PushedImage> {
  const aws = seedClients(endpointUrl, options.region ?? TUTORIAL.region);
  try {
    return await pushImage(aws.ecr, UNUSED_IMAGE);
  } finally {
    for (const client of Object.values(aws)) client.destroy();
  }
}

/**
 * PutImage with the manifest's true digest. Without `imageDigest`, moto 5.2 makes one up:
 * for a manifest with layers, the sha256 of the layer digests joined; for an index, the
 * sha256 of a random number between 0 and 100 (so two indexes can collide).
 */
async function pushManifest(ecr: ECRClient, repositoryName: string, body: string, imageTag?: string): Promise<string> {
  const imageDigest = sha256(body);
  const mediaType = (JSON.parse(body) as { mediaType: string }).mediaType;
  const { image } = await ecr.send(new PutImageCommand({
    repositoryName,
    imageManifest: body,
    imageManifestMediaType: mediaType,
    imageDigest,
    ...(imageTag ? { imageTag } : {}),
  }));
  return required(image?.imageId?.imageDigest, 'PutImage imageDigest');
}

/**
 * Manifests shaped like BuildKit's, with stable made-up blob digests: one image manifest per
 * architecture, its provenance attestation, and the index tagged with the image's tag.
 */
function imageManifests(image: ImageSpec): { parts: string[]; index: string } {
  const blob = (mediaType: string, label: string, size: number) => ({ mediaType, digest: sha256(`${image.repositoryName} ${label}`), size });
  const manifest = (config: object, layers: object[]) => JSON.stringify({
    schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers,
  });
  // One architecture keeps the labels (and so the digests) the tutorial's image always had.
  const per = (label: string, architecture: string) => (image.architectures.length > 1 ? `${label} ${architecture}` : label);
  const images = image.architectures.map((architecture) => ({
    architecture,
    body: manifest(blob(OCI_CONFIG, `config linux/${architecture}`, 7_402), [
      blob(OCI_LAYER, per('layer base', architecture), 29_136_453),
      blob(OCI_LAYER, per('layer jre', architecture), 45_804_116),
      blob(OCI_LAYER, 'layer app', 19_731_204),
    ]),
  }));
  const first = images[0]!.body;
  const attestation = manifest(blob(OCI_CONFIG, 'attestation config', 241), [
    { ...blob('application/vnd.in-toto+json', 'provenance', 1_386), annotations: { 'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v0.2' } },
  ]);
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      ...images.map(({ architecture, body }) => ({ mediaType: OCI_MANIFEST, digest: sha256(body), size: Buffer.byteLength(body), platform: { architecture, os: 'linux' } })),
      {
        mediaType: OCI_MANIFEST,
        digest: sha256(attestation),
        size: Buffer.byteLength(attestation),
        annotations: { 'vnd.docker.reference.digest': sha256(first), 'vnd.docker.reference.type': 'attestation-manifest' },
        platform: { architecture: 'unknown', os: 'unknown' },
      },
    ],
  });
  return { parts: [...images.map((i) => i.body), attestation], index };
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';

/** `ecsTaskExecutionRole` as the console makes it. IAM is global: a second region reuses it. */
async function ensureExecutionRole(iam: IAMClient): Promise<string> {
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  };
  let roleArn: string;
  try {
    const { Role } = await iam.send(new CreateRoleCommand({
      RoleName: TUTORIAL.executionRoleName, Path: '/', AssumeRolePolicyDocument: JSON.stringify(trust),
    }));
    roleArn = required(Role?.Arn, 'CreateRole Arn');
  } catch (err) {
    if (!(err instanceof EntityAlreadyExistsException)) throw err;
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: TUTORIAL.executionRoleName }));
    roleArn = required(Role?.Arn, 'GetRole Arn');
  }
  await iam.send(new AttachRolePolicyCommand({ RoleName: TUTORIAL.executionRoleName, PolicyArn: TUTORIAL.executionPolicyArn }));
  return roleArn;
}

// --- ECS -------------------------------------------------------------------------------------

async function createCluster(ecs: ECSClient): Promise<string> {
  const { cluster } = await ecs.send(new CreateClusterCommand({
    clusterName: TUTORIAL.clusterName,
    capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
  }));
  return required(cluster?.clusterArn, 'CreateCluster clusterArn');
}

/**
 * The task definition the console's form produces. One concession to moto: the container
 * has `memoryReservation` (the console leaves container memory empty; moto's RunTask fails
 * with HTTP 500 when no container has memory or memoryReservation).
 */
async function registerTaskDefinition(ecs: ECSClient, region: string, executionRoleArn: string, imageUri: string): Promise<string> {
  const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand({
    family: TUTORIAL.taskFamily,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' },
    cpu: '1024',
    memory: '3072',
    executionRoleArn,
    containerDefinitions: [{
      name: TUTORIAL.containerName,
      image: imageUri,
      cpu: 0,
      memoryReservation: 1024,
      essential: true,
      portMappings: [{
        name: `${TUTORIAL.containerName}-${TUTORIAL.containerPort}-tcp`,
        containerPort: TUTORIAL.containerPort,
        hostPort: TUTORIAL.containerPort,
        protocol: 'tcp',
        appProtocol: 'http',
      }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': TUTORIAL.logGroupName,
          'awslogs-create-group': 'true',
          'awslogs-region': region,
          'awslogs-stream-prefix': 'ecs',
        },
      },
    }],
  }));
  return required(taskDefinition?.taskDefinitionArn, 'RegisterTaskDefinition taskDefinitionArn');
}

/** The service's awsvpc configuration: private subnets, its own group, no public IP. */
function serviceNetwork(privateSubnetIds: string[], serviceSgId: string): NetworkConfiguration {
  return { awsvpcConfiguration: { subnets: privateSubnetIds, securityGroups: [serviceSgId], assignPublicIp: 'DISABLED' } };
}

async function createService(ecs: ECSClient, clusterArn: string, taskDefinitionArn: string, networkConfiguration: NetworkConfiguration, targetGroupArn: string): Promise<{ serviceArn: string; deploymentId: string }> {
  const { service } = await ecs.send(new CreateServiceCommand({
    cluster: clusterArn,
    serviceName: TUTORIAL.serviceName,
    taskDefinition: taskDefinitionArn,
    desiredCount: 1,
    launchType: 'FARGATE',
    platformVersion: 'LATEST',
    networkConfiguration,
    loadBalancers: [{ targetGroupArn, containerName: TUTORIAL.containerName, containerPort: TUTORIAL.containerPort }],
  }));
  return {
    serviceArn: required(service?.serviceArn, 'CreateService serviceArn'),
    deploymentId: required(service?.deployments?.[0]?.id, 'CreateService deployments[0].id'),
  };
}

/**
 * Moto never starts a service's tasks, so they are made with RunTask as the service would
 * have: group `service:demo-ecs-service`, `startedBy` the deployment's id, the service's
 * network. The failed ones come from earlier deployments (the tutorial redeployed after
 * each fix), except the last failure of an unfixed world, which is the current deployment's.
 * Run one after another so that ListTasks returns them in the tutorial's order.
 */
async function createTasks(ecs: ECSClient, cluster: string, serviceArn: string, deploymentId: string, networkConfiguration: NetworkConfiguration, stoppedTasks: boolean, withFixes: boolean): Promise<{ stoppedTaskArns: string[]; runningTaskArns: string[] }> {
  const taskDefinition = TUTORIAL.taskFamily;
  const run = async (startedBy: string): Promise<string> => {
    const { tasks, failures } = await ecs.send(new RunTaskCommand({
      cluster, taskDefinition, launchType: 'FARGATE', platformVersion: '1.4.0', count: 1,
      group: TUTORIAL.taskGroup, startedBy, networkConfiguration,
    }));
    return required(tasks?.[0]?.taskArn, `RunTask for ${serviceArn} (failures: ${JSON.stringify(failures ?? [])})`);
  };
  const stoppedTaskArns: string[] = [];
  if (stoppedTasks) {
    const failures = [
      { reason: TUTORIAL_STOP_REASONS.ecr, startedBy: 'ecs-svc/4735521089062946183' },
      { reason: TUTORIAL_STOP_REASONS.logs, startedBy: withFixes ? 'ecs-svc/8120935667012458290' : deploymentId },
    ];
    for (const { startedBy } of failures) stoppedTaskArns.push(await run(startedBy));
    await Promise.all(failures.map(({ reason }, i) => ecs.send(new StopTaskCommand({ cluster, task: stoppedTaskArns[i], reason }))));
  }
  const runningTaskArns = withFixes ? [await run(deploymentId)] : [];
  return { stoppedTaskArns, runningTaskArns };
}

/** Kept for callers of the tutorial world; startMoto() pins task status already. */
export const pinMotoTaskStatus = pinTaskStatus;

// --- the tutorial's fixes ----------------------------------------------------------------------

/**
 * The tutorial's fixes, its way: interface endpoints for ecr.api, ecr.dkr and logs in the
 * private subnets with private DNS, guarded by the service's own group (whose 443 rule
 * createSecurityGroups adds), plus the S3 gateway endpoint on the private route table that
 * the tutorial leaves out, and the log group its first healthy task would have created.
 */
async function applyFixes(aws: SeedClients, region: string, vpcId: string, privateSubnetIds: string[], privateRouteTableId: string, serviceSgId: string): Promise<TutorialEndpointIds> {
  const iface = async (service: string): Promise<string> => {
    const { VpcEndpoint } = await aws.ec2.send(new CreateVpcEndpointCommand({
      VpcId: vpcId,
      VpcEndpointType: 'Interface',
      ServiceName: `com.amazonaws.${region}.${service}`,
      SubnetIds: privateSubnetIds,
      SecurityGroupIds: [serviceSgId],
      PrivateDnsEnabled: true,
      TagSpecifications: named('vpc-endpoint', `demo-service-vpce-${service.replace('.', '-')}`),
    }));
    return required(VpcEndpoint?.VpcEndpointId, `CreateVpcEndpoint ${service}`);
  };
  const s3 = async (): Promise<string> => {
    const { VpcEndpoint } = await aws.ec2.send(new CreateVpcEndpointCommand({
      VpcId: vpcId,
      VpcEndpointType: 'Gateway',
      ServiceName: `com.amazonaws.${region}.s3`,
      RouteTableIds: [privateRouteTableId],
      TagSpecifications: named('vpc-endpoint', 'demo-service-vpce-s3'),
    }));
    return required(VpcEndpoint?.VpcEndpointId, 'CreateVpcEndpoint s3');
  };
  const [ecrApi, ecrDkr, logs, s3Id] = await Promise.all([
    iface('ecr.api'), iface('ecr.dkr'), iface('logs'), s3(),
    aws.logs.send(new CreateLogGroupCommand({ logGroupName: TUTORIAL.logGroupName })),
  ]);
  return { ecrApi, ecrDkr, logs, s3: s3Id };
}

// --- plumbing ----------------------------------------------------------------------------------

/** Names a failing group in the error, keeping the SDK's error as the cause. */
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof SeedStepError) throw err;
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new SeedStepError(`seedTutorialWorld: ${name} failed: ${message}`, { cause: err });
  }
}

class SeedStepError extends Error {}

/** Waits for every group, so none is left running, then throws the first failure. */
async function settleAll(promises: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

function named(resourceType: ResourceType, name: string): TagSpecification[] {
  return [{ ResourceType: resourceType, Tags: [{ Key: 'Name', Value: name }] }];
}

function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what} missing from the response`);
  return value;
}

function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** A counting semaphore shared by all seeding clients. */
class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly slots: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active < this.slots) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the slot is handed over
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

const GATE_STEP = { step: 'initialize', name: 'seedConcurrencyGate' } as const;

function gated<Input extends object, Output extends object>(gate: Gate): InitializeMiddleware<Input, Output> {
  return (next) => (args) => gate.run(() => next(args));
}
