/**
 * The open panels of one form (task definition or service), and the one opened or focused last:
 * the commands and the extension tests act on it. Both forms' registries hold one.
 */
import type * as vscode from 'vscode';

export class OpenFormPanels<P extends vscode.Disposable> {
  private readonly panels = new Set<P>();
  private last: P | undefined;

  /** The form opened or focused last. */
  get latest(): P | undefined {
    return this.last;
  }

  /** Tracks a new form's host: it is the latest now, and again each time its panel becomes active. */
  add(panel: vscode.WebviewPanel, host: P): void {
    this.panels.add(host);
    this.last = host;
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.last = host;
    });
  }

  /** Forgets a host whose panel is gone (its onDidDispose). */
  remove(host: P): void {
    this.panels.delete(host);
    if (this.last === host) this.last = [...this.panels].pop();
  }

  dispose(): void {
    for (const host of [...this.panels]) host.dispose();
  }
}
