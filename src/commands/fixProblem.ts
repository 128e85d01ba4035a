import * as vscode from 'vscode';
import { confirmAndApply } from './applyFix';
import { problemTarget } from './problemTargets';
import type { CommandContext } from './commandContext';

/** Fixes one problem (a quick fix, or the wrench in the Problems view): its plan, confirmed once. */
export async function fixProblem(ctx: CommandContext, arg?: unknown): Promise<void> {
  const target = await problemTarget(ctx, arg);
  if (!target) return;
  const { diagnosis, problem } = target;
  if (!problem.fix || problem.fix.steps.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('ECS Studio has no automatic fix for {0}. "Explain {0}" says what to change.', problem.code));
    return;
  }
  await confirmAndApply(ctx, diagnosis, problem.fix, problem.code);
}
