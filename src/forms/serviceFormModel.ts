// The "Create service" form: what it holds (strings as a person types them), its defaults (the
// console's), and the facts about the account the host reads for it. Validation is in
// validateService.ts; the ordered creation plan and the requests in serviceCreationPlan.ts.
//
// The state is flat on purpose, like the task definition form: switching the load balancing
// kind or the compute kind keeps what was typed in the other choice, and only the chosen one is
// validated and sent. Blank tag rows are ignored.

import type { SecurityGroup, Subnet, LoadBalancer, Listener, ListenerRule, RouteTable, TargetGroup } from '../model/network';
import { classifySubnet } from '../model/subnetKind';
import type { SubnetKind } from '../model/subnetKind';
import type { FargateCapacityProvider, PropagateTags } from '../model/serviceRequest';
import type { TaskDefinition } from '../model/taskDefinition';
import type { TagForm } from './taskDefinitionFormModel';

export type { TagForm } from './taskDefinitionFormModel';

export interface CapacityProviderRowForm {
  provider: FargateCapacityProvider;
  /** Tasks placed on this provider first; '' means 0. */
  base: string;
  /** Share of the tasks after the bases; '' means 0. */
  weight: string;
}

export interface ComputeForm {
  /** `launchType`: FARGATE; `capacityProviderStrategy`: the rows below (FARGATE / FARGATE_SPOT). */
  kind: 'launchType' | 'capacityProviderStrategy';
  strategy: CapacityProviderRowForm[];
  /** `LATEST` or a version such as `1.4.0`. */
  platformVersion: string;
}

export interface DeploymentForm {
  minimumHealthyPercent: string;
  maximumPercent: string;
  circuitBreaker: boolean;
  /** Sent only with the circuit breaker on. */
  rollback: boolean;
  /**
   * Seconds ECS ignores load balancer health checks after a task starts. Required with a load
   * balancer; without one it is neither validated nor sent (gracePeriodApplies()).
   */
  healthCheckGracePeriod: string;
}

export interface NewSecurityGroupForm {
  /** Create a group for the service's tasks along with it. */
  create: boolean;
  name: string;
  /** '' gives a description naming the service. */
  description: string;
  /**
   * Where the inbound rule on the container port comes from: the load balancer's security group
   * (needs a load balancer) or a CIDR (the tutorial's 10.0.0.0/16).
   */
  inboundFrom: 'loadBalancer' | 'cidr';
  inboundCidr: string;
}

export interface NetworkingForm {
  vpcId: string;
  subnetIds: string[];
  assignPublicIp: boolean;
  /** Existing groups; the new one (when created) is added to them. */
  securityGroupIds: string[];
  newSecurityGroup: NewSecurityGroupForm;
}

export interface LoadBalancingForm {
  /** `none`; `existing`: an Application Load Balancer of the VPC; `new`: an internet-facing one made with the service. */
  kind: 'none' | 'existing' | 'new';

  // ---- existing load balancer
  loadBalancerArn: string;
  /** `existing`: listenerArn; `new`: a listener on listenerPort. */
  listenerChoice: 'existing' | 'new';
  listenerArn: string;
  /** `existing`: targetGroupArn; `new`: a target group made with the service. */
  targetGroupChoice: 'existing' | 'new';
  targetGroupArn: string;

  // ---- new load balancer (always with a new listener and a new target group)
  loadBalancerName: string;
  /** Public subnets of the VPC, one per Availability Zone (defaultLoadBalancerSubnets()). */
  loadBalancerSubnetIds: string[];
  loadBalancerSecurityGroupName: string;
  /** Who may reach the listener port: 0.0.0.0/0 by default. */
  ingressCidr: string;

  // ---- new listener / new target group (either kind)
  /** HTTP listener port. */
  listenerPort: string;
  targetGroupName: string;
  healthCheckPath: string;
}

export interface ServiceForm {
  /** Cluster name (or ARN) to create the service in, or the name of the cluster to create. */
  cluster: string;
  createCluster: boolean;
  taskDefinitionFamily: string;
  /** '' for the latest ACTIVE revision. */
  taskDefinitionRevision: string;
  serviceName: string;
  desiredCount: string;
  compute: ComputeForm;
  deployment: DeploymentForm;
  enableExecuteCommand: boolean;
  networking: NetworkingForm;
  loadBalancing: LoadBalancingForm;
  /** The container and port the load balancer sends traffic to (and the new group's rule opens), from the task definition's port mappings. */
  containerName: string;
  containerPort: string;
  tags: TagForm[];
  enableECSManagedTags: boolean;
  propagateTags: PropagateTags;
}

export function defaultStrategy(): CapacityProviderRowForm[] {
  return [
    { provider: 'FARGATE', base: '0', weight: '1' },
    { provider: 'FARGATE_SPOT', base: '0', weight: '0' },
  ];
}

/** A new service as the console starts one: 1 task on Fargate, rolling update 100/200 with rollback. */
export function defaultServiceForm(): ServiceForm {
  return {
    cluster: '',
    createCluster: false,
    taskDefinitionFamily: '',
    taskDefinitionRevision: '',
    serviceName: '',
    desiredCount: '1',
    compute: { kind: 'launchType', strategy: defaultStrategy(), platformVersion: 'LATEST' },
    deployment: {
      minimumHealthyPercent: '100',
      maximumPercent: '200',
      circuitBreaker: true,
      rollback: true,
      healthCheckGracePeriod: '60',
    },
    enableExecuteCommand: false,
    networking: {
      vpcId: '',
      subnetIds: [],
      assignPublicIp: false,
      securityGroupIds: [],
      newSecurityGroup: { create: false, name: '', description: '', inboundFrom: 'loadBalancer', inboundCidr: '' },
    },
    loadBalancing: {
      kind: 'none',
      loadBalancerArn: '',
      listenerChoice: 'existing',
      listenerArn: '',
      targetGroupChoice: 'existing',
      targetGroupArn: '',
      loadBalancerName: '',
      loadBalancerSubnetIds: [],
      loadBalancerSecurityGroupName: '',
      ingressCidr: '0.0.0.0/0',
      listenerPort: '80',
      targetGroupName: '',
      healthCheckPath: '/',
    },
    containerName: '',
    containerPort: '',
    tags: [],
    enableECSManagedTags: true,
    propagateTags: 'NONE',
  };
}

// ---------------------------------------------------------------- facts the host reads

/** A subnet of the chosen VPC with its kind (classifySubnetFacts() makes these from route tables). */
export interface SubnetFact extends Pick<Subnet, 'id' | 'vpcId' | 'availabilityZone'> {
  readonly name?: string | undefined;
  readonly kind: SubnetKind;
  /** Why it is that kind, for the label next to it. */
  readonly reason?: string;
}

/** The chosen existing load balancer, its listeners and the rules that may forward to the target group. */
export interface LoadBalancerFact {
  readonly loadBalancer: Pick<LoadBalancer, 'arn' | 'name' | 'type' | 'scheme' | 'vpcId' | 'securityGroupIds'>;
  readonly listeners: ReadonlyArray<Pick<Listener, 'arn' | 'port' | 'protocol' | 'defaultActions'>>;
  /** Non-default rules of those listeners, when read; a rule forwarding to the group counts as attached. */
  readonly rules?: ReadonlyArray<Pick<ListenerRule, 'listenerArn' | 'actions'>>;
}

export type TargetGroupFact = Pick<TargetGroup, 'arn' | 'name' | 'targetType' | 'vpcId' | 'port' | 'protocol' | 'loadBalancerArns' | 'healthCheckPath'>;

export type TaskDefinitionFact = Pick<TaskDefinition, 'family' | 'revision' | 'networkMode' | 'requiresCompatibilities' | 'containers'> & {
  /** DescribeTaskDefinition's `compatibilities` (what ECS found it compatible with), when read. */
  readonly compatibilities?: readonly string[];
};

/**
 * What the host knows about the account when it validates. Every part is optional: what is not
 * given is not checked (the form can be validated as it is typed, before anything is read).
 */
export interface ServiceFormFacts {
  readonly taskDefinition?: TaskDefinitionFact;
  /** The subnets of the chosen VPC (all of them: the new load balancer picks among them too). */
  readonly subnets?: readonly SubnetFact[];
  /** The security groups of the chosen VPC. */
  readonly securityGroups?: ReadonlyArray<Pick<SecurityGroup, 'id' | 'name' | 'vpcId'>>;
  /** With loadBalancing.kind `existing`: the chosen load balancer. */
  readonly loadBalancer?: LoadBalancerFact;
  /** With an existing target group: the chosen one. */
  readonly targetGroup?: TargetGroupFact;
  /** Services (ACTIVE or DRAINING) of the chosen cluster. */
  readonly existingServiceNames?: readonly string[];
  /** Capacity providers associated with the chosen (existing) cluster. */
  readonly clusterCapacityProviders?: readonly string[];
}

/** Subnet facts from the VPC's subnets and route tables, each with its kind and why. */
export function classifySubnetFacts(subnets: readonly Subnet[], routeTables: readonly RouteTable[]): SubnetFact[] {
  return subnets.map((s) => {
    const c = classifySubnet(s, routeTables);
    return { id: s.id, vpcId: s.vpcId, availabilityZone: s.availabilityZone, name: s.name, kind: c.kind, reason: c.reason };
  });
}

/** The subnets a new internet-facing load balancer starts with: the first public subnet of each Availability Zone. */
export function defaultLoadBalancerSubnets(subnets: readonly SubnetFact[], vpcId: string): string[] {
  const byZone = new Map<string, string>();
  for (const s of subnets) {
    if (s.vpcId !== vpcId || s.kind !== 'public' || byZone.has(s.availabilityZone)) continue;
    byZone.set(s.availabilityZone, s.id);
  }
  return [...byZone.values()];
}

/** Whether the form has a load balancer (then container, port and grace period are needed). */
export function hasLoadBalancer(form: Pick<ServiceForm, 'loadBalancing'>): boolean {
  return form.loadBalancing.kind !== 'none';
}

/** The grace period is validated and sent only with a load balancer: the webview hides it otherwise. */
export function gracePeriodApplies(form: Pick<ServiceForm, 'loadBalancing'>): boolean {
  return hasLoadBalancer(form);
}

/** Whether the service's new security group gets an inbound rule on the container port. */
export function newGroupHasIngress(form: Pick<ServiceForm, 'networking' | 'loadBalancing'>): boolean {
  const sg = form.networking.newSecurityGroup;
  return sg.create && (sg.inboundFrom === 'cidr' || hasLoadBalancer(form));
}

/** The `taskDefinition` CreateService receives: `family:revision`, or `family` for the latest ACTIVE revision. */
export function taskDefinitionReference(form: Pick<ServiceForm, 'taskDefinitionFamily' | 'taskDefinitionRevision'>): string {
  const family = form.taskDefinitionFamily.trim();
  const revision = form.taskDefinitionRevision.trim();
  return revision === '' ? family : `${family}:${revision}`;
}

/** The description a new security group gets when none is typed. */
export function defaultGroupDescription(purpose: 'service' | 'loadBalancer', name: string): string {
  return purpose === 'service'
    ? `ECS Studio: tasks of service ${name}`
    : `ECS Studio: load balancer ${name}`;
}

/** Prefills names from the service name, the way the console suggests them (what the person typed is kept). */
export function suggestNames(form: ServiceForm): ServiceForm {
  const base = form.serviceName.trim();
  if (base === '') return form;
  const short = (suffix: string): string => `${base.slice(0, 32 - suffix.length).replace(/[^A-Za-z0-9-]/g, '-').replace(/^-+|-+$/g, '')}${suffix}`;
  const lb = form.loadBalancing;
  const sg = form.networking.newSecurityGroup;
  return {
    ...form,
    networking: { ...form.networking, newSecurityGroup: { ...sg, name: sg.name || `${base}-sg` } },
    loadBalancing: {
      ...lb,
      loadBalancerName: lb.loadBalancerName || short('-alb'),
      loadBalancerSecurityGroupName: lb.loadBalancerSecurityGroupName || `${base}-alb-sg`,
      targetGroupName: lb.targetGroupName || short('-tg'),
    },
  };
}
