import * as vscode from 'vscode';
import { problemActions } from '../problems/codeActions';
import { parseServiceReportPath, REPORT_SCHEME } from '../problems/reportUri';
import type { CommandContext } from './commandContext';

/**
 * Ctrl+. in a service report. VS Code's own quick fix needs a writable editor and the report is
 * read-only, so this offers the same actions as the Problems panel for the problem on the
 * cursor's line, in a quick pick.
 */
export async function quickFixInReport(ctx: CommandContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== REPORT_SCHEME) return;
  const key = parseServiceReportPath(editor.document.uri.path);
  const diagnosis = key && ctx.checkResults.get(key);
  const line = editor.selection.active.line;
  const problem = diagnosis?.report.problems.find((p) => p.line === line);
  if (!diagnosis || !problem) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('No ECS Studio problem on this line.'), 4000);
    return;
  }
  const items = problemActions(diagnosis, problem).map((a) => ({
    label: a.title,
    ...(a.preferred ? { description: vscode.l10n.t('preferred') } : {}),
    action: a,
  }));
  const choice = await ctx.userInput.input.pick(items, { title: vscode.l10n.t('{0}: {1}', problem.code, problem.title), placeHolder: vscode.l10n.t('Choose what to do') });
  if (!choice) return;
  await vscode.commands.executeCommand(choice.action.command.command, ...(choice.action.command.arguments ?? []));
}
