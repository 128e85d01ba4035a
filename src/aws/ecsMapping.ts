/** SDK shapes of ECS to the plain model types (the only place they meet). */
import type {
  Container as SdkContainer,
  Deployment as SdkDeployment,
  Service as SdkService,
  Task as SdkTask,
} from '@aws-sdk/client-ecs';
import { arnLeaf, type Container, type Deployment, type Service, type Task } from '../model/ecs';

function toDeployment(d: SdkDeployment): Deployment {
  return {
    id: d.id ?? '',
    status: d.status ?? 'UNKNOWN',
    taskDefinition: d.taskDefinition ?? '',
    desiredCount: d.desiredCount ?? 0,
    runningCount: d.runningCount ?? 0,
    pendingCount: d.pendingCount ?? 0,
    failedTasks: d.failedTasks ?? 0,
    rolloutState: d.rolloutState,
    rolloutStateReason: d.rolloutStateReason,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export function toService(s: SdkService): Service {
  const arn = s.serviceArn ?? '';
  const vpc = s.networkConfiguration?.awsvpcConfiguration;
  return {
    arn,
    name: s.serviceName ?? arnLeaf(arn),
    clusterArn: s.clusterArn ?? '',
    status: s.status ?? 'UNKNOWN',
    desiredCount: s.desiredCount ?? 0,
    runningCount: s.runningCount ?? 0,
    pendingCount: s.pendingCount ?? 0,
    launchType: s.launchType,
    capacityProviders: (s.capacityProviderStrategy ?? []).map((c) => c.capacityProvider ?? '').filter(Boolean),
    platformVersion: s.platformVersion,
    taskDefinition: s.taskDefinition ?? '',
    deployments: (s.deployments ?? []).map(toDeployment),
    events: (s.events ?? []).map((e) => ({ id: e.id ?? '', createdAt: e.createdAt, message: e.message ?? '' })),
    networkConfiguration: vpc
      ? { subnets: vpc.subnets ?? [], securityGroups: vpc.securityGroups ?? [], assignPublicIp: vpc.assignPublicIp === 'ENABLED' ? 'ENABLED' : 'DISABLED' }
      : undefined,
    loadBalancers: (s.loadBalancers ?? []).map((lb) => ({
      targetGroupArn: lb.targetGroupArn,
      loadBalancerName: lb.loadBalancerName,
      containerName: lb.containerName,
      containerPort: lb.containerPort,
    })),
    enableExecuteCommand: s.enableExecuteCommand ?? false,
    healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds,
    createdAt: s.createdAt,
  };
}

function toContainer(c: SdkContainer): Container {
  return {
    name: c.name ?? '',
    image: c.image,
    lastStatus: c.lastStatus,
    exitCode: c.exitCode,
    reason: c.reason,
    healthStatus: c.healthStatus,
    runtimeId: c.runtimeId,
  };
}

function attachmentDetail(t: SdkTask, name: string): string | undefined {
  for (const attachment of t.attachments ?? []) {
    const found = attachment.details?.find((d) => d.name === name)?.value;
    if (found) return found;
  }
  return undefined;
}

export function toTask(t: SdkTask): Task {
  const arn = t.taskArn ?? '';
  return {
    arn,
    id: arnLeaf(arn),
    clusterArn: t.clusterArn ?? '',
    taskDefinitionArn: t.taskDefinitionArn ?? '',
    group: t.group,
    startedBy: t.startedBy,
    lastStatus: t.lastStatus ?? 'UNKNOWN',
    desiredStatus: t.desiredStatus ?? 'UNKNOWN',
    healthStatus: t.healthStatus,
    launchType: t.launchType,
    platformVersion: t.platformVersion,
    availabilityZone: t.availabilityZone,
    cpu: t.cpu,
    memory: t.memory,
    stopCode: t.stopCode,
    stoppedReason: t.stoppedReason,
    createdAt: t.createdAt,
    startedAt: t.startedAt,
    stoppingAt: t.stoppingAt,
    stoppedAt: t.stoppedAt,
    containers: (t.containers ?? []).map(toContainer),
    privateIp: attachmentDetail(t, 'privateIPv4Address'),
    subnetId: attachmentDetail(t, 'subnetId'),
  };
}
