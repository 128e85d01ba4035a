/**
 * Paths of ECS Studio's read-only documents (scheme `ecs-studio`). Each path says everything
 * needed to load its content again, so a document reopened after a reload still works:
 *   /REGION/cluster/NAME.json            /REGION/service/CLUSTER/NAME.json
 *   /REGION/task/CLUSTER/ID.json         /REGION/task-definition/FAMILY/REVISION.json
 *   /logs/REGION/CLUSTER/TASK_ID/CONTAINER.log
 * Names of clusters, services, families and containers are letters, digits, `-` and `_`;
 * they are still percent-encoded, so a path always parses back to what made it.
 */
import { clusterNameFromArn } from './cluster';
import type { Service } from './ecs';
import type { DescribeTarget } from './resources';

export const DOCUMENT_SCHEME = 'ecs-studio';

export interface ResourceDocument {
  readonly region: string;
  readonly target: DescribeTarget;
}

export interface LogsDocument {
  readonly region: string;
  readonly cluster: string;
  readonly taskId: string;
  readonly container: string;
}

const enc = encodeURIComponent;

export function resourceDocumentPath(region: string, target: DescribeTarget): string {
  switch (target.kind) {
    case 'cluster': return `/${enc(region)}/cluster/${enc(target.cluster)}.json`;
    case 'service': return `/${enc(region)}/service/${enc(target.cluster)}/${enc(target.service)}.json`;
    case 'task': return `/${enc(region)}/task/${enc(target.cluster)}/${enc(target.taskId)}.json`;
    case 'taskDefinition': return `/${enc(region)}/task-definition/${enc(target.family)}/${target.revision}.json`;
  }
}

export function logsDocumentPath(doc: LogsDocument): string {
  return `/logs/${enc(doc.region)}/${enc(doc.cluster)}/${enc(doc.taskId)}/${enc(doc.container)}.log`;
}

function segments(path: string, suffix: string): string[] | undefined {
  if (!path.startsWith('/') || !path.endsWith(suffix)) return undefined;
  try {
    const parts = path.slice(1, -suffix.length).split('/').map(decodeURIComponent);
    return parts.every((p) => p.length > 0) ? parts : undefined;
  } catch {
    return undefined; // a malformed escape: not one of ours
  }
}

export function parseResourceDocumentPath(path: string): ResourceDocument | undefined {
  const parts = segments(path, '.json');
  if (!parts) return undefined;
  const [region, kind, a, b] = parts;
  if (!region || !a) return undefined;
  if (kind === 'cluster' && parts.length === 3) return { region, target: { kind: 'cluster', cluster: a } };
  if (kind === 'service' && parts.length === 4 && b) return { region, target: { kind: 'service', cluster: a, service: b } };
  if (kind === 'task' && parts.length === 4 && b) return { region, target: { kind: 'task', cluster: a, taskId: b } };
  if (kind === 'task-definition' && parts.length === 4 && b && /^\d+$/.test(b)) {
    return { region, target: { kind: 'taskDefinition', family: a, revision: Number(b) } };
  }
  return undefined;
}

export function parseLogsDocumentPath(path: string): LogsDocument | undefined {
  const parts = segments(path, '.log');
  if (!parts || parts.length !== 5 || parts[0] !== 'logs') return undefined;
  const [, region, cluster, taskId, container] = parts as [string, string, string, string, string];
  return { region, cluster, taskId, container };
}

// --- the doctor's service reports (scheme `ecs-studio-doctor`) ---------------------------------

export const REPORT_SCHEME = 'ecs-studio-doctor';

/** A service the doctor checks: cluster and service by name. */
export interface ServiceKey {
  readonly region: string;
  readonly cluster: string;
  readonly service: string;
}

/** `/REGION/CLUSTER/SERVICE.md`: a Markdown-highlighted read-only report. */
export function serviceReportPath(key: ServiceKey): string {
  return `/${enc(key.region)}/${enc(key.cluster)}/${enc(key.service)}.md`;
}

export function parseServiceReportPath(path: string): ServiceKey | undefined {
  const parts = segments(path, '.md');
  if (!parts || parts.length !== 3) return undefined;
  const [region, cluster, service] = parts as [string, string, string];
  return { region, cluster, service };
}

/** One string per service, for maps. */
export function serviceKeyId(key: ServiceKey): string {
  return serviceReportPath(key);
}

export function isServiceKey(value: unknown): value is ServiceKey {
  const v = value as Partial<ServiceKey> | undefined;
  return typeof v === 'object' && v !== null && typeof v.region === 'string' && typeof v.cluster === 'string' && typeof v.service === 'string' &&
    v.region.length > 0 && v.cluster.length > 0 && v.service.length > 0;
}

/** The doctor's key of a service: its region (from the ARN), cluster and name. */
export function serviceKeyOfService(service: Pick<Service, 'arn' | 'clusterArn' | 'name'>): ServiceKey {
  return { region: service.arn.split(':')[3] ?? '', cluster: clusterNameFromArn(service.clusterArn), service: service.name };
}
