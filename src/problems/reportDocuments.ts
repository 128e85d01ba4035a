/**
 * The read-only report of each checked service (scheme `ecs-studio-doctor`): its status,
 * stopped tasks with what explains them, other findings, the fix plan, deployments and events.
 * A report opened before its service was checked (or after a reload) checks it first.
 */
import * as vscode from 'vscode';
import type { HistoryStore } from '../history/historyStore';
import type { CheckResults, Diagnosis } from './checkResults';
import { parseServiceReportPath, REPORT_SCHEME, reportUri } from './reportUri';

/**
 * Starts VS Code's Markdown extension, if it is not running yet. It starts by itself when the
 * first Markdown document opens, often a report, and registers its code action providers a moment
 * later; VS Code cancels a code action request when the providers of its document change, and the
 * Problems panel keeps that empty answer for the diagnostic: no light bulb, and Ctrl+. offers no fix
 * until the diagnostics change (seen in 2 of 5 UI test runs). Started before the report exists,
 * its providers are there before the first request.
 */
async function startMarkdownFeatures(): Promise<void> {
  const markdown = vscode.extensions.getExtension('vscode.markdown-language-features');
  if (markdown && !markdown.isActive) await markdown.activate().then(undefined, () => undefined);
}

export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  /** Reports whose text predates a connection change, reloaded when next on screen. */
  private readonly stale = new Set<string>();

  constructor(private readonly results: CheckResults, private readonly history?: HistoryStore) {
    this.subscriptions = [
      // Cleared remembered failures leave the reports on screen (from the check they have, no AWS call).
      ...(history ? [history.onDidClear(() => {
        for (const document of vscode.workspace.textDocuments) {
          if (document.uri.scheme === REPORT_SCHEME) this.changed.fire(document.uri);
        }
      })] : []),
      results.onDidChange((key) => {
        if (key) {
          this.stale.delete(reportUri(key).toString());
          this.changed.fire(reportUri(key));
          return;
        }
        // A new connection: the reports on screen check their service again (with the new
        // credentials); one not on screen does when it is shown next. Hidden ones cost nothing.
        for (const document of vscode.workspace.textDocuments) {
          if (document.uri.scheme === REPORT_SCHEME) this.stale.add(document.uri.toString());
        }
        this.reloadVisibleStale();
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.reloadVisibleStale()),
      vscode.workspace.onDidCloseTextDocument((document) => this.stale.delete(document.uri.toString())),
    ];
  }

  private reloadVisibleStale(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const uri = editor.document.uri;
      if (this.stale.delete(uri.toString())) this.changed.fire(uri);
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const key = parseServiceReportPath(uri.path);
    if (!key) throw new Error(vscode.l10n.t('{0} is not an ECS Studio service report.', uri.toString()));
    await startMarkdownFeatures();
    const known = this.results.get(key);
    if (known) return this.withRemembered(known);
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      return await this.withRemembered(await this.results.diagnose(key, controller.signal));
    } finally {
      subscription.dispose();
    }
  }

  /** The report, then the service's failures ECS no longer returns as remembered (after the rest: the problems' lines stay). */
  private async withRemembered(d: Diagnosis): Promise<string> {
    return d.report.text + (this.history ? await this.history.file.reportSection(d) : '');
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
