import * as vscode from 'vscode';
import { forceNewDeploymentConfirmation } from '../forms/changeConfirmations';
import type { CommandContext } from './commandContext';
import { serviceTarget, showServiceChanged, withChangeProgress } from './itemSupport';

/** Starts a new deployment of a service with its current task definition, after a modal confirmation. */
export async function forceNewDeployment(ctx: CommandContext, node?: unknown): Promise<void> {
  const target = await serviceTarget(ctx, node);
  if (!target) return;
  const { service } = target;
  const { message, detail, action } = forceNewDeploymentConfirmation(service);
  const choice = await ctx.userInput.input.confirm(message, { modal: true, detail }, action);
  if (choice !== action) return;
  const session = await ctx.aws.current();
  const updated = await withChangeProgress(
    vscode.l10n.t('Starting a new deployment of {0}…', service.name),
    (signal) => session.ecs.forceNewDeployment(service.clusterArn, service.arn, { signal }),
  );
  ctx.log.info(`Forced a new deployment of ${service.arn}`);
  showServiceChanged(ctx, target, updated);
}
