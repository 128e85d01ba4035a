// Resource-level policy evaluation (an action on one ARN: wildcards, NotResource, explicit Deny)
// and ECS Studio's inline policy built from grants (a new one, or the union with the one there).
import * as assert from 'node:assert/strict';
import { evaluateGrants, resourceMatches } from '../../../src/doctor/iamPolicy';
import { documentGrantsAll, EXECUTION_INLINE_POLICY_NAME, mergeGrants, statementId } from '../../../src/doctor/inlinePolicy';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf';
const OTHER = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-XyZ123';
const GET = { action: 'secretsmanager:GetSecretValue', resource: SECRET };

function doc(...statements: object[]): { name: string; document: string } {
  return { name: 'inline', document: JSON.stringify({ Version: '2012-10-17', Statement: statements }) };
}

describe('doctor/iamPolicy: resource-level grants', () => {
  it('resourceMatches: exact, * and ? wildcards, case-sensitive', () => {
    assert.ok(resourceMatches(SECRET, SECRET));
    assert.ok(resourceMatches('*', SECRET));
    assert.ok(resourceMatches('arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/*', SECRET));
    assert.ok(resourceMatches('arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-??????', SECRET));
    assert.ok(!resourceMatches('arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-?????', SECRET));
    assert.ok(!resourceMatches('arn:aws:secretsmanager:eu-west-1:123456789012:secret:PROD/*', SECRET));
    assert.ok(!resourceMatches('arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db', SECRET));
    assert.ok(resourceMatches('arn:aws:s3:::b.x/*', 'arn:aws:s3:::b.x/k'), 'a dot is a dot');
    assert.ok(!resourceMatches('arn:aws:s3:::b.x/*', 'arn:aws:s3:::bXx/k'));
  });

  it('an Allow on *, on the ARN, or on a matching pattern grants it; one on another secret does not', () => {
    const verdict = (...statements: object[]) => evaluateGrants([GET], [], [doc(...statements)]);
    assert.deepEqual(verdict({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }).allowed, [GET]);
    assert.deepEqual(verdict({ Effect: 'Allow', Action: 'secretsmanager:Get*', Resource: [OTHER, SECRET] }).allowed, [GET]);
    assert.deepEqual(verdict({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:secretsmanager:*:123456789012:secret:prod/*' }).allowed, [GET]);
    assert.deepEqual(verdict({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: OTHER }).missing, [GET]);
    assert.deepEqual(verdict({ Effect: 'Allow', Action: 'ssm:GetParameters', Resource: '*' }).missing, [GET]);
    assert.deepEqual(verdict({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', NotResource: OTHER }).allowed, [GET]);
    assert.deepEqual(verdict({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', NotResource: 'arn:aws:secretsmanager:*' }).missing, [GET]);
    assert.deepEqual(verdict({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }).allowed, [GET]);
  });

  it('an explicit Deny matching the ARN wins and names its policy; a Deny on another resource or with a condition does not', () => {
    const allow = { Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' };
    const denied = evaluateGrants([GET], [], [doc(allow, { Effect: 'Deny', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:*:*:secret:prod/*' })]);
    assert.deepEqual(denied.missing, [GET]);
    assert.deepEqual(denied.denied, [{ grant: GET, policy: 'inline' }]);
    assert.deepEqual(evaluateGrants([GET], [], [doc(allow, { Effect: 'Deny', Action: 'secretsmanager:GetSecretValue', Resource: OTHER })]).allowed, [GET]);
    const conditional = { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    assert.deepEqual(evaluateGrants([GET], [], [doc(allow, conditional)]).allowed, [GET]);
  });

  it('known managed policies grant on *; an unknown attached policy without its document is reported', () => {
    assert.deepEqual(evaluateGrants([GET], ['arn:aws:iam::aws:policy/SecretsManagerReadWrite'], []).allowed, [GET]);
    assert.deepEqual(evaluateGrants([GET], ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'], []).missing, [GET]);
    const unknown = evaluateGrants([GET], ['arn:aws:iam::123456789012:policy/custom'], []);
    assert.deepEqual(unknown.unknownPolicies, ['arn:aws:iam::123456789012:policy/custom']);
    assert.deepEqual(evaluateGrants([GET], ['arn:aws:iam::123456789012:policy/custom'], [{ name: 'arn:aws:iam::123456789012:policy/custom', document: '{}' }]).unknownPolicies, []);
  });
});

describe('doctor/inlinePolicy', () => {
  const KEY = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

  it('a new policy: one statement per action, exactly the resources given', () => {
    assert.equal(EXECUTION_INLINE_POLICY_NAME, 'ecs-studio-execution-secrets');
    assert.deepEqual(mergeGrants(undefined, [GET, { action: 'kms:Decrypt', resource: KEY }, { action: 'secretsmanager:GetSecretValue', resource: OTHER }]), {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'EcsStudioSecretsmanagerGetSecretValue', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET, OTHER] },
        { Sid: 'EcsStudioKmsDecrypt', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [KEY] },
      ],
    });
    assert.equal(statementId('ssm:GetParameters'), 'EcsStudioSsmGetParameters');
  });

  it('the union with the existing policy (URL-encoded as AWS returns it): its statements kept, ours extended, nothing granted twice', () => {
    const existing = encodeURIComponent(JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Theirs', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
        { Sid: 'EcsStudioSecretsmanagerGetSecretValue', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [OTHER] },
      ],
    }));
    const merged = mergeGrants(existing, [GET, { action: 'secretsmanager:GetSecretValue', resource: OTHER }, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/app.env' }]);
    assert.deepEqual(merged.Statement, [
      { Sid: 'Theirs', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
      { Sid: 'EcsStudioSecretsmanagerGetSecretValue', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [OTHER, SECRET] },
    ]);
    assert.ok(documentGrantsAll(JSON.stringify(merged), [GET]));
    assert.ok(!documentGrantsAll(existing, [GET]));
    assert.ok(!documentGrantsAll(undefined, [GET]));
  });
});
