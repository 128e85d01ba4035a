/**
 * What the doctor's commands act on, from whatever gave it: a service node of the Clusters
 * view, a node of the Problems view, a code action's `{ key, problemId }`, or (palette) a
 * service asked for. A problem is looked up in the service's latest check.
 */
import * as vscode from 'vscode';
import { withChangeProgress } from '../ui/progress';
import type { ReportProblem } from '../doctor/serviceReport';
import { serviceKeyOfService } from '../model/documentPaths';
import type { Diagnosis } from '../problems/checkResults';
import { isProblemRef, serviceKeyOf } from '../problems/problemRef';
import type { ServiceKey } from '../problems/reportUri';
import type { CommandContext } from './commandContext';
import { serviceTarget } from './itemSupport';

/** The service a command is about; asks for one when the palette gave nothing. */
export async function serviceKeyTarget(ctx: CommandContext, arg: unknown): Promise<ServiceKey | undefined> {
  const known = serviceKeyOf(arg);
  if (known) return known;
  const target = await serviceTarget(ctx, arg);
  return target && serviceKeyOfService(target.service);
}

/** The service's latest check, or a check now (with progress). */
export async function diagnosisOf(ctx: CommandContext, key: ServiceKey): Promise<Diagnosis> {
  return ctx.checkResults.get(key) ?? (await checkWithProgress(ctx, key));
}

export function checkWithProgress(ctx: CommandContext, key: ServiceKey): Thenable<Diagnosis> {
  return withChangeProgress(vscode.l10n.t('Checking service {0}…', key.service), (signal) => ctx.checkResults.diagnose(key, signal));
}

/** The problem a command names, in its service's latest check; undefined (and says so) when it is gone. */
export async function problemTarget(ctx: CommandContext, arg: unknown): Promise<{ diagnosis: Diagnosis; problem: ReportProblem } | undefined> {
  if (!isProblemRef(arg)) throw new Error(vscode.l10n.t('Choose a problem in the Problems view or the Problems panel.'));
  const diagnosis = await diagnosisOf(ctx, arg.key);
  const problem = diagnosis.report.problems.find((p) => p.id === arg.problemId);
  if (!problem) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This problem is gone: the latest check of service {0} did not find it.', arg.key.service));
    return undefined;
  }
  return { diagnosis, problem };
}
