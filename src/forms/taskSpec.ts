// The one shape the task definition rules run on (TaskSpec), that both inputs are read into:
// the form (readTaskDefinitionForm.ts) and a raw RegisterTaskDefinition request typed as JSON
// (readRegisterRequestJson.ts). Every value remembers its path in its input, so each issue lands
// next to the field it is about. Also what the caller knows about the account (`facts`), and the
// context every rule file reads: the spec, the facts, the report and what was worked out once.

import type { ImageReference } from '../model/imageUri';
import type { Report, Segs } from './validationIssues';

// ================================================================ what the caller knows

/** A platform an image is built for, from its manifest (list): `linux`/`amd64`, `linux`/`arm64`, `windows`/`amd64`. */
export interface ImagePlatform {
  os: string;
  architecture: string;
  variant?: string;
}

export interface ExecutionRoleFacts {
  /** The role these facts describe (name or ARN); facts about another role are ignored. */
  role?: string;
  /** false when the role doesn't exist in the account. */
  exists?: boolean;
  /** ARNs (or names) of the managed policies attached to it. */
  attachedPolicies?: readonly string[];
  /**
   * Actions its other policies allow, wildcards as written (`secretsmanager:GetSecretValue`,
   * `ssm:Get*`, `*`). Resource scoping isn't evaluated: this is a coarse check.
   */
  allowedActions?: readonly string[];
}

/** What the caller knows about the account. Every part is optional; unknown means no warning. */
export interface TaskDefinitionFacts {
  /** The Region the task definition is registered in (and its tasks run in). */
  region?: string;
  /** The account registering it. */
  accountId?: string;
  /** Platforms of images, keyed by the image reference exactly as written in the form/JSON. */
  imagePlatforms?: Readonly<Record<string, readonly ImagePlatform[]>>;
  /** Existing CloudWatch log group names, keyed by Region; a Region missing here is unknown. */
  logGroups?: Readonly<Record<string, readonly string[]>>;
  executionRole?: ExecutionRoleFacts;
}

// ================================================================ the common shape

export interface Field<T> {
  value: T | undefined;
  path: Segs;
  /** The reader already reported this value as unreadable: don't also call it missing. */
  unreadable?: boolean;
}

export interface PortSpec {
  path: Segs;
  containerPort: Field<number>;
  hostPort: Field<number>;
  protocol: Field<string>;
  name: Field<string>;
  appProtocol: Field<string>;
  /** A range such as "8000-8100", mapped instead of one containerPort (JSON only). */
  containerPortRange: Field<string>;
}

export interface PairSpec {
  path: Segs;
  name: Field<string>;
}

export interface SecretSpec {
  path: Segs;
  name: Field<string>;
  valueFrom: Field<string>;
}

export interface HealthCheckSpec {
  path: Segs;
  command: Field<string[]>;
  /** Paths of each argument, for pointing at the first one. */
  commandPaths: Segs[];
  interval: Field<number>;
  timeout: Field<number>;
  retries: Field<number>;
  startPeriod: Field<number>;
}

export interface LogSpec {
  path: Segs;
  driver: Field<string>;
  group: Field<string>;
  /** The group was filled in from the family (form default). */
  groupDefaulted: boolean;
  region: Field<string>;
  streamPrefix: Field<string>;
  createGroup: Field<boolean>;
  /** Every option as written, to check its name against the driver's (JSON only). */
  options: Array<Field<string> & { key: string }>;
  /** Options ECS fetches from Secrets Manager or SSM, like a container's secrets (JSON only). */
  secretOptions: SecretSpec[];
}

/** A field that names another container or a volume of the task, which must exist. */
export interface ReferenceSpec {
  target: 'container' | 'volume';
  /** The field it sits in, as people know it: mountPoints, volumesFrom, links, dependsOn, proxyConfiguration. */
  via: string;
  name: Field<string>;
}

export interface DependencySpec {
  path: Segs;
  containerName: Field<string>;
  condition: Field<string>;
}

export interface ContainerSpec {
  path: Segs;
  name: Field<string>;
  image: Field<string>;
  essential: Field<boolean>;
  memoryReservation: Field<number>;
  memory: Field<number>;
  ports: PortSpec[];
  environment: PairSpec[];
  secrets: SecretSpec[];
  healthCheck?: HealthCheckSpec;
  log?: LogSpec;
  /** Other containers and volumes this one names (JSON only; the form has none). */
  references: ReferenceSpec[];
  dependsOn: DependencySpec[];
  /** It carries a firelensConfiguration: it is the task's log router. */
  firelens: boolean;
}

export interface TagSpec {
  path: Segs;
  key: Field<string>;
  value: Field<string>;
}

export interface TaskSpec {
  source: 'form' | 'json';
  family: Field<string>;
  compatibilities: Field<string[]>;
  networkMode: Field<string>;
  operatingSystemFamily: Field<string>;
  cpuArchitecture: Field<string>;
  cpu: Field<number>;
  memory: Field<number>;
  taskRoleArn: Field<string>;
  executionRoleArn: Field<string>;
  containersPath: Segs;
  containers: ContainerSpec[];
  /** The reader already reported the container list as missing or malformed. */
  containersUnreadable?: boolean;
  tagsPath: Segs;
  tags: TagSpec[];
  /** The task's volumes by name (JSON only; undefined when the list couldn't be read). */
  volumeNames?: Array<Field<string>>;
  /** Volumes' host.sourcePath, where given: bind mounts of the instance's disk (JSON only). */
  hostPaths: Array<Field<string>>;
  /** What the task names outside its containers: the proxy configuration's container. */
  references: ReferenceSpec[];
  /** What keeps this task off Fargate whatever its launch types say (GPUs, host volumes...). */
  ec2Only: string[];
}

export function field<T>(value: T | undefined, path: Segs): Field<T> {
  return { value, path };
}

// ================================================================ what every rule reads

/** One run of the rules: the spec, the facts, where issues go, and what is worked out once. */
export interface RuleContext {
  spec: TaskSpec;
  facts: TaskDefinitionFacts;
  report: Report;
  /** FARGATE is among the launch types: Fargate's rules apply. */
  fargate: boolean;
  /** The operating system family and CPU architecture, ECS's defaults when unset. */
  os: string;
  arch: string;
  /** Each container's parsed image (undefined when it doesn't parse), filled in by the container rules. */
  images: Array<ImageReference | undefined>;
}

export function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

export function containerLabel(c: ContainerSpec, index: number): string {
  return isBlank(c.name.value) ? `container ${index + 1}` : (c.name.value as string);
}
