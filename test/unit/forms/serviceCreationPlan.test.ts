import * as assert from 'node:assert/strict';
import type { AuthorizeSecurityGroupIngressCommandInput, CreateSecurityGroupCommandInput } from '@aws-sdk/client-ec2';
import type { CreateClusterCommandInput, CreateServiceCommandInput } from '@aws-sdk/client-ecs';
import type {
  CreateListenerCommandInput,
  CreateLoadBalancerCommandInput,
  CreateTargetGroupCommandInput,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  PLAN_REF_NAMES,
  UnresolvedRefError,
  buildServiceCreationPlan,
  describeServicePlan,
  planServiceCreation,
  refsOf,
  resolveRefs,
  withStepsBeforeService,
} from '../../../src/forms/serviceCreationPlan';
import type { ExtraStep, PlanRefName, PlanStep, ServiceCreationPlan, ServiceCreationStep } from '../../../src/forms/serviceCreationPlan';
import type { ServiceForm } from '../../../src/forms/serviceFormModel';
import { ServiceFormError } from '../../../src/forms/validateService';
import {
  ALB_ARN,
  ALB_SG,
  SERVICE_SG,
  SUBNET,
  TG_ARN,
  VPC,
  aServiceForm,
  newAlbServiceForm,
  tutorialFacts,
  tutorialServiceForm,
  withPart,
} from './serviceBuilders';

const IDS: Record<PlanRefName, string> = {
  loadBalancerSecurityGroup: 'sg-0newalb',
  serviceSecurityGroup: 'sg-0newservice',
  loadBalancer: 'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:loadbalancer/app/public-ecs-service-alb/new',
  targetGroup: 'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/demo-ecs-alb-target-group/new',
};

const NEW_ALB_FACTS = tutorialFacts({ loadBalancer: undefined, targetGroup: undefined });

function planOf(form: ServiceForm, facts = tutorialFacts()): ServiceCreationPlan {
  return buildServiceCreationPlan(form, facts);
}

function step<K extends ServiceCreationStep['kind']>(plan: ServiceCreationPlan, kind: K, index = 0): Extract<ServiceCreationStep, { kind: K }> {
  const found = plan.steps.filter((s): s is Extract<ServiceCreationStep, { kind: K }> => s.kind === kind)[index];
  assert.ok(found, `no ${kind} step #${index} in ${plan.steps.map((s) => s.kind).join(', ')}`);
  return found;
}

/** Every placeholder a step waits for is produced by an earlier step. */
function assertRefsProducedEarlier(plan: ServiceCreationPlan): void {
  const produced = new Set<PlanRefName>();
  for (const s of plan.steps) {
    for (const ref of refsOf(s)) assert.ok(produced.has(ref), `${s.key} needs ${ref} before any step produces it`);
    if ('produces' in s) produced.add(s.produces);
  }
}

describe('planServiceCreation', () => {
  it('plans the tutorial\'s service: its group, the 8080 rule from the VPC, then the service behind the existing target group', () => {
    const plan = planOf(tutorialServiceForm());
    assert.deepEqual(plan.steps.map((s) => [s.kind, s.key]), [
      ['createSecurityGroup', `security-group/${VPC}/demo-ecs-service-sg`],
      ['authorizeIngress', `ingress/${VPC}/demo-ecs-service-sg/tcp/8080/10.0.0.0/16`],
      ['createService', 'service/demo-ecs-cluster/demo-ecs-service'],
    ]);
    assert.deepEqual(describeServicePlan(plan), [
      `1. Create security group demo-ecs-service-sg in ${VPC} for the tasks of service demo-ecs-service`,
      '2. Allow TCP 8080 into demo-ecs-service-sg from 10.0.0.0/16',
      '3. Create service demo-ecs-service in cluster demo-ecs-cluster: 1 task of demo-ecs-task:1 on FARGATE (platform LATEST) ' +
        `in ${SUBNET.privateA} and ${SUBNET.privateC}, public IP off, security groups demo-ecs-service-sg, ` +
        'registered in target group demo-ecs-alb-target-group as demo-service-container:8080',
    ]);
    const input: CreateServiceCommandInput = resolveRefs(step(plan, 'createService').request, IDS);
    assert.deepEqual(input, {
      cluster: 'demo-ecs-cluster',
      serviceName: 'demo-ecs-service',
      taskDefinition: 'demo-ecs-task:1',
      desiredCount: 1,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
      networkConfiguration: { awsvpcConfiguration: { subnets: [SUBNET.privateA, SUBNET.privateC], securityGroups: ['sg-0newservice'], assignPublicIp: 'DISABLED' } },
      loadBalancers: [{ targetGroupArn: TG_ARN, containerName: 'demo-service-container', containerPort: 8080 }],
      healthCheckGracePeriodSeconds: 60,
      enableExecuteCommand: false,
      enableECSManagedTags: true,
      propagateTags: 'NONE',
    });
    const group: CreateSecurityGroupCommandInput = step(plan, 'createSecurityGroup').request;
    assert.equal(group.Description, 'ECS Studio: tasks of service demo-ecs-service');
    const rule: AuthorizeSecurityGroupIngressCommandInput = resolveRefs(step(plan, 'authorizeIngress').request, IDS);
    assert.deepEqual(rule, {
      GroupId: 'sg-0newservice',
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, IpRanges: [{ CidrIp: '10.0.0.0/16', Description: 'demo-service-container:8080 of demo-ecs-service' }] }],
    });
  });

  it('plans only the service for an existing load balancer, target group and security groups', () => {
    const form = withPart(tutorialServiceForm(), 'networking', { securityGroupIds: [SERVICE_SG], newSecurityGroup: { ...tutorialServiceForm().networking.newSecurityGroup, create: false } });
    const plan = planOf(form);
    assert.deepEqual(plan.steps.map((s) => s.kind), ['createService']);
    assert.deepEqual(refsOf(plan.steps[0]), []);
    assert.deepEqual(step(plan, 'createService').request.networkConfiguration.awsvpcConfiguration.securityGroups, [SERVICE_SG]);
  });

  it('plans a new load balancer in order, each step waiting only for what an earlier one makes', () => {
    const plan = planOf(newAlbServiceForm(), NEW_ALB_FACTS);
    assert.deepEqual(plan.steps.map((s) => [s.kind, refsOf(s)]), [
      ['createSecurityGroup', []],
      ['authorizeIngress', ['loadBalancerSecurityGroup']],
      ['createSecurityGroup', []],
      ['authorizeIngress', ['serviceSecurityGroup', 'loadBalancerSecurityGroup']],
      ['createLoadBalancer', ['loadBalancerSecurityGroup']],
      ['createTargetGroup', []],
      ['createListener', ['loadBalancer', 'targetGroup']],
      ['createService', ['serviceSecurityGroup', 'targetGroup']],
    ]);
    assertRefsProducedEarlier(plan);
    assert.deepEqual(plan.steps.map((s) => s.key), [
      `security-group/${VPC}/public-ecs-service-alb-sg`,
      `ingress/${VPC}/public-ecs-service-alb-sg/tcp/80/0.0.0.0/0`,
      `security-group/${VPC}/demo-ecs-service-sg`,
      `ingress/${VPC}/demo-ecs-service-sg/tcp/8080/from/public-ecs-service-alb-sg`,
      'load-balancer/public-ecs-service-alb',
      'target-group/demo-ecs-alb-target-group',
      'listener/public-ecs-service-alb/80',
      'service/demo-ecs-cluster/demo-ecs-service',
    ]);
    assert.deepEqual(plan.steps.map((s) => s.field), [
      'loadBalancing.loadBalancerSecurityGroupName', 'loadBalancing.ingressCidr', 'networking.newSecurityGroup.name',
      'networking.newSecurityGroup.inboundFrom', 'loadBalancing.loadBalancerName', 'loadBalancing.targetGroupName',
      'loadBalancing.listenerPort', 'serviceName',
    ], 'an AWS error of each step lands next to the field it concerns');
    assert.deepEqual(describeServicePlan(plan).slice(0, 7), [
      `1. Create security group public-ecs-service-alb-sg in ${VPC} for load balancer public-ecs-service-alb`,
      '2. Allow TCP 80 into public-ecs-service-alb-sg from 0.0.0.0/0',
      `3. Create security group demo-ecs-service-sg in ${VPC} for the tasks of service demo-ecs-service`,
      '4. Allow TCP 8080 into demo-ecs-service-sg from the load balancer\'s security group public-ecs-service-alb-sg',
      `5. Create internet-facing Application Load Balancer public-ecs-service-alb in ${SUBNET.publicA} (ap-northeast-2a) and ${SUBNET.publicC} (ap-northeast-2c), with security group public-ecs-service-alb-sg`,
      `6. Create target group demo-ecs-alb-target-group in ${VPC}: type ip, HTTP port 8080, health check HTTP GET /`,
      '7. Create an HTTP listener on port 80 of public-ecs-service-alb, forwarding to target group demo-ecs-alb-target-group',
    ]);
  });

  it('writes requests the SDK takes as they are, once the placeholders are filled in', () => {
    const plan = planOf(newAlbServiceForm(), NEW_ALB_FACTS);
    const ingress: AuthorizeSecurityGroupIngressCommandInput = resolveRefs(step(plan, 'authorizeIngress', 1).request, IDS);
    assert.deepEqual(ingress.IpPermissions?.[0].UserIdGroupPairs, [{ GroupId: 'sg-0newalb', Description: 'demo-service-container:8080 of demo-ecs-service' }]);
    const lb: CreateLoadBalancerCommandInput = resolveRefs(step(plan, 'createLoadBalancer').request, IDS);
    assert.deepEqual(lb, { Name: 'public-ecs-service-alb', Type: 'application', Scheme: 'internet-facing', IpAddressType: 'ipv4', Subnets: [SUBNET.publicA, SUBNET.publicC], SecurityGroups: ['sg-0newalb'] });
    const tg: CreateTargetGroupCommandInput = step(plan, 'createTargetGroup').request;
    assert.deepEqual(tg, { Name: 'demo-ecs-alb-target-group', TargetType: 'ip', Protocol: 'HTTP', Port: 8080, VpcId: VPC, HealthCheckProtocol: 'HTTP', HealthCheckPath: '/' });
    const listener: CreateListenerCommandInput = resolveRefs(step(plan, 'createListener').request, IDS);
    assert.deepEqual(listener, { LoadBalancerArn: IDS.loadBalancer, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: IDS.targetGroup }] });
    const service: CreateServiceCommandInput = resolveRefs(step(plan, 'createService').request, IDS);
    assert.deepEqual(service.loadBalancers, [{ targetGroupArn: IDS.targetGroup, containerName: 'demo-service-container', containerPort: 8080 }]);
    assert.deepEqual(service.networkConfiguration?.awsvpcConfiguration?.securityGroups, ['sg-0newservice']);
  });

  it('opens the service\'s new group to an existing load balancer\'s own groups', () => {
    const form = withPart(tutorialServiceForm(), 'networking', { newSecurityGroup: { ...tutorialServiceForm().networking.newSecurityGroup, inboundFrom: 'loadBalancer' } });
    const plan = planOf(form);
    const rule = step(plan, 'authorizeIngress');
    assert.equal(rule.summary, `Allow TCP 8080 into demo-ecs-service-sg from the load balancer's security group ${ALB_SG}`);
    assert.deepEqual(rule.request.IpPermissions[0].UserIdGroupPairs?.map((p) => p.GroupId), [ALB_SG]);
    const unread = planServiceCreation(form, tutorialFacts({ loadBalancer: undefined }));
    assert.equal(unread.plan, undefined);
    assert.deepEqual(unread.errors.map((e) => [e.path, e.code]), [['networking.newSecurityGroup.inboundFrom', 'LOAD_BALANCER_NOT_READ']]);
  });

  it('adds a listener (and a target group) to an existing load balancer', () => {
    const form = withPart(tutorialServiceForm(), 'loadBalancing', { listenerChoice: 'new', listenerPort: '8080', targetGroupChoice: 'new', targetGroupName: 'second-tg' });
    const plan = planOf(form);
    assert.deepEqual(plan.steps.map((s) => s.kind), ['createSecurityGroup', 'authorizeIngress', 'createTargetGroup', 'createListener', 'createService']);
    assert.equal(step(plan, 'createListener').request.LoadBalancerArn, ALB_ARN);
    assert.deepEqual(refsOf(step(plan, 'createListener')), ['targetGroup']);
    assertRefsProducedEarlier(plan);
  });

  it('creates a new cluster first, with both Fargate capacity providers', () => {
    const plan = planOf(aServiceForm({ cluster: 'fresh-cluster', createCluster: true, tags: [{ key: 'team', value: 'web' }] }));
    const cluster: CreateClusterCommandInput = step(plan, 'createCluster').request;
    assert.equal(plan.steps[0].kind, 'createCluster');
    assert.deepEqual(cluster, { clusterName: 'fresh-cluster', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], tags: [{ key: 'team', value: 'web' }] });
    assert.equal(step(plan, 'createService').request.cluster, 'fresh-cluster');
  });

  it('sends a launch type or a capacity provider strategy, never both', () => {
    const launch = step(planOf(aServiceForm()), 'createService').request;
    assert.equal(launch.launchType, 'FARGATE');
    assert.equal('capacityProviderStrategy' in launch, false);
    const form = withPart(aServiceForm(), 'compute', { kind: 'capacityProviderStrategy', strategy: [{ provider: 'FARGATE', base: '1', weight: '1' }, { provider: 'FARGATE_SPOT', base: '', weight: '3' }] });
    const spot = step(planOf(form), 'createService').request;
    assert.equal('launchType' in spot, false);
    assert.deepEqual(spot.capacityProviderStrategy, [{ capacityProvider: 'FARGATE', base: 1, weight: 1 }, { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 3 }]);
  });

  it('leaves the load balancer and grace period out of a service without one', () => {
    const request = step(planOf(withPart(aServiceForm(), 'deployment', { healthCheckGracePeriod: 'soon', circuitBreaker: false })), 'createService').request;
    assert.equal('loadBalancers' in request, false);
    assert.equal('healthCheckGracePeriodSeconds' in request, false);
    assert.deepEqual(request.deploymentConfiguration?.deploymentCircuitBreaker, { enable: false, rollback: false });
  });

  it('makes no plan from a form with errors', () => {
    const form = aServiceForm({ serviceName: '' });
    assert.equal(planServiceCreation(form).plan, undefined);
    assert.throws(() => buildServiceCreationPlan(form), ServiceFormError);
  });
});

describe('plan references', () => {
  it('fill in every placeholder without touching the plan, and refuse a missing one', () => {
    const plan = planOf(newAlbServiceForm(), NEW_ALB_FACTS);
    const before = JSON.stringify(plan);
    const listener = step(plan, 'createListener');
    assert.throws(() => resolveRefs(listener.request, { loadBalancer: IDS.loadBalancer }),
      (err: unknown) => err instanceof UnresolvedRefError && err.ref === 'targetGroup');
    const resolved = plan.steps.map((s) => resolveRefs(s, IDS));
    assert.deepEqual(resolved.flatMap((s) => refsOf(s)), []);
    assert.equal(JSON.stringify(plan), before);
    assert.deepEqual([...PLAN_REF_NAMES].sort(), Object.keys(IDS).sort());
  });

  it('resolve the plan\'s own placeholders inside an extra step\'s payload and leave the doctor\'s to the host', () => {
    const payload = { securityGroupIds: [{ ref: 'serviceSecurityGroup' }, { ref: 'endpointSecurityGroup' }], subnetIds: [SUBNET.privateA] };
    assert.deepEqual(refsOf(payload), ['serviceSecurityGroup']);
    assert.deepEqual(resolveRefs(payload, IDS), { securityGroupIds: ['sg-0newservice', { ref: 'endpointSecurityGroup' }], subnetIds: [SUBNET.privateA] });
  });

  it('take the host\'s extra steps after every resource and before the service', () => {
    const plan: ServiceCreationPlan<{ serviceName: string }> = planOf(newAlbServiceForm(), NEW_ALB_FACTS);
    const extras: Array<ExtraStep<{ serviceName: string }>> = [
      { kind: 'extra', key: 'endpoint/ecr.api', field: 'networking.subnetIds', summary: 'Create interface endpoint ecr.api', payload: { serviceName: 'com.amazonaws.ap-northeast-2.ecr.api' } },
      { kind: 'extra', key: 'endpoint/logs', field: 'networking.subnetIds', summary: 'Create interface endpoint logs', payload: { serviceName: 'com.amazonaws.ap-northeast-2.logs' } },
    ];
    const spliced = withStepsBeforeService(plan, extras);
    const kinds = spliced.steps.map((s: PlanStep<{ serviceName: string }>) => s.kind);
    assert.deepEqual(kinds.slice(-4), ['createListener', 'extra', 'extra', 'createService']);
    assert.deepEqual(spliced.steps.filter((s) => s.kind === 'extra').map((s) => s.key), ['endpoint/ecr.api', 'endpoint/logs']);
    assert.equal(plan.steps.length, 8, 'the original plan is unchanged');
  });
});
