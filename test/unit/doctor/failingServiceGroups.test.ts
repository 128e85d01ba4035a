// Which services the Clusters view marks as failing (src/doctor/failingServices.ts): every
// error stop of a service kept, in the order given, services kept apart; a warning (Fargate
// Spot took the capacity back) or a task no service started marks nothing.
import * as assert from 'node:assert/strict';
import { failingServices } from '../../../src/doctor/failingServices';
import { aTask } from '../builders';

const ECR_TIMEOUT = 'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR: '
  + 'There is a connection issue between the task and Amazon ECR. Check your task network configuration. RequestError: send request failed caused by: '
  + 'Post "https://api.ecr.ap-northeast-2.amazonaws.com/": dial tcp 54.180.184.245:443: i/o timeout';

const failed = (id: string, group: string | undefined) =>
  aTask({ id, arn: `arn:aws:ecs:ap-northeast-2:123456789012:task/demo-ecs-cluster/${id}`, group, desiredStatus: 'STOPPED', stopCode: 'TaskFailedToStart', stoppedReason: ECR_TIMEOUT });

describe('failingServices: groups', () => {
  it('keeps every error stop of a service, in order, each service apart', () => {
    const failing = failingServices([failed('1', 'service:web'), failed('2', 'service:api'), failed('3', 'service:web')]);
    assert.deepEqual([...failing].map(([service, tasks]) => [service, tasks.map((t) => t.id)]), [['web', ['1', '3']], ['api', ['2']]]);
  });

  it('marks nothing for a Spot reclaim (a warning) or a task without a service', () => {
    const spot = aTask({ group: 'service:web', desiredStatus: 'STOPPED', stopCode: 'SpotInterruption', stoppedReason: 'Your Spot Task was interrupted.' });
    assert.deepEqual([...failingServices([spot, failed('4', undefined), failed('5', 'family:batch')])], []);
  });
});
