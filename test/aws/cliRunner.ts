// Runs the bundled command line (dist/cli.js) in a child process as a user would, with a clean
// environment: keys from env, no ~/.aws, no metadata service; stdin a pipe, never a TTY. Shared
// by the aws tier's CLI suites. Needs the bundle: `npm run build` (npm test's pretest does it).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TEST_CREDENTIALS } from '../support/moto';

const BUILT_CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  input?: string;
  env?: Record<string, string>;
  keysFromEnv?: boolean;
}

export interface CliRunner {
  /** A temporary HOME (config and credentials files go here); removed by dispose. */
  readonly home: string;
  run(args: string[], options?: CliOptions): Run;
  dispose(): void;
}

/** A runner on a copy of the bundle (it needs nothing beside it), so a rebuild of dist/ during the run can't swap it mid-test. */
export function cliRunner(): CliRunner {
  if (!fs.existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` first.`);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-cli-'));
  const cli = path.join(home, 'cli.js');
  fs.copyFileSync(BUILT_CLI, cli);
  assert.ok(fs.readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n'), `${BUILT_CLI} is not a complete bundle (being rebuilt?)`);
  return {
    home,
    run(args, options = {}) {
      const keys = options.keysFromEnv === false ? {} : { AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey };
      const result = spawnSync(process.execPath, [cli, ...args], {
        input: options.input ?? '',
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: home,
          ...keys,
          AWS_EC2_METADATA_DISABLED: 'true',
          AWS_CONFIG_FILE: path.join(home, 'config'),
          AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
          ...options.env,
        },
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    dispose() {
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/**
 * `ecs-studio doctor` on the tutorial's service in `region`, against `endpointUrl()`: for a
 * suite's own `describe`, which gets a runner made before its tests and disposed after them.
 */
export function useTutorialDoctor(endpointUrl: () => string, service: { cluster: string; service: string }): (region: string, ...extra: string[]) => Run {
  let runner: CliRunner | undefined;
  before(function () {
    runner = cliRunner();
  });
  after(function () {
    runner?.dispose();
  });
  return (region, ...extra) => {
    if (!runner) throw new Error('useTutorialDoctor: the suite has not started');
    return runner.run(['doctor', '--cluster', service.cluster, '--service', service.service, '--region', region, '--endpoint-url', endpointUrl(), ...extra]);
  };
}
