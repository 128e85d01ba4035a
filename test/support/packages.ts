// What users install, built the way a release builds it, for the packaging suites (aws tier):
//   - the extension's .vsix: `npm run package` in a temporary copy of the working tree (its
//     node_modules linked), so the repository's dist/ is never rebuilt under a running tier;
//   - the CLI's npm tarball: scripts/packCli.mjs on the built dist/cli.js, installed with
//     `npm install -g --prefix <tmp>` offline (it has no dependencies);
//   - a process run without blocking the event loop (the suites serve the AWS-limits proxy).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..', '..');

/** Folders a package build never reads: the copy leaves them out. */
const NOT_COPIED = /^(docs|test|bench|out|dist|node_modules|\.vscode-test|test-results)\//;

function sh(command: string, args: string[], cwd: string, timeout = 300_000): string {
  const res = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, stdio: ['ignore', 'pipe', 'pipe'] });
  if (res.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${res.status ?? res.error?.message}):\n${`${res.stdout}${res.stderr}`.slice(-4_000)}`);
  return res.stdout;
}

/** The working tree's files (tracked, and new ones not ignored), as the build sees them. */
function workingTreeFiles(): string[] {
  return sh('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], REPO)
    .split('\0').filter((f) => f !== '' && !NOT_COPIED.test(f) && fs.existsSync(path.join(REPO, f)));
}

export interface BuiltVsix {
  readonly file: string;
  readonly bytes: number;
  /** Every entry of the zip, e.g. `extension/dist/extension.js`. */
  readonly entries: string[];
  read(entry: string): Buffer;
  dispose(): void;
}

/** `npm run package` in a temporary copy of the working tree. */
export function buildVsix(): BuiltVsix {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-vsix-'));
  for (const file of workingTreeFiles()) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(REPO, file), path.join(dir, file));
  }
  fs.symlinkSync(fs.realpathSync(path.join(REPO, 'node_modules')), path.join(dir, 'node_modules'));
  sh('npm', ['run', 'package'], dir);
  const file = path.join(dir, 'dist', 'ecs-studio.vsix');
  const entries = sh('unzip', ['-Z1', file], dir).split('\n').filter((e) => e !== '' && !e.endsWith('/'));
  return {
    file,
    bytes: fs.statSync(file).size,
    entries,
    read: (entry) => spawnSync('unzip', ['-p', file, entry], { maxBuffer: 64 * 1024 * 1024 }).stdout,
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface PackedCli {
  readonly tarball: string;
  readonly bytes: number;
  /** The tarball's files, without npm's `package/` prefix. */
  readonly files: string[];
  /** Where it was installed: `<prefix>/bin/ecs-studio`. */
  readonly bin: string;
  dispose(): void;
}

/** Packs dist/cli.js as ecs-studio-cli and installs the tarball into a temporary prefix, offline. */
export function packAndInstallCli(): PackedCli {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-cli-npm-'));
  const tarball = sh(process.execPath, [path.join(REPO, 'scripts', 'packCli.mjs'), '--out', dir], REPO).trim().split('\n').at(-1) ?? '';
  const files = sh('tar', ['tzf', tarball], dir).split('\n').filter((f) => f !== '').map((f) => f.replace(/^package\//, '')).sort();
  const prefix = path.join(dir, 'prefix');
  sh('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], dir);
  return {
    tarball,
    bytes: fs.statSync(tarball).size,
    files,
    bin: path.join(prefix, 'bin', 'ecs-studio'),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export interface ProcessRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `file args` with exactly `env`, stdin closed; async, so this process keeps serving. */
export function runProcess(file: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, timeout: 60_000, ...(cwd ? { cwd } : {}) });
    const out = { stdout: '', stderr: '' };
    child.stdout.on('data', (c: Buffer) => { out.stdout += c.toString('utf8'); });
    child.stderr.on('data', (c: Buffer) => { out.stderr += c.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, ...out }));
    child.stdin.end();
  });
}
