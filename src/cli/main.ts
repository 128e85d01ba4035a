// The `ecs-studio` command line: the doctor's engine (src/doctor, src/aws) without VS Code.
// Bundled by esbuild as dist/cli.js (the package's `bin`); never shipped in the .vsix.
//
//   ecs-studio explain [--json] TEXT... | -
//   ecs-studio doctor --cluster C --service S [--profile P] [--region R] [--endpoint-url URL] [--json] [--fix [--yes]] [--remedy NAME]
//                     [--format text|json|sarif] [--workspace DIR]
//   ecs-studio map --cluster C --service S [--format mermaid|svg] [--output FILE] (and doctor's connection options)
//   ecs-studio mcp [--profile P] [--region R] [--endpoint-url URL] [--timeout SECONDS]   (MCP server on stdio)
//
// Exit codes: 0 no error finding, 1 some error finding, 2 usage or AWS error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { createSession, type AwsSession } from '../aws';
import { runAgentTool } from '../aws/agentTools';
import { AwsError, messageFor, noRegionMessage, toAwsError } from '../aws/errors';
import { applyPlan, describeApplyResult, type ApplyResult } from '../aws/fixApplier';
import { profileRegion } from '../aws/profiles';
import { collectServiceSnapshot } from '../aws/snapshotCollector';
import { classifyMessage } from '../doctor/classify';
import { examine } from '../doctor/examine';
import { renderServiceMap } from '../doctor/map/renderMap';
import { describePlan, describeStep } from '../doctor/planText';
import { offeredAlternatives, planFixes } from '../doctor/fixPlan';
import type { AlternativeName } from '../doctor/types';
import { doctorSarif, sarifTargets } from '../doctor/sarif';
import { findInWorkspace } from '../doctor/sarifLocations';
import type { Connection } from '../model/connection';
import { runAction } from './actionRun';
import { parseCliArgs, USAGE, type CliCommand, type OutputFormat } from './args';
import type * as McpServer from './mcpServer';
import { readWorkspaceFiles } from './workspaceFiles';
import {
  doctorJson,
  exitCodeFor,
  explanationJson,
  formatDoctorReport,
  formatExplanation,
  formatFindings,
  summaryLine,
  type DoctorReport,
} from './format';

declare const __ECS_STUDIO_VERSION__: string | undefined;

/** The version esbuild writes in (package.json's), or "0.0.0" when run unbundled. */
export const VERSION: string = typeof __ECS_STUDIO_VERSION__ === 'string' ? __ECS_STUDIO_VERSION__ : '0.0.0';

export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
}

function writer(stream: NodeJS.WritableStream): (line?: string) => void {
  return (line = '') => {
    stream.write(`${line}\n`);
  };
}

async function* stdinLines(io: CliIo): AsyncGenerator<string> {
  const lines = readline.createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) yield line;
}

async function explain(command: { json: boolean; fromStdin: boolean; text: string }, io: CliIo): Promise<number> {
  const out = writer(io.stdout);
  const one = (text: string, first: boolean) => {
    const finding = classifyMessage(text);
    if (command.json) {
      out(JSON.stringify(explanationJson(finding)));
    } else {
      if (!first) out();
      for (const line of formatExplanation(finding)) out(line);
    }
  };
  if (!command.fromStdin) {
    one(command.text, true);
    return 0;
  }
  let first = true;
  for await (const line of stdinLines(io)) {
    if (line.trim() === '') continue;
    one(line, first);
    first = false;
  }
  return 0;
}

async function resolveRegion(region: string | undefined, profile: string | undefined, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  if (region) return region;
  if (env.AWS_REGION) return env.AWS_REGION;
  if (env.AWS_DEFAULT_REGION) return env.AWS_DEFAULT_REGION;
  try {
    return await profileRegion(profile ?? env.AWS_PROFILE ?? 'default');
  } catch {
    return undefined;
  }
}

async function confirm(io: CliIo, question: string): Promise<boolean> {
  const rl = readline.createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  try {
    const answer = await new Promise<string>((resolve) => rl.question(question, resolve));
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

async function report(aws: AwsSession, cluster: string, service: string): Promise<DoctorReport> {
  return examine(await collectServiceSnapshot(aws, { cluster, service }), cluster, service);
}

function applyJson(result: ApplyResult): object {
  return {
    done: result.done.map((r) => ({ step: r.step, description: describeStep(r.step), outcome: r.outcome, detail: r.detail })),
    ...(result.failed ? { failed: { step: result.failed.step, description: describeStep(result.failed.step), error: result.failed.error.message } } : {}),
    notRun: result.notRun.map((step) => ({ step, description: describeStep(step) })),
  };
}

interface DoctorCommand {
  cluster: string;
  service: string;
  profile?: string;
  region?: string;
  endpointUrl?: string;
  timeoutSeconds?: number;
  json: boolean;
  fix: boolean;
  yes: boolean;
  remedy?: AlternativeName;
  format: OutputFormat;
  workspace?: string;
}

/** The folder `--workspace` names (default: the current one); undefined when it is not a folder. */
function workspaceDir(workspace: string | undefined): string | undefined {
  const dir = path.resolve(workspace ?? '.');
  try {
    return fs.statSync(dir).isDirectory() ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The SARIF log of a report: its results pointed at the lines of the workspace that name the service's resources. */
function sarifDocument(report: DoctorReport, workspace: string, startTimeUtc: string): string {
  const matches = findInWorkspace(readWorkspaceFiles(workspace), sarifTargets(report));
  return JSON.stringify(doctorSarif(report, { toolVersion: VERSION, exitCode: exitCodeFor(report.findings), matches, startTimeUtc, endTimeUtc: new Date().toISOString() }), null, 2);
}

/**
 * The report with the plan `--remedy` asks for; undefined (and says why) when no finding offers
 * that way out, so nothing is changed.
 */
function withRemedy(before: DoctorReport, remedy: AlternativeName | undefined, err: (line: string) => void): DoctorReport | undefined {
  // Nothing to fix: no way out to choose (a second run after the fix says "Nothing to fix.").
  if (!remedy || before.plan.steps.length === 0) return before;
  const offered = offeredAlternatives(before.findings);
  if (!offered.includes(remedy)) {
    err(`ecs-studio: --remedy ${remedy} is not offered for service ${before.service}: ${offered.length > 0
      ? `its findings offer ${offered.join(', ')}`
      : 'no finding has several ways out'}. Nothing was changed.`);
    return undefined;
  }
  return { ...before, plan: planFixes(before.findings, before.snapshot, remedy) };
}

interface ConnectionOptions {
  readonly profile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
  readonly timeoutSeconds?: number;
}

/** The session --profile, --region, --endpoint-url and --timeout ask for; undefined (and says why) without a region. */
async function openSession(command: ConnectionOptions, io: CliIo): Promise<AwsSession | undefined> {
  const region = await resolveRegion(command.region, command.profile, io.env);
  if (!region) {
    writer(io.stderr)(`ecs-studio: ${noRegionMessage('cli')}`);
    return undefined;
  }
  const endpointUrl = command.endpointUrl ?? (io.env.AWS_ENDPOINT_URL || undefined);
  const connection: Connection = { profile: command.profile, region, endpointUrl };
  return createSession(connection, {
    userAgent: ['ecs-studio-cli', VERSION],
    ...(command.timeoutSeconds !== undefined ? { requestTimeoutMs: command.timeoutSeconds * 1000 } : {}),
  });
}

async function doctor(command: DoctorCommand, io: CliIo): Promise<number> {
  const out = writer(io.stdout);
  const err = writer(io.stderr);
  // In JSON and SARIF modes stdout holds only the document; what people read goes to stderr.
  const say = command.format !== 'text' ? err : out;
  const startTimeUtc = new Date().toISOString();
  const workspace = command.format === 'sarif' ? workspaceDir(command.workspace) : undefined;
  if (command.format === 'sarif' && !workspace) {
    err(`ecs-studio: --workspace ${command.workspace ?? '.'} is not a folder. Nothing was checked.`);
    return 2;
  }
  const aws = await openSession(command, io);
  if (!aws) return 2;
  const { region, endpointUrl } = aws.connection;
  try {
    const checked = await report(aws, command.cluster, command.service);
    const before = withRemedy(checked, command.remedy, err);
    if (!before) {
      if (command.json) out(JSON.stringify(doctorJson(checked), null, 2));
      return 2;
    }
    const document: Record<string, unknown> = { ...doctorJson(before), ...(command.remedy ? { remedy: command.remedy } : {}) };
    if (command.format === 'text') for (const line of formatDoctorReport(before)) out(line);
    if (!command.fix || before.plan.steps.length === 0) {
      if (command.fix) say('Nothing to fix.');
      else if (before.plan.steps.length > 0) say('Run again with --fix to apply the plan.');
      if (command.json) out(JSON.stringify(document, null, 2));
      if (command.format === 'sarif' && workspace) out(sarifDocument(before, workspace, startTimeUtc));
      return exitCodeFor(before.findings);
    }
    if (!command.yes) {
      if (!io.stdin.isTTY) {
        err('ecs-studio: --fix changes your AWS account; stdin is not a terminal, so nothing was changed. Add --yes to apply the plan without asking.');
        if (command.json) out(JSON.stringify(document, null, 2));
        return 2;
      }
      if (command.json) for (const line of describePlan(before.plan)) err(`  ${line}`);
      const ok = await confirm(io, `Apply these ${before.plan.steps.length} changes in account ${before.snapshot.accountId} (${region})? [y/N] `);
      if (!ok) {
        say('Nothing was changed.');
        if (command.json) out(JSON.stringify(document, null, 2));
        return exitCodeFor(before.findings);
      }
    }
    say('Applying the fix plan:');
    const result = await applyPlan(aws, before.plan, before.snapshot, {
      onProgress: (p) => {
        if (p.phase === 'start') return;
        const what = p.phase === 'failed' ? `FAILED: ${p.error?.message ?? ''}` : `${p.result?.outcome === 'applied' ? 'done' : 'skipped'} (${p.result?.detail ?? ''})`;
        say(`  [${p.index + 1}/${p.total}] ${describeStep(p.step)}: ${what}`);
      },
    });
    document.apply = applyJson(result);
    // Progress named every step done; what failed and what did not run are worth repeating.
    for (const line of describeApplyResult(result).filter((l) => /^(FAILED|not run)/.test(l))) say(line);
    say(describeApplyResult(result).at(-1) ?? '');
    if (result.failed) {
      if (command.json) out(JSON.stringify(document, null, 2));
      return 2;
    }
    say('');
    say('Checking again:');
    const after = await report(aws, command.cluster, command.service);
    document.after = { errors: after.findings.filter((f) => f.severity === 'error').length, findings: doctorJson(after).findings, plan: doctorJson(after).plan };
    if (command.json) {
      out(JSON.stringify(document, null, 2));
    } else {
      for (const line of formatFindings(after.findings)) out(line);
      out(summaryLine(after.findings));
    }
    return exitCodeFor(after.findings);
  } catch (e) {
    const error = e instanceof AwsError ? e : toAwsError(e, { profile: command.profile ?? io.env.AWS_PROFILE ?? 'default', region, endpointUrl });
    err(`ecs-studio: ${messageFor(error, 'cli')}`);
    return 2;
  } finally {
    aws.dispose();
  }
}

/** `mcp`: the agent tools over stdio until the client goes; the MCP SDK is loaded only now. */
async function mcp(command: ConnectionOptions, io: CliIo): Promise<number> {
  const aws = await openSession(command, io);
  if (!aws) return 2;
  try {
    // A bundle of its own (dist/mcpServer.js; out/src/cli/mcpServer.js in compiled tests), required
    // only now: the other commands neither load nor parse the MCP SDK.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { serveMcp } = require(path.join(__dirname, 'mcpServer')) as typeof McpServer;
    return await serveMcp({
      io,
      version: VERSION,
      region: aws.connection.region,
      run: (name, input, signal) => runAgentTool(aws, name, input, { signal, surface: 'cli' }),
    });
  } finally {
    aws.dispose();
  }
}

/**
 * The service map, from the same snapshot and findings as `doctor`: Mermaid text or an SVG file,
 * on stdout or in --output. Exit 0 when drawn (broken paths are drawn, not failed), 2 on an error.
 */
async function map(command: Extract<CliCommand, { command: 'map' }>, io: CliIo): Promise<number> {
  const err = writer(io.stderr);
  const aws = await openSession(command, io);
  if (!aws) return 2;
  const { region, endpointUrl } = aws.connection;
  let text: string;
  try {
    const checked = await report(aws, command.cluster, command.service);
    text = await renderServiceMap(checked.snapshot, checked.findings, command.cluster, command.format);
  } catch (e) {
    const error = e instanceof AwsError ? e : toAwsError(e, { profile: command.profile ?? io.env.AWS_PROFILE ?? 'default', region, endpointUrl });
    err(`ecs-studio: ${messageFor(error, 'cli')}`);
    return 2;
  } finally {
    aws.dispose();
  }
  if (!command.output) {
    io.stdout.write(text);
    return 0;
  }
  try {
    fs.writeFileSync(command.output, text);
  } catch (e) {
    err(`ecs-studio: could not write ${command.output}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  err(`Wrote the map of service ${command.service} to ${command.output}.`);
  return 0;
}

/** Runs one command line; resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  // The GitHub Action's entry (action.yml): its arguments are INPUT_* variables, not argv.
  if (argv[0] === 'action' && argv.length === 1) return runAction(io, run);
  const parsed = parseCliArgs(argv);
  switch (parsed.command) {
    case 'help':
      writer(io.stdout)(USAGE);
      return 0;
    case 'version':
      writer(io.stdout)(VERSION);
      return 0;
    case 'usageError':
      writer(io.stderr)(`ecs-studio: ${parsed.message}\n\n${USAGE}`);
      return 2;
    case 'explain':
      return explain(parsed, io);
    case 'doctor':
      return doctor(parsed, io);
    case 'mcp':
      return mcp(parsed, io);
    case 'map':
      return map(parsed, io);
  }
}

if (require.main === module) {
  // The bundled AWS SDK warns under Node 20 that its releases after January 2027 need Node 22.
  // This bundle's SDK is fixed, so the notice is noise in every pipeline log: turn it off with
  // the SDK's documented switch (aws/aws-sdk-js-v3#7983), unless the user set it either way.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      process.stderr.write(`ecs-studio: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    });
}
