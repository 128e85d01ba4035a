import type * as vscode from 'vscode';
import type { AwsContext } from '../connection/awsContext';
import type { ConnectionStore } from '../connection/connectionStore';
import type { EcsDocuments } from '../documents/ecsDocuments';
import type { HistoryStore } from '../history/historyStore';
import type { CheckResults } from '../problems/checkResults';
import type { ProblemsProvider } from '../problems/problemsProvider';
import type { ClustersProvider } from '../tree/clustersProvider';
import type { NetworkProvider } from '../tree/networkProvider';
import type { TaskDefinitionsProvider } from '../tree/taskDefinitionsProvider';
import type { UserInputHost } from '../ui/userInput';
import type { ServiceForms } from '../webviews/serviceForms';
import type { ServiceMaps } from '../webviews/serviceMaps';
import type { TaskDefinitionForms } from '../webviews/taskDefinitionForms';

/** What every command may use; built once in extension.ts. */
export interface CommandContext {
  readonly aws: AwsContext;
  readonly connections: ConnectionStore;
  readonly clusters: ClustersProvider;
  readonly taskDefinitions: TaskDefinitionsProvider;
  readonly network: NetworkProvider;
  readonly userInput: UserInputHost;
  readonly log: vscode.LogOutputChannel;
  /** The task definition forms and the JSON registration (src/webviews). */
  readonly taskDefinitionForms: TaskDefinitionForms;
  /** The service forms (src/webviews). */
  readonly serviceForms: ServiceForms;
  /** The read-only `ecs-studio:` documents (resources as JSON, container logs). */
  readonly documents: EcsDocuments;
  /** The doctor's latest check of each service (checks run through it too). */
  readonly checkResults: CheckResults;
  /** The Problems view (rechecks after deployments while it shows). */
  readonly problems: ProblemsProvider;
  /** The failed tasks remembered after ECS forgets them. */
  readonly history: HistoryStore;
  /** The service maps (src/webviews). */
  readonly serviceMaps: ServiceMaps;
}
