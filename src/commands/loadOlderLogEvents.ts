import * as vscode from 'vscode';
import { parseLogsDocumentPath } from '../model/documentPaths';
import type { CommandContext } from './commandContext';
import { withChangeProgress } from './itemSupport';
import { documentUri } from './refreshDocument';

/** "Load Older Log Events" in the title of a container's log document. */
export async function loadOlderLogEvents(ctx: CommandContext, uri?: unknown): Promise<void> {
  const target = documentUri(uri);
  if (!target || !parseLogsDocumentPath(target.path)) return;
  const more = await withChangeProgress(vscode.l10n.t('Loading older log events…'), (signal) => ctx.documents.loadOlderLogs(target, signal));
  if (!more) vscode.window.setStatusBarMessage(vscode.l10n.t('No older log events.'), 4000);
}
