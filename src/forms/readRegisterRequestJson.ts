// Reading a RegisterTaskDefinition request typed as JSON into the rules' TaskSpec. What can't
// even be read is reported here, at its JSON path: a field of the wrong type (with the value
// written the right way), an unknown field (with the closest known name), a repeated key, a
// field that only describes an existing registration. The rules then run on what was read.

import {
  AWSLOGS_CREATE_GROUP,
  AWSLOGS_GROUP,
  AWSLOGS_REGION,
  AWSLOGS_STREAM_PREFIX,
  DESCRIBED_ONLY_FIELDS,
} from '../model/ecsRequest';
import { parseCpuUnits, parseMemoryMiB } from '../model/fargateSizes';
import { quote } from '../util/wording';
import { propertyOf } from './jsonLocator';
import type { JsonNode } from './jsonLocator';
import { field } from './taskSpec';
import type { ContainerSpec, Field, HealthCheckSpec, LogSpec, PairSpec, PortSpec, SecretSpec, TagSpec, TaskSpec } from './taskSpec';
import type { Report, Segs } from './validationIssues';

/** Reads the request's root object; every problem reading it goes on `report`. */
export function readRegisterRequest(root: JsonNode, report: Report): TaskSpec {
  return new JsonReader(report).task(root);
}

const REQUEST_FIELDS = new Set([
  'family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'containerDefinitions', 'volumes',
  'placementConstraints', 'requiresCompatibilities', 'cpu', 'memory', 'tags', 'pidMode', 'ipcMode',
  'proxyConfiguration', 'inferenceAccelerators', 'ephemeralStorage', 'runtimePlatform', 'enableFaultInjection',
]);
const DESCRIBED_FIELDS = new Set(DESCRIBED_ONLY_FIELDS);
const CONTAINER_FIELDS = new Set([
  'name', 'image', 'repositoryCredentials', 'cpu', 'memory', 'memoryReservation', 'links', 'portMappings',
  'essential', 'restartPolicy', 'entryPoint', 'command', 'environment', 'environmentFiles', 'mountPoints',
  'volumesFrom', 'linuxParameters', 'secrets', 'dependsOn', 'startTimeout', 'stopTimeout', 'versionConsistency',
  'hostname', 'user', 'workingDirectory', 'disableNetworking', 'privileged', 'readonlyRootFilesystem',
  'dnsServers', 'dnsSearchDomains', 'extraHosts', 'dockerSecurityOptions', 'interactive', 'pseudoTerminal',
  'dockerLabels', 'ulimits', 'logConfiguration', 'healthCheck', 'systemControls', 'resourceRequirements',
  'firelensConfiguration', 'credentialSpecs',
]);
const PORT_FIELDS = new Set(['containerPort', 'hostPort', 'protocol', 'name', 'appProtocol', 'containerPortRange']);
const HEALTH_CHECK_FIELDS = new Set(['command', 'interval', 'timeout', 'retries', 'startPeriod']);
const LOG_FIELDS = new Set(['logDriver', 'options', 'secretOptions']);
const RUNTIME_PLATFORM_FIELDS = new Set(['cpuArchitecture', 'operatingSystemFamily']);

function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** How a message names a JSON value of each type. */
export const TYPE_NAMES: Record<JsonNode['type'], string> = {
  object: 'an object', array: 'a list', string: 'text', number: 'a number', boolean: 'true/false', null: 'null',
};

/** A value where text belongs, written as the text it should be: 8080 becomes "8080"; anything else "...". */
function asText(node: JsonNode): string {
  return node.type === 'number' || node.type === 'boolean' ? `"${String(node.value)}"` : '"..."';
}

class JsonReader {
  constructor(private readonly report: Report) {}

  checkKeys(node: JsonNode, path: Segs, known: Set<string>, what: string, described?: Set<string>): void {
    if (node.type !== 'object') return;
    const seen = new Set<string>();
    for (const p of node.properties) {
      if (seen.has(p.key)) {
        this.report.warning([...path, p.key], 'JSON_DUPLICATE_KEY', `${p.key} appears twice in ${what}: only the last one counts.`, true);
      }
      seen.add(p.key);
      if (known.has(p.key)) continue;
      if (described?.has(p.key)) {
        this.report.warning([...path, p.key], 'DESCRIBED_ONLY_FIELD', `${p.key} describes an existing registration, not a new one: it will be left out of the request.`, true);
        continue;
      }
      const guess = closest(p.key, known);
      this.report.error([...path, p.key], 'UNKNOWN_FIELD', `${quote(p.key)} isn't a field of ${what}${guess ? `: did you mean ${guess}?` : '.'}`, true);
    }
  }

  typeError(node: JsonNode, path: Segs, what: string, expected: string, example: string): void {
    this.report.error(path, 'JSON_TYPE', `${what} must be ${expected}, like ${example}, not ${TYPE_NAMES[node.type]}.`);
  }

  string(parent: JsonNode | undefined, key: string, path: Segs, example = '"..."'): Field<string> {
    const p = propertyOf(parent, key);
    const at = [...path, key];
    if (!p) return field<string>(undefined, at);
    if (p.value.type === 'string') return field(p.value.value, at);
    if (p.value.type === 'null') return field<string>(undefined, at);
    this.typeError(p.value, at, key, 'text in double quotes', example);
    return { value: undefined, path: at, unreadable: true };
  }

  integer(parent: JsonNode | undefined, key: string, path: Segs, example: string): Field<number> {
    const p = propertyOf(parent, key);
    const at = [...path, key];
    if (!p || p.value.type === 'null') return field<number>(undefined, at);
    if (p.value.type === 'number' && Number.isInteger(p.value.value)) return field(p.value.value, at);
    if (p.value.type === 'string' && /^\d+$/.test(p.value.value)) {
      this.report.error(at, 'JSON_TYPE', `${key} must be a number without quotes: write ${p.value.value}, not "${p.value.value}".`);
    } else if (p.value.type === 'number') {
      this.report.error(at, 'JSON_TYPE', `${key} must be a whole number, like ${example}.`);
    } else {
      this.typeError(p.value, at, key, 'a whole number', example);
    }
    return { value: undefined, path: at, unreadable: true };
  }

  boolean(parent: JsonNode | undefined, key: string, path: Segs): Field<boolean> {
    const p = propertyOf(parent, key);
    const at = [...path, key];
    if (!p || p.value.type === 'null') return field<boolean>(undefined, at);
    if (p.value.type === 'boolean') return field(p.value.value, at);
    this.typeError(p.value, at, key, 'true or false (without quotes)', 'true');
    return { value: undefined, path: at, unreadable: true };
  }

  /** A list property; items that aren't `itemType` are reported and left out. */
  list(parent: JsonNode | undefined, key: string, path: Segs, itemType: JsonNode['type'], example: string): { node?: JsonNode; items: Array<{ node: JsonNode; path: Segs }>; unreadable: boolean } {
    const p = propertyOf(parent, key);
    const at = [...path, key];
    if (!p || p.value.type === 'null') return { items: [], unreadable: false };
    if (p.value.type !== 'array') {
      this.typeError(p.value, at, key, 'a list in [ ]', example);
      return { items: [], unreadable: true };
    }
    const items: Array<{ node: JsonNode; path: Segs }> = [];
    let unreadable = false;
    p.value.items.forEach((item, i) => {
      if (item.type === itemType) items.push({ node: item, path: [...at, i] });
      else {
        unreadable = true;
        this.report.error([...at, i], 'JSON_TYPE', `Each entry of ${key} must be ${TYPE_NAMES[itemType]}, not ${TYPE_NAMES[item.type]}.`);
      }
    });
    return { node: p.value, items, unreadable };
  }

  object(parent: JsonNode | undefined, key: string, path: Segs, example: string): JsonNode | undefined {
    const p = propertyOf(parent, key);
    if (!p || p.value.type === 'null') return undefined;
    if (p.value.type !== 'object') {
      this.typeError(p.value, [...path, key], key, 'an object in { }', example);
      return undefined;
    }
    return p.value;
  }

  stringList(parent: JsonNode | undefined, key: string, path: Segs, example: string): { field: Field<string[]>; paths: Segs[] } {
    const list = this.list(parent, key, path, 'string', example);
    const values = list.items.map((i) => (i.node.type === 'string' ? i.node.value : ''));
    return {
      field: { value: list.node ? values : undefined, path: [...path, key], unreadable: list.unreadable },
      paths: list.items.map((i) => i.path),
    };
  }

  container(node: JsonNode, path: Segs): ContainerSpec {
    this.checkKeys(node, path, CONTAINER_FIELDS, 'a container definition');
    const ports: PortSpec[] = this.list(node, 'portMappings', path, 'object', '[{ "containerPort": 8080 }]').items.map(({ node: p, path: pp }) => {
      this.checkKeys(p, pp, PORT_FIELDS, 'a port mapping');
      return {
        path: pp,
        containerPort: this.integer(p, 'containerPort', pp, '8080'),
        hostPort: this.integer(p, 'hostPort', pp, '8080'),
        protocol: this.string(p, 'protocol', pp, '"tcp"'),
        name: this.string(p, 'name', pp, '"http"'),
        appProtocol: this.string(p, 'appProtocol', pp, '"http"'),
      };
    });
    const environment: PairSpec[] = this.list(node, 'environment', path, 'object', '[{ "name": "PORT", "value": "8080" }]').items.map(({ node: e, path: ep }) => {
      this.checkKeys(e, ep, new Set(['name', 'value']), 'an environment variable');
      const valueProperty = propertyOf(e, 'value');
      if (valueProperty && valueProperty.value.type !== 'string' && valueProperty.value.type !== 'null') {
        this.report.error([...ep, 'value'], 'JSON_TYPE', `Environment values are text: write ${asText(valueProperty.value)}, in double quotes.`);
      }
      return { path: ep, name: this.string(e, 'name', ep, '"PORT"') };
    });
    const secrets: SecretSpec[] = this.list(node, 'secrets', path, 'object', '[{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:..." }]').items.map(({ node: s, path: sp }) => {
      this.checkKeys(s, sp, new Set(['name', 'valueFrom']), 'a secret');
      const valueFrom = this.string(s, 'valueFrom', sp, '"arn:aws:secretsmanager:..."');
      return { path: sp, name: this.string(s, 'name', sp, '"DB_PASSWORD"'), valueFrom };
    });
    this.stringList(node, 'command', path, '["npm", "start"]');
    this.stringList(node, 'entryPoint', path, '["sh", "-c"]');
    let healthCheck: HealthCheckSpec | undefined;
    const hc = this.object(node, 'healthCheck', path, '{ "command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] }');
    if (hc) {
      const hp = [...path, 'healthCheck'];
      this.checkKeys(hc, hp, HEALTH_CHECK_FIELDS, 'a health check');
      const command = this.stringList(hc, 'command', hp, '["CMD-SHELL", "curl -f http://localhost/ || exit 1"]');
      healthCheck = {
        path: hp,
        command: command.field,
        commandPaths: command.paths,
        interval: this.integer(hc, 'interval', hp, '30'),
        timeout: this.integer(hc, 'timeout', hp, '5'),
        retries: this.integer(hc, 'retries', hp, '3'),
        startPeriod: this.integer(hc, 'startPeriod', hp, '0'),
      };
    }
    let log: LogSpec | undefined;
    const lc = this.object(node, 'logConfiguration', path, '{ "logDriver": "awslogs", "options": { ... } }');
    if (lc) {
      const lp = [...path, 'logConfiguration'];
      this.checkKeys(lc, lp, LOG_FIELDS, 'a log configuration');
      const options = this.object(lc, 'options', lp, '{ "awslogs-group": "/ecs/my-task" }');
      const op = [...lp, 'options'];
      if (options && options.type === 'object') {
        for (const o of options.properties) {
          if (o.value.type !== 'string') {
            this.report.error([...op, o.key], 'JSON_TYPE', `Log options are text: write ${asText(o.value)}, in double quotes.`);
          }
        }
      }
      // Non-text options were reported just above: read the ones the rules need without repeating that.
      const option = (key: string): Field<string> => {
        const value = propertyOf(options, key)?.value;
        if (!value || value.type === 'null') return field<string>(undefined, [...op, key]);
        if (value.type === 'string') return field(value.value, [...op, key]);
        return { value: undefined, path: [...op, key], unreadable: true };
      };
      const createGroup = option(AWSLOGS_CREATE_GROUP);
      let createGroupValue: boolean | undefined;
      if (createGroup.value !== undefined) {
        if (createGroup.value === 'true') createGroupValue = true;
        else if (createGroup.value === 'false') createGroupValue = false;
        else this.report.error(createGroup.path, 'LOG_CREATE_GROUP_INVALID', `awslogs-create-group is "true" or "false", not ${quote(createGroup.value)}.`);
      }
      log = {
        path: lp,
        driver: this.string(lc, 'logDriver', lp, '"awslogs"'),
        group: option(AWSLOGS_GROUP),
        groupDefaulted: false,
        region: option(AWSLOGS_REGION),
        streamPrefix: option(AWSLOGS_STREAM_PREFIX),
        createGroup: { value: createGroupValue, path: createGroup.path, unreadable: createGroup.unreadable },
      };
    }
    return {
      path,
      name: this.string(node, 'name', path, '"web"'),
      image: this.string(node, 'image', path, '"nginx:1.27"'),
      essential: this.boolean(node, 'essential', path),
      memoryReservation: this.integer(node, 'memoryReservation', path, '512'),
      memory: this.integer(node, 'memory', path, '1024'),
      ports,
      environment,
      secrets,
      healthCheck,
      log,
    };
  }

  task(root: JsonNode): TaskSpec {
    this.checkKeys(root, [], REQUEST_FIELDS, 'a RegisterTaskDefinition request', DESCRIBED_FIELDS);
    const compat = this.stringList(root, 'requiresCompatibilities', [], '["FARGATE"]');
    const platform = this.object(root, 'runtimePlatform', [], '{ "operatingSystemFamily": "LINUX", "cpuArchitecture": "X86_64" }');
    if (platform) this.checkKeys(platform, ['runtimePlatform'], RUNTIME_PLATFORM_FIELDS, 'runtimePlatform');
    const size = (key: 'cpu' | 'memory'): Field<number> => {
      const p = propertyOf(root, key);
      const at: Segs = [key];
      if (!p || p.value.type === 'null') return field<number>(undefined, at);
      const example = key === 'cpu' ? '"1024"' : '"3072"';
      if (p.value.type === 'number') {
        this.report.error(at, 'JSON_TYPE', `${key} is text in the RegisterTaskDefinition API: write "${p.value.value}", in double quotes.`);
        return { value: undefined, path: at, unreadable: true };
      }
      if (p.value.type !== 'string') {
        this.typeError(p.value, at, key, 'text in double quotes', example);
        return { value: undefined, path: at, unreadable: true };
      }
      const parsed = key === 'cpu' ? parseCpuUnits(p.value.value) : parseMemoryMiB(p.value.value);
      if (parsed === undefined) {
        this.report.error(at, key === 'cpu' ? 'CPU_INVALID' : 'MEMORY_INVALID', key === 'cpu'
          ? `${quote(p.value.value)} isn't a CPU size: use CPU units such as "1024", or vCPUs such as "1 vCPU".`
          : `${quote(p.value.value)} isn't a memory size: use MiB such as "3072", or GB such as "3 GB".`);
        return { value: undefined, path: at, unreadable: true };
      }
      return field(parsed, at);
    };
    const containersProperty = propertyOf(root, 'containerDefinitions');
    let containers: ContainerSpec[] = [];
    let containersUnreadable = false;
    if (!containersProperty) {
      this.report.error(['containerDefinitions'], 'CONTAINERS_REQUIRED', 'The request needs containerDefinitions: a list with at least one container.');
      containersUnreadable = true;
    } else {
      const list = this.list(root, 'containerDefinitions', [], 'object', '[{ "name": "web", "image": "nginx:1.27" }]');
      containers = list.items.map(({ node, path }) => this.container(node, path));
      containersUnreadable = list.unreadable || !list.node;
    }
    const tags: TagSpec[] = this.list(root, 'tags', [], 'object', '[{ "key": "team", "value": "web" }]').items.map(({ node, path }) => {
      this.checkKeys(node, path, new Set(['key', 'value']), 'a tag');
      return { path, key: this.string(node, 'key', path, '"team"'), value: this.string(node, 'value', path, '"web"') };
    });
    const spec: TaskSpec = {
      source: 'json',
      family: this.string(root, 'family', [], '"demo-ecs-task"'),
      compatibilities: compat.field,
      networkMode: this.string(root, 'networkMode', [], '"awsvpc"'),
      operatingSystemFamily: this.string(platform, 'operatingSystemFamily', ['runtimePlatform'], '"LINUX"'),
      cpuArchitecture: this.string(platform, 'cpuArchitecture', ['runtimePlatform'], '"X86_64"'),
      cpu: size('cpu'),
      memory: size('memory'),
      taskRoleArn: this.string(root, 'taskRoleArn', [], '"arn:aws:iam::123456789012:role/my-task-role"'),
      executionRoleArn: this.string(root, 'executionRoleArn', [], '"arn:aws:iam::123456789012:role/ecsTaskExecutionRole"'),
      containersPath: ['containerDefinitions'],
      containers,
      containersUnreadable,
      tagsPath: ['tags'],
      tags,
    };
    return spec;
  }
}
