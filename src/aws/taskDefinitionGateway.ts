/**
 * ECS task definitions: families and revisions page with AWS's limits; revisions are
 * described one call each (ECS has no batch describe for them), a few at a time. The SDK's
 * TaskDefinition becomes the plain model here and nowhere else.
 */
import {
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  type ContainerDefinition as SdkContainerDefinition,
  type TaskDefinition as SdkTaskDefinition,
} from '@aws-sdk/client-ecs';
import type { Page } from '../model/cluster';
import {
  parseTaskDefinitionLeaf,
  type TaskDefinition,
  type TaskDefinitionContainer,
  type TaskDefinitionFamilyStatus,
  type TaskDefinitionStatus,
} from '../model/taskDefinition';
import { mapConcurrent } from './batching';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';

/** AWS limits (ECS API reference) and this layer's choices. */
export const TASK_DEFINITION_LIMITS = {
  /** ListTaskDefinitionFamilies: default and maximum 100. */
  listFamiliesPageSize: 100,
  /** ListTaskDefinitions: default and maximum 100. */
  listTaskDefinitionsMaxPageSize: 100,
  /**
   * Revisions a family shows per page. Each one costs a DescribeTaskDefinition call, and the
   * newest few are what people look at: 20 keeps a family's first expansion at 21 calls.
   */
  revisionsPageSize: 20,
  /** DescribeTaskDefinition calls in flight at once for one page of revisions. */
  describeConcurrency: 5,
} as const;

/** What DescribeTaskDefinition returns, as the SDK types it (for the form, which reads every field). */
export type RawTaskDefinition = SdkTaskDefinition;

function toContainer(c: SdkContainerDefinition): TaskDefinitionContainer {
  return {
    name: c.name ?? '',
    image: c.image ?? '',
    portMappings: (c.portMappings ?? []).map((p) => ({
      containerPort: p.containerPort,
      hostPort: p.hostPort,
      protocol: p.protocol,
      name: p.name,
      appProtocol: p.appProtocol,
      containerPortRange: p.containerPortRange,
    })),
    logConfiguration: c.logConfiguration?.logDriver
      ? { logDriver: c.logConfiguration.logDriver, options: { ...(c.logConfiguration.options ?? {}) } }
      : undefined,
    essential: c.essential ?? true,
    memory: c.memory,
    memoryReservation: c.memoryReservation,
  };
}

/** The SDK's task definition as the plain model: the one place where the two meet. */
export function toTaskDefinition(t: RawTaskDefinition): TaskDefinition {
  const arn = t.taskDefinitionArn ?? '';
  const fromArn = parseTaskDefinitionLeaf(arn);
  const platform = t.runtimePlatform;
  return {
    arn,
    family: t.family ?? fromArn.family,
    revision: t.revision ?? fromArn.revision,
    status: t.status ?? 'UNKNOWN',
    cpu: t.cpu,
    memory: t.memory,
    runtimePlatform: platform ? { cpuArchitecture: platform.cpuArchitecture, operatingSystemFamily: platform.operatingSystemFamily } : undefined,
    executionRoleArn: t.executionRoleArn,
    taskRoleArn: t.taskRoleArn,
    networkMode: t.networkMode,
    requiresCompatibilities: t.requiresCompatibilities ?? [],
    containers: (t.containerDefinitions ?? []).map(toContainer),
    registeredAt: t.registeredAt,
  };
}

export class TaskDefinitionGateway {
  constructor(private readonly factory: ClientFactory) {}

  private get client(): ECSClient {
    return this.factory.get(ECSClient);
  }

  /** One page of family names (up to 100), ACTIVE families unless asked otherwise. */
  async listFamiliesPage(nextToken: string | undefined, status: TaskDefinitionFamilyStatus = 'ACTIVE', options?: CallOptions): Promise<Page<string>> {
    return awsCall(this.factory.connection, 'ecs:ListTaskDefinitionFamilies', async () => {
      const out = await this.client.send(
        new ListTaskDefinitionFamiliesCommand({
          status,
          maxResults: TASK_DEFINITION_LIMITS.listFamiliesPageSize,
          ...(nextToken ? { nextToken } : {}),
        }),
        sendOptions(options),
      );
      return { items: out.families ?? [], nextToken: out.nextToken || undefined };
    });
  }

  /** One page of a family's revision ARNs, newest first. */
  async listRevisionArnsPage(
    family: string,
    status: TaskDefinitionStatus,
    nextToken: string | undefined,
    options?: CallOptions & { readonly pageSize?: number },
  ): Promise<Page<string>> {
    const pageSize = Math.min(options?.pageSize ?? TASK_DEFINITION_LIMITS.revisionsPageSize, TASK_DEFINITION_LIMITS.listTaskDefinitionsMaxPageSize);
    return awsCall(this.factory.connection, 'ecs:ListTaskDefinitions', async () => {
      const out = await this.client.send(
        new ListTaskDefinitionsCommand({
          // Despite its name, AWS matches the whole family name.
          familyPrefix: family,
          status,
          sort: 'DESC',
          maxResults: pageSize,
          ...(nextToken ? { nextToken } : {}),
        }),
        sendOptions(options),
      );
      return { items: out.taskDefinitionArns ?? [], nextToken: out.nextToken || undefined };
    });
  }

  /** DescribeTaskDefinition as the SDK returns it (the form reads every field). */
  async describeTaskDefinitionRaw(taskDefinition: string, options?: CallOptions): Promise<RawTaskDefinition> {
    return awsCall(this.factory.connection, 'ecs:DescribeTaskDefinition', async () => {
      const out = await this.client.send(new DescribeTaskDefinitionCommand({ taskDefinition }), sendOptions(options));
      if (!out.taskDefinition) throw new Error(`DescribeTaskDefinition returned no task definition for ${taskDefinition}`);
      return out.taskDefinition;
    });
  }

  /** One revision (an ARN, `family:rev`, or a family for its latest ACTIVE revision). */
  async describeTaskDefinition(taskDefinition: string, options?: CallOptions): Promise<TaskDefinition> {
    return toTaskDefinition(await this.describeTaskDefinitionRaw(taskDefinition, options));
  }

  /** Describes revisions a few at a time (one call each); keeps the input order. */
  async describeTaskDefinitions(arns: readonly string[], options?: CallOptions): Promise<TaskDefinition[]> {
    return mapConcurrent(arns, TASK_DEFINITION_LIMITS.describeConcurrency, (arn) => this.describeTaskDefinition(arn, options));
  }

  /** One page of a family's revisions, newest first, described: what expanding a family shows. */
  async listRevisionsPage(
    family: string,
    status: TaskDefinitionStatus,
    nextToken: string | undefined,
    options?: CallOptions & { readonly pageSize?: number },
  ): Promise<Page<TaskDefinition>> {
    const page = await this.listRevisionArnsPage(family, status, nextToken, options);
    return { items: await this.describeTaskDefinitions(page.items, options), nextToken: page.nextToken };
  }
}
