import * as vscode from 'vscode';
import { confirmAndApply } from './applyFix';
import { problemTarget } from './problemTargets';
import type { CommandContext } from './commandContext';

/**
 * Fixes one problem (a quick fix, or the wrench in the Problems view): its plan, confirmed once.
 * When its cause has several ways out, the quick fix names one (`remedy`); the wrench asks which,
 * the preselected first.
 */
export async function fixProblem(ctx: CommandContext, arg?: unknown): Promise<void> {
  const target = await problemTarget(ctx, arg);
  if (!target) return;
  const { diagnosis, problem } = target;
  const ways = (problem.alternatives ?? []).filter((a) => a.fix && a.fix.steps.length > 0);
  const named = (arg as { remedy?: unknown }).remedy;
  const own = (arg as { ownFix?: unknown }).ownFix === true;
  if (!own && (typeof named === 'string' || ways.length > 0)) {
    let way = ways.find((a) => a.name === named);
    if (typeof named === 'string' && !way) {
      void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is no longer a way out of {1}: check the service again.', named, problem.code));
      return;
    }
    if (!way) {
      const items = [...ways].sort((a, b) => Number(b.preselected) - Number(a.preselected)).map((a) => ({
        label: vscode.l10n.t('Fix: {0} ({1})', a.title, a.price),
        ...(a.preselected ? { description: vscode.l10n.t('preselected') } : {}),
        detail: a.changes,
        way: a,
      }));
      way = (await ctx.userInput.input.pick(items, { title: vscode.l10n.t('{0}: {1}', problem.code, problem.title), placeHolder: vscode.l10n.t('Choose one way out: each removes the cause') }))?.way;
      if (!way) return;
    }
    if (way.fix) await confirmAndApply(ctx, diagnosis, way.fix, `${problem.code} (${way.title})`);
    return;
  }
  if (!problem.fix || problem.fix.steps.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('ECS Studio has no automatic fix for {0}. "Explain {0}" says what to change.', problem.code));
    return;
  }
  await confirmAndApply(ctx, diagnosis, problem.fix, problem.code);
}
