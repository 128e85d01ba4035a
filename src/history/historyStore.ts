/**
 * The remembered failures in VS Code: the history file (aws/historyFile.ts, opened with the AWS
 * layer on first use, never at activation) in the extension's global storage, with the limits of
 * the `ecsStudio.history.*` settings, the log for what went wrong, and an event when it is cleared.
 *
 * Sightings come from where stopped tasks are read anyway (the Clusters view's Stopped tasks,
 * the failing markers and the Problems view's scan, the doctor's checks): no AWS call of its own.
 */
import * as vscode from 'vscode';
import { loadAws } from '../awsModule';
import type { HistoryFile, HistoryLog } from '../aws/historyFile';

export class HistoryStore implements vscode.Disposable {
  private opened: HistoryFile | undefined;
  private readonly cleared = new vscode.EventEmitter<void>();
  /** Remembered failures were cleared: the views drop them. */
  readonly onDidClear = this.cleared.event;

  constructor(private readonly storageDir: string, private readonly log: HistoryLog) {}

  /** The history file, opened on first use; its limits are read from the settings at each write. */
  get file(): HistoryFile {
    const aws = loadAws();
    this.opened ??= new aws.HistoryFile(this.storageDir, this.log, () => aws.historyLimits(vscode.workspace.getConfiguration('ecsStudio.history')));
    return this.opened;
  }

  /** Forgets every remembered failure; resolves to how many went. */
  async clear(): Promise<number> {
    const gone = await this.file.clear();
    this.cleared.fire();
    return gone;
  }

  dispose(): void {
    this.cleared.dispose();
  }
}
