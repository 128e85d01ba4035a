import { taskDefinitionLeaf } from '../model/taskDefinition';
import { ClusterNode } from '../tree/clusterNode';
import { TaskDefinitionNode } from '../tree/taskDefinitionNodes';
import type { CommandContext } from './commandContext';

/**
 * "Create Service": the service form. From a cluster's context menu it starts in that cluster;
 * from a task definition revision (its context menu, or the "Create Service" button shown after
 * registering, which passes the revision's ARN) it starts with that revision.
 */
export async function createService(ctx: CommandContext, arg?: unknown): Promise<void> {
  if (arg instanceof ClusterNode) {
    await ctx.serviceForms.open({ cluster: arg.cluster.name });
  } else if (arg instanceof TaskDefinitionNode) {
    await ctx.serviceForms.open({ taskDefinition: taskDefinitionLeaf(arg.taskDefinition.arn) });
  } else if (typeof arg === 'string' && arg.trim() !== '') {
    await ctx.serviceForms.open({ taskDefinition: taskDefinitionLeaf(arg.trim()) });
  } else {
    await ctx.serviceForms.open();
  }
}
