// Section 3, the execution role and its trust: the task definition names one when it needs one
// (private ECR, awslogs, secrets, environment files), it exists, it trusts
// ecs-tasks.amazonaws.com, and its policies grant the actions the task start needs.
//
// Pure module: no vscode, no AWS SDK.

import { parseSecretValueFrom } from '../../model/arns';
import type { DiagnosisCode } from '../codes';
import { evaluateActions, KNOWN_MANAGED_POLICIES, parsePolicyDocument, TASK_EXECUTION_POLICY_ARN, trustsService, type ActionVerdict } from '../iamPolicy';
import { isAwslogs, type Context, type Draft } from './context';
import { GAP_CHECKS } from './gaps';

/** The last part of an ARN: a role's or a policy's name. */
export function roleName(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

interface RoleNeeds {
  readonly actions: string[];
  readonly reasons: string[];
}

/** The actions the execution role needs for this task definition, and why. */
function requiredActions(ctx: Context): RoleNeeds {
  const actions: string[] = [];
  const reasons: string[] = [];
  const add = (list: string[], reason: string) => {
    for (const a of list) if (!actions.includes(a)) actions.push(a);
    reasons.push(reason);
  };
  if (ctx.privateEcr) add(['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], 'pulling from Amazon ECR');
  const td = ctx.s.taskDefinition;
  if (td.containers.some(isAwslogs)) add(['logs:CreateLogStream', 'logs:PutLogEvents'], 'the awslogs log driver');
  for (const c of td.containers) {
    for (const secret of c.secrets ?? []) {
      const src = parseSecretValueFrom(secret.valueFrom);
      if (!src.ok) continue;
      add([src.source.kind === 'secretsmanager' ? 'secretsmanager:GetSecretValue' : 'ssm:GetParameters'], `secret ${secret.name} of ${c.name}`);
    }
    if (c.repositoryCredentials) add(['secretsmanager:GetSecretValue'], `the registry credentials of ${c.name}`);
    if ((c.environmentFiles ?? []).length > 0) add(['s3:GetObject', 's3:GetBucketLocation'], `the environment files of ${c.name}`);
  }
  return { actions, reasons };
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
  const needs = requiredActions(ctx);
  if (needs.actions.length === 0) return [];
  const affects: DiagnosisCode[] = ['IMAGE_ACCESS_DENIED', 'LOGS_ACCESS_DENIED', 'SECRETS_ACCESS_DENIED', 'ENV_FILES_FAILED', 'ECR_UNREACHABLE', 'REGISTRY_CREDENTIALS_FAILED'];
  // A named role that does not exist or does not trust ECS tasks is one ECS cannot assume.
  const unassumable: DiagnosisCode[] = [...affects, 'ROLE_ASSUME_FAILED'];
  if (!td.executionRoleArn) {
    return [{
      code: 'EXECUTION_ROLE_MISSING', resource: td.family, affects, remedies: [],
      evidence: [`Task definition ${td.family} has no executionRoleArn, but ${needs.reasons.join(', ')} need${needs.reasons.length === 1 ? 's' : ''} one.`],
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
      drafts.push({
        code: 'EXECUTION_ROLE_TRUST', resource: role.arn, affects: unassumable, remedies: [],
        evidence: [`${role.name}'s trust policy does not allow ecs-tasks.amazonaws.com to call sts:AssumeRole, so ECS cannot use it to pull the image or write logs.`],
      });
    }
  }
  const verdict = roleVerdict(ctx, needs.actions);
  if (!verdict) {
    if (!ctx.gapped.has('executionRolePolicies')) {
      drafts.push({ code: 'COULD_NOT_CHECK', resource: 'executionRolePolicies', affects: [], remedies: [], evidence: [`The policies of ${role.name} were not collected. Not checked: ${GAP_CHECKS.executionRolePolicies}.`] });
    }
    return drafts;
  }
  if (verdict.missing.length > 0) {
    const managed = KNOWN_MANAGED_POLICIES[TASK_EXECUTION_POLICY_ARN] ?? [];
    const coveredByManaged = verdict.missing.every((a) => managed.includes(a));
    const attached = (role.attachedPolicyArns ?? []).includes(TASK_EXECUTION_POLICY_ARN);
    const unsure = verdict.unknownPolicies.length > 0;
    drafts.push({
      code: 'EXECUTION_ROLE_MISSING_POLICY',
      resource: role.arn,
      severity: unsure ? 'warning' : 'error',
      evidence: [
        `${role.name} is not granted ${verdict.missing.join(', ')} (needed for ${needs.reasons.join(', ')}); attached: ${(role.attachedPolicyArns ?? []).map(roleName).join(', ') || 'nothing'}.`,
        ...(unsure ? [`The content of ${verdict.unknownPolicies.join(', ')} was not read: ${verdict.unknownPolicies.length === 1 ? 'it' : 'they'} may grant these.`] : []),
        ...(!coveredByManaged ? ['AmazonECSTaskExecutionRolePolicy does not cover all of them: add an inline policy for the secrets, parameters or S3 objects.'] : []),
      ],
      affects,
      remedies: coveredByManaged && !attached ? [{ kind: 'attachPolicy', roleName: role.name, policyArn: TASK_EXECUTION_POLICY_ARN }] : [],
    });
  }
  return drafts;
}
