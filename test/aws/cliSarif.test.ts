// `ecs-studio doctor --format sarif` as a CI job runs it (node dist/cli.js in a child process)
// against moto on the tutorial's broken world: a SARIF 2.1.0 log valid against the official
// schemas, with the rules, a result per finding and per stopped task, the logical location of
// the service, and a physical location in a task definition JSON of the workspace (a temporary
// folder: the describe-task-definition output of the world's own task definition).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { ANALYSIS_CODES } from '../../src/doctor/analysisCodes';
import { DIAGNOSIS_CODES } from '../../src/doctor/codes';
import type { SarifLog, SarifResult } from '../../src/doctor/sarif';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { sarifSchemaErrors } from '../support/sarifSchema';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedTutorialWorld, TUTORIAL, TUTORIAL_STOP_REASONS, type TutorialWorld } from '../support/tutorialWorld';
import { cliHome, type CliHome, type CliRun as Run, type RunOptions } from '../support/cliProcess';
import { moto, resetMoto } from './setup';

/** A region no other CLI suite uses. */
const REGION = 'ap-northeast-3';

describe('ecs-studio doctor --format sarif (dist/cli.js)', function () {
  let runner: CliHome;
  let world: TutorialWorld;
  /** The temporary workspace: a task definition JSON naming the family, and files that name nothing. */
  let workspace: string;
  /** The 1-based line of `"family": "demo-ecs-task"` in the workspace's task definition JSON. */
  let familyLine: number;
  /** The line of the container's `"name"`. */
  let containerLine: number;
  /** moto never stamps a stopped task's stoppedAt; AWS always does: the proxy adds it. */
  let proxy: AwsLimitsProxy;

  /** Not blocking the event loop: the CLI talks to the proxy this process serves. */
  function doctor(extra: string[], options: RunOptions = {}): Promise<Run> {
    return runner.runAsync(['doctor', '--cluster', TUTORIAL.clusterName, '--service', TUTORIAL.serviceName, '--region', REGION, '--endpoint-url', proxy.url, ...extra], options);
  }

  function parse(run: Run): SarifLog {
    return JSON.parse(run.stdout) as SarifLog;
  }

  before(async function () {
    runner = cliHome();
    await resetMoto();
    world = await seedTutorialWorld(moto().url, { region: REGION });
    proxy = await startAwsLimitsProxy(moto().url);
    const ecs = new ECSClient({ endpoint: moto().url, region: REGION, credentials: TEST_CREDENTIALS });
    try {
      // What a repository keeps: the task definition as `aws ecs describe-task-definition` prints it.
      const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: world.taskDefinitionArn }));
      workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-sarif-'));
      fs.mkdirSync(path.join(workspace, 'deploy'));
      fs.mkdirSync(path.join(workspace, 'node_modules', 'pkg'), { recursive: true });
      const text = JSON.stringify({ taskDefinition: described.taskDefinition }, null, 2);
      fs.writeFileSync(path.join(workspace, 'deploy', 'task-definition.json'), text);
      // Skipped folders and other files name the family too, or nothing: neither may be pointed at.
      fs.writeFileSync(path.join(workspace, 'node_modules', 'pkg', 'a.json'), `{"family": "${TUTORIAL.taskFamily}"}`);
      fs.writeFileSync(path.join(workspace, 'README.md'), `family: ${TUTORIAL.taskFamily}`);
      familyLine = text.split('\n').findIndex((l) => l.includes(`"family": "${TUTORIAL.taskFamily}"`)) + 1;
      containerLine = text.split('\n').findIndex((l) => l.includes(`"name": "${TUTORIAL.containerName}"`)) + 1;
      assert.ok(familyLine > 0 && containerLine > 0, 'the described task definition names its family and container');
    } finally {
      ecs.destroy();
    }
  });

  after(async function () {
    await proxy?.stop();
    runner?.dispose();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  describe('the broken tutorial, --workspace holding its task definition JSON', function () {
    let run: Run;
    let log: SarifLog;
    let results: readonly SarifResult[];

    before(async function () {
      run = await doctor(['--format', 'sarif', '--workspace', workspace]);
      log = parse(run);
      results = log.runs[0]?.results ?? [];
    });

    it('exits 1 (error findings), the log alone on stdout, what people read on stderr', function () {
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stdout, /^\{\n {2}"\$schema": "https:\/\/json\.schemastore\.org\/sarif-2\.1\.0\.json",\n {2}"version": "2\.1\.0"/);
      assert.match(run.stderr, /Run again with --fix to apply the plan\./);
    });

    it('is valid against the official SARIF 2.1.0 schemas', function () {
      assert.deepEqual(sarifSchemaErrors(log), []);
    });

    it('has one rule per doctor code, and every result points at its rule', function () {
      const rules = log.runs[0]?.tool.driver.rules ?? [];
      assert.deepEqual(rules.map((r) => r.id), [...DIAGNOSIS_CODES, ...ANALYSIS_CODES]);
      for (const r of results) assert.equal(rules[r.ruleIndex]?.id, r.ruleId);
      const driver = log.runs[0]?.tool.driver;
      assert.equal(driver?.name, 'ecs-studio');
      assert.match(driver?.version ?? '', /^\d+\.\d+\.\d+/);
      assert.deepEqual(log.runs[0]?.invocations.map((i) => [i.executionSuccessful, i.exitCode]), [[true, 1]]);
      assert.equal(log.runs[0]?.automationDetails.id, `ecs-studio-doctor/${REGION}/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}/`);
    });

    it('reports the missing VPC endpoints, the S3 gateway endpoint and the log group, as errors with their evidence', function () {
      const errors = results.filter((r) => r.level === 'error' && !('taskArn' in r.properties));
      assert.equal(errors.length, 6);
      const endpoints = results.filter((r) => r.ruleId === 'ENDPOINT_MISSING').map((r) => r.properties.resource).sort();
      assert.deepEqual(endpoints, ['ecr.api', 'ecr.dkr', 'logs'].map((s) => `com.amazonaws.${REGION}.${s}`));
      for (const name of ['ecr.api', 'ecr.dkr', 'logs']) {
        assert.ok(results.some((r) => r.ruleId === 'ENDPOINT_MISSING' && r.message.text.includes(`The interface endpoint com.amazonaws.${REGION}.${name} is missing`)), name);
      }
      assert.ok(results.some((r) => r.ruleId === 'S3_GATEWAY_ENDPOINT_MISSING' && r.level === 'error'));
      const logGroup = results.find((r) => r.ruleId === 'LOG_GROUP_MISSING');
      assert.ok(logGroup);
      assert.match(logGroup.message.text, new RegExp(`Log group ${TUTORIAL.logGroupName} does not exist in ${REGION}`));
      assert.match(logGroup.message.text, /Fix: 1\. Create CloudWatch log group/);
    });

    it('reports each stopped task with its reason, code, ARN and time', function () {
      const stopped = results.filter((r) => 'taskArn' in r.properties);
      assert.deepEqual(stopped.map((r) => r.properties.taskArn).sort(), [...world.stoppedTaskArns].sort());
      const byArn = new Map(stopped.map((r) => [r.properties.taskArn, r]));
      for (const [arn, code, reason] of [
        [world.stoppedTaskArns[0], 'ECR_UNREACHABLE', TUTORIAL_STOP_REASONS.ecr],
        [world.stoppedTaskArns[1], 'LOGS_UNREACHABLE', TUTORIAL_STOP_REASONS.logs],
      ] as const) {
        const r = byArn.get(arn);
        assert.ok(r, arn);
        assert.equal(r.ruleId, code);
        assert.equal(r.properties.code, code);
        assert.equal(r.properties.stoppedReason, reason);
        assert.match(String(r.properties.stoppedAt), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        assert.ok(r.message.text.includes(`Stop reason: ${reason}`));
        assert.ok(r.message.text.includes(`stopped at ${String(r.properties.stoppedAt)}`));
        assert.deepEqual(r.locations[0]?.logicalLocations[1], { name: arn.split('/').at(-1), fullyQualifiedName: arn, kind: 'resource' });
      }
      // The ECR failure is explained by what the account lacks now.
      assert.match(byArn.get(world.stoppedTaskArns[0])?.message.text ?? '', new RegExp(`Missing in ${world.vpcId}: com\\.amazonaws\\.${REGION}\\.ecr\\.api`));
    });

    it('names account, region, cluster and service in every result, and points at the family line (a stop naming its container: that container\'s line)', function () {
      for (const r of results) {
        assert.deepEqual(r.locations[0]?.logicalLocations[0],
          { name: TUTORIAL.serviceName, fullyQualifiedName: `${world.accountId}/${REGION}/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}`, kind: 'resource' });
        const line = r.properties.containerName === TUTORIAL.containerName ? containerLine : familyLine;
        assert.deepEqual(r.locations[0]?.physicalLocation,
          { artifactLocation: { uri: 'deploy/task-definition.json', uriBaseId: '%SRCROOT%' }, region: { startLine: line } }, r.ruleId);
      }
      assert.ok(results.some((r) => r.properties.containerName === TUTORIAL.containerName), 'a stopped task names its container');
    });
  });

  it('searches the current folder by default; a workspace naming nothing gives logical locations only', async function () {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-sarif-empty-'));
    try {
      fs.writeFileSync(path.join(empty, 'other.json'), '{"family": "someone-else"}');
      const here = await doctor(['--format', 'sarif'], { cwd: workspace });
      assert.equal(here.status, 1, here.stderr);
      assert.ok(parse(here).runs[0]?.results.every((r) => r.locations[0]?.physicalLocation?.artifactLocation.uri === 'deploy/task-definition.json'));
      const none = await doctor(['--format', 'sarif'], { cwd: empty });
      assert.equal(none.status, 1, none.stderr);
      const log = parse(none);
      assert.deepEqual(sarifSchemaErrors(log), []);
      assert.ok(log.runs[0]?.results.length && log.runs[0].results.every((r) => r.locations[0]?.physicalLocation === undefined && r.locations[0]?.logicalLocations.length));
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('exit 2 and no log: a workspace that is not a folder (before any AWS call), --fix, a service AWS does not know', async function () {
    const notFolder = await doctor(['--format', 'sarif', '--workspace', path.join(workspace, 'no-such-folder')]);
    assert.equal(notFolder.status, 2);
    assert.equal(notFolder.stdout, '');
    assert.match(notFolder.stderr, /--workspace .*no-such-folder is not a folder\. Nothing was checked\./);
    const withFix = await doctor(['--format', 'sarif', '--fix', '--yes']);
    assert.equal(withFix.status, 2);
    assert.equal(withFix.stdout, '');
    assert.match(withFix.stderr, /--format sarif reports what the doctor finds; it does not go with --fix\./);
    const unknown = await runner.runAsync(['doctor', '--cluster', TUTORIAL.clusterName, '--service', 'no-such-service', '--region', REGION, '--endpoint-url', proxy.url, '--format', 'sarif']);
    assert.equal(unknown.status, 2, unknown.stderr);
    assert.equal(unknown.stdout, '');
    assert.match(unknown.stderr, /no-such-service/);
  });
});
