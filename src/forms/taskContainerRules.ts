// The containers: at least one, and one essential; each container's name (unique), image, memory
// (its own and against the task's), port mappings (ranges, protocols, names, and ports shared
// across the task in awsvpc and host mode) and health check. Its environment and logging have
// their own files; this one calls them per container, in the order the issues have always come.

import { APPLICATION_PROTOCOLS } from '../model/ecsRequest';
import { memoryLabel } from '../model/fargateSizes';
import { parseImageUri } from '../model/imageUri';
import { describeBadCharacters, quote } from '../util/wording';
import { checkEnvironment } from './taskEnvironmentRules';
import { checkLog } from './taskLoggingRules';
import { NAME, checkName } from './taskNameRules';
import { containerLabel, isBlank } from './taskSpec';
import type { ContainerSpec, Field, HealthCheckSpec, RuleContext } from './taskSpec';
import type { Report } from './validationIssues';

const PORT_NAME_CHAR = /[a-z0-9_-]/;
const PORT_NAME = /^[a-z0-9_][a-z0-9_-]*$/;
const MIN_CONTAINER_MEMORY = 6;

/** Every container, then what holds across them: one essential, reservations within the task memory. */
export function checkContainers(ctx: RuleContext): void {
  const { spec, report } = ctx;
  if (spec.containers.length === 0 && !spec.containersUnreadable) {
    report.error(spec.containersPath, 'CONTAINERS_REQUIRED', 'Add a container: a task definition needs at least one.');
  }
  const names = new Map<string, number>();
  const portNames = new Map<string, string>();
  const taskPorts = new Map<string, string>();
  spec.containers.forEach((c, i) => checkContainer(ctx, c, i, names, portNames, taskPorts));
  if (spec.containers.length > 0 && !spec.containers.some((c) => c.essential.value !== false)) {
    const first = spec.containers[0];
    report.error(first.essential.path, 'ESSENTIAL_REQUIRED', `At least one container must be essential (when it stops, the task stops): mark ${containerLabel(first, 0)} as essential.`);
  }
  const taskMemory = spec.memory.value;
  const reserved = spec.containers.reduce((sum, c) => sum + (c.memoryReservation.value ?? 0), 0);
  if (taskMemory !== undefined && reserved > taskMemory && spec.containers.filter((c) => c.memoryReservation.value !== undefined).length > 1) {
    report.error(spec.memory.path, 'MEMORY_RESERVATIONS_EXCEED_TASK', `The containers reserve ${reserved} MiB together, more than the task's ${memoryLabel(taskMemory)} (${taskMemory} MiB): lower the reservations or raise the task memory.`);
  }
}

function checkContainer(ctx: RuleContext, c: ContainerSpec, index: number, names: Map<string, number>, portNames: Map<string, string>, taskPorts: Map<string, string>): void {
  const { report, spec } = ctx;
  checkName(report, c.name, 'container name', 'CONTAINER_NAME', 'Name the container, for example web.');
  const name = c.name.value;
  if (!isBlank(name) && NAME.test(name as string)) {
    if (names.has(name as string)) {
      report.error(c.name.path, 'CONTAINER_NAME_DUPLICATE', `Another container is already named ${name}: container names must be unique in a task definition.`);
    } else {
      names.set(name as string, index);
    }
  }
  const image = c.image.value;
  if (image === undefined && c.image.unreadable) {
    ctx.images.push(undefined);
  } else {
    const parsed = parseImageUri(image ?? '');
    if (!parsed.ok) {
      report.error(c.image.path, parsed.code, parsed.message);
      ctx.images.push(undefined);
    } else {
      ctx.images.push(parsed.image);
    }
  }
  const taskMemory = spec.memory.value;
  const reservation = c.memoryReservation.value;
  if (reservation !== undefined) {
    if (reservation < MIN_CONTAINER_MEMORY) {
      report.error(c.memoryReservation.path, 'MEMORY_RESERVATION_TOO_SMALL', `Reserve at least ${MIN_CONTAINER_MEMORY} MiB: Docker won't start a container with less.`);
    } else if (taskMemory !== undefined && reservation > taskMemory) {
      report.error(c.memoryReservation.path, 'MEMORY_RESERVATION_EXCEEDS_TASK', `This container reserves ${reservation} MiB, more than the task's ${memoryLabel(taskMemory)} (${taskMemory} MiB): lower the reservation or raise the task memory.`);
    }
  }
  const hard = c.memory.value;
  if (hard !== undefined) {
    if (hard < MIN_CONTAINER_MEMORY) {
      report.error(c.memory.path, 'CONTAINER_MEMORY_TOO_SMALL', `Give the container at least ${MIN_CONTAINER_MEMORY} MiB: Docker won't start a container with less.`);
    } else if (reservation !== undefined && hard < reservation) {
      report.error(c.memory.path, 'CONTAINER_MEMORY_BELOW_RESERVATION', `The memory limit (${hard} MiB) can't be less than the memory reservation (${reservation} MiB).`);
    } else if (taskMemory !== undefined && hard > taskMemory) {
      report.error(c.memory.path, 'CONTAINER_MEMORY_EXCEEDS_TASK', `This container's memory limit, ${hard} MiB, is more than the task's ${memoryLabel(taskMemory)} (${taskMemory} MiB).`);
    }
  }
  if (!ctx.fargate && taskMemory === undefined && !spec.memory.unreadable && reservation === undefined && hard === undefined) {
    report.error(c.memoryReservation.path, 'CONTAINER_MEMORY_REQUIRED', 'Without a task memory size, each container needs a memory reservation (in MiB): set one here, or set the task memory.');
  }
  checkPorts(ctx, c, portNames, taskPorts, containerLabel(c, index));
  checkEnvironment(ctx, c);
  if (c.healthCheck) checkHealthCheck(ctx, c.healthCheck);
  if (c.log) checkLog(ctx, c.log);
}

function checkPorts(ctx: RuleContext, c: ContainerSpec, seenNames: Map<string, string>, seenTaskPorts: Map<string, string>, label: string): void {
  const { report, spec } = ctx;
  const mode = spec.networkMode.value;
  const sharedNetwork = mode === 'awsvpc' || mode === 'host' || (ctx.fargate && mode === undefined);
  // Each port once per protocol in a container (53/tcp and 53/udp are two mappings), and in the
  // shared network modes once per protocol in the task.
  const ownPorts = new Map<string, true>();
  for (const p of c.ports) {
    const port = p.containerPort.value;
    const range = p.containerPortRange.value;
    const protocol = p.protocol.value;
    const proto = protocol ?? 'tcp';
    if (port === undefined) {
      if (!p.containerPort.unreadable && range === undefined && !p.containerPortRange.unreadable) {
        report.error(p.containerPort.path, 'PORT_REQUIRED', 'Enter the port the container listens on, for example 8080.');
      }
    } else if (port < 1 || port > 65535) {
      report.error(p.containerPort.path, 'PORT_RANGE', `Port ${port} is out of range: use a number from 1 to 65535.`);
    }
    if (protocol !== undefined && protocol !== 'tcp' && protocol !== 'udp') {
      report.error(p.protocol.path, 'PROTOCOL_INVALID', protocol.toLowerCase() === 'tcp' || protocol.toLowerCase() === 'udp'
        ? `Protocols are lowercase: write ${protocol.toLowerCase()}.`
        : `The protocol must be tcp or udp, not ${quote(protocol)}.`);
    }
    const ports: number[] = [];
    let portsPath = p.containerPort.path;
    if (range !== undefined) {
      const bounds = portRange(range);
      portsPath = p.containerPortRange.path;
      if (!bounds) {
        report.error(p.containerPortRange.path, 'PORT_RANGE_INVALID', `${quote(range)} isn't a port range: write the first and last port, like "8000-8100" (from 1 to 65535, the first lower).`);
      } else if (mode === 'host' || mode === 'none') {
        report.error(p.containerPortRange.path, 'PORT_RANGE_NETWORK_MODE', `Port ranges work in the awsvpc and bridge network modes, not ${mode}.`);
      } else {
        for (let x = bounds[0]; x <= bounds[1]; x++) ports.push(x);
      }
    } else if (port !== undefined && port >= 1 && port <= 65535) {
      ports.push(port);
    }
    let reported = false;
    for (const x of ports) {
      if (reported) break;
      const key = `${x}/${proto}`;
      if (ownPorts.has(key)) {
        reported = true;
        report.error(portsPath, 'PORT_DUPLICATE', `Port ${x}/${proto} is already mapped in this container: map each port once per protocol.`);
      } else {
        ownPorts.set(key, true);
        const other = seenTaskPorts.get(key);
        if (sharedNetwork && other !== undefined) {
          reported = true;
          report.error(portsPath, 'PORT_CONFLICT', `Port ${x}/${proto} is also used by the ${other} container: in ${mode ?? 'awsvpc'} mode all containers share one network, so each port can be used once per task.`);
        }
      }
    }
    const host = p.hostPort.value;
    if (host !== undefined) {
      if (host < 0 || host > 65535) {
        report.error(p.hostPort.path, 'PORT_RANGE', `Host port ${host} is out of range: use a number from 1 to 65535.`);
      } else if ((mode === 'awsvpc' || mode === 'host' || ctx.fargate) && port !== undefined && host !== port) {
        report.error(p.hostPort.path, 'HOST_PORT_MISMATCH', `In ${mode ?? 'awsvpc'} mode the host port is the container port: remove hostPort or set it to ${port}.`);
      }
    }
    const name = p.name.value;
    if (!isBlank(name)) {
      const text = name as string;
      if (text.length > 64) {
        report.error(p.name.path, 'PORT_NAME_INVALID', `The port name is ${text.length} characters long: ECS allows up to 64.`);
      } else if (!PORT_NAME.test(text)) {
        report.error(p.name.path, 'PORT_NAME_INVALID', text.startsWith('-') && PORT_NAME.test(text.replace(/^-+/, ''))
          ? 'A port name can\'t start with a hyphen.'
          : `A port name uses lowercase letters, digits, _ and -; ${quote(text)} has ${describeBadCharacters(text, PORT_NAME_CHAR)}.`);
      } else {
        const owner = seenNames.get(text);
        if (owner !== undefined) {
          report.error(p.name.path, 'PORT_NAME_DUPLICATE', `The port name ${text} is already used${owner === label ? ' in this container' : ` by the ${owner} container`}: port names must be unique in the task definition.`);
        } else {
          seenNames.set(text, label);
        }
      }
    }
    const app = p.appProtocol.value;
    if (app !== undefined && app !== '') {
      if (!(APPLICATION_PROTOCOLS as readonly string[]).includes(app)) {
        report.error(p.appProtocol.path, 'APP_PROTOCOL_INVALID', `The application protocol must be http, http2 or grpc, not ${quote(app)}.`);
      } else {
        if (isBlank(name)) {
          report.warning(p.appProtocol.path, 'APP_PROTOCOL_WITHOUT_NAME', 'The application protocol only matters to Service Connect, which finds ports by name: give this port a name.');
        }
        if (protocol === 'udp') {
          report.warning(p.appProtocol.path, 'APP_PROTOCOL_UDP', `${app} runs over tcp, but this port is udp: set the protocol to tcp or clear the application protocol.`);
        }
      }
    }
  }
  for (const [key] of ownPorts) {
    if (!seenTaskPorts.has(key)) seenTaskPorts.set(key, label);
  }
}

/** "8000-8100" as its first and last port, when it is a valid range. */
function portRange(text: string): [number, number] | undefined {
  const m = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(text);
  if (!m) return undefined;
  const first = Number(m[1]);
  const last = Number(m[2]);
  return first >= 1 && last <= 65535 && first < last ? [first, last] : undefined;
}

function checkRange(report: Report, f: Field<number>, code: string, what: string, min: number, max: number, unit: string): void {
  if (f.value === undefined) return;
  if (f.value < min || f.value > max) {
    report.error(f.path, code, `The ${what} must be ${min} to ${max}${unit}; ${f.value} is ${f.value < min ? 'too low' : 'too high'}.`);
  }
}

function checkHealthCheck(ctx: RuleContext, hc: HealthCheckSpec): void {
  const { report } = ctx;
  const command = hc.command.value ?? [];
  const firstPath = hc.commandPaths[0] ?? hc.command.path;
  const example = 'for example CMD-SHELL, curl -f http://localhost:8080/ || exit 1';
  if (command.length === 0) {
    if (!hc.command.unreadable) report.error(hc.command.path, 'HEALTH_CHECK_COMMAND_REQUIRED', `Enter the health check command, ${example}.`);
  } else if (command[0] !== 'CMD' && command[0] !== 'CMD-SHELL') {
    const upper = command[0].toUpperCase();
    report.error(firstPath, 'HEALTH_CHECK_COMMAND_PREFIX', upper === 'CMD' || upper === 'CMD-SHELL'
      ? `Write ${upper} in capitals: ECS only recognises CMD and CMD-SHELL.`
      : `A health check command starts with CMD (run a program directly) or CMD-SHELL (run it in the container's shell), then the command; this one starts with ${quote(command[0])}.`);
  } else if (command.length === 1 || command.slice(1).every((a) => a.trim() === '')) {
    const last = firstPath[firstPath.length - 1];
    const next = hc.commandPaths[1] ?? (typeof last === 'number' ? [...hc.command.path, last + 1] : firstPath);
    report.error(next, 'HEALTH_CHECK_COMMAND_REQUIRED', `Add the command to run after ${command[0]}, ${example}.`);
  }
  checkRange(report, hc.interval, 'HEALTH_CHECK_INTERVAL', 'health check interval', 5, 300, ' seconds');
  checkRange(report, hc.timeout, 'HEALTH_CHECK_TIMEOUT', 'health check timeout', 2, 60, ' seconds');
  checkRange(report, hc.retries, 'HEALTH_CHECK_RETRIES', 'number of health check retries', 1, 10, '');
  checkRange(report, hc.startPeriod, 'HEALTH_CHECK_START_PERIOD', 'health check start period', 0, 300, ' seconds');
}
