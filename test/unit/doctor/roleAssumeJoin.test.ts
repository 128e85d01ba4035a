// A stopped task the classifier calls ROLE_ASSUME_FAILED is explained by the analyzer's execution
// role findings that make a role unassumable (a trust policy without ecs-tasks.amazonaws.com, a
// named role that does not exist), and only by those.

import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/doctor/analyze';
import { classify } from '../../../src/doctor/classify';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import { joinStoppedTasks } from '../../../src/doctor/stoppedTasks';
import { fixedTutorialSnapshot, IDS, withChanges } from './snapshotBuilder';

const ROLE_EVENT = `service demo-ecs-service failed to launch a task with (error ECS was unable to assume the role '${IDS.roleArn}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.).`;

function withRole(patch: Partial<NonNullable<ServiceSnapshot['executionRole']>>): ServiceSnapshot {
  const s = fixedTutorialSnapshot();
  return withChanges(s, {
    executionRole: { ...(s.executionRole as NonNullable<ServiceSnapshot['executionRole']>), ...patch },
    stoppedTasks: [{ task: { arn: 'arn:aws:ecs:ap-northeast-2:123456789012:task/demo-ecs-cluster/4444', id: '4444' }, finding: classify({ stoppedReason: ROLE_EVENT }) }],
  });
}

describe('doctor/stoppedTasks: a role ECS could not assume', () => {
  it('is explained by EXECUTION_ROLE_TRUST when the trust policy names another principal', () => {
    const ec2 = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const s = withRole({ trustPolicy: ec2 });
    const [joined] = joinStoppedTasks(analyze(s), s);
    assert.equal(joined.finding.code, 'ROLE_ASSUME_FAILED');
    assert.equal(joined.finding.details.roleArn, IDS.roleArn);
    assert.deepEqual(joined.causes.map((c) => c.code), ['EXECUTION_ROLE_TRUST']);
    assert.ok(joined.explained);
  });

  it('is explained by EXECUTION_ROLE_MISSING when the named role does not exist', () => {
    const s = withRole({ exists: false });
    const [joined] = joinStoppedTasks(analyze(s), s);
    assert.deepEqual(joined.causes.map((c) => c.code), ['EXECUTION_ROLE_MISSING']);
  });

  it('is explained by nothing when the role exists and trusts ECS tasks', () => {
    const s = withRole({});
    const [joined] = joinStoppedTasks(analyze(s), s);
    assert.deepEqual(joined.causes, []);
    assert.equal(joined.explained, false);
  });
});
