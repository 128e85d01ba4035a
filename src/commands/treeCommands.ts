import { ErrorNode, LoadMoreNode } from '../tree/messageNodes';
import { TreeNode } from '../tree/treeNode';
import type { CommandContext } from './commandContext';

// Tree commands receive their node as the first argument; from the palette they get none.

/** Refresh the Clusters view (title button) or one node of it. */
export async function refreshClusters(ctx: CommandContext, node?: unknown): Promise<void> {
  ctx.clusters.refresh(node instanceof TreeNode ? node : undefined);
}

/** "Load more…" at the end of a paged list. */
export async function loadMore(_ctx: CommandContext, node?: unknown): Promise<void> {
  if (node instanceof LoadMoreNode) await node.loadMore();
}

/** Clicking an error node loads what failed again. */
export async function retryNode(_ctx: CommandContext, node?: unknown): Promise<void> {
  if (node instanceof ErrorNode) node.doRetry();
}

export async function showLog(ctx: CommandContext): Promise<void> {
  ctx.log.show(true);
}
