/**
 * What the four views share: VS Code gets each node's own item and children, and each node's
 * parent (so reveal works); a refresh forgets what one node, or the whole view, loaded; loads
 * show in the view's progress bar. A view supplies only its roots and how to forget them.
 */
import * as vscode from 'vscode';
import type { NodeProvider, TreeNode } from './treeNode';

export abstract class TreeProvider implements vscode.TreeDataProvider<TreeNode>, NodeProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  /** Disposed with the provider. */
  protected readonly subscriptions: vscode.Disposable[] = [];
  private treeView: vscode.TreeView<TreeNode> | undefined;

  constructor(readonly viewId: string) {}

  /** The top level of the view. */
  protected abstract getRoots(): Promise<TreeNode[]> | TreeNode[];
  /** Forgets what the top level loaded (a refresh of the whole view). */
  protected abstract resetRoots(): void;

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> | TreeNode[] {
    return node ? node.getChildren() : this.getRoots();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Reloads the whole view, or one node and what is below it. */
  refresh(node?: TreeNode): void {
    if (node) node.reset();
    else this.resetRoots();
    this.emitter.fire(node);
  }

  /** Re-renders a node (undefined: the whole view) from what it has loaded. */
  changed(node: TreeNode | undefined): void {
    this.emitter.fire(node);
  }

  withProgress<R>(task: () => Promise<R>): Thenable<R> {
    return vscode.window.withProgress({ location: { viewId: this.viewId } }, task);
  }

  /** Creates the provider's view (with "Collapse All") and attaches to it. */
  createView(): vscode.TreeView<TreeNode> {
    const view = vscode.window.createTreeView(this.viewId, { treeDataProvider: this, showCollapseAll: true });
    this.attach(view);
    return view;
  }

  /** Lets the provider reveal nodes, set the view's description and follow its visibility. */
  attach(view: vscode.TreeView<TreeNode>): void {
    this.treeView = view;
  }

  protected get view(): vscode.TreeView<TreeNode> | undefined {
    return this.treeView;
  }

  get visible(): boolean {
    return this.treeView?.visible ?? false;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}
