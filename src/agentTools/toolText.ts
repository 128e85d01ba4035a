// What the agent tools answer, as plain text an agent can quote: the header naming account and
// region, how the user applies a fix (the VS Code quick fix and the command line), the
// explanation of a stop reason, and the list of failing services.
//
// Pure module: no vscode, no AWS SDK.

import type { Finding } from '../doctor/classify';
import type { Severity } from '../doctor/codes';
import type { DoctorCode } from '../doctor/analysisCodes';

/** Where a tool read: the connection it ran on, and the account when it is known. */
export interface ToolScope {
  readonly region: string;
  /** Undefined when no call named it (no cluster in the region, say). */
  readonly accountId: string | undefined;
  /** The profile as chosen; undefined for the SDK's default chain. */
  readonly profile: string | undefined;
  readonly endpointUrl: string | undefined;
}

export const READ_ONLY_NOTE = 'Read-only: ECS Studio changed nothing in the account.';

/** "account 123456789012 · region eu-west-1" (and the endpoint when one replaces AWS's). */
export function scopeLine(scope: ToolScope): string {
  const account = scope.accountId ? `account ${scope.accountId}` : 'account unknown';
  return `${account} · region ${scope.region}${scope.endpointUrl ? ` · endpoint ${scope.endpointUrl}` : ''}`;
}

/** A word as a POSIX shell reads it back: bare when it is safe, else single-quoted. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The `ecs-studio doctor` command line for a service on this connection, with `extra` options. */
export function doctorCommand(scope: ToolScope, cluster: string, service: string, ...extra: string[]): string {
  const words = ['ecs-studio', 'doctor', '--cluster', cluster, '--service', service, '--region', scope.region];
  if (scope.profile) words.push('--profile', scope.profile);
  if (scope.endpointUrl) words.push('--endpoint-url', scope.endpointUrl);
  return [...words, ...extra].map(shellWord).join(' ');
}

// ---- explain_stop_reason -----------------------------------------------------------------------

export function explanationText(finding: Finding): string {
  const details = Object.entries(finding.details).filter(([, v]) => v !== undefined && v !== '');
  return [
    `${finding.code} (${finding.severity}): ${finding.title}`,
    '',
    `Message: ${finding.raw}`,
    '',
    `What it means: ${finding.explanation}`,
    ...(finding.fixes.length > 0 ? ['', 'Fix:', ...finding.fixes.map((f) => `- ${f}`)] : []),
    ...(details.length > 0 ? ['', `Read from the message: ${details.map(([k, v]) => `${k}=${String(v)}`).join(', ')}`] : []),
    '',
    `AWS documentation: ${finding.docsUrl}`,
    '',
    'To see what in the account causes it now, diagnose the service (diagnose_service).',
  ].join('\n');
}

// ---- list_failing_services ---------------------------------------------------------------------

/** One failing service as the Problems view's scan found it, and what its check says. */
export interface FailingServiceEntry {
  readonly cluster: string;
  readonly service: string;
  /** The diagnosis codes of its tasks that stopped with an error, one per task. */
  readonly stoppedCodes: readonly string[];
  /** What the doctor's check found; undefined when it could not run (see `error`). */
  readonly problems?: ReadonlyArray<{ readonly code: DoctorCode; readonly severity: Severity }>;
  readonly error?: string;
}

export interface FailingServicesInput {
  readonly scope: ToolScope;
  /** The cluster asked for, or undefined for the whole region. */
  readonly cluster: string | undefined;
  readonly clusters: number;
  readonly services: readonly FailingServiceEntry[];
}

function tally(codes: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, n]) => (n === 1 ? code : `${code} ×${n}`)).join(', ');
}

/** "1 task", "2 tasks". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function entryLines(entry: FailingServiceEntry): string[] {
  const stopped = `${plural(entry.stoppedCodes.length, 'task')} stopped with an error (${tally(entry.stoppedCodes)})`;
  let now: string;
  if (entry.error !== undefined) {
    now = `The check could not run: ${entry.error}`;
  } else {
    const problems = (entry.problems ?? []).filter((p) => p.severity !== 'info');
    const errors = problems.filter((p) => p.severity === 'error').length;
    now = problems.length === 0
      ? 'The doctor finds no problem now (fixed since, or from an earlier deployment).'
      : `The doctor finds ${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')} now: ${tally(problems.map((p) => p.code))}.`;
  }
  return [`- Service ${entry.service} in cluster ${entry.cluster}: ${stopped}.`, `  ${now}`];
}

export function failingServicesText(input: FailingServicesInput): string {
  const where = input.cluster ? `cluster ${input.cluster}` : `the ${plural(input.clusters, 'cluster')} of the region`;
  const lines = [`ECS Studio failing services · ${scopeLine(input.scope)}`, READ_ONLY_NOTE, ''];
  // A service whose check finds nothing now is history, as in the Problems view: named last.
  const failing = input.services.filter((s) => s.error !== undefined || (s.problems ?? []).some((p) => p.severity !== 'info'));
  const past = input.services.filter((s) => !failing.includes(s));
  if (input.services.length === 0) {
    lines.push(`No service in ${where} has tasks that stopped with an error (ECS keeps a stopped task for about an hour).`);
    return lines.join('\n');
  }
  if (failing.length > 0) {
    lines.push(`Failing services in ${where} (${failing.length}):`, ...failing.flatMap(entryLines));
  } else {
    lines.push(`No service in ${where} has a problem now.`);
  }
  if (past.length > 0) lines.push('', `Stopped tasks with errors, but nothing wrong now (${past.length}):`, ...past.flatMap(entryLines));
  lines.push('', 'For the evidence, the stopped tasks explained and the fix plan of one, diagnose it (diagnose_service with its cluster and service).');
  return lines.join('\n');
}
