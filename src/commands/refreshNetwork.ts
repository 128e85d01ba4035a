import { TreeNode } from '../tree/treeNode';
import type { CommandContext } from './commandContext';

/** Refresh the Network view (title button) or one node of it (a VPC, a load balancer...). */
export async function refreshNetwork(ctx: CommandContext, node?: unknown): Promise<void> {
  ctx.network.refresh(node instanceof TreeNode ? node : undefined);
}
