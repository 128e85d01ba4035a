import * as vscode from 'vscode';
import { withChangeProgress } from '../ui/progress';
import type { CommandContext } from './commandContext';

/**
 * The Problems view's title Refresh: looks for failing services again (in a notification whose
 * Cancel aborts the scan's calls) and checks each again.
 */
export async function refreshProblems(ctx: CommandContext): Promise<void> {
  await withChangeProgress(vscode.l10n.t('Looking for failing services…'), (signal) => ctx.problems.rescan(signal));
}
