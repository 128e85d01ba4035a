/**
 * Applying a fix plan from VS Code: the plan is shown in full and confirmed once; the changes
 * run in a cancellable notification, step by step; a failure says what was done and what was
 * not; then the service is checked again, so a fixed problem leaves the Problems panel.
 */
import * as vscode from 'vscode';
import type { FixPlan } from '../doctor/types';
import { describePlan, describeStep } from '../doctor/planText';
import { countsAsProblem } from '../doctor/severity';
import { loadAws } from '../awsModule';
import type { Diagnosis } from '../problems/checkResults';
import { withChangeProgress } from '../ui/progress';
import type { CommandContext } from './commandContext';

export async function confirmAndApply(ctx: CommandContext, diagnosis: Diagnosis, plan: FixPlan, what: string): Promise<void> {
  const { key, snapshot } = diagnosis;
  const count = plan.steps.length;
  const action = count === 1 ? vscode.l10n.t('Apply 1 Change') : vscode.l10n.t('Apply {0} Changes', count);
  const detail = [
    vscode.l10n.t('ECS Studio will make these changes in account {0} ({1}), in this order:', snapshot.accountId, key.region),
    '',
    ...describePlan(plan),
    '',
    vscode.l10n.t('A step AWS already shows done is skipped. The first failure stops the rest.'),
  ].join('\n');
  const choice = await ctx.userInput.input.confirm(vscode.l10n.t('Fix {0} in service {1}?', what, key.service), { modal: true, detail }, action);
  if (choice !== action) return;

  ctx.log.info(`Fixing ${what} in service ${key.service} (${key.cluster}, ${key.region}):\n${describePlan(plan).join('\n')}`);
  // Against the snapshot the plan was made from (the applier resolves the plan's references in it);
  // a failed step does not throw: the result says what was done and what was not.
  const result = await withChangeProgress(vscode.l10n.t('Fixing service {0}', key.service), async (signal, progress) =>
    loadAws().applyPlan((await ctx.aws.current()).forRegion(key.region), plan, snapshot, {
      signal,
      onProgress: (p) => {
        if (p.phase === 'start') progress.report({ message: `${p.index + 1}/${p.total}: ${describeStep(p.step)}`, increment: 100 / p.total });
      },
    }));
  const lines = loadAws().describeApplyResult(result);
  ctx.log.info(lines.join('\n'));
  const applied = result.done.filter((r) => r.outcome === 'applied').length;

  // Checked again whatever happened: what was done shows, and a fixed problem leaves.
  let after: Diagnosis | undefined;
  let recheckError: unknown;
  try {
    after = await withChangeProgress(vscode.l10n.t('Checking service {0} again…', key.service), (signal) => ctx.checkResults.diagnose(key, signal), false);
  } catch (err) {
    recheckError = err;
  }

  const showLog = vscode.l10n.t('Show Log');
  if (result.failed) {
    const notDone = result.notRun.length + 1;
    const message = vscode.l10n.t(
      'The fix of service {0} stopped at "{1}": {2}. Done: {3} change(s), {4} already there. Not done: {5} step(s), listed in the log.',
      key.service, describeStep(result.failed.step), result.failed.error.message, applied, result.done.length - applied, notDone,
    );
    void vscode.window.showErrorMessage(message, showLog).then((c) => {
      if (c === showLog) ctx.log.show(true);
    });
    return;
  }
  if (recheckError || !after) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Made {0} change(s) to service {1}, but checking it again failed: {2}', applied, key.service,
      recheckError instanceof Error ? recheckError.message : String(recheckError)));
    return;
  }
  const remaining = after.report.problems.filter(countsAsProblem).length;
  const deployed = result.done.some((r) => r.step.kind === 'forceNewDeployment' && r.outcome === 'applied');
  const made = applied === 0
    ? vscode.l10n.t('Nothing needed changing: AWS already showed every step done.')
    : vscode.l10n.t('Made {0} change(s){1}.', applied, deployed ? vscode.l10n.t(' and started a new deployment') : '');
  const state = remaining === 0
    ? vscode.l10n.t('Service {0} has no problems now.', key.service)
    : vscode.l10n.t('Service {0} still has {1} problem(s).', key.service, remaining);
  void vscode.window.showInformationMessage(`${made} ${state}`);
}
