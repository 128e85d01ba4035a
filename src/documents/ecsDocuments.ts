/**
 * ECS Studio's read-only documents (scheme `ecs-studio`): a resource as its describe call
 * returns it (JSON), and a container's recent CloudWatch log events. Content is loaded by the
 * commands (with progress and error messages) and kept here; "Refresh" and "Load older"
 * load again and fire onDidChange. A document reopened after a reload loads from its path.
 */
import * as vscode from 'vscode';
import type { AwsSession } from '../awsModule';
import type { AwsContext } from '../connection/awsContext';
import { containerLogSource, formatLogEvents, type ContainerLogSource, type LogEvent, type LogSourceResult } from '../model/containerLogs';
import {
  DOCUMENT_SCHEME,
  logsDocumentPath,
  parseLogsDocumentPath,
  parseResourceDocumentPath,
  resourceDocumentPath,
  type LogsDocument,
  type ResourceDocument,
} from '../model/documentPaths';
import { targetLabel, type DescribeTarget } from '../model/resources';

/** Events shown when a log document opens, and added by each "Load older". */
export const LOG_EVENTS_PAGE = 200;

interface LogsState {
  readonly source: ContainerLogSource;
  events: LogEvent[];
  /** The token for older events; undefined once AWS has no older ones. */
  olderToken: string | undefined;
}

/** Why a container's logs can't be shown, in words. */
export class NoLogsError extends Error {
  override readonly name = 'NoLogsError';
}

export class EcsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly json = new Map<string, string>();
  private readonly logs = new Map<string, LogsState>();
  private readonly closing: vscode.Disposable;

  constructor(private readonly aws: AwsContext) {
    // A closed document forgets its content; reopened, it loads again.
    this.closing = vscode.workspace.onDidCloseTextDocument((document) => {
      if (document.uri.scheme !== DOCUMENT_SCHEME) return;
      this.json.delete(document.uri.toString());
      this.logs.delete(document.uri.toString());
    });
  }

  static uriOf(path: string): vscode.Uri {
    return vscode.Uri.from({ scheme: DOCUMENT_SCHEME, path });
  }

  // --- resources as JSON ----------------------------------------------------------------------

  resourceUri(region: string, target: DescribeTarget): vscode.Uri {
    return EcsDocuments.uriOf(resourceDocumentPath(region, target));
  }

  /** Describes the resource of a JSON document (again) and shows the result. */
  async loadResource(uri: vscode.Uri, signal?: AbortSignal): Promise<void> {
    const doc = parseResourceDocumentPath(uri.path);
    if (!doc) throw new Error(vscode.l10n.t('{0} is not an ECS Studio resource document.', uri.toString()));
    this.json.set(uri.toString(), await this.describe(doc, signal));
    this.changed.fire(uri);
  }

  private async describe(doc: ResourceDocument, signal?: AbortSignal): Promise<string> {
    const session = (await this.aws.current()).forRegion(doc.region);
    const json = await session.ecs.describeJson(doc.target, { signal });
    if (!json) {
      throw new Error(vscode.l10n.t('{0} "{1}" was not found in {2}.', doc.target.kind, targetLabel(doc.target), doc.region));
    }
    return JSON.stringify(json, null, 2) + '\n';
  }

  // --- container logs -------------------------------------------------------------------------

  logsUri(doc: LogsDocument): vscode.Uri {
    return EcsDocuments.uriOf(logsDocumentPath(doc));
  }

  /** Reads the latest events of a container's stream; throws NoLogsError when there is none to read. */
  async loadLatestLogs(uri: vscode.Uri, signal?: AbortSignal): Promise<void> {
    const doc = parseLogsDocumentPath(uri.path);
    if (!doc) throw new Error(vscode.l10n.t('{0} is not an ECS Studio log document.', uri.toString()));
    const root = await this.aws.current();
    const source = await this.logSource(root.forRegion(doc.region), doc, signal);
    const page = await root.forRegion(source.region).logs.getLogEvents({ group: source.group, stream: source.stream, limit: LOG_EVENTS_PAGE }, { signal });
    if (!page) {
      throw new NoLogsError(vscode.l10n.t(
        'No log stream "{0}" in log group "{1}" ({2}): the container has not written any logs yet, or they have expired.',
        source.stream, source.group, source.region,
      ));
    }
    this.logs.set(uri.toString(), { source, events: [...page.events], olderToken: page.nextBackwardToken });
    this.changed.fire(uri);
  }

  /** Adds the page of events before the oldest shown; false when there are no older ones. */
  async loadOlderLogs(uri: vscode.Uri, signal?: AbortSignal): Promise<boolean> {
    const state = this.logs.get(uri.toString());
    if (!state) {
      await this.loadLatestLogs(uri, signal);
      return true;
    }
    if (!state.olderToken) return false;
    const session = (await this.aws.current()).forRegion(state.source.region);
    const page = await session.logs.getLogEvents(
      { group: state.source.group, stream: state.source.stream, limit: LOG_EVENTS_PAGE, nextToken: state.olderToken },
      { signal },
    );
    // AWS answers the last page with the token it was given and no events.
    const token = page?.nextBackwardToken;
    const older = page?.events ?? [];
    state.olderToken = older.length > 0 && token !== state.olderToken ? token : undefined;
    if (older.length === 0) return false;
    state.events = [...older, ...state.events];
    this.changed.fire(uri);
    return true;
  }

  private async logSource(session: AwsSession, doc: LogsDocument, signal?: AbortSignal): Promise<ContainerLogSource> {
    const [task] = await session.ecs.describeTasks(doc.cluster, [doc.taskId], { signal });
    if (!task) throw new NoLogsError(vscode.l10n.t('Task {0} was not found in cluster {1}.', doc.taskId, doc.cluster));
    const taskDefinition = await session.taskDefinitions.describeTaskDefinition(task.taskDefinitionArn, { signal });
    const found = containerLogSource(taskDefinition.containers, doc.container, doc.taskId, doc.region);
    if (!found.ok) throw new NoLogsError(logSourceProblem(found, doc.container, taskDefinition.family, taskDefinition.revision));
    return found.source;
  }

  // --- the provider ---------------------------------------------------------------------------

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    if (parseLogsDocumentPath(uri.path)) {
      if (!this.logs.has(key)) await this.loadLatestLogs(uri);
      return this.renderLogs(this.logs.get(key)!);
    }
    if (!this.json.has(key)) await this.loadResource(uri);
    return this.json.get(key) ?? '';
  }

  private renderLogs(state: LogsState): string {
    const { source, events } = state;
    const header = vscode.l10n.t('Log group {0} · stream {1} · {2} · {3} events', source.group, source.stream, source.region, events.length);
    const more = state.olderToken ? vscode.l10n.t('Older events: "Load Older Log Events" in the editor title.') : vscode.l10n.t('No older events.');
    const body = events.length > 0 ? formatLogEvents(events) : vscode.l10n.t('No log events in this stream.');
    return `# ${header}\n# ${more}\n${body}\n`;
  }

  dispose(): void {
    this.closing.dispose();
    this.changed.dispose();
  }
}

function logSourceProblem(result: Extract<LogSourceResult, { ok: false }>, container: string, family: string, revision: number): string {
  const td = `${family}:${revision}`;
  switch (result.problem) {
    case 'noContainer':
      return vscode.l10n.t('Task definition {0} has no container "{1}".', td, container);
    case 'notAwslogs':
      return result.driver
        ? vscode.l10n.t('Container "{0}" sends its logs with the {1} driver, not awslogs (task definition {2}): ECS Studio can only show CloudWatch Logs written by awslogs.', container, result.driver, td)
        : vscode.l10n.t('Container "{0}" has no log configuration in task definition {1}: its output is not kept. Add the awslogs driver to see it.', container, td);
    case 'noGroup':
      return vscode.l10n.t('Container "{0}" uses awslogs without "awslogs-group" (task definition {1}).', container, td);
    case 'noStreamPrefix':
      return vscode.l10n.t('Container "{0}" uses awslogs without "awslogs-stream-prefix" (task definition {1}): its stream is named after the Docker container id, which ECS Studio cannot know.', container, td);
  }
}
