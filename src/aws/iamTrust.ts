/**
 * Reading IAM trust policies (a role's AssumeRolePolicyDocument). Pure: no SDK import, so it is
 * unit-tested with plain strings. AWS returns the document URL-encoded (`%7B%22Version...`);
 * moto and some tools return plain JSON; both are accepted.
 */

export const ECS_TASKS_PRINCIPAL = 'ecs-tasks.amazonaws.com';
export const TASK_EXECUTION_POLICY_NAME = 'AmazonECSTaskExecutionRolePolicy';

/** The trust policy the console gives ecsTaskExecutionRole: ECS tasks may assume the role. */
export function ecsTasksTrustPolicy(): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: ECS_TASKS_PRINCIPAL }, Action: 'sts:AssumeRole' }],
  });
}

/** ARN of the AWS-managed execution role policy in a region's partition. */
export function taskExecutionPolicyArn(region: string): string {
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return `arn:${partition}:iam::aws:policy/service-role/${TASK_EXECUTION_POLICY_NAME}`;
}

/** Parses a policy document given URL-encoded or as plain JSON; undefined when it is neither. */
export function decodePolicyDocument(document: string | undefined): unknown {
  if (document === undefined || document.trim() === '') return undefined;
  const text = document.trim();
  const candidates = text.startsWith('{') ? [text] : [safeDecode(text), text];
  for (const candidate of candidates) {
    if (candidate === undefined) continue;
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return undefined;
  }
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function actionAllowsAssumeRole(action: unknown): boolean {
  return asList(action).some((a) => typeof a === 'string' && /^(sts:AssumeRole|sts:\*|\*)$/i.test(a));
}

/** Whether a trust policy lets ECS tasks (ecs-tasks.amazonaws.com) assume the role. */
export function trustsEcsTasks(document: string | undefined): boolean {
  const policy = decodePolicyDocument(document);
  if (typeof policy !== 'object' || policy === null) return false;
  return asList((policy as { Statement?: unknown }).Statement).some((s) => {
    if (typeof s !== 'object' || s === null) return false;
    const statement = s as { Effect?: unknown; Principal?: unknown; Action?: unknown };
    if (statement.Effect !== 'Allow' || !actionAllowsAssumeRole(statement.Action)) return false;
    const principal = statement.Principal;
    if (typeof principal !== 'object' || principal === null) return false;
    return asList((principal as { Service?: unknown }).Service).some((svc) => svc === ECS_TASKS_PRINCIPAL);
  });
}

/**
 * The actions a policy document allows, as written (wildcards kept): `Allow` statements'
 * `Action`s. Resources and conditions aren't evaluated: the form's warnings are a coarse check.
 */
export function allowedActions(document: string | undefined): string[] {
  const policy = decodePolicyDocument(document);
  if (typeof policy !== 'object' || policy === null) return [];
  const actions: string[] = [];
  for (const s of asList((policy as { Statement?: unknown }).Statement)) {
    if (typeof s !== 'object' || s === null) continue;
    const statement = s as { Effect?: unknown; Action?: unknown };
    if (statement.Effect !== 'Allow') continue;
    for (const a of asList(statement.Action)) if (typeof a === 'string' && !actions.includes(a)) actions.push(a);
  }
  return actions;
}
