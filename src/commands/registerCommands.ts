/**
 * The one table of commands. Every command runs through `runCommand`: AWS errors become a
 * message with "Show Log", cancellations stay silent, and details go to the log (redacted).
 */
import * as vscode from 'vscode';
import { awsErrorInfo, signInMayHelp } from '../util/awsErrorInfo';
import type { CommandContext } from './commandContext';
import type { CommandId } from './commandIds';
import { clearHistory } from './clearHistory';
import { copyArn } from './copyArn';
import { createCluster } from './createCluster';
import { createService } from './createService';
import { createTaskDefinition } from './createTaskDefinition';
import { createTaskDefinitionFromImage } from './createTaskDefinitionFromImage';
import { newTaskDefinitionRevision } from './newTaskDefinitionRevision';
import { registerTaskDefinitionFromJson } from './registerTaskDefinitionFromJson';
import { deleteService } from './deleteService';
import { diagnoseService } from './diagnoseService';
import { explainProblem } from './explainProblem';
import { fixAllProblems } from './fixAllProblems';
import { fixProblem } from './fixProblem';
import { openProblemDocs } from './openProblemDocs';
import { openServiceReport } from './openServiceReport';
import { quickFixInReport } from './quickFixInReport';
import { refreshProblems } from './refreshProblems';
import { forceNewDeployment } from './forceNewDeployment';
import { hideInactiveRevisions } from './hideInactiveRevisions';
import { loadOlderLogEvents } from './loadOlderLogEvents';
import { openInBrowser } from './openInBrowser';
import { openInConsole } from './openInConsole';
import { refreshDocument } from './refreshDocument';
import { refreshNetwork } from './refreshNetwork';
import { refreshNode } from './refreshNode';
import { refreshTaskDefinitions } from './refreshTaskDefinitions';
import { selectProfile } from './selectProfile';
import { selectRegion } from './selectRegion';
import { signIn } from './signIn';
import { showContainerLogs } from './showContainerLogs';
import { showServiceMap } from './showServiceMap';
import { showInactiveRevisions } from './showInactiveRevisions';
import { stopTask } from './stopTask';
import { loadMore, refreshClusters, retryNode, showLog } from './treeCommands';
import { updateDesiredCount } from './updateDesiredCount';
import { viewAsJson } from './viewAsJson';

type CommandFn = (ctx: CommandContext, ...args: unknown[]) => Promise<void>;

/** Exactly one function per id of commandIds.ts (a missing or unknown id does not compile). */
export const COMMANDS: Readonly<Record<CommandId, CommandFn>> = {
  'ecsStudio.selectProfile': selectProfile,
  'ecsStudio.selectRegion': selectRegion,
  'ecsStudio.refreshClusters': refreshClusters,
  'ecsStudio.loadMore': loadMore,
  'ecsStudio.retryNode': retryNode,
  'ecsStudio.showLog': showLog,
  'ecsStudio.refreshTaskDefinitions': refreshTaskDefinitions,
  'ecsStudio.showInactiveRevisions': showInactiveRevisions,
  'ecsStudio.hideInactiveRevisions': hideInactiveRevisions,
  'ecsStudio.refreshNetwork': refreshNetwork,
  // The task definition form and the JSON path.
  'ecsStudio.createTaskDefinition': createTaskDefinition,
  'ecsStudio.createTaskDefinitionFromImage': createTaskDefinitionFromImage,
  'ecsStudio.newTaskDefinitionRevision': newTaskDefinitionRevision,
  'ecsStudio.registerTaskDefinitionFromJson': registerTaskDefinitionFromJson,
  // Item commands: a node from the context menu, or (palette) the resource asked for.
  'ecsStudio.refreshNode': refreshNode,
  'ecsStudio.copyArn': copyArn,
  'ecsStudio.openInConsole': openInConsole,
  'ecsStudio.viewAsJson': viewAsJson,
  'ecsStudio.refreshDocument': refreshDocument,
  'ecsStudio.createCluster': createCluster,
  'ecsStudio.updateDesiredCount': updateDesiredCount,
  'ecsStudio.forceNewDeployment': forceNewDeployment,
  'ecsStudio.stopTask': stopTask,
  'ecsStudio.deleteService': deleteService,
  'ecsStudio.showContainerLogs': showContainerLogs,
  'ecsStudio.loadOlderLogEvents': loadOlderLogEvents,
  // The doctor.
  'ecsStudio.diagnoseService': diagnoseService,
  'ecsStudio.openServiceReport': openServiceReport,
  'ecsStudio.fixProblem': fixProblem,
  'ecsStudio.fixAllProblems': fixAllProblems,
  'ecsStudio.explainProblem': explainProblem,
  'ecsStudio.openProblemDocs': openProblemDocs,
  'ecsStudio.quickFixInReport': quickFixInReport,
  'ecsStudio.refreshProblems': refreshProblems,
  'ecsStudio.showServiceMap': showServiceMap,
  // The service form.
  'ecsStudio.createService': createService,
  'ecsStudio.openInBrowser': openInBrowser,
  'ecsStudio.signIn': signIn,
  // The failure history.
  'ecsStudio.clearHistory': clearHistory,
};

export async function runCommand(id: string, fn: CommandFn, ctx: CommandContext, args: unknown[]): Promise<void> {
  try {
    await fn(ctx, ...args);
  } catch (err) {
    const info = awsErrorInfo(err);
    if (info.kind === 'cancelled') return;
    ctx.log.error(`${id}: ${info.message}${info.detail ? `\n${info.detail}` : ''}`);
    const showLogAction = vscode.l10n.t('Show Log');
    const signInAction = vscode.l10n.t('Sign In to AWS (SSO)');
    // An expired session or expired credentials: the way out is one click away.
    const actions = signInMayHelp(info) ? [signInAction, showLogAction] : [showLogAction];
    // Not awaited: the command is over once the message shows. A message with a button stays
    // until it is dismissed, and callers (a test, another command) must not wait for that.
    const input = ctx.userInput.input;
    const shown = input.error ? input.error(info.message, ...actions) : vscode.window.showErrorMessage(info.message, ...actions);
    void Promise.resolve(shown).then((choice) => {
      if (choice === showLogAction) ctx.log.show(true);
      if (choice === signInAction) void vscode.commands.executeCommand('ecsStudio.signIn');
    });
  }
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, fn]) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand(id, fn, ctx, args)),
  );
}
