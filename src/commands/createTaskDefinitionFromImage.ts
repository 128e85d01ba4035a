import type { CommandContext } from './commandContext';

/**
 * "Create Task Definition from ECR Image…": the form around an image chosen from the region's
 * ECR repositories (or given as an image URI), with the CPU architecture the image is built for.
 */
export async function createTaskDefinitionFromImage(ctx: CommandContext, image?: unknown): Promise<void> {
  await ctx.taskDefinitionForms.openFromImage(typeof image === 'string' ? image : undefined);
}
