/**
 * A failed task ECS no longer returns, as ECS Studio remembers it (history/historyStore.ts): in
 * the Clusters view's Stopped tasks and under a service of the Problems view. Marked as
 * remembered with its time ("remembered · stopped 3 h ago"), a history icon, and a tooltip with
 * what was seen: task definition, stop code and reason, containers, the code, the findings that
 * explained it, when it was first and last seen.
 */
import * as vscode from 'vscode';
import { rememberedDescription, rememberedTaskId, type RememberedFailure } from '../doctor/failureHistory';
import { shortTaskId } from '../model/labels';
import { contextValue } from './contextValues';
import { TreeNode } from './treeNode';

export class RememberedTaskNode extends TreeNode {
  readonly id: string;

  /** `where`: a Stopped tasks folder ("task+remembered") or the Problems view ("rememberedFailure"). */
  constructor(parent: TreeNode, readonly failure: RememberedFailure, private readonly where: 'clusters' | 'problems' = 'clusters') {
    super(parent);
    this.id = `${parent.id}/remembered:${failure.taskArn}`;
  }

  /** The task's ARN (Copy ARN and the like, as on a task ECS still returns). */
  get arn(): string {
    return this.failure.taskArn;
  }

  getTreeItem(): vscode.TreeItem {
    const f = this.failure;
    const id = rememberedTaskId(f);
    const label = this.where === 'problems' ? `${f.title} (task ${shortTaskId(id)})` : shortTaskId(id);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const when = rememberedDescription(f, new Date());
    item.description = this.where === 'problems' ? `${f.code} · ${when}` : `${when} · ${f.code}`;
    item.iconPath = new vscode.ThemeIcon('history', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`$(history) **${vscode.l10n.t('Remembered failure')}** — `);
    tooltip.appendText(vscode.l10n.t('ECS no longer returns this task (it keeps stopped tasks for about an hour); ECS Studio remembers what it saw.'));
    tooltip.appendMarkdown(`\n\n**${vscode.l10n.t('Task')} ${id}**\n\n`);
    if (f.taskDefinition) tooltip.appendMarkdown(`${vscode.l10n.t('Task definition')}: \`${f.taskDefinition}\`\n\n`);
    if (f.stoppedAt) tooltip.appendMarkdown(`${vscode.l10n.t('Stopped at')}: ${f.stoppedAt}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('First seen')}: ${f.firstSeen} · ${vscode.l10n.t('last seen')}: ${f.lastSeen}\n\n`);
    if (f.stopCode) tooltip.appendMarkdown(`${vscode.l10n.t('Stop code')}: ${f.stopCode}\n\n`);
    if (f.stoppedReason) tooltip.appendCodeblock(f.stoppedReason, 'text');
    for (const c of f.containers) {
      tooltip.appendMarkdown('\n').appendText(`${c.name}${c.exitCode !== undefined ? ` · exit ${c.exitCode}` : ''}${c.reason ? ` · ${c.reason}` : ''}`).appendMarkdown('\n\n');
    }
    tooltip.appendMarkdown(`\n**${f.code}**: `).appendText(f.title);
    if (f.findings.length > 0) {
      tooltip.appendMarkdown(`\n\n${vscode.l10n.t('Explained by')}:\n\n`);
      for (const finding of f.findings) tooltip.appendMarkdown(`- **${finding.code}**: `).appendText(finding.title).appendMarkdown('\n');
    }
    item.tooltip = tooltip;
    item.contextValue = this.where === 'problems' ? contextValue('rememberedFailure') : contextValue('task', 'remembered');
    item.accessibilityInformation = { label: `${vscode.l10n.t('Remembered failure')} ${f.code}: ${f.title}, ${when}` };
    return item;
  }
}
