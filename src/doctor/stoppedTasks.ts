// Stopped tasks joined with the analysis: each stopped task's classified reason (classify.ts)
// gets the analyzer findings that can cause it, the evidence that makes the classifier's generic
// story concrete ("Missing in vpc-1: ...ecr.api"), and one plan for those causes.
//
// Pure module: no vscode, no AWS SDK.

import { planFixes } from './fixPlan';
import type { ServiceSnapshot } from './snapshot';
import type { AnalyzerFinding, RemedyAlternative, StoppedTaskDiagnosis } from './types';

/** The causes' alternatives (the same cause's list on each), each with the plan for all the causes taking it. */
function causeAlternatives(causes: readonly AnalyzerFinding[], snapshot: ServiceSnapshot): RemedyAlternative[] {
  const seen = new Set<string>();
  const out: RemedyAlternative[] = [];
  for (const a of causes.flatMap((f) => f.alternatives ?? [])) {
    if (seen.has(a.name)) continue;
    seen.add(a.name);
    const { fix: _own, ...rest } = a;
    const fix = planFixes(causes, snapshot, a.name);
    out.push(fix.steps.length > 0 ? { ...rest, fix } : rest);
  }
  return out.sort((x, y) => Number(y.preselected) - Number(x.preselected));
}

/**
 * What the health check expects, for a task that failed it: the one section 4 rule no snapshot
 * can prove (the path must answer on the container port within the grace period).
 */
function healthCheckFacts(s: ServiceSnapshot): string[] {
  const grace = s.launch.healthCheckGracePeriodSeconds;
  return (s.loadBalancing ?? []).map(({ targetGroup: tg }) => {
    const port = !tg.healthCheckPort || tg.healthCheckPort === 'traffic-port' ? `the traffic port (${tg.port ?? '?'})` : `port ${tg.healthCheckPort}`;
    const timing = tg.healthCheckIntervalSeconds && tg.unhealthyThresholdCount
      ? `; ${tg.unhealthyThresholdCount} failures ${tg.healthCheckIntervalSeconds} s apart mark a target unhealthy`
      : '';
    return `Target group ${tg.name} checks ${tg.healthCheckProtocol ?? 'HTTP'} ${tg.healthCheckPath ?? '/'} on ${port}, expecting ${tg.healthCheckMatcher ?? '200'}${timing}; ` +
      `the service's grace period is ${grace === undefined ? 'not set (0 s)' : `${grace} s`}.`;
  });
}

/** Joins each stopped task's classified finding with the analysis, so ECR_UNREACHABLE names the missing endpoints. */
export function joinStoppedTasks(findings: readonly AnalyzerFinding[], snapshot: ServiceSnapshot): StoppedTaskDiagnosis[] {
  return (snapshot.stoppedTasks ?? []).map(({ task, finding }) => {
    const causes = findings.filter((f) => f.severity !== 'info' && f.code !== 'COULD_NOT_CHECK' && f.affects.includes(finding.code));
    const evidence: string[] = [];
    const missing = causes.filter((f) => f.code === 'ENDPOINT_MISSING' || f.code === 'S3_GATEWAY_ENDPOINT_MISSING');
    if (missing.length > 0) {
      const vpc = snapshot.vpc?.id ?? 'the task VPC';
      const names = missing.map((f) => (f.code === 'S3_GATEWAY_ENDPOINT_MISSING' ? `com.amazonaws.${snapshot.region}.s3 (gateway)` : f.resource));
      evidence.push(`Missing in ${vpc}: ${names.join(', ')}.`);
    }
    for (const cause of causes) {
      if (cause.code === 'ENDPOINT_MISSING' || cause.code === 'S3_GATEWAY_ENDPOINT_MISSING') continue;
      evidence.push(`${cause.title}: ${cause.evidence.join(' ')}`);
    }
    if (finding.code === 'ELB_HEALTH_CHECK_FAILED') evidence.push(...healthCheckFacts(snapshot));
    if (causes.length === 0) {
      evidence.push(finding.severity === 'error'
        ? 'The current configuration shows no cause for this: it may have been fixed after the task stopped, or the cause is outside what the doctor reads.'
        : 'Nothing to fix.');
    }
    const plan = causes.length > 0 ? planFixes(causes, snapshot) : undefined;
    const alternatives = causeAlternatives(causes, snapshot);
    return {
      task,
      finding,
      causes,
      evidence,
      ...(plan && plan.steps.length > 0 ? { fix: plan } : {}),
      ...(alternatives.length > 0 ? { alternatives } : {}),
      explained: causes.length > 0,
    };
  });
}

