// The "Register task definition" form's request planner: the RegisterTaskDefinition request a
// valid form becomes (validation gates it), and the reverse (prefilling a new revision from a
// described task definition). What the form holds is in taskDefinitionFormModel.ts.

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
} from '../model/ecsRequest';
import type {
  ApplicationProtocol,
  Compatibility,
  ContainerDefinition,
  DescribedContainerDefinition,
  DescribedTaskDefinition,
  HealthCheck,
  NetworkMode,
  PortMapping,
  RegisterTaskDefinitionRequest,
  Tag,
} from '../model/ecsRequest';
import { parseCpuUnits, parseMemoryMiB } from '../model/fargateSizes';
import { validateTaskDefinitionForm } from './validateTaskDefinition';
import type { Issue, TaskDefinitionFacts, ValidationResult } from './validateTaskDefinition';
import { formatPath, parseWholeNumber } from '../util/wording';
import { defaultContainerForm, effectiveLogGroup, filledArguments, isBlankPair, isBlankPortMapping, isBlankTag } from './taskDefinitionFormModel';
import type { ContainerForm, TaskDefinitionForm } from './taskDefinitionFormModel';

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
