// The GitHub Action's entry (`node dist/cli.js action`, what action.yml runs) as a runner runs it:
// inputs as INPUT_* variables (hyphens kept: INPUT_FAIL-ON), GITHUB_STEP_SUMMARY, GITHUB_OUTPUT
// and GITHUB_WORKSPACE files, against moto's tutorial world (the failing service) through the
// AWS-limits proxy. Checks the job summary, the annotations on stdout, the SARIF file, the
// outputs and the exit code with and without fail-on.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { cliHome, type CliHome, type CliRun } from '../support/cliProcess';
import { TEST_CREDENTIALS } from '../support/moto';
import { sarifSchemaErrors } from '../support/sarifSchema';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../support/tutorialWorld';
import { moto, resetMoto } from './setup';

const REGION = 'eu-west-3';

interface RunnerFiles {
  readonly workspace: string;
  readonly summary: string;
  readonly output: string;
}

/** GITHUB_OUTPUT's `name=value` lines as a record. */
function readOutputs(file: string): Record<string, string> {
  return Object.fromEntries(fs.readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

describe('the GitHub Action entry (ecs-studio action)', function () {
  this.timeout(120_000);
  let runner: CliHome;
  let world: TutorialWorld;
  let proxy: AwsLimitsProxy;
  /** A checked-out repository: the task definition JSON the service runs, and its family's line. */
  let repo: string;
  let familyLine: number;
  const made: string[] = [];

  /** A fresh workspace copy and empty runner files, as each job step gets. */
  function runnerFiles(): RunnerFiles {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-action-'));
    made.push(dir);
    const workspace = path.join(dir, 'workspace');
    fs.cpSync(repo, workspace, { recursive: true });
    const files = { workspace, summary: path.join(dir, 'step_summary'), output: path.join(dir, 'output') };
    fs.writeFileSync(files.summary, '');
    fs.writeFileSync(files.output, '');
    return files;
  }

  function action(files: RunnerFiles, inputs: Record<string, string>): Promise<CliRun> {
    return runner.runAsync(['action'], {
      cwd: files.workspace,
      env: {
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: files.workspace,
        GITHUB_STEP_SUMMARY: files.summary,
        GITHUB_OUTPUT: files.output,
        AWS_ENDPOINT_URL: proxy.url,
        INPUT_CLUSTER: TUTORIAL.clusterName,
        INPUT_SERVICE: TUTORIAL.serviceName,
        INPUT_REGION: REGION,
        ...inputs,
      },
    });
  }

  before(async function () {
    runner = cliHome();
    await resetMoto();
    world = await seedTutorialWorld(moto().url, { region: REGION });
    proxy = await startAwsLimitsProxy(moto().url);
    const ecs = new ECSClient({ endpoint: moto().url, region: REGION, credentials: TEST_CREDENTIALS });
    try {
      const described = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: world.taskDefinitionArn }));
      repo = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-action-repo-'));
      made.push(repo);
      fs.mkdirSync(path.join(repo, 'deploy'));
      const text = JSON.stringify({ taskDefinition: described.taskDefinition }, null, 2);
      fs.writeFileSync(path.join(repo, 'deploy', 'task-definition.json'), text);
      familyLine = text.split('\n').findIndex((l) => l.includes(`"family": "${TUTORIAL.taskFamily}"`)) + 1;
      assert.ok(familyLine > 0);
    } finally {
      ecs.destroy();
    }
  });

  after(async function () {
    await proxy?.stop();
    runner?.dispose();
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('default inputs (fail-on error, every format)', function () {
    let files: RunnerFiles;
    let run: CliRun;

    before(async function () {
      files = runnerFiles();
      run = await action(files, {});
    });

    it('fails the step (exit 1): the service has error findings', function () {
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /fail-on error: failing the step/);
    });

    it('writes the SARIF log to ecs-studio-doctor.sarif in the workspace, valid against the schemas', function () {
      const sarif = JSON.parse(fs.readFileSync(path.join(files.workspace, 'ecs-studio-doctor.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; properties: Record<string, unknown> }> }> };
      assert.deepEqual(sarifSchemaErrors(sarif), []);
      const results = sarif.runs[0]?.results ?? [];
      assert.deepEqual(results.filter((r) => 'taskArn' in r.properties).map((r) => r.properties.taskArn).sort(), [...world.stoppedTaskArns].sort());
      assert.ok(results.some((r) => r.ruleId === 'ENDPOINT_MISSING'));
    });

    it('annotates each finding on the task definition line, escaped as workflow commands', function () {
      const sarif = JSON.parse(fs.readFileSync(path.join(files.workspace, 'ecs-studio-doctor.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ level: string; properties: Record<string, unknown> }> }> };
      const findings = (sarif.runs[0]?.results ?? []).filter((r) => !('taskArn' in r.properties));
      const commands = run.stdout.split('\n').filter((l) => l.startsWith('::'));
      assert.equal(commands.length, findings.length, run.stdout);
      const errors = commands.filter((c) => c.startsWith('::error '));
      assert.equal(errors.length, 6, run.stdout);
      for (const c of commands) {
        assert.match(c, /^::(error|warning|notice) file=deploy\/task-definition\.json,line=\d+,title=ECS Studio doctor%3A [A-Z0-9_]+ \(demo-ecs-service\)::\S/);
        assert.doesNotMatch(c.slice(2), /\n|\r/);
      }
      assert.ok(commands.some((c) => c.includes(`line=${familyLine},`) && c.includes(`The interface endpoint com.amazonaws.${REGION}.ecr.api is missing`)), run.stdout);
    });

    it('writes the job summary: the service, the counts, the findings, the stopped tasks, the SARIF file', function () {
      const md = fs.readFileSync(files.summary, 'utf8');
      assert.match(md, /^## ECS Studio doctor: demo-ecs-service \(failed\)\n/);
      assert.match(md, new RegExp(`in cluster \`${TUTORIAL.clusterName}\` \\(${REGION}, account ${world.accountId}\\): 6 errors, \\d+ warnings?, \\d+ info; 2 recently stopped tasks\\.`));
      assert.match(md, /\| \*\*Error\*\* \| `ENDPOINT_MISSING` \| .*\(`deploy\/task-definition\.json:\d+`\)/);
      assert.match(md, /\| \*\*Error\*\* \| `LOG_GROUP_MISSING` \|/);
      for (const arn of world.stoppedTaskArns) assert.ok(md.includes(`| \`${arn.split('/').at(-1)}\` |`), arn);
      assert.match(md, /SARIF log: `ecs-studio-doctor\.sarif`/);
    });

    it('sets the outputs: the counts (as the annotations have them), the SARIF file, the result', function () {
      const outputs = readOutputs(files.output);
      const count = (kind: string) => run.stdout.split('\n').filter((l) => l.startsWith(`::${kind} `)).length;
      assert.deepEqual(outputs, {
        errors: '6', warnings: String(count('warning')), infos: String(count('notice')), 'stopped-tasks': '2', 'sarif-file': 'ecs-studio-doctor.sarif', result: 'failed',
      });
    });
  });

  it('fail-on never: the same findings, the step passes (exit 0)', async function () {
    const files = runnerFiles();
    const run = await action(files, { 'INPUT_FAIL-ON': 'never' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(readOutputs(files.output).errors, '6');
    assert.equal(readOutputs(files.output).result, 'passed');
    assert.match(fs.readFileSync(files.summary, 'utf8'), /^## ECS Studio doctor: demo-ecs-service \(passed\)\n/);
  });

  it('formats summary only, into another SARIF path: no annotations, no SARIF file, an empty sarif-file output', async function () {
    const files = runnerFiles();
    const run = await action(files, { INPUT_FORMATS: 'summary', 'INPUT_SARIF-FILE': 'out/doctor.sarif', 'INPUT_FAIL-ON': 'warning' });
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stdout, /^::/m);
    assert.equal(fs.existsSync(path.join(files.workspace, 'out')), false);
    assert.equal(readOutputs(files.output)['sarif-file'], '');
    assert.match(fs.readFileSync(files.summary, 'utf8'), /ENDPOINT_MISSING/);
  });

  it('a SARIF path of its own: written there, named in the outputs', async function () {
    const files = runnerFiles();
    const run = await action(files, { INPUT_FORMATS: 'sarif', 'INPUT_SARIF-FILE': 'reports/doctor.sarif' });
    assert.equal(run.status, 1, run.stderr);
    assert.ok(fs.existsSync(path.join(files.workspace, 'reports', 'doctor.sarif')));
    assert.equal(readOutputs(files.output)['sarif-file'], 'reports/doctor.sarif');
    assert.equal(fs.readFileSync(files.summary, 'utf8'), '');
  });

  it('bad input or a service AWS does not know: an error annotation, exit 2, nothing written', async function () {
    const bad = runnerFiles();
    const badRun = await action(bad, { 'INPUT_FAIL-ON': 'sometimes' });
    assert.equal(badRun.status, 2);
    assert.equal(badRun.stdout, "::error title=ECS Studio doctor::fail-on takes error, warning, never, not 'sometimes'.\n");
    const unknown = runnerFiles();
    const unknownRun = await action(unknown, { INPUT_SERVICE: 'no-such-service' });
    assert.equal(unknownRun.status, 2, unknownRun.stderr);
    assert.match(unknownRun.stdout, /^::error title=ECS Studio doctor%3A no-such-service::The doctor could not check the service: .*no-such-service/);
    for (const files of [bad, unknown]) {
      assert.equal(fs.readFileSync(files.summary, 'utf8'), '');
      assert.equal(fs.readFileSync(files.output, 'utf8'), '');
      assert.equal(fs.existsSync(path.join(files.workspace, 'ecs-studio-doctor.sarif')), false);
    }
  });
});
