/**
 * The modal questions before a change that stops or removes something: each names exactly
 * what changes, in which cluster, account and region (read from the resource's ARN), and how
 * to undo it where AWS allows. The commands show them with their action as the only button.
 * Pure module: no vscode, no AWS SDK.
 */
import { splitArn } from '../model/arns';

export interface Confirmation {
  /** The question (the modal's title line). */
  readonly message: string;
  /** What will change and how to undo it. */
  readonly detail: string;
  /** The one button that goes ahead. */
  readonly action: string;
}

/** "cluster C in account A, region R", from any ECS ARN of the cluster's resources. */
export function whereOf(arn: string, clusterArn: string): string {
  const parts = splitArn(arn) ?? splitArn(clusterArn);
  const cluster = clusterArn.split('/').pop() ?? clusterArn;
  return parts ? `cluster "${cluster}" in account ${parts.accountId}, region ${parts.region}` : `cluster "${cluster}"`;
}

/** "family:revision" of a task definition ARN (or the text as it is). */
function revisionOf(taskDefinition: string): string {
  return taskDefinition.split('/').pop() ?? taskDefinition;
}

export interface ServiceFacts {
  readonly name: string;
  readonly arn: string;
  readonly clusterArn: string;
  readonly desiredCount: number;
  readonly taskDefinition: string;
}

export function deleteServiceConfirmation(service: ServiceFacts): Confirmation {
  const where = whereOf(service.arn, service.clusterArn);
  const steps = service.desiredCount > 0
    ? `Its desired count (${service.desiredCount}) is set to 0 first, which stops its tasks; then service "${service.name}" in ${where} is deleted.`
    : `Service "${service.name}" in ${where} is deleted.`;
  return {
    message: `Delete service "${service.name}"?`,
    detail: `${steps}\n\nA deleted service cannot be restored. To have it back, create a service again from its task definition ${revisionOf(service.taskDefinition)} ("ECS Studio: Create Service").`,
    action: 'Delete Service',
  };
}

export function forceNewDeploymentConfirmation(service: ServiceFacts): Confirmation {
  return {
    message: `Force a new deployment of service "${service.name}"?`,
    detail: `In ${whereOf(service.arn, service.clusterArn)}, ECS starts new tasks from the current task definition ${revisionOf(service.taskDefinition)} ` +
      'and stops the running ones as the new ones become healthy. Images tagged like "latest" are pulled again.\n\n' +
      'The stopped tasks cannot be brought back; the new ones run the same task definition. If the new deployment fails, ' +
      'the service keeps its healthy tasks (or, with the deployment circuit breaker\'s rollback, returns to the last deployment that worked).',
    action: 'Force New Deployment',
  };
}

/** Asked only when the new count is 0: every task of the service stops. */
export function scaleToZeroConfirmation(service: ServiceFacts): Confirmation {
  return {
    message: `Scale service "${service.name}" to 0 tasks?`,
    detail: `The desired count of service "${service.name}" in ${whereOf(service.arn, service.clusterArn)} goes from ${service.desiredCount} to 0: ` +
      `ECS stops all its running tasks and starts none.\n\nTo undo, set the desired count back to ${service.desiredCount} ("Update Desired Count"); ` +
      'new tasks start from the same task definition.',
    action: 'Scale to 0',
  };
}

export interface TaskFacts {
  readonly id: string;
  readonly arn: string;
  readonly clusterArn: string;
  readonly taskDefinitionArn: string;
  /** The service that started the task, if one did. */
  readonly service: string | undefined;
  readonly reason: string;
}

export function stopTaskConfirmation(task: TaskFacts): Confirmation {
  const where = whereOf(task.arn, task.clusterArn);
  const undo = task.service
    ? `A stopped task cannot be started again. Service "${task.service}" starts a replacement if it still wants this many tasks.`
    : `A stopped task cannot be started again; run a new one from its task definition ${revisionOf(task.taskDefinitionArn)}.`;
  return {
    message: `Stop task ${task.id}?`,
    detail: `Task ${task.id} in ${where} is stopped. Reason: ${task.reason}\n\n${undo}`,
    action: 'Stop Task',
  };
}
