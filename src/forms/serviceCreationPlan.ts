// From a valid service form and the facts the host read, the ordered plan "Create" shows and
// runs: the cluster (when new), the load balancer's security group and its rule, the service's
// security group and its rule, the load balancer, the target group, the listener, the service.
// Each step has
//   - a stable `key` naming what it makes (`security-group/vpc-1/demo-ecs-service-sg`), so an
//     applier re-running the plan after a partial failure looks each resource up by it and
//     skips what exists (recording its id for the references below) instead of duplicating it;
//   - a `summary`: one line saying exactly what it creates, with names and ports;
//   - the `request` it sends (model/serviceRequest.ts), where an id only an earlier step can
//     know is a placeholder, `{ ref: 'serviceSecurityGroup' }`. The step that makes it says so
//     in `produces`; the applier records the id (GroupId, LoadBalancerArn, TargetGroupArn) and
//     `resolveRefs` fills the placeholders in before sending.
//
// Extra steps (the doctor's fixes: VPC endpoints, a 443 rule...) come from the host, not from
// here: wrap each in an ExtraStep and splice them in with `withStepsBeforeService`, which puts
// them after every resource above and before the service, so the tasks' first start finds them.
//
// Pure module: no vscode, no AWS SDK.

import { targetGroupNameFromArn } from '../model/networkLabels';
import type {
  AwsVpcConfiguration,
  CapacityProviderStrategyItem,
  CreateClusterRequest,
  CreateListenerInput,
  CreateLoadBalancerInput,
  CreateSecurityGroupRequest,
  CreateServiceRequest,
  CreateTargetGroupInput,
  ElbTag,
  IpPermission,
  ServiceLoadBalancer,
  Tag,
} from '../model/serviceRequest';
import { isBlankTag } from './taskDefinitionFormModel';
import { defaultGroupDescription, hasLoadBalancer, newGroupHasIngress, taskDefinitionReference } from './serviceFormModel';
import type { ServiceForm, ServiceFormFacts } from './serviceFormModel';
import { validateServiceForm, ServiceFormError } from './validateService';
import type { Issue, ValidationResult } from './validateService';
import { listPhrase } from '../util/wording';
import type { Deferred } from './planRefs';

export { PLAN_REF_NAMES, UnresolvedRefError, refsOf, resolveRefs } from './planRefs';
export type { Deferred, PlanRef, PlanRefName, Resolved } from './planRefs';

// ---------------------------------------------------------------- requests with placeholders (planRefs.ts)

export type PlannedIpPermission = Omit<IpPermission, 'UserIdGroupPairs'> & {
  UserIdGroupPairs?: Array<{ GroupId: Deferred<string>; Description?: string }>;
};

export interface PlannedIngressRequest {
  GroupId: Deferred<string>;
  IpPermissions: PlannedIpPermission[];
}

export type PlannedCreateLoadBalancer = Omit<CreateLoadBalancerInput, 'SecurityGroups'> & { SecurityGroups: Array<Deferred<string>> };

export type PlannedCreateListener = Omit<CreateListenerInput, 'LoadBalancerArn' | 'DefaultActions'> & {
  LoadBalancerArn: Deferred<string>;
  DefaultActions: Array<{ Type: 'forward'; TargetGroupArn: Deferred<string> }>;
};

export type PlannedCreateService = Omit<CreateServiceRequest, 'networkConfiguration' | 'loadBalancers'> & {
  networkConfiguration: { awsvpcConfiguration: Omit<AwsVpcConfiguration, 'securityGroups'> & { securityGroups?: Array<Deferred<string>> } };
  loadBalancers?: Array<Omit<ServiceLoadBalancer, 'targetGroupArn'> & { targetGroupArn: Deferred<string> }>;
};

// ---------------------------------------------------------------- steps and plans

interface StepBase {
  /** Stable identity of what the step makes: the applier finds an existing one by it. */
  readonly key: string;
  /** What it creates, in one line a person checks before saying yes. */
  readonly summary: string;
  /** The form field (an Issue path) an AWS error of this step is shown next to. */
  readonly field: string;
}

export type ServiceCreationStep =
  | (StepBase & { readonly kind: 'createCluster'; readonly request: CreateClusterRequest })
  | (StepBase & { readonly kind: 'createSecurityGroup'; readonly produces: 'loadBalancerSecurityGroup' | 'serviceSecurityGroup'; readonly request: CreateSecurityGroupRequest })
  | (StepBase & { readonly kind: 'authorizeIngress'; readonly request: PlannedIngressRequest })
  | (StepBase & { readonly kind: 'createLoadBalancer'; readonly produces: 'loadBalancer'; readonly request: PlannedCreateLoadBalancer })
  | (StepBase & { readonly kind: 'createTargetGroup'; readonly produces: 'targetGroup'; readonly request: CreateTargetGroupInput })
  | (StepBase & { readonly kind: 'createListener'; readonly request: PlannedCreateListener })
  | (StepBase & { readonly kind: 'createService'; readonly request: PlannedCreateService });

/** A step the host adds (a doctor fix). Its payload may hold PlanRefs too: resolveRefs works on any value. */
export interface ExtraStep<E> extends StepBase {
  readonly kind: 'extra';
  readonly payload: E;
}

export type PlanStep<E = never> = ServiceCreationStep | ExtraStep<E>;

export interface ServiceCreationPlan<E = never> {
  readonly steps: ReadonlyArray<PlanStep<E>>;
}

export interface ServiceCreationResult extends ValidationResult {
  /** Present only when there are no errors. */
  plan?: ServiceCreationPlan;
}

/** The plan with `extras` run after every other resource and before the service (their order kept). */
export function withStepsBeforeService<E>(plan: ServiceCreationPlan<E>, extras: ReadonlyArray<ExtraStep<E>>): ServiceCreationPlan<E> {
  const at = plan.steps.findIndex((s) => s.kind === 'createService');
  const cut = at < 0 ? plan.steps.length : at;
  return { steps: [...plan.steps.slice(0, cut), ...extras, ...plan.steps.slice(cut)] };
}

// ---------------------------------------------------------------- building the plan

function num(text: string, fallback = 0): number {
  const t = text.trim();
  return t === '' ? fallback : Number(t);
}

function formTags(form: ServiceForm): Tag[] {
  return form.tags.filter((t) => !isBlankTag(t)).map((t) => ({ key: t.key, value: t.value }));
}

function elbTags(form: ServiceForm): ElbTag[] | undefined {
  const tags = formTags(form).map((t) => ({ Key: t.key ?? '', Value: t.value ?? '' }));
  return tags.length > 0 ? tags : undefined;
}

function groupRequest(form: ServiceForm, name: string, description: string): CreateSecurityGroupRequest {
  const tags = [{ Key: 'Name', Value: name }, ...formTags(form).filter((t) => t.key !== 'Name').map((t) => ({ Key: t.key, Value: t.value }))];
  return {
    GroupName: name,
    Description: description,
    VpcId: form.networking.vpcId.trim(),
    TagSpecifications: [{ ResourceType: 'security-group', Tags: tags }],
  };
}

function zonesLabel(ids: readonly string[], facts: ServiceFormFacts): string {
  return listPhrase(ids.map((id) => {
    const zone = facts.subnets?.find((s) => s.id === id)?.availabilityZone;
    return zone ? `${id} (${zone})` : id;
  }), 'and');
}

function strategy(form: ServiceForm): CapacityProviderStrategyItem[] {
  return form.compute.strategy.map((r) => ({ capacityProvider: r.provider, base: num(r.base), weight: num(r.weight) }));
}

interface Names {
  loadBalancer: string;
  targetGroup: string;
  serviceGroup: string;
  loadBalancerGroup: string;
}

function serviceStep(form: ServiceForm, facts: ServiceFormFacts, names: Names, targetGroupArn: Deferred<string> | undefined): ServiceCreationStep {
  const net = form.networking;
  const groups: Array<Deferred<string>> = [...net.securityGroupIds];
  if (net.newSecurityGroup.create) groups.push({ ref: 'serviceSecurityGroup' });
  const cluster = form.cluster.trim();
  const serviceName = form.serviceName.trim();
  const desired = num(form.desiredCount);
  const capacity = form.compute.kind === 'launchType'
    ? { launchType: 'FARGATE' as const }
    : { capacityProviderStrategy: strategy(form) };
  const tags = formTags(form);
  const lb = targetGroupArn !== undefined
    ? { containerName: form.containerName.trim(), containerPort: num(form.containerPort) }
    : undefined;
  const request: PlannedCreateService = {
    cluster,
    serviceName,
    taskDefinition: taskDefinitionReference(form),
    desiredCount: desired,
    ...capacity,
    platformVersion: form.compute.platformVersion.trim(),
    deploymentConfiguration: {
      minimumHealthyPercent: num(form.deployment.minimumHealthyPercent),
      maximumPercent: num(form.deployment.maximumPercent),
      deploymentCircuitBreaker: { enable: form.deployment.circuitBreaker, rollback: form.deployment.circuitBreaker && form.deployment.rollback },
    },
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: [...net.subnetIds],
        ...(groups.length > 0 ? { securityGroups: groups } : {}),
        assignPublicIp: net.assignPublicIp ? 'ENABLED' : 'DISABLED',
      },
    },
    ...(lb && targetGroupArn !== undefined ? {
      loadBalancers: [{ targetGroupArn, ...lb }],
      healthCheckGracePeriodSeconds: num(form.deployment.healthCheckGracePeriod),
    } : {}),
    enableExecuteCommand: form.enableExecuteCommand,
    ...(tags.length > 0 ? { tags } : {}),
    enableECSManagedTags: form.enableECSManagedTags,
    propagateTags: form.propagateTags,
  };
  const compute = form.compute.kind === 'launchType'
    ? 'FARGATE'
    : listPhrase(form.compute.strategy.map((r) => `${r.provider} (base ${num(r.base)}, weight ${num(r.weight)})`), 'and');
  const groupNames = [...net.securityGroupIds.map((id) => facts.securityGroups?.find((g) => g.id === id)?.name ?? id), ...(net.newSecurityGroup.create ? [names.serviceGroup] : [])];
  const summary =
    `Create service ${serviceName} in cluster ${cluster}: ${desired} task${desired === 1 ? '' : 's'} of ${taskDefinitionReference(form)} on ${compute} ` +
    `(platform ${form.compute.platformVersion.trim()}) in ${listPhrase(net.subnetIds, 'and')}, public IP ${net.assignPublicIp ? 'on' : 'off'}, ` +
    `security groups ${groupNames.length > 0 ? listPhrase(groupNames, 'and') : 'the VPC default'}` +
    (lb ? `, registered in target group ${names.targetGroup} as ${lb.containerName}:${lb.containerPort}` : '');
  return { kind: 'createService', key: `service/${cluster}/${serviceName}`, field: 'serviceName', summary, request };
}

/** The steps, in order, for a form that validated without errors. */
function stepsFor(form: ServiceForm, facts: ServiceFormFacts): ServiceCreationStep[] {
  const steps: ServiceCreationStep[] = [];
  const lb = form.loadBalancing;
  const net = form.networking;
  const vpcId = net.vpcId.trim();
  const serviceName = form.serviceName.trim();
  const port = num(form.containerPort);
  const existingAlb = lb.kind === 'existing' && facts.loadBalancer?.loadBalancer.arn === lb.loadBalancerArn.trim() ? facts.loadBalancer : undefined;
  const names: Names = {
    loadBalancer: lb.kind === 'new' ? lb.loadBalancerName.trim() : existingAlb?.loadBalancer.name ?? lb.loadBalancerArn.trim(),
    targetGroup: lb.kind === 'existing' && lb.targetGroupChoice === 'existing'
      ? (facts.targetGroup?.arn === lb.targetGroupArn.trim() ? facts.targetGroup.name : targetGroupNameFromArn(lb.targetGroupArn.trim()))
      : lb.targetGroupName.trim(),
    serviceGroup: net.newSecurityGroup.name.trim(),
    loadBalancerGroup: lb.loadBalancerSecurityGroupName.trim(),
  };

  if (form.createCluster) {
    const name = form.cluster.trim();
    const tags = formTags(form);
    steps.push({
      kind: 'createCluster',
      key: `cluster/${name}`,
      field: 'cluster',
      summary: `Create cluster ${name} (AWS Fargate: capacity providers FARGATE and FARGATE_SPOT)`,
      request: { clusterName: name, capacityProviders: ['FARGATE', 'FARGATE_SPOT'], ...(tags.length > 0 ? { tags } : {}) },
    });
  }

  const listenerPort = num(lb.listenerPort);
  if (lb.kind === 'new') {
    const cidr = lb.ingressCidr.trim();
    steps.push({
      kind: 'createSecurityGroup',
      produces: 'loadBalancerSecurityGroup',
      key: `security-group/${vpcId}/${names.loadBalancerGroup}`,
      field: 'loadBalancing.loadBalancerSecurityGroupName',
      summary: `Create security group ${names.loadBalancerGroup} in ${vpcId} for load balancer ${names.loadBalancer}`,
      request: groupRequest(form, names.loadBalancerGroup, defaultGroupDescription('loadBalancer', names.loadBalancer)),
    });
    steps.push({
      kind: 'authorizeIngress',
      key: `ingress/${vpcId}/${names.loadBalancerGroup}/tcp/${listenerPort}/${cidr}`,
      field: 'loadBalancing.ingressCidr',
      summary: `Allow TCP ${listenerPort} into ${names.loadBalancerGroup} from ${cidr}`,
      request: {
        GroupId: { ref: 'loadBalancerSecurityGroup' },
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: listenerPort, ToPort: listenerPort, IpRanges: [{ CidrIp: cidr, Description: `HTTP to ${names.loadBalancer}` }] }],
      },
    });
  }

  const sg = net.newSecurityGroup;
  if (sg.create) {
    steps.push({
      kind: 'createSecurityGroup',
      produces: 'serviceSecurityGroup',
      key: `security-group/${vpcId}/${names.serviceGroup}`,
      field: 'networking.newSecurityGroup.name',
      summary: `Create security group ${names.serviceGroup} in ${vpcId} for the tasks of service ${serviceName}`,
      request: groupRequest(form, names.serviceGroup, sg.description.trim() || defaultGroupDescription('service', serviceName)),
    });
    if (newGroupHasIngress(form)) {
      const description = `${form.containerName.trim()}:${port} of ${serviceName}`;
      if (sg.inboundFrom === 'cidr') {
        const cidr = sg.inboundCidr.trim();
        steps.push({
          kind: 'authorizeIngress',
          key: `ingress/${vpcId}/${names.serviceGroup}/tcp/${port}/${cidr}`,
          field: 'networking.newSecurityGroup.inboundCidr',
          summary: `Allow TCP ${port} into ${names.serviceGroup} from ${cidr}`,
          request: { GroupId: { ref: 'serviceSecurityGroup' }, IpPermissions: [{ IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: [{ CidrIp: cidr, Description: description }] }] },
        });
      } else {
        const sources: Array<Deferred<string>> = lb.kind === 'new' ? [{ ref: 'loadBalancerSecurityGroup' }] : [...(existingAlb?.loadBalancer.securityGroupIds ?? [])];
        const sourceLabel = lb.kind === 'new' ? names.loadBalancerGroup : listPhrase(sources as string[], 'and');
        steps.push({
          kind: 'authorizeIngress',
          key: `ingress/${vpcId}/${names.serviceGroup}/tcp/${port}/from/${sourceLabel}`,
          field: 'networking.newSecurityGroup.inboundFrom',
          summary: `Allow TCP ${port} into ${names.serviceGroup} from the load balancer's security group ${sourceLabel}`,
          request: {
            GroupId: { ref: 'serviceSecurityGroup' },
            IpPermissions: [{ IpProtocol: 'tcp', FromPort: port, ToPort: port, UserIdGroupPairs: sources.map((GroupId) => ({ GroupId, Description: description })) }],
          },
        });
      }
    }
  }

  if (lb.kind === 'new') {
    const subnets = [...lb.loadBalancerSubnetIds];
    steps.push({
      kind: 'createLoadBalancer',
      produces: 'loadBalancer',
      key: `load-balancer/${names.loadBalancer}`,
      field: 'loadBalancing.loadBalancerName',
      summary: `Create internet-facing Application Load Balancer ${names.loadBalancer} in ${zonesLabel(subnets, facts)}, with security group ${names.loadBalancerGroup}`,
      request: {
        Name: names.loadBalancer,
        Type: 'application',
        Scheme: 'internet-facing',
        IpAddressType: 'ipv4',
        Subnets: subnets,
        SecurityGroups: [{ ref: 'loadBalancerSecurityGroup' }],
        ...(elbTags(form) ? { Tags: elbTags(form) } : {}),
      },
    });
  }

  const newTargetGroup = lb.kind === 'new' || (lb.kind === 'existing' && lb.targetGroupChoice === 'new');
  if (newTargetGroup) {
    const path = lb.healthCheckPath.trim();
    steps.push({
      kind: 'createTargetGroup',
      produces: 'targetGroup',
      key: `target-group/${names.targetGroup}`,
      field: 'loadBalancing.targetGroupName',
      summary: `Create target group ${names.targetGroup} in ${vpcId}: type ip, HTTP port ${port}, health check HTTP GET ${path}`,
      request: {
        Name: names.targetGroup,
        TargetType: 'ip',
        Protocol: 'HTTP',
        Port: port,
        VpcId: vpcId,
        HealthCheckProtocol: 'HTTP',
        HealthCheckPath: path,
        ...(elbTags(form) ? { Tags: elbTags(form) } : {}),
      },
    });
  }

  const targetGroupArn: Deferred<string> | undefined = !hasLoadBalancer(form) ? undefined
    : newTargetGroup ? { ref: 'targetGroup' } : lb.targetGroupArn.trim();
  const newListener = lb.kind === 'new' || (lb.kind === 'existing' && lb.listenerChoice === 'new');
  if (newListener && targetGroupArn !== undefined) {
    steps.push({
      kind: 'createListener',
      key: `listener/${names.loadBalancer}/${listenerPort}`,
      field: 'loadBalancing.listenerPort',
      summary: `Create an HTTP listener on port ${listenerPort} of ${names.loadBalancer}, forwarding to target group ${names.targetGroup}`,
      request: {
        LoadBalancerArn: lb.kind === 'new' ? { ref: 'loadBalancer' } : lb.loadBalancerArn.trim(),
        Protocol: 'HTTP',
        Port: listenerPort,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: targetGroupArn }],
        ...(elbTags(form) ? { Tags: elbTags(form) } : {}),
      },
    });
  }

  steps.push(serviceStep(form, facts, names, targetGroupArn));
  return steps;
}

/** Errors only the plan can see: what it needs from the facts to write a request. */
function planErrors(form: ServiceForm, facts: ServiceFormFacts): Issue[] {
  const lb = form.loadBalancing;
  const sg = form.networking.newSecurityGroup;
  if (!(lb.kind === 'existing' && sg.create && sg.inboundFrom === 'loadBalancer')) return [];
  const alb = facts.loadBalancer?.loadBalancer.arn === lb.loadBalancerArn.trim() ? facts.loadBalancer.loadBalancer : undefined;
  if (!alb) {
    return [{ path: 'networking.newSecurityGroup.inboundFrom', code: 'LOAD_BALANCER_NOT_READ', message: 'The load balancer\'s security groups have not been read yet: wait for them, or allow a CIDR block instead.' }];
  }
  if (alb.securityGroupIds.length === 0) {
    return [{ path: 'networking.newSecurityGroup.inboundFrom', code: 'LOAD_BALANCER_HAS_NO_GROUPS', message: `${alb.name} has no security group to allow traffic from: allow a CIDR block (such as the VPC's) instead.` }];
  }
  return [];
}

/** Validation and the plan in one step: what the form shows and what "Create" runs. */
export function planServiceCreation(form: ServiceForm, facts: ServiceFormFacts = {}): ServiceCreationResult {
  const result = validateServiceForm(form, facts);
  const errors = [...result.errors, ...planErrors(form, facts)];
  if (errors.length > 0) return { errors, warnings: result.warnings };
  return { ...result, plan: { steps: stepsFor(form, facts) } };
}

/** The plan for a valid form; throws ServiceFormError with the errors otherwise. */
export function buildServiceCreationPlan(form: ServiceForm, facts: ServiceFormFacts = {}): ServiceCreationPlan {
  const result = planServiceCreation(form, facts);
  if (!result.plan) throw new ServiceFormError(result.errors);
  return result.plan;
}

/** The plan as "Create" asks about it: one numbered line per step. */
export function describeServicePlan<E>(plan: ServiceCreationPlan<E>): string[] {
  return plan.steps.map((s, i) => `${i + 1}. ${s.summary}`);
}
