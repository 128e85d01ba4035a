/**
 * The count of the doctor's problems (errors and warnings) in the current connection: a status
 * bar item, shown only when there are some, and the Problems view's badge. A click shows the view.
 */
import * as vscode from 'vscode';
import { countsAsProblem } from '../doctor/severity';
import type { CheckResults } from './checkResults';

export function registerProblemCount(results: CheckResults, view: vscode.TreeView<unknown>): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('ecsStudio.problems', vscode.StatusBarAlignment.Left, 49);
  item.name = vscode.l10n.t('ECS Studio problems');
  item.command = 'ecsStudio.problems.focus';
  const render = () => {
    const count = results.problemCount();
    if (count === 0) {
      item.hide();
      view.badge = undefined;
      return;
    }
    const services = results.all().filter((d) => d.report.problems.some(countsAsProblem));
    const text = count === 1 ? vscode.l10n.t('1 ECS problem') : vscode.l10n.t('{0} ECS problems', count);
    item.text = `$(warning) ${text}`;
    const tooltip = new vscode.MarkdownString(vscode.l10n.t('**ECS Studio** found {0} in:', text) + '\n\n');
    for (const d of services) {
      const n = d.report.problems.filter(countsAsProblem).length;
      tooltip.appendMarkdown(`- \`${d.key.service}\` (${d.key.cluster}, ${d.key.region}): ${n}\n`);
    }
    tooltip.appendMarkdown('\n' + vscode.l10n.t('Click to show the Problems view.'));
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: vscode.l10n.t('ECS Studio: {0}', text) };
    item.show();
    view.badge = { value: count, tooltip: text };
  };
  render();
  return vscode.Disposable.from(item, results.onDidChange(render));
}
