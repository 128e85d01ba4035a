// What the snapshot lacks: one COULD_NOT_CHECK finding per gap, naming the rules it leaves
// unchecked. Rules that meet missing data later (log groups, images, load balancer wiring, the
// execution role) say so once per subject, with the same words (GAP_CHECKS).
//
// Pure module: no vscode, no AWS SDK.

import type { GapSubject } from '../snapshot';
import type { Context, Draft } from './context';

/** What each gap subject is, in a sentence. */
export const GAP_WORDS: Record<GapSubject, string> = {
  taskDefinition: 'the task definition',
  vpc: 'the VPC',
  vpcDnsAttributes: "the VPC's DNS attributes",
  subnets: 'the subnets',
  routeTables: 'the route tables',
  endpoints: 'the VPC endpoints',
  securityGroups: 'the security groups',
  networkAcls: 'the network ACLs',
  executionRole: 'the task execution role',
  executionRolePolicies: "the execution role's policies",
  images: 'the container images',
  logGroups: 'the CloudWatch log groups',
  loadBalancing: 'the load balancer wiring',
  stoppedTasks: 'the stopped tasks',
  endpointServices: "the Region's endpoint services",
  secrets: 'the secrets and parameters the task reads',
  targetHealth: 'the health of the registered targets',
};

/** The rules a gap leaves unchecked. */
export const GAP_CHECKS: Record<GapSubject, string> = {
  taskDefinition: 'every task definition rule',
  vpc: 'the VPC DNS and endpoint rules',
  vpcDnsAttributes: 'the VPC DNS rule',
  subnets: 'the network path of each subnet',
  routeTables: 'the network path of each subnet and the S3 gateway endpoint',
  endpoints: 'the VPC endpoint rules',
  securityGroups: 'the security group rules (443 to the endpoints, the load balancer port)',
  networkAcls: 'the network ACL rules',
  executionRole: 'the execution role trust and permissions',
  executionRolePolicies: 'the execution role permissions',
  images: 'that the image exists and matches the platform',
  logGroups: 'that the log group exists',
  loadBalancing: 'the target group and listener wiring',
  stoppedTasks: 'the stopped tasks',
  endpointServices: 'that the Region offers each endpoint service',
  secrets: 'which KMS key encrypts them (kms:Decrypt for a customer managed key)',
  targetHealth: "the load balancer's own view of the targets (its reason codes); the health check settings are still checked",
};

/** COULD_NOT_CHECK for each gap the collector recorded, and for data absent without one. */
export function gapFindings(ctx: Context): Draft[] {
  const drafts: Draft[] = ctx.s.gaps.map((g) => ({
    code: 'COULD_NOT_CHECK' as const,
    resource: g.resource ? `${g.subject}:${g.resource}` : g.subject,
    evidence: [`Could not read ${GAP_WORDS[g.subject]}${g.resource ? ` (${g.resource})` : ''}: ${g.reason}. Not checked: ${GAP_CHECKS[g.subject]}.`],
    affects: [],
    remedies: [],
  }));
  // Data that is simply absent, with no gap recorded, is reported the same way.
  const absent: ReadonlyArray<[GapSubject, boolean]> = [
    ['subnets', ctx.s.subnets === undefined],
    ['routeTables', ctx.s.routeTables === undefined],
    ['vpc', ctx.s.vpc === undefined && ctx.vpcId === undefined],
    ['vpcDnsAttributes', ctx.s.vpc !== undefined && (ctx.s.vpc.dnsSupport === undefined || ctx.s.vpc.dnsHostnames === undefined)],
    ['endpoints', ctx.s.endpoints === undefined],
    ['securityGroups', ctx.s.securityGroups === undefined],
    ['networkAcls', ctx.s.networkAcls === undefined],
  ];
  for (const [subject, missing] of absent) if (missing) drafts.push(...notCollected(ctx, subject));
  return drafts;
}

/**
 * COULD_NOT_CHECK for data absent without a recorded gap, once per subject (the first rule to
 * meet it says so; ctx.gapped silences the rest): "The container images were not collected".
 */
export function notCollected(
  ctx: Context,
  subject: GapSubject,
  sentence = `${GAP_WORDS[subject][0].toUpperCase()}${GAP_WORDS[subject].slice(1)} ${subject.endsWith('s') ? 'were' : 'was'} not collected`,
): Draft[] {
  if (ctx.gapped.has(subject)) return [];
  ctx.gapped.add(subject);
  return [{ code: 'COULD_NOT_CHECK', resource: subject, affects: [], remedies: [], evidence: [`${sentence}. Not checked: ${GAP_CHECKS[subject]}.`] }];
}
