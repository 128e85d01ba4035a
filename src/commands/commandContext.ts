import type * as vscode from 'vscode';
import type { AwsContext } from '../connection/awsContext';
import type { ConnectionStore } from '../connection/connectionStore';
import type { ClustersProvider } from '../tree/clustersProvider';
import type { UserInputHost } from '../ui/userInput';

/** What every command may use; built once in extension.ts. */
export interface CommandContext {
  readonly aws: AwsContext;
  readonly connections: ConnectionStore;
  readonly clusters: ClustersProvider;
  readonly userInput: UserInputHost;
  readonly log: vscode.LogOutputChannel;
}
