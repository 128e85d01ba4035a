import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { startMoto } from '../support/moto';
import { ecsClient, seedClusters } from '../support/seed';
import { moto, resetMoto } from './setup';

/** Resolves 'connected' or the connection error's code (e.g. 'ECONNREFUSED'). */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve('connected'); });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/** True while the process runs; a zombie (dead, not yet reaped by its parent) counts as gone. */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

/** Polls (bounded) until the process is gone; returns whether it went. */
async function waitUntilGone(pid: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (processExists(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * Runs a separate Node process that starts moto and prints its pid. Once moto is seen
 * running, that process is told to exit without calling stop(), or is killed by `ending`.
 * Returns moto's pid and how that Node process ended.
 */
async function abandonMoto(ending: 'exit' | NodeJS.Signals): Promise<{ motoPid: number; code: number | null; signal: string | null }> {
  const motoModule = path.resolve(__dirname, '..', 'support', 'moto.js');
  const script = `require(${JSON.stringify(motoModule)}).startMoto().then((s) => {
    process.stdout.write(s.pid + '\\n');
    process.stdin.once('data', () => process.exit(3));
  });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })));
  const motoPid = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
    void ended.then(() => reject(new Error(`the child ended before printing moto's pid: ${out}`)));
  });
  try {
    assert.ok(motoPid > 0 && processExists(motoPid), `moto should run, got pid ${motoPid}`);
  } catch (err) {
    child.kill('SIGKILL');
    killLeftover(motoPid);
    throw err;
  }
  if (ending === 'exit') child.stdin.write('exit\n');
  else child.kill(ending);
  return { motoPid, ...(await ended) };
}

/** Cleans up after a failed test: kills moto's process group if it is still there. */
function killLeftover(motoPid: number): void {
  try {
    process.kill(-motoPid, 'SIGKILL');
  } catch {
    // gone, as it should be
  }
}

describe('moto server', () => {
  before(resetMoto);

  it('reset() forgets every resource', async () => {
    await seedClusters(moto().url, ['reset-a', 'reset-b']);
    const client = ecsClient(moto().url);
    try {
      const before = await client.send(new ListClustersCommand({}));
      assert.equal(before.clusterArns?.length, 2);

      await moto().reset();

      const after = await client.send(new ListClustersCommand({}));
      assert.deepEqual(after.clusterArns ?? [], []);
    } finally {
      client.destroy();
    }
  });

  it('stop() kills the process and frees the port', async function () {
    this.timeout(60_000);
    const server = await startMoto();
    try {
      assert.notEqual(server.port, moto().port, 'each server gets its own port');
      assert.equal(await tryConnect(server.port), 'connected');
      assert.ok(processExists(server.pid));
    } finally {
      await server.stop();
    }
    assert.equal(await tryConnect(server.port), 'ECONNREFUSED');
    assert.equal(processExists(server.pid), false, `moto (pid ${server.pid}) is still running`);
    await server.stop(); // a second stop is harmless
  });

  it('is killed when the test run exits without stop()', async function () {
    this.timeout(60_000);
    const { motoPid, code } = await abandonMoto('exit');
    try {
      assert.equal(code, 3);
      assert.ok(await waitUntilGone(motoPid), `moto (pid ${motoPid}) outlived the test run`);
    } finally {
      killLeftover(motoPid);
    }
  });

  it('is killed when the test run is killed by SIGTERM, which still ends the run', async function () {
    this.timeout(60_000);
    const { motoPid, signal } = await abandonMoto('SIGTERM');
    try {
      assert.equal(signal, 'SIGTERM');
      assert.ok(await waitUntilGone(motoPid), `moto (pid ${motoPid}) outlived the test run`);
    } finally {
      killLeftover(motoPid);
    }
  });

  it('passes extra environment to moto', async function () {
    this.timeout(60_000);
    // Moto's documented switch for the account id it reports.
    const server = await startMoto({ env: { MOTO_ACCOUNT_ID: '111122223333' } });
    try {
      const [arn] = await seedClusters(server.url, ['env-check']);
      assert.match(arn, /:111122223333:cluster\/env-check$/);
    } finally {
      await server.stop();
    }
  });
});
