// The task's two roles: both well-formed (the execution role as a full ARN), the execution role
// present when secrets need it (and on Fargate, awslogs and a private ECR image: on EC2 the
// instance's role does those), and, from what the caller knows about the account, the role
// existing and able to do what the task asks of it.

import { parseRoleReference, partitionOfRegion } from '../model/arns';
import { listPhrase } from '../util/wording';
import { containerLabel, isBlank } from './taskSpec';
import type { RuleContext } from './taskSpec';

const MANAGED_EXECUTION_POLICY = 'AmazonECSTaskExecutionRolePolicy';
const MANAGED_EXECUTION_ACTIONS = [
  'ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer',
  'ecr:BatchGetImage', 'logs:CreateLogStream', 'logs:PutLogEvents',
];

export function checkRoles(ctx: RuleContext): void {
  const { spec, report, facts } = ctx;
  const task = spec.taskRoleArn;
  if (!isBlank(task.value)) {
    const parsed = parseRoleReference(task.value as string, 'The task role');
    if (!parsed.ok) report.error(task.path, 'TASK_ROLE_INVALID', parsed.message);
  }
  const exec = spec.executionRoleArn;
  if (!isBlank(exec.value)) {
    const parsed = parseRoleReference(exec.value as string, 'The execution role');
    if (!parsed.ok) {
      report.error(exec.path, 'EXECUTION_ROLE_INVALID', parsed.message);
    } else if (parsed.kind === 'name') {
      const suggestion = facts.accountId
        ? `arn:${facts.region ? partitionOfRegion(facts.region) : 'aws'}:iam::${facts.accountId}:role/${parsed.name}`
        : `arn:aws:iam::ACCOUNT:role/${parsed.name}`;
      report.warning(exec.path, 'EXECUTION_ROLE_NOT_ARN', `ECS expects the execution role as a full ARN: use ${suggestion}.`);
    }
  }
}

export function checkExecutionRoleNeeds(ctx: RuleContext): void {
  const { spec, report } = ctx;
  if (!isBlank(spec.executionRoleArn.value) || spec.executionRoleArn.unreadable) return;
  const named = (list: number[]): string => listPhrase(list.map((i) => containerLabel(spec.containers[i], i)), 'and');
  const logging = spec.containers.map((c, i) => (c.log?.driver.value === 'awslogs' ? i : -1)).filter((i) => i >= 0);
  const secrets = spec.containers.map((c, i) => (c.secrets.length > 0 || (c.log?.secretOptions.length ?? 0) > 0 ? i : -1)).filter((i) => i >= 0);
  const ecr = ctx.images.map((img, i) => (img?.registry === 'ecr' ? i : -1)).filter((i) => i >= 0);
  // On EC2 and external instances the agent writes the logs with the instance's own role.
  if (ctx.fargate && logging.length > 0) {
    report.error(spec.executionRoleArn.path, 'EXECUTION_ROLE_REQUIRED_LOGS', `Sending logs to CloudWatch (awslogs, in ${named(logging)}) needs a task execution role: choose one, such as ecsTaskExecutionRole with AmazonECSTaskExecutionRolePolicy.`);
  }
  if (secrets.length > 0) {
    report.error(spec.executionRoleArn.path, 'EXECUTION_ROLE_REQUIRED_SECRETS', `ECS fetches the secrets of ${named(secrets)} with the task execution role: choose a role that can read them.`);
  }
  if (ctx.fargate && ecr.length > 0) {
    report.error(spec.executionRoleArn.path, 'EXECUTION_ROLE_REQUIRED_ECR', `On Fargate, pulling ${named(ecr)}'s image from a private ECR repository needs a task execution role: choose one, such as ecsTaskExecutionRole.`);
  }
}

function actionAllowed(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(action);
}

function roleName(text: string): string {
  const t = text.trim();
  return t.startsWith('arn:') ? t.slice(t.lastIndexOf('/') + 1) : t;
}

/** What the configured execution role can do, when the caller knows. */
export interface RoleAbilities {
  name: string;
  hasManagedPolicy: boolean;
  can: (action: string) => boolean;
}

export function executionRoleAbilities(ctx: RuleContext): RoleAbilities | undefined {
  const facts = ctx.facts.executionRole;
  const configured = ctx.spec.executionRoleArn.value;
  if (!facts || isBlank(configured)) return undefined;
  if (facts.role !== undefined && roleName(facts.role) !== roleName(configured as string)) return undefined;
  if (facts.exists === false) return undefined;
  const hasManagedPolicy = (facts.attachedPolicies ?? []).some((p) => p === MANAGED_EXECUTION_POLICY || p.endsWith(`:policy/service-role/${MANAGED_EXECUTION_POLICY}`));
  const allowed = facts.allowedActions ?? [];
  return {
    name: roleName(configured as string),
    hasManagedPolicy,
    can: (action) => (hasManagedPolicy && MANAGED_EXECUTION_ACTIONS.includes(action)) || allowed.some((p) => actionAllowed(p, action)),
  };
}

/** The execution role is missing from the account, or lacks the managed policy logs and ECR pulls need. */
export function checkExecutionRoleFacts(ctx: RuleContext, role: RoleAbilities | undefined): void {
  const { spec, report, facts } = ctx;
  const roleFacts = facts.executionRole;
  const configured = spec.executionRoleArn.value;
  if (roleFacts && !isBlank(configured) && roleFacts.exists === false
    && (roleFacts.role === undefined || roleName(roleFacts.role) === roleName(configured as string))) {
    report.warning(spec.executionRoleArn.path, 'EXECUTION_ROLE_NOT_FOUND', `There's no role named ${roleName(configured as string)} in this account: create it (trusting ecs-tasks.amazonaws.com) with AmazonECSTaskExecutionRolePolicy, or choose another.`);
  }
  const usesAwslogs = spec.containers.some((c) => c.log?.driver.value === 'awslogs');
  const usesEcr = ctx.images.some((img) => img?.registry === 'ecr');
  if (role && (usesAwslogs || usesEcr) && !role.hasManagedPolicy) {
    const missing = MANAGED_EXECUTION_ACTIONS.filter((a) => !role.can(a));
    if (missing.length > 0) {
      report.warning(spec.executionRoleArn.path, 'EXECUTION_ROLE_POLICY_MISSING', `The execution role ${role.name} doesn't have AmazonECSTaskExecutionRolePolicy (it can't ${listPhrase(missing)}): without it the task can't pull from ECR or write its logs. Attach that policy.`);
    }
  }
}
