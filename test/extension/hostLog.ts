// Reads the extension host's own log (remoteexthost.log under code-server, exthost.log on the
// desktop), which sits next to the extension's log folder (context.logUri): VS Code writes an
// unhandled rejection or an uncaught error of any extension there as an [error] entry with its
// stack. The reliability tests assert that none of ours appears.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ENTRY_START = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3} \[(\w+)\]/;

export interface HostLogEntry {
  readonly level: string;
  readonly text: string;
}

/** The host log file next to the extension's log folder. */
export function hostLogFile(extensionLogDir: string): string {
  const dir = path.dirname(extensionLogDir);
  for (const name of ['remoteexthost.log', 'exthost.log']) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`no extension host log in ${dir}: ${fs.readdirSync(dir).join(', ')}`);
}

/** The entries (a first line and its continuation lines) from byte `offset` on. */
export function hostLogEntries(file: string, offset = 0): HostLogEntry[] {
  const text = fs.readFileSync(file).subarray(offset).toString('utf8');
  const entries: HostLogEntry[] = [];
  for (const line of text.split('\n')) {
    const start = ENTRY_START.exec(line);
    if (start) entries.push({ level: start[1] ?? '', text: line });
    else if (entries.length > 0 && line !== '') {
      const last = entries.pop()!;
      entries.push({ level: last.level, text: `${last.text}\n${line}` });
    }
  }
  return entries;
}

/**
 * Errors the extension caused: [error] entries, and the host's "rejected promise not handled"
 * warnings, that name its files (the extension folder) or its id.
 */
export function extensionErrors(entries: readonly HostLogEntry[], extensionPath: string, extensionId: string): HostLogEntry[] {
  return entries.filter((e) =>
    (e.level === 'error' || /rejected promise not handled|unhandled/i.test(e.text)) &&
    (e.text.includes(extensionPath) || e.text.includes(extensionId)));
}

/**
 * Watches, from now on, for what the extension leaves behind: unhandled rejections whose stack
 * names its folder, and its errors in the host log. `found()` says what was seen; `stop()` ends
 * the watch (in the suite's `after`).
 */
export function watchExtensionErrors(extensionLogDir: string, extensionPath: string, extensionId: string): {
  found(): { unhandled: string[]; logErrors: string[] };
  stop(): void;
} {
  const logFile = hostLogFile(extensionLogDir);
  const logOffset = fs.statSync(logFile).size;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    const stack = reason instanceof Error ? reason.stack ?? '' : String(reason);
    if (stack.includes(extensionPath)) unhandled.push(reason);
  };
  process.on('unhandledRejection', onUnhandled);
  return {
    found: () => ({
      unhandled: unhandled.map(String),
      logErrors: extensionErrors(hostLogEntries(logFile, logOffset), extensionPath, extensionId).map((e) => e.text),
    }),
    stop: () => { process.off('unhandledRejection', onUnhandled); },
  };
}
