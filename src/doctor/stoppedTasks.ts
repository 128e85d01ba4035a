// Stopped tasks joined with the analysis: each stopped task's classified reason (classify.ts)
// gets the analyzer findings that can cause it, the evidence that makes the classifier's generic
// story concrete ("Missing in vpc-1: ...ecr.api"), and one plan for those causes.
//
// Pure module: no vscode, no AWS SDK.

import { planFixes } from './fixPlan';
import { applicationMustAnswer, healthPathRank, healthPathRead, pathSoundSentence } from './healthCheckFacts';
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
 * What the health check expects, for a task that failed it: each target group's check (what
 * the application must answer, and how to look) and the grace period. Without a broken link on
 * a path the doctor read whole, it says plainly that the network path is sound.
 */
function healthCheckFacts(s: ServiceSnapshot, explained: boolean): string[] {
  const grace = s.launch.healthCheckGracePeriodSeconds;
  const containerPort = (arn: string) => s.launch.loadBalancers?.find((lb) => lb.targetGroupArn === arn)?.containerPort;
  const facts = (s.loadBalancing ?? []).map(({ targetGroup: tg }) => {
    // ECS registers each task under the service's containerPort: that is the traffic port.
    const port = !tg.healthCheckPort || tg.healthCheckPort === 'traffic-port' ? `the traffic port (${containerPort(tg.arn) ?? tg.port ?? '?'})` : `port ${tg.healthCheckPort}`;
    const timing = tg.healthCheckIntervalSeconds && tg.unhealthyThresholdCount
      ? `; ${tg.unhealthyThresholdCount} failures ${tg.healthCheckIntervalSeconds} s apart mark a target unhealthy`
      : '';
    return `Target group ${tg.name} checks ${tg.healthCheckProtocol ?? 'HTTP'} ${tg.healthCheckPath ?? '/'} on ${port}, expecting ${tg.healthCheckMatcher ?? '200'}${timing}; ` +
      `the service's grace period is ${grace === undefined ? 'not set (0 s)' : `${grace} s`}.`;
  });
  if (explained || !healthPathRead(s)) return facts;
  return [
    pathSoundSentence(s),
    ...(s.loadBalancing ?? []).flatMap(({ targetGroup: tg }) => applicationMustAnswer(s, tg, containerPort(tg.arn))),
  ];
}

/** Joins each stopped task's classified finding with the analysis, so ECR_UNREACHABLE names the missing endpoints. */
export function joinStoppedTasks(findings: readonly AnalyzerFinding[], snapshot: ServiceSnapshot): StoppedTaskDiagnosis[] {
  return (snapshot.stoppedTasks ?? []).map(({ task, finding }) => {
    const elb = finding.code === 'ELB_HEALTH_CHECK_FAILED';
    const found = findings.filter((f) => f.severity !== 'info' && f.code !== 'COULD_NOT_CHECK' && f.affects.includes(finding.code));
    // A failed health check is explained by the first broken link of its path: that one leads.
    const causes = elb ? found.map((f, i) => ({ f, i })).sort((a, b) => healthPathRank(a.f.code) - healthPathRank(b.f.code) || a.i - b.i).map(({ f }) => f) : found;
    const evidence: string[] = [];
    const missing = causes.filter((f) => f.code === 'ENDPOINT_MISSING' || f.code === 'S3_GATEWAY_ENDPOINT_MISSING');
    if (missing.length > 0) {
      const vpc = snapshot.vpc?.id ?? 'the task VPC';
      const names = missing.map((f) => (f.code === 'S3_GATEWAY_ENDPOINT_MISSING' ? `com.amazonaws.${snapshot.region}.s3 (gateway)` : f.resource));
      evidence.push(`Missing in ${vpc}: ${names.join(', ')}.`);
    }
    for (const [i, cause] of causes.entries()) {
      if (cause.code === 'ENDPOINT_MISSING' || cause.code === 'S3_GATEWAY_ENDPOINT_MISSING') continue;
      const lead = elb && i === 0 && cause.code !== 'TARGETS_UNHEALTHY' ? 'First broken link: ' : '';
      evidence.push(`${lead}${cause.title}: ${cause.evidence.join(' ')}`);
    }
    if (elb) evidence.push(...healthCheckFacts(snapshot, causes.length > 0));
    if (causes.length === 0 && !(elb && healthPathRead(snapshot))) {
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

