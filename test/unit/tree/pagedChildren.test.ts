import * as assert from 'node:assert/strict';
import { PagedChildren, type PagedChildrenOptions } from '../../../src/tree/pagedChildren';
import type { NodeParent } from '../../../src/tree/treeNode';
import { FakeProvider, fakeMessages, ids, lastMessage, pageSource, PlainNode, type PageCall } from './fakeTree';

function setup(owner?: (provider: FakeProvider) => NodeParent, options: Partial<PagedChildrenOptions<string>> = {}) {
  const provider = new FakeProvider();
  const parent = owner ? owner(provider) : new PlainNode(provider, 'folder');
  const source = pageSource<string>();
  const list = new PagedChildren<string>({
    owner: parent,
    idPrefix: 'folder/list',
    fetchPage: source.fetchPage,
    toNode: (item) => new PlainNode(parent, item),
    emptyLabel: 'Nothing here',
    errorLabel: 'Failed to load things',
    messages: fakeMessages,
    ...options,
  });
  const call = (i: number): PageCall<string> => {
    const c = source.calls[i];
    if (!c) throw new Error(`fetchPage was called ${source.calls.length} time(s), not ${i + 1}`);
    return c;
  };
  return { provider, parent, list, calls: source.calls, call };
}

describe('PagedChildren', () => {
  it('shows the first page with "Load more", appends the next page on it and tells the view', async () => {
    const { provider, parent, list, calls, call } = setup();
    const first = list.getChildren();
    assert.equal(call(0).token, undefined);
    call(0).resolve({ items: ['a', 'b'], nextToken: 't2' });
    const children = await first;
    assert.deepEqual(ids(children), ['folder/a', 'folder/b', 'folder/list/load-more']);
    assert.ok(children.every((n) => n.parent === parent));

    const more = lastMessage(children, 'loadMore').act() as Promise<void>;
    assert.equal(call(1).token, 't2');
    call(1).resolve({ items: ['c'], nextToken: undefined });
    await more;
    assert.deepEqual(provider.changes, [parent]);
    assert.deepEqual(ids(await list.getChildren()), ['folder/a', 'folder/b', 'folder/c']);
    assert.equal(calls.length, 2, 'the pages shown are not read again');
    assert.equal(provider.progressShown, 2, 'each page load shows in the view');

    await list.loadMore();
    assert.equal(calls.length, 2, 'after the last page "Load more" reads nothing');
  });

  it('shows a placeholder for an empty list, and no "Load more"', async () => {
    const { list, call } = setup();
    const loading = list.getChildren();
    call(0).resolve({ items: [], nextToken: undefined });
    const children = await loading;
    assert.deepEqual(ids(children), ['folder/list/placeholder']);
    assert.equal(lastMessage(children, 'placeholder').label, 'Nothing here');
  });

  it('shows the tail only once the list has ended, given the items\' nodes, and no placeholder beside it', async () => {
    let given: string[] = [];
    const holder: { parent?: NodeParent } = {};
    const { list, call } = setup(undefined, {
      tail: async (nodes) => {
        given = ids(nodes);
        return [];
      },
    });
    const first = list.getChildren();
    call(0).resolve({ items: ['a'], nextToken: 't2' });
    assert.deepEqual(ids(await first), ['folder/a', 'folder/list/load-more']);
    assert.deepEqual(given, [], 'no tail while pages are left');
    const more = list.loadMore();
    call(1).resolve({ items: [], nextToken: undefined });
    await more;
    assert.deepEqual(ids(await list.getChildren()), ['folder/a']);
    assert.deepEqual(given, ['folder/a']);

    const empty = setup(undefined, { tail: async () => (holder.parent ? [new PlainNode(holder.parent, 'remembered')] : []) });
    holder.parent = empty.parent;
    const loading = empty.list.getChildren();
    empty.call(0).resolve({ items: [], nextToken: undefined });
    assert.deepEqual(ids(await loading), ['folder/remembered'], 'the tail takes the placeholder\'s place');
  });

  it('shows an error node for a failed first page; its retry reloads on the next read', async () => {
    const { provider, parent, list, calls, call } = setup();
    const loading = list.getChildren();
    call(0).reject(new Error('Rate exceeded'));
    const children = await loading;
    const error = lastMessage(children, 'error');
    assert.deepEqual(ids(children), ['folder/list/error']);
    assert.equal(error.label, 'Failed to load things');
    assert.equal(error.detail, 'Rate exceeded');
    assert.deepEqual(ids(await list.getChildren()), ['folder/list/error'], 'a failure stays until retried');
    assert.equal(calls.length, 1);

    error.act();
    assert.deepEqual(provider.changes, [parent], 'retry asks the view to read the list again');
    assert.equal(calls.length, 1, 'a failed first page loads when the view reads it, not before');
    const again = list.getChildren();
    call(1).resolve({ items: ['a'], nextToken: undefined });
    assert.deepEqual(ids(await again), ['folder/a']);
  });

  it('keeps the items when a later page fails; its retry loads that page again at once', async () => {
    const { provider, parent, list, call } = setup();
    const loading = list.getChildren();
    call(0).resolve({ items: ['a'], nextToken: 't2' });
    const more = lastMessage(await loading, 'loadMore').act() as Promise<void>;
    call(1).reject(new Error('Throttled'));
    await more;
    const children = await list.getChildren();
    assert.deepEqual(ids(children), ['folder/a', 'folder/list/error']);

    lastMessage(children, 'error').act();
    assert.equal(call(2).token, 't2');
    call(2).resolve({ items: ['b'], nextToken: undefined });
    await provider.changesReach(2);
    assert.deepEqual(provider.changes, [parent, parent]);
    assert.deepEqual(ids(await list.getChildren()), ['folder/a', 'folder/b']);
  });

  it('lets onError see a failure and hide the error node', async () => {
    const seen: string[] = [];
    const { list, call } = setup(undefined, { onError: (e) => (seen.push(`${e.kind}: ${e.message}`), true) });
    const loading = list.getChildren();
    call(0).reject(new Error('no credentials'));
    assert.deepEqual(await loading, []);
    assert.deepEqual(seen, ['unexpected: no credentials']);
  });

  it('aborts a load in flight on reset, drops its page, and starts over on the next read', async () => {
    const { list, call } = setup();
    const stale = list.getChildren();
    list.reset();
    assert.equal(call(0).signal.aborted, true);
    call(0).resolve({ items: ['old'], nextToken: undefined });
    assert.deepEqual(await stale, []);

    const fresh = list.getChildren();
    assert.equal(call(1).token, undefined);
    assert.equal(call(1).signal.aborted, false);
    call(1).resolve({ items: ['new'], nextToken: undefined });
    assert.deepEqual(ids(await fresh), ['folder/new']);
  });

  it('shows no error for a load that failed after a reset', async () => {
    const { list, call } = setup();
    const stale = list.getChildren();
    list.reset();
    call(0).reject(new Error('aborted'));
    assert.deepEqual(await stale, []);
    const fresh = list.getChildren();
    call(1).resolve({ items: [], nextToken: undefined });
    assert.deepEqual(ids(await fresh), ['folder/list/placeholder']);
  });

  it('shares one fetch between reads of the same page', async () => {
    const { list, calls, call } = setup();
    const one = list.getChildren();
    const two = list.getChildren();
    assert.equal(calls.length, 1);
    call(0).resolve({ items: ['a'], nextToken: undefined });
    assert.deepEqual(ids(await one), ids(await two));
  });

  it('gives the same ids after a reset and reload, so VS Code keeps what was expanded', async () => {
    const { list, call } = setup();
    const first = list.getChildren();
    call(0).resolve({ items: ['a', 'b'], nextToken: 't2' });
    const before = ids(await first);
    list.reset();
    const second = list.getChildren();
    call(1).resolve({ items: ['a', 'b'], nextToken: 't2' });
    assert.deepEqual(ids(await second), before);
  });

  it('for a view\'s roots, hangs its nodes from the provider and re-renders the whole view', async () => {
    const { provider, list, call } = setup((p) => p);
    const loading = list.getChildren();
    call(0).resolve({ items: ['a'], nextToken: 't2' });
    const roots = await loading;
    assert.ok(roots.every((n) => n.parent === undefined && n.provider === provider));
    const more = lastMessage(roots, 'loadMore').act() as Promise<void>;
    call(1).resolve({ items: ['b'], nextToken: undefined });
    await more;
    assert.deepEqual(provider.changes, [undefined]);
  });
});
