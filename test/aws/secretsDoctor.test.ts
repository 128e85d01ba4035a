// The doctor on a service whose execution role cannot read the task's secret, through the
// command line as a user runs it (`node dist/cli.js` against moto): the finding names the secret
// and the variable, the plan shows the inline policy, --fix puts exactly that policy (read back
// from IAM), the re-check is clean and a second --fix changes nothing. Then the same with the
// secret under a customer managed KMS key: kms:Decrypt on that key joins the same policy. Last,
// the collector itself: an SSM SecureString's key read by the parameter's name, and a refused
// DescribeSecret (answered by the AWS-limits proxy) becoming a gap, not a failure.
// Needs the bundle: `npm run build`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GetRolePolicyCommand, IAMClient, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import { createSession, type AwsSession } from '../../src/aws';
import { collectServiceSnapshot } from '../../src/aws/snapshotCollector';
import { analyze } from '../../src/doctor/analyze';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../support/moto';
import { TUTORIAL } from '../support/tutorialWorld';
import { seedSecretsWorld, SECRETS_WORLD, type SecretsWorld } from '../support/worlds/secretsWorld';
import { moto, resetMoto } from './setup';

const BUILT_CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
/** A region no other aws suite uses. */
const REGION = 'eu-south-1';
const POLICY = 'ecs-studio-execution-secrets';

let home: string;
let cliCopy: string;

/** `ecs-studio doctor` on the tutorial's service, keys from the environment, no terminal. */
function doctor(...extra: string[]): { status: number | null; stdout: string; stderr: string } {
  const args = ['doctor', '--cluster', TUTORIAL.clusterName, '--service', TUTORIAL.serviceName, '--region', REGION, '--endpoint-url', moto().url, ...extra];
  const result = spawnSync(process.execPath, [cliCopy, ...args], {
    input: '', encoding: 'utf8', timeout: 60_000,
    env: {
      PATH: process.env.PATH ?? '', HOME: home, AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: path.join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The role's inline policies, as IAM lists them, and ECS Studio's document parsed. */
async function inlinePolicies(iam: IAMClient): Promise<{ names: string[]; statements?: unknown }> {
  const { PolicyNames } = await iam.send(new ListRolePoliciesCommand({ RoleName: SECRETS_WORLD.executionRoleName }));
  const names = PolicyNames ?? [];
  if (!names.includes(POLICY)) return { names };
  const { PolicyDocument } = await iam.send(new GetRolePolicyCommand({ RoleName: SECRETS_WORLD.executionRoleName, PolicyName: POLICY }));
  const text = PolicyDocument ?? '';
  const parsed = JSON.parse(text.startsWith('%') ? decodeURIComponent(text) : text) as { Statement: unknown };
  return { names, statements: parsed.Statement };
}

describe('ecs-studio doctor: an execution role that cannot read the task\'s secret', function () {
  before(function () {
    if (!fs.existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` first.`);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-secrets-'));
    cliCopy = path.join(home, 'cli.js');
    fs.copyFileSync(BUILT_CLI, cliCopy);
  });

  after(function () {
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  for (const customerKey of [false, true]) {
    describe(customerKey ? 'the secret under a customer managed KMS key' : 'the secret under the AWS managed key', function () {
      let world: SecretsWorld;
      let iam: IAMClient;
      const container = TUTORIAL.containerName;

      before(async function () {
        await resetMoto();
        world = await seedSecretsWorld(moto().url, { region: REGION, customerKey });
        iam = new IAMClient({ endpoint: moto().url, region: REGION, credentials: TEST_CREDENTIALS });
      });

      after(function () {
        iam?.destroy();
      });

      it('names the secret ARN and the variable, and the plan shows the policy document', async function () {
        const run = doctor();
        assert.equal(run.status, 1, `${run.stdout}\n${run.stderr}`);
        const role = SECRETS_WORLD.executionRoleName;
        assert.match(run.stdout, new RegExp(escape(`${role} is not granted secretsmanager:GetSecretValue on ${world.secretArn}, needed for secret ${SECRETS_WORLD.variable} of container ${container}.`)));
        assert.doesNotMatch(run.stdout, new RegExp(escape(`${world.secretArn}:${SECRETS_WORLD.jsonKey}`)), 'the policy resource is the secret, not its JSON key');
        if (world.kmsKeyArn) {
          assert.match(run.stdout, new RegExp(escape(`${role} is not granted kms:Decrypt on ${world.kmsKeyArn}, needed for secret ${SECRETS_WORLD.variable} of container ${container}`)));
        }
        assert.match(run.stdout, /Fix plan \(2 steps\):/);
        assert.match(run.stdout, new RegExp(escape(`1. Add inline policy ${POLICY} on role ${role}, granting secretsmanager:GetSecretValue on ${world.secretArn}`) +
          (world.kmsKeyArn ? escape(`; kms:Decrypt on ${world.kmsKeyArn}`) : '')));
        assert.match(run.stdout, /"Effect": "Allow",/);
        assert.match(run.stdout, new RegExp(` {10,}"${escape(world.secretArn)}"`));
        assert.match(run.stdout, new RegExp(`${customerKey ? 2 : 1} errors?, `));
        assert.deepEqual((await inlinePolicies(iam)).names, []);
      });

      it('--fix --yes puts exactly that inline policy, then the re-check is clean', async function () {
        const run = doctor('--fix', '--yes');
        assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
        assert.match(run.stdout, new RegExp(escape(`[1/2] Add inline policy ${POLICY} on role ${SECRETS_WORLD.executionRoleName}`) + '.*: done'));
        assert.match(run.stdout, /Checking again:\nNo problems found\.\n$/);
        assert.deepEqual(await inlinePolicies(iam), {
          names: [POLICY],
          statements: [
            { Sid: 'EcsStudioSecretsmanagerGetSecretValue', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [world.secretArn] },
            ...(world.kmsKeyArn ? [{ Sid: 'EcsStudioKmsDecrypt', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [world.kmsKeyArn] }] : []),
          ],
        });
      });

      it('a second run exits 0, and a second --fix --yes changes nothing', async function () {
        const before = await inlinePolicies(iam);
        const check = doctor();
        assert.equal(check.status, 0, check.stdout);
        const fix = doctor('--fix', '--yes');
        assert.equal(fix.status, 0, `${fix.stdout}\n${fix.stderr}`);
        assert.match(fix.stderr + fix.stdout, /Nothing to fix\./);
        assert.deepEqual(await inlinePolicies(iam), before);
      });
    });
  }
});

describe('doctor collector: secrets and parameters through the AWS-limits proxy', function () {
  const region = 'eu-south-1';
  let world: SecretsWorld;
  let proxy: AwsLimitsProxy;
  let aws: AwsSession;

  before(async function () {
    await resetMoto();
    world = await seedSecretsWorld(moto().url, { region, customerKey: true, parameter: true });
    proxy = await startAwsLimitsProxy(moto().url);
    aws = createSession({ profile: undefined, region, endpointUrl: proxy.url }, {
      userAgent: ['ecs-studio-test', '0.0.0'], credentials: async () => TEST_CREDENTIALS, maxAttempts: 1,
    });
  });

  after(async function () {
    aws?.dispose();
    await proxy?.stop();
  });

  it("reads a SecureString parameter's customer key by name; a refused DescribeSecret is a gap, and the secret's grant is still checked", async function () {
    proxy.injectFault({ operation: 'DescribeSecret', status: 400, code: 'AccessDeniedException', message: 'not authorized to perform: secretsmanager:DescribeSecret' });
    const snapshot = await collectServiceSnapshot(aws, { cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName }, { stoppedTasks: 0 });
    const parameterArn = `arn:aws:ssm:${region}:${world.accountId}:parameter${SECRETS_WORLD.parameterName}`;
    assert.deepEqual(snapshot.secrets, [{ arn: parameterArn, kind: 'ssm', exists: true, kmsKeyId: world.kmsKeyArn }]);
    assert.deepEqual(snapshot.gaps, [{ subject: 'secrets', resource: world.secretArn, reason: 'AccessDenied: secretsmanager:DescribeSecret' }]);
    const findings = analyze(snapshot);
    assert.deepEqual(findings.map((f) => f.id).sort(), [
      `COULD_NOT_CHECK:secrets:${world.secretArn}`,
      `EXECUTION_ROLE_MISSING_POLICY:${parameterArn}`,
      `EXECUTION_ROLE_MISSING_POLICY:${world.kmsKeyArn ?? ''}`,
      `EXECUTION_ROLE_MISSING_POLICY:${world.secretArn}`,
    ].sort());
    const key = findings.find((f) => f.resource === world.kmsKeyArn);
    assert.match(key?.evidence[0] ?? '', new RegExp(escape(`needed for secret ${SECRETS_WORLD.parameterVariable} of container ${TUTORIAL.containerName} (the key of parameter ${parameterArn})`)));
  });
});
