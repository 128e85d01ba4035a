// The preflight of a service that does not exist yet: the doctor's analysis of a task definition
// plus the network, security groups and load balancer a service form has chosen, including the
// resources the creation will make (planned.ts puts them into the snapshot first). Each finding
// becomes an item the form shows next to the field it concerns, with ONE remedy:
//   - a form change, when the cause is something the form controls (the public IP switch, the
//     rule of the group the form creates): nothing is created in AWS for it;
//   - else the planner's fix (fixPlan.ts), whose steps may name a planned resource as
//     `{ ref: 'serviceSecurityGroup' }` for the creation to fill in once it exists.
// A public subnet without a public IP is one cause: turning the public IP on also clears the
// missing endpoints it leads to, so the analyzer folds those findings into it (pathRemedies.ts)
// instead of offering endpoints as a second remedy; the item names the other alternatives (VPC
// endpoints, a NAT gateway) with their running cost, as the doctor's finding does.
//
// Pure module: no vscode, no AWS SDK.

import { analyze } from './analyze';
import type { Severity } from './codes';
import type { DoctorCode } from './analysisCodes';
import { planFixes } from './fixPlan';
import { isPlannedId, plannedId, plannedRefOf } from './planned';
import { describePlan, summarizePlan } from './planText';
import type { ServiceSnapshot } from './snapshot';
import type { AnalyzerFinding, FixPlan, FixStep, Remedy } from './types';

/** The part of the service form an item concerns (the form's field paths). */
export type PreflightField =
  | 'networking.subnetIds'
  | 'networking.assignPublicIp'
  | 'networking.securityGroups'
  | 'loadBalancing'
  | 'containerPort'
  | 'enableExecuteCommand'
  | 'taskDefinition';

/** A change of the form that clears an item: the host sets `field` to `value`. */
export type FormChange =
  | { readonly field: 'networking.assignPublicIp'; readonly value: true; readonly text: string }
  | { readonly field: 'networking.newSecurityGroup.inboundFrom'; readonly value: 'loadBalancer'; readonly text: string }
  | { readonly field: 'networking.newSecurityGroup.inboundCidr'; readonly value: string; readonly text: string };

/** AWS changes that clear an item, to run before the service is created. */
export interface PreflightFix {
  /** Steps may hold `{ ref: PlannedRefName }` for a resource the creation makes before them. */
  readonly plan: FixPlan;
  /** One numbered sentence per step. */
  readonly lines: readonly string[];
  /** "create 1 interface endpoint, 1 security group; add 1 inbound rule". */
  readonly summary: string;
}

export interface PreflightItem {
  /** Stable across runs for the same cause (the doctor's finding id): a checked fix survives a re-run. */
  readonly id: string;
  readonly code: DoctorCode;
  readonly severity: Severity;
  /** One line. */
  readonly title: string;
  /** The evidence, one sentence a line, naming the resources that show it. */
  readonly detail: readonly string[];
  readonly field: PreflightField;
  readonly docsUrl: string;
  /** The AWS changes that clear it (absent when a form change does, or the doctor has no fix). */
  readonly fix?: PreflightFix;
  /** The form change that clears it, instead of an AWS fix. */
  readonly formChange?: FormChange;
  /** Other ways out, with what they cost to run: for a person choosing, never applied. */
  readonly alternatives?: readonly string[];
  /** Ids of the findings this item's remedy clears too, folded into it. */
  readonly covers?: readonly string[];
}

export interface Preflight {
  /** Errors first, then warnings and notes (the analyzer's order). */
  readonly items: readonly PreflightItem[];
  /** What the items came from, for preflightPlan. */
  readonly findings: readonly AnalyzerFinding[];
  readonly snapshot: ServiceSnapshot;
}

// ---- fields -----------------------------------------------------------------------------------

const GROUP_CODES: ReadonlySet<DoctorCode> = new Set(['ENDPOINT_SG_BLOCKS_443', 'TASK_SG_BLOCKS_443', 'SERVICE_SG_BLOCKS_LB']);
const LB_CODES: ReadonlySet<DoctorCode> = new Set(['TARGET_GROUP_NOT_IP', 'TARGET_GROUP_WRONG_VPC', 'TARGET_GROUP_NO_LISTENER', 'LB_SG_BLOCKS_TASKS',
  'HEALTH_CHECK_PORT_NOT_SERVED', 'HEALTH_CHECK_PORT_BLOCKED', 'HEALTH_CHECK_PROTOCOL_MISMATCH', 'HEALTH_CHECK_GRACE_PERIOD_SHORT', 'TARGETS_UNHEALTHY']);
const NETWORK_CODES: ReadonlySet<DoctorCode> = new Set([
  'ENDPOINT_MISSING', 'S3_GATEWAY_ENDPOINT_MISSING', 'ENDPOINT_PRIVATE_DNS_DISABLED', 'ENDPOINT_NOT_AVAILABLE', 'ENDPOINT_AZ_COVERAGE',
  'VPC_DNS_DISABLED', 'NACL_BLOCKS_443', 'NETWORK_PATH_UNKNOWN', 'TASK_SUBNET_NOT_FOUND', 'REGISTRY_UNREACHABLE',
  'S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED', 'NACL_BLOCKS_REPLIES',
]);
const GAP_FIELDS: Readonly<Record<string, PreflightField>> = {
  securityGroups: 'networking.securityGroups',
  loadBalancing: 'loadBalancing',
  taskDefinition: 'taskDefinition',
  executionRole: 'taskDefinition',
  executionRolePolicies: 'taskDefinition',
  images: 'taskDefinition',
  logGroups: 'taskDefinition',
  secrets: 'taskDefinition',
};

/** Which part of the form a finding concerns. */
export function preflightField(f: Pick<AnalyzerFinding, 'code' | 'resource'>): PreflightField {
  if (f.code === 'PUBLIC_SUBNET_NO_PUBLIC_IP') return 'networking.assignPublicIp';
  if (GROUP_CODES.has(f.code)) return 'networking.securityGroups';
  if (LB_CODES.has(f.code)) return 'loadBalancing';
  if (f.code === 'CONTAINER_PORT_MISMATCH') return 'containerPort';
  if (f.code === 'COULD_NOT_CHECK') return GAP_FIELDS[f.resource.split(':')[0]] ?? 'networking.subnetIds';
  if (NETWORK_CODES.has(f.code)) return f.resource.endsWith('.ssmmessages') ? 'enableExecuteCommand' : 'networking.subnetIds';
  return 'taskDefinition';
}

// ---- words for planned resources ---------------------------------------------------------------

/** Placeholder ids in the analyzer's sentences, replaced by the planned resource's name. */
function plannedWords(s: ServiceSnapshot): (text: string) => string {
  const names: Array<[string, string]> = [];
  for (const g of s.securityGroups ?? []) if (isPlannedId(g.id)) names.push([g.id, g.name]);
  for (const w of s.loadBalancing ?? []) {
    if (isPlannedId(w.targetGroup.arn)) names.push([w.targetGroup.arn, w.targetGroup.name]);
    for (const lb of w.loadBalancers) if (isPlannedId(lb.arn)) names.push([lb.arn, lb.name]);
  }
  return (text) => names.reduce(
    (t, [id, name]) => t.split(`${id} (${name})`).join(`${name} (new)`).split(id).join(`${name} (new)`),
    text,
  );
}

// ---- remedies -----------------------------------------------------------------------------------

/** The plan with every placeholder id turned into the reference the creation fills in. */
function withRefs(plan: FixPlan): FixPlan {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const ref = plannedRefOf(v);
      return ref ? { ref } : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    return v;
  };
  return { steps: plan.steps.map((step) => walk(step) as FixStep) };
}

function toFix(plan: FixPlan): PreflightFix | undefined {
  if (plan.steps.length === 0) return undefined;
  const refs = withRefs(plan);
  return { plan: refs, lines: describePlan(refs), summary: summarizePlan(refs) };
}

/** The form change that clears a finding caused by what the form controls; undefined for the rest. */
function formChangeFor(f: AnalyzerFinding, s: ServiceSnapshot): FormChange | undefined {
  if (f.code === 'PUBLIC_SUBNET_NO_PUBLIC_IP') {
    return {
      field: 'networking.assignPublicIp', value: true,
      text: 'Turn on "Assign public IP": the tasks then reach AWS through the subnets\' internet gateway. Nothing is created for it' +
        `${publicIpCostText(f)}.`,
    };
  }
  const taskGroup = s.securityGroups?.find((g) => g.id === plannedId('serviceSecurityGroup'));
  const ingress = f.remedies.find((r): r is Extract<Remedy, { kind: 'lbIngress' }> => r.kind === 'lbIngress');
  if (f.code !== 'SERVICE_SG_BLOCKS_LB' || !taskGroup || !ingress) return undefined;
  if (ingress.sourceGroupId) {
    return {
      field: 'networking.newSecurityGroup.inboundFrom', value: 'loadBalancer',
      text: `Let the new group ${taskGroup.name} allow TCP ${ingress.port} from the load balancer's security group instead of a CIDR block.`,
    };
  }
  const cidr = s.vpc?.cidrBlock ?? ingress.cidr ?? '';
  return {
    field: 'networking.newSecurityGroup.inboundCidr', value: cidr,
    text: `Let the new group ${taskGroup.name} allow TCP ${ingress.port} from ${cidr}, the VPC, where the load balancer is.`,
  };
}

/** ": ~$3.65/month per task (...)", from the finding's public IP alternative. */
function publicIpCostText(f: AnalyzerFinding): string {
  const ip = f.alternatives?.find((a) => a.name === 'publicIp');
  return ip ? ` (it costs ${ip.cost})` : '';
}

/** The ways out the item does not take, each with what it changes and costs to run (pathRemedies.ts). */
function otherAlternatives(f: AnalyzerFinding): string[] {
  return (f.alternatives ?? []).filter((a) => !a.preselected).map((a) => `${a.title}: ${a.changes} Running cost: ${a.cost}.`);
}

// ---- the preflight ------------------------------------------------------------------------------

/**
 * The preflight of a snapshot that may hold planned resources (withPlannedResources): every
 * finding as an item with its one remedy, the findings a form change clears folded into its item.
 */
export function preflight(snapshot: ServiceSnapshot): Preflight {
  const findings = analyze(snapshot);
  const words = plannedWords(snapshot);
  const items: PreflightItem[] = [];
  for (const f of findings) {
    const formChange = formChangeFor(f, snapshot);
    const fix = formChange || f.remedies.length === 0 ? undefined : toFix(planFixes([f], snapshot));
    const covers = f.alternatives?.find((a) => a.preselected)?.clears ?? [];
    const alternatives = otherAlternatives(f);
    items.push({
      id: f.id,
      code: f.code,
      severity: f.severity,
      title: words(f.title),
      detail: f.evidence.map(words),
      field: preflightField(f),
      docsUrl: f.docsUrl,
      ...(fix ? { fix } : {}),
      ...(formChange ? { formChange } : {}),
      ...(alternatives.length > 0 ? { alternatives } : {}),
      ...(covers.length > 0 ? { covers } : {}),
    });
  }
  return { items, findings, snapshot };
}

/**
 * ONE plan for the AWS fixes of the chosen items (the ones a person checked): shared resources
 * (the endpoints' security group) once, steps already done left out, planned resources as
 * references. Items whose remedy is a form change add nothing; unknown ids are ignored.
 */
export function preflightPlan(result: Preflight, itemIds: readonly string[]): FixPlan {
  const chosen = result.items.filter((i) => itemIds.includes(i.id) && i.fix);
  const findings = result.findings.filter((f) => chosen.some((i) => i.id === f.id));
  return withRefs(planFixes(findings, result.snapshot));
}
