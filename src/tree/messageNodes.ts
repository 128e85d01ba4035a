/** The nodes every list can show besides its items: a placeholder, an error with a retry, "Load more". */
import * as vscode from 'vscode';
import type { MessageNodes } from './pagedChildren';
import { TreeNode, type NodeParent } from './treeNode';

export class PlaceholderNode extends TreeNode {
  readonly id: string;
  constructor(parent: NodeParent, idPrefix: string, readonly label: string) {
    super(parent);
    this.id = `${idPrefix}/placeholder`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = 'ecs.placeholder';
    return item;
  }
}

export class ErrorNode extends TreeNode {
  readonly id: string;
  constructor(
    parent: NodeParent,
    idPrefix: string,
    readonly label: string,
    readonly detail: string,
    private readonly retry: () => void,
    /** An expired session or expired credentials: the item offers "Sign In to AWS (SSO)" beside Retry. */
    readonly offerSignIn = false,
  ) {
    super(parent);
    this.id = `${idPrefix}/error`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.description = this.detail;
    const tooltip = new vscode.MarkdownString().appendText(this.detail).appendMarkdown('\n\n' + vscode.l10n.t('Click to retry.'));
    if (this.offerSignIn) {
      tooltip.appendMarkdown(' ' + vscode.l10n.t('[Sign in to AWS (SSO)]({0}) first.', 'command:ecsStudio.signIn'));
      tooltip.isTrusted = { enabledCommands: ['ecsStudio.signIn'] };
    }
    item.tooltip = tooltip;
    item.contextValue = this.offerSignIn ? 'ecs.error.signIn' : 'ecs.error';
    item.command = { command: 'ecsStudio.retryNode', title: vscode.l10n.t('Retry'), arguments: [this] };
    return item;
  }
  doRetry(): void {
    this.retry();
  }
}

export class LoadMoreNode extends TreeNode {
  readonly id: string;
  constructor(parent: NodeParent, idPrefix: string, private readonly load: () => Promise<void>) {
    super(parent);
    this.id = `${idPrefix}/load-more`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'ecs.loadMore';
    item.command = { command: 'ecsStudio.loadMore', title: vscode.l10n.t('Load more'), arguments: [this] };
    return item;
  }
  loadMore(): Promise<void> {
    return this.load();
  }
}

/** The message nodes PagedChildren builds in the views. */
export const messageNodes: MessageNodes = {
  placeholder: (parent, idPrefix, label) => new PlaceholderNode(parent, idPrefix, label),
  error: (parent, idPrefix, label, detail, retry, offerSignIn) => new ErrorNode(parent, idPrefix, label, detail, retry, offerSignIn),
  loadMore: (parent, idPrefix, load) => new LoadMoreNode(parent, idPrefix, load),
};
