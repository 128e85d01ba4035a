import * as assert from 'node:assert/strict';
import {
  classifySubnetFacts,
  defaultLoadBalancerSubnets,
  defaultServiceForm,
  gracePeriodApplies,
  suggestNames,
  taskDefinitionReference,
} from '../../../src/forms/serviceFormModel';
import type { Route, RouteTable, Subnet } from '../../../src/model/network';
import { validateServiceForm } from '../../../src/forms/validateService';
import { OTHER_VPC, SUBNET, VPC, newAlbServiceForm, tutorialFacts, tutorialSubnets, withPart } from './serviceBuilders';

function aSubnet(id: string, az: string): Subnet {
  return {
    id, vpcId: VPC, cidrBlock: '10.0.0.0/24', ipv6CidrBlocks: [], availabilityZone: az, availabilityZoneId: `apne2-${az}`,
    name: undefined, mapPublicIpOnLaunch: false, availableIpAddressCount: 250, defaultForAz: false, state: 'available',
  };
}

function aTable(id: string, subnetIds: string[], target: string | undefined, main = false): RouteTable {
  const routes: Route[] = [{ destination: '10.0.0.0/16', destinationKind: 'ipv4', target: 'local', targetKind: 'local', state: 'active' }];
  if (target) routes.push({ destination: '0.0.0.0/0', destinationKind: 'ipv4', target, targetKind: target.startsWith('igw-') ? 'internet-gateway' : 'nat-gateway', state: 'active' });
  return { id, vpcId: VPC, main, subnetIds, routes, name: undefined };
}

describe('service form model', () => {
  it('starts as the console does: 1 task on Fargate LATEST, 100/200 with rollback, no load balancer, HTTP 80 open to all if one is made', () => {
    const form = defaultServiceForm();
    assert.equal(form.desiredCount, '1');
    assert.deepEqual(form.compute, { kind: 'launchType', strategy: [{ provider: 'FARGATE', base: '0', weight: '1' }, { provider: 'FARGATE_SPOT', base: '0', weight: '0' }], platformVersion: 'LATEST' });
    assert.deepEqual(form.deployment, { minimumHealthyPercent: '100', maximumPercent: '200', circuitBreaker: true, rollback: true, healthCheckGracePeriod: '60' });
    assert.equal(form.loadBalancing.kind, 'none');
    assert.equal(form.loadBalancing.ingressCidr, '0.0.0.0/0');
    assert.equal(form.loadBalancing.listenerPort, '80');
    assert.equal(form.loadBalancing.healthCheckPath, '/');
    assert.equal(gracePeriodApplies(form), false);
    assert.equal(gracePeriodApplies(newAlbServiceForm()), true);
  });

  it('names the task definition by family, or family:revision', () => {
    assert.equal(taskDefinitionReference({ taskDefinitionFamily: ' demo-ecs-task ', taskDefinitionRevision: '' }), 'demo-ecs-task');
    assert.equal(taskDefinitionReference({ taskDefinitionFamily: 'demo-ecs-task', taskDefinitionRevision: '3' }), 'demo-ecs-task:3');
  });

  it('classifies subnets from their route tables, and gives a new load balancer one public subnet per zone', () => {
    const subnets = [aSubnet('subnet-pa', 'ap-northeast-2a'), aSubnet('subnet-pc', 'ap-northeast-2c'), aSubnet('subnet-pa2', 'ap-northeast-2a'), aSubnet('subnet-nat', 'ap-northeast-2c'), aSubnet('subnet-iso', 'ap-northeast-2a')];
    const tables = [aTable('rtb-pub', ['subnet-pa', 'subnet-pc', 'subnet-pa2'], 'igw-1'), aTable('rtb-nat', ['subnet-nat'], 'nat-1'), aTable('rtb-main', [], undefined, true)];
    const facts = classifySubnetFacts(subnets, tables);
    assert.deepEqual(facts.map((f) => [f.id, f.kind]), [['subnet-pa', 'public'], ['subnet-pc', 'public'], ['subnet-pa2', 'public'], ['subnet-nat', 'private-nat'], ['subnet-iso', 'isolated']]);
    assert.deepEqual(defaultLoadBalancerSubnets(facts, VPC), ['subnet-pa', 'subnet-pc']);
    assert.deepEqual(defaultLoadBalancerSubnets(tutorialSubnets(), VPC), [SUBNET.publicA, SUBNET.publicC]);
    assert.deepEqual(defaultLoadBalancerSubnets(tutorialSubnets(), OTHER_VPC), []);
  });

  it('suggests names from the service name that pass validation, and keeps what was typed', () => {
    const long = 'a-rather-long-service-name-for-the-shop-frontend';
    const blank = withPart(withPart(newAlbServiceForm(), 'loadBalancing', { loadBalancerName: '', targetGroupName: '', loadBalancerSecurityGroupName: '' }), 'networking', {
      newSecurityGroup: { create: true, name: '', description: '', inboundFrom: 'loadBalancer', inboundCidr: '' },
    });
    const suggested = suggestNames({ ...blank, serviceName: long });
    assert.equal(suggested.loadBalancing.loadBalancerName, 'a-rather-long-service-name-f-alb');
    assert.equal(suggested.loadBalancing.targetGroupName, 'a-rather-long-service-name-fo-tg');
    assert.equal(suggested.networking.newSecurityGroup.name, `${long}-sg`);
    assert.deepEqual(validateServiceForm(suggested, tutorialFacts({ loadBalancer: undefined, targetGroup: undefined })).errors, []);
    const typed = suggestNames(newAlbServiceForm());
    assert.equal(typed.loadBalancing.loadBalancerName, 'public-ecs-service-alb');
  });
});
