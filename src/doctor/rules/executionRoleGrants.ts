// Section 3, the execution role's grants on named resources: what AmazonECSTaskExecutionRolePolicy
// does not cover. Each secret or parameter the task reads at start (container secrets, log
// driver secret options, registry credentials) needs secretsmanager:GetSecretValue or
// ssm:GetParameters on its ARN, and kms:Decrypt on a customer managed key that encrypts it; an
// environment file needs s3:GetObject and s3:GetBucketLocation. (logs:CreateLogGroup matters
// only while an awslogs-create-group log group is missing: logs.ts reports that, and its fix
// creates the group, so it is not granted here as a second remedy for the same cause.) One finding per resource, naming it and what needs it;
// the fix is ECS Studio's inline policy (src/doctor/inlinePolicy.ts) with exactly those grants.
//
// Pure module: no vscode, no AWS SDK.

import { kmsKeyRef, s3ObjectAndBucket, secretResource, type SecretResource, type TaskPlace } from '../../model/secretArns';
import type { DiagnosisCode } from '../codes';
import { evaluateGrants, type Grant } from '../iamPolicy';
import type { SnapshotTaskDefinition } from '../snapshot';
import type { Context, Draft } from './context';
import { notCollected } from './gaps';

/** A secret or parameter the task reads at start, and what reads it. */
export interface SecretRead {
  readonly valueFrom: string;
  readonly source: SecretResource;
  /** "secret DB_PASSWORD of container web" */
  readonly purpose: string;
  readonly affects: readonly DiagnosisCode[];
}

/** Every secret and parameter the task definition reads at start (valid `valueFrom`s only). */
export function secretReads(td: SnapshotTaskDefinition, place: TaskPlace): SecretRead[] {
  const reads: SecretRead[] = [];
  const add = (valueFrom: string, purpose: string, affects: readonly DiagnosisCode[]) => {
    const source = secretResource(valueFrom, place);
    if (source) reads.push({ valueFrom, source, purpose, affects });
  };
  for (const c of td.containers) {
    for (const secret of c.secrets ?? []) add(secret.valueFrom, `secret ${secret.name} of container ${c.name}`, ['SECRETS_ACCESS_DENIED']);
    for (const option of c.logConfiguration?.secretOptions ?? []) {
      add(option.valueFrom, `log driver option ${option.name} of container ${c.name}`, ['SECRETS_ACCESS_DENIED']);
    }
    if (c.repositoryCredentials) add(c.repositoryCredentials.credentialsParameter, `the registry credentials of container ${c.name}`, ['SECRETS_ACCESS_DENIED', 'REGISTRY_CREDENTIALS_FAILED']);
  }
  return reads;
}

/** One grant the execution role needs, and why. */
interface Need {
  readonly grant: Grant;
  /** "secret arn:...", "KMS key arn:...", "S3 object arn:...": the finding's title says it. */
  readonly what: string;
  readonly purpose: string;
  readonly affects: readonly DiagnosisCode[];
}

/** The grants on named resources the task needs, and the keys that could not be turned into ARNs. */
function resourceNeeds(ctx: Context): { needs: Need[]; drafts: Draft[]; reads: SecretRead[] } {
  const s = ctx.s;
  const place = { region: s.region, accountId: s.accountId };
  const needs: Need[] = [];
  const drafts: Draft[] = [];
  const reads = secretReads(s.taskDefinition, place);
  for (const read of reads) {
    const info = s.secrets?.find((i) => i.arn === read.source.arn);
    const resource = info?.fullArn ?? read.source.arn;
    const secretManager = read.source.kind === 'secretsmanager';
    const what = `${secretManager ? 'secret' : 'parameter'} ${resource}`;
    needs.push({ grant: { action: secretManager ? 'secretsmanager:GetSecretValue' : 'ssm:GetParameters', resource }, what, purpose: read.purpose, affects: read.affects });
    if (!info?.kmsKeyId) continue;
    const key = kmsKeyRef(info.kmsKeyId, read.source);
    if (key.kind === 'key') {
      needs.push({ grant: { action: 'kms:Decrypt', resource: key.arn }, what: `KMS key ${key.arn}`, purpose: `${read.purpose} (the key of ${what})`, affects: read.affects });
    } else if (key.kind === 'alias' && !ctx.gapped.has('secrets')) {
      drafts.push({
        code: 'COULD_NOT_CHECK', resource: `kms:${key.alias}`, affects: [], remedies: [],
        evidence: [`The ${what} (${read.purpose}) is encrypted with the customer managed key ${key.alias}. ECS Studio does not resolve KMS aliases, so ` +
          'whether the execution role may use it was not checked: the role needs kms:Decrypt on the ARN of the key the alias names.'],
      });
    }
  }
  for (const c of s.taskDefinition.containers) {
    for (const file of c.environmentFiles ?? []) {
      const arns = s3ObjectAndBucket(file.value);
      if (!arns) continue;
      const purpose = `the environment file of container ${c.name}`;
      needs.push({ grant: { action: 's3:GetObject', resource: arns.object }, what: `S3 object ${arns.object}`, purpose, affects: ['ENV_FILES_FAILED'] });
      needs.push({ grant: { action: 's3:GetBucketLocation', resource: arns.bucket }, what: `S3 bucket ${arns.bucket}`, purpose, affects: ['ENV_FILES_FAILED'] });
    }
  }
  return { needs, drafts, reads };
}

/** The purposes the named-resource grants serve ("secret DB of container web"), for EXECUTION_ROLE_MISSING. */
export function resourcePurposes(ctx: Context): string[] {
  return [...new Set(resourceNeeds(ctx).needs.map((n) => n.purpose))];
}

function joinUnique(items: readonly string[]): string {
  return [...new Set(items)].join(', ');
}

/**
 * One finding per resource the role cannot use as the task needs: names the resource, the
 * missing actions and what needs them. The remedy grants exactly those through the inline
 * policy, unless an explicit Deny refuses them (an Allow would not help).
 */
export function executionRoleGrants(ctx: Context): Draft[] {
  const role = ctx.s.executionRole;
  if (!role?.exists || role.attachedPolicyArns === undefined) return [];
  const { needs, drafts, reads } = resourceNeeds(ctx);
  if (reads.length > 0 && ctx.s.secrets === undefined) drafts.push(...notCollected(ctx, 'secrets'));
  if (needs.length === 0) return drafts;
  const verdict = evaluateGrants(needs.map((n) => n.grant), role.attachedPolicyArns, role.policyDocuments ?? []);
  const missing = (n: Need) => verdict.missing.some((g) => g.action === n.grant.action && g.resource === n.grant.resource);
  const byResource = new Map<string, Need[]>();
  for (const n of needs.filter(missing)) byResource.set(n.grant.resource, [...(byResource.get(n.grant.resource) ?? []), n]);
  const unsure = verdict.unknownPolicies.length > 0;
  for (const [resource, list] of byResource) {
    const actions = [...new Set(list.map((n) => n.grant.action))];
    const denials = verdict.denied.filter((d) => d.grant.resource === resource);
    const first = list[0]!;
    drafts.push({
      code: 'EXECUTION_ROLE_MISSING_POLICY',
      resource,
      title: `The task execution role cannot use ${first.what}`,
      severity: unsure && denials.length === 0 ? 'warning' : 'error',
      evidence: [
        `${role.name} is not granted ${actions.join(', ')} on ${resource}, needed for ${joinUnique(list.map((n) => n.purpose))}.`,
        ...denials.map((d) => `An explicit Deny in ${d.policy} refuses ${d.grant.action} on it: an Allow cannot override it, so remove or narrow that statement.`),
        ...(unsure ? [`The content of ${verdict.unknownPolicies.join(', ')} was not read: ${verdict.unknownPolicies.length === 1 ? 'it' : 'they'} may grant this.`] : []),
      ],
      affects: [...new Set(list.flatMap((n) => n.affects))],
      remedies: denials.length > 0 ? [] : actions.map((action) => ({ kind: 'inlineGrant' as const, roleName: role.name, action, resource })),
    });
  }
  return drafts;
}
