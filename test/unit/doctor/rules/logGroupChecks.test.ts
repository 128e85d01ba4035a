// The log group rule, case by case: a missing awslogs group with create-group off, and with it on
// where the execution role may or may not create the group; the role named by name, by ARN or
// generically; the group looked up in the Region awslogs-region names, else the task's.
// Every test builds its own snapshot (fixtures built outside a test hide the rule from mutation).
import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/doctor/analyze';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { AnalyzerFinding } from '../../../../src/doctor/types';
import { TUTORIAL } from '../../../support/tutorialWorld';
import { ACCOUNT, fixedTutorialSnapshot, IDS, REGION, withChanges, withContainer, withTaskDefinition } from '../snapshotBuilder';

type Role = NonNullable<ServiceSnapshot['executionRole']>;
const GROUP = TUTORIAL.logGroupName;
const ROLE = TUTORIAL.executionRoleName;
const WEB = TUTORIAL.containerName;
const BASE = `Log group ${GROUP} does not exist in ${REGION}; container ${WEB} logs to it (awslogs).`;
const STOPS = ': the task would stop with "failed to create Cloudwatch log group: AccessDeniedException" once it reaches CloudWatch Logs.';

/** The fixed tutorial with its log group absent and the awslogs options given (the rest of the tutorial's kept unless overridden). */
function groupAbsent(options: Record<string, string | undefined>, role?: Partial<Role> | null): ServiceSnapshot {
  const s = withChanges(fixedTutorialSnapshot(), { logGroups: [{ name: GROUP, region: REGION, exists: false }] });
  const [c] = s.taskDefinition.containers;
  const merged = Object.fromEntries(Object.entries({ ...c.logConfiguration?.options, ...options }).filter((e): e is [string, string] => e[1] !== undefined));
  const withOptions = withContainer(s, { logConfiguration: { logDriver: 'awslogs', options: merged } });
  if (role === null) return withChanges(withOptions, { executionRole: undefined });
  return role ? withChanges(withOptions, { executionRole: { ...(s.executionRole as Role), ...role } }) : withOptions;
}

function logFindings(s: ServiceSnapshot): AnalyzerFinding[] {
  return analyze(s).filter((f) => f.code === 'LOG_GROUP_MISSING');
}

describe('doctor/rules/logs: a missing log group', () => {
  it('create-group not "true": ECS will not create it; the fix creates the group in its Region', () => {
    for (const value of [undefined, 'false']) {
      const found = logFindings(groupAbsent({ 'awslogs-create-group': value }));
      assert.deepEqual(found.map((f) => [f.resource, f.severity, f.evidence, f.affects, f.remedies]), [[
        `${REGION}:${GROUP}`, 'error', [BASE, 'awslogs-create-group is not "true", so ECS will not create it.'],
        ['LOG_GROUP_MISSING', 'LOGS_UNREACHABLE'], [{ kind: 'logGroup', name: GROUP, region: REGION }],
      ]], String(value));
    }
  });

  it('no awslogs-region: the group is looked up in the task\'s Region', () => {
    const found = logFindings(groupAbsent({ 'awslogs-region': undefined, 'awslogs-create-group': undefined }));
    assert.deepEqual(found.map((f) => f.resource), [`${REGION}:${GROUP}`]);
  });

  it('create-group "TRUE" with the managed policy only: an error naming the role, its policies and the stop reason', () => {
    const [f, ...rest] = logFindings(groupAbsent({ 'awslogs-create-group': 'TRUE' }));
    assert.deepEqual(rest, []);
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.evidence, [BASE, `awslogs-create-group is "true", but ${ROLE} is not allowed logs:CreateLogGroup (attached: AmazonECSTaskExecutionRolePolicy)${STOPS}`]);
    assert.deepEqual(f.affects, ['LOG_GROUP_MISSING', 'LOGS_ACCESS_DENIED', 'LOGS_UNREACHABLE']);
    assert.deepEqual(f.remedies, [{ kind: 'logGroup', name: GROUP, region: REGION }]);
  });

  it('nothing attached: "(attached: nothing)"', () => {
    const [f] = logFindings(groupAbsent({}, { attachedPolicyArns: [] }));
    assert.equal(f.evidence[1], `awslogs-create-group is "true", but ${ROLE} is not allowed logs:CreateLogGroup (attached: nothing)${STOPS}`);
  });

  it('a role allowed logs:CreateLogGroup: no finding, ECS creates the group', () => {
    const allow = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: '*' }] });
    assert.deepEqual(logFindings(groupAbsent({}, { policyDocuments: [{ name: 'create-groups', document: allow }] })), []);
  });

  it('a policy not read: a warning, "may not be"', () => {
    const custom = `arn:aws:iam::${ACCOUNT}:policy/Custom`;
    const [f] = logFindings(groupAbsent({}, { attachedPolicyArns: [custom], policyDocuments: [] }));
    assert.equal(f.severity, 'warning');
    assert.equal(f.evidence[1], `awslogs-create-group is "true", but ${ROLE} may not be allowed logs:CreateLogGroup (attached: Custom)${STOPS}`);
  });

  it('policies not collected: a warning naming the role, with no attached list', () => {
    const [f] = logFindings(groupAbsent({}, { attachedPolicyArns: undefined }));
    assert.equal(f.severity, 'warning');
    assert.equal(f.evidence[1], `awslogs-create-group is "true", but ${ROLE} may not be allowed logs:CreateLogGroup${STOPS}`);
  });

  it('the role not collected: named by its ARN; no role at all: "the execution role"', () => {
    const [byArn] = logFindings(groupAbsent({}, null));
    assert.equal(byArn.evidence[1], `awslogs-create-group is "true", but ${IDS.roleArn} may not be allowed logs:CreateLogGroup${STOPS}`);
    const [generic] = logFindings(withTaskDefinition(groupAbsent({}, null), { executionRoleArn: undefined }));
    assert.equal(generic.evidence[1], `awslogs-create-group is "true", but the execution role may not be allowed logs:CreateLogGroup${STOPS}`);
  });
});
