// The questions before a change that stops or removes something: what, where (cluster, account,
// region from the ARN), and how to undo it where AWS allows.
import * as assert from 'node:assert/strict';
import {
  deleteServiceConfirmation, forceNewDeploymentConfirmation, scaleToZeroConfirmation, stopTaskConfirmation, whereOf,
} from '../../../src/forms/changeConfirmations';

const CLUSTER = 'arn:aws:ecs:eu-north-1:123456789012:cluster/shop';
const service = {
  name: 'web',
  arn: 'arn:aws:ecs:eu-north-1:123456789012:service/shop/web',
  clusterArn: CLUSTER,
  desiredCount: 3,
  taskDefinition: 'arn:aws:ecs:eu-north-1:123456789012:task-definition/web:7',
};
const task = {
  id: '0123abcd',
  arn: 'arn:aws:ecs:eu-north-1:123456789012:task/shop/0123abcd',
  clusterArn: CLUSTER,
  taskDefinitionArn: 'arn:aws:ecs:eu-north-1:123456789012:task-definition/batch:2',
  reason: 'Stopped from VS Code',
};

describe('change confirmations', () => {
  it('names the cluster, account and region from the ARN, and only the cluster when there is no ARN to read', () => {
    assert.equal(whereOf(service.arn, CLUSTER), 'cluster "shop" in account 123456789012, region eu-north-1');
    assert.equal(whereOf('web', 'shop'), 'cluster "shop"');
  });

  it('delete service: scales to 0 first when it runs tasks, names where, and says it cannot be restored but created again', () => {
    const c = deleteServiceConfirmation(service);
    assert.equal(c.message, 'Delete service "web"?');
    assert.equal(c.action, 'Delete Service');
    assert.equal(c.detail,
      'Its desired count (3) is set to 0 first, which stops its tasks; then service "web" in cluster "shop" in account 123456789012, region eu-north-1 is deleted.\n\n' +
      'A deleted service cannot be restored. To have it back, create a service again from its task definition web:7 ("ECS Studio: Create Service").');
    assert.match(deleteServiceConfirmation({ ...service, desiredCount: 0 }).detail, /^Service "web" in cluster "shop" in account 123456789012, region eu-north-1 is deleted\./);
  });

  it('scale to 0: from how many, where, and the count to set back', () => {
    const c = scaleToZeroConfirmation(service);
    assert.deepEqual([c.message, c.action], ['Scale service "web" to 0 tasks?', 'Scale to 0']);
    assert.match(c.detail, /in cluster "shop" in account 123456789012, region eu-north-1 goes from 3 to 0/);
    assert.match(c.detail, /To undo, set the desired count back to 3/);
  });

  it('force new deployment: where, the revision it deploys, and that stopped tasks do not come back', () => {
    const c = forceNewDeploymentConfirmation(service);
    assert.deepEqual([c.message, c.action], ['Force a new deployment of service "web"?', 'Force New Deployment']);
    assert.match(c.detail, /^In cluster "shop" in account 123456789012, region eu-north-1, ECS starts new tasks from the current task definition web:7/);
    assert.match(c.detail, /stopped tasks cannot be brought back/);
  });

  it('stop task: the reason, where, and the replacement a service starts or the task definition to run again', () => {
    const ofService = stopTaskConfirmation({ ...task, service: 'web' });
    assert.deepEqual([ofService.message, ofService.action], ['Stop task 0123abcd?', 'Stop Task']);
    assert.match(ofService.detail, /^Task 0123abcd in cluster "shop" in account 123456789012, region eu-north-1 is stopped\. Reason: Stopped from VS Code/);
    assert.match(ofService.detail, /Service "web" starts a replacement/);
    const standalone = stopTaskConfirmation({ ...task, service: undefined });
    assert.match(standalone.detail, /run a new one from its task definition batch:2\.$/);
  });
});
