import type { CommandContext } from './commandContext';

/** Refresh the Task Definitions view (title button) or one family of it. */
export async function refreshTaskDefinitions(ctx: CommandContext): Promise<void> {
  // The title button reloads the whole view; VS Code passes it the focused item, which is ignored
  // (one node: ecsStudio.refreshNode).
  ctx.taskDefinitions.refresh();
}
