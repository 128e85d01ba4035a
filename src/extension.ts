/** Wiring only: build the services, register views and commands. No AWS call, no SDK import. */
import * as vscode from 'vscode';
import type { EcsStudioApi } from './api';
import { isAwsLoaded } from './awsModule';
import { registerCommands } from './commands/registerCommands';
import { AwsContext } from './connection/awsContext';
import { ConnectionStore } from './connection/connectionStore';
import { registerConnectionStatusBar } from './connection/statusBar';
import { EcsDocuments } from './documents/ecsDocuments';
import { HistoryStore } from './history/historyStore';
import { countsAsProblem } from './doctor/severity';
import { DOCUMENT_SCHEME, REPORT_SCHEME, serviceKeyOfService } from './model/documentPaths';
import { DoctorCodeActions } from './problems/codeActions';
import { CheckResults } from './problems/checkResults';
import { DoctorDiagnostics } from './problems/doctorDiagnostics';
import { LanguageModelTools } from './problems/languageModelTools';
import { registerProblemCount } from './problems/problemStatusBar';
import { ProblemsProvider } from './problems/problemsProvider';
import { ReportDocuments } from './problems/reportDocuments';
import { ClustersProvider } from './tree/clustersProvider';
import { NetworkProvider } from './tree/networkProvider';
import { registerAutoRefresh } from './tree/registerAutoRefresh';
import type { ServiceHealth } from './tree/serviceHealth';
import { TaskDefinitionsProvider } from './tree/taskDefinitionsProvider';
import { runningProgress } from './ui/progress';
import { UserInputHost } from './ui/userInput';
import { ServiceForms } from './webviews/serviceForms';
import { ServiceMaps } from './webviews/serviceMaps';
import { TaskDefinitionForms } from './webviews/taskDefinitionForms';
import { createLog } from './ui/log';

export function activate(context: vscode.ExtensionContext): EcsStudioApi {
  const started = performance.now();
  const log = createLog();
  const connections = new ConnectionStore(context.workspaceState);
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  const aws = new AwsContext(connections, ['ecs-studio', version]);
  // Failed tasks remembered after ECS forgets them (read on first use, not at activation).
  const history = new HistoryStore(context.globalStorageUri.fsPath, log);
  const checkResults = new CheckResults(aws, history);
  const clusters = new ClustersProvider(aws, serviceHealth(checkResults), history);
  const clustersView = clusters.createView();
  const taskDefinitions = new TaskDefinitionsProvider(aws);
  const taskDefinitionsView = taskDefinitions.createView();
  const network = new NetworkProvider(aws);
  const networkView = network.createView();
  const userInput = new UserInputHost();
  const taskDefinitionForms = new TaskDefinitionForms({
    aws, userInput, log, extensionUri: context.extensionUri, taskDefinitions, taskDefinitionsView,
  });
  const serviceForms = new ServiceForms({ aws, userInput, log, extensionUri: context.extensionUri, clusters });
  const serviceMaps = new ServiceMaps({ log, extensionUri: context.extensionUri });
  const documents = new EcsDocuments(aws);
  const problems = new ProblemsProvider(aws, checkResults, history);
  const problemsView = problems.createView();
  const reports = new ReportDocuments(checkResults, history);
  // The doctor's read-only tools for chat agents: registered now, the AWS layer loads on first use.
  const languageModelTools = new LanguageModelTools(aws, connections);

  context.subscriptions.push(
    log,
    connections,
    aws,
    history,
    clusters,
    clustersView,
    taskDefinitions,
    taskDefinitionsView,
    network,
    networkView,
    taskDefinitionForms,
    serviceForms,
    serviceMaps,
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
    languageModelTools,
    ...registerCommands({ aws, connections, clusters, taskDefinitions, network, userInput, log, taskDefinitionForms, serviceForms, documents, checkResults, problems, history, serviceMaps }),
  );

  const activateMs = performance.now() - started;
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
      activateMs: () => activateMs,
      taskDefinitionForm: () => taskDefinitionForms.active,
      serviceForm: () => serviceForms.active,
      serviceMap: () => serviceMaps.active,
      useServiceFormBackend: (backend) => serviceForms.useBackend(backend),
      useServiceWatchTiming: (timing) => serviceForms.useWatchTiming(timing),
      runningProgress,
      logUri: context.logUri,
      prepareLanguageModelTool: (name, input) => languageModelTools.prepareNamed(name, input),
      historySettled: () => history.file.settled(),
    },
  };
}

/** The Clusters view's view of the doctor: a service checked with no problem is not marked failing. */
function serviceHealth(results: CheckResults): ServiceHealth {
  return {
    checkedClean: (service) => {
      const diagnosis = results.get(serviceKeyOfService(service));
      return diagnosis !== undefined && !diagnosis.report.problems.some(countsAsProblem);
    },
    onDidChange: results.onDidChange,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
