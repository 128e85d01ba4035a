import * as assert from 'node:assert/strict';
import { debounced, requestClient } from '../../../media/shared/client';
import type { FormRequests, RequestMessage } from '../../../src/webviews/protocol';

describe('the forms\' webview request client (media/shared/client.ts)', () => {
  it('numbers each request and settles it by the response with its number', async () => {
    const posted: RequestMessage[] = [];
    const client = requestClient<FormRequests>((m) => posted.push(m));
    const first = client.request('createExecutionRole', {});
    const second = client.request('pickImage', { container: 1 });
    assert.deepEqual(posted, [
      { type: 'request', req: 1, command: 'createExecutionRole', args: {} },
      { type: 'request', req: 2, command: 'pickImage', args: { container: 1 } },
    ]);
    client.settle({ type: 'response', req: 2, ok: false, error: { message: 'no repositories', path: 'containers[1].image' } });
    client.settle({ type: 'response', req: 1, ok: true, result: { arn: 'arn:aws:iam::1:role/r' } });
    // Answered once: a second response for the same request is ignored.
    client.settle({ type: 'response', req: 1, ok: true, result: { arn: 'other' } });
    assert.deepEqual(await first, { arn: 'arn:aws:iam::1:role/r' });
    await assert.rejects(second, (e: unknown) => (e as { path?: string }).path === 'containers[1].image');
  });

  it('sends a change after a pause, once for a burst, or at once when asked', async () => {
    let sent = 0;
    const send = debounced(() => sent++, 10);
    send();
    send();
    assert.equal(send.waiting(), true);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(sent, 1);
    assert.equal(send.waiting(), false);
    send();
    send(true);
    assert.equal(sent, 2);
    assert.equal(send.waiting(), false);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(sent, 2);
  });
});
