// Starts and stops a private moto server (https://github.com/getmoto/moto) for AWS-tier tests.
// One process per test run, on a free loopback port, in its own process group so that
// stopping it (or a crashed test run) never leaves a python process behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freeLoopbackPort } from './ports';

export interface MotoServer {
  /** Base URL for the SDK's `endpoint` option, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  /** Process id of moto, which is also the id of its process group. */
  readonly pid: number;
  /** Forgets every resource in every region (`POST /moto-api/reset`). */
  reset(): Promise<void>;
  /** Kills moto's process group and resolves once the process has exited. */
  stop(): Promise<void>;
}

/** Dummy credentials: moto accepts any, and these can never reach a real account. */
export const TEST_CREDENTIALS: { accessKeyId: string; secretAccessKey: string } = {
  accessKeyId: 'testing',
  secretAccessKey: 'testing',
};

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const START_ATTEMPTS = 3;
const STDERR_KEEP_CHARS = 8_000;

let motoFound = false;

/** Makes sure `python3` can import moto's server, installing `moto[server]` with pip otherwise. */
export async function ensureMotoInstalled(): Promise<void> {
  if (motoFound || (motoFound = canImportMotoServer())) return;
  const pip = spawnSync('python3', ['-m', 'pip', 'install', 'moto[server]'], { encoding: 'utf8' });
  if (pip.status !== 0 || !canImportMotoServer()) {
    const output = `${pip.error?.message ?? ''}${pip.stdout ?? ''}${pip.stderr ?? ''}`.trim();
    throw new Error(
      "moto is not installed for python3 and `python3 -m pip install 'moto[server]'` failed. " +
      `Install it by hand (pip install 'moto[server]') and run the tests again.\n${tail(output)}`,
    );
  }
  motoFound = true;
}

/** Starts moto on a free 127.0.0.1 port and resolves once it answers HTTP. */
export async function startMoto(options: { env?: Record<string, string> } = {}): Promise<MotoServer> {
  await ensureMotoInstalled();
  let lastError: Error | undefined;
  // The port is free when we pick it but could be taken before moto binds it: retry then.
  for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
    try {
      return await startOnce(await freeLoopbackPort(), options.env ?? {});
    } catch (err) {
      lastError = err as Error;
      if (!(err instanceof PortTakenError)) throw err;
    }
  }
  throw lastError ?? new Error('moto did not start');
}

class PortTakenError extends Error {}

async function startOnce(port: number, env: Record<string, string>): Promise<MotoServer> {
  const child = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true', ...env },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not spawn python3 for moto');
  const stderr = captureOutput(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  killWhenTestRunEnds(pid);
  // Neither the child nor its pipes keep a test run alive; the exit hook kills it.
  child.unref();

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, exited, stderr);
    await pinTaskStatus(url);
  } catch (err) {
    killGroup(pid, 'SIGKILL');
    liveGroups.delete(pid);
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    pid,
    async reset() {
      const res = await fetch(`${url}/moto-api/reset`, { method: 'POST' });
      if (!res.ok) throw new Error(`moto reset failed: HTTP ${res.status} ${await res.text()}`);
    },
    stop() {
      stopping ??= (async () => {
        child.ref();
        killGroup(pid, 'SIGTERM');
        const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
        killGroup(pid, 'SIGKILL'); // anything moto itself started in its group
        liveGroups.delete(pid);
      })();
      return stopping;
    },
  };
}

async function waitUntilReady(url: string, exited: Promise<number | null>, stderr: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exitCode: number | null | undefined;
  void exited.then((code) => { exitCode = code; });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      const output = stderr();
      const message = `moto exited with code ${exitCode} before it was ready:\n${output}`;
      throw /address already in use/i.test(output) ? new PortTakenError(message) : new Error(message);
    }
    try {
      const res = await fetch(`${url}/moto-api/`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`moto did not answer ${url}/moto-api/ within ${READY_TIMEOUT_MS} ms:\n${stderr()}`);
}

/** Binds port 0 on 127.0.0.1, reads the port the OS chose, and releases it. */
/** Drains moto's stdout and stderr (moto logs every request) and keeps the end of both. */
function captureOutput(child: ChildProcess): () => string {
  let kept = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => { kept = tail(kept + chunk); });
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }
  return () => kept;
}

/** Process groups of the moto servers this process started and has not stopped yet. */
const liveGroups = new Set<number>();
let hooksInstalled = false;

/**
 * Kills the group when this process exits, however it exits: normally, on an uncaught
 * error, or on a signal. Moto is in its own group, so Ctrl+C in a terminal does not reach it.
 */
function killWhenTestRunEnds(pid: number): void {
  liveGroups.add(pid);
  if (hooksInstalled) return;
  hooksInstalled = true;
  const killAll = (): void => {
    for (const group of liveGroups) killGroup(group, 'SIGKILL');
    liveGroups.clear();
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAll();
      process.off(signal, onSignal);
      // Die of the same signal, as we would have without this handler, unless someone else handles it.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function canImportMotoServer(): boolean {
  return spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore' }).status === 0;
}

function tail(text: string): string {
  return text.length > STDERR_KEEP_CHARS ? text.slice(-STDERR_KEEP_CHARS) : text;
}

/**
 * Keeps moto's ECS tasks in the status RunTask or StopTask gave them, as AWS does until a task
 * really stops. By default moto 5.2 moves a task one status on at every DescribeTasks that
 * names it (RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED, with desiredStatus still
 * RUNNING), so a running task would seem to die after four reads. Server-wide; survives a reset.
 */
export async function pinTaskStatus(url: string): Promise<void> {
  const res = await fetch(new URL('/moto-api/state-manager/set-transition', url), {
    method: 'POST',
    body: JSON.stringify({ model_name: 'ecs::task', transition: { progression: 'manual', times: 1_000_000_000 } }),
  });
  const body = await res.text();
  if (!res.ok) throw new Error(`moto did not accept the task status pin: HTTP ${res.status} ${body.slice(0, 200)}`);
}
