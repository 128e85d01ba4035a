import * as vscode from 'vscode';
import type { Cluster } from '../model/cluster';
import { TreeNode } from './treeNode';

export class ClusterNode extends TreeNode {
  readonly id: string;

  constructor(parent: TreeNode | undefined, readonly cluster: Cluster) {
    super(parent);
    this.id = `cluster:${cluster.arn}`;
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.cluster;
    // Later the cluster expands to its services; until then it is a leaf.
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(c.status === 'ACTIVE' ? 'server-environment' : 'circle-slash');
    item.description = vscode.l10n.t('{0} running · {1} pending · {2} services', c.runningTasksCount, c.pendingTasksCount, c.activeServicesCount);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(c.name)}** — ${c.status}\n\n`);
    tooltip.appendMarkdown(vscode.l10n.t('Running tasks: {0}, pending: {1}, services: {2}', c.runningTasksCount, c.pendingTasksCount, c.activeServicesCount));
    tooltip.appendMarkdown('\n\n' + vscode.l10n.t('Capacity providers: {0}', c.capacityProviders.length > 0 ? c.capacityProviders.join(', ') : vscode.l10n.t('none')));
    tooltip.appendMarkdown(`\n\n\`${c.arn}\``);
    item.tooltip = tooltip;
    item.contextValue = `ecs.cluster+${c.status.toLowerCase()}`;
    return item;
  }
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
