import type * as vscode from 'vscode';
import type { ConnectionStore } from './connection/connectionStore';
import type { CheckResults } from './problems/checkResults';
import type { ToolConfirmation } from './problems/languageModelTools';
import type { ProblemsProvider } from './problems/problemsProvider';
import type { ClustersProvider } from './tree/clustersProvider';
import type { NetworkProvider } from './tree/networkProvider';
import type { TaskDefinitionsProvider } from './tree/taskDefinitionsProvider';
import type { RunningProgress } from './ui/progress';
import type { UserInput } from './ui/userInput';
import type { ServiceFormBackend } from './webviews/serviceFormBackend';
import type { ServiceFormPanel } from './webviews/serviceFormPanel';
import type { ServiceMapPanel } from './webviews/serviceMapPanel';
import type { TaskDefinitionFormPanel } from './webviews/taskDefinitionPanel';

/**
 * What `activate` returns. Extension tests use it to read the views' providers and to
 * answer the questions the extension asks (only user input is ever faked).
 */
export interface EcsStudioApi {
  readonly connections: ConnectionStore;
  readonly clusters: ClustersProvider;
  readonly taskDefinitions: TaskDefinitionsProvider;
  readonly network: NetworkProvider;
  /** The doctor's latest check of each service, and the Problems view. */
  readonly checkResults: CheckResults;
  readonly problems: ProblemsProvider;
  readonly testing: {
    /** Answers quick picks, input boxes and confirmations until the returned disposable is disposed. */
    useUserInput(input: UserInput): vscode.Disposable;
    /** Whether the lazily loaded AWS layer has been loaded in this extension host. */
    isAwsLoaded(): boolean;
    /** How long this extension's own `activate()` took, in ms (the bench sets it beside the host's share). */
    activateMs(): number;
    /** The task definition form opened or focused last: tests send it the webview's messages. */
    taskDefinitionForm(): TaskDefinitionFormPanel | undefined;
    /** The service form opened or focused last: tests send it the webview's messages. */
    serviceForm(): ServiceFormPanel | undefined;
    /** The service map opened or focused last: tests send it the webview's messages. */
    serviceMap(): ServiceMapPanel | undefined;
    /** Service forms opened from now on use this preflight and creation, until disposed. */
    useServiceFormBackend(backend: ServiceFormBackend): vscode.Disposable;
    /** The watch after a service form's Create polls with `timing` until disposed (default every 15 s for 10 minutes). */
    useServiceWatchTiming(timing: { readonly pollMs: number; readonly watchMs: number }): vscode.Disposable;
    /** The cancellable progress notifications on show now: `cancel()` does what their Cancel button does. */
    runningProgress(): readonly RunningProgress[];
    /** The extension's log folder (its log channel's file); the extension host's own log is next to it. */
    readonly logUri: vscode.Uri;
    /** What a language model tool's prepareInvocation says (its confirmation), by its VS Code name. */
    prepareLanguageModelTool(name: string, input: unknown): Promise<ToolConfirmation>;
    /** Resolves when every failure seen so far is remembered and written (the views do not wait for it). */
    historySettled(): Promise<void>;
  };
}
