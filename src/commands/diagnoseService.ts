import * as vscode from 'vscode';
import { countsAsProblem } from '../doctor/severity';
import { problemRange } from '../problems/doctorDiagnostics';
import { checkWithProgress, serviceKeyTarget } from './problemTargets';
import type { CommandContext } from './commandContext';
import { walkthroughStepDone } from '../ui/walkthrough';

/** Checks a service now and opens its report, at its first problem; the problems go to the Problems panel. */
export async function diagnoseService(ctx: CommandContext, arg?: unknown): Promise<void> {
  const key = await serviceKeyTarget(ctx, arg);
  if (!key) return;
  const diagnosis = await checkWithProgress(ctx, key);
  walkthroughStepDone('serviceChecked');
  const problems = diagnosis.report.problems.filter(countsAsProblem);
  const first = problems[0];
  await vscode.window.showTextDocument(diagnosis.uri, {
    preview: false,
    ...(first ? { selection: problemRange(first) } : {}),
  });
  if (problems.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The doctor found no problem in service {0}.', key.service));
  }
}
