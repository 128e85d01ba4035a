// Reading IAM policy documents well enough for the execution-role rules: does a trust policy let
// ecs-tasks.amazonaws.com assume the role, and which of a list of actions do the role's policies
// allow. `evaluateActions` does not evaluate resources (the doctor checks that the ECR and logs
// actions are granted at all; a resource-scoped grant counts as granted; an explicit Deny with
// Resource "*" wins). `evaluateGrants` does, for grants on one resource each (a secret, a key):
// an Allow on "*" or on a pattern matching the ARN (`*`, `?`) grants it, and an explicit Deny
// matching it wins. Conditions are not evaluated: an Allow with one counts, a Deny with one does not.
// Pure module: no vscode, no AWS SDK.

export interface PolicyStatement {
  readonly Effect?: string;
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Sid?: string;
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
  return wildcard(pattern, 'i').test(action);
}

/** A pattern with IAM's `*` and `?` wildcards as a whole-string regular expression. */
function wildcard(pattern: string, flags: string): RegExp {
  return new RegExp(`^${pattern.split('').map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}$`, flags);
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

/** The Allow and Deny statements of a role's policies, and the attached policies whose content is unknown. */
function gatherStatements(
  attachedPolicyArns: readonly string[],
  documents: ReadonlyArray<{ name: string; document: string }>,
): { allows: PolicyStatement[]; denies: Array<{ s: PolicyStatement; policy: string }>; unknownPolicies: string[] } {
  const allows: PolicyStatement[] = [];
  const denies: Array<{ s: PolicyStatement; policy: string }> = [];
  const documented = new Set<string>();
  for (const { name, document } of documents) {
    documented.add(name);
    const doc = parsePolicyDocument(document);
    if (!doc) continue;
    for (const s of statements(doc)) {
      if (s.Effect === 'Allow') allows.push(s);
      else if (s.Effect === 'Deny' && s.Condition === undefined) denies.push({ s, policy: name });
    }
  }
  const unknownPolicies: string[] = [];
  for (const arn of attachedPolicyArns) {
    const known = KNOWN_MANAGED_POLICIES[managedKey(arn)];
    if (known) allows.push({ Effect: 'Allow', Action: known, Resource: '*' });
    else if (!documented.has(arn) && !documented.has(arn.slice(arn.lastIndexOf('/') + 1))) unknownPolicies.push(arn);
  }
  return { allows, denies, unknownPolicies };
}

/** Which of `actions` the role's attached policies and gathered documents allow. */
export function evaluateActions(
  actions: readonly string[],
  attachedPolicyArns: readonly string[],
  documents: ReadonlyArray<{ name: string; document: string }>,
): ActionVerdict {
  const gathered = gatherStatements(attachedPolicyArns, documents);
  const denies = gathered.denies.filter((d) => list(d.s.Resource).includes('*')).map((d) => d.s);
  const allowed: string[] = [];
  const missing: string[] = [];
  for (const action of actions) {
    const ok = gathered.allows.some((s) => statementCovers(s, action)) && !denies.some((s) => statementCovers(s, action));
    (ok ? allowed : missing).push(action);
  }
  return { allowed, missing, unknownPolicies: gathered.unknownPolicies };
}

// ---- resource-level grants ------------------------------------------------------------------------

/** One action on one resource ARN: `secretsmanager:GetSecretValue` on a secret. */
export interface Grant {
  readonly action: string;
  readonly resource: string;
}

/** IAM resource matching: case-sensitive, `*` and `?` wildcards (they match across `:` and `/`). */
export function resourceMatches(pattern: string, arn: string): boolean {
  return wildcard(pattern, '').test(arn);
}

function statementCoversResource(s: PolicyStatement, arn: string): boolean {
  if (s.Resource !== undefined) return list(s.Resource).some((p) => resourceMatches(p, arn));
  if (s.NotResource !== undefined) return !list(s.NotResource).some((p) => resourceMatches(p, arn));
  return true;
}

/** Does the statement speak of this action on this resource? (Its effect and conditions aside.) */
export function statementCoversGrant(s: PolicyStatement, grant: Grant): boolean {
  return statementCovers(s, grant.action) && statementCoversResource(s, grant.resource);
}

export interface GrantVerdict {
  readonly allowed: readonly Grant[];
  /** Not allowed by any policy (a grant denied explicitly is in `denied` too). */
  readonly missing: readonly Grant[];
  /** Missing because an explicit Deny matches them: an Allow would not help. */
  readonly denied: ReadonlyArray<{ readonly grant: Grant; readonly policy: string }>;
  readonly unknownPolicies: readonly string[];
}

/** Which of `grants` the role's attached policies and gathered documents allow, resources evaluated. */
export function evaluateGrants(
  grants: readonly Grant[],
  attachedPolicyArns: readonly string[],
  documents: ReadonlyArray<{ name: string; document: string }>,
): GrantVerdict {
  const { allows, denies, unknownPolicies } = gatherStatements(attachedPolicyArns, documents);
  const allowed: Grant[] = [];
  const missing: Grant[] = [];
  const denied: Array<{ grant: Grant; policy: string }> = [];
  for (const grant of grants) {
    const deny = denies.find((d) => statementCoversGrant(d.s, grant));
    if (deny) denied.push({ grant, policy: deny.policy });
    const ok = !deny && allows.some((s) => statementCoversGrant(s, grant));
    (ok ? allowed : missing).push(grant);
  }
  return { allowed, missing, denied, unknownPolicies };
}
