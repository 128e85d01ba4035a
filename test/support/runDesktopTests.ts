// The extension-host suite in desktop VS Code (Electron) through @vscode/test-electron:
//
//   npm run test:desktop        (node out/test/support/runDesktopTests.js <suite index.js>)
//
// Same suite as `npm run test:extension` (test/extension/index.ts does not care which runner
// started it). Needs internet: test-electron downloads VS Code (update.code.visualstudio.com)
// into .vscode-test/ on first use; offline it stops with a clear message. On Linux without a
// display, run it under `xvfb-run -a`. Not part of `npm test`, which uses code-server offline.
//
// Environment: ECS_STUDIO_VSCODE_VERSION ('stable' by default, or e.g. '1.138.0' for the
// engines floor). The suite's output (spec lines, "N passed, N failed") comes from VS Code's
// own stdout.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const DOWNLOAD_TIMEOUT_MS = 30_000;
const CLOSING = /^(\d+) passed, (\d+) failed/m;
let sawClosingLine = false;

/** test-electron copies VS Code's output to our stdout: notice the suite's closing line. */
function watchStdout(): void {
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (CLOSING.test(String(chunk))) sawClosingLine = true;
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
}

function log(message: string): void {
  console.error(`[runDesktopTests] ${message}`);
}

async function main(): Promise<number> {
  const suite = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'out', 'test', 'extension', 'index.js'));
  if (!fs.existsSync(suite)) {
    log(`no suite at ${suite} (compile the tests first: npm run compile-tests)`);
    return 1;
  }
  const version = process.env.ECS_STUDIO_VSCODE_VERSION ?? 'stable';
  let vscodeExecutablePath: string;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version,
      cachePath: path.join(REPO_ROOT, '.vscode-test'),
      timeout: DOWNLOAD_TIMEOUT_MS,
    });
  } catch (err) {
    log(`could not download VS Code ${version}: ${(err as Error).message}`);
    log('The desktop runner needs internet access (update.code.visualstudio.com) the first time. ' +
      'Offline, run the same suite in code-server instead: npm run test:extension');
    return 1;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('no DISPLAY: Electron needs one; run this under `xvfb-run -a npm run test:desktop`');
  }
  watchStdout();
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-desktop-'));
  try {
    const code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: suite,
      launchArgs: [workspace, '--disable-extensions'],
    });
    return code === 0 ? 0 : 1;
  } catch (err) {
    log(`the suite failed: ${(err as Error).message}`);
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then((code) => {
  // Every tier ends with a closing line; say "failed" when the suite never got to print one.
  if (code !== 0 && !sawClosingLine) console.log('0 passed, 1 failed');
  process.exitCode = code;
}, (err: unknown) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
