// The `ecs-studio` command line as a user runs it: `node dist/cli.js` in a child process, against
// moto with --endpoint-url and credentials from the environment, on the tutorial's world.
// Needs the bundle: `npm run build` (npm test's pretest does it); cliRunner.ts runs it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { DescribeSecurityGroupsCommand, DescribeVpcEndpointsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { run as runInProcess } from '../../src/cli/main';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedTutorialWorld, TUTORIAL, TUTORIAL_STOP_REASONS, type TutorialWorld } from '../support/tutorialWorld';
import { cliRunner, type CliOptions, type CliRunner, type Run } from './cliRunner';
import { moto, resetMoto } from './setup';

/** A region no other aws suite uses. */
const REGION = 'ap-south-1';

let runner: CliRunner;
let home: string;

function cli(args: string[], options: CliOptions = {}): Run {
  return runner.run(args, options);
}

function doctorArgs(...extra: string[]): string[] {
  return ['doctor', '--cluster', TUTORIAL.clusterName, '--service', TUTORIAL.serviceName, '--region', REGION, '--endpoint-url', moto().url, ...extra];
}

describe('ecs-studio command line (dist/cli.js)', function () {
  before(function () {
    runner = cliRunner();
    home = runner.home;
  });

  after(function () {
    runner?.dispose();
  });

  describe('explain', function () {
    it('explains one message as text', function () {
      const run = cli(['explain', TUTORIAL_STOP_REASONS.ecr]);
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^ECR_UNREACHABLE \(error\): /);
      assert.match(run.stdout, /Fixes:\n {2}- /);
      assert.match(run.stdout, /awsServiceHost=api\.ecr\.ap-northeast-2\.amazonaws\.com/);
    });

    it('joins the words of an unquoted message, and prints JSON with --json', function () {
      const run = cli(['explain', '--json', 'CannotPullContainerError:', 'failed', 'to', 'copy:', 'httpReadSeeker:', 'failed', 'open:', 'i/o', 'timeout']);
      assert.equal(run.status, 0, run.stderr);
      const lines = run.stdout.trim().split('\n');
      assert.equal(lines.length, 1);
      const json = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
      assert.equal(json.code, 'REGISTRY_LAYERS_UNREACHABLE');
      for (const key of ['title', 'explanation']) assert.equal(typeof json[key], 'string', key);
      assert.ok(Array.isArray(json.fixes) && json.fixes.length > 0);
      assert.equal(json.message, 'CannotPullContainerError: failed to copy: httpReadSeeker: failed open: i/o timeout');
    });

    it('reads one message per line from stdin with `-` and prints one JSON object per line', function () {
      const input = [TUTORIAL_STOP_REASONS.ecr, '', TUTORIAL_STOP_REASONS.logs, 'the moon is made of cheese'].join('\n');
      const run = cli(['explain', '--json', '-'], { input });
      assert.equal(run.status, 0, run.stderr);
      const codes = run.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { code: string }).code);
      assert.deepEqual(codes, ['ECR_UNREACHABLE', 'LOGS_UNREACHABLE', 'UNKNOWN']);
    });
  });

  describe('usage', function () {
    for (const [name, args, pattern] of [
      ['an unknown flag', ['doctor', '--cluster', 'c', '--service', 's', '--bogus'], /Unknown option '--bogus'/],
      ['a missing --service', ['doctor', '--cluster', 'c'], /doctor needs --service/],
      ['an unknown command', ['diagnose'], /Unknown command 'diagnose'/],
      ['explain without a message', ['explain'], /explain needs a message/],
      ['--yes without --fix', ['doctor', '--cluster', 'c', '--service', 's', '--yes'], /--yes only goes with --fix/],
    ] as const) {
      it(`exits 2 on ${name}, with the usage`, function () {
        const run = cli([...args]);
        assert.equal(run.status, 2);
        assert.match(run.stderr, pattern);
        assert.match(run.stderr, /Usage:/);
        assert.equal(run.stdout, '');
      });
    }

    it('--help prints the usage and exits 0', function () {
      const run = cli(['--help']);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /Exit codes: 0 no error finding, 1 some error finding, 2 usage or AWS error/);
    });
  });

  describe('doctor on the tutorial world', function () {
    let world: TutorialWorld;
    let ec2: EC2Client;

    async function endpointNames(): Promise<string[]> {
      const out = await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [world.vpcId] }] }));
      return (out.VpcEndpoints ?? []).map((e) => `${e.VpcEndpointType}:${e.ServiceName}`).sort();
    }

    async function groupNames(): Promise<string[]> {
      const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [world.vpcId] }] }));
      return (out.SecurityGroups ?? []).map((g) => g.GroupName ?? '').sort();
    }

    before(async function () {
      await resetMoto();
      world = await seedTutorialWorld(moto().url, { region: REGION });
      ec2 = new EC2Client({ endpoint: moto().url, region: REGION, credentials: TEST_CREDENTIALS });
    });

    after(function () {
      ec2?.destroy();
    });

    it('exits 1 and names every fault of the broken world', function () {
      const run = cli(doctorArgs());
      assert.equal(run.status, 1, run.stderr);
      for (const name of ['ecr.api', 'ecr.dkr', 'logs']) assert.match(run.stdout, new RegExp(`ERROR +The interface endpoint com\\.amazonaws\\.${REGION}\\.${name.replace('.', '\\.')} is missing`));
      assert.match(run.stdout, /ERROR +The S3 gateway endpoint is missing/);
      assert.match(run.stdout, /ERROR +No security group allows HTTPS \(443\) from the task to the endpoints/);
      assert.match(run.stdout, /ERROR +.*\[LOG_GROUP_MISSING\]/);
      assert.match(run.stdout, new RegExp(`routes 0\\.0\\.0\\.0/0 nowhere`));
      assert.match(run.stdout, /ECR_UNREACHABLE: /);
      assert.match(run.stdout, /Fix plan \(8 steps\):/);
      assert.match(run.stdout, /6 errors, /);
    });

    it('--json prints one document with the findings and the plan', function () {
      const run = cli(doctorArgs('--json'));
      assert.equal(run.status, 1, run.stderr);
      const doc = JSON.parse(run.stdout) as { errors: number; findings: Array<{ id: string; severity: string }>; plan: { description: string[] }; accountId: string };
      assert.equal(doc.errors, 6);
      assert.equal(doc.accountId, world.accountId);
      assert.ok(doc.findings.some((f) => f.id === `S3_GATEWAY_ENDPOINT_MISSING:${world.vpcId}`));
      assert.equal(doc.plan.description.length, 8);
    });

    it('--fix without a terminal and without --yes exits 2 and changes nothing', async function () {
      const endpoints = await endpointNames();
      const groups = await groupNames();
      const run = cli(doctorArgs('--fix'));
      assert.equal(run.status, 2);
      assert.match(run.stderr, /stdin is not a terminal, so nothing was changed\. Add --yes/);
      assert.match(run.stdout, /Fix plan \(8 steps\):/);
      assert.deepEqual(await endpointNames(), endpoints);
      assert.deepEqual(await groupNames(), groups);
      assert.deepEqual(endpoints, []);
    });

    it('--fix on a terminal asks first; answering no changes nothing (in process, stdin a fake TTY)', async function () {
      const stdin = Object.assign(new PassThrough(), { isTTY: true });
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      const text = { out: '', err: '', answered: false };
      stdout.on('data', (c: Buffer) => { text.out += c.toString('utf8'); });
      stderr.on('data', (c: Buffer) => {
        text.err += c.toString('utf8');
        // Once: the terminal-mode prompt echoes what it reads back to stderr.
        if (!text.answered && text.err.includes('[y/N]')) {
          text.answered = true;
          stdin.write('n\n');
        }
      });
      // The SDK's credential chain reads the process environment, not the io's.
      const saved = { id: process.env.AWS_ACCESS_KEY_ID, secret: process.env.AWS_SECRET_ACCESS_KEY };
      process.env.AWS_ACCESS_KEY_ID = TEST_CREDENTIALS.accessKeyId;
      process.env.AWS_SECRET_ACCESS_KEY = TEST_CREDENTIALS.secretAccessKey;
      try {
        const code = await runInProcess(doctorArgs('--fix'), { stdin, stdout, stderr, env: {} });
        assert.equal(code, 1, text.err);
      } finally {
        for (const [key, value] of [['AWS_ACCESS_KEY_ID', saved.id], ['AWS_SECRET_ACCESS_KEY', saved.secret]] as const) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
      }
      assert.match(text.err, new RegExp(`Apply these 8 changes in account ${world.accountId} \\(${REGION}\\)\\? \\[y/N\\] `));
      assert.match(text.out, /Nothing was changed\.\n$/);
      assert.deepEqual(await endpointNames(), []);
    });

    it('--fix --yes applies the plan, re-checks, and exits 0', async function () {
      const run = cli(doctorArgs('--fix', '--yes'));
      assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
      assert.match(run.stdout, /\[8\/8\] Start a new deployment of service demo-ecs-service .*: done/);
      assert.match(run.stdout, /8 changes made, 0 already done\.\n\nChecking again:\nNo problems found\.\n$/);
      assert.deepEqual(await endpointNames(), [
        `Gateway:com.amazonaws.${REGION}.s3`,
        `Interface:com.amazonaws.${REGION}.ecr.api`,
        `Interface:com.amazonaws.${REGION}.ecr.dkr`,
        `Interface:com.amazonaws.${REGION}.logs`,
      ]);
      assert.ok((await groupNames()).includes('ecs-studio-endpoints-443'));
    });

    it('a second doctor run exits 0, and a second --fix --yes changes nothing', async function () {
      const check = cli(doctorArgs());
      assert.equal(check.status, 0, check.stdout);
      const endpoints = await endpointNames();
      const fix = cli(doctorArgs('--fix', '--yes'));
      assert.equal(fix.status, 0);
      assert.match(fix.stderr + fix.stdout, /Nothing to fix\./);
      assert.deepEqual(await endpointNames(), endpoints);
    });

    it('exits 2 with the AWS error for a service that does not exist, and when AWS cannot be reached', function () {
      const missing = cli(['doctor', '--cluster', TUTORIAL.clusterName, '--service', 'nope', '--region', REGION, '--endpoint-url', moto().url]);
      assert.equal(missing.status, 2, `${missing.stdout}\n${missing.stderr}`);
      assert.match(missing.stderr, /^ecs-studio: Service nope was not found in cluster demo-ecs-cluster \(ap-south-1\)\./m);
      const unreachable = cli(['doctor', '--cluster', 'c', '--service', 's', '--region', REGION, '--endpoint-url', 'http://127.0.0.1:9']);
      assert.equal(unreachable.status, 2);
      assert.match(unreachable.stderr, /ecs-studio: Cannot reach http:\/\/127\.0\.0\.1:9 \(connection refused\)/);
    });

    it('takes keys and region from --profile (config and credentials files), not from the environment', function () {
      fs.writeFileSync(path.join(home, 'config'), `[profile ci]\nregion = ${REGION}\n`);
      fs.writeFileSync(path.join(home, 'credentials'), `[ci]\naws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}\n`);
      const args = ['doctor', '--cluster', TUTORIAL.clusterName, '--service', TUTORIAL.serviceName, '--endpoint-url', moto().url];
      const run = cli([...args, '--profile', 'ci'], { keysFromEnv: false });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /\(ap-south-1, account /);
      const missing = cli([...args, '--profile', 'nobody', '--region', REGION], { keysFromEnv: false });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /^ecs-studio: .*nobody/m);
    });

    it('honours AWS_ENDPOINT_URL and AWS_REGION from the environment', function () {
      const run = cli(['doctor', '--cluster', TUTORIAL.clusterName, '--service', TUTORIAL.serviceName], { env: { AWS_ENDPOINT_URL: moto().url, AWS_REGION: REGION } });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /Service demo-ecs-service in cluster demo-ecs-cluster \(ap-south-1, account /);
    });
  });
});
