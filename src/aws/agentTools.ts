// Runs the doctor's read-only agent tools (src/agentTools) on one AWS session: the same reads
// the CLI's doctor and the Problems view make (collectServiceSnapshot + examine, the failing
// services scan), rendered as the tools' plain text. VS Code's language model tools (through
// loadAws(), so nothing loads at activation) and `ecs-studio mcp` both call runAgentTool.
// Nothing here writes to AWS.
import { diagnosisText } from '../agentTools/diagnosisText';
import type { AgentToolName } from '../agentTools/toolDefinitions';
import { parseToolCall, type DiagnoseInput, type ExplainInput, type ListInput } from '../agentTools/toolInput';
import { explanationText, failingServicesText, type FailingServiceEntry, type ToolScope } from '../agentTools/toolText';
import { classify, classifyMessage } from '../doctor/classify';
import { examine } from '../doctor/examine';
import { buildServiceReport } from '../doctor/serviceReport';
import { splitArn } from '../model/arns';
import { effectiveProfileName } from '../model/connection';
import { mapConcurrent } from '../util/concurrency';
import { AwsError, messageFor, toAwsError, type ErrorSurface } from './errors';
import { scanFailingServices } from './failingScan';
import type { AwsSession } from './session';
import { collectServiceSnapshot } from './snapshotCollector';

export interface AgentToolResult {
  readonly text: string;
  /** The input was refused or AWS failed: `text` says why, and nothing ran (or nothing more). */
  readonly isError: boolean;
  /** The account the tool read, when it read one (VS Code names it in the next confirmation). */
  readonly accountId?: string;
}

export interface AgentToolOptions {
  readonly signal?: AbortSignal;
  /** Whose words an AWS error takes (the CLI names its options, VS Code its commands). */
  readonly surface: ErrorSurface;
  /** The time the check is stamped with (tests pin it). */
  readonly now?: () => Date;
}

/** Doctor checks list_failing_services runs at once, as the Problems view does (each is about 20 calls). */
const CHECKS_AT_ONCE = 2;

function scopeOf(session: AwsSession, accountId: string | undefined): ToolScope {
  const { region, profile, endpointUrl } = session.connection;
  return { region, accountId, profile, endpointUrl };
}

function accountOfArn(arn: string | undefined): string | undefined {
  const account = arn ? splitArn(arn)?.accountId : undefined;
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

async function diagnose(session: AwsSession, input: DiagnoseInput, options: AgentToolOptions): Promise<AgentToolResult> {
  const snapshot = await collectServiceSnapshot(session, { cluster: input.cluster, service: input.service }, { signal: options.signal });
  const examination = examine(snapshot, input.cluster, input.service);
  const text = diagnosisText({ examination, scope: scopeOf(session, snapshot.accountId), checkedAt: options.now?.() ?? new Date() });
  return { text, isError: false, accountId: snapshot.accountId };
}

function explain(input: ExplainInput): string {
  const containers = input.containerReason !== undefined || input.exitCode !== undefined
    ? [{ name: 'container', ...(input.containerReason ? { reason: input.containerReason } : {}), ...(input.exitCode !== undefined ? { exitCode: input.exitCode } : {}) }]
    : [];
  // With nothing but the message, the CLI's `explain` (a service event is unwrapped); with a container, the task's classifier.
  const finding = containers.length === 0 ? classifyMessage(input.stoppedReason) : classify({ stoppedReason: input.stoppedReason, containers });
  return explanationText(finding);
}

/** The Problems view's scan, then the doctor's check of each failing service, two at a time. */
async function listFailing(session: AwsSession, input: ListInput, options: AgentToolOptions): Promise<AgentToolResult> {
  const scan = await scanFailingServices(session, options.signal, input.cluster ? [input.cluster] : undefined);
  const services = await mapConcurrent(scan.failing, CHECKS_AT_ONCE, async ({ cluster, service, tasks }): Promise<FailingServiceEntry> => {
    const stoppedCodes = tasks.map((t) => classify(t).code);
    try {
      const examination = examine(await collectServiceSnapshot(session, { cluster, service }, { signal: options.signal }), cluster, service);
      const report = buildServiceReport({ ...examination, checkedAt: options.now?.() ?? new Date() });
      return { cluster, service, stoppedCodes, problems: report.problems.map((p) => ({ code: p.code, severity: p.severity })) };
    } catch (e) {
      if (options.signal?.aborted) throw e;
      return { cluster, service, stoppedCodes, error: errorText(e, session, options.surface) };
    }
  });
  const accountId = scan.clusterArns.map(accountOfArn).find((a) => a !== undefined)
    // No cluster ARN to read it from (an empty region, a cluster given by name): ask STS.
    ?? (await session.sts.getCallerIdentity({ signal: options.signal })).account;
  const text = failingServicesText({ scope: scopeOf(session, accountId), cluster: input.cluster, clusters: scan.clusters, services });
  return { text, isError: false, accountId };
}

function errorText(e: unknown, session: AwsSession, surface: ErrorSurface): string {
  const { region, endpointUrl } = session.connection;
  const error = e instanceof AwsError ? e : toAwsError(e, { profile: effectiveProfileName(session.connection), region, endpointUrl });
  return messageFor(error, surface);
}

/** Runs one tool call (its input checked first). An AWS failure is a result too, saying what failed. */
export async function runAgentTool(session: AwsSession, name: AgentToolName, input: unknown, options: AgentToolOptions): Promise<AgentToolResult> {
  const parsed = parseToolCall(name, input);
  if (!parsed.ok) return { text: parsed.message, isError: true };
  const { call } = parsed;
  try {
    switch (call.tool) {
      case 'diagnose_service':
        return await diagnose(session, call.input, options);
      case 'explain_stop_reason':
        return { text: explain(call.input), isError: false };
      case 'list_failing_services':
        return await listFailing(session, call.input, options);
    }
  } catch (e) {
    if (options.signal?.aborted) throw e;
    return { text: `${name} failed (region ${session.connection.region}): ${errorText(e, session, options.surface)}`, isError: true };
  }
}
