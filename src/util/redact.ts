// Credentials out of text meant for a log, a message or a webview: access key ids, secret keys
// and session tokens, whether labelled ("aws_secret_access_key = ...", "X-Amz-Security-Token:
// ...", "Credential=AKIA.../...") or bare (a 40-character secret key, a long session token).
// And a logger wrapper that passes every message through it, so no call site can forget.
//
// Pure module: no vscode, no AWS SDK.

/** A secret access key: 40 characters of base64 without padding, mixing upper case, lower case and digits. */
const BARE_SECRET_KEY = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
/** A session token (STS, SSO): hundreds of base64 characters; nothing else in a log runs that long. */
const BARE_SESSION_TOKEN = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{100,}/g;

/** Removes anything that looks like a credential from a text meant for a log or a message. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, '$1****')
    .replace(/(x-amz-security-token[:=]\s*)[^\s,;]+/gi, '$1****')
    .replace(/((?:aws_)?secret_?access_?key["'\s:=]+)[^\s"',;]+/gi, '$1****')
    .replace(/((?:aws_)?session_?token["'\s:=]+)[^\s"',;]+/gi, '$1****')
    .replace(/(Credential=)[^/\s,]+/g, '$1****')
    .replace(BARE_SESSION_TOKEN, '****')
    .replace(BARE_SECRET_KEY, (m) => (/[a-z]/.test(m) && /[A-Z]/.test(m) && /[0-9]/.test(m) ? '****' : m));
}

/** An Error as a log shows it (message and stack), redacted. */
function redactArgument(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (value instanceof Error) return redactSecrets(value.stack ?? `${value.name}: ${value.message}`);
  return value;
}

const WRITERS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace']);

/**
 * The same logger, with every message and argument of its writing methods (trace, debug, info,
 * warn, error, append, appendLine, replace) redacted first. Works on VS Code's LogOutputChannel
 * and on anything with those methods.
 */
export function redactingLogger<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, key) {
      const value: unknown = Reflect.get(obj, key);
      if (typeof value !== 'function') return value;
      const method = value as (...a: unknown[]) => unknown;
      if (typeof key !== 'string' || !WRITERS.has(key)) return method.bind(obj);
      return (...args: unknown[]) => method.apply(obj, args.map(redactArgument));
    },
  });
}
