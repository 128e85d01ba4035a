// Runs one Node-side tier of compiled tests: `node out/test/support/runMocha.js unit|aws|ui`.
// Each tier lives in out/test/<tier>/**/*.test.js; test/<tier>/setup.js, when present,
// is loaded first (root hooks: moto for the aws tier, code-server for the ui tier).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const TIMEOUTS: Record<string, number> = { unit: 5_000, aws: 60_000, ui: 300_000 };

function findTests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  }).sort();
}

// Credential chains in tests must never reach for the EC2 instance metadata service.
process.env.AWS_EC2_METADATA_DISABLED = 'true';

async function main(): Promise<void> {
  const tier = process.argv[2];
  if (!tier || !(tier in TIMEOUTS)) {
    console.error(`usage: runMocha.js <${Object.keys(TIMEOUTS).join('|')}> [grep]`);
    process.exit(2);
  }
  const root = path.resolve(__dirname, '..', tier);
  const mocha = new Mocha({
    reporter: path.join(__dirname, 'reporter.js'),
    timeout: TIMEOUTS[tier],
    grep: process.argv[3] ?? process.env.MOCHA_GREP,
    color: process.stdout.isTTY,
  });
  const setup = path.join(root, 'setup.js');
  if (fs.existsSync(setup)) mocha.addFile(setup);
  const files = findTests(root);
  for (const file of files) mocha.addFile(file);
  if (files.length === 0) {
    console.error(`no tests found under ${root}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  process.exitCode = failures > 0 ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
