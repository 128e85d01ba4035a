/**
 * Task definitions as the Task Definitions view (and later the form) needs them: plain data,
 * and the short texts the view shows. Pure, so the labels are unit-tested directly.
 */

import type { Page } from './cluster';

/** Which revisions a list asks for; ListTaskDefinitions knows no "all". */
export type TaskDefinitionStatus = 'ACTIVE' | 'INACTIVE';

/** Which families ListTaskDefinitionFamilies returns: ACTIVE ones have at least one ACTIVE revision. */
export type TaskDefinitionFamilyStatus = 'ACTIVE' | 'INACTIVE' | 'ALL';

export interface TaskDefinitionPortMapping {
  readonly containerPort: number | undefined;
  readonly hostPort: number | undefined;
  /** `tcp` or `udp`. */
  readonly protocol: string | undefined;
  readonly name: string | undefined;
  /** `http`, `http2`, `grpc`. */
  readonly appProtocol: string | undefined;
  /** `8000-8010`, when the mapping is a range. */
  readonly containerPortRange: string | undefined;
}

export interface TaskDefinitionLogConfiguration {
  readonly logDriver: string;
  readonly options: Readonly<Record<string, string>>;
}

export interface TaskDefinitionContainer {
  readonly name: string;
  readonly image: string;
  readonly portMappings: readonly TaskDefinitionPortMapping[];
  readonly logConfiguration: TaskDefinitionLogConfiguration | undefined;
  /** AWS's default is true. */
  readonly essential: boolean;
  readonly memory: number | undefined;
  readonly memoryReservation: number | undefined;
}

export interface TaskDefinition {
  readonly arn: string;
  readonly family: string;
  readonly revision: number;
  /** `ACTIVE`, `INACTIVE` or `DELETE_IN_PROGRESS`. */
  readonly status: string;
  /** CPU units as text (`1024`), when set at task level. */
  readonly cpu: string | undefined;
  /** MiB as text (`3072`), when set at task level. */
  readonly memory: string | undefined;
  readonly runtimePlatform: { readonly cpuArchitecture: string | undefined; readonly operatingSystemFamily: string | undefined } | undefined;
  readonly executionRoleArn: string | undefined;
  readonly taskRoleArn: string | undefined;
  readonly networkMode: string | undefined;
  readonly requiresCompatibilities: readonly string[];
  readonly containers: readonly TaskDefinitionContainer[];
  readonly registeredAt: Date | undefined;
}

/**
 * `family:revision` of a task definition ARN
 * (arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REV), or the input when it is not one.
 */
export function taskDefinitionLeaf(arnOrName: string): string {
  const slash = arnOrName.indexOf(':task-definition/');
  return slash >= 0 ? arnOrName.slice(slash + ':task-definition/'.length) : arnOrName;
}

/** The family and revision number of an ARN or `family:rev`; revision NaN when it has none. */
export function parseTaskDefinitionLeaf(arnOrName: string): { family: string; revision: number } {
  const leaf = taskDefinitionLeaf(arnOrName);
  const colon = leaf.lastIndexOf(':');
  if (colon < 0) return { family: leaf, revision: Number.NaN };
  return { family: leaf.slice(0, colon), revision: Number(leaf.slice(colon + 1)) };
}

function trimNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** CPU units as a person reads them: 1024 -> "1 vCPU", 256 -> "0.25 vCPU". Undefined for no or bad input. */
export function cpuLabel(cpu: string | undefined): string | undefined {
  const units = Number(cpu);
  if (cpu === undefined || cpu.trim() === '' || !Number.isFinite(units) || units <= 0) return undefined;
  return `${trimNumber(units / 1024)} vCPU`;
}

/** MiB as a person reads them: 3072 -> "3 GB", 512 -> "512 MB", 1536 -> "1.5 GB" (the console's units). */
export function memoryLabel(memory: string | undefined): string | undefined {
  const mib = Number(memory);
  if (memory === undefined || memory.trim() === '' || !Number.isFinite(mib) || mib <= 0) return undefined;
  return mib < 1024 ? `${trimNumber(mib)} MB` : `${trimNumber(mib / 1024)} GB`;
}

/** "1 vCPU · 3 GB"; one side only when the other is not set at task level; '' when neither is. */
export function taskSizeLabel(td: Pick<TaskDefinition, 'cpu' | 'memory'>): string {
  return [cpuLabel(td.cpu), memoryLabel(td.memory)].filter(Boolean).join(' · ');
}

/** "ARM64", "X86_64 · WINDOWS_SERVER_2022_CORE"; LINUX is not named (it is the default). */
export function architectureLabel(td: Pick<TaskDefinition, 'runtimePlatform'>): string | undefined {
  const platform = td.runtimePlatform;
  if (!platform) return undefined;
  const os = platform.operatingSystemFamily && platform.operatingSystemFamily !== 'LINUX' ? platform.operatingSystemFamily : undefined;
  const parts = [platform.cpuArchitecture, os].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** "8080/tcp", "80→8080/tcp" (host to container), "8000-8010/udp", "8080/tcp (http)". */
export function portMappingLabel(p: TaskDefinitionPortMapping): string {
  const protocol = p.protocol ?? 'tcp';
  const container = p.containerPortRange ?? (p.containerPort !== undefined ? String(p.containerPort) : '?');
  const host = p.hostPort !== undefined && p.hostPort !== 0 && p.hostPort !== p.containerPort ? `${p.hostPort}→` : '';
  const app = p.appProtocol ? ` (${p.appProtocol})` : '';
  return `${host}${container}/${protocol}${app}`;
}

/** Every port mapping of a container, comma-separated; '' when it has none. */
export function portsLabel(container: Pick<TaskDefinitionContainer, 'portMappings'>): string {
  return container.portMappings.map(portMappingLabel).join(', ');
}

/**
 * Pages ACTIVE revisions, then (when asked) INACTIVE ones: the token says which list it
 * continues (`A:` or `I:`); when the ACTIVE list ends, the same page starts the INACTIVE one.
 */
export async function revisionsPage<T>(
  fetch: (status: TaskDefinitionStatus, nextToken: string | undefined) => Promise<Page<T>>,
  showInactive: boolean,
  token: string | undefined,
): Promise<Page<T>> {
  const status: TaskDefinitionStatus = token?.startsWith('I:') ? 'INACTIVE' : 'ACTIVE';
  const inner = token ? token.slice(2) || undefined : undefined;
  const page = await fetch(status, inner);
  if (page.nextToken !== undefined) return { items: page.items, nextToken: `${status === 'ACTIVE' ? 'A' : 'I'}:${page.nextToken}` };
  if (status === 'INACTIVE' || !showInactive) return { items: page.items, nextToken: undefined };
  const inactive = await fetch('INACTIVE', undefined);
  return {
    items: [...page.items, ...inactive.items],
    nextToken: inactive.nextToken !== undefined ? `I:${inactive.nextToken}` : undefined,
  };
}
