// The execution role's inline policy: statement ids per action, the union with the document
// already there (only unconditional Allows count as granted; ECS Studio's own statement grows,
// others' statements are kept), and whether a document alone grants every grant.
import * as assert from 'node:assert/strict';
import { documentGrantsAll, mergeGrants, statementId } from '../../../src/doctor/inlinePolicy';

const SECRET = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf';
const OTHER = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:api-XyZ123';
const GET = { action: 'secretsmanager:GetSecretValue', resource: SECRET };
const GET_OTHER = { action: 'secretsmanager:GetSecretValue', resource: OTHER };
const SID = 'EcsStudioSecretsmanagerGetSecretValue';
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

describe('doctor/inlinePolicy', () => {
  it('statement ids: service capitalised, non-alphanumerics dropped', () => {
    assert.equal(statementId('secretsmanager:GetSecretValue'), SID);
    assert.equal(statementId('s3:GetObject'), 'EcsStudioS3GetObject');
    assert.equal(statementId('ecr-public:Get-Auth*'), 'EcsStudioEcrpublicGetAuth');
  });

  it('no document yet: one statement per action, the 2012-10-17 version', () => {
    assert.deepEqual(mergeGrants(undefined, [GET, GET_OTHER, { action: 'kms:Decrypt', resource: 'arn:aws:kms:us-east-1:123456789012:key/k' }]), {
      Version: '2012-10-17',
      Statement: [
        { Sid: SID, Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET, OTHER] },
        { Sid: 'EcsStudioKmsDecrypt', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['arn:aws:kms:us-east-1:123456789012:key/k'] },
      ],
    });
  });

  it('ECS Studio\'s statement (a single Resource string) grows; the document\'s version is kept', () => {
    const existing = JSON.stringify({ Version: '2008-10-17', Statement: { Sid: SID, Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET } });
    assert.deepEqual(mergeGrants(existing, [GET, GET_OTHER]), {
      Version: '2008-10-17',
      Statement: [{ Sid: SID, Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: [SECRET, OTHER] }],
    });
  });

  it('a conditional Allow or a Deny does not grant: the grant gets its own unconditional statement, theirs are kept', () => {
    const conditional = { Sid: 'TlsOnly', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } };
    const deny = { Sid: 'NoOther', Effect: 'Deny', Action: 'secretsmanager:GetSecretValue', Resource: '*' };
    const merged = mergeGrants(doc(conditional, deny), [GET]);
    assert.deepEqual(merged.Statement, [conditional, deny, { Sid: SID, Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET] }]);
  });

  it('ECS Studio\'s id held by a statement it cannot grow: the new statement is numbered, never a second statement of that id', () => {
    const conditional = { Sid: SID, Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } };
    const mine2 = { Sid: `${SID}2`, Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET] };
    assert.deepEqual(mergeGrants(doc(conditional), [GET]).Statement, [conditional, mine2]);
    const deny2 = { Sid: `${SID}2`, Effect: 'Deny', Action: 'secretsmanager:GetSecretValue', Resource: OTHER };
    assert.deepEqual(mergeGrants(doc(conditional, deny2), [GET]).Statement,
      [conditional, deny2, { Sid: `${SID}3`, Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET] }]);
  });

  it('a second run grows the numbered statement it made; an id that only starts like ECS Studio\'s is someone else\'s', () => {
    const conditional = { Sid: SID, Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } };
    const mine2 = { Sid: `${SID}2`, Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET] };
    assert.deepEqual(mergeGrants(doc(conditional, mine2), [GET, GET_OTHER]).Statement, [conditional, { ...mine2, Resource: [SECRET, OTHER] }]);
    const noSid = { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' };
    for (const n of ['10', '100']) {
      const mine = { ...mine2, Sid: `${SID}${n}` };
      assert.deepEqual(mergeGrants(doc(noSid, mine), [GET_OTHER]).Statement, [noSid, { ...mine, Resource: [SECRET, OTHER] }], n);
    }
    for (const sid of [`${SID}1`, `${SID}02`, `${SID}Old`]) {
      const theirs = { ...mine2, Sid: sid };
      assert.deepEqual(mergeGrants(doc(theirs), [GET_OTHER]).Statement,
        [theirs, { Sid: SID, Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [OTHER] }], sid);
    }
  });

  it('a grant already allowed is left alone', () => {
    const wide = { Sid: 'Mine', Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' };
    assert.deepEqual(mergeGrants(doc(wide), [GET]).Statement, [wide]);
  });

  it('documentGrantsAll: every grant, each by an unconditional Allow; no document grants nothing', () => {
    const one = doc({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET });
    assert.equal(documentGrantsAll(one, [GET]), true);
    assert.equal(documentGrantsAll(one, [GET, GET_OTHER]), false);
    assert.equal(documentGrantsAll(doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { x: 'true' } } }), [GET]), false);
    assert.equal(documentGrantsAll(doc({ Effect: 'Deny', Action: '*', Resource: '*' }), [GET]), false);
    assert.equal(documentGrantsAll(undefined, [GET]), false);
    assert.equal(documentGrantsAll('not json', [GET]), false);
  });
});
