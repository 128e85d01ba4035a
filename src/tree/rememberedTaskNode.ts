/**
 * A failed task ECS no longer returns, as ECS Studio remembers it (history/historyStore.ts): in
 * the Clusters view's Stopped tasks and under a service of the Problems view. Marked as
 * remembered with its time ("remembered · stopped 3 h ago"), a history icon, and a tooltip with
 * what was seen (doctor/rememberedReport.ts).
 */
import * as vscode from 'vscode';
import { loadAws } from '../awsModule';
import type { RememberedFailure } from '../doctor/failureHistory';
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
    // The history's words travel with the AWS layer, loaded since the history was read.
    const { rememberedDescription, rememberedTaskId, rememberedTooltip } = loadAws();
    const id = rememberedTaskId(f);
    const label = this.where === 'problems' ? `${f.title} (task ${shortTaskId(id)})` : shortTaskId(id);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const when = rememberedDescription(f, new Date());
    item.description = this.where === 'problems' ? `${f.code} · ${when}` : `${when} · ${f.code}`;
    item.iconPath = new vscode.ThemeIcon('history', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.tooltip = new vscode.MarkdownString(rememberedTooltip(f), true);
    item.contextValue = this.where === 'problems' ? contextValue('rememberedFailure') : contextValue('task', 'remembered');
    item.accessibilityInformation = { label: `${f.code}: ${f.title}, ${when}` };
    return item;
  }
}
