// `npm test`: every tier in order, each a child process whose output streams through.
// Each tier ends with "N passed, N failed"; this adds them up, prints a table and one
// closing line, and exits non-zero when any tier failed or printed no closing line.
import { spawn } from 'node:child_process';
import * as path from 'node:path';

interface Tier { name: string; command: string; args: string[] }

const repo = path.resolve(__dirname, '..', '..', '..');
const node = process.execPath;
const support = path.join(repo, 'out', 'test', 'support');

const TIERS: Tier[] = [
  { name: 'lint', command: node, args: [path.join(support, 'runLint.js')] },
  { name: 'unit', command: node, args: [path.join(support, 'runMocha.js'), 'unit'] },
  { name: 'aws', command: node, args: [path.join(support, 'runMocha.js'), 'aws'] },
  { name: 'extension', command: node, args: [path.join(support, 'runExtensionTests.js'), path.join(repo, 'out', 'test', 'extension', 'index.js')] },
  { name: 'ui', command: node, args: [path.join(support, 'runMocha.js'), 'ui'] },
];

const CLOSING = /^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/;

interface Outcome { name: string; passed: number; failed: number; skipped: number; code: number | null; seconds: number }

function runTier(tier: Tier): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(tier.command, tier.args, { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'] });
    let last: RegExpMatchArray | null = null;
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = CLOSING.exec(line.trim());
        if (match) last = match;
      }
    });
    child.on('close', (code) => {
      const match = (CLOSING.exec(buffered.trim()) ?? last) as RegExpMatchArray | null;
      resolve({
        name: tier.name,
        passed: match ? Number(match[1]) : 0,
        failed: match ? Number(match[2]) : 1,
        skipped: match?.[3] ? Number(match[3]) : 0,
        code,
        seconds: (Date.now() - started) / 1000,
      });
    });
  });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const tiers = only.length > 0 ? TIERS.filter((t) => only.includes(t.name)) : TIERS;
  const outcomes: Outcome[] = [];
  for (const tier of tiers) {
    console.log(`\n=== tier: ${tier.name} ===`);
    const outcome = await runTier(tier);
    if (outcome.code !== 0 && outcome.failed === 0) outcome.failed = 1; // crashed or no closing line
    outcomes.push(outcome);
  }
  console.log('\n=== summary ===');
  for (const o of outcomes) {
    console.log(`${o.name.padEnd(10)} ${String(o.passed).padStart(4)} passed ${String(o.failed).padStart(3)} failed ${String(o.skipped).padStart(3)} skipped  ${o.seconds.toFixed(0).padStart(4)} s  exit ${o.code}`);
  }
  const passed = outcomes.reduce((n, o) => n + o.passed, 0);
  const failed = outcomes.reduce((n, o) => n + o.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

void main();
