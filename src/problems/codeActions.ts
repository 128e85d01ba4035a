/**
 * Quick fixes on the doctor's diagnostics: the fix of every problem of the service (preferred,
 * when it does more than the problem's own fix), the problem's own fix, "Explain" and "Open AWS
 * documentation". Fixes are
 * AWS changes, not edits: each action runs a command that shows the plan and asks first.
 */
import * as vscode from 'vscode';
import { summarizePlan } from '../doctor/planText';
import { problemOf } from './doctorDiagnostics';
import type { Doctor } from './doctor';
import type { ProblemRef } from './problemRef';
import { parseServiceReportPath } from './reportUri';

export class DoctorCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly doctor: Doctor) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const key = parseServiceReportPath(document.uri.path);
    const diagnosis = key && this.doctor.get(key);
    if (!key || !diagnosis) return [];
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) return [];
    const actions: vscode.CodeAction[] = [];
    let fixAllOffered = false;
    for (const diagnostic of context.diagnostics) {
      const problem = problemOf(diagnosis, diagnostic);
      if (!problem) continue;
      const ref: ProblemRef = { key, problemId: problem.id };
      // Fixing everything at once is preferred: one confirmation, shared resources made once, one
      // deployment; fixing one cause only lets the task fail on the next (ECR, then logs, then S3).
      const all = diagnosis.report.plan;
      const offerAll = all.steps.length > (problem.fix?.steps.length ?? 0);
      if (offerAll && !fixAllOffered) {
        fixAllOffered = true;
        const count = diagnosis.report.problems.filter((p) => p.fix).length;
        const fixAll = new vscode.CodeAction(
          vscode.l10n.t('Fix all {0} fixable problems of service {1}: {2}…', count, key.service, summarizePlan(all)),
          vscode.CodeActionKind.QuickFix,
        );
        fixAll.diagnostics = [diagnostic];
        fixAll.isPreferred = true;
        fixAll.command = { command: 'ecsStudio.fixAllProblems', title: fixAll.title, arguments: [{ key }] };
        actions.push(fixAll);
      }
      if (problem.fix && problem.fix.steps.length > 0) {
        const fix = new vscode.CodeAction(vscode.l10n.t('Fix {0}: {1}…', problem.code, summarizePlan(problem.fix)), vscode.CodeActionKind.QuickFix);
        fix.diagnostics = [diagnostic];
        fix.isPreferred = !offerAll;
        fix.command = { command: 'ecsStudio.fixProblem', title: fix.title, arguments: [ref] };
        actions.push(fix);
      }
      const explain = new vscode.CodeAction(vscode.l10n.t('Explain {0}', problem.code), vscode.CodeActionKind.QuickFix);
      explain.diagnostics = [diagnostic];
      explain.command = { command: 'ecsStudio.explainProblem', title: explain.title, arguments: [ref] };
      actions.push(explain);
      const docs = new vscode.CodeAction(vscode.l10n.t('Open AWS Documentation for {0}', problem.code), vscode.CodeActionKind.QuickFix);
      docs.diagnostics = [diagnostic];
      docs.command = { command: 'ecsStudio.openProblemDocs', title: docs.title, arguments: [ref] };
      actions.push(docs);
    }
    return actions;
  }
}
