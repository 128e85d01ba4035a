import type { CommandContext } from './commandContext';

/** The Network view's title button. */
export async function refreshNetwork(ctx: CommandContext): Promise<void> {
  // The title button reloads the whole view; VS Code passes it the focused item, which is ignored
  // (one node: ecsStudio.refreshNode).
  ctx.network.refresh();
}
