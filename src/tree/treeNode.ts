import type * as vscode from 'vscode';

/**
 * The provider of the view a node is shown in, as its nodes see it (TreeProvider implements
 * it). Every node reaches it through `provider`, so a command on any node finds the node's
 * view without asking what kind of node it is.
 */
export interface NodeProvider {
  /** Re-renders a node from what it has loaded (undefined: the whole view). No AWS call. */
  changed(node: TreeNode | undefined): void;
  /** Shows a load in the view's progress bar. */
  withProgress<R>(task: () => Promise<R>): Thenable<R>;
  /** Forgets what a node loaded and shows it again (undefined: the whole view). */
  refresh(node?: TreeNode): void;
}

/** What a node hangs from: its parent node or, for a root, the provider of its view. */
export type NodeParent = TreeNode | NodeProvider;

/**
 * A node of an ECS Studio tree. `getTreeItem` is cheap and synchronous; children load lazily.
 * Ids are stable across refreshes so VS Code keeps what was expanded. No runtime vscode import:
 * the kit (this, PagedChildren) runs in unit tests with fake nodes.
 */
export abstract class TreeNode {
  abstract readonly id: string;
  /** The parent node; undefined for a root (getParent, reveal). */
  readonly parent: TreeNode | undefined;
  readonly provider: NodeProvider;

  constructor(parent: NodeParent) {
    if (parent instanceof TreeNode) {
      this.parent = parent;
      this.provider = parent.provider;
    } else {
      this.parent = undefined;
      this.provider = parent;
    }
  }

  abstract getTreeItem(): vscode.TreeItem;

  getChildren(): Promise<TreeNode[]> | TreeNode[] {
    return [];
  }

  /** Forgets what the node loaded (and aborts a load in flight); most nodes load nothing. */
  reset(): void {
    // Nothing loaded, nothing to forget.
  }

  /**
   * The node a "Refresh" on this one reloads: the nearest node, this one or above, that loads
   * anything (such a node returns itself); undefined when none does: the whole view reloads.
   */
  refreshTarget(): TreeNode | undefined {
    return this.parent?.refreshTarget();
  }

  /** Reads the node's own resource again (a cluster, a service), before its children reload. */
  async reread(): Promise<void> {
    // Most nodes show nothing of their own that a refresh reads again.
  }

  /** "Refresh" on this node: its refresh target reads itself and its children again. */
  async refresh(): Promise<void> {
    const target = this.refreshTarget();
    await target?.reread();
    this.provider.refresh(target);
  }
}

/** The node a parent is, or undefined for a provider (the roots' parent). */
export function parentNode(parent: NodeParent): TreeNode | undefined {
  return parent instanceof TreeNode ? parent : undefined;
}

/** The provider of a node's view, or the provider itself. */
export function providerOf(parent: NodeParent): NodeProvider {
  return parent instanceof TreeNode ? parent.provider : parent;
}
