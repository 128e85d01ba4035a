// The GitHub Action's pure parts (src/cli/action.ts): inputs as a runner names them, GitHub's
// workflow-command escaping, the SARIF log read back, the fail-on boundaries, the outputs file
// and the job summary.
import * as assert from 'node:assert/strict';
import {
  actionInput, annotations, countProblems, escapeData, escapeProperty, markdownText, outputLines, parseActionInputs,
  readDoctorSarif, shouldFail, summaryMarkdown, workflowCommand, type DoctorResults,
} from '../../../src/cli/action';

/** A log shaped as `ecs-studio doctor --format sarif` prints one: two findings, one stopped task. */
function doctorLog(): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'ecs-studio',
          rules: [
            { id: 'ECR_UNREACHABLE', shortDescription: { text: 'Tasks cannot reach ECR' } },
            { id: 'LOG_GROUP_MISSING', shortDescription: { text: 'The log group does not exist' } },
          ],
        },
      },
      invocations: [{ executionSuccessful: true, exitCode: 1, toolExecutionNotifications: [{ level: 'warning', message: { text: 'Could not read IAM role r: AccessDenied' } }] }],
      results: [
        {
          ruleId: 'ECR_UNREACHABLE', ruleIndex: 0, level: 'error',
          message: { text: 'No route to ECR. Subnet subnet-1 | private. Fix: add a NAT gateway' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'infra/task%20def.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 7 } }, logicalLocations: [] }],
          properties: { findingId: 'f1', severity: 'error', docsUrl: 'https://docs.aws.amazon.com/x' },
        },
        {
          ruleId: 'LOG_GROUP_MISSING', ruleIndex: 1, level: 'warning',
          message: { text: 'Log group /ecs/demo does not exist.' },
          locations: [{ logicalLocations: [] }],
          properties: { findingId: 'f2', severity: 'warning' },
        },
        {
          ruleId: 'ECR_UNREACHABLE', ruleIndex: 0, level: 'error',
          message: { text: 'Task abc stopped: Tasks cannot reach ECR.' },
          locations: [{ logicalLocations: [] }],
          properties: { taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/demo/abc', severity: 'error', explained: true },
        },
      ],
      properties: { accountId: '123456789012', region: 'us-east-1', cluster: 'demo', service: 'web' },
    }],
  };
}

describe('action: inputs', () => {
  it('reads INPUT_ + the upper-cased name, spaces as _ and hyphens kept, trimmed', () => {
    const env = { 'INPUT_FAIL-ON': ' warning ', INPUT_SARIF_FILE: 'x', 'INPUT_SARIF-FILE': 'y' };
    assert.equal(actionInput(env, 'fail-on'), 'warning');
    assert.equal(actionInput(env, 'sarif file'), 'x');
    assert.equal(actionInput(env, 'sarif-file'), 'y');
    assert.equal(actionInput(env, 'region'), '');
  });

  it('defaults: fail on errors, every format, ecs-studio-doctor.sarif, no region', () => {
    const parsed = parseActionInputs({ INPUT_CLUSTER: 'c', INPUT_SERVICE: 's' });
    assert.ok('inputs' in parsed);
    assert.equal(parsed.inputs.failOn, 'error');
    assert.deepEqual([...parsed.inputs.formats], ['summary', 'annotations', 'sarif']);
    assert.equal(parsed.inputs.sarifFile, 'ecs-studio-doctor.sarif');
    assert.equal(parsed.inputs.region, undefined);
  });

  it('takes formats comma- or space-separated, in any case', () => {
    const parsed = parseActionInputs({ INPUT_CLUSTER: 'c', INPUT_SERVICE: 's', INPUT_FORMATS: 'Summary,\n sarif', 'INPUT_FAIL-ON': 'NEVER' });
    assert.ok('inputs' in parsed);
    assert.deepEqual([...parsed.inputs.formats], ['summary', 'sarif']);
    assert.equal(parsed.inputs.failOn, 'never');
  });

  it('refuses a missing cluster or service, an unknown fail-on or format', () => {
    assert.deepEqual(parseActionInputs({ INPUT_SERVICE: 's' }), { error: 'Input required and not supplied: cluster.' });
    assert.deepEqual(parseActionInputs({}), { error: 'Input required and not supplied: cluster, service.' });
    assert.match((parseActionInputs({ INPUT_CLUSTER: 'c', INPUT_SERVICE: 's', 'INPUT_FAIL-ON': 'errors' }) as { error: string }).error, /fail-on takes error, warning, never, not 'errors'/);
    assert.match((parseActionInputs({ INPUT_CLUSTER: 'c', INPUT_SERVICE: 's', INPUT_FORMATS: 'summary,html' }) as { error: string }).error, /not 'html'/);
  });
});

describe('action: workflow commands', () => {
  it('escapes %, CR and LF in data, % first so an escape is never read back', () => {
    assert.equal(escapeData('100%\r\nnext'), '100%25%0D%0Anext');
    assert.equal(escapeData('%0A'), '%250A');
    assert.equal(escapeData('a: b, c'), 'a: b, c');
  });

  it('escapes : and , in properties as well', () => {
    assert.equal(escapeProperty('a: b, c%\n'), 'a%3A b%2C c%25%0A');
  });

  it('writes ::command props::message and leaves out empty properties', () => {
    assert.equal(workflowCommand('error', { file: 'a,b.json', line: 3, title: undefined }, 'x\ny'), '::error file=a%2Cb.json,line=3::x%0Ay');
    assert.equal(workflowCommand('notice', {}, 'm'), '::notice::m');
  });
});

describe('action: the SARIF log read back', () => {
  it('splits findings from stopped tasks, with titles, decoded files and lines', () => {
    const r = readDoctorSarif(doctorLog());
    assert.deepEqual([r.cluster, r.service, r.region, r.accountId], ['demo', 'web', 'us-east-1', '123456789012']);
    assert.equal(r.findings.length, 2);
    assert.deepEqual(r.findings[0], {
      code: 'ECR_UNREACHABLE', severity: 'error', title: 'Tasks cannot reach ECR',
      message: 'No route to ECR. Subnet subnet-1 | private. Fix: add a NAT gateway', file: 'infra/task def.json', line: 7,
      docsUrl: 'https://docs.aws.amazon.com/x',
    });
    assert.equal(r.findings[1]?.file, undefined);
    assert.equal(r.stoppedTasks.length, 1);
    assert.equal(r.stoppedTasks[0]?.taskArn, 'arn:aws:ecs:us-east-1:123456789012:task/demo/abc');
    assert.deepEqual(r.notes, ['Could not read IAM role r: AccessDenied']);
  });

  it('refuses a log that is not the doctor\'s', () => {
    assert.throws(() => readDoctorSarif({ version: '2.1.0', runs: [{ tool: { driver: { name: 'eslint' } } }] }), /not the SARIF 2\.1\.0 log of ecs-studio doctor/);
    assert.throws(() => readDoctorSarif(null), /not the SARIF/);
  });

  it('annotates each finding on its file and line (errors, warnings; info as notice), not the stopped tasks', () => {
    const r = readDoctorSarif(doctorLog());
    assert.deepEqual(annotations(r), [
      '::error file=infra/task def.json,line=7,title=ECS Studio doctor%3A ECR_UNREACHABLE (web)::No route to ECR. Subnet subnet-1 | private. Fix: add a NAT gateway',
      '::warning title=ECS Studio doctor%3A LOG_GROUP_MISSING (web)::Log group /ecs/demo does not exist.',
    ]);
    const info: DoctorResults = { ...r, findings: [{ ...r.findings[1]!, severity: 'info' }] };
    assert.match(annotations(info)[0]!, /^::notice /);
  });
});

describe('action: outcome and outputs', () => {
  const counts = (errors: number, warnings: number) => ({ errors, warnings, infos: 3 });

  it('fail-on error fails on one error, not on warnings; warning on either; never on none', () => {
    assert.equal(shouldFail(counts(0, 0), 'error'), false);
    assert.equal(shouldFail(counts(0, 5), 'error'), false);
    assert.equal(shouldFail(counts(1, 0), 'error'), true);
    assert.equal(shouldFail(counts(0, 0), 'warning'), false);
    assert.equal(shouldFail(counts(0, 1), 'warning'), true);
    assert.equal(shouldFail(counts(1, 0), 'warning'), true);
    assert.equal(shouldFail(counts(9, 9), 'never'), false);
  });

  it('counts findings by severity, not stopped tasks', () => {
    assert.deepEqual(countProblems(readDoctorSarif(doctorLog())), { errors: 1, warnings: 1, infos: 0 });
  });

  it('writes name=value lines, and a heredoc whose delimiter the value does not hold', () => {
    assert.equal(outputLines({ errors: '2', 'sarif-file': '' }), 'errors=2\nsarif-file=\n');
    assert.equal(outputLines({ m: 'a\nECS_STUDIO_EOF' }), 'm<<ECS_STUDIO_EOF_\na\nECS_STUDIO_EOF\nECS_STUDIO_EOF_\n');
  });
});

describe('action: job summary', () => {
  it('escapes Markdown and HTML in text and keeps it on one line', () => {
    assert.equal(markdownText('a|b <img> *x*\nnext'), 'a\\|b \\<img\\> \\*x\\* next');
  });

  it('names the service, the counts, each finding with its place and docs, the stopped tasks and what could not run', () => {
    const r = readDoctorSarif(doctorLog());
    const md = summaryMarkdown(r, countProblems(r), { failed: true, sarifFile: 'out/doctor.sarif' });
    assert.match(md, /^## ECS Studio doctor: web \(failed\)\n/);
    assert.match(md, /1 error, 1 warning, 0 info; 1 recently stopped task\./);
    assert.ok(md.includes('| **Error** | `ECR_UNREACHABLE` | No route to ECR. Subnet subnet-1 \\| private. Fix: add a NAT gateway (`infra/task def.json:7`) [Docs](https://docs.aws.amazon.com/x) |'), md);
    assert.ok(md.includes('| **Warning** | `LOG_GROUP_MISSING` |'), md);
    assert.ok(md.includes('| `abc` | `ECR_UNREACHABLE` | Task abc stopped: Tasks cannot reach ECR. |'), md);
    assert.ok(md.includes('- Could not read IAM role r: AccessDenied'), md);
    assert.ok(md.includes('SARIF log: `out/doctor.sarif`'), md);
    // Two header lines per table, a row per finding and per task: an unescaped | would have split a row.
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    assert.equal(rows.length, 2 * 2 + 3);
    for (const row of rows) assert.equal(row.replace(/\\\|/g, '').split('|').length, 5, row);
  });

  it('says so when nothing was found', () => {
    const r: DoctorResults = { ...readDoctorSarif(doctorLog()), findings: [], stoppedTasks: [], notes: [] };
    const md = summaryMarkdown(r, countProblems(r), { failed: false });
    assert.match(md, /\(passed\)/);
    assert.match(md, /No finding/);
    assert.doesNotMatch(md, /Recently stopped|SARIF log/);
  });
});
