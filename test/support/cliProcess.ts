// Runs the built `ecs-studio` command line (dist/cli.js) as a user does: `node cli.js` in a child
// process with a clean environment (keys from env, no ~/.aws, no metadata service), stdin a pipe.
// The bundle is copied into a temporary home first, so a rebuild of dist/ during a run can't swap it.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TEST_CREDENTIALS } from './moto';

const TIMEOUT_MS = 60_000;

export const BUILT_CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliHome {
  /** The temporary home: config and credentials files go here. */
  readonly dir: string;
  run(args: string[], options?: RunOptions): CliRun;
  /** As `run`, without blocking the event loop: for a CLI that talks to something this process serves (the AWS-limits proxy). */
  runAsync(args: string[], options?: RunOptions): Promise<CliRun>;
  /** Removes the home and the copy of the bundle. */
  dispose(): void;
}

export interface RunOptions {
  readonly input?: string;
  readonly env?: Record<string, string>;
  readonly keysFromEnv?: boolean;
  /** The working folder (default: the test process's). */
  readonly cwd?: string;
}

/** A temporary home with a copy of dist/cli.js; fails when the bundle is missing or half-written. */
export function cliHome(): CliHome {
  if (!fs.existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` first.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-cli-'));
  const cli = path.join(dir, 'cli.js');
  fs.copyFileSync(BUILT_CLI, cli);
  if (!fs.readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')) throw new Error(`${BUILT_CLI} is not a complete bundle (being rebuilt?)`);
  const environment = (options: RunOptions): NodeJS.ProcessEnv => {
    const keys = options.keysFromEnv === false ? {} : { AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey };
    return {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      ...keys,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
      ...options.env,
    };
  };
  return {
    dir,
    run(args, options = {}) {
      const result = spawnSync(process.execPath, [cli, ...args], { input: options.input ?? '', encoding: 'utf8', timeout: TIMEOUT_MS, env: environment(options) });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    runAsync(args, options = {}) {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [cli, ...args], { env: environment(options), timeout: TIMEOUT_MS, ...(options.cwd !== undefined ? { cwd: options.cwd } : {}) });
        const out = { stdout: '', stderr: '' };
        child.stdout.on('data', (c: Buffer) => { out.stdout += c.toString('utf8'); });
        child.stderr.on('data', (c: Buffer) => { out.stderr += c.toString('utf8'); });
        child.on('error', reject);
        child.on('close', (status) => resolve({ status, ...out }));
        child.stdin.end(options.input ?? '');
      });
    },
    dispose() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
