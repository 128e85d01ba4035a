// One service's check from its snapshot: the analysis, the stopped tasks joined with it, the
// combined fix plan, and the report a person reads. The CLI and VS Code share it; VS Code loads
// it with the AWS layer (dist/aws.js), so the analyzer never weighs on activation.
//
// Pure module: no vscode, no AWS SDK.

import { analyze } from './analyze';
import { planFixes } from './fixPlan';
import { buildServiceReport, type ServiceReport } from './serviceReport';
import type { ServiceSnapshot } from './snapshot';
import { joinStoppedTasks } from './stoppedTasks';
import type { AnalyzerFinding, ServiceExamination, StoppedTaskDiagnosis } from './types';

/**
 * Each finding with the plan that clears it alone (`fix`), when it has remedies and some step
 * remains to do; each of its alternatives with the plan that takes that way out (the whole cause).
 */
export function attachFixes(findings: readonly AnalyzerFinding[], snapshot: ServiceSnapshot): AnalyzerFinding[] {
  return findings.map((f) => {
    const plan = f.remedies.length > 0 ? planFixes([f], snapshot) : undefined;
    const alternatives = f.alternatives?.map((a) => {
      const fix = planFixes([{ ...f, remedies: a.remedies }], snapshot);
      return fix.steps.length > 0 ? { ...a, fix } : a;
    });
    return {
      ...f,
      ...(plan && plan.steps.length > 0 ? { fix: plan } : {}),
      ...(alternatives ? { alternatives } : {}),
    };
  });
}

export function examine(snapshot: ServiceSnapshot, cluster: string, service: string): ServiceExamination {
  const findings = attachFixes(analyze(snapshot), snapshot);
  return { cluster, service, snapshot, findings, stoppedTasks: joinStoppedTasks(findings, snapshot), plan: planFixes(findings, snapshot) };
}

export interface Examination {
  readonly findings: readonly AnalyzerFinding[];
  readonly report: ServiceReport;
  /** Each stopped task with the findings that explain it (the failure history keeps their codes). */
  readonly stoppedTasks: readonly StoppedTaskDiagnosis[];
}

/** The examination, rendered as the report VS Code shows (checked at `checkedAt`). */
export function examineService(snapshot: ServiceSnapshot, cluster: string, service: string, checkedAt: Date): Examination {
  const examination = examine(snapshot, cluster, service);
  return { findings: examination.findings, report: buildServiceReport({ ...examination, checkedAt }), stoppedTasks: examination.stoppedTasks };
}
