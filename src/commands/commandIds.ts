/**
 * The id of every command ECS Studio registers, in package.json's order. No vscode import: the
 * unit test test/unit/commands/commandIds.test.ts checks this list against package.json's
 * `contributes.commands` and menus, and registerCommands.ts's table is typed by it
 * (`Record<CommandId, ...>`), so the table, this list and the manifest can't drift apart.
 */
export const COMMAND_IDS = [
  'ecsStudio.selectProfile',
  'ecsStudio.selectRegion',
  'ecsStudio.refreshClusters',
  'ecsStudio.loadMore',
  'ecsStudio.showLog',
  'ecsStudio.retryNode',
  'ecsStudio.refreshTaskDefinitions',
  'ecsStudio.showInactiveRevisions',
  'ecsStudio.hideInactiveRevisions',
  'ecsStudio.refreshNetwork',
  'ecsStudio.refreshNode',
  'ecsStudio.copyArn',
  'ecsStudio.openInConsole',
  'ecsStudio.viewAsJson',
  'ecsStudio.refreshDocument',
  'ecsStudio.createCluster',
  'ecsStudio.updateDesiredCount',
  'ecsStudio.forceNewDeployment',
  'ecsStudio.stopTask',
  'ecsStudio.deleteService',
  'ecsStudio.showContainerLogs',
  'ecsStudio.loadOlderLogEvents',
  'ecsStudio.createTaskDefinition',
  'ecsStudio.newTaskDefinitionRevision',
  'ecsStudio.registerTaskDefinitionFromJson',
  'ecsStudio.createTaskDefinitionFromImage',
  'ecsStudio.diagnoseService',
  'ecsStudio.openServiceReport',
  'ecsStudio.fixProblem',
  'ecsStudio.fixAllProblems',
  'ecsStudio.explainProblem',
  'ecsStudio.openProblemDocs',
  'ecsStudio.refreshProblems',
  'ecsStudio.quickFixInReport',
  'ecsStudio.showServiceMap',
  'ecsStudio.createService',
  'ecsStudio.openInBrowser',
  'ecsStudio.signIn',
  'ecsStudio.clearHistory',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
