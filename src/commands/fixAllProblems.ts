import * as vscode from 'vscode';
import { confirmAndApply } from './applyFix';
import { diagnosisOf, serviceKeyTarget } from './problemTargets';
import type { CommandContext } from './commandContext';

/** Fixes every fixable problem of a service with one plan (shared resources made once, one deployment). */
export async function fixAllProblems(ctx: CommandContext, arg?: unknown): Promise<void> {
  const key = await serviceKeyTarget(ctx, arg);
  if (!key) return;
  const diagnosis = await diagnosisOf(ctx, key);
  if (diagnosis.report.plan.steps.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix in service {0}: its latest check found nothing ECS Studio can change.', key.service));
    return;
  }
  const count = diagnosis.report.problems.filter((p) => p.fix).length;
  await confirmAndApply(ctx, diagnosis, diagnosis.report.plan, count === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', count));
}
