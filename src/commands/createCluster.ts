import * as vscode from 'vscode';
import { checkClusterName } from '../forms/itemInputs';
import type { CommandContext } from './commandContext';
import { askChecked, clusterNameMessage, withChangeProgress } from './itemSupport';
import { walkthroughStepDone } from '../ui/walkthrough';

/**
 * "Create Cluster" (Clusters view title): a Fargate cluster with the FARGATE and FARGATE_SPOT
 * capacity providers, FARGATE by default. The name is checked before any AWS call.
 */
export async function createCluster(ctx: CommandContext): Promise<void> {
  const session = await ctx.aws.current();
  const name = await askChecked(ctx, {
    title: vscode.l10n.t('Create Cluster in {0}', session.connection.region),
    prompt: vscode.l10n.t('Cluster name: up to 255 letters, numbers, hyphens and underscores'),
    placeHolder: 'my-cluster',
  }, checkClusterName, clusterNameMessage);
  if (name === undefined) return;
  const cluster = await withChangeProgress(vscode.l10n.t('Creating cluster {0}…', name), (signal) => session.ecs.createCluster(name, { signal }));
  ctx.log.info(`Created cluster ${cluster.arn}`);
  walkthroughStepDone('clusterCreated');
  await ctx.clusters.revealCluster(cluster.arn);
}
