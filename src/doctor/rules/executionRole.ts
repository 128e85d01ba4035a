// Section 3, the execution role and its trust: the task definition names one when it needs one
// (private ECR, awslogs, secrets, environment files), it exists, it trusts
// ecs-tasks.amazonaws.com, and its policies grant the actions the task start needs: here the
// ones AmazonECSTaskExecutionRolePolicy covers (ECR pulls, awslogs streams), each with what
// needs it; the grants on named secrets, keys, log groups and files in executionRoleGrants.ts.
//
// Pure module: no vscode, no AWS SDK.

import { parseImageUri } from '../../model/imageUri';
import type { DiagnosisCode } from '../codes';
import { evaluateActions, parsePolicyDocument, TASK_EXECUTION_POLICY_ARN, trustsService, type ActionVerdict } from '../iamPolicy';
import { trustDeniesEcsTasks } from '../trustPolicy';
import { isAwslogs, type Context, type Draft } from './context';
import { executionRoleGrants, resourcePurposes } from './executionRoleGrants';
import { GAP_CHECKS } from './gaps';

/** The last part of an ARN: a role's or a policy's name. */
export function roleName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** Actions AmazonECSTaskExecutionRolePolicy grants, for one purpose: "pulling X from Amazon ECR". */
interface ManagedNeed {
  readonly actions: readonly string[];
  /** The stopped-task diagnoses a refusal of these actions shows as. */
  readonly affects: readonly DiagnosisCode[];
  /** "pulling 1234.dkr.ecr.../web:latest from Amazon ECR", "the awslogs driver of container web" */
  readonly purpose: string;
}

const ECR_PULL_ACTIONS = ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'];
const AWSLOGS_ACTIONS = ['logs:CreateLogStream', 'logs:PutLogEvents'];

/** The actions the managed policy covers that this task definition needs, by purpose. */
function managedNeeds(ctx: Context): ManagedNeed[] {
  const needs: ManagedNeed[] = [];
  const td = ctx.s.taskDefinition;
  const ecrImages = [...new Set(td.containers.map((c) => c.image).filter((image) => {
    const parsed = parseImageUri(image);
    return parsed.ok && parsed.image.registry === 'ecr' && parsed.image.region === ctx.region;
  }))];
  if (ctx.privateEcr) needs.push({ actions: ECR_PULL_ACTIONS, affects: ['IMAGE_ACCESS_DENIED', 'ECR_UNREACHABLE'], purpose: `pulling ${ecrImages.join(', ')} from Amazon ECR` });
  const logging = td.containers.filter(isAwslogs).map((c) => c.name);
  if (logging.length > 0) needs.push({ actions: AWSLOGS_ACTIONS, affects: ['LOGS_ACCESS_DENIED'], purpose: `the awslogs driver of container${logging.length === 1 ? '' : 's'} ${logging.join(', ')}` });
  return needs;
}

/** What the execution role's policies say about `actions`; undefined when the role or its policies were not read. */
export function roleVerdict(ctx: Context, actions: string[]): ActionVerdict | undefined {
  const role = ctx.s.executionRole;
  if (!role || !role.exists || role.attachedPolicyArns === undefined) return undefined;
  return evaluateActions(actions, role.attachedPolicyArns, role.policyDocuments ?? []);
}

/** Section 3: the execution role exists, trusts ecs-tasks.amazonaws.com, and can do what the task needs. */
export function executionRole(ctx: Context): Draft[] {
  const td = ctx.s.taskDefinition;
  const needs = managedNeeds(ctx);
  const reasons = [...needs.map((n) => n.purpose), ...resourcePurposes(ctx)];
  if (reasons.length === 0) return [];
  const affects: DiagnosisCode[] = ['IMAGE_ACCESS_DENIED', 'LOGS_ACCESS_DENIED', 'SECRETS_ACCESS_DENIED', 'ENV_FILES_FAILED', 'ECR_UNREACHABLE', 'REGISTRY_CREDENTIALS_FAILED'];
  // A named role that does not exist or does not trust ECS tasks is one ECS cannot assume.
  const unassumable: DiagnosisCode[] = [...affects, 'ROLE_ASSUME_FAILED'];
  if (!td.executionRoleArn) {
    return [{
      code: 'EXECUTION_ROLE_MISSING', resource: td.family, affects, remedies: [],
      evidence: [`Task definition ${td.family} has no executionRoleArn, but ${reasons.join(', ')} need${reasons.length === 1 ? 's' : ''} one.`],
    }];
  }
  const role = ctx.s.executionRole;
  if (!role) {
    if (ctx.gapped.has('executionRole')) return [];
    return [{ code: 'COULD_NOT_CHECK', resource: 'executionRole', affects: [], remedies: [], evidence: [`The execution role ${td.executionRoleArn} was not collected. Not checked: ${GAP_CHECKS.executionRole}.`] }];
  }
  if (!role.exists) {
    return [{ code: 'EXECUTION_ROLE_MISSING', resource: role.arn, affects: unassumable, remedies: [], evidence: [`Task definition ${td.family} names ${role.arn}, which does not exist in account ${ctx.s.accountId}.`] }];
  }
  const drafts: Draft[] = [];
  if (role.trustPolicy !== undefined) {
    const doc = parsePolicyDocument(role.trustPolicy);
    if (!doc) {
      drafts.push({ code: 'COULD_NOT_CHECK', resource: `trust:${role.arn}`, affects: [], remedies: [], evidence: [`The trust policy of ${role.name} could not be read as JSON.`] });
    } else if (!trustsService(doc)) {
      const denied = trustDeniesEcsTasks(doc);
      drafts.push({
        code: 'EXECUTION_ROLE_TRUST', resource: role.arn, affects: unassumable,
        // The smallest change: one statement added to the trust policy. A Deny is the owner's decision: no fix overrides it.
        remedies: denied ? [] : [{ kind: 'trustEcsTasks', roleName: role.name }],
        evidence: [
          `${role.name}'s trust policy does not allow ecs-tasks.amazonaws.com to call sts:AssumeRole, so ECS cannot use it to pull the image or write logs.`,
          ...(denied ? [`Its trust policy explicitly denies sts:AssumeRole to ecs-tasks.amazonaws.com: the doctor does not override a Deny; remove that statement, or name another role.`] : []),
        ],
      });
    }
  }
  const verdict = roleVerdict(ctx, [...new Set(needs.flatMap((n) => n.actions))]);
  if (!verdict) {
    if (!ctx.gapped.has('executionRolePolicies')) {
      drafts.push({ code: 'COULD_NOT_CHECK', resource: 'executionRolePolicies', affects: [], remedies: [], evidence: [`The policies of ${role.name} were not collected. Not checked: ${GAP_CHECKS.executionRolePolicies}.`] });
    }
    return drafts;
  }
  if (verdict.missing.length > 0) {
    const attached = (role.attachedPolicyArns ?? []).includes(TASK_EXECUTION_POLICY_ARN);
    const unsure = verdict.unknownPolicies.length > 0;
    const lacking = needs.filter((n) => n.actions.some((a) => verdict.missing.includes(a)));
    drafts.push({
      code: 'EXECUTION_ROLE_MISSING_POLICY',
      resource: role.arn,
      severity: unsure ? 'warning' : 'error',
      evidence: [
        ...lacking.map((n) => `${role.name} is not granted ${n.actions.filter((a) => verdict.missing.includes(a)).join(', ')}, needed for ${n.purpose}.`),
        `Attached to ${role.name}: ${(role.attachedPolicyArns ?? []).map(roleName).join(', ') || 'nothing'}.`,
        ...(unsure ? [`The content of ${verdict.unknownPolicies.join(', ')} was not read: ${verdict.unknownPolicies.length === 1 ? 'it' : 'they'} may grant these.`] : []),
      ],
      affects: [...new Set(lacking.flatMap((n) => n.affects))],
      // AmazonECSTaskExecutionRolePolicy grants every one of these actions; the rest goes to the inline policy (executionRoleGrants).
      remedies: !attached ? [{ kind: 'attachPolicy', roleName: role.name, policyArn: TASK_EXECUTION_POLICY_ARN }] : [],
    });
  }
  return [...drafts, ...executionRoleGrants(ctx)];
}
