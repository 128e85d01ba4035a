// The execution role rule, case by case: when a task definition needs a role (private ECR in the
// task's Region, awslogs), what it says when the role is absent, not collected, gone, untrusting,
// or short of the managed policy's actions; each finding's exact evidence, affects and remedy.
// Every test builds its own snapshot (fixtures built outside a test hide the rule from mutation).
import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/doctor/analyze';
import { TASK_EXECUTION_POLICY_ARN } from '../../../../src/doctor/iamPolicy';
import type { ServiceSnapshot, SnapshotContainer } from '../../../../src/doctor/snapshot';
import type { AnalyzerFinding } from '../../../../src/doctor/types';
import { TUTORIAL } from '../../../support/tutorialWorld';
import { ACCOUNT, fixedTutorialSnapshot, IDS, REGION, withChanges, withTaskDefinition } from '../snapshotBuilder';

type Role = NonNullable<ServiceSnapshot['executionRole']>;
const ROLE = TUTORIAL.executionRoleName;
const FAMILY = TUTORIAL.taskFamily;
const WEB = TUTORIAL.containerName;
const CUSTOM = `arn:aws:iam::${ACCOUNT}:policy/team/MyPolicy`;
const OTHER = `arn:aws:iam::${ACCOUNT}:policy/Other`;
const NO_LOGS: Partial<SnapshotContainer> = { logConfiguration: undefined };
const ALL_AFFECTS = ['IMAGE_ACCESS_DENIED', 'LOGS_ACCESS_DENIED', 'SECRETS_ACCESS_DENIED', 'ENV_FILES_FAILED', 'ECR_UNREACHABLE', 'REGISTRY_CREDENTIALS_FAILED'];

function roleFindings(s: ServiceSnapshot): AnalyzerFinding[] {
  return analyze(s).filter((f) => f.code.startsWith('EXECUTION_ROLE') || (f.code === 'COULD_NOT_CHECK' && /executionRole|trust:/.test(f.resource)));
}

/** The fixed tutorial with its containers replaced (each patch on a copy of the tutorial container). */
function withContainers(...patches: Array<Partial<SnapshotContainer>>): ServiceSnapshot {
  const s = fixedTutorialSnapshot();
  const [base] = s.taskDefinition.containers;
  return withTaskDefinition(s, { containers: patches.map((p, i) => ({ ...base, name: i === 0 ? WEB : `side${i}`, ...p })) });
}

function withRole(s: ServiceSnapshot, role: Partial<Role> | undefined): ServiceSnapshot {
  return withChanges(s, { executionRole: role === undefined ? undefined : { ...(s.executionRole as Role), ...role } });
}

function noRoleArn(s: ServiceSnapshot): AnalyzerFinding[] {
  return roleFindings(withTaskDefinition(s, { executionRoleArn: undefined }));
}

describe('doctor/rules/executionRole: when a role is needed', () => {
  it('private ECR and awslogs with no executionRoleArn: one finding naming both reasons, every start failure it explains', () => {
    const [f, ...rest] = noRoleArn(fixedTutorialSnapshot());
    assert.deepEqual(rest, []);
    assert.equal(f.code, 'EXECUTION_ROLE_MISSING');
    assert.equal(f.resource, FAMILY);
    assert.deepEqual(f.evidence, [`Task definition ${FAMILY} has no executionRoleArn, but pulling ${IDS.image} from Amazon ECR, the awslogs driver of container ${WEB} need one.`]);
    assert.deepEqual(f.affects, ALL_AFFECTS);
    assert.deepEqual(f.remedies, []);
  });

  it('a public image and no log driver need no role: no finding', () => {
    assert.deepEqual(noRoleArn(withContainers({ image: 'public.ecr.aws/nginx/nginx:latest', ...NO_LOGS })), []);
    assert.deepEqual(noRoleArn(withContainers({ image: 'nginx:latest', ...NO_LOGS })), []);
  });

  it('one reason alone: "needs", singular; awslogs on two containers: "containers a, b"', () => {
    const one = noRoleArn(withContainers({ image: 'nginx:latest' }));
    assert.deepEqual(one.map((f) => f.evidence), [[`Task definition ${FAMILY} has no executionRoleArn, but the awslogs driver of container ${WEB} needs one.`]]);
    const two = noRoleArn(withContainers({ image: 'nginx:latest' }, { image: 'nginx:latest' }, { image: 'nginx:latest', ...NO_LOGS }));
    assert.deepEqual(two.map((f) => f.evidence), [[`Task definition ${FAMILY} has no executionRoleArn, but the awslogs driver of containers ${WEB}, side1 needs one.`]]);
  });

  it('the ECR reason lists the task Region\'s ECR images once each, not public ones nor another Region\'s', () => {
    const elsewhere = `${ACCOUNT}.dkr.ecr.eu-west-3.amazonaws.com/far:1`;
    const second = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/worker:2`;
    const found = noRoleArn(withContainers(
      { ...NO_LOGS }, { image: 'nginx:latest', ...NO_LOGS }, { image: IDS.image, ...NO_LOGS }, { image: elsewhere, ...NO_LOGS }, { image: second, ...NO_LOGS },
    ));
    assert.deepEqual(found.map((f) => f.evidence), [[`Task definition ${FAMILY} has no executionRoleArn, but pulling ${IDS.image}, ${second} from Amazon ECR needs one.`]]);
  });
});

describe('doctor/rules/executionRole: the role itself', () => {
  it('the role was not collected: "could not check" naming the role ARN, unless a gap already says so', () => {
    const s = withRole(fixedTutorialSnapshot(), undefined);
    const found = roleFindings(s);
    assert.deepEqual(found.map((f) => [f.code, f.resource, f.evidence, f.affects, f.remedies]), [[
      'COULD_NOT_CHECK', 'executionRole', [`The execution role ${IDS.roleArn} was not collected. Not checked: the execution role trust and permissions.`], [], [],
    ]]);
    const gapped = withChanges(s, { gaps: [{ subject: 'executionRole', resource: IDS.roleArn, reason: 'AccessDenied: iam:GetRole' }] });
    assert.deepEqual(roleFindings(gapped).filter((f) => f.resource === 'executionRole' && !f.evidence.some((e) => e.includes('AccessDenied'))), []);
  });

  it('a role that does not exist: it cannot be assumed either, and nothing else is checked', () => {
    const found = roleFindings(withRole(fixedTutorialSnapshot(), { exists: false, trustPolicy: 'not json', attachedPolicyArns: [] }));
    assert.deepEqual(found.map((f) => [f.code, f.resource, f.evidence, f.remedies]), [[
      'EXECUTION_ROLE_MISSING', IDS.roleArn, [`Task definition ${FAMILY} names ${IDS.roleArn}, which does not exist in account ${ACCOUNT}.`], [],
    ]]);
    assert.deepEqual(found[0].affects, [...ALL_AFFECTS, 'ROLE_ASSUME_FAILED']);
  });

  it('a trust policy that is not JSON: "could not check" the trust; one not read at all: nothing said', () => {
    const found = roleFindings(withRole(fixedTutorialSnapshot(), { trustPolicy: '{not json' }));
    assert.deepEqual(found.map((f) => [f.code, f.resource, f.evidence, f.affects, f.remedies]), [[
      'COULD_NOT_CHECK', `trust:${IDS.roleArn}`, [`The trust policy of ${ROLE} could not be read as JSON.`], [], [],
    ]]);
    assert.deepEqual(roleFindings(withRole(fixedTutorialSnapshot(), { trustPolicy: undefined })), []);
  });

  it('a trust policy for another service: the fix adds ecs-tasks; an explicit Deny: no fix, and the evidence says why', () => {
    const trust = (effect: string, service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
    const [other] = roleFindings(withRole(fixedTutorialSnapshot(), { trustPolicy: trust('Allow', 'ec2.amazonaws.com') }));
    const line = `${ROLE}'s trust policy does not allow ecs-tasks.amazonaws.com to call sts:AssumeRole, so ECS cannot use it to pull the image or write logs.`;
    assert.deepEqual([other.code, other.resource, other.evidence, other.remedies], ['EXECUTION_ROLE_TRUST', IDS.roleArn, [line], [{ kind: 'trustEcsTasks', roleName: ROLE }]]);
    assert.deepEqual(other.affects, [...ALL_AFFECTS, 'ROLE_ASSUME_FAILED']);
    const [denied] = roleFindings(withRole(fixedTutorialSnapshot(), { trustPolicy: trust('Deny', 'ecs-tasks.amazonaws.com') }));
    assert.deepEqual([denied.evidence, denied.remedies], [[line,
      'Its trust policy explicitly denies sts:AssumeRole to ecs-tasks.amazonaws.com: the doctor does not override a Deny; remove that statement, or name another role.'], []]);
  });

  it('policies not collected: "could not check" them, unless a gap already says so', () => {
    const s = withRole(fixedTutorialSnapshot(), { attachedPolicyArns: undefined });
    assert.deepEqual(roleFindings(s).map((f) => [f.code, f.resource, f.evidence, f.affects, f.remedies]), [[
      'COULD_NOT_CHECK', 'executionRolePolicies', [`The policies of ${ROLE} were not collected. Not checked: the execution role permissions.`], [], [],
    ]]);
    const gapped = withChanges(s, { gaps: [{ subject: 'executionRolePolicies', resource: IDS.roleArn, reason: 'AccessDenied' }] });
    assert.deepEqual(roleFindings(gapped).filter((f) => f.resource === 'executionRolePolicies' && f.evidence.some((e) => e.startsWith('The policies of'))), []);
  });
});

describe('doctor/rules/executionRole: the managed policy\'s actions', () => {
  it('nothing attached: each purpose names its missing actions; the fix attaches the managed policy', () => {
    const [f, ...rest] = roleFindings(withRole(fixedTutorialSnapshot(), { attachedPolicyArns: [] }));
    assert.deepEqual(rest, []);
    assert.deepEqual([f.code, f.resource, f.severity], ['EXECUTION_ROLE_MISSING_POLICY', IDS.roleArn, 'error']);
    assert.deepEqual(f.evidence, [
      `${ROLE} is not granted ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage, needed for pulling ${IDS.image} from Amazon ECR.`,
      `${ROLE} is not granted logs:CreateLogStream, logs:PutLogEvents, needed for the awslogs driver of container ${WEB}.`,
      `Attached to ${ROLE}: nothing.`,
    ]);
    assert.deepEqual(f.affects, ['IMAGE_ACCESS_DENIED', 'ECR_UNREACHABLE', 'LOGS_ACCESS_DENIED']);
    assert.deepEqual(f.remedies, [{ kind: 'attachPolicy', roleName: ROLE, policyArn: TASK_EXECUTION_POLICY_ARN }]);
  });

  it('only the logs actions missing: only the awslogs purpose and its failure; policies named by their last ARN part', () => {
    const ecrOnly = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }] });
    const [f] = roleFindings(withRole(fixedTutorialSnapshot(), { attachedPolicyArns: [CUSTOM], policyDocuments: [{ name: 'MyPolicy', document: ecrOnly }] }));
    assert.deepEqual(f.evidence, [
      `${ROLE} is not granted logs:CreateLogStream, logs:PutLogEvents, needed for the awslogs driver of container ${WEB}.`,
      `Attached to ${ROLE}: MyPolicy.`,
    ]);
    assert.deepEqual(f.affects, ['LOGS_ACCESS_DENIED']);
    assert.equal(f.severity, 'error');
  });

  it('a policy whose content was not read: a warning that says it may grant them ("it", "they")', () => {
    const [one] = roleFindings(withRole(fixedTutorialSnapshot(), { attachedPolicyArns: [CUSTOM], policyDocuments: [] }));
    assert.equal(one.severity, 'warning');
    assert.deepEqual(one.evidence.slice(-2), [`Attached to ${ROLE}: MyPolicy.`, `The content of ${CUSTOM} was not read: it may grant these.`]);
    const [two] = roleFindings(withRole(fixedTutorialSnapshot(), { attachedPolicyArns: [CUSTOM, OTHER], policyDocuments: [] }));
    assert.deepEqual(two.evidence.slice(-2), [`Attached to ${ROLE}: MyPolicy, Other.`, `The content of ${CUSTOM}, ${OTHER} was not read: they may grant these.`]);
  });

  it('the managed policy attached but an inline Deny takes an action away: the finding, and no fix (attaching again changes nothing)', () => {
    const deny = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'logs:PutLogEvents', Resource: '*' }] });
    const [f] = roleFindings(withRole(fixedTutorialSnapshot(), { policyDocuments: [{ name: 'no-logs', document: deny }] }));
    assert.deepEqual(f.evidence, [
      `${ROLE} is not granted logs:PutLogEvents, needed for the awslogs driver of container ${WEB}.`,
      `Attached to ${ROLE}: AmazonECSTaskExecutionRolePolicy.`,
    ]);
    assert.deepEqual(f.remedies, []);
  });

  it('the fixed tutorial\'s role: nothing to say', () => {
    assert.deepEqual(roleFindings(fixedTutorialSnapshot()), []);
  });
});
