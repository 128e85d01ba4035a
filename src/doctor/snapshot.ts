// The plain data the doctor's analyzer reads about one service, or about a task definition plus
// the network settings a new service would use (preflight). A collector in src/aws fills it from
// the gateways; tests build it by hand (test/unit/doctor/snapshotBuilder.ts).
//
// Conventions, so that the analyzer never guesses:
// - A field left undefined was not collected. The reason goes in `gaps` (AccessDenied, throttled,
//   not found...), and the analyzer reports "could not check X" for the rules that need it.
// - An empty array was collected and holds nothing ("the VPC has no endpoints").
// - Network values reuse the model types of src/model/network.ts, as Ec2Gateway.describeVpcNetwork
//   and Elbv2Gateway.loadBalancerWiring return them.
//
// Pure module: no vscode, no AWS SDK.

import type { Deployment, ServiceEvent, Task } from '../model/ecs';
import type {
  ElasticIp,
  LoadBalancerWiring,
  NatGateway,
  NetworkAcl,
  TargetHealth,
  RouteTable,
  SecurityGroup,
  Subnet,
  Vpc,
  VpcEndpoint,
} from '../model/network';
import type { Finding } from './classify';

/** The parts of a container definition the startup rules read. */
export interface SnapshotContainer {
  readonly name: string;
  readonly image: string;
  readonly essential?: boolean;
  readonly portMappings?: ReadonlyArray<{ readonly containerPort?: number | undefined; readonly protocol?: string | undefined }>;
  readonly logConfiguration?: {
    readonly logDriver: string;
    readonly options?: Readonly<Record<string, string>>;
    /** Log driver options read from Secrets Manager or SSM (`valueFrom` as in `secrets`). */
    readonly secretOptions?: ReadonlyArray<{ readonly name: string; readonly valueFrom: string }>;
  };
  readonly secrets?: ReadonlyArray<{ readonly name: string; readonly valueFrom: string }>;
  /** `environmentFiles[]`: S3 object ARNs (`type` is always `s3`). */
  readonly environmentFiles?: ReadonlyArray<{ readonly value: string; readonly type?: string }>;
  /** `repositoryCredentials.credentialsParameter`: a Secrets Manager secret ARN. */
  readonly repositoryCredentials?: { readonly credentialsParameter: string };
  /** The container's own health check (`healthCheck`): the health check rules read its `startPeriod`. */
  readonly healthCheck?: {
    readonly command?: readonly string[];
    readonly interval?: number;
    readonly timeout?: number;
    readonly retries?: number;
    /** Seconds the container may take to start before failed checks count. */
    readonly startPeriod?: number;
  };
}

/** A task definition as DescribeTaskDefinition returns it, reduced to what the doctor reads. */
export interface SnapshotTaskDefinition {
  readonly arn?: string;
  readonly family: string;
  readonly revision?: number;
  readonly networkMode?: string;
  readonly requiresCompatibilities?: readonly string[];
  readonly runtimePlatform?: {
    /** `X86_64` (the default when absent) or `ARM64`. */
    readonly cpuArchitecture?: string;
    /** `LINUX` (the default when absent) or a `WINDOWS_SERVER_...` family. */
    readonly operatingSystemFamily?: string;
  };
  /** Task-level CPU and memory as ECS stores them (`"1024"`, `"3072"`), or as typed (`"1 vCPU"`, `"3 GB"`). */
  readonly cpu?: string;
  readonly memory?: string;
  readonly executionRoleArn?: string;
  readonly taskRoleArn?: string;
  readonly containers: readonly SnapshotContainer[];
}

/** How the tasks are (or would be) launched: the service's settings, or the preflight's inputs. */
export interface SnapshotLaunch {
  /** `FARGATE` unless told otherwise; a capacity provider strategy on Fargate counts as FARGATE. */
  readonly launchType?: string;
  /** `LATEST` (1.4.0 on Linux), `1.4.0`, `1.3.0`... */
  readonly platformVersion?: string;
  readonly awsvpcConfiguration: {
    readonly subnets: readonly string[];
    readonly securityGroups: readonly string[];
    readonly assignPublicIp: 'ENABLED' | 'DISABLED';
  };
  readonly loadBalancers?: ReadonlyArray<{
    readonly targetGroupArn?: string | undefined;
    readonly containerName?: string | undefined;
    readonly containerPort?: number | undefined;
  }>;
  readonly enableExecuteCommand?: boolean;
  /** Seconds ECS ignores failing load balancer health checks after a task starts. */
  readonly healthCheckGracePeriodSeconds?: number;
}

/** The existing service, when there is one (absent in a preflight for a new service). */
export interface SnapshotService {
  readonly name: string;
  readonly arn: string;
  readonly clusterArn: string;
  /** What DescribeServices said, for the report a person reads (the analyzer does not need it). */
  readonly status?: string;
  readonly desiredCount?: number;
  readonly runningCount?: number;
  readonly pendingCount?: number;
  readonly taskDefinitionArn?: string;
  readonly deployments?: readonly Deployment[];
  /** Newest first, as ECS returns them. */
  readonly events?: readonly ServiceEvent[];
}

export interface ExecutionRoleInfo {
  /** The role ARN from the task definition. */
  readonly arn: string;
  readonly name: string;
  /** False when IAM says the role does not exist (NoSuchEntity). */
  readonly exists: boolean;
  /** `AssumeRolePolicyDocument` as IAM returns it: URL-encoded on AWS, plain JSON in moto. Both are accepted. */
  readonly trustPolicy?: string;
  /** ARNs of the attached managed policies (AWS managed and customer managed). */
  readonly attachedPolicyArns?: readonly string[];
  /**
   * Policy documents gathered for the role: its inline policies and the default versions of its
   * customer managed policies (URL-encoded or plain JSON). AWS managed policies need not be here:
   * the analyzer knows the ones that matter. Undefined when they were not read.
   */
  readonly policyDocuments?: ReadonlyArray<{ readonly name: string; readonly document: string }>;
}

/**
 * A secret or parameter the task reads at start (container secrets, log driver secret options,
 * registry credentials), as Secrets Manager's DescribeSecret or SSM's DescribeParameters shows it.
 */
export interface SecretInfo {
  /** The policy resource derived from `valueFrom` (src/model/secretArns.ts secretResource). */
  readonly arn: string;
  readonly kind: 'secretsmanager' | 'ssm';
  /** False when the service says there is no such secret or parameter. */
  readonly exists: boolean;
  /** The secret's full ARN as Secrets Manager returns it (with its random suffix). */
  readonly fullArn?: string;
  /**
   * The KMS key as the service names it (`KmsKeyId`, `KeyId`): a key id, key ARN or alias.
   * Absent for a secret under the AWS managed key aws/secretsmanager (DescribeSecret leaves it out).
   */
  readonly kmsKeyId?: string;
}

/** An image reference of the task definition, as the registry knows it (ECR images only). */
export interface ImageInfo {
  /** The image exactly as the container definition names it. */
  readonly image: string;
  /** False when the repository does not exist; undefined when not checked. */
  readonly repositoryExists?: boolean;
  /** False when the tag or digest is not in the repository; undefined when not checked. */
  readonly found?: boolean;
  /**
   * The platforms the manifest (one) or the image index (several) offers, as OCI writes them:
   * `{ os: 'linux', architecture: 'arm64' }`. Attestation entries (`unknown/unknown`) may be left in.
   */
  readonly platforms?: ReadonlyArray<{ readonly os: string; readonly architecture: string; readonly variant?: string }>;
}

export interface LogGroupInfo {
  readonly name: string;
  /** The Region it was looked up in (`awslogs-region`). */
  readonly region: string;
  readonly exists: boolean;
}

export interface StoppedTaskInfo {
  readonly task: Pick<Task, 'arn' | 'id'> & Partial<Pick<Task, 'stoppedReason' | 'stopCode' | 'stoppedAt' | 'subnetId' | 'availabilityZone'>>;
  /** What classify() made of the task. */
  readonly finding: Finding;
}

/** The registered targets of one target group and their health, as DescribeTargetHealth returns them. */
export interface TargetGroupHealth {
  readonly targetGroupArn: string;
  readonly targets: readonly TargetHealth[];
}

/** What could not be read, and why: the analyzer says "could not check" instead of guessing. */
export type GapSubject =
  | 'taskDefinition'
  | 'vpc'
  | 'vpcDnsAttributes'
  | 'subnets'
  | 'routeTables'
  | 'endpoints'
  | 'securityGroups'
  | 'networkAcls'
  | 'executionRole'
  | 'executionRolePolicies'
  | 'images'
  | 'logGroups'
  | 'loadBalancing'
  | 'stoppedTasks'
  | 'endpointServices'
  | 'secrets'
  | 'targetHealth';

export interface Gap {
  readonly subject: GapSubject;
  /** The resource it concerns, when one: a role ARN, an image, a target group ARN... */
  readonly resource?: string;
  /** "AccessDenied: ec2:DescribeNetworkAcls", "throttled", "not found"... */
  readonly reason: string;
}

export interface ServiceSnapshot {
  readonly region: string;
  readonly accountId: string;
  readonly service?: SnapshotService;
  readonly taskDefinition: SnapshotTaskDefinition;
  readonly launch: SnapshotLaunch;

  /** The task's VPC, with `dnsSupport` / `dnsHostnames` read (undefined there = not read). */
  readonly vpc?: Vpc;
  /** The subnets of the VPC (at least the task subnets; the endpoint subnets too, for their CIDRs and AZs). */
  readonly subnets?: readonly Subnet[];
  /** The VPC's route tables (at least the task subnets' explicit tables and the main table). */
  readonly routeTables?: readonly RouteTable[];
  readonly endpoints?: readonly VpcEndpoint[];
  /** The task's groups, the endpoints' groups, and any other group of the VPC (to reuse one). */
  readonly securityGroups?: readonly SecurityGroup[];
  /** The network ACLs of the VPC (at least those of the task and endpoint subnets). */
  readonly networkAcls?: readonly NetworkAcl[];
  /** Endpoint service names the Region offers (DescribeVpcEndpointServices), when read. */
  readonly endpointServices?: readonly string[];
  /** The VPC's NAT gateways (the NAT remedy's steps look for theirs); undefined when not read. */
  readonly natGateways?: readonly NatGateway[];
  /** The account's Elastic IPs named by ECS Studio's NAT remedy (`ecs-studio-nat-*`); undefined when not read. */
  readonly elasticIps?: readonly ElasticIp[];

  readonly executionRole?: ExecutionRoleInfo;
  /** The secrets and parameters the task reads, as far as they were read (a failed read is a `secrets` gap). */
  readonly secrets?: readonly SecretInfo[];
  readonly images?: readonly ImageInfo[];
  readonly logGroups?: readonly LogGroupInfo[];
  /** One wiring per target group named by the service's loadBalancers. */
  readonly loadBalancing?: readonly LoadBalancerWiring[];
  /**
   * DescribeTargetHealth of each target group the service names (an existing service only; a
   * preflight leaves it out). Evidence for the health check rules, never a cause by itself.
   */
  readonly targetHealth?: readonly TargetGroupHealth[];
  readonly stoppedTasks?: readonly StoppedTaskInfo[];

  readonly gaps: readonly Gap[];
}

// ---- helpers for the collector --------------------------------------------------------------

type Platform = NonNullable<ImageInfo['platforms']>[number];

/**
 * The platforms an image offers, from the manifest ECR's BatchGetImage returns: an OCI image
 * index or Docker manifest list names one platform per entry (attestations come out as
 * `unknown/unknown`, which the analyzer ignores). A single-image manifest does not say its
 * platform (that is in its config blob): undefined, meaning "not known", never a guess.
 */
export function imagePlatforms(manifestJson: string): Platform[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestJson);
  } catch {
    return undefined;
  }
  const manifests = (parsed as { manifests?: unknown }).manifests;
  if (!Array.isArray(manifests)) return undefined;
  const platforms: Platform[] = [];
  for (const entry of manifests as Array<{ platform?: { os?: unknown; architecture?: unknown; variant?: unknown } }>) {
    const p = entry.platform;
    if (!p || typeof p.os !== 'string' || typeof p.architecture !== 'string') continue;
    platforms.push(typeof p.variant === 'string' ? { os: p.os, architecture: p.architecture, variant: p.variant } : { os: p.os, architecture: p.architecture });
  }
  return platforms;
}
