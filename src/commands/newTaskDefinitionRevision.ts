import * as vscode from 'vscode';
import { TaskDefinitionNode } from '../tree/taskDefinitionNodes';
import type { CommandContext } from './commandContext';

/**
 * "New Revision" on a revision of the Task Definitions view: the form, prefilled from that
 * revision (and its tags). From the palette it asks for a family and starts from its latest
 * ACTIVE revision.
 */
export async function newTaskDefinitionRevision(ctx: CommandContext, node?: unknown): Promise<void> {
  const session = await ctx.aws.current();
  let taskDefinition: string | undefined;
  if (node instanceof TaskDefinitionNode) {
    taskDefinition = node.taskDefinition.arn;
  } else {
    const page = await session.taskDefinitions.listFamiliesPage(undefined, 'ACTIVE');
    if (page.items.length === 0) throw new Error(vscode.l10n.t('There are no task definitions in {0}.', session.connection.region));
    const choice = await ctx.userInput.input.pick(page.items.map((family) => ({ label: family })), {
      title: vscode.l10n.t('New Revision'),
      placeHolder: vscode.l10n.t('Choose a family: the form starts from its latest revision'),
    });
    taskDefinition = choice?.label;
  }
  if (!taskDefinition) return;
  const described = await session.registration.describeWithTags(taskDefinition);
  await ctx.taskDefinitionForms.openRevision(described.taskDefinition, described.tags);
}
