/**
 * Changes and scans run in a notification; cancelling aborts the SDK calls through their
 * AbortSignal. The cancellable ones in flight are listed (runningProgress) so that a test can
 * cancel one as its Cancel button would: the extension tier cannot click a notification.
 */
import * as vscode from 'vscode';

/** A cancellable progress notification on show. */
export interface RunningProgress {
  readonly title: string;
  /** What the notification's Cancel button does. */
  cancel(): void;
}

const running = new Set<RunningProgress>();

/** The cancellable progress notifications on show now, oldest first. */
export function runningProgress(): readonly RunningProgress[] {
  return [...running];
}

/** Runs a change in a notification; cancelling aborts the SDK call through its AbortSignal. */
export function withChangeProgress<T>(
  title: string,
  task: (signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>,
  cancellable = true,
): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable }, async (progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    const entry: RunningProgress = { title, cancel: () => controller.abort() };
    if (cancellable) running.add(entry);
    try {
      return await task(controller.signal, progress);
    } finally {
      running.delete(entry);
      subscription.dispose();
    }
  });
}
