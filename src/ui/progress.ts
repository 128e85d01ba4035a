import * as vscode from 'vscode';

/** Runs a change in a notification; cancelling aborts the SDK call through its AbortSignal. */
export function withChangeProgress<T>(
  title: string,
  task: (signal: AbortSignal, progress: vscode.Progress<{ message?: string; increment?: number }>) => Promise<T>,
  cancellable = true,
): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable }, async (progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    try {
      return await task(controller.signal, progress);
    } finally {
      subscription.dispose();
    }
  });
}
