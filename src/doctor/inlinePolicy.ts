// The inline policy ECS Studio puts on an execution role for what AmazonECSTaskExecutionRolePolicy
// does not cover: reading the task's secrets and parameters (and decrypting them with a customer
// managed key), creating its awslogs group, downloading its environment files. Exactly those
// actions on exactly those ARNs, one statement per action, under one name a second run finds:
// an existing policy of that name keeps every statement it has and gains the missing resources.
//
// Pure module: no vscode, no AWS SDK.

import { parsePolicyDocument, statementCoversGrant, statements, type Grant, type PolicyDocument, type PolicyStatement } from './iamPolicy';

/** The inline policy's name on the execution role. */
export const EXECUTION_INLINE_POLICY_NAME = 'ecs-studio-execution-secrets';

/** The statement id ECS Studio gives the statement of one action: `EcsStudioSecretsmanagerGetSecretValue`. */
export function statementId(action: string): string {
  const [service = '', name = ''] = action.split(':');
  return `EcsStudio${service.charAt(0).toUpperCase()}${service.slice(1).replace(/[^A-Za-z0-9]/g, '')}${name.replace(/[^A-Za-z0-9]/g, '')}`;
}

function asList(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

/** Is this grant already given by an unconditional Allow of `doc`? */
function docAllows(doc: PolicyStatement[], grant: Grant): boolean {
  return doc.some((s) => s.Effect === 'Allow' && s.Condition === undefined && statementCoversGrant(s, grant));
}

/** ECS Studio's id for an action, or that id numbered (`...GetSecretValue2`) when a statement it cannot grow holds it. */
function isOwnSid(sid: string | undefined, base: string): boolean {
  return sid !== undefined && sid.startsWith(base) && /^(?:[2-9]|[1-9]\d+)?$/.test(sid.slice(base.length));
}

/** IAM refuses a policy whose statement ids repeat: the first of `base`, `base2`, `base3`... no statement has. */
function freeSid(doc: readonly PolicyStatement[], base: string): string {
  const taken = new Set(doc.map((s) => s.Sid));
  let sid = base;
  for (let n = 2; taken.has(sid); n++) sid = `${base}${n}`;
  return sid;
}

/**
 * The document `existing` (as IAM returns it, or undefined when there is none) with `grants`
 * added: a grant already allowed is left alone; a missing one joins ECS Studio's statement for
 * its action (made when absent, under an id no other statement has). Statements of others are
 * kept as they are.
 */
export function mergeGrants(existing: string | undefined, grants: readonly Grant[]): PolicyDocument {
  const parsed = existing !== undefined ? parsePolicyDocument(existing) : undefined;
  const out: PolicyStatement[] = parsed ? statements(parsed).map((s) => ({ ...s })) : [];
  for (const grant of grants) {
    if (docAllows(out, grant)) continue;
    const base = statementId(grant.action);
    const index = out.findIndex((s) => isOwnSid(s.Sid, base) && s.Effect === 'Allow' && s.Condition === undefined);
    const mine = out[index];
    if (mine) {
      out[index] = { ...mine, Resource: [...asList(mine.Resource), grant.resource] };
    } else {
      out.push({ Sid: freeSid(out, base), Effect: 'Allow', Action: [grant.action], Resource: [grant.resource] });
    }
  }
  return { Version: parsed?.Version ?? '2012-10-17', Statement: out };
}

/** True when `document` alone allows every grant (an unconditional Allow of each). */
export function documentGrantsAll(document: string | undefined, grants: readonly Grant[]): boolean {
  const parsed = document !== undefined ? parsePolicyDocument(document) : undefined;
  const list = parsed ? statements(parsed) : [];
  return grants.every((g) => docAllows(list, g));
}
