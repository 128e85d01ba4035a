// IAM role references and secret sources, as ECS accepts them in a task definition.
//
// Roles: `taskRoleArn` takes "the short name or full ARN"; `executionRoleArn` is documented as
// an ARN. Role names are 1-64 of `A-Za-z0-9+=,.@_-`; a role ARN is
// `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME` (IAM ARNs carry no region).
//
// Secrets: `valueFrom` is the full ARN of a Secrets Manager secret
// (`arn:PARTITION:secretsmanager:REGION:ACCOUNT:secret:NAME[:json-key:version-stage:version-id]`),
// or an SSM Parameter Store parameter: its full ARN (`arn:PARTITION:ssm:REGION:ACCOUNT:parameter/NAME`),
// or, when it lives in the task's own Region, just its name.

import { describeBadCharacters, quote } from '../util/wording';

export const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'] as const;
export type Partition = (typeof PARTITIONS)[number];

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;
const ROLE_NAME_CHAR = /[\w+=,.@-]/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
const ROLE_PATH = /^\/(?:[\u0021-\u007E]*\/)?$/;

export function isRegionName(text: string): boolean {
  return REGION.test(text);
}

/** The partition a Region belongs to (for the three partitions this package knows). */
export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

/** Splits `arn:partition:service:region:account:resource` (resource may contain ':'). */
export function splitArn(text: string): ArnParts | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return {
    partition: parts[1],
    service: parts[2],
    region: parts[3],
    accountId: parts[4],
    resource: parts.slice(5).join(':'),
  };
}

export type RoleReference =
  | { ok: true; kind: 'arn'; name: string; path: string; accountId: string; partition: Partition; arn: string }
  | { ok: true; kind: 'name'; name: string }
  | { ok: false; code: string; message: string };

const ROLE_EXAMPLE = 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole';

/** Parses a role given as a full ARN or a bare name. `what` names the field in messages ("The task role"). */
export function parseRoleReference(input: string, what: string): RoleReference {
  const text = input.trim();
  if (text !== input) {
    return { ok: false, code: 'ROLE_INVALID', message: `${what} has spaces around it: remove them.` };
  }
  if (!text.startsWith('arn:')) {
    if (text.includes(':') || text.includes('/')) {
      return { ok: false, code: 'ROLE_INVALID', message: `${what} should be a role name such as ecsTaskExecutionRole or a role ARN such as ${ROLE_EXAMPLE}.` };
    }
    if (!ROLE_NAME.test(text)) {
      if (text.length > 64) return { ok: false, code: 'ROLE_INVALID', message: `${what} name is ${text.length} characters long: IAM role names have at most 64.` };
      return { ok: false, code: 'ROLE_INVALID', message: `${what} name can't contain ${describeBadCharacters(text, ROLE_NAME_CHAR)}: IAM role names use letters, digits and + = , . @ _ -.` };
    }
    return { ok: true, kind: 'name', name: text };
  }
  const arn = splitArn(text);
  if (!arn) return { ok: false, code: 'ROLE_ARN_INVALID', message: `${what} ARN is incomplete: a role ARN looks like ${ROLE_EXAMPLE}.` };
  if (!(PARTITIONS as readonly string[]).includes(arn.partition)) {
    return { ok: false, code: 'ROLE_ARN_INVALID', message: `${what} ARN starts with arn:${arn.partition}: the partition must be aws, aws-cn or aws-us-gov.` };
  }
  if (arn.service !== 'iam') {
    return { ok: false, code: 'ROLE_ARN_INVALID', message: `${what} ARN points at ${arn.service}, not IAM: use the role's ARN, like ${ROLE_EXAMPLE}.` };
  }
  if (arn.region !== '') {
    return { ok: false, code: 'ROLE_ARN_INVALID', message: `${what} ARN has a Region (${arn.region}), but IAM ARNs have none: arn:${arn.partition}:iam::ACCOUNT:role/NAME.` };
  }
  if (!ACCOUNT.test(arn.accountId)) {
    return { ok: false, code: 'ROLE_ARN_INVALID', message: `${what} ARN's account ${quote(arn.accountId)} must be 12 digits.` };
  }
  const resource = arn.resource;
  if (!resource.startsWith('role/')) {
    const kind = resource.split('/')[0];
    return { ok: false, code: 'ROLE_ARN_INVALID', message: `${what} ARN names an IAM ${kind || 'resource'}, not a role: it should read ...:role/NAME.` };
  }
  const pathAndName = resource.slice('role'.length);
  const lastSlash = pathAndName.lastIndexOf('/');
  const name = pathAndName.slice(lastSlash + 1);
  const path = pathAndName.slice(0, lastSlash + 1);
  if (name === '') return { ok: false, code: 'ROLE_ARN_INVALID', message: `${what} ARN ends without a role name after role/.` };
  if (!ROLE_NAME.test(name)) {
    if (name.length > 64) return { ok: false, code: 'ROLE_ARN_INVALID', message: `The role name in ${what.toLowerCase()} ARN is ${name.length} characters long: IAM role names have at most 64.` };
    return { ok: false, code: 'ROLE_ARN_INVALID', message: `The role name ${quote(name)} can't contain ${describeBadCharacters(name, ROLE_NAME_CHAR)}: IAM role names use letters, digits and + = , . @ _ -.` };
  }
  if (path.length > 512 || !ROLE_PATH.test(path)) {
    return { ok: false, code: 'ROLE_ARN_INVALID', message: `The role path ${quote(path)} isn't valid: a path starts and ends with "/" and uses printable characters.` };
  }
  return { ok: true, kind: 'arn', name, path, accountId: arn.accountId, partition: arn.partition as Partition, arn: text };
}

export type SecretSource =
  | {
    kind: 'secretsmanager';
    partition: Partition;
    region: string;
    accountId: string;
    secretName: string;
    jsonKey?: string;
    versionStage?: string;
    versionId?: string;
  }
  | { kind: 'ssm'; form: 'arn'; partition: Partition; region: string; accountId: string; parameterName: string }
  | { kind: 'ssm'; form: 'name'; parameterName: string };

export type SecretSourceResult = { ok: true; source: SecretSource } | { ok: false; code: string; message: string };

const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const PARAMETER_NAME_CHAR = /[A-Za-z0-9_.\-/]/;
const PARAMETER_NAME = /^[A-Za-z0-9_.\-/]+$/;
const VALUE_FROM_HELP = 'Use a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME) or an SSM parameter ARN (arn:aws:ssm:REGION:ACCOUNT:parameter/NAME) or name (/my/parameter).';

function secretFail(message: string): SecretSourceResult {
  return { ok: false, code: 'SECRET_VALUE_FROM_INVALID', message };
}

function checkParameterName(name: string): string | undefined {
  if (name === '') return 'The parameter name is empty.';
  if (name.length > 1011) return `The parameter name is ${name.length} characters long: SSM allows up to 1011.`;
  if (!PARAMETER_NAME.test(name)) {
    return `An SSM parameter name can't contain ${describeBadCharacters(name, PARAMETER_NAME_CHAR)}: use letters, digits, "_", ".", "-" and "/".`;
  }
  if (name.includes('//')) return 'An SSM parameter name can\'t contain "//".';
  const levels = name.replace(/^\//, '').split('/').length;
  if (levels > 15) return `The parameter name has ${levels} levels: SSM allows at most 15.`;
  return undefined;
}

function checkRegionAndAccount(arn: ArnParts, what: string): string | undefined {
  if (!(PARTITIONS as readonly string[]).includes(arn.partition)) {
    return `The ${what} ARN starts with arn:${arn.partition}: the partition must be aws, aws-cn or aws-us-gov.`;
  }
  if (!isRegionName(arn.region)) {
    return `The ${what} ARN's Region ${quote(arn.region)} isn't a Region name like ap-northeast-2.`;
  }
  if (partitionOfRegion(arn.region) !== arn.partition) {
    return `The ${what} ARN says arn:${arn.partition} but its Region ${arn.region} belongs to arn:${partitionOfRegion(arn.region)}.`;
  }
  if (!ACCOUNT.test(arn.accountId)) {
    return `The ${what} ARN's account ${quote(arn.accountId)} must be 12 digits.`;
  }
  return undefined;
}

export function parseSecretValueFrom(input: string): SecretSourceResult {
  const text = input;
  if (text.trim() === '') return { ok: false, code: 'SECRET_VALUE_FROM_REQUIRED', message: `Say where the secret comes from. ${VALUE_FROM_HELP}` };
  if (/\s/.test(text)) return secretFail(`The secret source can't contain ${describeBadCharacters(text, /\S/)}. ${VALUE_FROM_HELP}`);
  if (text.startsWith('arn:')) {
    const arn = splitArn(text);
    if (!arn) return secretFail(`This ARN is incomplete. ${VALUE_FROM_HELP}`);
    if (arn.service === 'secretsmanager') {
      const problem = checkRegionAndAccount(arn, 'secret');
      if (problem) return secretFail(problem);
      if (!arn.resource.startsWith('secret:')) return secretFail('A Secrets Manager ARN continues with secret:NAME after the account.');
      const [secretName, jsonKey, versionStage, versionId, ...extra] = arn.resource.slice('secret:'.length).split(':');
      if (extra.length > 0) return secretFail('After the secret name, a Secrets Manager ARN can only add :json-key:version-stage:version-id.');
      if (!SECRET_NAME.test(secretName)) {
        return secretFail(`The secret name ${quote(secretName)} isn't valid: Secrets Manager names use letters, digits and / _ + = . @ -.`);
      }
      if (versionStage && versionId) return secretFail('Give either a version stage or a version id after the secret name, not both.');
      const source: SecretSource = { kind: 'secretsmanager', partition: arn.partition as Partition, region: arn.region, accountId: arn.accountId, secretName };
      if (jsonKey) source.jsonKey = jsonKey;
      if (versionStage) source.versionStage = versionStage;
      if (versionId) source.versionId = versionId;
      return { ok: true, source };
    }
    if (arn.service === 'ssm') {
      const problem = checkRegionAndAccount(arn, 'parameter');
      if (problem) return secretFail(problem);
      if (!arn.resource.startsWith('parameter/')) return secretFail('An SSM parameter ARN continues with parameter/NAME after the account.');
      const parameterName = arn.resource.slice('parameter/'.length);
      const nameProblem = checkParameterName(parameterName);
      if (nameProblem) return secretFail(nameProblem);
      return { ok: true, source: { kind: 'ssm', form: 'arn', partition: arn.partition as Partition, region: arn.region, accountId: arn.accountId, parameterName } };
    }
    return secretFail(`This ARN points at ${arn.service}: secrets come from Secrets Manager or SSM Parameter Store. ${VALUE_FROM_HELP}`);
  }
  const nameProblem = checkParameterName(text);
  if (nameProblem) return secretFail(`${nameProblem} ${VALUE_FROM_HELP}`);
  return { ok: true, source: { kind: 'ssm', form: 'name', parameterName: text } };
}
