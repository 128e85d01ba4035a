// The command line's pure parts: argument parsing, what it prints, exit codes, and `run` on the
// commands that need no AWS (the doctor against moto is in test/aws/cli.test.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { parseCliArgs, USAGE } from '../../../src/cli/args';
import { doctorJson, exitCodeFor, explanationJson, formatDoctorReport, formatExplanation, summaryLine, type DoctorReport } from '../../../src/cli/format';
import { run } from '../../../src/cli/main';
import { classifyMessage } from '../../../src/doctor/classify';
import { examine } from '../../../src/doctor/examine';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import { TUTORIAL, TUTORIAL_STOP_REASONS } from '../../support/tutorialWorld';
import { fixedTutorialSnapshot, tutorialSnapshot } from '../doctor/snapshotBuilder';

function reportOf(snapshot: ServiceSnapshot): DoctorReport {
  return examine(snapshot, TUTORIAL.clusterName, TUTORIAL.serviceName);
}

async function runCli(argv: string[], input = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  const code = await run(argv, { stdout, stderr, stdin: Readable.from([input]), env: {} });
  return { code, stdout: Buffer.concat(chunks.out).toString('utf8'), stderr: Buffer.concat(chunks.err).toString('utf8') };
}

describe('cli: arguments', () => {
  it('parses doctor with every option', () => {
    assert.deepEqual(
      parseCliArgs(['doctor', '--cluster', 'c', '--service', 's', '--profile', 'p', '--region', 'eu-west-1', '--endpoint-url', 'http://x', '--timeout', '7', '--json', '--fix', '--yes']),
      { command: 'doctor', cluster: 'c', service: 's', profile: 'p', region: 'eu-west-1', endpointUrl: 'http://x', timeoutSeconds: 7, json: true, fix: true, yes: true, format: 'json' },
    );
    assert.deepEqual(parseCliArgs(['doctor', '--cluster=c', '--service=s']), { command: 'doctor', cluster: 'c', service: 's', json: false, fix: false, yes: false, format: 'text' });
  });

  it('parses explain: words joined, or - for stdin', () => {
    assert.deepEqual(parseCliArgs(['explain', 'a', 'b']), { command: 'explain', json: false, fromStdin: false, text: 'a b' });
    assert.deepEqual(parseCliArgs(['explain', '--json', '-']), { command: 'explain', json: true, fromStdin: true, text: '' });
  });

  it('help and version', () => {
    for (const argv of [[], ['--help'], ['-h'], ['help'], ['doctor', '--help'], ['explain', '-h']]) assert.deepEqual(parseCliArgs(argv), { command: 'help' }, argv.join(' '));
    assert.deepEqual(parseCliArgs(['--version']), { command: 'version' });
  });

  it('usage errors: unknown flags and commands, missing or stray values', () => {
    const message = (argv: string[]) => {
      const parsed = parseCliArgs(argv);
      return parsed.command === 'usageError' ? parsed.message : `not an error: ${parsed.command}`;
    };
    assert.equal(message(['doctor', '--cluster', 'c', '--service', 's', '--bogus']), "Unknown option '--bogus'");
    assert.equal(message(['doctor', '--service', 's']), 'doctor needs --cluster.');
    assert.equal(message(['doctor']), 'doctor needs --cluster and --service.');
    assert.match(message(['doctor', '--cluster', 'c', '--service', 's', 'extra']), /Unexpected argument 'extra'/);
    assert.match(message(['doctor', '--cluster']), /--cluster/);
    assert.equal(message(['doctor', '--cluster', 'c', '--service', 's', '--yes']), '--yes only goes with --fix.');
    assert.equal(message(['explain', '--verbose', 'x']), "Unknown option '--verbose'");
    assert.equal(message(['explain']), 'explain needs a message, or - to read messages from stdin.');
    assert.equal(message(['fix']), "Unknown command 'fix'.");
    for (const bad of ['0', '601', 'soon', '']) {
      assert.equal(message(['doctor', '--cluster', 'c', '--service', 's', '--timeout', bad]), `--timeout takes seconds from 1 to 600, not '${bad}'.`);
    }
    assert.equal((parseCliArgs(['doctor', '--cluster', 'c', '--service', 's', '--timeout', '600']) as { timeoutSeconds?: number }).timeoutSeconds, 600);
    assert.equal(message(['doctor', '--cluster', 'c', '--service', 's', '--fix', '--remedy', 'nat']), "Unknown remedy 'nat': --remedy takes publicIp, natGateway, vpcEndpoints.");
    assert.match(message(['doctor', '--cluster', 'c', '--service', 's', '--remedy']), /--remedy/);
  });

  it('--remedy names a way out, with or without --fix (without, it only plans)', () => {
    assert.deepEqual(parseCliArgs(['doctor', '--cluster', 'c', '--service', 's', '--fix', '--remedy', 'natGateway']),
      { command: 'doctor', cluster: 'c', service: 's', json: false, fix: true, yes: false, remedy: 'natGateway', format: 'text' });
    assert.deepEqual(parseCliArgs(['doctor', '--cluster', 'c', '--service', 's', '--remedy=vpcEndpoints']),
      { command: 'doctor', cluster: 'c', service: 's', json: false, fix: false, yes: false, remedy: 'vpcEndpoints', format: 'text' });
    assert.match(USAGE, /--remedy NAME .*\n.*publicIp.*\n.*natGateway/);
  });
});

describe('cli: output', () => {
  it('explains in text and in JSON with code, title, explanation and fixes', () => {
    const finding = classifyMessage(TUTORIAL_STOP_REASONS.logs);
    const text = formatExplanation(finding);
    assert.match(text[0] ?? '', /^LOGS_UNREACHABLE \(error\): /);
    assert.ok(text.includes('  Fixes:'));
    const json = explanationJson(finding);
    assert.equal(json.code, 'LOGS_UNREACHABLE');
    assert.equal(json.message, TUTORIAL_STOP_REASONS.logs);
    assert.ok(json.fixes.length > 0 && json.title.length > 0 && json.explanation.length > 0);
  });

  it('the broken tutorial: every error with its evidence, the stopped tasks, the plan, exit 1', () => {
    const report = reportOf(tutorialSnapshot());
    const lines = formatDoctorReport(report);
    assert.equal(lines[0], `Service ${TUTORIAL.serviceName} in cluster ${TUTORIAL.clusterName} (ap-northeast-2, account 123456789012)`);
    assert.equal(lines.filter((l) => l.startsWith('ERROR ')).length, 6);
    assert.ok(lines.some((l) => /^ {9}subnet-0priv1a \(10\.0\.2\.0\/24, ap-northeast-2a\) routes 0\.0\.0\.0\/0 nowhere/.test(l)));
    assert.ok(lines.includes('Recently stopped tasks (2):'));
    assert.ok(lines.includes('Fix plan (8 steps):'));
    assert.equal(lines.at(-1), '6 errors, 0 warnings, 0 info.');
    assert.equal(exitCodeFor(report.findings), 1);
    const json = doctorJson(report) as { errors: number; findings: unknown[]; plan: { steps: unknown[]; description: string[] } };
    assert.equal(json.errors, 6);
    assert.equal(json.plan.steps.length, 8);
    assert.match(json.plan.description[0] ?? '', /^1\. Create security group ecs-studio-endpoints-443/);
  });

  it('the fixed tutorial: no problems, no plan, exit 0', () => {
    const report = reportOf(fixedTutorialSnapshot());
    assert.equal(exitCodeFor(report.findings), 0);
    assert.equal(summaryLine(report.findings), 'No problems found.');
    assert.ok(!formatDoctorReport(report).some((l) => l.startsWith('Fix plan')));
  });

  it('warnings alone exit 0', () => {
    const report = reportOf({ ...fixedTutorialSnapshot(), gaps: [{ subject: 'networkAcls', reason: 'AccessDenied: ec2:DescribeNetworkAcls' }] });
    assert.ok(report.findings.length > 0 && report.findings.every((f) => f.severity !== 'error'));
    assert.equal(exitCodeFor(report.findings), 0);
    assert.match(summaryLine(report.findings), /^0 errors, 1 warning, 0 info\.$/);
  });
});

describe('cli: run without AWS', () => {
  it('explain --json - prints one JSON object per non-empty stdin line', async () => {
    const { code, stdout } = await runCli(['explain', '--json', '-'], `${TUTORIAL_STOP_REASONS.ecr}\n\n${TUTORIAL_STOP_REASONS.logs}\n`);
    assert.equal(code, 0);
    assert.deepEqual(stdout.trim().split('\n').map((l) => (JSON.parse(l) as { code: string }).code), ['ECR_UNREACHABLE', 'LOGS_UNREACHABLE']);
  });

  it('usage errors go to stderr with exit 2, nothing on stdout', async () => {
    const bad = await runCli(['doctor', '--nope']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /^ecs-studio: Unknown option '--nope'/);
  });
});

describe('cli: packaging', () => {
  const root = path.resolve(__dirname, '..', '..', '..', '..');

  it('package.json names the bin, and .vscodeignore keeps dist/cli.js out of the .vsix', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
    assert.deepEqual(pkg.bin, { 'ecs-studio': './dist/cli.js' });
    const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
    assert.equal(ignore[0], '**', '.vscodeignore ships only what it lists');
    const reincluded = ignore.filter((l) => l.startsWith('!') && 'dist/cli.js'.startsWith(l.slice(1).replace(/\*.*$/, '')));
    assert.deepEqual(reincluded, [], 'no line brings dist/cli.js back');
  });
});
