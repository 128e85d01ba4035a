// Reading IAM policy documents well enough for the execution-role rules: does a trust policy let
// ecs-tasks.amazonaws.com assume the role, and which of a list of actions do the role's policies
// allow. Resources and conditions are not evaluated (the doctor checks that the actions are
// granted at all; a resource-scoped grant counts as granted). Explicit Deny with Resource "*"
// wins. Pure module: no vscode, no AWS SDK.

export interface PolicyStatement {
  readonly Effect?: string;
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Principal?: string | Readonly<Record<string, string | readonly string[]>>;
  readonly Condition?: unknown;
}

export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement?: PolicyStatement | readonly PolicyStatement[];
}

/** Parses a policy document given as JSON or URL-encoded JSON (as IAM's GetRole returns it). Undefined when unreadable. */
export function parsePolicyDocument(text: string): PolicyDocument | undefined {
  const candidates = [text];
  if (/%[0-9A-Fa-f]{2}/.test(text)) {
    try {
      candidates.unshift(decodeURIComponent(text.replace(/\+/g, '%20')));
    } catch {
      // not URL-encoded after all
    }
  }
  for (const candidate of candidates) {
    try {
      const parsed = JSON.parse(candidate) as unknown;
      if (parsed && typeof parsed === 'object') return parsed as PolicyDocument;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function list<T>(value: T | readonly T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? [...(value as readonly T[])] : [value as T];
}

export function statements(doc: PolicyDocument): PolicyStatement[] {
  return list(doc.Statement);
}

/** IAM action matching: case-insensitive, `*` and `?` wildcards. */
export function actionMatches(pattern: string, action: string): boolean {
  const rx = new RegExp(`^${pattern.split('').map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`, 'i');
  return rx.test(action);
}

function statementCovers(s: PolicyStatement, action: string): boolean {
  if (s.Action !== undefined) return list(s.Action).some((p) => actionMatches(p, action));
  if (s.NotAction !== undefined) return !list(s.NotAction).some((p) => actionMatches(p, action));
  return false;
}

export const ECS_TASKS_PRINCIPAL = 'ecs-tasks.amazonaws.com';

/** Does the trust policy let `service` (ecs-tasks.amazonaws.com) call sts:AssumeRole? */
export function trustsService(doc: PolicyDocument, service = ECS_TASKS_PRINCIPAL): boolean {
  const names = (s: PolicyStatement): string[] => {
    if (s.Principal === '*') return ['*'];
    if (!s.Principal || typeof s.Principal === 'string') return [];
    const p = s.Principal as Readonly<Record<string, string | readonly string[]>>;
    return [...list(p.Service), ...(p.AWS === '*' ? ['*'] : [])];
  };
  const applies = (s: PolicyStatement) => statementCovers(s, 'sts:AssumeRole') && names(s).some((n) => n === '*' || n.toLowerCase() === service);
  const all = statements(doc);
  if (all.some((s) => s.Effect === 'Deny' && applies(s))) return false;
  return all.some((s) => s.Effect === 'Allow' && applies(s));
}

/** The managed policy that gives an execution role what a task start needs (ECR pulls, awslogs). */
export const TASK_EXECUTION_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy';

/**
 * The AWS managed policies the execution-role rule knows by heart (their actions, from the AWS
 * managed policy reference). A role with an attached policy outside this table and without its
 * document gathered cannot be judged: the analyzer says so instead of guessing.
 */
export const KNOWN_MANAGED_POLICIES: Readonly<Record<string, readonly string[]>> = {
  'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy': [
    'ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage',
    'logs:CreateLogStream', 'logs:PutLogEvents',
  ],
  'arn:aws:iam::aws:policy/AdministratorAccess': ['*'],
  'arn:aws:iam::aws:policy/PowerUserAccess': ['*'],
  'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly': [
    'ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:GetRepositoryPolicy',
    'ecr:DescribeRepositories', 'ecr:ListImages', 'ecr:DescribeImages', 'ecr:BatchGetImage', 'ecr:GetLifecyclePolicy',
    'ecr:GetLifecyclePolicyPreview', 'ecr:ListTagsForResource', 'ecr:DescribeImageScanFindings',
  ],
  'arn:aws:iam::aws:policy/CloudWatchLogsFullAccess': ['logs:*'],
  'arn:aws:iam::aws:policy/SecretsManagerReadWrite': ['secretsmanager:*'],
  'arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess': ['ssm:Describe*', 'ssm:Get*', 'ssm:List*'],
  'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess': ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'],
};

/** Normalises partition-specific ARNs of AWS managed policies (`arn:aws-cn:iam::aws:policy/...`). */
function managedKey(arn: string): string {
  return arn.replace(/^arn:aws[a-z-]*:iam::aws:policy\//, 'arn:aws:iam::aws:policy/');
}

export interface ActionVerdict {
  readonly allowed: readonly string[];
  readonly missing: readonly string[];
  /** Policies whose content is unknown (attached, not in the table, no document): `missing` may be wrong. */
  readonly unknownPolicies: readonly string[];
}

/** Which of `actions` the role's attached policies and gathered documents allow. */
export function evaluateActions(
  actions: readonly string[],
  attachedPolicyArns: readonly string[],
  documents: ReadonlyArray<{ name: string; document: string }>,
): ActionVerdict {
  const allows: PolicyStatement[] = [];
  const denies: PolicyStatement[] = [];
  const documented = new Set<string>();
  for (const { name, document } of documents) {
    documented.add(name);
    const doc = parsePolicyDocument(document);
    if (!doc) continue;
    for (const s of statements(doc)) {
      if (s.Effect === 'Allow') allows.push(s);
      else if (s.Effect === 'Deny' && list(s.Resource).includes('*') && s.Condition === undefined) denies.push(s);
    }
  }
  const unknownPolicies: string[] = [];
  for (const arn of attachedPolicyArns) {
    const known = KNOWN_MANAGED_POLICIES[managedKey(arn)];
    if (known) allows.push({ Effect: 'Allow', Action: known, Resource: '*' });
    else if (!documented.has(arn) && !documented.has(arn.slice(arn.lastIndexOf('/') + 1))) unknownPolicies.push(arn);
  }
  const allowed: string[] = [];
  const missing: string[] = [];
  for (const action of actions) {
    const ok = allows.some((s) => statementCovers(s, action)) && !denies.some((s) => statementCovers(s, action));
    (ok ? allowed : missing).push(action);
  }
  return { allowed, missing, unknownPolicies };
}
