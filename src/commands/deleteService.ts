import * as vscode from 'vscode';
import { deleteServiceConfirmation } from '../forms/changeConfirmations';
import { awsErrorInfo } from '../util/awsErrorInfo';
import type { CommandContext } from './commandContext';
import { serviceTarget, withChangeProgress } from './itemSupport';

/**
 * Deletes a service after a modal confirmation. AWS refuses to delete a service scaled above
 * 0, so it is scaled to 0 first (UpdateService), then deleted (DeleteService); when the second
 * step fails, the message says the first one happened.
 */
export async function deleteService(ctx: CommandContext, node?: unknown): Promise<void> {
  const target = await serviceTarget(ctx, node);
  if (!target) return;
  const session = await ctx.aws.current();
  const service = (await session.ecs.describeService(target.service.clusterArn, target.service.arn)) ?? target.service;
  const scaleFirst = service.desiredCount > 0;
  const { message, detail, action } = deleteServiceConfirmation(service);
  const choice = await ctx.userInput.input.confirm(message, { modal: true, detail }, action);
  if (choice !== action) return;

  // Not cancellable: stopping between the two steps would leave a service scaled to 0 for nothing.
  await withChangeProgress(vscode.l10n.t('Deleting service {0}…', service.name), async () => {
    if (scaleFirst) {
      await session.ecs.updateServiceDesiredCount(service.clusterArn, service.arn, 0);
      ctx.log.info(`Scaled ${service.arn} to 0 before deleting it`);
    }
    try {
      await session.ecs.deleteService(service.clusterArn, service.arn);
    } catch (err) {
      if (!scaleFirst) throw err;
      // Show the service as it now is: scaled to 0.
      ctx.clusters.refresh(target.node?.parent);
      const info = awsErrorInfo(err);
      throw new Error(vscode.l10n.t(
        'Service "{0}" was scaled to 0 tasks (its desired count was {1}), but it was not deleted: {2}',
        service.name, service.desiredCount, info.message,
      ));
    }
  }, false);
  ctx.log.info(`Deleted service ${service.arn}`);
  // The service leaves its cluster's list.
  ctx.clusters.refresh(target.node?.parent);
}
