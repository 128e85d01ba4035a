import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

/**
 * "Register Task Definition from JSON": the active editor's JSON, checked with the form's rules.
 * Problems become diagnostics on their lines and nothing is registered while there are errors.
 */
export async function registerTaskDefinitionFromJson(ctx: CommandContext, uri?: unknown): Promise<void> {
  const document = uri instanceof vscode.Uri
    ? await vscode.workspace.openTextDocument(uri)
    : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a task definition JSON file (a RegisterTaskDefinition request) first.'));
    return;
  }
  await ctx.taskDefinitionForms.registerFromJson(document);
}
