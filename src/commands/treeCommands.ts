import { ErrorNode, LoadMoreNode } from '../tree/messageNodes';
import type { CommandContext } from './commandContext';

// Tree commands receive their node as the first argument; from the palette they get none.

/**
 * The Clusters view's title button: reloads the whole view. It ignores its argument on purpose:
 * VS Code hands title-bar commands the tree's focused item, and refreshing only that item
 * (not the list of clusters) was a bug; "Refresh" on one node is ecsStudio.refreshNode.
 */
export async function refreshClusters(ctx: CommandContext): Promise<void> {
  ctx.clusters.refresh();
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
