/**
 * The message plumbing both forms' panels share, by composition: the `ready` handshake (nothing
 * is posted before the webview says it listens, nor after the panel is gone), the record of what
 * each received message made the host post (extension tests drive a panel through `receive` and
 * read it back), the shape check of what arrives (a message of the wrong shape is logged and
 * dropped), and each request's one response (a RequestFailure says what to show and where;
 * anything else is logged and shown by its message).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type * as vscode from 'vscode';
import { awsErrorInfo } from '../util/awsErrorInfo';
import type { RequestError, ResponseMessage } from './formProtocol';

/** A request's failure as the webview shows it. */
export class RequestFailure extends Error {
  constructor(readonly error: RequestError) {
    super(error.message);
  }
}

/**
 * The start of a message for the log. A webview can post what JSON cannot write (cycles, BigInt:
 * postMessage clones them), and JSON.stringify's TypeError made receive() throw instead of
 * dropping the message.
 */
function preview(raw: unknown): string {
  try {
    return (JSON.stringify(raw) ?? String(raw)).slice(0, 200);
  } catch {
    return `(${typeof raw} that JSON cannot write)`;
  }
}

export class FormChannel<H extends { type: string }, W> {
  private ready = false;
  private closed = false;
  /** What each `receive` call posted, scoped to that call (webview messages are handled concurrently). */
  private readonly recording = new AsyncLocalStorage<H[]>();

  /**
   * `name` starts the log lines ("task definition form"); `parse` checks what arrives; `handle`
   * is the panel's own handling of a well-formed message.
   */
  constructor(
    private readonly webview: vscode.Webview,
    private readonly log: vscode.LogOutputChannel,
    private readonly name: string,
    private readonly parse: (raw: unknown) => W | undefined,
    private readonly handle: (message: W) => Promise<void>,
  ) {}

  /** Handles what the webview posts; dispose it with the panel. */
  listen(): vscode.Disposable {
    return this.webview.onDidReceiveMessage((message: unknown) => {
      void this.receive(message).catch((err: unknown) => this.log.error(`${this.name}: ${awsErrorInfo(err).message}`));
    });
  }

  /** The webview listens: posts go through from now on. */
  markReady(): void {
    this.ready = true;
  }

  /** The panel is gone: nothing more is posted. */
  close(): void {
    this.closed = true;
  }

  /**
   * Handles one message exactly as the webview's postMessage delivers it and returns what the
   * host posted while handling it.
   */
  async receive(raw: unknown): Promise<H[]> {
    const posted: H[] = [];
    await this.recording.run(posted, async () => {
      const message = this.parse(raw);
      if (message === undefined) {
        this.log.warn(`${this.name}: ignored a message of unexpected shape: ${preview(raw)}`);
        return;
      }
      await this.handle(message);
    });
    return posted;
  }

  async post(message: H): Promise<void> {
    this.recording.getStore()?.push(message);
    if (!this.ready || this.closed) return;
    await this.webview.postMessage(message);
  }

  /** Runs a request and posts its one response. */
  async answer(request: { req: number; command: string }, run: () => Promise<unknown>): Promise<void> {
    try {
      const result = await run();
      await this.respond({ type: 'response', req: request.req, ok: true, result });
    } catch (err) {
      const error: RequestError = err instanceof RequestFailure ? err.error : { message: awsErrorInfo(err).message };
      if (!(err instanceof RequestFailure)) this.log.error(`${this.name} ${request.command}: ${awsErrorInfo(err).message}`);
      await this.respond({ type: 'response', req: request.req, ok: false, error });
    }
  }

  private respond(response: ResponseMessage): Promise<void> {
    // Both forms' host messages include ResponseMessage (protocol.ts, serviceFormProtocol.ts).
    return this.post(response as unknown as H);
  }
}
