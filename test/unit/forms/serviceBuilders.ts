// Builders for the service form tests: valid defaults, and the tutorial's world
// (/work/shared/design/tutorial-world.md) as facts, so a test sets only what it is about.

import * as assert from 'node:assert/strict';
import { defaultServiceForm } from '../../../src/forms/serviceFormModel';
import type { LoadBalancerFact, ServiceForm, ServiceFormFacts, SubnetFact, TargetGroupFact, TaskDefinitionFact } from '../../../src/forms/serviceFormModel';
import { buildServiceCreationPlan, planServiceCreation } from '../../../src/forms/serviceCreationPlan';
import { ServiceFormError, validateServiceForm } from '../../../src/forms/validateService';
import type { Issue } from '../../../src/forms/validateService';
import type { TaskDefinitionContainer, TaskDefinitionPortMapping } from '../../../src/model/taskDefinition';
import { ACCOUNT, ECR_IMAGE, REGION } from './builders';

export const VPC = 'vpc-0demo0000000001';
export const OTHER_VPC = 'vpc-0other000000002';
export const SUBNET = {
  publicA: 'subnet-0public00000001a',
  publicC: 'subnet-0public00000002c',
  privateA: 'subnet-0private0000001a',
  privateC: 'subnet-0private0000002c',
  natA: 'subnet-0natted00000001a',
} as const;
export const SERVICE_SG = 'sg-0service0000000001';
export const DEFAULT_SG = 'sg-0default0000000001';
export const ALB_SG = 'sg-0albgroup000000001';
export const ALB_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/public-ecs-service-alb/50dc6c495c0c9188`;
export const LISTENER_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/public-ecs-service-alb/50dc6c495c0c9188/f2f7dc8efc522ab2`;
export const TG_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/demo-ecs-alb-target-group/73e2d6bc24d8a067`;

function subnet(id: string, az: string, kind: SubnetFact['kind'], vpcId = VPC): SubnetFact {
  return { id, vpcId, availabilityZone: `${REGION}${az}`, kind };
}

/** demo-service-vpc: public subnets (internet gateway) and isolated private ones in AZs a and c, plus one NAT subnet. */
export function tutorialSubnets(): SubnetFact[] {
  return [
    subnet(SUBNET.publicA, 'a', 'public'),
    subnet(SUBNET.publicC, 'c', 'public'),
    subnet(SUBNET.privateA, 'a', 'isolated'),
    subnet(SUBNET.privateC, 'c', 'isolated'),
    subnet(SUBNET.natA, 'a', 'private-nat'),
  ];
}

export function aPortMapping(containerPort: number, protocol = 'tcp'): TaskDefinitionPortMapping {
  return { containerPort, hostPort: containerPort, protocol, name: undefined, appProtocol: undefined, containerPortRange: undefined };
}

export function aTaskContainer(patch: Partial<TaskDefinitionContainer> = {}): TaskDefinitionContainer {
  return {
    name: 'demo-service-container',
    image: ECR_IMAGE,
    portMappings: [aPortMapping(8080)],
    logConfiguration: undefined,
    essential: true,
    memory: undefined,
    memoryReservation: undefined,
    ...patch,
  };
}

/** demo-ecs-task:1: Fargate, awsvpc, container demo-service-container on 8080. */
export function tutorialTaskDefinition(patch: Partial<TaskDefinitionFact> = {}): TaskDefinitionFact {
  return { family: 'demo-ecs-task', revision: 1, networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], containers: [aTaskContainer()], ...patch };
}

/** public-ecs-service-alb with its HTTP:80 listener forwarding to demo-ecs-alb-target-group. */
export function tutorialLoadBalancer(patch: Partial<LoadBalancerFact['loadBalancer']> = {}): LoadBalancerFact {
  return {
    loadBalancer: {
      arn: ALB_ARN, name: 'public-ecs-service-alb', type: 'application', scheme: 'internet-facing', vpcId: VPC, securityGroupIds: [ALB_SG], ...patch,
    },
    listeners: [{ arn: LISTENER_ARN, port: 80, protocol: 'HTTP', defaultActions: [{ type: 'forward', order: undefined, targetGroupArns: [TG_ARN] }] }],
  };
}

export function aTargetGroup(patch: Partial<TargetGroupFact> = {}): TargetGroupFact {
  return {
    arn: TG_ARN, name: 'demo-ecs-alb-target-group', targetType: 'ip', vpcId: VPC, port: 8080, protocol: 'HTTP',
    loadBalancerArns: [ALB_ARN], healthCheckPath: '/', ...patch,
  };
}

/** Everything the host reads for the tutorial's service. */
export function tutorialFacts(patch: Partial<ServiceFormFacts> = {}): ServiceFormFacts {
  return {
    taskDefinition: tutorialTaskDefinition(),
    subnets: tutorialSubnets(),
    securityGroups: [
      { id: DEFAULT_SG, name: 'default', vpcId: VPC },
      { id: SERVICE_SG, name: 'existing-service-sg', vpcId: VPC },
      { id: ALB_SG, name: 'public-ecs-service-alb-sg', vpcId: VPC },
    ],
    loadBalancer: tutorialLoadBalancer(),
    targetGroup: aTargetGroup(),
    existingServiceNames: ['other-service'],
    clusterCapacityProviders: ['FARGATE', 'FARGATE_SPOT'],
    ...patch,
  };
}

/** A valid service without a load balancer: one private subnet, one existing group. */
export function aServiceForm(patch: Partial<ServiceForm> = {}): ServiceForm {
  const form = defaultServiceForm();
  return {
    ...form,
    cluster: 'demo-ecs-cluster',
    taskDefinitionFamily: 'demo-ecs-task',
    taskDefinitionRevision: '1',
    serviceName: 'demo-ecs-service',
    networking: { ...form.networking, vpcId: VPC, subnetIds: [SUBNET.privateA], securityGroupIds: [SERVICE_SG] },
    ...patch,
  };
}

/** Applies `patch` to a part of a form (networking, loadBalancing, deployment, compute). */
export function withPart<K extends 'networking' | 'loadBalancing' | 'deployment' | 'compute'>(form: ServiceForm, key: K, patch: Partial<ServiceForm[K]>): ServiceForm {
  return { ...form, [key]: { ...form[key], ...patch } };
}

/**
 * The tutorial's service as its author filled the console's form: demo-ecs-cluster, latest
 * platform, 1 task, the private subnets, a new group demo-ecs-service-sg allowing 8080 from
 * 10.0.0.0/16, the existing ALB, listener and target group, routed to demo-service-container:8080.
 */
export function tutorialServiceForm(): ServiceForm {
  const form = aServiceForm({ containerName: 'demo-service-container', containerPort: '8080' });
  const networked = withPart(form, 'networking', {
    subnetIds: [SUBNET.privateA, SUBNET.privateC],
    securityGroupIds: [],
    newSecurityGroup: { create: true, name: 'demo-ecs-service-sg', description: '', inboundFrom: 'cidr', inboundCidr: '10.0.0.0/16' },
  });
  return withPart(networked, 'loadBalancing', {
    kind: 'existing', loadBalancerArn: ALB_ARN, listenerChoice: 'existing', listenerArn: LISTENER_ARN, targetGroupChoice: 'existing', targetGroupArn: TG_ARN,
  });
}

/** The same service with everything new: an internet-facing ALB in the public subnets, its group, listener and target group. */
export function newAlbServiceForm(): ServiceForm {
  const form = withPart(tutorialServiceForm(), 'networking', {
    newSecurityGroup: { create: true, name: 'demo-ecs-service-sg', description: '', inboundFrom: 'loadBalancer', inboundCidr: '' },
  });
  return withPart(form, 'loadBalancing', {
    kind: 'new',
    loadBalancerName: 'public-ecs-service-alb',
    loadBalancerSubnetIds: [SUBNET.publicA, SUBNET.publicC],
    loadBalancerSecurityGroupName: 'public-ecs-service-alb-sg',
    ingressCidr: '0.0.0.0/0',
    listenerPort: '80',
    targetGroupName: 'demo-ecs-alb-target-group',
    healthCheckPath: '/',
  });
}

function describeIssues(issues: readonly Issue[]): string {
  return issues.length === 0 ? '(none)' : issues.map((i) => `  ${i.path} [${i.code}] ${i.message}`).join('\n');
}

export function assertServiceAccepted(form: ServiceForm, facts: ServiceFormFacts = {}): void {
  const result = planServiceCreation(form, facts);
  assert.equal(result.errors.length, 0, `expected no errors, got:\n${describeIssues(result.errors)}`);
  assert.ok(result.plan, 'a valid form must produce a plan');
}

/** Refused: the error sits at `path` with `code` (and exactly `message`, when given), and no plan is made. */
export function assertServiceBlocked(form: ServiceForm, path: string, code: string, message?: string, facts: ServiceFormFacts = {}): Issue {
  const result = planServiceCreation(form, facts);
  const issue = result.errors.find((i) => i.path === path && i.code === code);
  assert.ok(issue, `expected ${code} at ${path}, got:\n${describeIssues(result.errors)}`);
  if (message !== undefined) assert.equal(issue.message, message);
  assert.equal(result.plan, undefined, 'a form with errors must not produce a plan');
  assert.throws(() => buildServiceCreationPlan(form, facts), (err: unknown) => err instanceof ServiceFormError && err.errors.some((e) => e.code === code));
  return issue;
}

export function serviceErrors(form: ServiceForm, facts: ServiceFormFacts = {}): Array<[string, string]> {
  return validateServiceForm(form, facts).errors.map((e) => [e.path, e.code]);
}
