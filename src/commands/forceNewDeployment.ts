import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';
import { serviceTarget, showServiceChanged, withChangeProgress } from './itemSupport';

/** Starts a new deployment of a service with its current task definition, after a modal confirmation. */
export async function forceNewDeployment(ctx: CommandContext, node?: unknown): Promise<void> {
  const target = await serviceTarget(ctx, node);
  if (!target) return;
  const { service } = target;
  const action = vscode.l10n.t('Force New Deployment');
  const choice = await ctx.userInput.input.confirm(
    vscode.l10n.t('Force a new deployment of service "{0}"?', service.name),
    {
      modal: true,
      detail: vscode.l10n.t('ECS starts new tasks from the current task definition and stops the running ones as the new ones become healthy. Images tagged like "latest" are pulled again.'),
    },
    action,
  );
  if (choice !== action) return;
  const session = await ctx.aws.current();
  const updated = await withChangeProgress(
    vscode.l10n.t('Starting a new deployment of {0}…', service.name),
    (signal) => session.ecs.forceNewDeployment(service.clusterArn, service.arn, { signal }),
  );
  ctx.log.info(`Forced a new deployment of ${service.arn}`);
  showServiceChanged(ctx, target, updated);
}
