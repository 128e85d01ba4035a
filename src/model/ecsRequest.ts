// The RegisterTaskDefinition request and the described task definition, as plain structural
// types. Field names mirror the ECS API (RegisterTaskDefinitionRequest, ContainerDefinition,
// TaskDefinition) exactly, so a value of these types can be handed to the SDK in src/aws
// unchanged; test/unit/forms checks that assignability at compile time.

export type Compatibility = 'EC2' | 'FARGATE' | 'EXTERNAL' | 'MANAGED_INSTANCES';
export type NetworkMode = 'awsvpc' | 'bridge' | 'host' | 'none';
export type CpuArchitecture = 'X86_64' | 'ARM64';
export type OperatingSystemFamily =
  | 'LINUX'
  | 'WINDOWS_SERVER_2016_FULL'
  | 'WINDOWS_SERVER_2019_FULL'
  | 'WINDOWS_SERVER_2019_CORE'
  | 'WINDOWS_SERVER_2022_FULL'
  | 'WINDOWS_SERVER_2022_CORE'
  | 'WINDOWS_SERVER_2025_FULL'
  | 'WINDOWS_SERVER_2025_CORE'
  | 'WINDOWS_SERVER_2004_CORE'
  | 'WINDOWS_SERVER_20H2_CORE';
export type TransportProtocol = 'tcp' | 'udp';
export type ApplicationProtocol = 'http' | 'http2' | 'grpc';
export type LogDriver =
  | 'awslogs'
  | 'awsfirelens'
  | 'splunk'
  | 'fluentd'
  | 'gelf'
  | 'journald'
  | 'json-file'
  | 'syslog';

export const COMPATIBILITIES: readonly Compatibility[] = ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES'];
export const NETWORK_MODES: readonly NetworkMode[] = ['awsvpc', 'bridge', 'host', 'none'];
export const CPU_ARCHITECTURES: readonly CpuArchitecture[] = ['X86_64', 'ARM64'];
export const OPERATING_SYSTEM_FAMILIES: readonly OperatingSystemFamily[] = [
  'LINUX',
  'WINDOWS_SERVER_2016_FULL',
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2022_CORE',
  'WINDOWS_SERVER_2025_FULL',
  'WINDOWS_SERVER_2025_CORE',
  'WINDOWS_SERVER_2004_CORE',
  'WINDOWS_SERVER_20H2_CORE',
];
export const APPLICATION_PROTOCOLS: readonly ApplicationProtocol[] = ['http', 'http2', 'grpc'];
export const LOG_DRIVERS: readonly LogDriver[] = [
  'awslogs', 'awsfirelens', 'splunk', 'fluentd', 'gelf', 'journald', 'json-file', 'syslog',
];
/** Log drivers Fargate accepts (ECS LogConfiguration docs). */
export const FARGATE_LOG_DRIVERS: readonly LogDriver[] = ['awslogs', 'splunk', 'awsfirelens'];

export interface KeyValuePair {
  name?: string;
  value?: string;
}

export interface Secret {
  name: string;
  valueFrom: string;
}

export interface PortMapping {
  containerPort?: number;
  hostPort?: number;
  protocol?: TransportProtocol;
  name?: string;
  appProtocol?: ApplicationProtocol;
}

export interface HealthCheck {
  command: string[];
  interval?: number;
  timeout?: number;
  retries?: number;
  startPeriod?: number;
}

export interface LogConfiguration {
  logDriver: LogDriver;
  options?: Record<string, string>;
}

export interface ContainerDefinition {
  name?: string;
  image?: string;
  essential?: boolean;
  portMappings?: PortMapping[];
  command?: string[];
  entryPoint?: string[];
  environment?: KeyValuePair[];
  secrets?: Secret[];
  memoryReservation?: number;
  healthCheck?: HealthCheck;
  logConfiguration?: LogConfiguration;
}

export interface RuntimePlatform {
  cpuArchitecture?: CpuArchitecture;
  operatingSystemFamily?: OperatingSystemFamily;
}

export interface Tag {
  key?: string;
  value?: string;
}

/** The RegisterTaskDefinition request this package builds (a subset of the API's fields). */
export interface RegisterTaskDefinitionRequest {
  family: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
  networkMode?: NetworkMode;
  requiresCompatibilities?: Compatibility[];
  runtimePlatform?: RuntimePlatform;
  cpu?: string;
  memory?: string;
  containerDefinitions: ContainerDefinition[];
  tags?: Tag[];
}

// ---- What DescribeTaskDefinition returns, loosely typed so the SDK's TaskDefinition fits. ----

export interface DescribedKeyValuePair {
  name?: string | undefined;
  value?: string | undefined;
}

export interface DescribedSecret {
  name: string | undefined;
  valueFrom: string | undefined;
}

export interface DescribedPortMapping {
  containerPort?: number | undefined;
  hostPort?: number | undefined;
  protocol?: string | undefined;
  name?: string | undefined;
  appProtocol?: string | undefined;
  containerPortRange?: string | undefined;
}

export interface DescribedHealthCheck {
  command: string[] | undefined;
  interval?: number | undefined;
  timeout?: number | undefined;
  retries?: number | undefined;
  startPeriod?: number | undefined;
}

export interface DescribedLogConfiguration {
  logDriver: string | undefined;
  options?: Record<string, string> | undefined;
  secretOptions?: unknown[] | undefined;
}

export interface DescribedContainerDefinition {
  name?: string | undefined;
  image?: string | undefined;
  essential?: boolean | undefined;
  portMappings?: DescribedPortMapping[] | undefined;
  command?: string[] | undefined;
  entryPoint?: string[] | undefined;
  environment?: DescribedKeyValuePair[] | undefined;
  secrets?: DescribedSecret[] | undefined;
  memoryReservation?: number | undefined;
  healthCheck?: DescribedHealthCheck | undefined;
  logConfiguration?: DescribedLogConfiguration | undefined;
}

export interface DescribedTaskDefinition {
  family?: string | undefined;
  taskRoleArn?: string | undefined;
  executionRoleArn?: string | undefined;
  networkMode?: string | undefined;
  requiresCompatibilities?: string[] | undefined;
  runtimePlatform?: { cpuArchitecture?: string | undefined; operatingSystemFamily?: string | undefined } | undefined;
  cpu?: string | undefined;
  memory?: string | undefined;
  containerDefinitions?: DescribedContainerDefinition[] | undefined;
}

/** Fields DescribeTaskDefinition returns about a registration itself; never part of a request. */
export const DESCRIBED_ONLY_FIELDS: readonly string[] = [
  'taskDefinitionArn', 'revision', 'status', 'requiresAttributes', 'compatibilities',
  'registeredAt', 'registeredBy', 'deregisteredAt', 'deleteRequestedAt',
];

/** The console's convention for a task definition's log group. */
export function defaultLogGroupName(family: string): string {
  return `/ecs/${family.trim()}`;
}

export const AWSLOGS_GROUP = 'awslogs-group';
export const AWSLOGS_REGION = 'awslogs-region';
export const AWSLOGS_STREAM_PREFIX = 'awslogs-stream-prefix';
export const AWSLOGS_CREATE_GROUP = 'awslogs-create-group';
