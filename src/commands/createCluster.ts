import * as vscode from 'vscode';
import { checkClusterName } from '../forms/itemInputs';
import type { CommandContext } from './commandContext';
import { clusterNameMessage, withChangeProgress } from './itemSupport';
import { walkthroughStepDone } from '../ui/walkthrough';

/**
 * "Create Cluster" (Clusters view title): a Fargate cluster with the FARGATE and FARGATE_SPOT
 * capacity providers, FARGATE by default. The name is checked before any AWS call.
 */
export async function createCluster(ctx: CommandContext): Promise<void> {
  const session = await ctx.aws.current();
  const answer = await ctx.userInput.input.text({
    title: vscode.l10n.t('Create Cluster in {0}', session.connection.region),
    prompt: vscode.l10n.t('Cluster name: up to 255 letters, numbers, hyphens and underscores'),
    placeHolder: 'my-cluster',
    validateInput: (value) => {
      const checked = checkClusterName(value);
      return checked.ok ? undefined : clusterNameMessage(checked.problem, checked.detail);
    },
  });
  if (answer === undefined) return;
  const checked = checkClusterName(answer);
  if (!checked.ok) {
    void vscode.window.showErrorMessage(clusterNameMessage(checked.problem, checked.detail));
    return;
  }
  const name = checked.value;
  const cluster = await withChangeProgress(vscode.l10n.t('Creating cluster {0}…', name), (signal) => session.ecs.createCluster(name, { signal }));
  ctx.log.info(`Created cluster ${cluster.arn}`);
  walkthroughStepDone('clusterCreated');
  await ctx.clusters.revealCluster(cluster.arn);
}
