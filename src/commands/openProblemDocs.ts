import * as vscode from 'vscode';
import { problemTarget } from './problemTargets';
import type { CommandContext } from './commandContext';

/** Opens the AWS documentation page of a problem's code in the browser. */
export async function openProblemDocs(ctx: CommandContext, arg?: unknown): Promise<void> {
  const target = await problemTarget(ctx, arg);
  if (!target) return;
  await vscode.env.openExternal(vscode.Uri.parse(target.problem.docsUrl));
}
