// Stopped-task / service-event classifier: turns the text ECS gives (stoppedReason, container
// reasons, stopCode, service event messages) into one stable diagnosis code from ./codes,
// plus the details a fix needs (host, Region, image, secret, log group, target group...).
//
// How it works: the text is normalised (curly quotes, whitespace and newlines collapsed), then
// an ordered table of rules (classifyRules.ts) is tried, most specific first; the first rule
// that matches wins. Rules match meaningful fragments, case-insensitively, so they survive the ways real
// messages vary: console casing ("Resourceinitializationerror"), Fargate's truncation at
// ~255 characters, service-event wrappers, old Docker formats ("API error (500)",
// "Error response from daemon: ..."). Only when no rule matches does the stopCode decide.
// Anything still unrecognised is UNKNOWN with the raw text: the classifier never guesses.
//
// Pure module: no vscode, no AWS SDK.

import { matchRule, normalizeMessage, RULES } from './classifyRules';
import { CODES, type DiagnosisCode, type Severity } from './codes';

export interface ContainerState {
  name: string;
  reason?: string;
  exitCode?: number;
  lastStatus?: string;
}

/** The parts of a DescribeTasks task that explain why it stopped. */
export interface ClassifyInput {
  stoppedReason?: string;
  stopCode?: string;
  containers?: readonly ContainerState[];
}

export interface FindingDetails {
  /** The AWS endpoint the task tried to reach, e.g. api.ecr.ap-northeast-2.amazonaws.com. */
  awsServiceHost?: string;
  region?: string;
  logGroup?: string;
  /** Secrets Manager secret or SSM parameter ARN named by the message. */
  secretArn?: string;
  image?: string;
  /** Target group ARN, or its name when the message gives only the name. */
  targetGroup?: string;
  exitCode?: number;
  containerName?: string;
  ipAddress?: string;
  /** The IAM role ARN the message names (the role ECS could not assume). */
  roleArn?: string;
}

export interface Finding {
  code: DiagnosisCode;
  title: string;
  explanation: string;
  severity: Severity;
  docsUrl: string;
  fixes: string[];
  details: FindingDetails;
  /** The text the finding was made from, as ECS gave it. */
  raw: string;
}

// ---------------------------------------------------------------------------------------------
// Stop codes, used only when no rule matched the text.

function codeFromStopCode(stopCode: string | undefined): DiagnosisCode {
  switch (stopCode?.trim().toLowerCase()) {
    case 'spotinterruption':
      return 'SPOT_INTERRUPTION';
    case 'essentialcontainerexited':
      return 'ESSENTIAL_CONTAINER_EXITED';
    case 'taskfailedtostart':
      return 'TASK_FAILED_TO_START';
    case 'userinitiated':
      // Someone (or something) called StopTask: not an error.
      return 'STOPPED_BY_DEPLOYMENT';
    default:
      // ServiceSchedulerInitiated alone is ambiguous: the scheduler stops tasks for scale-in and
      // deployments but also to replace unhealthy ones. TerminationNotice and InfrastructureHealth
      // have no code of their own. Without text, say so.
      return 'UNKNOWN';
  }
}

// ---------------------------------------------------------------------------------------------
// Details

const IPV4 = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
const REGION = String.raw`[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}`;
// At most 10 labels of at most 63 characters before amazonaws.com (DNS limits): an unbounded
// `(?:[a-z0-9-]+\.)+` rescans a long run of "a.a.a..." or "a-a-a..." from every word start,
// quadratic in its length (a 100 KB run took 30 s).
const AWS_HOST = String.raw`(?:[a-z0-9-]{1,63}\.){1,10}amazonaws\.com(?:\.cn)?`;
const TARGET_GROUP_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d+:targetgroup\/[^/\s]+\/[0-9a-f]+$/i;

function firstGroup(text: string, patterns: readonly RegExp[]): string | undefined {
  for (const p of patterns) {
    const m = p.exec(text);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

const TRAILING_PUNCTUATION = new Set(['\'', '"', '`', '.', ',', ';', ':', ')']);

function trimToken(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Trailing punctuation is cut by a loop: /['"`.,;:)]+$/ retries every position of a long run
  // of dots that ends in another character, quadratic in its length.
  let end = value.length;
  while (end > 0 && TRAILING_PUNCTUATION.has(value[end - 1])) end--;
  const t = value.slice(0, end).replace(/^['"`]+/, '');
  return t || undefined;
}

function extractImage(text: string): string | undefined {
  const tagInRepo = /\btag (\S+) not found in repository ([^\s,]+)/i.exec(text);
  if (tagInRepo?.[1] && tagInRepo[2]) return `${trimToken(tagInRepo[2])}:${tagInRepo[1]}`;
  return trimToken(
    firstGroup(text, [
      /failed to resolve ref "?([^\s"]+?)"?:\s/i,
      /pull access denied for ([^\s,]+)/i,
      /the task (?:can't|cannot|can not) pull (?:the image )?'([^']+)'/i,
      /the task (?:can't|cannot|can not) pull (\S+) from the registry/i,
      /manifest for (\S+) not found/i,
      /repository (\S+) not found/i,
      /(?:pull|unpack) image "([^"]+)"/i,
    ]),
  );
}

function extractHost(text: string): string | undefined {
  return firstGroup(text, [
    new RegExp(String.raw`https?://(${AWS_HOST})`, 'i'),
    new RegExp(String.raw`\b(${AWS_HOST})\b`, 'i'),
  ]);
}

function extractRegion(text: string, host: string | undefined): string | undefined {
  const fromHost = host ? firstGroup(host, [new RegExp(String.raw`\.(${REGION})\.amazonaws\.com`, 'i')]) : undefined;
  const region =
    fromHost ??
    firstGroup(text, [
      new RegExp(String.raw`\.(${REGION})\.amazonaws\.com`, 'i'),
      new RegExp(String.raw`\bprod-(${REGION})-starport-layer-bucket`, 'i'),
      new RegExp(String.raw`\barn:aws[a-z-]*:[a-z0-9-]+:(${REGION}):`, 'i'),
      new RegExp(String.raw`\bin region (${REGION})\b`, 'i'),
      new RegExp(String.raw`\bcom\.amazonaws\.(${REGION})\.`, 'i'),
    ]);
  return region?.toLowerCase();
}

function extractDetails(text: string): FindingDetails {
  const details: FindingDetails = {};
  const host = extractHost(text);
  if (host) details.awsServiceHost = host;
  const region = extractRegion(text, host);
  if (region) details.region = region;
  const ip = firstGroup(text, [new RegExp(String.raw`dial tcp (${IPV4}):\d+`, 'i'), new RegExp(String.raw`\(instance (${IPV4})\)`, 'i')]);
  if (ip) details.ipAddress = ip;
  // Only whole ARNs: a truncated "arn:aws:secretsmanager:eu-west-2:1234..." names no secret.
  const secretArn = trimToken(
    firstGroup(text, [
      /(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[^:\s]+:secret:[^\s'"`,)]+)/i,
      /(arn:aws[a-z-]*:ssm:[a-z0-9-]+:[^:\s]+:parameter[^\s'"`,)]+)/i,
    ]),
  );
  if (secretArn) details.secretArn = secretArn;
  const logGroup = trimToken(
    firstGroup(text, [/log-group:([^:\s]+)/i, /awslogs-group["'=:\s]+([^\s"',]+)/i, /log group ["']([^"']+)["']/i]),
  );
  if (logGroup) details.logGroup = logGroup;
  const image = extractImage(text);
  if (image) details.image = image;
  const targetGroup = trimToken(
    firstGroup(text, [/\(target-group ([^)\s]+)\)/i, /target-group (arn:aws[^\s)]+)/i, /\bin target-group ([^\s)]+)/i]),
  );
  // A name, or a whole target group ARN (not one broken by line wrapping).
  if (targetGroup && (!targetGroup.startsWith('arn:') || TARGET_GROUP_ARN.test(targetGroup))) details.targetGroup = targetGroup;
  const roleArn = trimToken(firstGroup(text, [/(arn:aws[a-z-]*:iam::[^:\s]*:role\/[^\s'"`,)]+)/i]));
  if (roleArn) details.roleArn = roleArn;
  const exitCode = firstGroup(text, [/\bexit[ _-]?code\W{0,3}(\d{1,3})\b/i]);
  if (exitCode !== undefined) details.exitCode = Number(exitCode);
  return details;
}

/** The containers that give a reason, in their order. */
function withReasons(containers: readonly ContainerState[]): Array<ContainerState & { reason: string }> {
  return containers.filter((c): c is ContainerState & { reason: string } => Boolean(c.reason?.trim()));
}

/** The container the finding is about: the one whose own reason gives the code, else the first with a reason, else the first non-zero exit. */
function culprit(containers: readonly ContainerState[], code: DiagnosisCode): ContainerState | undefined {
  const withReason = withReasons(containers);
  return (
    withReason.find((c) => matchRule(c.reason)?.code === code) ??
    withReason[0] ??
    containers.find((c) => typeof c.exitCode === 'number' && c.exitCode !== 0) ??
    (containers.length === 1 ? containers[0] : undefined)
  );
}

function makeFinding(code: DiagnosisCode, raw: string, details: FindingDetails): Finding {
  const info = CODES[code];
  return {
    code,
    title: info.title,
    explanation: info.explanation,
    severity: info.severity,
    docsUrl: info.docsUrl,
    fixes: [...info.fixes],
    details,
    raw,
  };
}

// ---------------------------------------------------------------------------------------------
// Public API

/** Classify a stopped task from its stoppedReason, stopCode and container states. */
export function classify(input: ClassifyInput): Finding {
  const containers = input.containers ?? [];
  const reasonLines = withReasons(containers).map((c) => `${c.name}: ${c.reason.trim()}`);
  const stoppedReason = input.stoppedReason?.trim() ?? '';
  const raw = [stoppedReason, ...reasonLines].filter((s) => s).join('\n') || (input.stopCode?.trim() ?? '');

  // join() writes a missing reason as an empty line.
  const text = normalizeMessage([stoppedReason, ...containers.map((c) => c.reason)].join('\n'));
  const rule = text ? RULES.find((r) => r.when(text)) : undefined;
  const code = rule?.code ?? codeFromStopCode(input.stopCode);

  const details = extractDetails(text);
  const container = culprit(containers, code);
  if (container) {
    details.containerName = container.name;
    if (typeof container.exitCode === 'number') details.exitCode = container.exitCode;
  }
  return makeFinding(code, raw, details);
}

export interface ServiceEventParts {
  service?: string;
  task?: string;
  /** The stop / placement reason inside the wrapper, or the whole message when there is none. */
  reason: string;
}

/**
 * Split a service event into its wrapper and reason:
 *   "(service demo) was unable to place a task. Reason: ResourceInitializationError: ..."
 *   "service demo was unable to place a task because no container instance met ... Reason: ..."
 *   "(service demo) (task 0123abcd) failed container health checks."
 */
export function unwrapServiceEvent(message: string): ServiceEventParts {
  let rest = message.trim();
  const service = /^\(?service ([^\s)]+)\)?\s*/i.exec(rest);
  if (service?.[1]) rest = rest.slice(service[0].length);
  const task = /^\(task ([^\s)]+)\)\s*/i.exec(rest);
  if (task?.[1]) rest = rest.slice(task[0].length);
  const reason = /\bReason:\s*([\s\S]*)/i.exec(rest);
  return {
    ...(service?.[1] ? { service: service[1] } : {}),
    ...(task?.[1] ? { task: task[1] } : {}),
    reason: reason?.[1] ?? rest,
  };
}

/** Classify a service event message; the wrapper's reason decides, the whole message supplies details. */
export function classifyServiceEvent(message: string): Finding {
  const { reason } = unwrapServiceEvent(message);
  let finding = classify({ stoppedReason: reason });
  if (finding.code === 'UNKNOWN') finding = classify({ stoppedReason: message });
  const details = { ...extractDetails(normalizeMessage(message)), ...finding.details };
  return { ...finding, details, raw: message };
}

function looksLikeServiceEvent(text: string): boolean {
  // "service call has been retried ..." is an SDK message, not a service event.
  return /^\s*(?:\(service |service (?!call\b)\S+ (?:was|is|has|\())/i.test(text) || /\bwas unable to place a task\b/i.test(text);
}

/** Classify any message: a service event when it looks like one, else a stopped reason. */
export function classifyMessage(text: string): Finding {
  if (looksLikeServiceEvent(text)) return classifyServiceEvent(text);
  const finding = classify({ stoppedReason: text });
  return { ...finding, raw: text };
}

export interface ExplanationSummary {
  code: DiagnosisCode;
  title: string;
  severity: Severity;
  count: number;
}

export interface Explanation {
  findings: Finding[];
  /** One line per code, errors first, then the most frequent. */
  summary: ExplanationSummary[];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Classify many stopped tasks / messages at once (for the CLI and the doctor report). */
export function explainAll(inputs: ReadonlyArray<ClassifyInput | string>): Explanation {
  const findings = inputs.map((input) => (typeof input === 'string' ? classifyMessage(input) : classify(input)));
  const counts = new Map<DiagnosisCode, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  const summary = [...counts.entries()]
    .map(([code, count]) => ({ code, title: CODES[code].title, severity: CODES[code].severity, count }))
    .sort(
      (a, b) =>
        SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.count - a.count || a.code.localeCompare(b.code),
    );
  return { findings, summary };
}
