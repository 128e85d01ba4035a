// IAM policy evaluation as the doctor reads it: an explicit Deny beats any Allow (in a trust
// policy and in permissions), a Deny with a condition is not counted, `*` and `?` wildcards in
// actions (case-insensitive) and resources (case-sensitive), NotAction and NotResource, and
// policy documents as IAM returns them (URL-encoded) (mutation testing, docs/mutation.md).
import * as assert from 'node:assert/strict';
import {
  actionMatches, evaluateActions, evaluateGrants, parsePolicyDocument, resourceMatches, statementCoversGrant, trustsService,
} from '../../../src/doctor/iamPolicy';
import type { PolicyDocument, PolicyStatement } from '../../../src/doctor/iamPolicy';

const SECRET = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:db-AbCdEf';
const ECS = { Service: 'ecs-tasks.amazonaws.com' };

function doc(...Statement: PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement });
}

describe('IAM policy evaluation', () => {
  describe('wildcards', () => {
    const actions: Array<[string, string, boolean]> = [
      ['ecr:*', 'ecr:BatchGetImage', true],
      ['ECR:batchgetimage', 'ecr:BatchGetImage', true],
      ['ecr:Get*', 'ecr:BatchGetImage', false],
      ['ecr:BatchGetImag?', 'ecr:BatchGetImage', true],
      ['ecr:BatchGetImag?', 'ecr:BatchGetImag', false],
      ['ecr:BatchGetIma??', 'ecr:BatchGetImage', true],
      ['ecr:Batch?etImage', 'ecr:BatchXXetImage', false],
      ['*', 'logs:PutLogEvents', true],
      ['ecr.BatchGetImage', 'ecrxBatchGetImage', false],
      ['logs:Put', 'logs:PutLogEvents', false],
    ];
    for (const [pattern, action, want] of actions) {
      it(`action ${pattern} ${want ? 'matches' : 'does not match'} ${action}`, () => assert.equal(actionMatches(pattern, action), want));
    }
    const resources: Array<[string, string, boolean]> = [
      ['*', SECRET, true],
      ['arn:aws:secretsmanager:eu-west-2:123456789012:secret:db-*', SECRET, true],
      ['arn:aws:secretsmanager:eu-west-2:123456789012:secret:db-??????', SECRET, true],
      ['arn:aws:secretsmanager:eu-west-2:123456789012:secret:db-?????', SECRET, false],
      ['arn:aws:secretsmanager:*:secret:db-AbCdEf', SECRET, true],
      ['arn:aws:secretsmanager:eu-west-2:123456789012:secret:DB-AbCdEf', SECRET, false],
      ['arn:aws:secretsmanager:eu-west-2:123456789012:secret:db', SECRET, false],
      ['arn:aws:secretsmanager:eu-west-2:123456789012:secret:db-AbCdEf+', `${SECRET}+`, true],
      ['arn:aws:secretsmanager:eu-west-2:123456789012:secret:db.AbCdEf', SECRET, false],
    ];
    for (const [pattern, arn, want] of resources) {
      it(`resource ${pattern} ${want ? 'matches' : 'does not match'} ${arn}`, () => assert.equal(resourceMatches(pattern, arn), want));
    }
  });

  describe('the trust policy', () => {
    const allow: PolicyStatement = { Effect: 'Allow', Principal: ECS, Action: 'sts:AssumeRole' };
    const cases: Array<[string, PolicyDocument, boolean]> = [
      ['an Allow for ecs-tasks', { Statement: [allow] }, true],
      ['a single statement, not a list', { Statement: allow }, true],
      ['an Allow for sts:*', { Statement: [{ ...allow, Action: 'sts:*' }] }, true],
      ['an Allow for sts:AssumeRol?', { Statement: [{ ...allow, Action: 'sts:AssumeRol?' }] }, true],
      ['an Allow for another action only', { Statement: [{ ...allow, Action: 'sts:TagSession' }] }, false],
      ['an Allow with NotAction naming another action', { Statement: [{ Effect: 'Allow', Principal: ECS, NotAction: 'sts:TagSession' }] }, true],
      ['an Allow with NotAction naming AssumeRole', { Statement: [{ Effect: 'Allow', Principal: ECS, NotAction: 'sts:AssumeRole' }] }, false],
      ['a statement with neither Action nor NotAction', { Statement: [{ Effect: 'Allow', Principal: ECS }] }, false],
      ['an Allow for another service', { Statement: [{ ...allow, Principal: { Service: 'ec2.amazonaws.com' } }] }, false],
      ['an Allow naming the service among others, in capitals', { Statement: [{ ...allow, Principal: { Service: ['ec2.amazonaws.com', 'ECS-TASKS.amazonaws.com'] } }] }, true],
      ['an Allow for everyone (*)', { Statement: [{ ...allow, Principal: '*' }] }, true],
      ['an Allow for AWS: *', { Statement: [{ ...allow, Principal: { AWS: '*' } }] }, true],
      ['an Allow for one account only', { Statement: [{ ...allow, Principal: { AWS: 'arn:aws:iam::123456789012:root' } }] }, false],
      ['an Allow with a string principal other than *', { Statement: [{ ...allow, Principal: 'ecs-tasks.amazonaws.com' }] }, false],
      ['an Allow and an explicit Deny for ecs-tasks', { Statement: [allow, { ...allow, Effect: 'Deny' }] }, false],
      ['a Deny first, then the Allow', { Statement: [{ ...allow, Effect: 'Deny', Action: 'sts:*' }, allow] }, false],
      ['a Deny for another service', { Statement: [allow, { ...allow, Effect: 'Deny', Principal: { Service: 'ec2.amazonaws.com' } }] }, true],
      ['a Deny of another action', { Statement: [allow, { ...allow, Effect: 'Deny', Action: 'sts:TagSession' }] }, true],
      ['no statements', {}, false],
    ];
    for (const [what, d, want] of cases) {
      it(`${what}: ${want ? 'trusted' : 'not trusted'}`, () => assert.equal(trustsService(d), want));
    }
  });

  describe('permissions by action (resources not evaluated)', () => {
    const actions = ['ecr:BatchGetImage', 'logs:PutLogEvents'];
    it('an explicit Deny on * beats an Allow; a Deny on one resource or with a condition does not count', () => {
      const allowAll = { Effect: 'Allow', Action: '*', Resource: '*' };
      assert.deepEqual(evaluateActions(actions, [], [{ name: 'p', document: doc(allowAll, { Effect: 'Deny', Action: 'logs:*', Resource: '*' }) }]).missing, ['logs:PutLogEvents']);
      assert.deepEqual(evaluateActions(actions, [], [{ name: 'p', document: doc(allowAll, { Effect: 'Deny', Action: 'logs:*', Resource: ['arn:aws:logs:*:*:log-group:x', '*'] }) }]).missing, ['logs:PutLogEvents']);
      assert.deepEqual(evaluateActions(actions, [], [{ name: 'p', document: doc(allowAll, { Effect: 'Deny', Action: 'logs:*', Resource: 'arn:aws:logs:*:*:log-group:x' }) }]).missing, []);
      assert.deepEqual(evaluateActions(actions, [], [{ name: 'p', document: doc(allowAll, { Effect: 'Deny', Action: 'logs:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }) }]).missing, []);
    });
    it('a Deny in another policy than the Allow still wins', () => {
      const v = evaluateActions(actions, ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'], [{ name: 'guard', document: doc({ Effect: 'Deny', Action: 'ecr:Batch*', Resource: '*' }) }]);
      assert.deepEqual(v, { allowed: ['logs:PutLogEvents'], missing: ['ecr:BatchGetImage'], unknownPolicies: [] });
    });
    it('statements with another effect are ignored', () => {
      assert.deepEqual(evaluateActions(actions, [], [{ name: 'p', document: doc({ Effect: 'allow', Action: '*', Resource: '*' }) }]).allowed, []);
    });
    it('reads URL-encoded documents, skips unreadable ones, and lists attached policies it cannot judge', () => {
      const encoded = encodeURIComponent(doc({ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }));
      const v = evaluateActions(actions, ['arn:aws:iam::123456789012:policy/mine', 'arn:aws:iam::123456789012:policy/documented', 'arn:aws:iam::123456789012:policy/byName'],
        [{ name: 'inline', document: encoded }, { name: 'arn:aws:iam::123456789012:policy/documented', document: 'not json' }, { name: 'byName', document: doc() }]);
      assert.deepEqual(v, { allowed: ['ecr:BatchGetImage'], missing: ['logs:PutLogEvents'], unknownPolicies: ['arn:aws:iam::123456789012:policy/mine'] });
    });
    it('parses plain JSON, URL-encoded JSON with + for spaces, and refuses the rest', () => {
      assert.deepEqual(parsePolicyDocument('{"Version":"2012-10-17"}'), { Version: '2012-10-17' });
      assert.deepEqual(parsePolicyDocument('%7B%22Sid%22%3A+%22a+b%22%7D'), { Sid: 'a b' });
      assert.deepEqual(parsePolicyDocument('{"Sid":"100%"}'), { Sid: '100%' }, 'a % that is not an escape: read as plain JSON');
      assert.equal(parsePolicyDocument('%E0%A4%A'), undefined);
      assert.equal(parsePolicyDocument('"text"'), undefined);
      assert.equal(parsePolicyDocument('null'), undefined);
    });
  });

  describe('permissions on one resource', () => {
    const grant = { action: 'secretsmanager:GetSecretValue', resource: SECRET };
    const allowOn = (Resource: string | string[]) => ({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource });
    it('an Allow on the ARN, on * or on a matching pattern grants it; on another ARN it does not', () => {
      for (const r of [SECRET, '*', 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:db-??????', ['arn:aws:s3:::x', SECRET]]) {
        assert.deepEqual(evaluateGrants([grant], [], [{ name: 'p', document: doc(allowOn(r)) }]).allowed, [grant], JSON.stringify(r));
      }
      assert.deepEqual(evaluateGrants([grant], [], [{ name: 'p', document: doc(allowOn('arn:aws:secretsmanager:eu-west-2:123456789012:secret:other-*')) }]).missing, [grant]);
    });
    it('an explicit Deny matching the ARN wins and names its policy; a Deny on another ARN does not', () => {
      const deny = { Effect: 'Deny', Action: 'secretsmanager:*', Resource: 'arn:aws:secretsmanager:*:*:secret:db-*' };
      const v = evaluateGrants([grant], [], [{ name: 'allow', document: doc(allowOn('*')) }, { name: 'guard', document: doc(deny) }]);
      assert.deepEqual(v, { allowed: [], missing: [grant], denied: [{ grant, policy: 'guard' }], unknownPolicies: [] });
      const elsewhere = evaluateGrants([grant], [], [{ name: 'allow', document: doc(allowOn('*'), { ...deny, Resource: 'arn:aws:secretsmanager:*:*:secret:other-*' }) }]);
      assert.deepEqual(elsewhere.denied, []);
      assert.deepEqual(elsewhere.allowed, [grant]);
    });
    it('NotResource: everything but the listed ARNs', () => {
      const not = (NotResource: string) => ({ Effect: 'Allow', Action: 'secretsmanager:*', NotResource });
      assert.equal(statementCoversGrant(not('arn:aws:s3:::*'), grant), true);
      assert.equal(statementCoversGrant(not('arn:aws:secretsmanager:*'), grant), false);
      assert.equal(statementCoversGrant({ Effect: 'Allow', Action: 'secretsmanager:*' }, grant), true, 'no Resource element: the statement speaks of every resource');
    });
  });
});
