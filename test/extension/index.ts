// Entry of the extension-host suite: `run()` is called by VS Code inside the extension host,
// whichever runner started it: code-server in Chromium (runExtensionTests.ts, npm test) or
// desktop VS Code (@vscode/test-electron, runDesktopTests.ts). It only uses mocha and
// console.log, so it does not depend on the runner. Resolves when every test passed.
//
// Under code-server the extension host's console reaches the runner mixed with the
// workbench's own log lines; when the runner sets ECS_STUDIO_TEST_OUTPUT_TAG, every console
// message of this extension host starts with that tag so the runner can pick them out.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';
import { guardConnections } from '../support/strayConnections';

const TIMEOUT_MS = 60_000;

function findTests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  }).sort();
}

/**
 * Makes every console message start with `tag` until the returned function is called. VS Code
 * locks the extension host's console methods (assigning them is ignored), so the global
 * `console` is swapped for one that forwards tagged text to the real one.
 */
function tagConsoleOutput(tag: string): () => void {
  const original = globalThis.console;
  const tagged = Object.create(original) as Console;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    Object.defineProperty(tagged, method, {
      value: (...args: unknown[]) => original[method](tag + util.format(...args)),
    });
  }
  const originalConsoleLog = Mocha.reporters.Base.consoleLog;
  globalThis.console = tagged;
  // Mocha's reporters print through the console.log they saw when mocha was loaded.
  Mocha.reporters.Base.consoleLog = tagged.log;
  return () => {
    globalThis.console = original;
    Mocha.reporters.Base.consoleLog = originalConsoleLog;
  };
}

export function run(): Promise<void> {
  // Before anything activates the extension: a connection to anything but loopback is refused
  // and recorded (endpoint.test.ts asserts there was none in the whole run).
  guardConnections();
  const tag = process.env.ECS_STUDIO_TEST_OUTPUT_TAG;
  const untag = tag ? tagConsoleOutput(tag) : () => undefined;
  return new Promise<void>((resolve, reject) => {
    try {
      const mocha = new Mocha({
        ui: 'bdd',
        // Spec output, then "N passed, N failed" (every tier ends with that line).
        reporter: path.resolve(__dirname, '..', 'support', 'reporter.js'),
        timeout: TIMEOUT_MS,
        color: false,
        grep: process.env.MOCHA_GREP || undefined,
      });
      // host.test.js first: it checks what activation alone does, before any suite uses AWS.
      const files = findTests(__dirname).sort((a, b) => Number(b.endsWith(`${path.sep}host.test.js`)) - Number(a.endsWith(`${path.sep}host.test.js`)));
      if (files.length === 0) throw new Error(`no *.test.js files under ${__dirname}`);
      for (const file of files) mocha.addFile(file);
      mocha.run((failures) => {
        untag();
        if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
        else resolve();
      });
    } catch (err) {
      // Nothing ran (a test file did not load): say so in the closing-line format.
      console.error(err);
      console.log('0 passed, 1 failed');
      untag();
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
