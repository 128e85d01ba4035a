import * as assert from 'node:assert/strict';
import { consoleOrigin, consoleUrl, logStreamConsoleUrl } from '../../../src/model/consoleUrls';
import { parseResourceArn, type ResourceRef } from '../../../src/model/resources';

function ref(arn: string, cluster?: string): ResourceRef {
  const parsed = parseResourceArn(arn, cluster);
  assert.ok(parsed, `${arn} parses`);
  return parsed;
}

describe('console URLs', () => {
  it('opens ECS resources in the console v2 of their own region', () => {
    assert.equal(consoleUrl(ref('arn:aws:ecs:us-west-2:123456789012:cluster/demo-ecs-cluster')),
      'https://us-west-2.console.aws.amazon.com/ecs/v2/clusters/demo-ecs-cluster/services?region=us-west-2');
    assert.equal(consoleUrl(ref('arn:aws:ecs:ap-northeast-2:123456789012:service/demo-ecs-cluster/demo-ecs-service')),
      'https://ap-northeast-2.console.aws.amazon.com/ecs/v2/clusters/demo-ecs-cluster/services/demo-ecs-service/health?region=ap-northeast-2');
    assert.equal(consoleUrl(ref('arn:aws:ecs:eu-west-1:123456789012:task/demo/0123456789abcdef0123456789abcdef')),
      'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/demo/tasks/0123456789abcdef0123456789abcdef/configuration?region=eu-west-1');
    assert.equal(consoleUrl(ref('arn:aws:ecs:us-east-1:123456789012:task-definition/demo-ecs-task:7')),
      'https://us-east-1.console.aws.amazon.com/ecs/v2/task-definitions/demo-ecs-task/7/containers?region=us-east-1');
  });

  it('finds the cluster of an old-format service ARN from the node', () => {
    assert.equal(consoleUrl(ref('arn:aws:ecs:us-east-1:123456789012:service/web', 'arn:aws:ecs:us-east-1:123456789012:cluster/prod')),
      'https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/health?region=us-east-1');
    assert.equal(parseResourceArn('arn:aws:ecs:us-east-1:123456789012:service/web'), undefined, 'no cluster, no page');
  });

  it('uses the console of the China and GovCloud partitions', () => {
    assert.equal(consoleOrigin('aws-cn', 'cn-north-1'), 'https://console.amazonaws.cn');
    assert.equal(consoleOrigin('aws-us-gov', 'us-gov-west-1'), 'https://console.amazonaws-us-gov.com');
    assert.equal(consoleUrl(ref('arn:aws-cn:ecs:cn-north-1:123456789012:cluster/c')),
      'https://console.amazonaws.cn/ecs/v2/clusters/c/services?region=cn-north-1');
  });

  it('opens network resources in the VPC and EC2 consoles', () => {
    assert.equal(consoleUrl(ref('arn:aws:ec2:us-west-2:123456789012:vpc/vpc-0abc')),
      'https://us-west-2.console.aws.amazon.com/vpcconsole/home?region=us-west-2#VpcDetails:VpcId=vpc-0abc');
    assert.equal(consoleUrl(ref('arn:aws:ec2:us-west-2:123456789012:subnet/subnet-1')),
      'https://us-west-2.console.aws.amazon.com/vpcconsole/home?region=us-west-2#SubnetDetails:subnetId=subnet-1');
    assert.equal(consoleUrl(ref('arn:aws:ec2:us-west-2:123456789012:vpc-endpoint/vpce-1')),
      'https://us-west-2.console.aws.amazon.com/vpcconsole/home?region=us-west-2#EndpointDetails:vpcEndpointId=vpce-1');
    assert.equal(consoleUrl(ref('arn:aws:ec2:us-west-2:123456789012:security-group/sg-1')),
      'https://us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#SecurityGroup:groupId=sg-1');
    const lb = 'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/public-ecs-service-alb/50dc6c495c0c9188';
    assert.equal(consoleUrl(ref(lb)), `https://us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#LoadBalancer:loadBalancerArn=${lb}`);
    const tg = 'arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/demo-ecs-alb-target-group/73e2d6bc24d8a067';
    assert.equal(consoleUrl(ref(tg)), `https://us-west-2.console.aws.amazon.com/ec2/home?region=us-west-2#TargetGroup:targetGroupArn=${tg}`);
  });

  it('links a log stream with the console\'s double encoding', () => {
    assert.equal(logStreamConsoleUrl('aws', 'us-west-2', '/ecs/demo-ecs-task', 'ecs/demo-service-container/abc'),
      'https://us-west-2.console.aws.amazon.com/cloudwatch/home?region=us-west-2#logsV2:log-groups/log-group/$252Fecs$252Fdemo-ecs-task/log-events/ecs$252Fdemo-service-container$252Fabc');
  });
});
