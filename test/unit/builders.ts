// Test builders: valid defaults, so a test sets only the fields it cares about.
import type { Service, Task } from '../../src/model/ecs';

export function aService(overrides: Partial<Service> = {}): Service {
  return {
    arn: 'arn:aws:ecs:ap-northeast-2:123456789012:service/demo-ecs-cluster/demo-ecs-service',
    name: 'demo-ecs-service',
    clusterArn: 'arn:aws:ecs:ap-northeast-2:123456789012:cluster/demo-ecs-cluster',
    status: 'ACTIVE',
    desiredCount: 1,
    runningCount: 1,
    pendingCount: 0,
    launchType: 'FARGATE',
    capacityProviders: [],
    platformVersion: 'LATEST',
    taskDefinition: 'arn:aws:ecs:ap-northeast-2:123456789012:task-definition/demo-ecs-task:1',
    deployments: [{
      id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: 'arn:aws:ecs:ap-northeast-2:123456789012:task-definition/demo-ecs-task:1',
      desiredCount: 1, runningCount: 1, pendingCount: 0, failedTasks: 0, rolloutState: 'IN_PROGRESS', rolloutStateReason: undefined,
      createdAt: undefined, updatedAt: undefined,
    }],
    events: [],
    networkConfiguration: undefined,
    loadBalancers: [],
    enableExecuteCommand: false,
    healthCheckGracePeriodSeconds: undefined,
    createdAt: undefined,
    ...overrides,
  };
}

export function aTask(overrides: Partial<Task> = {}): Task {
  return {
    arn: 'arn:aws:ecs:ap-northeast-2:123456789012:task/demo-ecs-cluster/0123456789abcdef0123456789abcdef',
    id: '0123456789abcdef0123456789abcdef',
    clusterArn: 'arn:aws:ecs:ap-northeast-2:123456789012:cluster/demo-ecs-cluster',
    taskDefinitionArn: 'arn:aws:ecs:ap-northeast-2:123456789012:task-definition/demo-ecs-task:1',
    group: 'service:demo-ecs-service',
    startedBy: 'ecs-svc/1',
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: undefined,
    launchType: 'FARGATE',
    platformVersion: '1.4.0',
    availabilityZone: 'ap-northeast-2a',
    cpu: '1024',
    memory: '3072',
    stopCode: undefined,
    stoppedReason: undefined,
    createdAt: undefined,
    startedAt: undefined,
    stoppingAt: undefined,
    stoppedAt: undefined,
    containers: [],
    privateIp: '10.0.2.15',
    subnetId: 'subnet-0abc',
    ...overrides,
  };
}
