// The service form's choices in the doctor's terms: what preflightService reads and judges.
// The form (src/forms) and the doctor (src/doctor) are siblings that never import each other;
// this layer sees both, so the mapping lives here. Pure: no SDK call.
import type { PlannedResources, PlannedIngress } from '../doctor/planned';
import { plannedId } from '../doctor/planned';
import { hasLoadBalancer, taskDefinitionReference, type ServiceForm, type ServiceFormFacts } from '../forms/serviceFormModel';
import type { PreflightInput } from './snapshotCollector';

function port(text: string): number | undefined {
  const value = Number(text.trim());
  return Number.isInteger(value) && value > 0 && value <= 65535 ? value : undefined;
}

/**
 * The preflight's input for a form as it stands. Undefined while the form lacks what the
 * doctor needs to say anything (a task definition and at least one subnet): the form's own
 * validation says what is missing.
 */
export function preflightInputFromForm(form: ServiceForm, facts: ServiceFormFacts = {}): PreflightInput | undefined {
  const family = form.taskDefinitionFamily.trim();
  if (family === '' || form.networking.subnetIds.length === 0) return undefined;
  const lb = form.loadBalancing;
  const balanced = hasLoadBalancer(form);
  const containerPort = port(form.containerPort);
  const containerName = form.containerName.trim();
  const listenerPort = port(lb.listenerPort);

  const planned: { -readonly [K in keyof PlannedResources]: PlannedResources[K] } = {};
  const newGroup = form.networking.newSecurityGroup;
  if (newGroup.create) {
    const ingress: PlannedIngress[] = [];
    if (containerPort !== undefined) {
      if (newGroup.inboundFrom === 'cidr' || !balanced) {
        if (newGroup.inboundCidr.trim() !== '') ingress.push({ port: containerPort, cidr: newGroup.inboundCidr.trim() });
      } else if (lb.kind === 'new') {
        ingress.push({ port: containerPort, sourceGroupId: plannedId('loadBalancerSecurityGroup') });
      } else {
        for (const groupId of facts.loadBalancer?.loadBalancer.securityGroupIds ?? []) ingress.push({ port: containerPort, sourceGroupId: groupId });
      }
    }
    planned.serviceSecurityGroup = { name: newGroup.name.trim(), ingress };
  }
  if (lb.kind === 'new') {
    planned.loadBalancer = {
      name: lb.loadBalancerName.trim(),
      subnetIds: lb.loadBalancerSubnetIds,
      securityGroup: {
        name: lb.loadBalancerSecurityGroupName.trim(),
        ingress: listenerPort !== undefined && lb.ingressCidr.trim() !== '' ? [{ port: listenerPort, cidr: lb.ingressCidr.trim() }] : [],
      },
    };
  }
  const newTargetGroup = balanced && (lb.kind === 'new' || lb.targetGroupChoice === 'new');
  if (newTargetGroup && containerPort !== undefined) {
    const newListener = lb.kind === 'new' || lb.listenerChoice === 'new';
    planned.targetGroup = {
      name: lb.targetGroupName.trim(),
      port: containerPort,
      healthCheckPath: lb.healthCheckPath.trim() || '/',
      targetType: 'ip',
      ...(lb.kind === 'existing' && lb.loadBalancerArn ? { loadBalancerArn: lb.loadBalancerArn } : {}),
      ...(newListener && listenerPort !== undefined ? { listenerPort } : {}),
    };
  }

  const loadBalancers = balanced && containerName !== '' && containerPort !== undefined
    ? [{ ...(newTargetGroup ? {} : { targetGroupArn: lb.targetGroupArn }), containerName, containerPort }]
    : undefined;
  return {
    taskDefinition: taskDefinitionReference({ taskDefinitionFamily: family, taskDefinitionRevision: form.taskDefinitionRevision }),
    subnets: form.networking.subnetIds,
    securityGroups: form.networking.securityGroupIds,
    assignPublicIp: form.networking.assignPublicIp ? 'ENABLED' : 'DISABLED',
    ...(loadBalancers ? { loadBalancers } : {}),
    // FARGATE and FARGATE_SPOT capacity providers both run on Fargate: the same startup needs.
    launchType: 'FARGATE',
    ...(form.compute.platformVersion.trim() !== '' ? { platformVersion: form.compute.platformVersion.trim() } : {}),
    enableExecuteCommand: form.enableExecuteCommand,
    ...(Object.keys(planned).length > 0 ? { planned } : {}),
  };
}
