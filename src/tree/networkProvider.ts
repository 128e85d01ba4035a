/**
 * The Network view: two roots, "VPCs" and "Load balancers". Everything below loads when
 * expanded; a refresh forgets what was read and keeps the ids (and so the expansion).
 */
import * as vscode from 'vscode';
import type { AwsContext } from '../connection/awsContext';
import { LoadBalancersNode } from './loadBalancerNodes';
import { VpcsNode } from './vpcNodes';
import { isResettable } from './resettable';
import type { TreeEnv } from './treeEnv';
import type { TreeNode } from './treeNode';

export const NETWORK_VIEW_ID = 'ecsStudio.network';

export class NetworkProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly roots: [VpcsNode, LoadBalancersNode];
  private readonly subscription: vscode.Disposable;

  constructor(private readonly aws: AwsContext) {
    const env: TreeEnv = {
      session: () => this.aws.current(),
      changed: (node) => this.changed.fire(node),
      withProgress: (task) => vscode.window.withProgress({ location: { viewId: NETWORK_VIEW_ID } }, task),
    };
    this.roots = [new VpcsNode(env), new LoadBalancersNode(env)];
    this.subscription = aws.onDidChangeConnection(() => this.refresh());
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> | TreeNode[] {
    return node ? node.getChildren() : this.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Reloads the whole view, or one node and what is below it. */
  refresh(node?: TreeNode): void {
    if (!node) {
      for (const root of this.roots) root.reset();
    } else if (isResettable(node)) {
      node.reset();
    }
    this.changed.fire(node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
