/**
 * The read-only report of each checked service (scheme `ecs-studio-doctor`): its status,
 * stopped tasks with what explains them, other findings, the fix plan, deployments and events.
 * A report opened before its service was checked (or after a reload) checks it first.
 */
import * as vscode from 'vscode';
import type { Doctor } from './doctor';
import { parseServiceReportPath, REPORT_SCHEME, reportUri } from './reportUri';

export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly doctor: Doctor) {
    this.subscription = doctor.onDidChange((key) => {
      if (key) {
        this.changed.fire(reportUri(key));
      } else {
        // A new connection: every open report checks its service again when shown.
        for (const document of vscode.workspace.textDocuments) {
          if (document.uri.scheme === REPORT_SCHEME) {
            this.changed.fire(document.uri);
          }
        }
      }
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const key = parseServiceReportPath(uri.path);
    if (!key) throw new Error(vscode.l10n.t('{0} is not an ECS Studio service report.', uri.toString()));
    const known = this.doctor.get(key);
    if (known) return known.report.text;
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      return (await this.doctor.diagnose(key, controller.signal)).report.text;
    } finally {
      subscription.dispose();
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
