// Root hooks of the aws tier: one moto server for the whole run (runMocha loads this file
// first). Suites get it with `moto()` and call `resetMoto()` in their own `before`.
import { startMoto, type MotoServer } from '../support/moto';

let server: MotoServer | undefined;

/** The tier's moto server; only valid inside tests and hooks. */
export function moto(): MotoServer {
  if (!server) throw new Error('moto is not running: is test/aws/setup loaded by the runner?');
  return server;
}

/** Forgets everything a previous suite created, so every suite starts from an empty account. */
export async function resetMoto(): Promise<void> {
  await moto().reset();
}

before(async function () {
  this.timeout(60_000);
  server = await startMoto();
});

after(async function () {
  this.timeout(15_000);
  await server?.stop();
  server = undefined;
});
