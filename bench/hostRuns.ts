// The extension-host part of `npm run bench`: one code-server, one headless Chromium, and a
// fresh extension host per measurement (each page load of the workbench starts one), loading
// bench/hostSuite.ts as the extension-test suite of either ECS Studio (the repository, built)
// or the empty extension (bench/fixtures/emptyExtension). The kinds of run take turns, so the
// machine's load falls on all of them alike.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  REPO_ROOT, ensureCodeServer, launchChromium, readWorkbenchConfiguration, startCodeServer, type CodeServer, type LaunchedChromium,
} from '../test/support/codeServer';
import type { HostMeasure } from './hostSuite';

export const EMPTY_EXTENSION = path.join(REPO_ROOT, 'bench', 'fixtures', 'emptyExtension');
const SUITE = path.join(REPO_ROOT, 'out', 'bench', 'hostSuite.js');
const RUN_TIMEOUT_MS = 180_000;

export interface HostRun {
  readonly label: string;
  readonly extensionPath: string;
  /** Called before the page loads (e.g. to set the proxy's latency). */
  readonly before?: () => void;
}

export interface HostResults {
  /** The measures of each run's label, in order. */
  readonly byLabel: Record<string, HostMeasure[]>;
  readonly failures: string[];
}

/** Runs each of `kinds` `rounds` times, in turns, each in a fresh extension host. */
export async function measureInExtensionHost(kinds: readonly HostRun[], rounds: number, env: NodeJS.ProcessEnv): Promise<HostResults> {
  await ensureCodeServer((line) => console.error(line));
  const outDir = fs.mkdtempSync(path.join(REPO_ROOT, 'bench', 'results', 'host-'));
  let server: CodeServer | undefined;
  let chromium: LaunchedChromium | undefined;
  const byLabel: Record<string, HostMeasure[]> = Object.fromEntries(kinds.map((k) => [k.label, []]));
  const failures: string[] = [];
  try {
    server = await startCodeServer({ env: { ...env, ECS_STUDIO_BENCH_OUT: outDir, ECS_STUDIO_TEST_OUTPUT_TAG: '' } });
    const workspace = path.join(server.runDir, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    const authority = String((await readWorkbenchConfiguration(server.url)).remoteAuthority ?? '');
    if (!authority) throw new Error('the workbench configuration has no remoteAuthority');
    const remote = (file: string): string => `vscode-remote://${authority}${file.split(path.sep).join('/')}`;
    chromium = await launchChromium();
    const { page } = chromium;
    let settle: (code: number) => void = () => undefined;
    await page.exposeFunction('codeAutomationLog', () => undefined);
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));

    for (let round = 0; round < rounds; round++) {
      // Rotate the order: no kind always runs first after the previous page load.
      const order = kinds.map((_, i) => kinds[(i + round) % kinds.length]!);
      for (const kind of order) {
        kind.before?.();
        const seen = new Set(fs.readdirSync(outDir));
        const exited = new Promise<number>((resolve, reject) => {
          settle = resolve;
          setTimeout(() => reject(new Error(`${kind.label}: no result within ${RUN_TIMEOUT_MS} ms`)), RUN_TIMEOUT_MS).unref();
        });
        const payload = [
          ['extensionDevelopmentPath', remote(kind.extensionPath)],
          ['extensionTestsPath', remote(SUITE)],
          ['skipWelcome', 'true'],
          ['skipReleaseNotes', 'true'],
        ];
        await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`, { waitUntil: 'domcontentloaded' });
        try {
          const code = await exited;
          const file = fs.readdirSync(outDir).find((f) => !seen.has(f));
          if (code !== 0 || !file) throw new Error(`${kind.label}: the suite failed (exit code ${code})`);
          byLabel[kind.label]!.push(JSON.parse(fs.readFileSync(path.join(outDir, file), 'utf8')) as HostMeasure);
        } catch (err) {
          failures.push((err as Error).message);
        }
      }
    }
  } finally {
    await chromium?.close();
    await server?.stop();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  return { byLabel, failures };
}
