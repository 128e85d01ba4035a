/** ECS services, tasks and task definitions as the views and the doctor need them: plain data. */

export interface NetworkConfiguration {
  readonly subnets: readonly string[];
  readonly securityGroups: readonly string[];
  readonly assignPublicIp: 'ENABLED' | 'DISABLED';
}

export interface ServiceLoadBalancer {
  readonly targetGroupArn: string | undefined;
  readonly loadBalancerName: string | undefined;
  readonly containerName: string | undefined;
  readonly containerPort: number | undefined;
}

export interface Deployment {
  readonly id: string;
  readonly status: string;
  readonly taskDefinition: string;
  readonly desiredCount: number;
  readonly runningCount: number;
  readonly pendingCount: number;
  readonly failedTasks: number;
  readonly rolloutState: string | undefined;
  readonly rolloutStateReason: string | undefined;
  readonly createdAt: Date | undefined;
  readonly updatedAt: Date | undefined;
}

export interface ServiceEvent {
  readonly id: string;
  readonly createdAt: Date | undefined;
  readonly message: string;
}

export interface Service {
  readonly arn: string;
  readonly name: string;
  readonly clusterArn: string;
  readonly status: string;
  readonly desiredCount: number;
  readonly runningCount: number;
  readonly pendingCount: number;
  readonly launchType: string | undefined;
  readonly capacityProviders: readonly string[];
  readonly platformVersion: string | undefined;
  readonly taskDefinition: string;
  readonly deployments: readonly Deployment[];
  readonly events: readonly ServiceEvent[];
  readonly networkConfiguration: NetworkConfiguration | undefined;
  readonly loadBalancers: readonly ServiceLoadBalancer[];
  readonly enableExecuteCommand: boolean;
  readonly healthCheckGracePeriodSeconds: number | undefined;
  readonly createdAt: Date | undefined;
}

export interface Container {
  readonly name: string;
  readonly image: string | undefined;
  readonly lastStatus: string | undefined;
  readonly exitCode: number | undefined;
  readonly reason: string | undefined;
  readonly healthStatus: string | undefined;
  readonly runtimeId: string | undefined;
}

export interface Task {
  readonly arn: string;
  readonly id: string;
  readonly clusterArn: string;
  readonly taskDefinitionArn: string;
  readonly group: string | undefined;
  readonly startedBy: string | undefined;
  readonly lastStatus: string;
  readonly desiredStatus: string;
  readonly healthStatus: string | undefined;
  readonly launchType: string | undefined;
  readonly platformVersion: string | undefined;
  readonly availabilityZone: string | undefined;
  readonly cpu: string | undefined;
  readonly memory: string | undefined;
  readonly stopCode: string | undefined;
  readonly stoppedReason: string | undefined;
  readonly createdAt: Date | undefined;
  readonly startedAt: Date | undefined;
  readonly stoppingAt: Date | undefined;
  readonly stoppedAt: Date | undefined;
  readonly containers: readonly Container[];
  /** The task ENI's private IPv4 address, when it has one. */
  readonly privateIp: string | undefined;
  readonly subnetId: string | undefined;
}

export type TaskStatusFilter = 'RUNNING' | 'STOPPED';

/** The service a task belongs to, from its group ("service:NAME"); undefined for standalone tasks. */
export function serviceNameOfTask(task: Pick<Task, 'group'>): string | undefined {
  return task.group?.startsWith('service:') ? task.group.slice('service:'.length) : undefined;
}

/** The last part of an ARN ("arn:aws:ecs:r:a:task/cluster/ID" -> "ID"). */
export function arnLeaf(arn: string): string {
  const slash = arn.lastIndexOf('/');
  return slash >= 0 ? arn.slice(slash + 1) : arn.slice(arn.lastIndexOf(':') + 1);
}

/** "family:revision" of a task definition ARN. */
export function taskDefinitionLabel(arn: string): string {
  return arnLeaf(arn);
}
