// Reading a RegisterTaskDefinition request typed as JSON into the rules' TaskSpec. What can't
// even be read is reported here, at its JSON path: a field of the wrong type (with the value
// written the right way), an unknown field (with the closest known name), a repeated key. Fields
// that only describe an existing registration are skipped (describedOutput.ts says so once). Also
// read: what names another container or a volume, and what keeps the task off Fargate. The rules
// then run on what was read. Pure module: no vscode, no AWS SDK.

import { DESCRIBED_ONLY_FIELDS } from '../model/ecsRequest';
import { parseCpuUnits, parseMemoryMiB } from '../model/fargateSizes';
import { quote } from '../util/wording';
import { JsonFieldReader, asText } from './jsonFieldReader';
import { propertyOf, toValue } from './jsonLocator';
import type { JsonNode } from './jsonLocator';
import { readLogConfiguration } from './readLogConfigurationJson';
import { field } from './taskSpec';
import type { ContainerSpec, DependencySpec, Field, HealthCheckSpec, PairSpec, PortSpec, ReferenceSpec, TagSpec, TaskSpec } from './taskSpec';
import type { Report, Segs } from './validationIssues';

export { TYPE_NAMES } from './jsonFieldReader';

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
/** A property's value, without reporting anything: for what only shapes a warning. */
function valueAt(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return propertyOf(node, key)?.value;
}

function textAt(node: JsonNode | undefined, key: string): string | undefined {
  const v = valueAt(node, key);
  return v?.type === 'string' ? v.value : undefined;
}

const MOUNT_POINT_FIELDS = new Set(['sourceVolume', 'containerPath', 'readOnly']);
const VOLUME_FROM_FIELDS = new Set(['sourceContainer', 'readOnly']);
const DEPENDENCY_FIELDS = new Set(['containerName', 'condition']);
const PROXY_FIELDS = new Set(['type', 'containerName', 'properties']);
const RUNTIME_PLATFORM_FIELDS = new Set(['cpuArchitecture', 'operatingSystemFamily']);

class JsonReader extends JsonFieldReader {
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
        containerPortRange: this.string(p, 'containerPortRange', pp, '"8000-8100"'),
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
    const secrets = this.secretList(node, 'secrets', path);
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
    const log = readLogConfiguration(this, node, path);
    const { references, dependsOn } = this.references(node, path);
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
      references,
      dependsOn,
      firelens: this.object(node, 'firelensConfiguration', path, '{ "type": "fluentbit" }') !== undefined,
    };
  }

  /** The volumes and other containers this container names. */
  references(node: JsonNode, path: Segs): { references: ReferenceSpec[]; dependsOn: DependencySpec[] } {
    const references: ReferenceSpec[] = [];
    for (const { node: m, path: mp } of this.list(node, 'mountPoints', path, 'object', '[{ "sourceVolume": "data", "containerPath": "/data" }]').items) {
      this.checkKeys(m, mp, MOUNT_POINT_FIELDS, 'a mount point');
      references.push({ target: 'volume', via: 'mountPoints', name: this.string(m, 'sourceVolume', mp, '"data"') });
    }
    for (const { node: v, path: vp } of this.list(node, 'volumesFrom', path, 'object', '[{ "sourceContainer": "app" }]').items) {
      this.checkKeys(v, vp, VOLUME_FROM_FIELDS, 'a volumesFrom entry');
      references.push({ target: 'container', via: 'volumesFrom', name: this.string(v, 'sourceContainer', vp, '"app"') });
    }
    for (const { node: l, path: lp } of this.list(node, 'links', path, 'string', '["db:database"]').items) {
      // "name" or "name:alias": the part before the colon is the container.
      const text = l.type === 'string' ? l.value : '';
      references.push({ target: 'container', via: 'links', name: field(text.split(':')[0], lp) });
    }
    const dependsOn: DependencySpec[] = this.list(node, 'dependsOn', path, 'object', '[{ "containerName": "init", "condition": "SUCCESS" }]').items.map(({ node: d, path: dp }) => {
      this.checkKeys(d, dp, DEPENDENCY_FIELDS, 'a dependsOn entry');
      const containerName = this.string(d, 'containerName', dp, '"init"');
      references.push({ target: 'container', via: 'dependsOn', name: containerName });
      return { path: dp, containerName, condition: this.string(d, 'condition', dp, '"START"') };
    });
    return { references, dependsOn };
  }

  /** What in a container keeps its task off Fargate. */
  ec2OnlyInContainer(node: JsonNode, label: string): string[] {
    const out: string[] = [];
    const requirements = valueAt(node, 'resourceRequirements');
    if (requirements?.type === 'array' && requirements.items.some((r) => textAt(r, 'type') === 'GPU')) out.push(`a GPU in ${label}`);
    if (valueAt(node, 'privileged')?.type === 'boolean' && toValue(valueAt(node, 'privileged') as JsonNode) === true) out.push(`privileged mode in ${label}`);
    const devices = valueAt(valueAt(node, 'linuxParameters'), 'devices');
    if (devices?.type === 'array' && devices.items.length > 0) out.push(`host devices in ${label}`);
    const links = valueAt(node, 'links');
    if (links?.type === 'array' && links.items.length > 0) out.push(`links in ${label}`);
    return out;
  }

  /** What at the task level keeps it off Fargate: placement constraints, accelerators, host or Docker volumes, the IPC namespace. */
  ec2OnlyInTask(root: JsonNode): string[] {
    const out: string[] = [];
    const nonEmpty = (key: string): boolean => {
      const v = propertyOf(root, key)?.value;
      return v?.type === 'array' && v.items.length > 0;
    };
    if (nonEmpty('placementConstraints')) out.push('placement constraints');
    if (nonEmpty('inferenceAccelerators')) out.push('inference accelerators');
    const ipc = textAt(root, 'ipcMode');
    if (ipc !== undefined) out.push(`ipcMode ${ipc}`);
    if (textAt(root, 'pidMode') === 'host') out.push('pidMode host');
    const volumes = valueAt(root, 'volumes');
    for (const v of volumes?.type === 'array' ? volumes.items : []) {
      if (textAt(valueAt(v, 'host'), 'sourcePath') !== undefined) out.push('a host path volume');
      if (valueAt(v, 'dockerVolumeConfiguration')?.type === 'object') out.push('a Docker volume');
      if (valueAt(v, 'fsxWindowsFileServerVolumeConfiguration')?.type === 'object') out.push('an FSx for Windows File Server volume');
    }
    return out;
  }

  /** The task's volume names; undefined when there's no readable list to hold a mount point's volume. */
  volumeNames(root: JsonNode): Array<Field<string>> | undefined {
    const list = this.list(root, 'volumes', [], 'object', '[{ "name": "data" }]');
    if (list.unreadable) return undefined;
    return list.items.map(({ node, path }) => this.string(node, 'name', path, '"data"'));
  }

  hostPaths(root: JsonNode): Array<Field<string>> {
    const volumes = valueAt(root, 'volumes');
    if (volumes?.type !== 'array') return [];
    return volumes.items.flatMap((v, i) => {
      const host = this.object(v, 'host', ['volumes', i], '{ "sourcePath": "/data" }');
      const path = this.string(host, 'sourcePath', ['volumes', i, 'host'], '"/data"');
      return path.value === undefined ? [] : [path];
    });
  }

  proxyReferences(root: JsonNode): ReferenceSpec[] {
    const proxy = this.object(root, 'proxyConfiguration', [], '{ "type": "APPMESH", "containerName": "envoy", "properties": [...] }');
    if (!proxy) return [];
    this.checkKeys(proxy, ['proxyConfiguration'], PROXY_FIELDS, 'proxyConfiguration');
    return [{ target: 'container', via: 'proxyConfiguration', name: this.string(proxy, 'containerName', ['proxyConfiguration'], '"envoy"') }];
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
    let containerNodes: Array<{ node: JsonNode; path: Segs }> = [];
    if (!containersProperty) {
      this.report.error(['containerDefinitions'], 'CONTAINERS_REQUIRED', 'The request needs containerDefinitions: a list with at least one container.');
      containersUnreadable = true;
    } else {
      const list = this.list(root, 'containerDefinitions', [], 'object', '[{ "name": "web", "image": "nginx:1.27" }]');
      containerNodes = list.items;
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
      volumeNames: this.volumeNames(root),
      hostPaths: this.hostPaths(root),
      references: this.proxyReferences(root),
      ec2Only: [...this.ec2OnlyInTask(root), ...containerNodes.flatMap(({ node, path }, i) => this.ec2OnlyInContainer(node, containers[i]?.name.value ?? `container ${Number(path[1]) + 1}`))],
    };
    return spec;
  }
}
