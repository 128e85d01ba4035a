import type { CommandContext } from './commandContext';

/** The Problems view's title Refresh: looks for failing services again and checks each again. */
export async function refreshProblems(ctx: CommandContext): Promise<void> {
  ctx.problems.refresh();
}
