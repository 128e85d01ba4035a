import { TreeNode } from '../tree/treeNode';
import type { CommandContext } from './commandContext';

/**
 * "Refresh" on a node of any view: the node, or the nearest node above it that loads anything,
 * reads itself again (a cluster or a service is described again) and reloads its children; so a
 * folder or a task refreshes what owns it (Deployments and Events come with their service, a
 * task with its list). The node's own provider does it (TreeNode.refresh). No node: the
 * Clusters view.
 */
export async function refreshNode(ctx: CommandContext, node?: unknown): Promise<void> {
  if (node instanceof TreeNode) await node.refresh();
  else ctx.clusters.refresh();
}
