import * as vscode from 'vscode';
import { stopTaskConfirmation } from '../forms/changeConfirmations';
import { checkStopReason, DEFAULT_STOP_REASON } from '../forms/itemInputs';
import { serviceNameOfTask } from '../model/ecs';
import { ServiceNode } from '../tree/serviceNode';
import type { TreeNode } from '../tree/treeNode';
import type { CommandContext } from './commandContext';
import { askChecked, stopReasonMessage, taskTarget, withChangeProgress } from './itemSupport';

/** Stops a task with a reason (at most 255 characters), after a modal confirmation. */
export async function stopTask(ctx: CommandContext, node?: unknown): Promise<void> {
  const target = await taskTarget(ctx, node);
  if (!target) return;
  const { task } = target;
  const service = serviceNameOfTask(task);
  const reason = await askChecked(ctx, {
    title: vscode.l10n.t('Stop Task {0}', task.id),
    prompt: vscode.l10n.t('Reason, shown with the stopped task (up to 255 characters)'),
    value: DEFAULT_STOP_REASON,
  }, checkStopReason, stopReasonMessage);
  if (reason === undefined) return;
  const { message, detail, action } = stopTaskConfirmation({ ...task, service, reason });
  const choice = await ctx.userInput.input.confirm(message, { modal: true, detail }, action);
  if (choice !== action) return;
  const session = await ctx.aws.current();
  await withChangeProgress(vscode.l10n.t('Stopping task {0}…', task.id), (signal) => session.ecs.stopTask(task.clusterArn, task.arn, reason, { signal }));
  ctx.log.info(`Stopped task ${task.arn}`);
  // The task leaves its running list: reload the service's lists (both), or the task's own list.
  const owner = target.node ? serviceOf(target.node) ?? target.node.parent : undefined;
  ctx.clusters.refresh(owner);
}

function serviceOf(node: TreeNode): ServiceNode | undefined {
  for (let n: TreeNode | undefined = node; n; n = n.parent) if (n instanceof ServiceNode) return n;
  return undefined;
}
