// The service form's read cache: kept reads answer without running again, calls share a read in
// flight, failures are never kept, and a read cancelled by the call that started it (a superseded
// preflight) is run again for the call that still wants it.
import * as assert from 'node:assert/strict';
import { cacheKey, createPreflightCache } from '../../../src/aws/preflightCache';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('aws/preflightCache', () => {
  it('keeps a read and shares one in flight', async () => {
    const cache = createPreflightCache();
    let runs = 0;
    const gate = deferred<string>();
    const run = () => { runs++; return gate.promise; };
    const a = cache.read('k', run);
    const b = cache.read('k', run);
    gate.resolve('v');
    assert.deepEqual(await Promise.all([a, b]), ['v', 'v']);
    assert.equal(await cache.read('k', run), 'v');
    assert.equal(runs, 1);
    assert.equal(cache.size, 1);
    cache.clear();
    assert.equal(cache.size, 0);
  });

  it('never keeps a failure', async () => {
    const cache = createPreflightCache();
    await assert.rejects(cache.read('k', () => Promise.reject(new Error('AccessDenied'))), /AccessDenied/);
    assert.equal(cache.size, 0);
    assert.equal(await cache.read('k', () => Promise.resolve(2)), 2);
  });

  it("runs again for a caller whose shared read was cancelled by someone else's signal; its own cancellation ends it", async () => {
    const cache = createPreflightCache();
    const first = new AbortController();
    const gate = deferred<number>();
    const superseded = cache.read('k', () => gate.promise, first.signal);
    const current = cache.read('k', () => Promise.resolve(7), new AbortController().signal);
    first.abort();
    gate.reject(Object.assign(new Error('Cancelled.'), { name: 'AbortError' }));
    await assert.rejects(superseded, /Cancelled/);
    assert.equal(await current, 7);

    const mine = new AbortController();
    const gate2 = deferred<number>();
    const started = cache.read('j', () => gate2.promise, mine.signal);
    const sharing = cache.read('j', () => Promise.resolve(1), mine.signal);
    mine.abort();
    gate2.reject(new Error('Cancelled.'));
    await assert.rejects(started, /Cancelled/);
    await assert.rejects(sharing, /Cancelled/, 'an aborted caller does not start its own read');
  });

  it('keys never mix profiles, Regions or endpoints', () => {
    const keys = new Set([
      cacheKey({ profile: 'a', region: 'ap-northeast-2', endpointUrl: undefined }, 'vpc:1'),
      cacheKey({ profile: 'b', region: 'ap-northeast-2', endpointUrl: undefined }, 'vpc:1'),
      cacheKey({ profile: 'a', region: 'eu-west-1', endpointUrl: undefined }, 'vpc:1'),
      cacheKey({ profile: 'a', region: 'ap-northeast-2', endpointUrl: 'http://127.0.0.1:5000' }, 'vpc:1'),
    ]);
    assert.equal(keys.size, 4);
  });
});
