// `ecs-studio action`: the GitHub Action's entry (action.yml runs it with the runner's AWS
// credentials). Reads the inputs from INPUT_* variables, runs `ecs-studio doctor --format sarif`
// once (in this process, through the command line's own `run`), and from that one SARIF log
// writes the SARIF file, the job summary (GITHUB_STEP_SUMMARY), the annotations (workflow
// commands on stdout) and the outputs (GITHUB_OUTPUT). Exit code: 1 when `fail-on` says the
// findings fail the step, 2 when the doctor could not run (bad input, credentials, access,
// not found), else 0.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import {
  annotations, countProblems, outputLines, parseActionInputs, readDoctorSarif, shouldFail, summaryMarkdown, workflowCommand,
  type DoctorResults,
} from './action';

/** The streams and environment the command line runs with (main.ts's CliIo). */
export interface ActionIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
}

/** The command line's `run` (passed in: main.ts imports this module). */
export type RunCli = (argv: readonly string[], io: ActionIo) => Promise<number>;

/** A stream that keeps what is written to it (and passes it on to `next`, when given). */
function capture(next?: NodeJS.WritableStream): Writable & { text(): string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(buffer);
      if (next) next.write(buffer);
      done();
    },
  });
  return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
}

function line(stream: NodeJS.WritableStream, text: string): void {
  stream.write(`${text}\n`);
}

/** The doctor's error lines (`ecs-studio: ...`), without the prefix, as one message. */
function doctorError(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.map((l) => l.replace(/^ecs-studio: /, '')).join(' ') || 'the doctor failed without a message';
}

export async function runAction(io: ActionIo, runCli: RunCli): Promise<number> {
  const parsed = parseActionInputs(io.env);
  if ('error' in parsed) {
    line(io.stdout, workflowCommand('error', { title: 'ECS Studio doctor' }, parsed.error));
    return 2;
  }
  const inputs = parsed.inputs;
  const workspace = io.env.GITHUB_WORKSPACE || process.cwd();
  const sarifOut = capture();
  const stderr = capture(io.stderr);
  const code = await runCli([
    'doctor', '--cluster', inputs.cluster, '--service', inputs.service,
    ...(inputs.region ? ['--region', inputs.region] : []),
    '--format', 'sarif', '--workspace', workspace,
  ], { stdout: sarifOut, stderr, stdin: io.stdin, env: io.env });
  if (code === 2) {
    line(io.stdout, workflowCommand('error', { title: `ECS Studio doctor: ${inputs.service}` }, `The doctor could not check the service: ${doctorError(stderr.text())}`));
    return 2;
  }
  let results: DoctorResults;
  try {
    results = readDoctorSarif(JSON.parse(sarifOut.text()));
  } catch (e) {
    line(io.stdout, workflowCommand('error', { title: 'ECS Studio doctor' }, `The doctor's output was not its SARIF log: ${e instanceof Error ? e.message : String(e)}`));
    return 2;
  }
  const counts = countProblems(results);
  const failed = shouldFail(counts, inputs.failOn);
  let sarifFile: string | undefined;
  if (inputs.formats.has('sarif')) {
    sarifFile = inputs.sarifFile;
    const file = path.resolve(workspace, sarifFile);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, sarifOut.text());
  }
  if (inputs.formats.has('annotations')) for (const a of annotations(results)) line(io.stdout, a);
  if (inputs.formats.has('summary')) {
    const summary = summaryMarkdown(results, counts, { failed, ...(sarifFile ? { sarifFile } : {}) });
    if (io.env.GITHUB_STEP_SUMMARY) fs.appendFileSync(io.env.GITHUB_STEP_SUMMARY, summary);
    else io.stdout.write(summary); // run outside a runner: the summary in the log
  }
  const outputs = outputLines({
    errors: String(counts.errors),
    warnings: String(counts.warnings),
    infos: String(counts.infos),
    'stopped-tasks': String(results.stoppedTasks.length),
    'sarif-file': sarifFile ?? '',
    result: failed ? 'failed' : 'passed',
  });
  if (io.env.GITHUB_OUTPUT) fs.appendFileSync(io.env.GITHUB_OUTPUT, outputs);
  line(io.stderr, `ECS Studio doctor: ${results.service}: ${counts.errors} error(s), ${counts.warnings} warning(s), ${counts.infos} info; ` +
    `fail-on ${inputs.failOn}: ${failed ? 'failing the step' : 'passing'}.`);
  return failed ? 1 : 0;
}
