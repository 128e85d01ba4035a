// The execution role's grants on named resources, called directly on the rule (no analyze): each
// grant is judged on its own action and resource, an environment file's object and bucket are
// findings of their own with their titles and causes, a value that is no S3 object ARN needs
// nothing, and a KMS alias is "could not check" only while the secrets were read.
import * as assert from 'node:assert/strict';
import { buildContext } from '../../../../src/doctor/rules/context';
import { executionRoleGrants } from '../../../../src/doctor/rules/executionRoleGrants';
import type { SecretInfo, ServiceSnapshot } from '../../../../src/doctor/snapshot';
import { TUTORIAL } from '../../../support/tutorialWorld';
import { ACCOUNT, fixedTutorialSnapshot, REGION, withChanges, withContainer } from '../snapshotBuilder';

const ROLE = TUTORIAL.executionRoleName;
const OBJECT = 'arn:aws:s3:::config-bucket/app.env';
const BUCKET = 'arn:aws:s3:::config-bucket';
const SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/db-AbCdEf`;

type Role = NonNullable<ServiceSnapshot['executionRole']>;

function drafts(s: ServiceSnapshot) {
  return executionRoleGrants(buildContext(s));
}

function withEnvFiles(values: string[], policy?: object): ServiceSnapshot {
  const s = withContainer(fixedTutorialSnapshot(), { environmentFiles: values.map((value) => ({ value, type: 's3' })) });
  if (!policy) return s;
  return withChanges(s, { executionRole: { ...(s.executionRole as Role), policyDocuments: [{ name: 'env', document: JSON.stringify(policy) }] } });
}

describe('doctor/rules/executionRoleGrants: each grant on its own', () => {
  it('an environment file: the object and its bucket are a finding each, titled by what they are, for ENV_FILES_FAILED', () => {
    const found = drafts(withEnvFiles([OBJECT]));
    assert.deepEqual(found.map((d) => [d.resource, d.title, d.severity, d.affects, d.remedies]), [
      [OBJECT, `The task execution role cannot use S3 object ${OBJECT}`, 'error', ['ENV_FILES_FAILED'], [{ kind: 'inlineGrant', roleName: ROLE, action: 's3:GetObject', resource: OBJECT }]],
      [BUCKET, `The task execution role cannot use S3 bucket ${BUCKET}`, 'error', ['ENV_FILES_FAILED'], [{ kind: 'inlineGrant', roleName: ROLE, action: 's3:GetBucketLocation', resource: BUCKET }]],
    ]);
  });

  it('a policy granting one of the two leaves only the other; the action alone or the resource alone is not a grant', () => {
    const objectOnly = drafts(withEnvFiles([OBJECT], { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: OBJECT }] }));
    assert.deepEqual(objectOnly.map((d) => d.resource), [BUCKET]);
    const wrongResource = drafts(withEnvFiles([OBJECT], { Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:GetBucketLocation'], Resource: 'arn:aws:s3:::other/*' }] }));
    assert.deepEqual(wrongResource.map((d) => d.resource), [OBJECT, BUCKET]);
  });

  it('a value that is no S3 object ARN (a bucket alone, another service) needs no grant', () => {
    assert.deepEqual(drafts(withEnvFiles([BUCKET, `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/x`])), []);
  });

  it('a customer KMS alias: could not check, with no cause and no remedy; not said again when the secrets were not read', () => {
    const info: SecretInfo = { arn: SECRET, kind: 'secretsmanager', exists: true, fullArn: SECRET, kmsKeyId: 'alias/app' };
    const s = withChanges(withContainer(fixedTutorialSnapshot(), { secrets: [{ name: 'DB', valueFrom: SECRET }] }), { secrets: [info] });
    const alias = drafts(s).find((d) => d.code === 'COULD_NOT_CHECK');
    assert.deepEqual(alias && [alias.resource, alias.affects, alias.remedies, alias.evidence], ['kms:alias/app', [], [], [
      `The secret ${SECRET} (secret DB of container ${TUTORIAL.containerName}) is encrypted with the customer managed key alias/app. ECS Studio does not resolve KMS aliases, so ` +
      'whether the execution role may use it was not checked: the role needs kms:Decrypt on the ARN of the key the alias names.',
    ]]);
    const gapped = withChanges(s, { gaps: [{ subject: 'secrets', resource: SECRET, reason: 'AccessDenied' }] });
    assert.deepEqual(drafts(gapped).filter((d) => d.resource === 'kms:alias/app'), []);
  });
});
