import * as assert from 'node:assert/strict';
import { failingServices } from '../../../src/doctor/failingServices';
import { aTask } from '../builders';

describe('failingServices', () => {
  it('marks services whose stopped tasks stopped with an error, not those stopped by a deployment', () => {
    const stopped = [
      aTask({ group: 'service:web', desiredStatus: 'STOPPED', stopCode: 'TaskFailedToStart', stoppedReason: 'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR: There is a connection issue between the task and Amazon ECR. Check your task network configuration. RequestError: send request failed caused by: Post "https://api.ecr.ap-northeast-2.amazonaws.com/": dial tcp 54.180.184.245:443: i/o timeout' }),
      aTask({ group: 'service:api', desiredStatus: 'STOPPED', stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/123)' }),
      aTask({ group: 'family:batch', desiredStatus: 'STOPPED', stoppedReason: 'Essential container in task exited' }),
    ];
    const failing = failingServices(stopped);
    assert.deepEqual([...failing.keys()], ['web']);
    assert.equal(failing.get('web')?.length, 1);
  });
});
