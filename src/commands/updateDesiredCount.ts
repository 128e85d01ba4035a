import * as vscode from 'vscode';
import { scaleToZeroConfirmation } from '../forms/changeConfirmations';
import { checkDesiredCount } from '../forms/itemInputs';
import type { CommandContext } from './commandContext';
import { askChecked, desiredCountMessage, serviceTarget, showServiceChanged, withChangeProgress } from './itemSupport';

/** Sets a service's desired count (a whole number 0..10000), showing the current one; 0 asks first. */
export async function updateDesiredCount(ctx: CommandContext, node?: unknown): Promise<void> {
  const target = await serviceTarget(ctx, node);
  if (!target) return;
  const session = await ctx.aws.current();
  // The count as it is now, not as the tree last saw it.
  const service = (await session.ecs.describeService(target.service.clusterArn, target.service.arn)) ?? target.service;
  const count = await askChecked(ctx, {
    title: vscode.l10n.t('Desired Count of {0}', service.name),
    prompt: vscode.l10n.t('Current desired count: {0} ({1} running, {2} pending). New desired count (0 to 10000):', service.desiredCount, service.runningCount, service.pendingCount),
    value: String(service.desiredCount),
  }, checkDesiredCount, desiredCountMessage);
  if (count === undefined || count === service.desiredCount) return;
  if (count === 0) {
    // Every task stops: ask first, and say how to scale back.
    const { message, detail, action } = scaleToZeroConfirmation(service);
    if ((await ctx.userInput.input.confirm(message, { modal: true, detail }, action)) !== action) return;
  }
  const updated = await withChangeProgress(
    vscode.l10n.t('Setting the desired count of {0} to {1}…', service.name, count),
    (signal) => session.ecs.updateServiceDesiredCount(service.clusterArn, service.arn, count, { signal }),
  );
  ctx.log.info(`Desired count of ${service.arn}: ${service.desiredCount} -> ${updated.desiredCount}`);
  showServiceChanged(ctx, target, updated);
}
