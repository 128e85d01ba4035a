import type { CommandContext } from './commandContext';

/** "Create Task Definition" (palette, Task Definitions view title): an empty form. */
export async function createTaskDefinition(ctx: CommandContext): Promise<void> {
  await ctx.taskDefinitionForms.openNew();
}
