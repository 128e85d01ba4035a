// Reading the task definition form (strings as a person types them) into the rules' TaskSpec.
// What can't even be read is reported here: a number that isn't one, a CPU or memory size that
// isn't a size. Blank rows are left out; an empty log group stands for the /ecs/FAMILY default.

import { parseCpuUnits, parseMemoryMiB } from '../model/fargateSizes';
import { parseWholeNumber, quote } from '../util/wording';
import type { PathSegment } from '../util/wording';
import { effectiveLogGroup, filledArguments, isBlankPair, isBlankPortMapping, isBlankTag } from './taskDefinitionFormModel';
import type { ContainerForm, TaskDefinitionForm } from './taskDefinitionFormModel';
import { field } from './taskSpec';
import type { ContainerSpec, Field, HealthCheckSpec, LogSpec, PairSpec, PortSpec, SecretSpec, TagSpec, TaskSpec } from './taskSpec';
import type { Report, Segs } from './validationIssues';

function numberFromText(report: Report, text: string, path: Segs, code: string, what: string): Field<number> {
  const parsed = parseWholeNumber(text);
  if (parsed.kind === 'ok') return field(parsed.value, path);
  if (parsed.kind === 'absent') return field<number>(undefined, path);
  report.error(path, code, `${what} must be a whole number; ${quote(text.trim())} isn't one.`);
  return { value: undefined, path, unreadable: true };
}

function textField(text: string, path: Segs): Field<string> {
  return field(text.trim() === '' ? undefined : text, path);
}

function argumentsField(rows: readonly string[], path: Segs): { field: Field<string[]>; paths: Segs[] } {
  const kept = filledArguments(rows);
  return { field: field(kept.map((r) => r.value), path), paths: kept.map((r) => [...path, r.index]) };
}

function readFormContainer(report: Report, form: TaskDefinitionForm, c: ContainerForm, i: number): ContainerSpec {
  const base: Segs = ['containers', i];
  const at = (...rest: PathSegment[]): Segs => [...base, ...rest];
  const ports: PortSpec[] = [];
  c.portMappings.forEach((p, j) => {
    if (isBlankPortMapping(p)) return;
    ports.push({
      path: at('portMappings', j),
      containerPort: numberFromText(report, p.containerPort, at('portMappings', j, 'containerPort'), 'PORT_INVALID', 'The port'),
      hostPort: field<number>(undefined, at('portMappings', j, 'hostPort')),
      protocol: field(p.protocol, at('portMappings', j, 'protocol')),
      name: textField(p.name, at('portMappings', j, 'name')),
      appProtocol: field(p.appProtocol === '' ? undefined : p.appProtocol, at('portMappings', j, 'appProtocol')),
      containerPortRange: field<string>(undefined, at('portMappings', j, 'containerPortRange')),
    });
  });
  const environment: PairSpec[] = [];
  c.environment.forEach((e, j) => {
    if (isBlankPair(e)) return;
    environment.push({ path: at('environment', j), name: textField(e.name, at('environment', j, 'name')) });
  });
  const secrets: SecretSpec[] = [];
  c.secrets.forEach((s, j) => {
    if (isBlankPair(s)) return;
    secrets.push({
      path: at('secrets', j),
      name: textField(s.name, at('secrets', j, 'name')),
      valueFrom: field(s.valueFrom.trim(), at('secrets', j, 'valueFrom')),
    });
  });
  let healthCheck: HealthCheckSpec | undefined;
  if (c.healthCheck.enabled) {
    const hc = c.healthCheck;
    const args = argumentsField(hc.command, at('healthCheck', 'command'));
    healthCheck = {
      path: at('healthCheck'),
      command: args.field,
      commandPaths: args.paths,
      interval: numberFromText(report, hc.interval, at('healthCheck', 'interval'), 'HEALTH_CHECK_INTERVAL', 'The health check interval'),
      timeout: numberFromText(report, hc.timeout, at('healthCheck', 'timeout'), 'HEALTH_CHECK_TIMEOUT', 'The health check timeout'),
      retries: numberFromText(report, hc.retries, at('healthCheck', 'retries'), 'HEALTH_CHECK_RETRIES', 'The number of retries'),
      startPeriod: numberFromText(report, hc.startPeriod, at('healthCheck', 'startPeriod'), 'HEALTH_CHECK_START_PERIOD', 'The start period'),
    };
  }
  let log: LogSpec | undefined;
  if (c.logging.driver === 'awslogs') {
    const defaulted = c.logging.group.trim() === '';
    log = {
      path: at('logging'),
      driver: field('awslogs', at('logging', 'driver')),
      group: field(defaulted && form.family.trim() === '' ? undefined : effectiveLogGroup(form, c.logging), at('logging', 'group')),
      groupDefaulted: defaulted,
      region: textField(c.logging.region.trim(), at('logging', 'region')),
      streamPrefix: textField(c.logging.streamPrefix.trim(), at('logging', 'streamPrefix')),
      createGroup: field(c.logging.createGroup, at('logging', 'createGroup')),
      options: [],
      secretOptions: [],
    };
    // With no family yet there's no default group to speak of: the family's own message covers it.
    if (defaulted && form.family.trim() === '') log.group.unreadable = true;
  }
  return {
    path: base,
    name: textField(c.name, at('name')),
    image: field(c.image, at('image')),
    essential: field(c.essential, at('essential')),
    memoryReservation: numberFromText(report, c.memoryReservation, at('memoryReservation'), 'MEMORY_RESERVATION_INVALID', 'The memory reservation (MiB)'),
    memory: field<number>(undefined, at('memory')),
    ports,
    environment,
    secrets,
    healthCheck,
    references: [],
    dependsOn: [],
    firelens: false,
    log,
  };
}

/** Reads the form as it stands; every problem reading it goes on `report`. */
export function readTaskDefinitionForm(form: TaskDefinitionForm, report: Report): TaskSpec {
  const cpuText = form.cpu.trim();
  const memoryText = form.memory.trim();
  const cpu = cpuText === '' ? undefined : parseCpuUnits(cpuText);
  const memory = memoryText === '' ? undefined : parseMemoryMiB(memoryText);
  if (cpuText !== '' && cpu === undefined) {
    report.error(['cpu'], 'CPU_INVALID', `${quote(cpuText)} isn't a CPU size: use CPU units such as 1024, or vCPUs such as 1 vCPU.`);
  }
  if (memoryText !== '' && memory === undefined) {
    report.error(['memory'], 'MEMORY_INVALID', `${quote(memoryText)} isn't a memory size: use MiB such as 3072, or GB such as 3 GB.`);
  }
  const tags: TagSpec[] = [];
  form.tags.forEach((t, i) => {
    if (isBlankTag(t)) return;
    tags.push({ path: ['tags', i], key: field(t.key === '' ? undefined : t.key, ['tags', i, 'key']), value: field(t.value, ['tags', i, 'value']) });
  });
  return {
    source: 'form',
    family: field(form.family, ['family']),
    compatibilities: field([...form.requiresCompatibilities], ['requiresCompatibilities']),
    networkMode: field(form.networkMode === '' ? undefined : form.networkMode, ['networkMode']),
    operatingSystemFamily: field(form.operatingSystemFamily, ['operatingSystemFamily']),
    cpuArchitecture: field(form.cpuArchitecture, ['cpuArchitecture']),
    cpu: { value: cpu, path: ['cpu'], unreadable: cpuText !== '' && cpu === undefined },
    memory: { value: memory, path: ['memory'], unreadable: memoryText !== '' && memory === undefined },
    taskRoleArn: field(form.taskRoleArn, ['taskRoleArn']),
    executionRoleArn: field(form.executionRoleArn, ['executionRoleArn']),
    containersPath: ['containers'],
    containers: form.containers.map((c, i) => readFormContainer(report, form, c, i)),
    tagsPath: ['tags'],
    tags,
    references: [],
    hostPaths: [],
    ec2Only: [],
  };
}
