// The requests creating a service sends: ECS CreateCluster and CreateService, EC2
// CreateSecurityGroup and AuthorizeSecurityGroupIngress, ELBv2 CreateLoadBalancer,
// CreateTargetGroup and CreateListener. Plain structural types whose field names mirror the
// AWS SDK v3 inputs exactly (ECS spells them camelCase, EC2 and ELBv2 PascalCase), so a value
// of these types is handed to the SDK in src/aws unchanged; test/unit/forms checks that
// assignability at compile time. Only the fields ECS Studio sends are listed.

import type { Tag } from './ecsRequest';

export type { Tag } from './ecsRequest';

// ---- ECS ------------------------------------------------------------------------------------

/** The launch type this form creates services with (Fargate Spot is a capacity provider, not a launch type). */
export type LaunchType = 'FARGATE';
/** The Fargate capacity providers every cluster can use (CreateCluster associates them). */
export type FargateCapacityProvider = 'FARGATE' | 'FARGATE_SPOT';
export const FARGATE_CAPACITY_PROVIDERS: readonly FargateCapacityProvider[] = ['FARGATE', 'FARGATE_SPOT'];
export type AssignPublicIp = 'ENABLED' | 'DISABLED';
export type PropagateTags = 'NONE' | 'SERVICE' | 'TASK_DEFINITION';
export const PROPAGATE_TAGS: readonly PropagateTags[] = ['NONE', 'SERVICE', 'TASK_DEFINITION'];

export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  /** 0-1000; at least one item of a strategy needs a weight above 0. */
  weight?: number;
  /** 0-100000; at most one item of a strategy may have a base. */
  base?: number;
}

export interface DeploymentCircuitBreaker {
  enable: boolean;
  rollback: boolean;
}

export interface DeploymentConfiguration {
  deploymentCircuitBreaker?: DeploymentCircuitBreaker;
  maximumPercent?: number;
  minimumHealthyPercent?: number;
}

export interface AwsVpcConfiguration {
  /** At most 16, all in one VPC. */
  subnets: string[];
  /** At most 5, all in the subnets' VPC; none means the VPC's default group. */
  securityGroups?: string[];
  assignPublicIp?: AssignPublicIp;
}

export interface NetworkConfiguration {
  awsvpcConfiguration?: AwsVpcConfiguration;
}

/** A target group registration (Application / Network Load Balancer): no loadBalancerName. */
export interface ServiceLoadBalancer {
  targetGroupArn?: string;
  containerName?: string;
  containerPort?: number;
}

export interface CreateServiceRequest {
  cluster?: string;
  serviceName: string;
  /** `family:revision`, `family` (latest ACTIVE revision) or the full ARN. */
  taskDefinition?: string;
  desiredCount?: number;
  /** Exactly one of launchType and capacityProviderStrategy is sent. */
  launchType?: LaunchType;
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  deploymentConfiguration?: DeploymentConfiguration;
  networkConfiguration?: NetworkConfiguration;
  loadBalancers?: ServiceLoadBalancer[];
  healthCheckGracePeriodSeconds?: number;
  enableExecuteCommand?: boolean;
  tags?: Tag[];
  enableECSManagedTags?: boolean;
  propagateTags?: PropagateTags;
}

export interface CreateClusterRequest {
  clusterName?: string;
  /** The console's "AWS Fargate" infrastructure associates both Fargate providers. */
  capacityProviders?: string[];
  tags?: Tag[];
}

// ---- EC2 ------------------------------------------------------------------------------------

export interface Ec2Tag {
  Key?: string;
  Value?: string;
}

export interface TagSpecification {
  /** `security-group` for the groups the plan creates. */
  ResourceType?: 'security-group';
  Tags?: Ec2Tag[];
}

export interface CreateSecurityGroupRequest {
  /** Up to 255 characters: a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$* */
  Description: string;
  /** Up to 255 characters of the same set, not starting with `sg-`; unique (case-insensitive) in the VPC. */
  GroupName: string;
  VpcId?: string;
  TagSpecifications?: TagSpecification[];
}

export interface IpRange {
  CidrIp?: string;
  Description?: string;
}

export interface UserIdGroupPair {
  GroupId?: string;
  Description?: string;
}

export interface IpPermission {
  /** `tcp`, `udp`, `icmp`, or `-1` for all traffic. */
  IpProtocol?: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: IpRange[];
  UserIdGroupPairs?: UserIdGroupPair[];
}

export interface AuthorizeSecurityGroupIngressRequest {
  GroupId?: string;
  IpPermissions?: IpPermission[];
}

// ---- Elastic Load Balancing v2 --------------------------------------------------------------

export type ElbProtocol = 'HTTP' | 'HTTPS';

export interface ElbTag {
  Key: string;
  Value?: string;
}

export interface CreateLoadBalancerInput {
  /** 1-32 alphanumerics and hyphens, not starting or ending with a hyphen, not starting with `internal-`. */
  Name: string;
  /** An Application Load Balancer needs subnets in at least two Availability Zones, one per zone. */
  Subnets?: string[];
  SecurityGroups?: string[];
  Scheme?: 'internet-facing' | 'internal';
  Type?: 'application';
  IpAddressType?: 'ipv4';
  Tags?: ElbTag[];
}

export interface Matcher {
  HttpCode?: string;
}

export interface CreateTargetGroupInput {
  /** 1-32 alphanumerics and hyphens, not starting or ending with a hyphen. */
  Name: string;
  Protocol?: ElbProtocol;
  Port?: number;
  VpcId?: string;
  HealthCheckProtocol?: ElbProtocol;
  HealthCheckPath?: string;
  HealthCheckEnabled?: boolean;
  Matcher?: Matcher;
  /** awsvpc tasks (every Fargate task) register by IP: `ip`. */
  TargetType?: 'ip';
  Tags?: ElbTag[];
}

export interface ListenerAction {
  Type: 'forward';
  TargetGroupArn?: string;
}

export interface CreateListenerInput {
  LoadBalancerArn: string;
  Protocol?: ElbProtocol;
  Port?: number;
  DefaultActions: ListenerAction[];
  Tags?: ElbTag[];
}
