// The analyzer: plain snapshot in (snapshot.ts), findings out. It checks every rule of
// fargate-startup-requirements.md sections 1-4 against one service (or a task definition plus
// the network a new service would use) and says, for each fault, which resources show it and
// which remedies would clear it. Rules that need data the snapshot lacks report COULD_NOT_CHECK
// instead. Plans are not its business: `examine` asks the planner (fixPlan.ts) for each
// finding's fix, and stopped tasks are joined with the findings in stoppedTasks.ts.
//
// The rules live one area per file in rules/, each a function over the context built once from
// the snapshot (rules/context.ts) returning drafts; this file runs them in a fixed order, makes
// the drafts findings (id, docs link, the code's title and severity), drops repeats and sorts
// errors first; then pathRemedies.ts turns the remedies of one cause (no path to AWS services)
// into alternatives, one of them preselected. The order matters twice: findings of equal severity keep it, and some rules
// record "not collected" once per subject for the rules after them (ctx.gapped).
//
// Pure module: no vscode, no AWS SDK.

import { CODES, type Severity } from './codes';
import { ANALYSIS_CODE_INFO, isAnalysisCode } from './analysisCodes';
import { buildContext, type Context, type Draft } from './rules/context';
import { executionRole } from './rules/executionRole';
import { fargateSize } from './rules/fargateSize';
import { gapFindings } from './rules/gaps';
import { images } from './rules/images';
import { endpointGroup, interfaceEndpoint } from './rules/interfaceEndpoints';
import { healthChecks } from './rules/healthChecks';
import { loadBalancing } from './rules/loadBalancer';
import { logGroups } from './rules/logs';
import { naclRules } from './rules/networkAcls';
import { pathRemedies } from './pathRemedies';
import { missingSubnets, networkPath } from './rules/routes';
import { s3GatewayEndpoint } from './rules/s3Gateway';
import { taskEgress } from './rules/securityGroups';
import { vpcDns } from './rules/vpcDns';
import type { ServiceSnapshot } from './snapshot';
import type { AnalyzerFinding } from './types';

/** Section 2, need by need (the order of the needs is the order of their findings), then the 443 rule. */
function endpointRules(ctx: Context): Draft[] {
  return [
    ...ctx.needs.flatMap((need) => (need.kind === 'Gateway' ? s3GatewayEndpoint(ctx, need) : interfaceEndpoint(ctx, need))),
    ...endpointGroup(ctx),
  ];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function finish(draft: Draft): AnalyzerFinding {
  const info = isAnalysisCode(draft.code) ? ANALYSIS_CODE_INFO[draft.code] : CODES[draft.code];
  return {
    id: `${draft.code}:${draft.resource}`,
    code: draft.code,
    severity: draft.severity ?? info.severity,
    title: draft.title ?? info.title,
    resource: draft.resource,
    evidence: draft.evidence,
    docsUrl: info.docsUrl,
    affects: draft.affects,
    remedies: draft.remedies,
  };
}

/**
 * Every rule of the design doc's sections 1-4 against the snapshot; errors first, then warnings.
 * The findings carry remedies, not plans: `examine` (attachFixes) gives each its fix. Where
 * several remedies remove one cause, the findings list them (`alternatives`) and hold only the
 * preselected one's.
 */
export function analyze(snapshot: ServiceSnapshot): AnalyzerFinding[] {
  return pathRemedies(analyzeRules(snapshot), buildContext(snapshot), analyzeRules);
}

/** The rules alone, each finding with every remedy it asks for. */
function analyzeRules(snapshot: ServiceSnapshot): AnalyzerFinding[] {
  const ctx = buildContext(snapshot);
  const drafts: Draft[] = [
    ...gapFindings(ctx),
    ...fargateSize(ctx),
    ...missingSubnets(ctx),
    ...vpcDns(ctx),
    ...networkPath(ctx),
    ...endpointRules(ctx),
    ...taskEgress(ctx),
    ...naclRules(ctx),
    ...executionRole(ctx),
    ...logGroups(ctx),
    ...images(ctx),
    ...healthChecks(ctx, loadBalancing(ctx)),
  ];
  const seen = new Set<string>();
  const findings: AnalyzerFinding[] = [];
  for (const draft of drafts) {
    const f = finish(draft);
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    findings.push(f);
  }
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}
