/**
 * Quick fixes on the doctor's diagnostics: when the problem's cause has several ways out (a
 * public IP, a NAT gateway, VPC endpoints), one entry per way with its running cost, the
 * preselected one first and preferred; the fix of every problem of the service (preferred when
 * there are no ways to choose from and it does more than the problem's own fix), the problem's
 * own fix (unless a way out is the same plan), "Explain" and "Open AWS documentation". Fixes are AWS changes, not edits: each action runs a command that shows the
 * plan and asks first. `problemActions` is shared with Ctrl+. in the report editor, where VS
 * Code offers no quick fix (the report is read-only).
 */
import * as vscode from 'vscode';
import { summarizePlan } from '../doctor/planText';
import type { ReportProblem } from '../doctor/serviceReport';
import { problemOf } from './doctorDiagnostics';
import type { CheckResults, Diagnosis } from './checkResults';
import type { ProblemRef } from './problemRef';
import { parseServiceReportPath } from './reportUri';

export interface ProblemAction {
  readonly title: string;
  readonly command: vscode.Command;
  readonly preferred: boolean;
  /** "Fix all" covers every problem: offered once however many problems are in range. */
  readonly fixAll: boolean;
}

/** What can be done about one problem of a checked service, preferred first. */
export function problemActions(diagnosis: Diagnosis, problem: ReportProblem): ProblemAction[] {
  const { key } = diagnosis;
  const ref: ProblemRef = { key, problemId: problem.id };
  const actions: ProblemAction[] = [];
  const action = (title: string, command: string, arg: unknown, preferred = false, fixAll = false): ProblemAction =>
    ({ title, command: { command, title, arguments: [arg] }, preferred, fixAll });
  // The ways out of the cause: one entry each, with what it costs to run; the preselected first.
  const ways = [...(problem.alternatives ?? [])].filter((a) => a.fix && a.fix.steps.length > 0)
    .sort((a, b) => Number(b.preselected) - Number(a.preselected));
  for (const a of ways) {
    const alternativeRef: ProblemRef = { ...ref, remedy: a.name };
    actions.push(action(vscode.l10n.t('Fix: {0} ({1})…', a.title, a.price), 'ecsStudio.fixProblem', alternativeRef, a.preselected));
  }
  // Fixing everything at once is preferred: one confirmation, shared resources made once, one
  // deployment; fixing one cause only lets the task fail on the next (ECR, then logs, then S3).
  const all = diagnosis.report.plan;
  const offerAll = all.steps.length > (problem.fix?.steps.length ?? 0);
  if (offerAll) {
    const count = diagnosis.report.problems.filter((p) => p.fix).length;
    actions.push(action(vscode.l10n.t('Fix all {0} fixable problems of service {1}: {2}…', count, key.service, summarizePlan(all)),
      'ecsStudio.fixAllProblems', { key }, ways.length === 0, true));
  }
  const sameAsAWay = ways.some((a) => JSON.stringify(a.fix) === JSON.stringify(problem.fix));
  if (problem.fix && problem.fix.steps.length > 0 && !sameAsAWay) {
    const ownRef: ProblemRef = ways.length > 0 ? { ...ref, ownFix: true } : ref;
    actions.push(action(vscode.l10n.t('Fix {0}: {1}…', problem.code, summarizePlan(problem.fix)), 'ecsStudio.fixProblem', ownRef, !offerAll && ways.length === 0));
  }
  actions.push(action(vscode.l10n.t('Explain {0}', problem.code), 'ecsStudio.explainProblem', ref));
  actions.push(action(vscode.l10n.t('Open AWS Documentation for {0}', problem.code), 'ecsStudio.openProblemDocs', ref));
  return actions;
}

export class DoctorCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly results: CheckResults) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const key = parseServiceReportPath(document.uri.path);
    const diagnosis = key && this.results.get(key);
    if (!key || !diagnosis) return [];
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) return [];
    const actions: vscode.CodeAction[] = [];
    let fixAllOffered = false;
    for (const diagnostic of context.diagnostics) {
      const problem = problemOf(diagnosis, diagnostic);
      if (!problem) continue;
      for (const a of problemActions(diagnosis, problem)) {
        if (a.fixAll && fixAllOffered) continue;
        fixAllOffered ||= a.fixAll;
        const codeAction = new vscode.CodeAction(a.title, vscode.CodeActionKind.QuickFix);
        codeAction.diagnostics = [diagnostic];
        codeAction.isPreferred = a.preferred;
        codeAction.command = a.command;
        actions.push(codeAction);
      }
    }
    return actions;
  }
}
