import * as assert from 'node:assert/strict';
import { isDescribable, parseResourceArn, resourceLabel, targetLabel } from '../../../src/model/resources';

describe('resource ARNs', () => {
  it('reads the ECS resources from their ARNs', () => {
    assert.deepEqual(parseResourceArn('arn:aws:ecs:us-west-2:123456789012:service/demo-ecs-cluster/demo-ecs-service'), {
      arn: 'arn:aws:ecs:us-west-2:123456789012:service/demo-ecs-cluster/demo-ecs-service',
      partition: 'aws', region: 'us-west-2', account: '123456789012',
      kind: 'service', cluster: 'demo-ecs-cluster', service: 'demo-ecs-service',
    });
    const td = parseResourceArn('arn:aws:ecs:us-west-2:123456789012:task-definition/demo-ecs-task:12');
    assert.equal(td?.kind, 'taskDefinition');
    assert.equal(td && resourceLabel(td), 'demo-ecs-task:12');
    assert.equal(parseResourceArn('arn:aws:ecs:us-west-2:123456789012:task/c/abc')?.kind, 'task');
  });

  it('says which ones can be shown as JSON', () => {
    assert.ok(isDescribable(parseResourceArn('arn:aws:ecs:us-west-2:1:cluster/c')!));
    assert.ok(!isDescribable(parseResourceArn('arn:aws:ec2:us-west-2:1:vpc/vpc-1')!));
    assert.equal(targetLabel({ kind: 'taskDefinition', family: 'web', revision: 3 }), 'web:3');
  });

  it('refuses what it does not know', () => {
    for (const text of ['', 'not-an-arn', 'arn:aws:s3:::bucket', 'arn:aws:ecs:us-west-2:1:container-instance/c/i', 'arn:aws:ecs:us-west-2:1:cluster/',
      'arn:aws:ecs:us-west-2:1:task-definition/web', 'arn:aws:iam::1:role/x']) {
      assert.equal(parseResourceArn(text), undefined, text);
    }
  });
});
