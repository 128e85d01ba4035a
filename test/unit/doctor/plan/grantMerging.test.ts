// The execution role's fixes in a plan: the `inlineGrant` remedies of every finding merged into
// ONE putRolePolicy step per role (a grant two findings need is granted once; the role's
// existing ECS Studio policy is grown, only when the snapshot's role is the role the remedy
// names), the trust policy change, and when each of these counts as already done.
import * as assert from 'node:assert/strict';
import { planFixes, stepAlreadyDone } from '../../../../src/doctor/fixPlan';
import { EXECUTION_INLINE_POLICY_NAME } from '../../../../src/doctor/inlinePolicy';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { AnalyzerFinding, FixStep, Remedy } from '../../../../src/doctor/types';
import { TUTORIAL } from '../../../support/tutorialWorld';
import { ACCOUNT, IDS, REGION, tutorialSnapshot } from '../snapshotBuilder';

const ROLE: string = TUTORIAL.executionRoleName;
const SECRET_A = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-AbCdEf`;
const SECRET_B = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:api-GhIjKl`;
const PARAM = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/app/token`;
const GET_SECRET = 'secretsmanager:GetSecretValue';
const GET_PARAMS = 'ssm:GetParameters';
const DEPLOY: FixStep = { kind: 'forceNewDeployment', cluster: IDS.clusterArn, service: TUTORIAL.serviceName };

type Role = NonNullable<ServiceSnapshot['executionRole']>;

function aFinding(remedies: Remedy[]): AnalyzerFinding {
  return {
    id: `EXECUTION_ROLE:${remedies.length}`, code: 'ENDPOINT_MISSING', severity: 'error', title: 't', resource: 'r', evidence: [], docsUrl: 'https://example.com',
    affects: [], remedies,
  } as AnalyzerFinding;
}

function grant(action: string, resource: string, roleName = ROLE): Remedy {
  return { kind: 'inlineGrant', roleName, action, resource };
}

function withRole(patch: Partial<Role> | undefined): ServiceSnapshot {
  const s = tutorialSnapshot();
  return { ...s, executionRole: patch === undefined ? undefined : { ...(s.executionRole as Role), ...patch } };
}

/** The putRolePolicy steps of the plan for these findings, each remedy list one finding. */
function policySteps(findings: Remedy[][], s: ServiceSnapshot = tutorialSnapshot()) {
  return planFixes(findings.map(aFinding), s).steps.flatMap((x) => (x.kind === 'putRolePolicy' ? [x] : []));
}

function statementsOf(document: string): unknown {
  return (JSON.parse(document) as { Statement: unknown }).Statement;
}

const OTHERS_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'Theirs', Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/1` }],
});

describe('doctor/fixPlan inline grants of the execution role', () => {
  it('two findings needing the same action on the same resource: one grant, one step', () => {
    const steps = policySteps([[grant(GET_SECRET, SECRET_A)], [grant(GET_SECRET, SECRET_A)]]);
    assert.deepEqual(steps, [{
      kind: 'putRolePolicy', roleName: ROLE, policyName: EXECUTION_INLINE_POLICY_NAME, grants: [{ action: GET_SECRET, resource: SECRET_A }],
      document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'EcsStudioSecretsmanagerGetSecretValue', Effect: 'Allow', Action: [GET_SECRET], Resource: [SECRET_A] }] }),
      update: false,
    }]);
  });

  it('the same action on another resource, or another action on the same resource, is a grant of its own, in remedy order', () => {
    const steps = policySteps([[grant(GET_SECRET, SECRET_A), grant(GET_SECRET, SECRET_B)], [grant(GET_PARAMS, SECRET_A), grant(GET_SECRET, SECRET_A)]]);
    assert.equal(steps.length, 1);
    assert.deepEqual(steps[0].grants, [
      { action: GET_SECRET, resource: SECRET_A },
      { action: GET_SECRET, resource: SECRET_B },
      { action: GET_PARAMS, resource: SECRET_A },
    ]);
    assert.deepEqual(statementsOf(steps[0].document), [
      { Sid: 'EcsStudioSecretsmanagerGetSecretValue', Effect: 'Allow', Action: [GET_SECRET], Resource: [SECRET_A, SECRET_B] },
      { Sid: 'EcsStudioSsmGetParameters', Effect: 'Allow', Action: [GET_PARAMS], Resource: [SECRET_A] },
    ]);
  });

  it('grants for two roles: one step per role, each with its own grants', () => {
    const steps = policySteps([[grant(GET_SECRET, SECRET_A), grant(GET_PARAMS, PARAM, 'otherRole'), grant(GET_SECRET, SECRET_A, 'otherRole')]]);
    assert.deepEqual(steps.map((x) => [x.roleName, x.grants]), [
      [ROLE, [{ action: GET_SECRET, resource: SECRET_A }]],
      ['otherRole', [{ action: GET_PARAMS, resource: PARAM }, { action: GET_SECRET, resource: SECRET_A }]],
    ]);
  });

  it("the role's ECS Studio policy is grown, keeping its statements: an update", () => {
    const existing = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'EcsStudioSecretsmanagerGetSecretValue', Effect: 'Allow', Action: [GET_SECRET], Resource: [SECRET_B] }] });
    const s = withRole({ policyDocuments: [{ name: 'theirs', document: OTHERS_POLICY }, { name: EXECUTION_INLINE_POLICY_NAME, document: existing }] });
    const [step] = policySteps([[grant(GET_SECRET, SECRET_A)]], s);
    assert.equal(step.update, true);
    assert.deepEqual(statementsOf(step.document), [{ Sid: 'EcsStudioSecretsmanagerGetSecretValue', Effect: 'Allow', Action: [GET_SECRET], Resource: [SECRET_B, SECRET_A] }]);
  });

  it("another policy of the role is not ECS Studio's: a new policy", () => {
    const [step] = policySteps([[grant(GET_SECRET, SECRET_A)]], withRole({ policyDocuments: [{ name: 'theirs', document: OTHERS_POLICY }] }));
    assert.equal(step.update, false);
    assert.deepEqual(statementsOf(step.document), [{ Sid: 'EcsStudioSecretsmanagerGetSecretValue', Effect: 'Allow', Action: [GET_SECRET], Resource: [SECRET_A] }]);
  });

  it("the snapshot's role is another role: its policy is not the named role's, a new policy", () => {
    const existing = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'Keep', Effect: 'Allow', Action: ['logs:CreateLogGroup'], Resource: ['*'] }] });
    const s = withRole({ name: 'snapshotRole', policyDocuments: [{ name: EXECUTION_INLINE_POLICY_NAME, document: existing }] });
    const [step] = policySteps([[grant(GET_SECRET, SECRET_A)]], s);
    assert.deepEqual([step.roleName, step.update, statementsOf(step.document)], [ROLE, false, [{ Sid: 'EcsStudioSecretsmanagerGetSecretValue', Effect: 'Allow', Action: [GET_SECRET], Resource: [SECRET_A] }]]);
  });

  it('no role read, or no policies read: a new policy', () => {
    for (const s of [withRole(undefined), withRole({ policyDocuments: undefined })]) {
      const [step] = policySteps([[grant(GET_SECRET, SECRET_A)]], s);
      assert.equal(step.update, false);
    }
  });

  it('grants the role already has make no step, and no deployment', () => {
    const has = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: GET_SECRET, Resource: SECRET_A }] });
    assert.deepEqual(planFixes([aFinding([grant(GET_SECRET, SECRET_A)])], withRole({ policyDocuments: [{ name: 'theirs', document: has }] })).steps, []);
  });
});

describe('doctor/fixPlan putRolePolicy already done', () => {
  const has = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: GET_SECRET, Resource: SECRET_A }] });
  const step = (roleName: string): FixStep => ({
    kind: 'putRolePolicy', roleName, policyName: EXECUTION_INLINE_POLICY_NAME, grants: [{ action: GET_SECRET, resource: SECRET_A }], document: '{}', update: false,
  });

  it("done when the named role's policies allow every grant", () => {
    assert.equal(stepAlreadyDone(step(ROLE), withRole({ policyDocuments: [{ name: 'theirs', document: has }] })), true);
    assert.equal(stepAlreadyDone(step(ROLE), withRole({ policyDocuments: [{ name: 'theirs', document: OTHERS_POLICY }] })), false);
  });

  it('not done for another role, an unread role, or unread attached policies, whatever the documents allow', () => {
    assert.equal(stepAlreadyDone(step('otherRole'), withRole({ policyDocuments: [{ name: 'theirs', document: has }] })), false);
    assert.equal(stepAlreadyDone(step(ROLE), withRole(undefined)), false);
    assert.equal(stepAlreadyDone(step(ROLE), withRole({ attachedPolicyArns: undefined, policyDocuments: [{ name: 'theirs', document: has }] })), false);
  });
});

describe('doctor/fixPlan trust of the execution role', () => {
  const EC2_ONLY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  const trustFinding = (roleName: string = ROLE) => aFinding([{ kind: 'trustEcsTasks', roleName }]);

  it('a role that does not trust ECS tasks gets the statement added to its trust policy', () => {
    const plan = planFixes([trustFinding()], withRole({ trustPolicy: EC2_ONLY }));
    assert.deepEqual(plan.steps.map((x) => x.kind), ['updateAssumeRolePolicy', 'forceNewDeployment']);
    const update = plan.steps[0];
    assert.ok(update.kind === 'updateAssumeRolePolicy');
    assert.equal(update.roleName, ROLE);
    const statements = statementsOf(update.document) as Array<{ Principal: unknown }>;
    assert.deepEqual(statements.map((x) => x.Principal), [{ Service: 'ec2.amazonaws.com' }, { Service: 'ecs-tasks.amazonaws.com' }]);
    assert.deepEqual(plan.steps[1], DEPLOY);
  });

  it('no change when the snapshot role is another role, no role was read, the policy is unreadable, or it trusts already', () => {
    assert.deepEqual(planFixes([trustFinding('otherRole')], withRole({ trustPolicy: EC2_ONLY })).steps, []);
    assert.deepEqual(planFixes([trustFinding()], withRole(undefined)).steps, []);
    assert.deepEqual(planFixes([trustFinding()], withRole({ trustPolicy: 'not json' })).steps, []);
    assert.deepEqual(planFixes([trustFinding()], tutorialSnapshot()).steps, []);
  });

  it('done only when the named role, read, trusts ECS tasks', () => {
    const step: FixStep = { kind: 'updateAssumeRolePolicy', roleName: ROLE, document: '{}' };
    assert.equal(stepAlreadyDone(step, tutorialSnapshot()), true);
    assert.equal(stepAlreadyDone(step, withRole({ trustPolicy: EC2_ONLY })), false);
    assert.equal(stepAlreadyDone({ ...step, roleName: 'otherRole' }, tutorialSnapshot()), false);
    assert.equal(stepAlreadyDone(step, withRole({ trustPolicy: undefined })), false);
    assert.equal(stepAlreadyDone(step, withRole(undefined)), false);
  });
});
