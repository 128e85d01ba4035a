/**
 * The one owner of the doctor's DiagnosticCollection: each checked service's problems, on the
 * lines of its report, with stable codes (`ECR_UNREACHABLE`, `ENDPOINT_MISSING`...) that link
 * to the AWS documentation. Code actions find a diagnostic's problem again by line and code.
 */
import * as vscode from 'vscode';
import type { Severity } from '../doctor/severity';
import type { ReportProblem } from '../doctor/serviceReport';
import type { CheckResults, Diagnosis } from './checkResults';
import { reportUri } from './reportUri';

export const DIAGNOSTIC_SOURCE = 'ECS Studio';

function severityOf(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    case 'info': return vscode.DiagnosticSeverity.Information;
  }
}

export function problemRange(problem: ReportProblem): vscode.Range {
  return new vscode.Range(problem.line, problem.startColumn, problem.line, problem.endColumn);
}

export function toDiagnostic(problem: ReportProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(problemRange(problem), problem.message, severityOf(problem.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: problem.code, target: vscode.Uri.parse(problem.docsUrl) };
  return diagnostic;
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The problem a diagnostic of this report shows. */
export function problemOf(diagnosis: Diagnosis, diagnostic: vscode.Diagnostic): ReportProblem | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnosticCode(diagnostic);
  return diagnosis.report.problems.find((p) => p.line === diagnostic.range.start.line && p.code === code);
}

export class DoctorDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('ecs-studio');
  private readonly subscription: vscode.Disposable;

  constructor(results: CheckResults) {
    this.subscription = results.onDidChange((key) => {
      if (!key) {
        this.collection.clear();
        return;
      }
      const diagnosis = results.get(key);
      if (diagnosis) this.collection.set(diagnosis.uri, diagnosis.report.problems.map(toDiagnostic));
      else this.collection.delete(reportUri(key));
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
