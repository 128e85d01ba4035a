/**
 * What the item commands share: a notification progress whose cancel aborts the AWS call,
 * an input box checked as it is typed and once more when accepted, the wording of input
 * problems, and the quick picks that find the resource when a command
 * runs from the palette (cluster, then service or task), as the tree would have given it.
 */
import * as vscode from 'vscode';
import type { Checked, ClusterNameProblem, DesiredCountProblem, StopReasonProblem } from '../forms/itemInputs';
import { CLUSTER_NAME_MAX, DESIRED_COUNT_MAX, STOP_REASON_MAX } from '../forms/itemInputs';
import { clusterNameFromArn } from '../model/cluster';
import { serviceKeyOfService } from '../model/documentPaths';
import { arnLeaf, type Service, type Task } from '../model/ecs';
import { ServiceNode } from '../tree/serviceNode';
import { TaskNode } from '../tree/taskNode';
import type { CommandContext } from './commandContext';

export { withChangeProgress } from '../ui/progress';

/**
 * Asks for a value in an input box that words its problem as it is typed (`check`, then
 * `message`), and checks the accepted answer once more, showing its problem as an error.
 * Undefined when the box was dismissed or the answer refused.
 */
export async function askChecked<T, P extends string>(
  ctx: CommandContext,
  options: vscode.InputBoxOptions,
  check: (text: string) => Checked<T, P>,
  message: (problem: P, detail: string | undefined) => string,
): Promise<T | undefined> {
  const answer = await ctx.userInput.input.text({
    // A name being typed survives a notification or a view taking the focus (the box would
    // otherwise close and the command end without a word).
    ignoreFocusOut: true,
    ...options,
    validateInput: (value) => {
      const checked = check(value);
      return checked.ok ? undefined : message(checked.problem, checked.detail);
    },
  });
  if (answer === undefined) return undefined;
  const checked = check(answer);
  if (!checked.ok) {
    void vscode.window.showErrorMessage(message(checked.problem, checked.detail));
    return undefined;
  }
  return checked.value;
}

export function clusterNameMessage(problem: ClusterNameProblem, detail: string | undefined): string {
  switch (problem) {
    case 'empty': return vscode.l10n.t('Enter a cluster name.');
    case 'tooLong': return vscode.l10n.t('A cluster name has at most {0} characters (this one has {1}).', CLUSTER_NAME_MAX, detail ?? '');
    case 'badCharacters': return vscode.l10n.t('A cluster name has only letters, numbers, hyphens and underscores (not {0}).', detail ?? '');
  }
}

export function desiredCountMessage(problem: DesiredCountProblem): string {
  switch (problem) {
    case 'empty': return vscode.l10n.t('Enter a number of tasks.');
    case 'notInteger': return vscode.l10n.t('Enter a whole number from 0 to {0}.', DESIRED_COUNT_MAX);
    case 'outOfRange': return vscode.l10n.t('The desired count is at most {0}.', DESIRED_COUNT_MAX);
  }
}

export function stopReasonMessage(problem: StopReasonProblem, detail: string | undefined): string {
  switch (problem) {
    case 'tooLong': return vscode.l10n.t('A reason has at most {0} characters (this one has {1}).', STOP_REASON_MAX, detail ?? '');
  }
}

// --- finding the resource when the palette gives no node ----------------------------------------

interface ArnItem extends vscode.QuickPickItem {
  readonly arn: string;
}

/** Asks for one of the region's clusters; undefined when the question was dismissed. */
export async function pickClusterArn(ctx: CommandContext): Promise<string | undefined> {
  const session = await ctx.aws.current();
  const arns = await session.ecs.listAllClusterArns();
  if (arns.length === 0) throw new Error(vscode.l10n.t('There are no clusters in {0}.', session.connection.region));
  const items = arns.map((arn): ArnItem => ({ label: clusterNameFromArn(arn), arn })).sort((a, b) => a.label.localeCompare(b.label));
  const choice = await ctx.userInput.input.pick(items, { title: vscode.l10n.t('Cluster'), placeHolder: vscode.l10n.t('Choose a cluster') });
  return choice?.arn;
}

/** The service of a service node, or one asked for (cluster, then service) and described. */
export async function serviceTarget(ctx: CommandContext, node: unknown): Promise<{ service: Service; node: ServiceNode | undefined } | undefined> {
  if (node instanceof ServiceNode) return { service: node.service, node };
  const cluster = await pickClusterArn(ctx);
  if (!cluster) return undefined;
  const session = await ctx.aws.current();
  const arns = await session.ecs.listAllServiceArns(cluster);
  if (arns.length === 0) throw new Error(vscode.l10n.t('Cluster {0} has no services.', clusterNameFromArn(cluster)));
  const items = arns.map((arn): ArnItem => ({ label: arnLeaf(arn), arn })).sort((a, b) => a.label.localeCompare(b.label));
  const choice = await ctx.userInput.input.pick(items, { title: vscode.l10n.t('Service'), placeHolder: vscode.l10n.t('Choose a service of {0}', clusterNameFromArn(cluster)) });
  if (!choice) return undefined;
  const service = await session.ecs.describeService(cluster, choice.arn);
  if (!service) throw new Error(vscode.l10n.t('Service {0} was not found.', choice.label));
  return { service, node: undefined };
}

/** The task of a task node, or a running task asked for (cluster, then task). */
export async function taskTarget(ctx: CommandContext, node: unknown): Promise<{ task: Task; node: TaskNode | undefined } | undefined> {
  if (node instanceof TaskNode) return { task: node.task, node };
  const cluster = await pickClusterArn(ctx);
  if (!cluster) return undefined;
  const session = await ctx.aws.current();
  const page = await session.ecs.listTasksPage({ cluster, desiredStatus: 'RUNNING' }, undefined);
  if (page.items.length === 0) throw new Error(vscode.l10n.t('Cluster {0} has no running tasks.', clusterNameFromArn(cluster)));
  const items = page.items.map((task) => ({ label: task.id, description: [task.group, task.lastStatus].filter(Boolean).join(' · '), task }));
  const choice = await ctx.userInput.input.pick(items, { title: vscode.l10n.t('Task'), placeHolder: vscode.l10n.t('Choose a running task of {0}', clusterNameFromArn(cluster)) });
  return choice ? { task: choice.task, node: undefined } : undefined;
}

/**
 * After a change that starts a deployment (desired count, force new deployment): the service's
 * node shows it as described now, and the doctor checks it again if its problems are on show.
 */
export function showServiceChanged(ctx: CommandContext, target: { node: ServiceNode | undefined }, updated: Service): void {
  ctx.problems.afterDeployment(serviceKeyOfService(updated));
  if (target.node) {
    target.node.update(updated);
    ctx.clusters.refresh(target.node);
  } else {
    ctx.clusters.refresh();
  }
}
