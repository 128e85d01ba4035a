import * as assert from 'node:assert/strict';
import {
  endpointPlacement,
  endpointShortName,
  finalAction,
  forwardedTargetGroups,
  listenerActionLabel,
  rulePeers,
  rulePortsLabel,
  targetGroupNameFromArn,
  targetLabel,
} from '../../../src/model/networkLabels';

const TG = (name: string) => `arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/${name}/6d0ecf831eec9f09`;

describe('network labels', () => {
  it('shortens endpoint service names to the service part', () => {
    assert.equal(endpointShortName('com.amazonaws.eu-central-1.ecr.dkr'), 'ecr.dkr');
    assert.equal(endpointShortName('com.amazonaws.ap-northeast-2.s3'), 's3');
    assert.equal(endpointShortName('com.amazonaws.us-gov-west-1.logs'), 'logs');
    assert.equal(endpointShortName('com.amazonaws.vpce.eu-central-1.vpce-svc-0123456789abcdef0'), 'vpce-svc-0123456789abcdef0');
    assert.equal(endpointShortName('aws.sagemaker.eu-central-1.notebook'), 'notebook');
    assert.equal(endpointShortName('something-else'), 'something-else');
  });

  it('places interface endpoints in subnets and gateway endpoints in route tables', () => {
    assert.deepEqual(endpointPlacement({ type: 'Interface', subnetIds: ['subnet-1'], routeTableIds: [] }), { kind: 'subnets', ids: ['subnet-1'] });
    assert.deepEqual(endpointPlacement({ type: 'Gateway', subnetIds: [], routeTableIds: ['rtb-1'] }), { kind: 'routeTables', ids: ['rtb-1'] });
  });

  it('summarises a rule\'s protocol and ports', () => {
    assert.equal(rulePortsLabel({ protocol: 'tcp', fromPort: 443, toPort: 443 }), 'tcp 443');
    assert.equal(rulePortsLabel({ protocol: 'tcp', fromPort: 1024, toPort: 65535 }), 'tcp 1024-65535');
    assert.equal(rulePortsLabel({ protocol: 'udp', fromPort: 0, toPort: 65535 }), 'udp *');
    assert.equal(rulePortsLabel({ protocol: 'icmp', fromPort: -1, toPort: -1 }), 'icmp');
    assert.equal(rulePortsLabel({ protocol: 'icmp', fromPort: 8, toPort: -1 }), 'icmp 8/*');
    assert.equal(rulePortsLabel({ protocol: '-1', fromPort: 0, toPort: 65535 }), undefined);
    assert.equal(rulePortsLabel({ protocol: '50', fromPort: 0, toPort: 65535 }), 'proto 50');
    assert.deepEqual(
      rulePeers({ cidrs: ['10.0.0.0/16'], ipv6Cidrs: ['::/0'], groupIds: ['sg-1'], prefixListIds: ['pl-1'] }),
      ['10.0.0.0/16', '::/0', 'sg-1', 'pl-1'],
    );
  });

  it('labels listener actions by their target groups\' names', () => {
    assert.equal(targetGroupNameFromArn(TG('demo-ecs-alb-target-group')), 'demo-ecs-alb-target-group');
    assert.equal(targetGroupNameFromArn('not-an-arn'), 'not-an-arn');
    assert.equal(listenerActionLabel({ type: 'forward', targetGroupArns: [TG('a'), TG('b')] }), 'forward → a, b');
    assert.equal(listenerActionLabel({ type: 'redirect', targetGroupArns: [] }), 'redirect');
    assert.deepEqual(
      forwardedTargetGroups([
        { type: 'forward', targetGroupArns: [TG('a')] },
        { type: 'fixed-response', targetGroupArns: [] },
        { type: 'forward', targetGroupArns: [TG('a'), TG('b')] },
      ]),
      [TG('a'), TG('b')],
    );
  });

  it('picks the action that ends the default actions, after authentication', () => {
    const auth = { type: 'authenticate-oidc', order: 1 };
    const forward = { type: 'forward', order: 2 };
    assert.equal(finalAction([forward, auth]), forward);
    assert.equal(finalAction([auth]), auth);
    assert.equal(finalAction([]), undefined);
  });

  it('labels a target with its port when it has one', () => {
    assert.equal(targetLabel({ id: '10.0.2.15', port: 8080 }), '10.0.2.15:8080');
    assert.equal(targetLabel({ id: 'arn:aws:lambda:eu-central-1:1:function:f', port: undefined }), 'arn:aws:lambda:eu-central-1:1:function:f');
  });
});
