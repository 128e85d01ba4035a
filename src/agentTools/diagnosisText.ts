// What `diagnose_service` answers: the doctor's examination of one service as plain text an
// agent can quote. The findings with their evidence, the stopped tasks explained, and the fix
// plan, each fix named by what the user runs to apply it: the VS Code quick fix (its title as
// src/problems/codeActions.ts words it) or `ecs-studio doctor --fix` / `--remedy NAME`. The tool
// itself never applies anything.
//
// Pure module: no vscode, no AWS SDK.

import { describePlan, summarizePlan } from '../doctor/planText';
import { buildServiceReport } from '../doctor/serviceReport';
import type { AnalyzerFinding, RemedyAlternative, ServiceExamination, StoppedTaskDiagnosis } from '../doctor/types';
import { doctorCommand, plural, READ_ONLY_NOTE, scopeLine, type ToolScope } from './toolText';

export interface DiagnosisTextInput {
  readonly examination: ServiceExamination;
  readonly scope: ToolScope;
  readonly checkedAt: Date;
}

function preselectedFirst(alternatives: readonly RemedyAlternative[]): RemedyAlternative[] {
  return [...alternatives].sort((a, b) => Number(b.preselected) - Number(a.preselected));
}

/** The ways out of a cause: each with what it changes, its cost, and the quick fix / option that takes it. */
function waysOut(alternatives: readonly RemedyAlternative[] | undefined, command: (...extra: string[]) => string): string[] {
  const ways = preselectedFirst(alternatives ?? []).filter((a) => a.fix && a.fix.steps.length > 0);
  if (ways.length === 0) return [];
  return [
    '   Ways out (one is enough):',
    ...ways.flatMap((a) => [
      `   - ${a.title}${a.preselected ? ' (preselected)' : ''}: ${a.changes} Cost: ${a.cost}.`,
      `     Apply: quick fix "Fix: ${a.title} (${a.price})…", or \`${command('--fix', '--remedy', a.name)}\``,
    ]),
  ];
}

/** The findings; ways out shared by several (one cause) are written out once, then referred to. */
function findingsLines(findings: readonly AnalyzerFinding[], command: (...extra: string[]) => string): string[] {
  const waysOf = new Map<string, number>();
  return findings.flatMap((f, i) => {
    const key = preselectedFirst(f.alternatives ?? []).map((a) => a.name).join(',');
    const first = key ? waysOf.get(key) : undefined;
    if (key && first === undefined) waysOf.set(key, i + 1);
    const own = f.fix && f.fix.steps.length > 0 ? [`   Fix alone: ${summarizePlan(f.fix)} (the fix plan below includes it)`] : [];
    return [
      `${i + 1}. ${f.severity.toUpperCase()} [${f.code}] ${f.title}`,
      ...f.evidence.map((e) => `   ${e}`),
      ...own,
      ...(first !== undefined ? [`   Ways out: the same as finding ${first} (--remedy ${key.split(',').join(' | ')}).`] : waysOut(f.alternatives, command)),
      `   Docs: ${f.docsUrl}`,
    ];
  });
}

function stoppedTaskLines(d: StoppedTaskDiagnosis, i: number): string[] {
  const when = d.task.stoppedAt ? ` at ${d.task.stoppedAt.toISOString()}` : '';
  const causes = d.causes.map((c) => c.code);
  return [
    `${i + 1}. Task ${d.task.id || d.task.arn} stopped${when}: ${JSON.stringify(d.task.stoppedReason ?? d.finding.raw)}`,
    `   ${d.finding.code}: ${d.finding.title}`,
    `   What it means: ${d.finding.explanation}`,
    ...d.evidence.map((e) => `   Now: ${e}`),
    d.explained
      ? `   Caused now by: ${[...new Set(causes)].join(', ') || 'the findings above'}`
      : '   Nothing in the current configuration explains it (fixed since, or outside what the doctor reads).',
    `   Docs: ${d.finding.docsUrl}`,
  ];
}

/** How the user applies the whole plan: the quick fix VS Code offers on the service's problems, and the command line. */
function applyLines(input: DiagnosisTextInput, command: (...extra: string[]) => string): string[] {
  const { examination } = input;
  const report = buildServiceReport({ ...examination, checkedAt: input.checkedAt });
  const fixable = report.problems.filter((p) => p.fix && p.fix.steps.length > 0);
  const quickFix = fixable.length === 1 && fixable[0]?.fix
    ? `the quick fix "Fix ${fixable[0].code}: ${summarizePlan(fixable[0].fix)}…"`
    : `the quick fix "Fix all ${fixable.length} fixable problems of service ${examination.service}: ${summarizePlan(examination.plan)}…"`;
  const ways = examination.findings.some((f) => (f.alternatives ?? []).length > 1);
  return [
    'How the user applies it (this tool never does):',
    `- In VS Code: ${quickFix} (Ctrl+. on a problem of the service in the Problems panel or its report; or the wrench on the service in ECS Studio's Problems view). It shows every change and asks first.`,
    `- On the command line: \`${command('--fix')}\` (prints the plan and asks; --yes in scripts).`,
    ...(ways ? ['- Where a cause has several ways out, --fix takes the preselected one; --remedy NAME takes another (see the ways out above).'] : []),
  ];
}

export function diagnosisText(input: DiagnosisTextInput): string {
  const { examination: x, scope } = input;
  const s = x.snapshot.service;
  const command = (...extra: string[]) => doctorCommand(scope, x.cluster, x.service, ...extra);
  const errors = x.findings.filter((f) => f.severity === 'error').length;
  const warnings = x.findings.filter((f) => f.severity === 'warning').length;
  const td = x.snapshot.taskDefinition;
  const lines = [
    `ECS Studio diagnosis · ${scopeLine({ ...scope, accountId: x.snapshot.accountId || scope.accountId })}`,
    `Service ${x.service} in cluster ${x.cluster}` +
      (s ? `: ${s.status ?? '?'}, ${s.runningCount ?? '?'} of ${s.desiredCount ?? '?'} tasks running, ${s.pendingCount ?? 0} pending` : '') +
      ` · task definition ${td.family}:${td.revision ?? '?'}`,
    `Checked at ${input.checkedAt.toISOString()}. ${READ_ONLY_NOTE}`,
    '',
    x.findings.length === 0
      ? 'Findings: none. The doctor finds nothing wrong with the network path, IAM, image, logs or load balancer.'
      : `Findings (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${x.findings.length - errors - warnings} info):`,
    ...findingsLines(x.findings, command),
    '',
  ];
  if (x.stoppedTasks.length === 0) {
    lines.push('Recently stopped tasks: none (ECS keeps a stopped task for about an hour).', '');
  } else {
    lines.push(`Recently stopped tasks (${x.stoppedTasks.length}):`, ...x.stoppedTasks.flatMap(stoppedTaskLines), '');
  }
  if (x.plan.steps.length === 0) {
    lines.push(x.findings.length === 0 ? 'Fix plan: nothing to fix.' : 'Fix plan: none of these findings has a fix ECS Studio can apply; the evidence says what to change.');
  } else {
    lines.push(`Fix plan (${plural(x.plan.steps.length, 'step')}, not applied):`, ...describePlan(x.plan).map((l) => `  ${l}`), '', ...applyLines(input, command));
  }
  return lines.join('\n');
}
