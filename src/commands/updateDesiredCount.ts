import * as vscode from 'vscode';
import { checkDesiredCount } from '../forms/itemInputs';
import type { CommandContext } from './commandContext';
import { desiredCountMessage, serviceTarget, showServiceChanged, withChangeProgress } from './itemSupport';

/** Sets a service's desired count (a whole number 0..10000), showing the current one. */
export async function updateDesiredCount(ctx: CommandContext, node?: unknown): Promise<void> {
  const target = await serviceTarget(ctx, node);
  if (!target) return;
  const session = await ctx.aws.current();
  // The count as it is now, not as the tree last saw it.
  const service = (await session.ecs.describeService(target.service.clusterArn, target.service.arn)) ?? target.service;
  const answer = await ctx.userInput.input.text({
    title: vscode.l10n.t('Desired Count of {0}', service.name),
    prompt: vscode.l10n.t('Current desired count: {0} ({1} running, {2} pending). New desired count (0 to 10000):', service.desiredCount, service.runningCount, service.pendingCount),
    value: String(service.desiredCount),
    validateInput: (value) => {
      const checked = checkDesiredCount(value);
      return checked.ok ? undefined : desiredCountMessage(checked.problem);
    },
  });
  if (answer === undefined) return;
  const checked = checkDesiredCount(answer);
  if (!checked.ok) {
    void vscode.window.showErrorMessage(desiredCountMessage(checked.problem));
    return;
  }
  if (checked.value === service.desiredCount) return;
  const updated = await withChangeProgress(
    vscode.l10n.t('Setting the desired count of {0} to {1}…', service.name, checked.value),
    (signal) => session.ecs.updateServiceDesiredCount(service.clusterArn, service.arn, checked.value, { signal }),
  );
  ctx.log.info(`Desired count of ${service.arn}: ${service.desiredCount} -> ${updated.desiredCount}`);
  showServiceChanged(ctx, target, updated);
}
