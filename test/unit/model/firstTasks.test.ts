import * as assert from 'node:assert/strict';
import { firstTasksVerdict } from '../../../src/model/firstTasks';

const task = (arn: string, lastStatus: string, patch: { group?: string; stoppedReason?: string } = {}) => ({
  arn, lastStatus, group: patch.group ?? 'service:web', stoppedReason: patch.stoppedReason,
});

describe('firstTasksVerdict', () => {
  it('waits while the tasks are provisioning or pending', () => {
    assert.deepEqual(firstTasksVerdict('web', []), { kind: 'waiting' });
    assert.deepEqual(firstTasksVerdict('web', [task('t1', 'PROVISIONING'), task('t2', 'PENDING')]), { kind: 'waiting' });
  });

  it('says running once one of the service\'s tasks runs', () => {
    assert.deepEqual(firstTasksVerdict('web', [task('t1', 'PENDING'), task('t2', 'RUNNING')]), { kind: 'running', taskArn: 't2' });
  });

  it('a stopped task with a reason wins over a running one', () => {
    const reason = 'ResourceInitializationError: unable to pull secrets or registry auth';
    assert.deepEqual(
      firstTasksVerdict('web', [task('t1', 'RUNNING'), task('t2', 'STOPPED', { stoppedReason: reason })]),
      { kind: 'stopped', taskArn: 't2', reason },
    );
  });

  it('ignores a stopped task without a reason, and tasks of other services or standalone', () => {
    assert.deepEqual(firstTasksVerdict('web', [task('t1', 'STOPPED', { stoppedReason: '  ' })]), { kind: 'waiting' });
    assert.deepEqual(firstTasksVerdict('web', [
      task('t1', 'STOPPED', { group: 'service:web2', stoppedReason: 'Essential container exited' }),
      task('t2', 'RUNNING', { group: 'family:web' }),
    ]), { kind: 'waiting' });
  });
});
