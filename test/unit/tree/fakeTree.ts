// Fakes for the tree kit's unit tests: a provider that records what the nodes ask of it, plain
// nodes, message nodes that say which kind they are, and a page source the test answers by hand.
import type * as vscode from 'vscode';
import type { Page } from '../../../src/model/cluster';
import type { MessageNodes } from '../../../src/tree/pagedChildren';
import { TreeNode, type NodeParent, type NodeProvider } from '../../../src/tree/treeNode';

export class FakeProvider implements NodeProvider {
  /** Every node the view was asked to re-render (undefined: the whole view). */
  readonly changes: Array<TreeNode | undefined> = [];
  /** Every node the view was asked to refresh (undefined: the whole view). */
  readonly refreshes: Array<TreeNode | undefined> = [];
  progressShown = 0;
  private waiters: Array<() => void> = [];

  changed(node: TreeNode | undefined): void {
    this.changes.push(node);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once the view has been asked to re-render `count` times in all. */
  async changesReach(count: number): Promise<void> {
    while (this.changes.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  withProgress<R>(task: () => Promise<R>): Thenable<R> {
    this.progressShown++;
    return task();
  }

  refresh(node?: TreeNode): void {
    node?.reset();
    this.refreshes.push(node);
  }
}

/** A node with a label and nothing to load. */
export class PlainNode extends TreeNode {
  readonly id: string;
  constructor(parent: NodeParent, readonly label: string) {
    super(parent);
    this.id = `${this.parent ? `${this.parent.id}/` : ''}${label}`;
  }
  getTreeItem(): vscode.TreeItem {
    return { id: this.id, label: this.label };
  }
}

export type MessageKind = 'placeholder' | 'error' | 'loadMore';

export class FakeMessageNode extends TreeNode {
  constructor(
    parent: NodeParent,
    readonly id: string,
    readonly kind: MessageKind,
    readonly label: string,
    readonly detail: string | undefined,
    /** Retry for an error node, load for "Load more". */
    readonly act: () => unknown,
  ) {
    super(parent);
  }
  getTreeItem(): vscode.TreeItem {
    return { id: this.id, label: this.label };
  }
}

export const fakeMessages: MessageNodes = {
  placeholder: (parent, idPrefix, label) => new FakeMessageNode(parent, `${idPrefix}/placeholder`, 'placeholder', label, undefined, () => undefined),
  error: (parent, idPrefix, label, detail, retry) => new FakeMessageNode(parent, `${idPrefix}/error`, 'error', label, detail, retry),
  loadMore: (parent, idPrefix, load) => new FakeMessageNode(parent, `${idPrefix}/load-more`, 'loadMore', 'Load more', undefined, load),
};

export interface PageCall<T> {
  readonly token: string | undefined;
  readonly signal: AbortSignal;
  resolve(page: Page<T>): void;
  reject(error: unknown): void;
}

/** A fetchPage whose every call waits until the test answers it. */
export function pageSource<T>(): { calls: Array<PageCall<T>>; fetchPage: (token: string | undefined, signal: AbortSignal) => Promise<Page<T>> } {
  const calls: Array<PageCall<T>> = [];
  return {
    calls,
    fetchPage: (token, signal) => new Promise<Page<T>>((resolve, reject) => calls.push({ token, signal, resolve, reject })),
  };
}

export function ids(nodes: readonly TreeNode[]): string[] {
  return nodes.map((n) => n.id);
}

/** The message node at the end of a list, of the kind expected. */
export function lastMessage(nodes: readonly TreeNode[], kind: MessageKind): FakeMessageNode {
  const last = nodes[nodes.length - 1];
  if (!(last instanceof FakeMessageNode) || last.kind !== kind) throw new Error(`expected a ${kind} node last, got ${ids(nodes).join(', ')}`);
  return last;
}
