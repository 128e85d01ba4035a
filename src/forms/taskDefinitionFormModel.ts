// What the "Register task definition" form holds (strings as a person types them), its
// defaults, and which rows count as blank. The validator (validateTaskDefinition.ts), the
// request planner (taskDefinitionForm.ts) and the webview all read these types; they live
// here, below both, so the validator and the planner need not import each other.
//
// Blank rows (an environment variable, secret, port, tag or command argument with nothing typed
// in it) are what an editable table leaves behind; they are ignored by validation and by the
// request, so a person never has to delete the empty row at the end of a list.

import { defaultLogGroupName } from '../model/ecsRequest';
import type {
  ApplicationProtocol,
  Compatibility,
  CpuArchitecture,
  NetworkMode,
  OperatingSystemFamily,
  TransportProtocol,
} from '../model/ecsRequest';

export interface PortMappingForm {
  containerPort: string;
  protocol: TransportProtocol;
  /** Service Connect port name; '' for none. */
  name: string;
  /** '' for none (plain TCP). */
  appProtocol: ApplicationProtocol | '';
}

export interface EnvironmentVariableForm {
  name: string;
  value: string;
}

export interface SecretForm {
  name: string;
  /** Secrets Manager secret ARN, SSM parameter ARN, or SSM parameter name. */
  valueFrom: string;
}

export interface HealthCheckForm {
  enabled: boolean;
  /** ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] or ['CMD', 'executable', 'arg', ...]. */
  command: string[];
  /** Seconds; '' leaves the ECS default (30). */
  interval: string;
  /** Seconds; '' leaves the ECS default (5). */
  timeout: string;
  /** '' leaves the ECS default (3). */
  retries: string;
  /** Seconds; '' for none. */
  startPeriod: string;
}

export interface LoggingForm {
  driver: 'awslogs' | 'none';
  /** '' means the default, /ecs/FAMILY. */
  group: string;
  region: string;
  streamPrefix: string;
  createGroup: boolean;
}

export interface ContainerForm {
  name: string;
  image: string;
  essential: boolean;
  portMappings: PortMappingForm[];
  environment: EnvironmentVariableForm[];
  secrets: SecretForm[];
  /** One argument per row. */
  command: string[];
  /** One argument per row. */
  entryPoint: string[];
  healthCheck: HealthCheckForm;
  /** MiB; '' for none. */
  memoryReservation: string;
  logging: LoggingForm;
}

export interface TagForm {
  key: string;
  value: string;
}

export interface TaskDefinitionForm {
  family: string;
  /** ['FARGATE'] or ['EC2'] (both is allowed: then the Fargate rules apply). */
  requiresCompatibilities: Compatibility[];
  /** '' leaves it out of the request (ECS then uses its default, bridge on Linux). */
  networkMode: NetworkMode | '';
  operatingSystemFamily: OperatingSystemFamily;
  cpuArchitecture: CpuArchitecture;
  /** CPU units as the select holds them ("1024"); "1 vCPU" is read too. '' for none (EC2 only). */
  cpu: string;
  /** MiB as the select holds them ("3072"); "3 GB" is read too. '' for none (EC2 only). */
  memory: string;
  /** Role name or ARN; '' for none. */
  taskRoleArn: string;
  /** Role ARN; '' for none. */
  executionRoleArn: string;
  containers: ContainerForm[];
  tags: TagForm[];
}

export interface FormDefaults {
  /** The connection's Region: the awslogs Region starts as this. */
  region?: string;
}

export function defaultHealthCheckForm(): HealthCheckForm {
  return { enabled: false, command: ['CMD-SHELL', ''], interval: '30', timeout: '5', retries: '3', startPeriod: '' };
}

export function defaultContainerForm(defaults: FormDefaults = {}): ContainerForm {
  return {
    name: '',
    image: '',
    essential: true,
    portMappings: [],
    environment: [],
    secrets: [],
    command: [],
    entryPoint: [],
    healthCheck: defaultHealthCheckForm(),
    memoryReservation: '',
    logging: { driver: 'awslogs', group: '', region: defaults.region ?? '', streamPrefix: 'ecs', createGroup: true },
  };
}

/** A new Fargate task definition as the console starts it: Linux/X86_64, 1 vCPU, 3 GB, one container logging to CloudWatch. */
export function defaultTaskDefinitionForm(defaults: FormDefaults = {}): TaskDefinitionForm {
  return {
    family: '',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    operatingSystemFamily: 'LINUX',
    cpuArchitecture: 'X86_64',
    cpu: '1024',
    memory: '3072',
    taskRoleArn: '',
    executionRoleArn: '',
    containers: [defaultContainerForm(defaults)],
    tags: [],
  };
}

// ---------------------------------------------------------------- blank rows

export function isBlankPortMapping(p: PortMappingForm): boolean {
  return p.containerPort.trim() === '' && p.name.trim() === '' && p.appProtocol === '';
}

export function isBlankPair(p: { name: string; value?: string; valueFrom?: string }): boolean {
  return p.name.trim() === '' && (p.value ?? '').trim() === '' && (p.valueFrom ?? '').trim() === '';
}

export function isBlankTag(t: TagForm): boolean {
  return t.key.trim() === '' && t.value.trim() === '';
}

/** Argument rows with something in them, in order (indexes kept for issue paths). */
export function filledArguments(rows: readonly string[]): Array<{ index: number; value: string }> {
  return rows.map((value, index) => ({ index, value })).filter((row) => row.value.trim() !== '');
}

/** The log group a container's awslogs settings name, applying the /ecs/FAMILY default. */
export function effectiveLogGroup(form: Pick<TaskDefinitionForm, 'family'>, logging: LoggingForm): string {
  return logging.group.trim() === '' ? defaultLogGroupName(form.family) : logging.group.trim();
}
