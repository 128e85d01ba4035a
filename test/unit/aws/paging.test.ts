// The paging helper with a real SDK client and paginator (ECS ListServices) against a local
// endpoint that pages as AWS does: every request is recorded as it arrived on the wire.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ECSClient, paginateListServices } from '@aws-sdk/client-ecs';
import { allItems, listAll, tokenPages } from '../../../src/aws/paging';

interface ListServicesRequest {
  readonly cluster?: string;
  readonly maxResults?: number;
  readonly nextToken?: string;
}

const ARNS = Array.from({ length: 25 }, (_, i) => `arn:aws:ecs:eu-west-1:123456789012:service/c/svc-${String(i).padStart(2, '0')}`);

/** ListServices over ARNS: `maxResults` per page (AWS's default 10), the token is the next index. */
async function startEndpoint(onRequest?: (index: number) => Promise<void>): Promise<{ url: string; requests: ListServicesRequest[]; close(): Promise<void> }> {
  const requests: ListServicesRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ListServicesRequest;
        requests.push(body);
        await onRequest?.(requests.length);
        const start = Number(body.nextToken ?? 0);
        const end = start + (body.maxResults ?? 10);
        const page = { serviceArns: ARNS.slice(start, end), ...(end < ARNS.length ? { nextToken: String(end) } : {}) };
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify(page));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function clientFor(url: string): ECSClient {
  return new ECSClient({ region: 'eu-west-1', endpoint: url, maxAttempts: 1, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } });
}

describe('paging (aws/paging.ts)', () => {
  it('follows the SDK paginator to the last page, asking for the page size on every request', async () => {
    const endpoint = await startEndpoint();
    const client = clientFor(endpoint.url);
    try {
      const arns = await listAll(paginateListServices, { client, pageSize: 10 }, { cluster: 'c' }, (page) => page.serviceArns);
      assert.deepEqual(arns, ARNS);
      assert.deepEqual(endpoint.requests, [
        { cluster: 'c', maxResults: 10 },
        { cluster: 'c', maxResults: 10, nextToken: '10' },
        { cluster: 'c', maxResults: 10, nextToken: '20' },
      ]);
    } finally {
      client.destroy();
      await endpoint.close();
    }
  });

  it('reads a whole list in one request when the page size covers it', async () => {
    const endpoint = await startEndpoint();
    const client = clientFor(endpoint.url);
    try {
      assert.equal((await listAll(paginateListServices, { client, pageSize: 100 }, { cluster: 'c' }, (page) => page.serviceArns)).length, 25);
      assert.deepEqual(endpoint.requests, [{ cluster: 'c', maxResults: 100 }]);
    } finally {
      client.destroy();
      await endpoint.close();
    }
  });

  it('hands the abort signal to every request: aborting during the second page rejects and asks for no third', async () => {
    const controller = new AbortController();
    const endpoint = await startEndpoint(async (index) => {
      if (index !== 2) return;
      controller.abort();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const client = clientFor(endpoint.url);
    try {
      await assert.rejects(
        listAll(paginateListServices, { client, pageSize: 10 }, { cluster: 'c' }, (page) => page.serviceArns, { signal: controller.signal }),
        (err: Error) => err.name === 'AbortError',
      );
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(endpoint.requests.length, 2);
    } finally {
      client.destroy();
      await endpoint.close();
    }
  });

  it('sends nothing when the signal is already aborted', async () => {
    const endpoint = await startEndpoint();
    const client = clientFor(endpoint.url);
    try {
      await assert.rejects(
        listAll(paginateListServices, { client, pageSize: 10 }, { cluster: 'c' }, (page) => page.serviceArns, { signal: AbortSignal.abort() }),
        (err: Error) => err.name === 'AbortError',
      );
      assert.equal(endpoint.requests.length, 0);
    } finally {
      client.destroy();
      await endpoint.close();
    }
  });

  it('pages an operation without an SDK paginator by its token until none is left (an empty token ends it too)', async () => {
    const asked: Array<string | undefined> = [];
    const pages: Record<string, { items: string[]; next?: string }> = {
      first: { items: ['a', 'b'], next: 't1' },
      t1: { items: ['c'], next: 't2' },
      t2: { items: ['d'], next: '' },
    };
    const items = await allItems(
      tokenPages(async (token: string | undefined) => {
        asked.push(token);
        return pages[token ?? 'first'] ?? { items: [] };
      }, (page) => page.next),
      (page) => page.items,
    );
    assert.deepEqual(items, ['a', 'b', 'c', 'd']);
    assert.deepEqual(asked, [undefined, 't1', 't2']);
  });

  it('treats a page without its list as an empty page', async () => {
    async function* pages(): AsyncGenerator<{ list?: number[] }> {
      yield { list: [1] };
      yield {};
      yield { list: [2, 3] };
    }
    assert.deepEqual(await allItems(pages(), (page) => page.list), [1, 2, 3]);
  });
});
