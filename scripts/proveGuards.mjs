#!/usr/bin/env node
// Shows that each reliability and security test can fail: for every guard in guardProofs.json,
// breaks the code it guards (one exact text replaced) in a scratch worktree of HEAD, builds, runs
// the test that guards it, and expects that test to FAIL. Prints a Markdown table; exits 1 when a
// test still passes with its guard broken (a test that cannot fail) or a guard's text is no
// longer in the code (the list is out of date). Never touches the working tree it runs from.
//
//   npm run prove-guards [-- <text in a guard's name>...]
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const only = process.argv.slice(2).map((a) => a.toLowerCase());
const guards = JSON.parse(fs.readFileSync(path.join(root, 'scripts/guardProofs.json'), 'utf8'))
  .filter((g) => only.length === 0 || only.some((o) => g.guard.toLowerCase().includes(o)));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-guards-'));

function run(command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: scratch, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}`, seconds: Math.round((Date.now() - started) / 1000) };
}

function testCommand(guard) {
  if (guard.tier === 'extension') {
    return ['node', ['out/test/support/runExtensionTests.js', 'out/test/extension/index.js'], { MOCHA_GREP: guard.grep }];
  }
  return ['node', ['out/test/support/runMocha.js', guard.tier, guard.grep], {}];
}

/** How many tests ran and failed, from the runners' last summary line ("3 passed, 1 failed"). */
function counts(output) {
  const m = [...output.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  return m ? { passed: Number(m[1]), failed: Number(m[2]) } : undefined;
}

execFileSync('git', ['worktree', 'add', '--detach', '--quiet', scratch, 'HEAD'], { cwd: root });
const rows = [];
let wrong = 0;
try {
  for (const name of ['node_modules', '.vscode-test']) {
    if (fs.existsSync(path.join(root, name))) fs.symlinkSync(path.join(root, name), path.join(scratch, name));
  }
  for (const guard of guards) {
    execFileSync('git', ['checkout', '--quiet', '--', '.'], { cwd: scratch });
    const file = path.join(scratch, guard.file);
    const text = fs.readFileSync(file, 'utf8');
    const at = text.indexOf(guard.find);
    if (at < 0 || text.indexOf(guard.find, at + 1) >= 0) {
      wrong++;
      rows.push([guard.guard, guard.file, '—', at < 0 ? 'OUT OF DATE: the guarded text is not in the file' : 'OUT OF DATE: the guarded text is there twice']);
      continue;
    }
    fs.writeFileSync(file, text.slice(0, at) + guard.replace + text.slice(at + guard.find.length));
    const build = run('sh', ['-c', 'node esbuild.mjs && npx tsc -p .']);
    if (build.status !== 0) {
      // A break that does not compile proves nothing about the test: the replacement must build.
      wrong++;
      rows.push([guard.guard, guard.file, `${guard.tier}: ${guard.grep}`, 'BROKEN CODE DOES NOT BUILD: fix the replacement']);
      process.stderr.write(`${guard.guard}: does not build\n${build.output.split('\n').filter((l) => /error/i.test(l)).slice(0, 5).join('\n')}\n`);
      continue;
    }
    const [command, args, env] = testCommand(guard);
    const test = run(command, args, env);
    const c = counts(test.output);
    // A grep that selects no test proves nothing either.
    const failed = test.status !== 0 && (c === undefined || c.failed > 0);
    if (c && c.passed + c.failed === 0) {
      wrong++;
      rows.push([guard.guard, guard.file, `${guard.tier}: ${guard.grep}`, 'NO TEST SELECTED: fix the grep']);
      continue;
    }
    if (!failed) wrong++;
    const outcome = failed
      ? `failed as it should (${c ? `${c.failed} of ${c.passed + c.failed} tests` : `exit ${test.status}`}, ${test.seconds} s)`
      : `STILL PASSES with the guard broken (${c ? `${c.passed} tests` : 'no count'})`;
    rows.push([guard.guard, guard.file, `${guard.tier}: ${guard.grep}`, outcome]);
    process.stderr.write(`${guard.guard}: ${outcome}\n`);
  }
} finally {
  execFileSync('git', ['worktree', 'remove', '--force', scratch], { cwd: root });
}

const table = ['| guard | code broken | test | outcome |', '| --- | --- | --- | --- |', ...rows.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`)].join('\n');
console.log(table);
fs.mkdirSync(path.join(root, 'test-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'test-results', 'guard-proofs.md'), `${table}\n`);
process.exit(wrong > 0 ? 1 : 0);
