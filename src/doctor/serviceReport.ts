// The doctor's report of one service as a read-only text document a person reads, and the
// problems that go on its lines: each stopped task the analysis explains gets one problem on its
// reason line (the classifier's code, the analyzer's evidence, the fix of its causes); analyzer
// findings that explain no listed stopped task get a line of their own under "Configuration".
//
// A stopped task with no cause in the current configuration that stopped before the current
// deployment began is history (it was fixed, or the deployment changed): listed, no problem. One
// that stopped during the current deployment stays a problem even unexplained: the doctor must
// not hide a failure it cannot explain.
//
// Pure module: no vscode, no AWS SDK. Lines and columns are 0-based, as VS Code counts them.

import { CODES, type Severity } from './codes';
import { isAnalysisCode, type DoctorCode } from './analysisCodes';
import { describePlan, summarizePlan } from './planText';
import type { ServiceSnapshot } from './snapshot';
import type { AnalyzerFinding, FixPlan, RemedyAlternative, ServiceExamination, StoppedTaskDiagnosis } from './types';

/** What a problem is about; its id is stable across checks, so a quick fix finds it again. */
export type ProblemSubject =
  | { readonly kind: 'stoppedTask'; readonly taskArn: string }
  | { readonly kind: 'finding'; readonly findingId: string };

export interface ReportProblem {
  /** `task:ARN` or `finding:ID`. */
  readonly id: string;
  readonly subject: ProblemSubject;
  readonly code: DoctorCode;
  readonly severity: Severity;
  /** The first line of a diagnostic: what is wrong. */
  readonly title: string;
  /** The whole diagnostic message: title, then the evidence from the account. */
  readonly message: string;
  /** What the code means in general (the classifier's explanation, or the finding's evidence). */
  readonly explanation: string;
  readonly evidence: readonly string[];
  readonly docsUrl: string;
  /** The changes that clear this problem alone. */
  readonly fix?: FixPlan;
  /** Several ways out of its cause, the preselected first, each with its plan (pathRemedies.ts). */
  readonly alternatives?: readonly RemedyAlternative[];
  /** Where it shows in the report. */
  readonly line: number;
  readonly startColumn: number;
  readonly endColumn: number;
}

export interface ServiceReport {
  readonly text: string;
  readonly problems: readonly ReportProblem[];
  /** One plan for every finding of the service (planFixes over all of them). */
  readonly plan: FixPlan;
}

export interface ServiceReportInput extends ServiceExamination {
  readonly checkedAt: Date;
}

export function problemIdOf(subject: ProblemSubject): string {
  return subject.kind === 'stoppedTask' ? `task:${subject.taskArn}` : `finding:${subject.findingId}`;
}

function time(d: Date | undefined): string {
  return d ? d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '?';
}

function leaf(arn: string | undefined): string {
  return arn ? arn.slice(arn.lastIndexOf('/') + 1) : '?';
}

class Lines {
  readonly lines: string[] = [];
  add(text = ''): number {
    // A line of the report is one line: messages from AWS may hold newlines.
    this.lines.push(text.replace(/\s*[\r\n]+\s*/g, ' '));
    return this.lines.length - 1;
  }
}

function primaryDeploymentStart(snapshot: ServiceSnapshot): Date | undefined {
  const deployments = snapshot.service?.deployments ?? [];
  return (deployments.find((d) => d.status === 'PRIMARY') ?? deployments[0])?.createdAt;
}

/** True when the stopped task is history: nothing explains it now, and it stopped before the current deployment began. */
export function isPastFailure(diagnosis: StoppedTaskDiagnosis, snapshot: ServiceSnapshot): boolean {
  if (diagnosis.explained) return false;
  const start = primaryDeploymentStart(snapshot);
  const stopped = diagnosis.task.stoppedAt;
  return start !== undefined && stopped !== undefined && stopped.getTime() < start.getTime();
}

function findingExplanation(f: AnalyzerFinding): string {
  return f.evidence.join(' ');
}

/** The ways out of a cause, preselected first, as report lines under its evidence. */
function alternativeLines(alternatives: readonly RemedyAlternative[] | undefined, indent: string): string[] {
  if (!alternatives || alternatives.length === 0) return [];
  const sorted = [...alternatives].sort((a, b) => Number(b.preselected) - Number(a.preselected));
  return [
    `${indent}Ways out (one is enough; the fix plan takes the first):`,
    ...sorted.map((a) => `${indent}  - ${a.title}${a.preselected ? ' (preselected)' : ''} [remedy ${a.name}]: ${a.changes} Cost: ${a.cost}.`),
  ];
}

/** Renders the report and places its problems. */
export function buildServiceReport(input: ServiceReportInput): ServiceReport {
  const { snapshot, findings, stoppedTasks } = input;
  const out = new Lines();
  const problems: ReportProblem[] = [];
  const s = snapshot.service;

  out.add(`# Service ${input.service} · cluster ${input.cluster} · ${snapshot.region} · account ${snapshot.accountId}`);
  out.add(`# Checked by ECS Studio at ${time(input.checkedAt)}. Read-only: "Diagnose Service" checks again.`);
  out.add();
  if (s) {
    out.add(`Status:          ${s.status ?? '?'} · ${s.runningCount ?? '?'}/${s.desiredCount ?? '?'} running · ${s.pendingCount ?? 0} pending`);
  }
  const td = snapshot.taskDefinition;
  const platform = td.runtimePlatform;
  out.add(`Task definition: ${td.family}:${td.revision ?? '?'} · ${snapshot.launch.launchType ?? 'FARGATE'} · ` +
    `${platform?.operatingSystemFamily ?? 'LINUX'}/${platform?.cpuArchitecture ?? 'X86_64'} · cpu ${td.cpu ?? '?'} · memory ${td.memory ?? '?'}`);
  const net = snapshot.launch.awsvpcConfiguration;
  out.add(`Network:         ${snapshot.vpc?.id ?? 'VPC ?'} · subnets ${net.subnets.join(', ') || 'none'} · ` +
    `security groups ${net.securityGroups.join(', ') || 'none'} · public IP ${net.assignPublicIp}`);

  const shownTasks = stoppedTasks.filter((d) => d.finding.severity !== 'info' || d.explained);
  const explainedBy = new Set<string>();
  const taskLines: Array<{ diagnosis: StoppedTaskDiagnosis; line: number; reason: string; past: boolean }> = [];

  out.add();
  out.add(`## Stopped tasks (${shownTasks.length})`);
  if (shownTasks.length === 0) {
    out.add('No recently stopped task.');
    out.add();
  }
  for (const d of shownTasks) {
    const past = isPastFailure(d, snapshot);
    out.add(`task ${d.task.id} · stopped ${time(d.task.stoppedAt)}${d.task.stopCode ? ` · ${d.task.stopCode}` : ''}` +
      `${d.task.availabilityZone ? ` · ${d.task.availabilityZone}` : ''}${past ? ' · before the current deployment' : ''}`);
    const reason = d.task.stoppedReason ?? d.finding.raw;
    const line = out.add(`  ${reason}`);
    taskLines.push({ diagnosis: d, line, reason, past });
    out.add(`  → ${d.finding.code}: ${d.finding.title}`);
    for (const e of d.evidence) out.add(`    ${e}`);
    for (const l of alternativeLines(d.alternatives, '    ')) out.add(l);
    out.add();
  }

  for (const { diagnosis: d, line, reason, past } of taskLines) {
    if (past || d.finding.severity === 'info') continue;
    for (const c of d.causes) explainedBy.add(c.id);
    const subject: ProblemSubject = { kind: 'stoppedTask', taskArn: d.task.arn };
    const title = `${d.finding.title} (task ${d.task.id})`;
    problems.push({
      id: problemIdOf(subject),
      subject,
      code: d.finding.code,
      severity: d.finding.severity,
      title,
      message: [title, ...d.evidence].join('\n'),
      explanation: CODES[d.finding.code].explanation,
      evidence: d.evidence,
      docsUrl: d.finding.docsUrl,
      ...(d.fix ? { fix: d.fix } : {}),
      ...(d.alternatives ? { alternatives: d.alternatives } : {}),
      line,
      startColumn: 2,
      endColumn: 2 + reason.replace(/\s*[\r\n]+\s*/g, ' ').length,
    });
  }

  const others = findings.filter((f) => !explainedBy.has(f.id));
  out.add(`## Configuration (${others.length === 0 ? 'nothing else found' : `${others.length} more finding${others.length === 1 ? '' : 's'}`})`);
  for (const f of others) {
    const label = `${f.severity.padEnd(7)} ${f.code}: ${f.title}`;
    const line = out.add(label);
    for (const e of f.evidence) out.add(`    ${e}`);
    for (const l of alternativeLines(f.alternatives, '    ')) out.add(l);
    const subject: ProblemSubject = { kind: 'finding', findingId: f.id };
    problems.push({
      id: problemIdOf(subject),
      subject,
      code: f.code,
      severity: f.severity,
      title: f.title,
      message: [f.title, ...f.evidence].join('\n'),
      explanation: isAnalysisCode(f.code) ? findingExplanation(f) : CODES[f.code].explanation,
      evidence: f.evidence,
      docsUrl: f.docsUrl,
      ...(f.fix ? { fix: f.fix } : {}),
      ...(f.alternatives ? { alternatives: f.alternatives } : {}),
      line,
      startColumn: 0,
      endColumn: label.length,
    });
  }

  out.add();
  out.add(`## Fix plan (${input.plan.steps.length === 0 ? 'nothing to change' : summarizePlan(input.plan)})`);
  for (const step of describePlan(input.plan)) out.add(step);

  if (s?.deployments && s.deployments.length > 0) {
    out.add();
    out.add(`## Deployments (${s.deployments.length})`);
    for (const d of s.deployments) {
      out.add(`${d.status} ${d.id} · ${leaf(d.taskDefinition)} · ${d.runningCount}/${d.desiredCount} running · ${d.pendingCount} pending · ` +
        `${d.failedTasks} failed · ${d.rolloutState ?? 'no rollout state'} · created ${time(d.createdAt)}`);
      if (d.rolloutStateReason) out.add(`    ${d.rolloutStateReason}`);
    }
  }
  if (s?.events && s.events.length > 0) {
    const events = s.events.slice(0, 20);
    out.add();
    out.add(`## Events (newest ${events.length} of ${s.events.length})`);
    for (const e of events) out.add(`${time(e.createdAt)}  ${e.message}`);
  }
  if (snapshot.gaps.length > 0) {
    out.add();
    out.add(`## Not checked (${snapshot.gaps.length})`);
    for (const g of snapshot.gaps) out.add(`${g.subject}${g.resource ? ` ${g.resource}` : ''}: ${g.reason}`);
  }
  return { text: out.lines.join('\n') + '\n', problems, plan: input.plan };
}
