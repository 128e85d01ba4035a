/** The task definition as the doctor's snapshot holds it (src/doctor/snapshot.ts), from DescribeTaskDefinition. */
import type { SnapshotContainer, SnapshotTaskDefinition } from '../doctor/snapshot';
import type { RawTaskDefinition } from './taskDefinitionGateway';

/** The part of DescribeTaskDefinition the rules read. */
export function toSnapshotTaskDefinition(t: RawTaskDefinition): SnapshotTaskDefinition {
  const containers: SnapshotContainer[] = (t.containerDefinitions ?? []).map((c) => ({
    name: c.name ?? '',
    image: c.image ?? '',
    essential: c.essential ?? true,
    portMappings: (c.portMappings ?? []).map((p) => ({ containerPort: p.containerPort, protocol: p.protocol })),
    ...(c.logConfiguration?.logDriver ? {
      logConfiguration: {
        logDriver: c.logConfiguration.logDriver,
        options: { ...(c.logConfiguration.options ?? {}) },
        ...(c.logConfiguration.secretOptions?.length
          ? { secretOptions: c.logConfiguration.secretOptions.map((o) => ({ name: o.name ?? '', valueFrom: o.valueFrom ?? '' })) }
          : {}),
      },
    } : {}),
    ...(c.secrets?.length ? { secrets: c.secrets.map((s) => ({ name: s.name ?? '', valueFrom: s.valueFrom ?? '' })) } : {}),
    ...(c.environmentFiles?.length ? { environmentFiles: c.environmentFiles.map((f) => ({ value: f.value ?? '', type: f.type ?? 's3' })) } : {}),
    ...(c.repositoryCredentials?.credentialsParameter ? { repositoryCredentials: { credentialsParameter: c.repositoryCredentials.credentialsParameter } } : {}),
    ...(c.healthCheck ? {
      healthCheck: {
        ...(c.healthCheck.command ? { command: c.healthCheck.command } : {}),
        ...(c.healthCheck.interval !== undefined ? { interval: c.healthCheck.interval } : {}),
        ...(c.healthCheck.timeout !== undefined ? { timeout: c.healthCheck.timeout } : {}),
        ...(c.healthCheck.retries !== undefined ? { retries: c.healthCheck.retries } : {}),
        ...(c.healthCheck.startPeriod !== undefined ? { startPeriod: c.healthCheck.startPeriod } : {}),
      },
    } : {}),
  }));
  return {
    ...(t.taskDefinitionArn ? { arn: t.taskDefinitionArn } : {}),
    family: t.family ?? '',
    ...(t.revision !== undefined ? { revision: t.revision } : {}),
    ...(t.networkMode ? { networkMode: t.networkMode } : {}),
    requiresCompatibilities: t.requiresCompatibilities ?? [],
    ...(t.runtimePlatform ? {
      runtimePlatform: {
        ...(t.runtimePlatform.cpuArchitecture ? { cpuArchitecture: t.runtimePlatform.cpuArchitecture } : {}),
        ...(t.runtimePlatform.operatingSystemFamily ? { operatingSystemFamily: t.runtimePlatform.operatingSystemFamily } : {}),
      },
    } : {}),
    ...(t.cpu ? { cpu: t.cpu } : {}),
    ...(t.memory ? { memory: t.memory } : {}),
    ...(t.executionRoleArn ? { executionRoleArn: t.executionRoleArn } : {}),
    ...(t.taskRoleArn ? { taskRoleArn: t.taskRoleArn } : {}),
    containers,
  };
}
