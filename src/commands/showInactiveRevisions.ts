import type { CommandContext } from './commandContext';

/** The Task Definitions view lists INACTIVE revisions after the ACTIVE ones (and families with only INACTIVE ones). */
export async function showInactiveRevisions(ctx: CommandContext): Promise<void> {
  await ctx.taskDefinitions.setShowInactive(true);
}
