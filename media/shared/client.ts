/**
 * The webview's side of the messages both forms share (src/webviews/formProtocol.ts): requests
 * to the host, each answered once by a `response` with the same `req`, and the form sent back
 * on each change after a short pause in typing.
 */
import type { RequestError, RequestMap, RequestMessageOf, ResponseMessage } from '../../src/webviews/formProtocol';

/** The VS Code API a webview acquires once. */
export interface VsCodeApi<W, S> {
  postMessage(message: W): void;
  getState(): unknown;
  setState(state: S): void;
}

export interface RequestClient<R extends RequestMap<R>> {
  /** Asks the host; settles with the host's result, or rejects with its RequestError. */
  request<C extends keyof R & string>(command: C, args: R[C]['args']): Promise<R[C]['result']>;
  /** Settles the request a `response` answers. */
  settle(message: ResponseMessage): void;
}

export function requestClient<R extends RequestMap<R>>(post: (message: RequestMessageOf<R>) => void): RequestClient<R> {
  let nextReq = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: RequestError) => void }>();
  return {
    request(command, args) {
      const req = nextReq++;
      return new Promise((resolve, reject) => {
        pending.set(req, { resolve: resolve as (value: unknown) => void, reject });
        post({ type: 'request', req, command, args } as RequestMessageOf<R>);
      });
    },
    settle(message) {
      const waiting = pending.get(message.req);
      pending.delete(message.req);
      if (!waiting) return;
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(message.error);
    },
  };
}

export interface Debounced {
  /** Runs after the pause (a newer call replaces a waiting one), or at once when `now`. */
  (now?: boolean): void;
  /** Whether a run is waiting for its pause. */
  waiting(): boolean;
}

/** `send`, after a pause of `ms` (120 ms: a pause in typing). */
export function debounced(send: () => void, ms = 120): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    timer = undefined;
    send();
  };
  const schedule = (now = false) => {
    if (timer) clearTimeout(timer);
    if (now) run();
    else timer = setTimeout(run, ms);
  };
  return Object.assign(schedule, { waiting: () => timer !== undefined });
}
