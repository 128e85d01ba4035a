// The tree kit inside VS Code, with fake nodes: the provider base (items, children, parents,
// refresh of a node or of the view, progress) and a list node with the real message nodes.
// No AWS: the pages come from a script.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Page } from '../../src/model/cluster';
import { ListNode } from '../../src/tree/listNode';
import { ErrorNode, LoadMoreNode } from '../../src/tree/messageNodes';
import { TreeNode, type NodeParent } from '../../src/tree/treeNode';
import { TreeProvider } from '../../src/tree/treeProvider';

/** A view whose progress the tests may show (its own provider is not involved). */
const SOME_VIEW_ID = 'ecsStudio.network';

class ItemNode extends TreeNode {
  readonly id: string;
  constructor(parent: TreeNode, readonly n: number) {
    super(parent);
    this.id = `${parent.id}/item:${n}`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`item ${this.n}`);
    item.id = this.id;
    return item;
  }
}

/** A list whose pages come from `pages` (keyed by token; '' is the first page); an Error fails that page. */
class NumbersNode extends ListNode<number> {
  readonly fetched: Array<string | undefined> = [];
  rereads = 0;
  constructor(parent: NodeParent, id: string, readonly pages: Map<string, Page<number> | Error>) {
    super(parent, { id, idPrefix: `${id}/numbers`, emptyLabel: 'No numbers', errorLabel: 'Failed to load numbers' });
  }
  protected async fetchPage(token: string | undefined): Promise<Page<number>> {
    this.fetched.push(token);
    const page = this.pages.get(token ?? '');
    if (!page) throw new Error(`no page ${token}`);
    if (page instanceof Error) throw page;
    return page;
  }
  protected toNode(n: number): TreeNode {
    return new ItemNode(this, n);
  }
  override async reread(): Promise<void> {
    this.rereads++;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('numbers', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    return item;
  }
}

class KitProvider extends TreeProvider {
  readonly list: NumbersNode;
  rootResets = 0;
  readonly events: Array<TreeNode | undefined> = [];
  constructor(pages: Map<string, Page<number> | Error>) {
    super(SOME_VIEW_ID);
    this.list = new NumbersNode(this, 'kit/numbers', pages);
    this.subscriptions.push(this.onDidChangeTreeData((node) => this.events.push(node ?? undefined)));
  }
  protected getRoots(): TreeNode[] {
    return [this.list];
  }
  protected resetRoots(): void {
    this.rootResets++;
    this.list.reset();
  }
}

function page(items: number[], nextToken?: string): Page<number> {
  return { items, nextToken };
}

async function children(provider: KitProvider, node?: TreeNode): Promise<TreeNode[]> {
  return provider.getChildren(node);
}

describe('Tree kit: provider base and list nodes', () => {
  const providers: KitProvider[] = [];
  function kit(pages: Array<[string, Page<number> | Error]>): KitProvider {
    const provider = new KitProvider(new Map(pages));
    providers.push(provider);
    return provider;
  }
  after(() => providers.forEach((p) => p.dispose()));

  it('hands VS Code each node\'s own item, its children and its parent', async () => {
    const provider = kit([['', page([1, 2], 't2')]]);
    const [root] = await children(provider);
    assert.equal(root, provider.list);
    assert.equal(provider.getParent(provider.list), undefined);
    const items = await children(provider, provider.list);
    assert.deepEqual(items.map((n) => n.id), ['kit/numbers/item:1', 'kit/numbers/item:2', 'kit/numbers/numbers/load-more']);
    assert.ok(items.every((n) => provider.getParent(n) === provider.list));
    assert.equal(provider.getTreeItem(items[0]!).label, 'item 1');
  });

  it('"Load more" loads the next page, and the view re-renders the list', async () => {
    const provider = kit([['', page([1], 't2')], ['t2', page([2])]]);
    const more = (await children(provider, provider.list)).at(-1);
    assert.ok(more instanceof LoadMoreNode);
    const item = more.getTreeItem();
    assert.equal(item.contextValue, 'ecs.loadMore');
    assert.equal(item.command?.command, 'ecsStudio.loadMore');
    assert.deepEqual(item.command?.arguments, [more]);
    await more.loadMore();
    assert.deepEqual(provider.events, [provider.list]);
    assert.deepEqual((await children(provider, provider.list)).map((n) => n.id), ['kit/numbers/item:1', 'kit/numbers/item:2']);
    assert.deepEqual(provider.list.fetched, [undefined, 't2']);
  });

  it('shows a placeholder for an empty list', async () => {
    const provider = kit([['', page([])]]);
    const [placeholder] = await children(provider, provider.list);
    const item = placeholder!.getTreeItem();
    assert.equal(item.id, 'kit/numbers/numbers/placeholder');
    assert.equal(item.label, 'No numbers');
    assert.equal(item.contextValue, 'ecs.placeholder');
  });

  it('shows a failed page as an error item whose click retries it', async () => {
    const pages = new Map<string, Page<number> | Error>([['', new Error('Rate exceeded')]]);
    const provider = new KitProvider(pages);
    providers.push(provider);
    const [error] = await children(provider, provider.list);
    assert.ok(error instanceof ErrorNode);
    const item = error.getTreeItem();
    assert.equal(item.id, 'kit/numbers/numbers/error');
    assert.equal(item.label, 'Failed to load numbers');
    assert.equal(item.description, 'Rate exceeded');
    assert.equal(item.contextValue, 'ecs.error');
    assert.equal(item.command?.command, 'ecsStudio.retryNode');
    pages.set('', page([7]));
    error.doRetry();
    assert.deepEqual(provider.events, [provider.list]);
    assert.deepEqual((await children(provider, provider.list)).map((n) => n.id), ['kit/numbers/item:7']);
  });

  it('refresh(node) reloads that node; refresh() reloads the roots; each re-renders what it reloaded', async () => {
    const provider = kit([['', page([1])]]);
    await children(provider, provider.list);
    provider.refresh(provider.list);
    await children(provider, provider.list);
    assert.deepEqual(provider.list.fetched, [undefined, undefined]);
    assert.equal(provider.rootResets, 0);
    provider.refresh();
    assert.equal(provider.rootResets, 1);
    assert.deepEqual(provider.events, [provider.list, undefined]);
  });

  it('Refresh on an item reads its list again and reloads it (no instanceof: the node knows its provider)', async () => {
    const provider = kit([['', page([1])]]);
    const [item] = await children(provider, provider.list);
    assert.equal(item!.provider, provider);
    await item!.refresh();
    assert.equal(provider.list.rereads, 1);
    assert.deepEqual(provider.events, [provider.list]);
    await children(provider, provider.list);
    assert.deepEqual(provider.list.fetched, [undefined, undefined]);
  });

  it('shows a load in the view\'s progress and hands back its result', async () => {
    const provider = kit([]);
    assert.equal(await provider.withProgress(async () => 42), 42);
  });
});
