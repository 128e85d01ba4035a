// Catches a request that would leave the machine. Every TCP connection in Node (http and https
// agents, the SDK's node-http-handler, undici's fetch, tls) goes through net.Socket's connect:
// `guardConnections()` patches it so that a connection to anything but loopback (or a local
// socket path) is refused before DNS or the network is touched, and recorded with its stack.
// The extension-host suite installs it in its own process (VS Code drops NODE_OPTIONS for the
// extension host, so a --require hook can't get there); child processes such as the CLI get it
// with `--require out/test/support/strayConnectionsHook.js` (see that file).
import * as net from 'node:net';

export interface StrayAttempt {
  readonly host: string;
  readonly port: number;
  /** Where the connection was asked for (the first frames are enough to name the caller). */
  readonly stack: string;
}

export interface ConnectionGuard {
  /** Connections refused so far, oldest first. */
  readonly attempts: readonly StrayAttempt[];
  /** Called with each refused connection as it happens. */
  onAttempt(listener: (attempt: StrayAttempt) => void): void;
  /** Puts net.Socket's connect back. */
  dispose(): void;
}

const LOOPBACK_NAMES = new Set(['localhost', 'ip6-localhost', '::1', '0:0:0:0:0:0:0:1']);

/** Loopback: 127.0.0.0/8, ::1, localhost (an unset host means localhost to Node). */
export function isLoopback(host: string | undefined): boolean {
  if (!host) return true;
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (LOOPBACK_NAMES.has(bare)) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare)) return true;
  return /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

interface Target {
  host?: string;
  port: number;
  path?: string;
}

/** The destination of a connect() call, in any of its forms: (options), (port, host), (path). */
function targetOf(args: unknown[]): Target {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (first !== null && typeof first === 'object') {
    const o = first as { host?: string; port?: number | string; path?: string | null };
    // As net does: a non-empty path is a local socket; tls passes `path: null` for TCP.
    return { host: o.host, port: Number(o.port ?? 0), ...(typeof o.path === 'string' && o.path !== '' ? { path: o.path } : {}) };
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return { port: 0, path: first };
  return { port: Number(first), host: typeof args[1] === 'string' ? args[1] : undefined };
}

let installed: ConnectionGuard | undefined;

/** Installs the guard once per process; later calls return the same one. */
export function guardConnections(): ConnectionGuard {
  if (installed) return installed;
  const attempts: StrayAttempt[] = [];
  const listeners: Array<(attempt: StrayAttempt) => void> = [];
  const proto = net.Socket.prototype as unknown as { connect: (...args: unknown[]) => net.Socket };
  const original = proto.connect;
  proto.connect = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
    const target = targetOf(args);
    if (target.path !== undefined || isLoopback(target.host)) return original.apply(this, args);
    const attempt: StrayAttempt = {
      host: target.host ?? '',
      port: target.port,
      stack: (new Error().stack ?? '').split('\n').slice(2, 14).join('\n'),
    };
    attempts.push(attempt);
    for (const listener of listeners) listener(attempt);
    const refused = Object.assign(
      new Error(`connect ECONNREFUSED ${attempt.host}:${attempt.port} (refused by the test's stray-connection guard: only loopback is allowed)`),
      { code: 'ECONNREFUSED', errno: -111, syscall: 'connect', address: attempt.host, port: attempt.port },
    );
    // As a refused connection would: the socket fails asynchronously with ECONNREFUSED.
    process.nextTick(() => this.destroy(refused));
    return this;
  };
  installed = {
    attempts,
    onAttempt: (listener) => { listeners.push(listener); },
    dispose: () => {
      proto.connect = original;
      installed = undefined;
    },
  };
  return installed;
}

/** "host:port" of each attempt with the first frames of its stack, for an assertion message. */
export function describeAttempts(attempts: readonly StrayAttempt[]): string {
  return attempts.map((a) => `${a.host}:${a.port}\n${a.stack}`).join('\n---\n');
}
