import type { CommandContext } from './commandContext';

/** Back to ACTIVE revisions only (the default). */
export async function hideInactiveRevisions(ctx: CommandContext): Promise<void> {
  await ctx.taskDefinitions.setShowInactive(false);
}
