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
    const { service, cluster, region, account } = this.scope;
    const item = new vscode.TreeItem(service, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = vscode.l10n.t('{0} · remembered: {1}', cluster, this.failures().length);
    item.iconPath = new vscode.ThemeIcon('history');
    item.tooltip = `${service} · ${cluster} · ${region} · ${account}\n` + vscode.l10n.t('Only failures ECS no longer returns. Open the report to check the service now.');
    item.command = { command: 'ecsStudio.openServiceReport', title: vscode.l10n.t('Open Service Report'), arguments: [{ key: this.key }] };
    item.contextValue = contextValue('problemService', 'remembered');
    return item;
  }

  override getChildren(): TreeNode[] {
    return rememberedNodes(this, this.failures());
  }
}
