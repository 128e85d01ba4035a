// The rules a task definition must follow, run on one shape (TaskSpec) that both inputs are
// read into: the form (validateTaskDefinition.ts, as a person types) and a raw RegisterTaskDefinition
// request typed as JSON. Every value in a TaskSpec remembers its path in its input, so each issue
// lands next to the field it is about. Pure: no I/O; what the caller knows about the account
// (image platforms, log groups, the execution role's policies) comes in as `facts` and only ever
// adds warnings. Errors block registering; warnings don't.

import {
  APPLICATION_PROTOCOLS,
  COMPATIBILITIES,
  CPU_ARCHITECTURES,
  FARGATE_LOG_DRIVERS,
  LOG_DRIVERS,
  NETWORK_MODES,
  OPERATING_SYSTEM_FAMILIES,
} from '../model/ecsRequest';
import { parseRoleReference, parseSecretValueFrom, isRegionName } from '../model/arns';
import type { SecretSource } from '../model/arns';
import { FARGATE_WINDOWS_FAMILIES, fargateSizeProblem, isWindowsFamily, memoryLabel } from '../model/fargateSizes';
import { parseImageUri } from '../model/imageUri';
import type { ImageReference } from '../model/imageUri';
import { describeBadCharacters, listPhrase, quote } from '../util/wording';
import type { PathSegment } from '../util/wording';

// ================================================================ public types

export interface Issue {
  /** Where the problem is, e.g. `containers[0].portMappings[1].containerPort`. */
  path: string;
  /** What a colleague would say about it. */
  message: string;
  /** Stable identifier, e.g. `FARGATE_MEMORY`. */
  code: string;
}

export interface ValidationResult {
  errors: Issue[];
  warnings: Issue[];
}

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

export type Segs = PathSegment[];

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
}

export interface RawIssue {
  severity: 'error' | 'warning';
  path: Segs;
  code: string;
  message: string;
  /** The issue is about the property name itself (unknown or repeated key), not its value. */
  onKey?: boolean;
}

export class Report {
  readonly issues: RawIssue[] = [];

  error(path: Segs, code: string, message: string, onKey = false): void {
    this.issues.push({ severity: 'error', path, code, message, onKey });
  }

  warning(path: Segs, code: string, message: string, onKey = false): void {
    this.issues.push({ severity: 'warning', path, code, message, onKey });
  }
}

export function field<T>(value: T | undefined, path: Segs): Field<T> {
  return { value, path };
}

// ================================================================ limits and names

const NAME_CHAR = /[A-Za-z0-9_-]/;
const NAME = /^[A-Za-z0-9_-]+$/;
const PORT_NAME_CHAR = /[a-z0-9_-]/;
const PORT_NAME = /^[a-z0-9_][a-z0-9_-]*$/;
const LOG_GROUP_CHAR = /[.\-_/#A-Za-z0-9]/;
const LOG_GROUP = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const TAG_CHAR = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;
const MIN_CONTAINER_MEMORY = 6;
const EC2_CPU_MIN = 128;
const EC2_CPU_MAX = 196608;
const MANAGED_EXECUTION_POLICY = 'AmazonECSTaskExecutionRolePolicy';
const MANAGED_EXECUTION_ACTIONS = [
  'ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer',
  'ecr:BatchGetImage', 'logs:CreateLogStream', 'logs:PutLogEvents',
];

const OS_LABELS: Record<string, string> = {
  LINUX: 'Linux',
  WINDOWS_SERVER_2016_FULL: 'Windows Server 2016 Full',
  WINDOWS_SERVER_2019_FULL: 'Windows Server 2019 Full',
  WINDOWS_SERVER_2019_CORE: 'Windows Server 2019 Core',
  WINDOWS_SERVER_2022_FULL: 'Windows Server 2022 Full',
  WINDOWS_SERVER_2022_CORE: 'Windows Server 2022 Core',
  WINDOWS_SERVER_2025_FULL: 'Windows Server 2025 Full',
  WINDOWS_SERVER_2025_CORE: 'Windows Server 2025 Core',
  WINDOWS_SERVER_2004_CORE: 'Windows Server 2004 Core',
  WINDOWS_SERVER_20H2_CORE: 'Windows Server 20H2 Core',
};

export function operatingSystemLabel(os: string): string {
  return OS_LABELS[os] ?? os;
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

function containerLabel(c: ContainerSpec, index: number): string {
  return isBlank(c.name.value) ? `container ${index + 1}` : (c.name.value as string);
}

// ================================================================ rules

interface Context {
  spec: TaskSpec;
  facts: TaskDefinitionFacts;
  report: Report;
  fargate: boolean;
  os: string;
  arch: string;
  images: Array<ImageReference | undefined>;
}

function checkName(report: Report, f: Field<string>, noun: string, codePrefix: string, required: string): void {
  const value = f.value;
  if (isBlank(value)) {
    if (!f.unreadable) report.error(f.path, `${codePrefix}_REQUIRED`, required);
    return;
  }
  const text = value as string;
  if (text.length > 255) {
    report.error(f.path, `${codePrefix}_TOO_LONG`, `The ${noun} is ${text.length} characters long: ECS allows up to 255.`);
  } else if (!NAME.test(text)) {
    report.error(f.path, `${codePrefix}_INVALID`, `The ${noun} can't contain ${describeBadCharacters(text, NAME_CHAR)}: use letters, digits, hyphens (-) and underscores (_).`);
  }
}

function checkPlatform(ctx: Context): void {
  const { spec, report } = ctx;
  const osField = spec.operatingSystemFamily;
  const archField = spec.cpuArchitecture;
  if (osField.value !== undefined && !(OPERATING_SYSTEM_FAMILIES as readonly string[]).includes(osField.value)) {
    report.error(osField.path, 'OS_INVALID', `${quote(osField.value)} isn't an operating system ECS knows: use LINUX or a WINDOWS_SERVER_... value.`);
  }
  if (archField.value !== undefined && !(CPU_ARCHITECTURES as readonly string[]).includes(archField.value)) {
    report.error(archField.path, 'ARCH_INVALID', `${quote(archField.value)} isn't a CPU architecture ECS knows: use X86_64 or ARM64.`);
  }
  if (ctx.arch === 'ARM64' && isWindowsFamily(ctx.os)) {
    report.error(archField.path, 'ARM64_NEEDS_LINUX', `ARM64 runs Linux containers only: choose X86_64 for ${operatingSystemLabel(ctx.os)}, or Linux for ARM64.`);
  }
  if (ctx.fargate && isWindowsFamily(ctx.os) && !(FARGATE_WINDOWS_FAMILIES as readonly string[]).includes(ctx.os)) {
    report.error(osField.path, 'FARGATE_WINDOWS_VERSION', `Fargate runs Windows Server 2019 and 2022 (Full or Core), not ${operatingSystemLabel(ctx.os)}: choose one of those, or run on EC2.`);
  }
}

function checkCompatibilities(ctx: Context): void {
  const { spec, report } = ctx;
  const list = spec.compatibilities.value ?? [];
  if (spec.source === 'form' && list.length === 0) {
    report.error(spec.compatibilities.path, 'COMPATIBILITY_REQUIRED', 'Choose where the task runs: Fargate or EC2.');
  }
  if (spec.source === 'json' && spec.compatibilities.value === undefined && !spec.compatibilities.unreadable) {
    report.warning(spec.compatibilities.path, 'COMPATIBILITY_MISSING', 'Without requiresCompatibilities ECS checks this task definition for EC2 only, and Fargate will refuse it: add ["FARGATE"] to run it on Fargate.');
  }
  list.forEach((c, i) => {
    if (!(COMPATIBILITIES as readonly string[]).includes(c)) {
      report.error([...spec.compatibilities.path, i], 'COMPATIBILITY_INVALID', `${quote(c)} isn't a launch type ECS knows: use ${listPhrase(COMPATIBILITIES.map((x) => x))}.`);
    }
  });
}

function checkNetworkMode(ctx: Context): void {
  const { spec, report } = ctx;
  const mode = spec.networkMode.value;
  if (mode !== undefined && !(NETWORK_MODES as readonly string[]).includes(mode)) {
    report.error(spec.networkMode.path, 'NETWORK_MODE_INVALID', `${quote(mode)} isn't a network mode: use awsvpc, bridge, host or none.`);
    return;
  }
  if (ctx.fargate && mode !== 'awsvpc' && !spec.networkMode.unreadable) {
    report.error(spec.networkMode.path, 'NETWORK_MODE_FARGATE', mode === undefined
      ? 'Fargate tasks need the awsvpc network mode: set it (without one ECS uses bridge, which Fargate rejects).'
      : `Fargate tasks need the awsvpc network mode, not ${mode}.`);
  } else if (isWindowsFamily(ctx.os) && (mode === 'bridge' || mode === 'host' || mode === 'none')) {
    report.error(spec.networkMode.path, 'NETWORK_MODE_WINDOWS', `Windows tasks use awsvpc or the default network mode, not ${mode}.`);
  }
}

function checkSize(ctx: Context): void {
  const { spec, report } = ctx;
  const cpu = spec.cpu.value;
  const memory = spec.memory.value;
  if (ctx.fargate) {
    if (cpu === undefined && !spec.cpu.unreadable) {
      report.error(spec.cpu.path, 'CPU_REQUIRED', 'Fargate needs a task CPU size: choose one, for example 1 vCPU.');
    }
    if (memory === undefined && !spec.memory.unreadable) {
      report.error(spec.memory.path, 'MEMORY_REQUIRED', 'Fargate needs a task memory size: choose one, for example 3 GB.');
    }
    if (cpu !== undefined) {
      const problem = fargateSizeProblem(cpu, memory, ctx.os);
      if (problem) report.error(problem.field === 'cpu' ? spec.cpu.path : spec.memory.path, problem.code, problem.message);
    }
    return;
  }
  if (cpu !== undefined && (cpu < EC2_CPU_MIN || cpu > EC2_CPU_MAX)) {
    report.error(spec.cpu.path, 'TASK_CPU_RANGE', `Task CPU on EC2 goes from 128 units (0.125 vCPU) to 196608 units (192 vCPU); ${cpu} is outside that.`);
  }
}

function checkRoles(ctx: Context): void {
  const { spec, report, facts } = ctx;
  const task = spec.taskRoleArn;
  if (!isBlank(task.value)) {
    const parsed = parseRoleReference(task.value as string, 'The task role');
    if (!parsed.ok) report.error(task.path, 'TASK_ROLE_INVALID', parsed.message);
  }
  const exec = spec.executionRoleArn;
  if (!isBlank(exec.value)) {
    const parsed = parseRoleReference(exec.value as string, 'The execution role');
    if (!parsed.ok) {
      report.error(exec.path, 'EXECUTION_ROLE_INVALID', parsed.message);
    } else if (parsed.kind === 'name') {
      const suggestion = facts.accountId
        ? `arn:${partitionFor(facts.region)}:iam::${facts.accountId}:role/${parsed.name}`
        : `arn:aws:iam::ACCOUNT:role/${parsed.name}`;
      report.warning(exec.path, 'EXECUTION_ROLE_NOT_ARN', `ECS expects the execution role as a full ARN: use ${suggestion}.`);
    }
  }
}

function partitionFor(region: string | undefined): string {
  if (region?.startsWith('cn-')) return 'aws-cn';
  if (region?.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function checkRange(report: Report, f: Field<number>, code: string, what: string, min: number, max: number, unit: string): void {
  if (f.value === undefined) return;
  if (f.value < min || f.value > max) {
    report.error(f.path, code, `The ${what} must be ${min} to ${max}${unit}; ${f.value} is ${f.value < min ? 'too low' : 'too high'}.`);
  }
}

function checkHealthCheck(ctx: Context, hc: HealthCheckSpec): void {
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

function checkLog(ctx: Context, log: LogSpec): void {
  const { report } = ctx;
  const driver = log.driver.value;
  if (driver === undefined) {
    if (!log.driver.unreadable) report.error(log.driver.path, 'LOG_DRIVER_REQUIRED', 'Name the log driver (logDriver), for example awslogs.');
    return;
  }
  if (!(LOG_DRIVERS as readonly string[]).includes(driver)) {
    report.error(log.driver.path, 'LOG_DRIVER_INVALID', `${quote(driver)} isn't a log driver ECS supports: use ${listPhrase([...LOG_DRIVERS])}.`);
    return;
  }
  if (ctx.fargate && !(FARGATE_LOG_DRIVERS as readonly string[]).includes(driver)) {
    report.error(log.driver.path, 'LOG_DRIVER_FARGATE', `Fargate supports the awslogs, splunk and awsfirelens log drivers, not ${driver}.`);
    return;
  }
  if (driver !== 'awslogs') return;
  const group = log.group.value;
  if (isBlank(group)) {
    if (!log.group.unreadable) report.error(log.group.path, 'LOG_GROUP_REQUIRED', 'Name the CloudWatch log group, for example /ecs/my-task.');
  } else if (!log.groupDefaulted && !LOG_GROUP.test(group as string)) {
    const text = group as string;
    report.error(log.group.path, 'LOG_GROUP_INVALID', text.length > 512
      ? `The log group name is ${text.length} characters long: CloudWatch allows up to 512.`
      : `A log group name can't contain ${describeBadCharacters(text, LOG_GROUP_CHAR)}: use letters, digits and . - _ / #.`);
  }
  const region = log.region.value;
  if (isBlank(region)) {
    if (!log.region.unreadable) {
      const hint = ctx.facts.region ? `, usually the task's own (${ctx.facts.region})` : ', usually the task\'s own';
      report.error(log.region.path, 'LOG_REGION_REQUIRED', `Choose the Region the logs go to${hint}.`);
    }
  } else if (!isRegionName(region as string)) {
    report.error(log.region.path, 'LOG_REGION_INVALID', `${quote(region as string)} isn't a Region name like ap-northeast-2.`);
  }
  const prefix = log.streamPrefix.value;
  if (isBlank(prefix)) {
    if (ctx.fargate && !log.streamPrefix.unreadable) {
      report.error(log.streamPrefix.path, 'LOG_STREAM_PREFIX_REQUIRED', 'On Fargate, awslogs needs a stream prefix, for example ecs (streams are named PREFIX/CONTAINER/TASK-ID).');
    }
  } else if (/[:*]/.test(prefix as string)) {
    report.error(log.streamPrefix.path, 'LOG_STREAM_PREFIX_INVALID', `A log stream prefix can't contain ${describeBadCharacters(prefix as string, /[^:*]/)}.`);
  }
}

function checkPorts(ctx: Context, c: ContainerSpec, seenNames: Map<string, string>, seenTaskPorts: Map<number, string>, label: string): void {
  const { report, spec } = ctx;
  const mode = spec.networkMode.value;
  const sharedNetwork = mode === 'awsvpc' || mode === 'host' || (ctx.fargate && mode === undefined);
  const ownPorts = new Map<number, string>();
  for (const p of c.ports) {
    const port = p.containerPort.value;
    if (port === undefined) {
      if (!p.containerPort.unreadable) report.error(p.containerPort.path, 'PORT_REQUIRED', 'Enter the port the container listens on, for example 8080.');
    } else if (port < 1 || port > 65535) {
      report.error(p.containerPort.path, 'PORT_RANGE', `Port ${port} is out of range: use a number from 1 to 65535.`);
    }
    const protocol = p.protocol.value;
    if (protocol !== undefined && protocol !== 'tcp' && protocol !== 'udp') {
      report.error(p.protocol.path, 'PROTOCOL_INVALID', protocol.toLowerCase() === 'tcp' || protocol.toLowerCase() === 'udp'
        ? `Protocols are lowercase: write ${protocol.toLowerCase()}.`
        : `The protocol must be tcp or udp, not ${quote(protocol)}.`);
    }
    if (port !== undefined && port >= 1 && port <= 65535) {
      const proto = protocol ?? 'tcp';
      const earlier = ownPorts.get(port);
      if (earlier !== undefined) {
        report.error(p.containerPort.path, 'PORT_DUPLICATE', earlier === proto
          ? `Port ${port} is already mapped in this container: map each port once.`
          : `Port ${port} is already mapped for ${earlier}: ECS lets a container port appear once, whatever the protocol.`);
      } else {
        ownPorts.set(port, proto);
        const other = seenTaskPorts.get(port);
        if (sharedNetwork && other !== undefined) {
          report.error(p.containerPort.path, 'PORT_CONFLICT', `Port ${port} is also used by the ${other} container: in ${mode ?? 'awsvpc'} mode all containers share one network, so each port can be used once per task.`);
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
  for (const [port] of ownPorts) {
    if (!seenTaskPorts.has(port)) seenTaskPorts.set(port, label);
  }
}

const ENV_NAME_BAD = /[=\s\0]/;

function checkEnvironment(ctx: Context, c: ContainerSpec): void {
  const { report } = ctx;
  const names = new Map<string, 'environment' | 'secret'>();
  for (const e of c.environment) {
    const name = e.name.value;
    if (isBlank(name)) {
      if (!e.name.unreadable) report.error(e.name.path, 'ENV_NAME_REQUIRED', 'Give this environment variable a name, or remove the row.');
      continue;
    }
    const text = name as string;
    if (ENV_NAME_BAD.test(text)) {
      report.error(e.name.path, 'ENV_NAME_INVALID', `An environment variable name can't contain ${describeBadCharacters(text, /[^=\s\0]/)}.`);
    } else if (names.has(text)) {
      report.error(e.name.path, 'ENV_NAME_DUPLICATE', `${text} is already set above: keep one of them.`);
    } else {
      names.set(text, 'environment');
    }
  }
  const seenSecrets = new Set<string>();
  for (const s of c.secrets) {
    const name = s.name.value;
    if (isBlank(name)) {
      if (!s.name.unreadable) report.error(s.name.path, 'SECRET_NAME_REQUIRED', 'Give this secret the environment variable name the container will see it as.');
    } else {
      const text = name as string;
      if (ENV_NAME_BAD.test(text)) {
        report.error(s.name.path, 'SECRET_NAME_INVALID', `A secret's name becomes an environment variable, so it can't contain ${describeBadCharacters(text, /[^=\s\0]/)}.`);
      } else if (seenSecrets.has(text)) {
        report.error(s.name.path, 'SECRET_NAME_DUPLICATE', `A secret named ${text} is already listed: secret names must be unique in a container.`);
      } else {
        seenSecrets.add(text);
        if (names.get(text) === 'environment') {
          report.warning(s.name.path, 'SECRET_SHADOWS_ENV', `${text} is both an environment variable and a secret: the container will see only one of them. Rename or remove one.`);
        }
      }
    }
    const from = s.valueFrom.value;
    if (from === undefined && s.valueFrom.unreadable) continue;
    const parsed = parseSecretValueFrom(from ?? '');
    if (!parsed.ok) report.error(s.valueFrom.path, parsed.code, parsed.message);
  }
}

function checkContainer(ctx: Context, c: ContainerSpec, index: number, names: Map<string, number>, portNames: Map<string, string>, taskPorts: Map<number, string>): void {
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
    } else if (reservation !== undefined && hard <= reservation) {
      report.error(c.memory.path, 'CONTAINER_MEMORY_BELOW_RESERVATION', `The memory limit (${hard} MiB) must be greater than the memory reservation (${reservation} MiB).`);
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

function checkTags(ctx: Context): void {
  const { spec, report } = ctx;
  const keys = new Set<string>();
  if (spec.tags.length > 50) {
    report.error(spec.tagsPath, 'TAGS_TOO_MANY', `There are ${spec.tags.length} tags: a task definition can have at most 50.`);
  }
  for (const t of spec.tags) {
    const key = t.key.value;
    if (isBlank(key)) {
      if (!t.key.unreadable) report.error(t.key.path, 'TAG_KEY_REQUIRED', 'Give this tag a key, or remove the row.');
    } else {
      const text = key as string;
      if ([...text].length > 128) {
        report.error(t.key.path, 'TAG_KEY_TOO_LONG', `The tag key is ${[...text].length} characters long: the limit is 128.`);
      } else if (/^aws:/i.test(text)) {
        report.error(t.key.path, 'TAG_RESERVED', 'Tag keys starting with aws: are reserved for AWS: choose another key.');
      } else if (![...text].every((ch) => TAG_CHAR.test(ch))) {
        report.error(t.key.path, 'TAG_KEY_INVALID', `A tag key can't contain ${describeBadCharacters(text, TAG_CHAR)}: use letters, digits, spaces and _ . : / = + - @.`);
      } else if (keys.has(text)) {
        report.error(t.key.path, 'TAG_KEY_DUPLICATE', `The tag ${text} is already set: each key can appear once.`);
      } else {
        keys.add(text);
      }
    }
    const value = t.value.value ?? '';
    if ([...value].length > 256) {
      report.error(t.value.path, 'TAG_VALUE_TOO_LONG', `The tag value is ${[...value].length} characters long: the limit is 256.`);
    } else if (/^aws:/i.test(value)) {
      report.error(t.value.path, 'TAG_RESERVED', 'Tag values starting with aws: are reserved for AWS.');
    } else if (![...value].every((ch) => TAG_CHAR.test(ch))) {
      report.error(t.value.path, 'TAG_VALUE_INVALID', `A tag value can't contain ${describeBadCharacters(value, TAG_CHAR)}: use letters, digits, spaces and _ . : / = + - @.`);
    }
  }
}

// ---------------------------------------------------------------- execution role needs

function secretSources(c: ContainerSpec): Array<{ spec: SecretSpec; source: SecretSource }> {
  const out: Array<{ spec: SecretSpec; source: SecretSource }> = [];
  for (const s of c.secrets) {
    if (s.valueFrom.value === undefined) continue;
    const parsed = parseSecretValueFrom(s.valueFrom.value);
    if (parsed.ok) out.push({ spec: s, source: parsed.source });
  }
  return out;
}

function checkExecutionRoleNeeds(ctx: Context): void {
  const { spec, report } = ctx;
  if (!isBlank(spec.executionRoleArn.value) || spec.executionRoleArn.unreadable) return;
  const named = (list: number[]): string => listPhrase(list.map((i) => containerLabel(spec.containers[i], i)), 'and');
  const logging = spec.containers.map((c, i) => (c.log?.driver.value === 'awslogs' ? i : -1)).filter((i) => i >= 0);
  const secrets = spec.containers.map((c, i) => (c.secrets.length > 0 ? i : -1)).filter((i) => i >= 0);
  const ecr = ctx.images.map((img, i) => (img?.registry === 'ecr' ? i : -1)).filter((i) => i >= 0);
  if (logging.length > 0) {
    report.error(spec.executionRoleArn.path, 'EXECUTION_ROLE_REQUIRED_LOGS', `Sending logs to CloudWatch (awslogs, in ${named(logging)}) needs a task execution role: choose one, such as ecsTaskExecutionRole with AmazonECSTaskExecutionRolePolicy.`);
  }
  if (secrets.length > 0) {
    report.error(spec.executionRoleArn.path, 'EXECUTION_ROLE_REQUIRED_SECRETS', `ECS fetches the secrets of ${named(secrets)} with the task execution role: choose a role that can read them.`);
  }
  if (ctx.fargate && ecr.length > 0) {
    report.error(spec.executionRoleArn.path, 'EXECUTION_ROLE_REQUIRED_ECR', `On Fargate, pulling ${named(ecr)}'s image from a private ECR repository needs a task execution role: choose one, such as ecsTaskExecutionRole.`);
  }
}

// ---------------------------------------------------------------- warnings from facts

function actionAllowed(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(action);
}

function roleName(text: string): string {
  const t = text.trim();
  return t.startsWith('arn:') ? t.slice(t.lastIndexOf('/') + 1) : t;
}

interface RoleAbilities {
  name: string;
  hasManagedPolicy: boolean;
  can: (action: string) => boolean;
}

function executionRoleAbilities(ctx: Context): RoleAbilities | undefined {
  const facts = ctx.facts.executionRole;
  const configured = ctx.spec.executionRoleArn.value;
  if (!facts || isBlank(configured)) return undefined;
  if (facts.role !== undefined && roleName(facts.role) !== roleName(configured as string)) return undefined;
  if (facts.exists === false) return undefined;
  const hasManagedPolicy = (facts.attachedPolicies ?? []).some((p) => p === MANAGED_EXECUTION_POLICY || p.endsWith(`:policy/service-role/${MANAGED_EXECUTION_POLICY}`));
  const allowed = facts.allowedActions ?? [];
  return {
    name: roleName(configured as string),
    hasManagedPolicy,
    can: (action) => (hasManagedPolicy && MANAGED_EXECUTION_ACTIONS.includes(action)) || allowed.some((p) => actionAllowed(p, action)),
  };
}

function platformWanted(ctx: Context): { os: string; architecture: string } {
  return { os: isWindowsFamily(ctx.os) ? 'windows' : 'linux', architecture: ctx.arch === 'ARM64' ? 'arm64' : 'amd64' };
}

function checkFactWarnings(ctx: Context): void {
  const { spec, report, facts } = ctx;
  // The image is built for another platform.
  spec.containers.forEach((c) => {
    const image = c.image.value;
    const platforms = image === undefined ? undefined : facts.imagePlatforms?.[image];
    if (!platforms || platforms.length === 0) return;
    const want = platformWanted(ctx);
    const matches = platforms.some((p) => p.os.toLowerCase() === want.os && p.architecture.toLowerCase() === want.architecture);
    if (!matches) {
      const built = listPhrase(platforms.map((p) => `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`), 'and');
      const chosen = `${operatingSystemLabel(ctx.os)}/${ctx.arch}`;
      const fix = want.os === 'linux'
        ? `Build it for ${want.os}/${want.architecture} (docker buildx build --platform ${want.os}/${want.architecture}) or choose ${want.architecture === 'arm64' ? 'X86_64' : 'ARM64'} here.`
        : `Build it for ${want.os}/${want.architecture}.`;
      report.warning(c.image.path, 'IMAGE_PLATFORM_MISMATCH', `This image is built for ${built}, but the task runs ${chosen}: it will fail to start ("exec format error" or "descriptor matching platform"). ${fix}`);
    }
  });

  // The log group doesn't exist and nothing will create it.
  for (const c of spec.containers) {
    const log = c.log;
    if (!log || log.driver.value !== 'awslogs') continue;
    const group = log.group.value;
    const region = log.region.value;
    if (isBlank(group) || isBlank(region)) continue;
    const known = facts.logGroups?.[region as string];
    if (known && !known.includes(group as string) && log.createGroup.value !== true) {
      report.warning(log.group.path, 'LOG_GROUP_MISSING', `The log group ${group} doesn't exist in ${region} and create-group is off: the task will stop with "cannot find the log group". Create the group, or turn create-group on.`);
    }
  }

  // The execution role.
  const roleFacts = facts.executionRole;
  const configured = spec.executionRoleArn.value;
  if (roleFacts && !isBlank(configured) && roleFacts.exists === false
    && (roleFacts.role === undefined || roleName(roleFacts.role) === roleName(configured as string))) {
    report.warning(spec.executionRoleArn.path, 'EXECUTION_ROLE_NOT_FOUND', `There's no role named ${roleName(configured as string)} in this account: create it (trusting ecs-tasks.amazonaws.com) with AmazonECSTaskExecutionRolePolicy, or choose another.`);
  }
  const role = executionRoleAbilities(ctx);
  const usesAwslogs = spec.containers.some((c) => c.log?.driver.value === 'awslogs');
  const usesEcr = ctx.images.some((img) => img?.registry === 'ecr');
  if (role && (usesAwslogs || usesEcr) && !role.hasManagedPolicy) {
    const missing = MANAGED_EXECUTION_ACTIONS.filter((a) => !role.can(a));
    if (missing.length > 0) {
      report.warning(spec.executionRoleArn.path, 'EXECUTION_ROLE_POLICY_MISSING', `The execution role ${role.name} doesn't have AmazonECSTaskExecutionRolePolicy (it can't ${listPhrase(missing)}): without it the task can't pull from ECR or write its logs. Attach that policy.`);
    }
  }
  if (role) {
    for (const c of spec.containers) {
      const log = c.log;
      if (log?.driver.value === 'awslogs' && log.createGroup.value === true && !role.can('logs:CreateLogGroup')) {
        report.warning(log.createGroup.path, 'LOG_CREATE_GROUP_DENIED', `create-group is on, but the execution role ${role.name} can't call logs:CreateLogGroup (AmazonECSTaskExecutionRolePolicy doesn't include it): add that permission, or create the log group yourself and turn create-group off.`);
      }
    }
  }

  // Secrets: permissions, Region, account, and the network path they need.
  const reachReported = new Set<string>();
  for (const c of spec.containers) {
    for (const { spec: s, source } of secretSources(c)) {
      const service = source.kind === 'secretsmanager' ? 'Secrets Manager' : 'SSM Parameter Store';
      const endpoint = source.kind === 'secretsmanager' ? 'secretsmanager' : 'ssm';
      const action = source.kind === 'secretsmanager' ? 'secretsmanager:GetSecretValue' : 'ssm:GetParameters';
      if (role && !role.can(action)) {
        report.warning(s.valueFrom.path, 'EXECUTION_ROLE_SECRET_ACCESS', `The execution role ${role.name} can't call ${action}, so this secret can't be fetched and the task won't start: allow it for this ${source.kind === 'secretsmanager' ? 'secret' : 'parameter'} (and kms:Decrypt if a customer-managed key encrypts it).`);
      }
      const secretRegion = 'region' in source ? source.region : undefined;
      const region = secretRegion ?? facts.region ?? 'REGION';
      if (!reachReported.has(endpoint)) {
        reachReported.add(endpoint);
        report.warning(s.valueFrom.path, 'SECRETS_NEED_REACH', `The task reads secrets from ${service} before its containers start: in subnets without a NAT gateway it needs the com.amazonaws.${region}.${endpoint} interface endpoint.`);
      }
      if (facts.region && secretRegion !== undefined && secretRegion !== facts.region) {
        report.warning(s.valueFrom.path, 'SECRET_OTHER_REGION', `This secret lives in ${secretRegion} but the task runs in ${facts.region}: VPC endpoints only serve their own Region, so the task needs an internet path (NAT) to fetch it.`);
      }
      const secretAccount = 'accountId' in source ? source.accountId : undefined;
      if (facts.accountId && secretAccount !== undefined && secretAccount !== facts.accountId) {
        report.warning(s.valueFrom.path, 'SECRET_OTHER_ACCOUNT', `This secret belongs to account ${secretAccount}: its resource policy (and its KMS key's policy) must let your execution role read it.`);
      }
    }
  }
}

export function checkSpec(spec: TaskSpec, facts: TaskDefinitionFacts, report: Report): void {
  const compat = spec.compatibilities.value ?? [];
  const ctx: Context = {
    spec,
    facts,
    report,
    fargate: compat.includes('FARGATE'),
    os: spec.operatingSystemFamily.value ?? 'LINUX',
    arch: spec.cpuArchitecture.value ?? 'X86_64',
    images: [],
  };
  checkName(report, spec.family, 'family name', 'FAMILY', 'Name the task definition family, for example demo-ecs-task.');
  checkCompatibilities(ctx);
  checkPlatform(ctx);
  checkNetworkMode(ctx);
  checkSize(ctx);
  checkRoles(ctx);
  if (spec.containers.length === 0 && !spec.containersUnreadable) {
    report.error(spec.containersPath, 'CONTAINERS_REQUIRED', 'Add a container: a task definition needs at least one.');
  }
  const names = new Map<string, number>();
  const portNames = new Map<string, string>();
  const taskPorts = new Map<number, string>();
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
  checkExecutionRoleNeeds(ctx);
  checkTags(ctx);
  checkFactWarnings(ctx);
}

export function finish(report: Report, toPath: (segs: Segs) => string): ValidationResult {
  const seen = new Set<string>();
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  for (const issue of report.issues) {
    const path = toPath(issue.path);
    const key = `${issue.severity}|${path}|${issue.code}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (issue.severity === 'error' ? errors : warnings).push({ path, message: issue.message, code: issue.code });
  }
  return { errors, warnings };
}
