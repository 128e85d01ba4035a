/**
 * Where a container's awslogs output goes, read from its task definition, and how a page of
 * log events reads in the editor. Pure.
 *
 * The awslogs driver writes to group `awslogs-group` in `awslogs-region`, stream
 * `PREFIX/CONTAINER/TASK_ID` when `awslogs-stream-prefix` is set (Fargate requires it).
 */

export interface LogConfigurationLike {
  readonly logDriver: string;
  readonly options: Readonly<Record<string, string>>;
}

export interface ContainerLogSource {
  readonly group: string;
  readonly region: string;
  readonly stream: string;
}

export type LogSourceProblem =
  /** The task definition has no container of that name. */
  | 'noContainer'
  /** The container logs with no driver, or another driver than awslogs (e.g. awsfirelens, splunk). */
  | 'notAwslogs'
  | 'noGroup'
  /** Without a stream prefix the stream is named after the Docker container id, which ECS does not report. */
  | 'noStreamPrefix';

export type LogSourceResult =
  | { readonly ok: true; readonly source: ContainerLogSource }
  | { readonly ok: false; readonly problem: LogSourceProblem; readonly driver?: string };

export function containerLogSource(
  containers: ReadonlyArray<{ readonly name: string; readonly logConfiguration: LogConfigurationLike | undefined }>,
  containerName: string,
  taskId: string,
  defaultRegion: string,
): LogSourceResult {
  const container = containers.find((c) => c.name === containerName);
  if (!container) return { ok: false, problem: 'noContainer' };
  const config = container.logConfiguration;
  if (!config || config.logDriver !== 'awslogs') {
    return config ? { ok: false, problem: 'notAwslogs', driver: config.logDriver } : { ok: false, problem: 'notAwslogs' };
  }
  const group = config.options['awslogs-group']?.trim();
  if (!group) return { ok: false, problem: 'noGroup' };
  const prefix = config.options['awslogs-stream-prefix']?.trim();
  if (!prefix) return { ok: false, problem: 'noStreamPrefix' };
  const region = config.options['awslogs-region']?.trim() || defaultRegion;
  return { ok: true, source: { group, region, stream: logStreamName(prefix, containerName, taskId) } };
}

/** `PREFIX/CONTAINER/TASK_ID`, the stream awslogs writes a Fargate container to. */
export function logStreamName(prefix: string, containerName: string, taskId: string): string {
  return `${prefix}/${containerName}/${taskId}`;
}

export interface LogEvent {
  readonly timestamp: number | undefined;
  readonly message: string;
}

/** One line per event: the ISO time, then the message without its trailing line break. */
export function formatLogEvents(events: readonly LogEvent[]): string {
  return events
    .map((e) => `${e.timestamp !== undefined ? new Date(e.timestamp).toISOString() : '-'.padEnd(24)}  ${e.message.replace(/\r?\n$/, '')}`)
    .join('\n');
}
