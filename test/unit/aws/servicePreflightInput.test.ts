import * as assert from 'node:assert/strict';
import { plannedId } from '../../../src/doctor/planned';
import { preflightInputFromForm } from '../../../src/aws/servicePreflightInput';
import {
  aServiceForm, ALB_SG, LISTENER_ARN, newAlbServiceForm, SUBNET, TG_ARN, tutorialFacts, tutorialServiceForm, withPart, ALB_ARN,
} from '../forms/serviceBuilders';

describe('preflightInputFromForm', () => {
  it('says nothing until a task definition and a subnet are chosen', () => {
    assert.equal(preflightInputFromForm(aServiceForm({ taskDefinitionFamily: ' ' })), undefined);
    assert.equal(preflightInputFromForm(withPart(aServiceForm(), 'networking', { subnetIds: [] })), undefined);
    assert.ok(preflightInputFromForm(aServiceForm()));
  });

  it("maps the tutorial's service: private subnets, no public IP, its new group open to the VPC, the existing target group", () => {
    const input = preflightInputFromForm(tutorialServiceForm(), tutorialFacts());
    assert.deepEqual(input, {
      taskDefinition: 'demo-ecs-task:1',
      subnets: [SUBNET.privateA, SUBNET.privateC],
      securityGroups: [],
      assignPublicIp: 'DISABLED',
      loadBalancers: [{ targetGroupArn: TG_ARN, containerName: 'demo-service-container', containerPort: 8080 }],
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      enableExecuteCommand: false,
      planned: { serviceSecurityGroup: { name: 'demo-ecs-service-sg', ingress: [{ port: 8080, cidr: '10.0.0.0/16' }] } },
    });
  });

  it("opens a new group to an existing load balancer's own groups", () => {
    const form = withPart(tutorialServiceForm(), 'networking', {
      newSecurityGroup: { create: true, name: 'svc', description: '', inboundFrom: 'loadBalancer', inboundCidr: '' },
    });
    const input = preflightInputFromForm(form, tutorialFacts());
    assert.deepEqual(input?.planned?.serviceSecurityGroup?.ingress, [{ port: 8080, sourceGroupId: ALB_SG }]);
  });

  it('plans a new internet-facing ALB with its group, and a target group behind a new listener', () => {
    const input = preflightInputFromForm(newAlbServiceForm(), tutorialFacts());
    assert.deepEqual(input?.planned, {
      serviceSecurityGroup: { name: 'demo-ecs-service-sg', ingress: [{ port: 8080, sourceGroupId: plannedId('loadBalancerSecurityGroup') }] },
      loadBalancer: {
        name: 'public-ecs-service-alb',
        subnetIds: [SUBNET.publicA, SUBNET.publicC],
        securityGroup: { name: 'public-ecs-service-alb-sg', ingress: [{ port: 80, cidr: '0.0.0.0/0' }] },
      },
      targetGroup: { name: 'demo-ecs-alb-target-group', port: 8080, healthCheckPath: '/', targetType: 'ip', listenerPort: 80 },
    });
    // A planned target group has no ARN yet: the collector must not look it up.
    assert.deepEqual(input?.loadBalancers, [{ containerName: 'demo-service-container', containerPort: 8080 }]);
  });

  it('puts a new target group on an existing ALB, with a listener only when one is made', () => {
    const onExisting = withPart(tutorialServiceForm(), 'loadBalancing', {
      targetGroupChoice: 'new', targetGroupName: 'new-tg', healthCheckPath: ' /health ', listenerChoice: 'existing', listenerArn: LISTENER_ARN, listenerPort: '8081',
    });
    assert.deepEqual(preflightInputFromForm(onExisting)?.planned?.targetGroup, {
      name: 'new-tg', port: 8080, healthCheckPath: '/health', targetType: 'ip', loadBalancerArn: ALB_ARN,
    });
    const withListener = withPart(onExisting, 'loadBalancing', { listenerChoice: 'new' });
    assert.equal(preflightInputFromForm(withListener)?.planned?.targetGroup?.listenerPort, 8081);
  });

  it('sends no load balancer while the container port is not a port, and the public IP as chosen', () => {
    const form = withPart({ ...tutorialServiceForm(), containerPort: '80a' }, 'networking', { assignPublicIp: true });
    const input = preflightInputFromForm(form);
    assert.equal(input?.loadBalancers, undefined);
    assert.equal(input?.assignPublicIp, 'ENABLED');
    assert.deepEqual(input?.planned?.serviceSecurityGroup?.ingress, []);
  });

  it('plans no group, ALB or target group when the form makes none', () => {
    const input = preflightInputFromForm(aServiceForm());
    assert.equal(input?.planned, undefined);
    assert.deepEqual(input?.securityGroups, ['sg-0service0000000001']);
  });
});
