/**
 * The Problems view's remembered failures (history/historyStore.ts): under a service with
 * problems, its failed tasks ECS no longer returns; and a root of their own for a service whose
 * only failures ECS has forgotten (checked clean since, or not failing now), so the morning's
 * failure is still there after lunch. They are listed here and in the report, never as
 * diagnostics in the Problems panel: that panel shows what is wrong now, with its quick fixes.
 */
import * as vscode from 'vscode';
import type { FailureScope, RememberedFailure } from '../doctor/failureHistory';
import { contextValue } from '../tree/contextValues';
import { RememberedTaskNode } from '../tree/rememberedTaskNode';
import { TreeNode, type NodeProvider } from '../tree/treeNode';
import type { ServiceKey } from './reportUri';
import { serviceKeyId } from './reportUri';

/** The remembered failures of one service as nodes under `parent`. */
export function rememberedNodes(parent: TreeNode, failures: readonly RememberedFailure[]): TreeNode[] {
  return failures.map((f) => new RememberedTaskNode(parent, f, 'problems'));
}

/** A service none of whose failures ECS still returns: its remembered failures, no check. */
export class RememberedServiceNode extends TreeNode {
  readonly id: string;
  readonly key: ServiceKey;

  constructor(provider: NodeProvider, readonly scope: FailureScope, private readonly failures: () => readonly RememberedFailure[]) {
    super(provider);
    this.key = { region: scope.region, cluster: scope.cluster, service: scope.service };
    this.id = `problems:${serviceKeyId(this.key)}`;
  }

  getTreeItem(): vscode.TreeItem {
    const count = this.failures().length;
    const item = new vscode.TreeItem(this.scope.service, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = count === 1
      ? vscode.l10n.t('{0} · 1 remembered failure', this.scope.cluster)
      : vscode.l10n.t('{0} · {1} remembered failures', this.scope.cluster, count);
    item.iconPath = new vscode.ThemeIcon('history');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${this.scope.service}** · ${this.scope.cluster} · ${this.scope.region} · ${this.scope.account}\n\n`);
    tooltip.appendText(vscode.l10n.t('Failures ECS no longer returns, as ECS Studio saw them. Open the report to check the service now.'));
    item.tooltip = tooltip;
    item.command = { command: 'ecsStudio.openServiceReport', title: vscode.l10n.t('Open Service Report'), arguments: [{ key: this.key }] };
    item.contextValue = contextValue('problemService', 'remembered');
    return item;
  }

  override getChildren(): TreeNode[] {
    return rememberedNodes(this, this.failures());
  }
}
