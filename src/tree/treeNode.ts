import type * as vscode from 'vscode';

/**
 * A node of an ECS Studio tree. `getTreeItem` is cheap and synchronous; children load lazily.
 * Ids are stable across refreshes so VS Code keeps what was expanded.
 */
export abstract class TreeNode {
  abstract readonly id: string;

  constructor(readonly parent: TreeNode | undefined) {}

  abstract getTreeItem(): vscode.TreeItem;

  getChildren(): Promise<TreeNode[]> | TreeNode[] {
    return [];
  }
}
