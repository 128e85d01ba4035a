import { ClusterNode } from '../tree/clusterNode';
import { ServiceNode } from '../tree/serviceNode';
import { TaskListNode } from '../tree/taskListNode';
import { TreeNode } from '../tree/treeNode';
import type { CommandContext } from './commandContext';

/**
 * "Refresh" on a node of the Clusters view: a cluster or a service is described again and its
 * children reloaded; a task list reloads its tasks. A folder or a task refreshes what owns it
 * (Deployments and Events come with their service, a task with its list). No node: the view.
 */
export async function refreshNode(ctx: CommandContext, node?: unknown): Promise<void> {
  const target = node instanceof TreeNode ? refreshable(node) : undefined;
  if (!target) {
    ctx.clusters.refresh();
    return;
  }
  const session = await ctx.aws.current();
  if (target instanceof ClusterNode) {
    const [cluster] = await session.ecs.describeClusters([target.cluster.arn]);
    if (cluster) target.update(cluster);
  } else if (target instanceof ServiceNode) {
    const service = await session.ecs.describeService(target.service.clusterArn, target.service.arn);
    if (service) target.update(service);
  }
  ctx.clusters.refresh(target);
}

/** The node itself or the nearest ancestor that can load again. */
function refreshable(node: TreeNode): ClusterNode | ServiceNode | TaskListNode | undefined {
  for (let n: TreeNode | undefined = node; n; n = n.parent) {
    if (n instanceof ClusterNode || n instanceof ServiceNode || n instanceof TaskListNode) return n;
  }
  return undefined;
}
