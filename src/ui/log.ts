import * as vscode from 'vscode';

/** The extension's one log: an output channel with levels ("ECS Studio" in the Output panel). */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('ECS Studio', { log: true });
}
