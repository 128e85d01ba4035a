import * as vscode from 'vscode';
import { describePlan } from '../doctor/planText';
import { problemTarget } from './problemTargets';
import type { CommandContext } from './commandContext';

/** Says what a problem means and what the account shows, with the fix it would apply. */
export async function explainProblem(ctx: CommandContext, arg?: unknown): Promise<void> {
  const target = await problemTarget(ctx, arg);
  if (!target) return;
  const { problem } = target;
  const detail = [
    problem.explanation,
    ...(problem.evidence.length > 0 && problem.explanation !== problem.evidence.join(' ') ? ['', vscode.l10n.t('In this account:'), ...problem.evidence] : []),
    ...(problem.fix ? ['', vscode.l10n.t('The fix:'), ...describePlan(problem.fix)] : ['', vscode.l10n.t('ECS Studio has no automatic fix for this.')]),
  ].join('\n');
  const docs = vscode.l10n.t('Open AWS Documentation');
  const fix = vscode.l10n.t('Fix…');
  const actions = problem.fix ? [fix, docs] : [docs];
  const choice = await ctx.userInput.input.inform(`${problem.code}: ${problem.title}`, { modal: true, detail }, ...actions);
  if (choice === docs) await vscode.env.openExternal(vscode.Uri.parse(problem.docsUrl));
  if (choice === fix) await vscode.commands.executeCommand('ecsStudio.fixProblem', arg);
}
