// The lint tier: eslint, the TypeScript type-checks, and the import graph of src/ (layers and
// cycles, scripts/checkImports.ts, compiled into out/ by npm test's pretest). Each is one check.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '..', '..', '..');
const bin = (name: string) => path.join(repo, 'node_modules', '.bin', name);

const checks: Array<[string, string, string[]]> = [
  ['eslint', bin('eslint'), ['.']],
  ['tsc --noEmit', bin('tsc'), ['-p', '.', '--noEmit']],
  // The webview scripts (media/) run in a browser: their own tsconfig, with the DOM types.
  ['tsc --noEmit (webviews)', bin('tsc'), ['-p', 'media', '--noEmit']],
  ['imports point down, no cycle', process.execPath, [path.join(repo, 'out', 'scripts', 'checkImports.js')]],
];

let passed = 0;
let failed = 0;
for (const [name, command, args] of checks) {
  const result = spawnSync(command, args, { cwd: repo, stdio: 'inherit' });
  if (result.status === 0) {
    passed++;
    console.log(`  ✔ ${name}`);
  } else {
    failed++;
    console.log(`  ✘ ${name} (exit ${result.status})`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
