// The ARNs an IAM policy names for what a task definition reads at start: the Secrets Manager
// secret or SSM parameter behind a `valueFrom` (a JSON-key suffix dropped, a parameter name made
// a full ARN in the task's Region and account), the KMS key that encrypts one, an S3
// environment file and its bucket.
//
// Pure module: no vscode, no AWS SDK.

import { parseSecretValueFrom, partitionOfRegion, splitArn, type Partition } from './arns';

/** Where a task reads a secret from, as the execution role's policy must name it. */
export interface SecretResource {
  readonly kind: 'secretsmanager' | 'ssm';
  /** The policy resource: the secret's ARN (no JSON key, stage or version) or the parameter's ARN. */
  readonly arn: string;
  readonly partition: Partition;
  readonly region: string;
  readonly accountId: string;
  /** The parameter's name (SSM), as DescribeParameters takes it. */
  readonly parameterName?: string;
}

/** The task's own Region and account: a parameter given by name lives there. */
export interface TaskPlace {
  readonly region: string;
  readonly accountId: string;
}

/**
 * The secret or parameter a `valueFrom` names, as a policy resource. Undefined when `valueFrom`
 * is not a valid source (the task definition rules report that).
 *
 *   arn:aws:secretsmanager:R:A:secret:db-AbCdEf:password::  -> arn:aws:secretsmanager:R:A:secret:db-AbCdEf
 *   /prod/db-password (task in cn-north-1)                  -> arn:aws-cn:ssm:cn-north-1:A:parameter/prod/db-password
 */
export function secretResource(valueFrom: string, place: TaskPlace): SecretResource | undefined {
  const parsed = parseSecretValueFrom(valueFrom);
  if (!parsed.ok) return undefined;
  const src = parsed.source;
  if (src.kind === 'secretsmanager') {
    return {
      kind: 'secretsmanager', partition: src.partition, region: src.region, accountId: src.accountId,
      arn: `arn:${src.partition}:secretsmanager:${src.region}:${src.accountId}:secret:${src.secretName}`,
    };
  }
  if (src.form === 'arn') {
    return {
      kind: 'ssm', partition: src.partition, region: src.region, accountId: src.accountId, parameterName: parameterNameForApi(src.parameterName),
      arn: `arn:${src.partition}:ssm:${src.region}:${src.accountId}:parameter/${src.parameterName.replace(/^\//, '')}`,
    };
  }
  const partition = partitionOfRegion(place.region);
  return {
    kind: 'ssm', partition, region: place.region, accountId: place.accountId, parameterName: src.parameterName,
    arn: `arn:${partition}:ssm:${place.region}:${place.accountId}:parameter/${src.parameterName.replace(/^\//, '')}`,
  };
}

/**
 * A parameter's name from its ARN: `parameter/prod/db` is `/prod/db` (a name with levels starts
 * with "/"), `parameter/db` is `db`.
 */
function parameterNameForApi(nameInArn: string): string {
  return nameInArn.includes('/') && !nameInArn.startsWith('/') ? `/${nameInArn}` : nameInArn;
}

/** The AWS managed keys: their use needs no kms:Decrypt in the execution role. */
const AWS_MANAGED_ALIASES = ['alias/aws/secretsmanager', 'alias/aws/ssm'];

export type KmsKeyRef =
  /** The key's ARN, ready for a policy. */
  | { readonly kind: 'key'; readonly arn: string }
  /** A customer alias: a policy needs the key it points to, which only KMS can say. */
  | { readonly kind: 'alias'; readonly alias: string }
  | { readonly kind: 'awsManaged' };

/**
 * What a secret's `KmsKeyId` (DescribeSecret) or a parameter's `KeyId` (DescribeParameters)
 * means for the execution role: a key id, key ARN, alias name or alias ARN, in the secret's
 * partition, Region and account when not an ARN.
 */
export function kmsKeyRef(keyId: string, owner: Pick<SecretResource, 'partition' | 'region' | 'accountId'>): KmsKeyRef {
  const arn = splitArn(keyId);
  const resource = arn ? arn.resource : keyId;
  if (resource.startsWith('alias/')) {
    return AWS_MANAGED_ALIASES.includes(resource) || resource.startsWith('alias/aws/') ? { kind: 'awsManaged' } : { kind: 'alias', alias: keyId };
  }
  if (arn) return { kind: 'key', arn: keyId };
  const id = resource.startsWith('key/') ? resource.slice('key/'.length) : resource;
  return { kind: 'key', arn: `arn:${owner.partition}:kms:${owner.region}:${owner.accountId}:key/${id}` };
}

/** An environment file's object ARN and its bucket's ARN; undefined when `value` is no S3 object ARN. */
export function s3ObjectAndBucket(value: string): { object: string; bucket: string } | undefined {
  const arn = splitArn(value);
  if (!arn || arn.service !== 's3') return undefined;
  const slash = arn.resource.indexOf('/');
  if (slash <= 0) return undefined;
  return { object: value, bucket: `arn:${arn.partition}:s3:::${arn.resource.slice(0, slash)}` };
}
