import * as vscode from 'vscode';
import { NoLogsError } from '../documents/ecsDocuments';
import { clusterNameFromArn } from '../model/cluster';
import { ContainerNode } from '../tree/taskNode';
import type { CommandContext } from './commandContext';
import { withChangeProgress } from './itemSupport';

/**
 * A container's latest CloudWatch log events (200) in a read-only document, from the awslogs
 * settings of its task's task definition; "Load Older Log Events" pages back.
 */
export async function showContainerLogs(ctx: CommandContext, node?: unknown): Promise<void> {
  if (!(node instanceof ContainerNode)) return;
  const session = await ctx.aws.current();
  const uri = ctx.documents.logsUri({
    region: session.connection.region,
    cluster: clusterNameFromArn(node.task.clusterArn),
    taskId: node.task.id,
    container: node.container.name,
  });
  try {
    await withChangeProgress(vscode.l10n.t('Reading the logs of {0}…', node.container.name), (signal) => ctx.documents.loadLatestLogs(uri, signal));
  } catch (err) {
    if (!(err instanceof NoLogsError)) throw err;
    ctx.log.info(err.message);
    void vscode.window.showInformationMessage(err.message);
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
}
