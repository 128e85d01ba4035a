import * as assert from 'node:assert/strict';
import type { TreeNode } from '../../../src/tree/treeNode';
import { FakeProvider, PlainNode } from './fakeTree';

/** A node that loads something: "Refresh" below it stops here. */
class LoadingNode extends PlainNode {
  rereads = 0;
  resets = 0;
  failReread: Error | undefined;
  override refreshTarget(): TreeNode {
    return this;
  }
  override async reread(): Promise<void> {
    this.rereads++;
    if (this.failReread) throw this.failReread;
  }
  override reset(): void {
    this.resets++;
  }
}

describe('TreeNode', () => {
  it('a root hangs from its provider; every node below reaches the same provider', () => {
    const provider = new FakeProvider();
    const root = new PlainNode(provider, 'root');
    const child = new PlainNode(root, 'child');
    const grandchild = new PlainNode(child, 'leaf');
    assert.equal(root.parent, undefined);
    assert.equal(grandchild.parent, child);
    assert.ok([root, child, grandchild].every((n) => n.provider === provider));
  });

  it('Refresh on a node reloads the nearest node above it that loads anything, after that node reads itself again', async () => {
    const provider = new FakeProvider();
    const root = new LoadingNode(provider, 'root');
    const list = new LoadingNode(root, 'list');
    const folder = new PlainNode(list, 'folder');
    const leaf = new PlainNode(folder, 'leaf');
    await leaf.refresh();
    assert.deepEqual(provider.refreshes, [list]);
    assert.equal(list.rereads, 1);
    assert.equal(list.resets, 1);
    assert.equal(root.rereads + root.resets, 0, 'nothing above the target reloads');

    await list.refresh();
    assert.deepEqual(provider.refreshes, [list, list], 'a node that loads refreshes itself');
  });

  it('Refresh with nothing that loads above the node refreshes the whole view', async () => {
    const provider = new FakeProvider();
    const leaf = new PlainNode(new PlainNode(provider, 'placeholder-owner'), 'leaf');
    await leaf.refresh();
    assert.deepEqual(provider.refreshes, [undefined]);
  });

  it('a node that cannot be read again keeps what it loaded (the failure goes to the command)', async () => {
    const provider = new FakeProvider();
    const list = new LoadingNode(provider, 'list');
    list.failReread = new Error('ServiceNotFoundException');
    await assert.rejects(new PlainNode(list, 'leaf').refresh(), /ServiceNotFoundException/);
    assert.deepEqual(provider.refreshes, []);
    assert.equal(list.resets, 0);
  });

  it('reset() does nothing by default', () => {
    const node = new PlainNode(new FakeProvider(), 'plain');
    assert.doesNotThrow(() => node.reset());
  });
});
