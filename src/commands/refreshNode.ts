import { ClusterNode } from '../tree/clusterNode';
import { LoadBalancersNode } from '../tree/loadBalancerNodes';
import { isResettable } from '../tree/resettable';
import { ServiceNode } from '../tree/serviceNode';
import { TaskDefinitionFamilyNode } from '../tree/taskDefinitionNodes';
import { TaskListNode } from '../tree/taskListNode';
import { TreeNode } from '../tree/treeNode';
import { VpcsNode } from '../tree/vpcNodes';
import type { CommandContext } from './commandContext';

/**
 * "Refresh" on a node of any view. In the Clusters view a cluster or a service is described
 * again and its children reloaded, a task list reloads its tasks, and a folder or a task
 * refreshes what owns it (Deployments and Events come with their service, a task with its
 * list). In the Task Definitions and Network views the node (or the nearest one that loads
 * anything) reloads its children. No node: the Clusters view.
 */
export async function refreshNode(ctx: CommandContext, node?: unknown): Promise<void> {
  if (!(node instanceof TreeNode)) {
    ctx.clusters.refresh();
    return;
  }
  const root = rootOf(node);
  if (root instanceof TaskDefinitionFamilyNode) {
    ctx.taskDefinitions.refresh(nearest(node, isResettable));
    return;
  }
  if (root instanceof VpcsNode || root instanceof LoadBalancersNode) {
    ctx.network.refresh(nearest(node, isResettable));
    return;
  }
  const target = nearest(node, (n): n is ClusterNode | ServiceNode | TaskListNode =>
    n instanceof ClusterNode || n instanceof ServiceNode || n instanceof TaskListNode);
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

function rootOf(node: TreeNode): TreeNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** The node itself or its nearest ancestor of a kind. */
function nearest<T extends TreeNode>(node: TreeNode, is: (n: TreeNode) => n is T): T | undefined {
  for (let n: TreeNode | undefined = node; n; n = n.parent) if (is(n)) return n;
  return undefined;
}
