// The "Register task definition" form: what the form holds (strings as a person types them),
// its defaults, the RegisterTaskDefinition request it becomes, and the reverse (prefilling a
// new revision from a described task definition).
//
// Blank rows (an environment variable, secret, port, tag or command argument with nothing typed
// in it) are what an editable table leaves behind; they are ignored by validation and by the
// request, so a person never has to delete the empty row at the end of a list.

import {
  AWSLOGS_CREATE_GROUP,
  AWSLOGS_GROUP,
  AWSLOGS_REGION,
  AWSLOGS_STREAM_PREFIX,
  COMPATIBILITIES,
  CPU_ARCHITECTURES,
  DESCRIBED_ONLY_FIELDS,
  NETWORK_MODES,
  OPERATING_SYSTEM_FAMILIES,
  APPLICATION_PROTOCOLS,
  defaultLogGroupName,
} from '../model/ecsRequest';
import type {
  ApplicationProtocol,
  Compatibility,
  ContainerDefinition,
  CpuArchitecture,
  DescribedContainerDefinition,
  DescribedTaskDefinition,
  HealthCheck,
  NetworkMode,
  OperatingSystemFamily,
  PortMapping,
  RegisterTaskDefinitionRequest,
  Tag,
  TransportProtocol,
} from '../model/ecsRequest';
import { parseCpuUnits, parseMemoryMiB } from '../model/fargateSizes';
import { validateTaskDefinitionForm } from './validateTaskDefinition';
import type { Issue, TaskDefinitionFacts, ValidationResult } from './validateTaskDefinition';
import { formatPath, parseWholeNumber } from '../util/wording';

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

// ---------------------------------------------------------------- form -> request

export class TaskDefinitionFormError extends Error {
  constructor(readonly errors: Issue[]) {
    super(`The task definition has ${errors.length} problem${errors.length === 1 ? '' : 's'}: ${errors.map((e) => `${e.path}: ${e.message}`).join(' ')}`);
    this.name = 'TaskDefinitionFormError';
  }
}

function wholeNumber(text: string): number | undefined {
  const parsed = parseWholeNumber(text);
  return parsed.kind === 'ok' ? parsed.value : undefined;
}

function buildContainer(form: TaskDefinitionForm, c: ContainerForm): ContainerDefinition {
  const def: ContainerDefinition = { name: c.name, image: c.image, essential: c.essential };
  const ports = c.portMappings.filter((p) => !isBlankPortMapping(p)).map((p) => {
    const mapping: PortMapping = { containerPort: wholeNumber(p.containerPort), protocol: p.protocol };
    if (p.name.trim() !== '') mapping.name = p.name.trim();
    if (p.appProtocol !== '') mapping.appProtocol = p.appProtocol;
    return mapping;
  });
  if (ports.length > 0) def.portMappings = ports;
  const command = filledArguments(c.command).map((a) => a.value);
  if (command.length > 0) def.command = command;
  const entryPoint = filledArguments(c.entryPoint).map((a) => a.value);
  if (entryPoint.length > 0) def.entryPoint = entryPoint;
  const environment = c.environment.filter((e) => !isBlankPair(e)).map((e) => ({ name: e.name.trim(), value: e.value }));
  if (environment.length > 0) def.environment = environment;
  const secrets = c.secrets.filter((s) => !isBlankPair(s)).map((s) => ({ name: s.name.trim(), valueFrom: s.valueFrom.trim() }));
  if (secrets.length > 0) def.secrets = secrets;
  const reservation = wholeNumber(c.memoryReservation);
  if (reservation !== undefined) def.memoryReservation = reservation;
  if (c.healthCheck.enabled) {
    const hc: HealthCheck = { command: filledArguments(c.healthCheck.command).map((a) => a.value) };
    const interval = wholeNumber(c.healthCheck.interval);
    const timeout = wholeNumber(c.healthCheck.timeout);
    const retries = wholeNumber(c.healthCheck.retries);
    const startPeriod = wholeNumber(c.healthCheck.startPeriod);
    if (interval !== undefined) hc.interval = interval;
    if (timeout !== undefined) hc.timeout = timeout;
    if (retries !== undefined) hc.retries = retries;
    if (startPeriod !== undefined) hc.startPeriod = startPeriod;
    def.healthCheck = hc;
  }
  if (c.logging.driver === 'awslogs') {
    const options: Record<string, string> = {
      [AWSLOGS_GROUP]: effectiveLogGroup(form, c.logging),
      [AWSLOGS_REGION]: c.logging.region.trim(),
    };
    if (c.logging.streamPrefix.trim() !== '') options[AWSLOGS_STREAM_PREFIX] = c.logging.streamPrefix.trim();
    if (c.logging.createGroup) options[AWSLOGS_CREATE_GROUP] = 'true';
    def.logConfiguration = { logDriver: 'awslogs', options };
  }
  return def;
}

function requestFromValidForm(form: TaskDefinitionForm): RegisterTaskDefinitionRequest {
  const cpu = form.cpu.trim() === '' ? undefined : parseCpuUnits(form.cpu);
  const memory = form.memory.trim() === '' ? undefined : parseMemoryMiB(form.memory);
  const taskRole = form.taskRoleArn.trim();
  const executionRole = form.executionRoleArn.trim();
  const tags: Tag[] = form.tags.filter((t) => !isBlankTag(t)).map((t) => ({ key: t.key, value: t.value }));
  // Keys in the order a person reads a task definition: Preview shows them this way.
  return {
    family: form.family,
    ...(form.requiresCompatibilities.length > 0 ? { requiresCompatibilities: [...form.requiresCompatibilities] } : {}),
    ...(form.networkMode !== '' ? { networkMode: form.networkMode } : {}),
    runtimePlatform: { operatingSystemFamily: form.operatingSystemFamily, cpuArchitecture: form.cpuArchitecture },
    ...(cpu !== undefined ? { cpu: String(cpu) } : {}),
    ...(memory !== undefined ? { memory: String(memory) } : {}),
    ...(taskRole !== '' ? { taskRoleArn: taskRole } : {}),
    ...(executionRole !== '' ? { executionRoleArn: executionRole } : {}),
    containerDefinitions: form.containers.map((c) => buildContainer(form, c)),
    ...(tags.length > 0 ? { tags } : {}),
  };
}

/**
 * The exact RegisterTaskDefinition request for a valid form. Validation gates it: a form with
 * errors never becomes a request (this throws TaskDefinitionFormError with the errors).
 */
export function buildRegisterRequest(form: TaskDefinitionForm): RegisterTaskDefinitionRequest {
  const { errors } = validateTaskDefinitionForm(form);
  if (errors.length > 0) throw new TaskDefinitionFormError(errors);
  return requestFromValidForm(form);
}

export interface RegistrationPlan extends ValidationResult {
  /** Present only when there are no errors. Warnings never block. */
  request?: RegisterTaskDefinitionRequest;
}

/** Validation and the request in one step: what the form shows and what "Register" sends. */
export function planRegistration(form: TaskDefinitionForm, facts?: TaskDefinitionFacts): RegistrationPlan {
  const result = validateTaskDefinitionForm(form, facts);
  if (result.errors.length > 0) return result;
  return { ...result, request: requestFromValidForm(form) };
}

/** The request as "Preview" shows it. */
export function requestJson(request: RegisterTaskDefinitionRequest): string {
  return `${JSON.stringify(request, null, 2)}\n`;
}

// ---------------------------------------------------------------- described task definition -> form

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function numberText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

function containerFormFrom(c: DescribedContainerDefinition): ContainerForm {
  const form = defaultContainerForm();
  form.name = c.name ?? '';
  form.image = c.image ?? '';
  form.essential = c.essential ?? true;
  form.portMappings = (c.portMappings ?? []).map((p) => ({
    containerPort: numberText(p.containerPort),
    protocol: p.protocol === 'udp' ? 'udp' : 'tcp',
    name: p.name ?? '',
    appProtocol: oneOf<ApplicationProtocol | ''>(p.appProtocol, APPLICATION_PROTOCOLS, ''),
  }));
  form.environment = (c.environment ?? []).map((e) => ({ name: e.name ?? '', value: e.value ?? '' }));
  form.secrets = (c.secrets ?? []).map((s) => ({ name: s.name ?? '', valueFrom: s.valueFrom ?? '' }));
  form.command = [...(c.command ?? [])];
  form.entryPoint = [...(c.entryPoint ?? [])];
  form.memoryReservation = numberText(c.memoryReservation);
  if (c.healthCheck) {
    form.healthCheck = {
      enabled: true,
      command: [...(c.healthCheck.command ?? [])],
      interval: numberText(c.healthCheck.interval),
      timeout: numberText(c.healthCheck.timeout),
      retries: numberText(c.healthCheck.retries),
      startPeriod: numberText(c.healthCheck.startPeriod),
    };
  }
  const log = c.logConfiguration;
  if (log?.logDriver === 'awslogs') {
    const options = log.options ?? {};
    form.logging = {
      driver: 'awslogs',
      group: options[AWSLOGS_GROUP] ?? '',
      region: options[AWSLOGS_REGION] ?? '',
      streamPrefix: options[AWSLOGS_STREAM_PREFIX] ?? '',
      createGroup: options[AWSLOGS_CREATE_GROUP] === 'true',
    };
  } else {
    form.logging = { ...form.logging, driver: 'none', streamPrefix: '', createGroup: false };
  }
  return form;
}

/**
 * Prefills the form for a new revision of a described task definition (DescribeTaskDefinition's
 * `taskDefinition`, and its `tags` when asked for with include: ['TAGS']).
 * What the form can't hold is listed by fieldsTheFormDrops(); show that before registering.
 */
export function formFromTaskDefinition(td: DescribedTaskDefinition, tags: ReadonlyArray<{ key?: string | undefined; value?: string | undefined }> = []): TaskDefinitionForm {
  const compat = (td.requiresCompatibilities ?? []).filter((c): c is Compatibility => (COMPATIBILITIES as readonly string[]).includes(c));
  return {
    family: td.family ?? '',
    requiresCompatibilities: compat,
    networkMode: oneOf<NetworkMode | ''>(td.networkMode, NETWORK_MODES, ''),
    operatingSystemFamily: oneOf(td.runtimePlatform?.operatingSystemFamily, OPERATING_SYSTEM_FAMILIES, 'LINUX'),
    cpuArchitecture: oneOf(td.runtimePlatform?.cpuArchitecture, CPU_ARCHITECTURES, 'X86_64'),
    cpu: td.cpu ?? '',
    memory: td.memory ?? '',
    taskRoleArn: td.taskRoleArn ?? '',
    executionRoleArn: td.executionRoleArn ?? '',
    containers: (td.containerDefinitions ?? []).map(containerFormFrom),
    tags: tags.map((t) => ({ key: t.key ?? '', value: t.value ?? '' })),
  };
}

const FORM_TASK_FIELDS = new Set([
  'family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'requiresCompatibilities',
  'runtimePlatform', 'cpu', 'memory', 'containerDefinitions', 'tags',
]);
const FORM_CONTAINER_FIELDS = new Set([
  'name', 'image', 'essential', 'portMappings', 'command', 'entryPoint', 'environment',
  'secrets', 'memoryReservation', 'healthCheck', 'logConfiguration',
]);

function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/**
 * Paths of what a described task definition sets that the form can't carry into a new revision
 * (volumes, dependsOn, other log drivers, host ports...). Empty when the form holds it all.
 */
export function fieldsTheFormDrops(td: DescribedTaskDefinition): string[] {
  const dropped: string[] = [];
  const task = td as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(task)) {
    if (FORM_TASK_FIELDS.has(key) || DESCRIBED_ONLY_FIELDS.includes(key) || isEmptyValue(value)) continue;
    dropped.push(key);
  }
  (td.requiresCompatibilities ?? []).forEach((c, i) => {
    if (!(COMPATIBILITIES as readonly string[]).includes(c)) dropped.push(formatPath(['requiresCompatibilities', i]));
  });
  (td.containerDefinitions ?? []).forEach((c, i) => {
    const container = c as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(container)) {
      if (FORM_CONTAINER_FIELDS.has(key) || isEmptyValue(value)) continue;
      if (key === 'cpu' && value === 0) continue; // DescribeTaskDefinition reports cpu: 0 when none was set
      dropped.push(formatPath(['containerDefinitions', i, key]));
    }
    (c.portMappings ?? []).forEach((p, j) => {
      const awsvpcLike = td.networkMode === 'awsvpc' || td.networkMode === 'host';
      if (p.hostPort !== undefined && !(awsvpcLike && p.hostPort === p.containerPort)) {
        dropped.push(formatPath(['containerDefinitions', i, 'portMappings', j, 'hostPort']));
      }
      if (p.containerPortRange !== undefined) dropped.push(formatPath(['containerDefinitions', i, 'portMappings', j, 'containerPortRange']));
      if (p.appProtocol !== undefined && !(APPLICATION_PROTOCOLS as readonly string[]).includes(p.appProtocol)) {
        dropped.push(formatPath(['containerDefinitions', i, 'portMappings', j, 'appProtocol']));
      }
    });
    const log = c.logConfiguration;
    if (log) {
      if (log.logDriver !== 'awslogs') {
        dropped.push(formatPath(['containerDefinitions', i, 'logConfiguration']));
      } else {
        for (const option of Object.keys(log.options ?? {})) {
          if (![AWSLOGS_GROUP, AWSLOGS_REGION, AWSLOGS_STREAM_PREFIX, AWSLOGS_CREATE_GROUP].includes(option)) {
            dropped.push(formatPath(['containerDefinitions', i, 'logConfiguration', 'options', option]));
          }
        }
        if (!isEmptyValue(log.secretOptions)) dropped.push(formatPath(['containerDefinitions', i, 'logConfiguration', 'secretOptions']));
      }
    }
  });
  return dropped;
}
