import { TreeNode } from '../tree/treeNode';
import type { CommandContext } from './commandContext';

/** Refresh the Task Definitions view (title button) or one family of it. */
export async function refreshTaskDefinitions(ctx: CommandContext, node?: unknown): Promise<void> {
  ctx.taskDefinitions.refresh(node instanceof TreeNode ? node : undefined);
}
