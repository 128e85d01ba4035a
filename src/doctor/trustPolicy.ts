// The execution role's trust policy, as a fix changes it: the statement that lets ECS tasks
// (ecs-tasks.amazonaws.com) call sts:AssumeRole, added to the role's own statements, which are
// kept as they are. The statement carries the aws:SourceAccount condition AWS recommends for
// roles a service assumes (the confused-deputy problem): only ECS acting for this account may
// assume the role. An explicit Deny for ECS tasks is the user's decision: no fix overrides it.
//
// Pure module: no vscode, no AWS SDK.

import { ECS_TASKS_PRINCIPAL, parsePolicyDocument, statements, trustsService, type PolicyDocument, type PolicyStatement } from './iamPolicy';

/** The Sid of the statement the fix adds. */
export const ECS_TASKS_TRUST_SID = 'EcsStudioEcsTasksAssumeRole';

/** The statement the fix adds: ECS tasks of this account may assume the role. */
export function ecsTasksTrustStatement(accountId: string | undefined): PolicyStatement {
  return {
    Sid: ECS_TASKS_TRUST_SID,
    Effect: 'Allow',
    Principal: { Service: ECS_TASKS_PRINCIPAL },
    Action: 'sts:AssumeRole',
    ...(accountId ? { Condition: { StringEquals: { 'aws:SourceAccount': accountId } } } : {}),
  };
}

/** True when a Deny statement of the trust policy refuses sts:AssumeRole to ECS tasks. */
export function trustDeniesEcsTasks(doc: PolicyDocument): boolean {
  const denies = statements(doc).filter((s) => s.Effect === 'Deny');
  // A Deny applies where the same statement as an Allow would trust ECS tasks.
  return trustsService({ Statement: denies.map((s) => ({ ...s, Effect: 'Allow' })) });
}

export type TrustChange =
  | { readonly kind: 'trusted' }
  | { readonly kind: 'denied' }
  | { readonly kind: 'unreadable' }
  | { readonly kind: 'add'; readonly document: string };

/**
 * What the trust policy `text` (JSON or URL-encoded, as IAM returns it; undefined: none) needs
 * so ECS tasks can assume the role: nothing, nothing possible (a Deny, unreadable), or the
 * whole new document (its statements kept, ours added).
 */
export function ecsTasksTrustChange(text: string | undefined, accountId: string | undefined): TrustChange {
  const doc: PolicyDocument | undefined = text === undefined ? {} : parsePolicyDocument(text);
  if (!doc) return { kind: 'unreadable' };
  if (trustsService(doc)) return { kind: 'trusted' };
  if (trustDeniesEcsTasks(doc)) return { kind: 'denied' };
  const document = { ...doc, Version: doc.Version ?? '2012-10-17', Statement: [...statements(doc), ecsTasksTrustStatement(accountId)] };
  return { kind: 'add', document: JSON.stringify(document) };
}
