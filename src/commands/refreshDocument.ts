import * as vscode from 'vscode';
import { DOCUMENT_SCHEME, parseLogsDocumentPath } from '../model/documentPaths';
import type { CommandContext } from './commandContext';
import { withChangeProgress } from './itemSupport';

/** "Refresh" in the title of an ECS Studio document: describes the resource, or reads the latest log events, again. */
export async function refreshDocument(ctx: CommandContext, uri?: unknown): Promise<void> {
  const target = documentUri(uri);
  if (!target) return;
  const logs = parseLogsDocumentPath(target.path) !== undefined;
  await withChangeProgress(vscode.l10n.t('Refreshing {0}…', target.path), (signal) =>
    logs ? ctx.documents.loadLatestLogs(target, signal) : ctx.documents.loadResource(target, signal));
}

/** The document a title command was given, or the active editor's, when it is one of ours. */
export function documentUri(uri: unknown): vscode.Uri | undefined {
  const candidate = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
  return candidate?.scheme === DOCUMENT_SCHEME ? candidate : undefined;
}
