/**
 * What both forms' protocols share (protocol.ts: the task definition form; serviceFormProtocol.ts:
 * the service form): the request/response envelope, the shape checks the host runs on whatever
 * a webview sends, and the parsing of a webview's message and of its saved state given the
 * form's check and one argument check per command. No vscode import and no Node API: it bundles
 * for the browser.
 */

/** A failed request: what went wrong, and the field it is about when that is known. */
export interface RequestError {
  message: string;
  /** A form path (`executionRoleArn`, `containers[0].image`), shown next to that field. */
  path?: string;
  /** The form has errors: they are already shown next to their fields. */
  invalid?: boolean;
}

/** The host's one answer to a request. */
export type ResponseMessage =
  | { type: 'response'; req: number; ok: true; result: unknown }
  | { type: 'response'; req: number; ok: false; error: RequestError };

/** A form's requests: each command's arguments and result. */
export type RequestMap<R> = { [C in keyof R]: { args: unknown; result: unknown } };

export type RequestMessageOf<R extends RequestMap<R>> = {
  [C in keyof R & string]: { type: 'request'; req: number; command: C; args: R[C]['args'] };
}[keyof R & string];

/** What a form's webview may send: `ready`, the form on each `change`, and requests. */
export type WebviewMessageOf<F, R extends RequestMap<R>> =
  | { type: 'ready' }
  | { type: 'change'; form: F }
  | RequestMessageOf<R>;

// ---------------------------------------------------------------- checking what arrives

/** A check that, when it passes, proves the value is a T. */
export type Guard<T> = (value: unknown) => value is T;

/**
 * One check per field of T, each proving that field's type. An object literal declared
 * `satisfies Shape<T>` fails to compile when T has a field it does not check (or a check
 * proves a wider type than the field's): a field added to the form must be checked here.
 * test/unit/webviews/protocol.test.ts shows it with @ts-expect-error.
 */
export type Shape<T> = { readonly [K in keyof T]-?: Guard<T[K]> };

export const isBoolean: Guard<boolean> = (v): v is boolean => typeof v === 'boolean';
export const oneOf = <T extends string>(allowed: readonly T[]): Guard<T> => (v): v is T => typeof v === 'string' && (allowed as readonly string[]).includes(v);
export const listOf = <T>(item: Guard<T>, max = 200): Guard<T[]> => (v): v is T[] => Array.isArray(v) && v.length <= max && v.every(item);
const MAX_TEXT = 100_000;
export const text: Guard<string> = (v): v is string => typeof v === 'string' && v.length <= MAX_TEXT;

/** Whether a value is an object whose every field in `shape` passes its check. */
export function record<T>(shape: Shape<T>): Guard<T> {
  const checks = Object.entries(shape) as Array<[string, Guard<unknown>]>;
  return (v): v is T => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const obj = v as Record<string, unknown>;
    return checks.every(([key, check]) => check(obj[key]));
  };
}

export const isObject = (v: unknown): v is Record<string, never> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The arguments' check of each request (a new request without one does not compile). */
export type CommandChecks<R extends RequestMap<R>> = { readonly [C in keyof R]: Guard<R[C]['args']> };

/** The message if it is one the form's webview may send, exactly; undefined otherwise. */
export function parseFormWebviewMessage<F, R extends RequestMap<R>>(value: unknown, isForm: Guard<F>, commands: CommandChecks<R>): WebviewMessageOf<F, R> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'change':
      return isForm(m.form) ? { type: 'change', form: m.form } : undefined;
    case 'request': {
      if (typeof m.req !== 'number' || !Number.isInteger(m.req) || typeof m.command !== 'string') return undefined;
      const command = m.command;
      if (!Object.prototype.hasOwnProperty.call(commands, command)) return undefined;
      if (!commands[command as keyof R](m.args)) return undefined;
      // `commands`' type ties each command to its args' check; TypeScript can't follow that here.
      return { type: 'request', req: m.req, command, args: m.args } as RequestMessageOf<R>;
    }
    default:
      return undefined;
  }
}

/** The form a webview saved with setState, if well-formed (a window reload restores it). */
export function parseSavedForm<F>(value: unknown, isForm: Guard<F>): { form: F } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const form = (value as { form?: unknown }).form;
  return isForm(form) ? { form } : undefined;
}
