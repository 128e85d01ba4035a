// No credential in what the command line prints, and no secret value fetched (issue 14). The
// CLI (dist/cli.js, a child process) runs with recognisable fake keys in its environment against
// moto through the AWS-limits proxy: the doctor (text and JSON) on the tutorial's service moved
// to a task definition with secrets, explain, a service that does not exist, and AWS errors whose
// messages echo the credentials back. Nothing it prints holds the keys; the proxy saw no call
// that reads a secret's value.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { useSecretsInTutorialService, type SecretsWorld } from '../support/worlds/secretsInOutputWorld';
import { seedTutorialWorld, TUTORIAL, TUTORIAL_STOP_REASONS } from '../support/tutorialWorld';
import { moto, resetMoto } from './setup';

const BUILT_CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
/** A region no other aws suite uses. */
const REGION = 'ap-southeast-1';

/** Recognisable fake credentials: moto takes any. */
const FAKE = {
  accessKeyId: 'AKIAFAKEFAKEFAKE1234',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/SECRETMARKERbPx9Yz',
  sessionToken: `IQoJb3JpZ2luX2VjEFAaCXVzLWVhc3QtMSJHMEUCIQD${'TOKENMARKER'}${'x7Kq/Lm+Zp3'.repeat(30)}`,
};
const MARKERS = ['AKIAFAKEFAKEFAKE1234', 'SECRETMARKER', 'TOKENMARKER', FAKE.secretAccessKey, FAKE.sessionToken.slice(0, 40)];
/** Operations that return a secret's value: the product never calls them (it names secrets by ARN). */
const SECRET_VALUE_OPERATIONS = /^(GetSecretValue|BatchGetSecretValue|GetParameters?|GetParametersByPath|GetParameterHistory|Decrypt)$/;
/** The only calls the doctor makes to these services: metadata (which KMS key encrypts a secret), never a value. */
const METADATA_OPERATIONS = new Set(['DescribeSecret', 'DescribeParameters']);

interface Run { status: number | null; stdout: string; stderr: string }

describe('secrets: no credential in the command line\'s output, no secret value fetched', function () {
  let home: string;
  let cliPath: string;
  let proxy: AwsLimitsProxy;
  let secrets: SecretsWorld;

  /** Runs the CLI; asynchronously, since the proxy it talks to runs in this process. */
  const cli = (args: string[], input = ''): Promise<Run> => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        AWS_ACCESS_KEY_ID: FAKE.accessKeyId,
        AWS_SECRET_ACCESS_KEY: FAKE.secretAccessKey,
        AWS_SESSION_TOKEN: FAKE.sessionToken,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: path.join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => { stdout += c; });
    child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
  const doctor = (...extra: string[]): Promise<Run> => cli(['doctor', '--cluster', TUTORIAL.clusterName, '--service', TUTORIAL.serviceName, '--region', REGION, '--endpoint-url', proxy.url, ...extra]);
  const assertClean = (name: string, run: Run) => {
    for (const marker of MARKERS) {
      assert.ok(!run.stdout.includes(marker), `${name}: stdout holds ${marker}:\n${run.stdout}`);
      assert.ok(!run.stderr.includes(marker), `${name}: stderr holds ${marker}:\n${run.stderr}`);
    }
  };

  before(async function () {
    if (!fs.existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` first.`);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-secrets-'));
    cliPath = path.join(home, 'cli.js');
    fs.copyFileSync(BUILT_CLI, cliPath);
    await resetMoto();
    const world = await seedTutorialWorld(moto().url, { region: REGION });
    secrets = await useSecretsInTutorialService(moto().url, world);
    proxy = await startAwsLimitsProxy(moto().url);
  });

  after(async function () {
    await proxy?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('the doctor, as text and as JSON, prints findings and never the keys; it reads no secret value', async function () {
    proxy.resetCalls();
    const text = await doctor();
    assert.equal(text.status, 1, text.stderr);
    assert.match(text.stdout, /Service demo-ecs-service in cluster demo-ecs-cluster/);
    assertClean('doctor', text);
    const json = await doctor('--json');
    assert.equal(json.status, 1, json.stderr);
    assertClean('doctor --json', json);
    assert.ok(proxy.calls.length > 10, `the doctor's calls went through the proxy (${proxy.calls.length})`);
    assert.ok(proxy.calls.some((c) => c.operation === 'DescribeTaskDefinition'), 'the task definition with the secrets was read');
    const fetched = proxy.calls.filter((c) => SECRET_VALUE_OPERATIONS.test(c.operation) ||
      (['secretsmanager', 'ssm', 'kms'].includes(c.service) && !METADATA_OPERATIONS.has(c.operation)));
    assert.deepEqual(fetched, [], `secret values read for ${secrets.secretArn} / ${secrets.parameterArn}`);
  });

  it('explain, with the keys in the environment, prints none of them', async function () {
    assertClean('explain', await cli(['explain', TUTORIAL_STOP_REASONS.ecr]));
    assertClean('explain -', await cli(['explain', '--json', '-'], `${TUTORIAL_STOP_REASONS.ecr}\n${TUTORIAL_STOP_REASONS.logs}\n`));
  });

  it('errors: a missing service, an unreachable endpoint, and AWS errors that echo the credentials back', async function () {
    const missing = await cli(['doctor', '--cluster', TUTORIAL.clusterName, '--service', 'nope', '--region', REGION, '--endpoint-url', proxy.url]);
    assert.equal(missing.status, 2);
    assertClean('missing service', missing);
    const unreachable = await cli(['doctor', '--cluster', 'c', '--service', 's', '--region', REGION, '--endpoint-url', 'http://127.0.0.1:9']);
    assert.equal(unreachable.status, 2);
    assertClean('unreachable', unreachable);
    const echo = `Request had X-Amz-Security-Token: ${FAKE.sessionToken}, Credential=${FAKE.accessKeyId}/20261204/${REGION}/ecs/aws4_request, key ${FAKE.secretAccessKey} and token ${FAKE.sessionToken}`;
    for (const [status, code] of [[400, 'UnrecognizedClientException'], [500, 'ServerException'], [400, 'InvalidParameterException']] as const) {
      proxy.injectFault({ operation: 'DescribeServices', status, code, message: echo, times: 10 });
      const run = await doctor();
      proxy.clearFaults();
      assert.equal(run.status, 2, `${code}: ${run.stdout}\n${run.stderr}`);
      assert.match(run.stderr, /^ecs-studio: /m);
      assertClean(code, run);
    }
  });
});
