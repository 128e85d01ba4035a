// Runs a mocha suite inside VS Code's real (Node) extension host, offline: code-server serves
// VS Code to headless Chromium, and the workbench's smoke-test driver loads the suite.
//
//   node out/test/support/runExtensionTests.js <suite index.js>      (npm run test:extension)
//
// The suite is a module exporting `run(): Promise<void>` (test/extension/index.ts). The
// extension under test is the repository (extensionDevelopmentPath = repo root, built into
// dist/ by `npm run build`); a workspace folder is opened: a fresh empty folder of the run.
// What the suite logs in the extension host reaches this process through the workbench's log
// service and `window.codeAutomationLog(level, args)` (args as given to console.log, so they
// are formatted with util.format). The workbench's own log lines arrive the same way; to tell
// them apart the suite tags its console output with ECS_STUDIO_TEST_OUTPUT_TAG (set here, see
// test/extension/index.ts). Tagged lines are printed on stdout (mocha's spec output and its
// closing line "N passed, N failed"); everything goes to <runDir>/workbench.log.
// `window.codeAutomationExit(code)` is called when `run()` settled (0 = resolved).
//
// Environment:
//   ECS_STUDIO_TEST_TIMEOUT         overall limit in ms (default 600000): past it the run fails.
//                                   A first-time install of the cache (ensureCodeServer) is not
//                                   counted: it has its own limits.
//   ECS_STUDIO_EXTENSION_PATH       extension folder to test instead of the repo root.
//   ECS_STUDIO_KEEP_RUN=1           keep the run folder (.vscode-test/runs/<id>) after success;
//                                   it is always kept after a failure.
//   ECS_STUDIO_VERBOSE=1            also print the workbench's own log lines (on stderr).
//   (set here) ECS_STUDIO_TEST_PROXY_PORT: the port of the user setting ecsStudio.endpointUrl
//                                   written before code-server starts; the suite's proxy listens there.
// Passed through to code-server, and so to the extension host where the suite runs (everything
// else is left out: HOME, XDG_* and TMPDIR point into the run folder):
//   ECS_STUDIO_*, AWS_*, MOCHA_GREP (the suite's mocha grep), plus PATH, LANG, LC_ALL, TZ.
// Exit status: 0 only when run() resolved and the suite's closing line says 0 failed.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import {
  REPO_ROOT, ensureCodeServer, launchChromium, onTerminationSignal, readWorkbenchConfiguration, startCodeServer, tailOf,
  type CodeServer, type LaunchedChromium,
} from './codeServer';
import { freeLoopbackPort } from './ports';

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const CLOSING = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/;
const PASS_THROUGH = /^(?:ECS_STUDIO_\w+|AWS_\w+|MOCHA_GREP)$/;

interface Outcome { exitCode?: number; error?: string }

function log(message: string): void {
  console.error(`[runExtensionTests] ${message}`);
}

async function main(): Promise<number> {
  const arg = process.argv[2];
  if (!arg) {
    console.error('usage: node out/test/support/runExtensionTests.js <path to the compiled suite index.js>');
    console.log('0 passed, 1 failed');
    return 2;
  }
  const suite = path.resolve(arg);
  const extensionPath = path.resolve(process.env.ECS_STUDIO_EXTENSION_PATH ?? REPO_ROOT);
  const timeoutMs = Number(process.env.ECS_STUDIO_TEST_TIMEOUT ?? DEFAULT_TIMEOUT_MS);
  const problem = checkInputs(suite, extensionPath, timeoutMs);
  if (problem) {
    log(problem);
    console.log('0 passed, 1 failed');
    return 1;
  }

  const started = Date.now();
  const tag = `<ecs-studio-test-${crypto.randomBytes(4).toString('hex')}>`;
  let server = undefined as CodeServer | undefined;
  let chromium = undefined as LaunchedChromium | undefined;
  let sawTaggedOutput = false as boolean;
  let closing = undefined as RegExpExecArray | undefined;
  let outcome: Outcome = {};
  const workbenchErrors: string[] = [];
  const cleanup = async (): Promise<void> => {
    await chromium?.close();
    await server?.stop();
  };
  const offSignals = onTerminationSignal(cleanup);
  const runSuite = async (): Promise<Outcome> => {
    // The user's settings point ECS Studio at the suite's AWS-limits proxy before the workbench
    // starts, as a person's settings.json would: the suite starts the proxy on this port
    // (test/extension/world.ts), and test/extension/endpoint.test.ts checks that no call went elsewhere.
    const proxyPort = await freeLoopbackPort();
    server = await startCodeServer({
      env: { ...passThroughEnv(), ECS_STUDIO_TEST_OUTPUT_TAG: tag, ECS_STUDIO_TEST_PROXY_PORT: String(proxyPort) },
      settings: {
        'ecsStudio.endpointUrl': `http://127.0.0.1:${proxyPort}`,
        // VS Code's own calls out (its experiment service asks default.exp-tas.com from the
        // extension host) would be refused by the suite's stray-connection guard: switch them off.
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
      },
    });
    const workspace = path.join(server.runDir, 'workspace');
    fs.mkdirSync(workspace, { recursive: true });
    log(`code-server ${server.url} (run folder ${path.relative(REPO_ROOT, server.runDir)}) after ${seconds(started)}`);

    const config = await readWorkbenchConfiguration(server.url);
    const authority = config.remoteAuthority;
    if (typeof authority !== 'string' || authority === '') {
      throw new Error(`the workbench configuration has no remoteAuthority: ${JSON.stringify(config).slice(0, 500)}`);
    }
    const remote = (file: string): string => `vscode-remote://${authority}${file.split(path.sep).join('/')}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(suite)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];

    chromium = await launchChromium();
    const { page } = chromium;
    const workbenchLogFile = path.join(server.runDir, 'workbench.log');
    const workbenchLog = (text: string): void => fs.appendFileSync(workbenchLogFile, text);
    const verbose = process.env.ECS_STUDIO_VERBOSE === '1';
    let settle: (value: Outcome) => void = () => undefined;
    const finished = new Promise<Outcome>((resolve) => { settle = resolve; });

    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = util.format(...(Array.isArray(args) ? args : [args]));
      workbenchLog(`${type} ${text}\n`);
      if (!text.startsWith(tag)) {
        if (verbose) process.stderr.write(`[workbench ${type}] ${text}\n`);
        else if (type === 'error') workbenchErrors.push(text);
        return;
      }
      sawTaggedOutput = true;
      const output = text.slice(tag.length);
      for (const line of output.split('\n')) {
        const match = CLOSING.exec(line.trim());
        if (match) closing = match;
      }
      process.stdout.write(`${output}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => settle({ exitCode: code }));
    page.on('pageerror', (err) => workbenchLog(`pageerror ${err.stack ?? err.message}\n`));
    page.on('console', (msg) => workbenchLog(`console.${msg.type()} ${msg.text()}\n`));
    page.on('crash', () => settle({ error: 'the workbench page crashed' }));
    page.on('close', () => settle({ error: 'the workbench page closed' }));

    const target = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(target, { waitUntil: 'domcontentloaded' });
    return finished;
  };

  let timer: NodeJS.Timeout | undefined;
  try {
    // The one-time install of the cache has its own limits and does not count against the timeout.
    await ensureCodeServer(log);
    const timedOut = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ error: `timed out after ${timeoutMs} ms (ECS_STUDIO_TEST_TIMEOUT)` }), timeoutMs);
    });
    const running = runSuite();
    running.catch(() => undefined); // after a timeout, whatever it was waiting for is killed
    outcome = await Promise.race([running, timedOut]);
  } catch (err) {
    outcome = { error: (err as Error).stack ?? String(err) };
  } finally {
    clearTimeout(timer);
    await cleanup();
    offSignals();
  }

  const failed = outcome.error !== undefined || outcome.exitCode !== 0 || !closing || Number(closing[2]) > 0;
  if (outcome.error) log(`error: ${outcome.error}`);
  if (outcome.exitCode !== undefined && outcome.exitCode !== 0) log(`the suite's run() failed (extension host exit code ${outcome.exitCode})`);
  if (server && !sawTaggedOutput && outcome.exitCode !== undefined) {
    log('the suite printed nothing tagged with ECS_STUDIO_TEST_OUTPUT_TAG (see test/extension/index.ts); ' +
      `its output is in ${path.join(server.runDir, 'workbench.log')}`);
  }
  if (!closing) console.log('0 passed, 1 failed');
  if (server) {
    if (failed) {
      if (workbenchErrors.length > 0) log(`last workbench errors:\n${workbenchErrors.slice(-10).join('\n')}`);
      log(`code-server log (${server.logFile}):\n${tailOf(server.logFile, 3_000)}`);
      log(`workbench log: ${path.join(server.runDir, 'workbench.log')}`);
    } else if (process.env.ECS_STUDIO_KEEP_RUN !== '1') {
      fs.rmSync(server.runDir, { recursive: true, force: true });
    }
  }
  log(`${failed ? 'FAILED' : 'passed'} in ${seconds(started)}`);
  return failed ? 1 : 0;
}

function checkInputs(suite: string, extensionPath: string, timeoutMs: number): string | undefined {
  if (!fs.existsSync(suite)) return `no suite at ${suite} (compile the tests first: npm run compile-tests)`;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return `ECS_STUDIO_TEST_TIMEOUT must be a number of milliseconds, not ${process.env.ECS_STUDIO_TEST_TIMEOUT}`;
  const manifest = path.join(extensionPath, 'package.json');
  if (!fs.existsSync(manifest)) return `no extension at ${extensionPath} (no package.json)`;
  const main = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { main?: string }).main;
  if (main && !fs.existsSync(path.resolve(extensionPath, main))) {
    return `the extension's main ${main} is missing in ${extensionPath}: run npm run build first`;
  }
  return undefined;
}

function passThroughEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => PASS_THROUGH.test(name)));
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

main().then((code) => {
  process.exitCode = code;
}, (err: unknown) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
