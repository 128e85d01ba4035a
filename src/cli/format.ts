// What the command line prints: explanations and doctor reports, as text for people and as
// JSON for scripts. Pure: data in, strings out. No vscode, no AWS SDK.
import type { Finding } from '../doctor/classify';
import type { Severity } from '../doctor/codes';
import { describePlan } from '../doctor/planText';
import type { Gap } from '../doctor/snapshot';
import type { AnalyzerFinding, FixStep, RemedyAlternative, ServiceExamination, StoppedTaskDiagnosis } from '../doctor/types';

// ---- explain --------------------------------------------------------------------------------

/** The JSON line `explain --json` prints for one message. */
export interface ExplanationJson {
  readonly code: string;
  readonly title: string;
  readonly severity: Severity;
  readonly explanation: string;
  readonly fixes: readonly string[];
  readonly docsUrl: string;
  readonly details: Finding['details'];
  readonly message: string;
}

export function explanationJson(finding: Finding): ExplanationJson {
  return {
    code: finding.code,
    title: finding.title,
    severity: finding.severity,
    explanation: finding.explanation,
    fixes: finding.fixes,
    docsUrl: finding.docsUrl,
    details: finding.details,
    message: finding.raw,
  };
}

export function formatExplanation(finding: Finding): string[] {
  const details = Object.entries(finding.details).filter(([, v]) => v !== undefined && v !== '');
  return [
    `${finding.code} (${finding.severity}): ${finding.title}`,
    `  ${finding.explanation}`,
    ...(finding.fixes.length > 0 ? ['  Fixes:', ...finding.fixes.map((f) => `  - ${f}`)] : []),
    ...(details.length > 0 ? [`  Details: ${details.map(([k, v]) => `${k}=${String(v)}`).join(', ')}`] : []),
    `  Docs: ${finding.docsUrl}`,
  ];
}

// ---- doctor ---------------------------------------------------------------------------------

/** The CLI prints an examination as is. */
export type DoctorReport = ServiceExamination;

export function countBySeverity(findings: readonly AnalyzerFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** 0 when no finding is an error, 1 when some is. (2, usage and AWS errors, is the caller's.) */
export function exitCodeFor(findings: readonly AnalyzerFinding[]): 0 | 1 {
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function summaryLine(findings: readonly AnalyzerFinding[]): string {
  const c = countBySeverity(findings);
  if (findings.length === 0) return 'No problems found.';
  return `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info.`;
}

/** The ways out of a finding's cause, preselected first: what each changes and costs to run. */
export function formatAlternatives(alternatives: readonly RemedyAlternative[] | undefined, indent: string): string[] {
  if (!alternatives || alternatives.length === 0) return [];
  const sorted = [...alternatives].sort((a, b) => Number(b.preselected) - Number(a.preselected));
  return [
    `${indent}Ways out (one is enough; --fix takes the preselected one, --remedy NAME another):`,
    ...sorted.flatMap((a) => [
      `${indent}  ${a.name}${a.preselected ? ' (preselected)' : ''}: ${a.title}. ${a.changes}`,
      `${indent}    Cost: ${a.cost}.`,
    ]),
  ];
}

export function formatFindings(findings: readonly AnalyzerFinding[]): string[] {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${f.severity.toUpperCase().padEnd(7)}  ${f.title}  [${f.code}]`);
    for (const e of f.evidence) lines.push(`         ${e}`);
    lines.push(...formatAlternatives(f.alternatives, '         '));
  }
  return lines;
}

function taskLabel(d: StoppedTaskDiagnosis): string {
  return d.task.id || d.task.arn;
}

export function formatDoctorReport(report: DoctorReport): string[] {
  const s = report.snapshot;
  const lines = [`Service ${report.service} in cluster ${report.cluster} (${s.region}, account ${s.accountId})`, ''];
  lines.push(...formatFindings(report.findings));
  if (report.findings.length > 0) lines.push('');
  if (report.stoppedTasks.length > 0) {
    lines.push(`Recently stopped tasks (${report.stoppedTasks.length}):`);
    for (const d of report.stoppedTasks) {
      lines.push(`  ${taskLabel(d)}  ${d.finding.code}: ${d.finding.title}`);
      for (const e of d.evidence) lines.push(`      ${e}`);
    }
    lines.push('');
  }
  if (report.plan.steps.length > 0) {
    lines.push(`Fix plan (${plural(report.plan.steps.length, 'step')}):`, ...describePlan(report.plan).map((l) => `  ${l}`), '');
  }
  lines.push(summaryLine(report.findings));
  return lines;
}

function alternativeJson(a: RemedyAlternative): object {
  return {
    name: a.name, title: a.title, changes: a.changes, cost: a.cost, monthlyUsd: Math.round(a.monthlyUsd * 100) / 100, preselected: a.preselected,
    steps: (a.fix?.steps ?? []).map((step) => ({ ...step })),
  };
}

function findingJson(f: AnalyzerFinding): object {
  return {
    id: f.id, code: f.code, severity: f.severity, title: f.title, resource: f.resource, evidence: f.evidence, docsUrl: f.docsUrl,
    ...(f.alternatives ? { alternatives: f.alternatives.map(alternativeJson) } : {}),
  };
}

/** The JSON document `doctor --json` prints (before any fix). */
export function doctorJson(report: DoctorReport): Record<string, unknown> {
  const c = countBySeverity(report.findings);
  return {
    cluster: report.cluster,
    service: report.service,
    region: report.snapshot.region,
    accountId: report.snapshot.accountId,
    errors: c.error,
    warnings: c.warning,
    findings: report.findings.map(findingJson),
    stoppedTasks: report.stoppedTasks.map((d) => ({
      taskArn: d.task.arn,
      stoppedReason: d.task.stoppedReason,
      code: d.finding.code,
      title: d.finding.title,
      explanation: d.finding.explanation,
      fixes: d.finding.fixes,
      explained: d.explained,
      evidence: d.evidence,
    })),
    gaps: report.snapshot.gaps.map((g: Gap) => ({ ...g })),
    plan: { steps: report.plan.steps.map((step: FixStep) => ({ ...step })), description: describePlan(report.plan) },
  };
}
