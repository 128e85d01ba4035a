/** Wiring only: build the services, register views and commands. No AWS call, no SDK import. */
import * as vscode from 'vscode';
import type { EcsStudioApi } from './api';
import { isAwsLoaded } from './awsModule';
import { registerCommands } from './commands/registerCommands';
import { AwsContext } from './connection/awsContext';
import { ConnectionStore } from './connection/connectionStore';
import { registerConnectionStatusBar } from './connection/statusBar';
import { EcsDocuments } from './documents/ecsDocuments';
import { DOCUMENT_SCHEME, REPORT_SCHEME } from './model/documentPaths';
import { CheckResults } from './problems/checkResults';
import { DoctorCodeActions } from './problems/codeActions';
import { DoctorDiagnostics } from './problems/doctorDiagnostics';
import { registerProblemCount } from './problems/problemStatusBar';
import { PROBLEMS_VIEW_ID, ProblemsProvider } from './problems/problemsProvider';
import { ReportDocuments } from './problems/reportDocuments';
import { CLUSTERS_VIEW_ID, ClustersProvider } from './tree/clustersProvider';
import { NETWORK_VIEW_ID, NetworkProvider } from './tree/networkProvider';
import { registerAutoRefresh } from './tree/registerAutoRefresh';
import { TASK_DEFINITIONS_VIEW_ID, TaskDefinitionsProvider } from './tree/taskDefinitionsProvider';
import { UserInputHost } from './ui/userInput';
import { TaskDefinitionForms } from './webviews/taskDefinitionForms';
import { createLog } from './util/log';

export function activate(context: vscode.ExtensionContext): EcsStudioApi {
  const log = createLog();
  const connections = new ConnectionStore(context.workspaceState);
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  const aws = new AwsContext(connections, ['ecs-studio', version]);
  const checkResults = new CheckResults(aws);
  const clusters = new ClustersProvider(aws, checkResults);
  const clustersView = vscode.window.createTreeView(CLUSTERS_VIEW_ID, { treeDataProvider: clusters, showCollapseAll: true });
  clusters.attach(clustersView);
  const taskDefinitions = new TaskDefinitionsProvider(aws);
  const taskDefinitionsView = vscode.window.createTreeView(TASK_DEFINITIONS_VIEW_ID, { treeDataProvider: taskDefinitions, showCollapseAll: true });
  const network = new NetworkProvider(aws);
  const networkView = vscode.window.createTreeView(NETWORK_VIEW_ID, { treeDataProvider: network, showCollapseAll: true });
  const userInput = new UserInputHost();
  const taskDefinitionForms = new TaskDefinitionForms({
    aws, userInput, log, extensionUri: context.extensionUri, taskDefinitions, taskDefinitionsView,
  });
  const documents = new EcsDocuments(aws);
  const problems = new ProblemsProvider(aws, checkResults);
  const problemsView = vscode.window.createTreeView(PROBLEMS_VIEW_ID, { treeDataProvider: problems, showCollapseAll: true });
  problems.attach(problemsView);
  const reports = new ReportDocuments(checkResults);

  context.subscriptions.push(
    log,
    connections,
    aws,
    clusters,
    clustersView,
    taskDefinitions,
    taskDefinitionsView,
    network,
    networkView,
    taskDefinitionForms,
    registerConnectionStatusBar(connections),
    // Optional (ecsStudio.autoRefreshSeconds); each view polls only while it is visible.
    registerAutoRefresh(clustersView, () => clusters.refresh()),
    registerAutoRefresh(taskDefinitionsView, () => taskDefinitions.refresh()),
    registerAutoRefresh(networkView, () => network.refresh()),
    documents,
    vscode.workspace.registerTextDocumentContentProvider(DOCUMENT_SCHEME, documents),
    // The doctor: its Problems view, the report documents, their diagnostics and quick fixes.
    checkResults,
    problems,
    problemsView,
    registerAutoRefresh(problemsView, () => problems.refresh()),
    reports,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    new DoctorDiagnostics(checkResults),
    vscode.languages.registerCodeActionsProvider({ scheme: REPORT_SCHEME }, new DoctorCodeActions(checkResults), DoctorCodeActions.metadata),
    registerProblemCount(checkResults, problemsView),
    ...registerCommands({ aws, connections, clusters, taskDefinitions, network, userInput, log, taskDefinitionForms, documents, checkResults, problems }),
  );

  return {
    connections,
    clusters,
    taskDefinitions,
    network,
    checkResults,
    problems,
    testing: {
      useUserInput: (input) => userInput.use(input),
      isAwsLoaded,
      taskDefinitionForm: () => taskDefinitionForms.active,
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
