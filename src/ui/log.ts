import * as vscode from 'vscode';
import { redactingLogger } from '../util/redact';

/**
 * The extension's one log: an output channel with levels ("ECS Studio" in the Output panel).
 * Everything written to it is redacted first (util/redact.ts): no credential reaches the log,
 * whatever a caller passes.
 */
export function createLog(): vscode.LogOutputChannel {
  return redactingLogger(vscode.window.createOutputChannel('ECS Studio', { log: true }));
}
