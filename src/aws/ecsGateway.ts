/** ECS reads and writes, in plain model types. Lists page with the SDK; describes batch to AWS's maximum. */
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
  paginateListClusters,
  paginateListServices,
  StopTaskCommand,
  UpdateServiceCommand,
  type Cluster as SdkCluster,
  type Service as SdkService,
} from '@aws-sdk/client-ecs';
import type { Cluster, Page } from '../model/cluster';
import { clusterNameFromArn } from '../model/cluster';
import { serviceNameOfTask, type Service, type Task, type TaskStatusFilter } from '../model/ecs';
import type { JsonObject, JsonValue } from '../model/json';
import type { DescribeTarget } from '../model/resources';
import type { CreateClusterRequest, CreateServiceRequest } from '../model/serviceRequest';
import { toService, toTask } from './ecsMapping';
import { describeInBatches } from './batching';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';
import { listAll } from './paging';

/** AWS limits (ECS API reference). */
export const ECS_LIMITS = {
  listClustersPageSize: 100,
  listServicesPageSize: 100,
  listTasksPageSize: 100,
  describeClustersBatch: 100,
  describeServicesBatch: 10,
  describeTasksBatch: 100,
  /** Describe batches in flight at once for one list (a page of 100 services is 10 batches: all at once). */
  describeConcurrency: 10,
} as const;

export interface TaskQuery {
  readonly cluster: string;
  readonly desiredStatus: TaskStatusFilter;
  /** Only the tasks of this service (ListTasks' serviceName, and the task's group to be sure). */
  readonly serviceName?: string | undefined;
}

export function toCluster(c: SdkCluster): Cluster {
  const arn = c.clusterArn ?? '';
  return {
    arn,
    name: c.clusterName ?? clusterNameFromArn(arn),
    status: c.status ?? 'UNKNOWN',
    runningTasksCount: c.runningTasksCount ?? 0,
    pendingTasksCount: c.pendingTasksCount ?? 0,
    activeServicesCount: c.activeServicesCount ?? 0,
    registeredContainerInstancesCount: c.registeredContainerInstancesCount ?? 0,
    capacityProviders: c.capacityProviders ?? [],
  };
}

export class EcsGateway {
  constructor(private readonly factory: ClientFactory) {}

  private get client(): ECSClient {
    return this.factory.get(ECSClient);
  }

  /** One page of cluster ARNs (up to 100, AWS's maximum). */
  async listClusterArnsPage(nextToken: string | undefined, options?: CallOptions): Promise<Page<string>> {
    return awsCall(this.factory.connection, 'ecs:ListClusters', async () => {
      const out = await this.client.send(
        new ListClustersCommand({ maxResults: ECS_LIMITS.listClustersPageSize, ...(nextToken ? { nextToken } : {}) }),
        sendOptions(options),
      );
      return { items: out.clusterArns ?? [], nextToken: out.nextToken };
    });
  }

  /** Every cluster ARN of the region, through the SDK paginator. */
  async listAllClusterArns(options?: CallOptions): Promise<string[]> {
    return awsCall(this.factory.connection, 'ecs:ListClusters', () =>
      listAll(paginateListClusters, { client: this.client, pageSize: ECS_LIMITS.listClustersPageSize }, {}, (page) => page.clusterArns, options));
  }

  /**
   * One ECS describe operation over many names: batches of `batchSize` (AWS's maximum), a few
   * batches at a time, the results in the order of the names asked for. No names, no call.
   */
  private async describeBatched<T>(
    operation: string,
    names: readonly string[],
    batchSize: number,
    describe: (batch: string[]) => Promise<T[]>,
    keys: (item: T) => string[],
  ): Promise<T[]> {
    if (names.length === 0) return [];
    return awsCall(this.factory.connection, operation, async () =>
      keepOrder(names, await describeInBatches(names, batchSize, ECS_LIMITS.describeConcurrency, describe), keys));
  }

  /** Describes clusters in batches of 100, a few batches at a time; keeps the input order. */
  async describeClusters(arns: readonly string[], options?: CallOptions): Promise<Cluster[]> {
    return this.describeBatched('ecs:DescribeClusters', arns, ECS_LIMITS.describeClustersBatch, async (batch) => {
      const out = await this.client.send(new DescribeClustersCommand({ clusters: batch, include: ['STATISTICS'] }), sendOptions(options));
      return (out.clusters ?? []).map(toCluster);
    }, (c) => [c.arn, c.name]);
  }

  /** One page of service ARNs of a cluster (up to 100, AWS's maximum). */
  async listServiceArnsPage(cluster: string, nextToken: string | undefined, options?: CallOptions): Promise<Page<string>> {
    return awsCall(this.factory.connection, 'ecs:ListServices', async () => {
      const out = await this.client.send(
        new ListServicesCommand({ cluster, maxResults: ECS_LIMITS.listServicesPageSize, ...(nextToken ? { nextToken } : {}) }),
        sendOptions(options),
      );
      return { items: out.serviceArns ?? [], nextToken: out.nextToken };
    });
  }

  async listAllServiceArns(cluster: string, options?: CallOptions): Promise<string[]> {
    return awsCall(this.factory.connection, 'ecs:ListServices', () =>
      listAll(paginateListServices, { client: this.client, pageSize: ECS_LIMITS.listServicesPageSize }, { cluster }, (page) => page.serviceArns, options));
  }

  /** Describes services in batches of 10 (AWS's maximum), all batches of a page at once; keeps the order. */
  async describeServices(cluster: string, arns: readonly string[], options?: CallOptions): Promise<Service[]> {
    return this.describeBatched('ecs:DescribeServices', arns, ECS_LIMITS.describeServicesBatch, async (batch) => {
      const out = await this.client.send(new DescribeServicesCommand({ cluster, services: batch }), sendOptions(options));
      return (out.services ?? []).map(toService);
    }, (s) => [s.arn, s.name]);
  }

  /** One page of a cluster's services, described: one ListServices, then its DescribeServices in parallel. */
  async listServicesPage(cluster: string, nextToken: string | undefined, options?: CallOptions): Promise<Page<Service>> {
    const page = await this.listServiceArnsPage(cluster, nextToken, options);
    return { items: await this.describeServices(cluster, page.items, options), nextToken: page.nextToken };
  }

  async describeService(cluster: string, service: string, options?: CallOptions): Promise<Service | undefined> {
    return (await this.describeServices(cluster, [service], options))[0];
  }

  /** One page of task ARNs (up to 100). */
  async listTaskArnsPage(query: TaskQuery, nextToken: string | undefined, options?: CallOptions): Promise<Page<string>> {
    return awsCall(this.factory.connection, 'ecs:ListTasks', async () => {
      const out = await this.client.send(
        new ListTasksCommand({
          cluster: query.cluster,
          desiredStatus: query.desiredStatus,
          ...(query.serviceName ? { serviceName: query.serviceName } : {}),
          maxResults: ECS_LIMITS.listTasksPageSize,
          ...(nextToken ? { nextToken } : {}),
        }),
        sendOptions(options),
      );
      return { items: out.taskArns ?? [], nextToken: out.nextToken };
    });
  }

  /** Describes tasks in batches of 100 (AWS's maximum); keeps the order; unknown ids are left out. */
  async describeTasks(cluster: string, arns: readonly string[], options?: CallOptions): Promise<Task[]> {
    return this.describeBatched('ecs:DescribeTasks', arns, ECS_LIMITS.describeTasksBatch, async (batch) => {
      const out = await this.client.send(new DescribeTasksCommand({ cluster, tasks: batch }), sendOptions(options));
      return (out.tasks ?? []).map(toTask);
    }, (t) => [t.arn, t.id]);
  }

  /**
   * One page of tasks, described. With a service name, ListTasks filters by service and the
   * tasks are also filtered by their group ("service:NAME"), which AWS sets for every task a
   * service starts; tasks with desiredStatus other than asked are dropped too.
   */
  async listTasksPage(query: TaskQuery, nextToken: string | undefined, options?: CallOptions): Promise<Page<Task>> {
    const page = await this.listTaskArnsPage(query, nextToken, options);
    const tasks = await this.describeTasks(query.cluster, page.items, options);
    const wanted = tasks.filter(
      (t) => t.desiredStatus === query.desiredStatus && (!query.serviceName || serviceNameOfTask(t) === query.serviceName),
    );
    return { items: wanted, nextToken: page.nextToken };
  }

  /** One page of clusters, described: what the Clusters view shows per "Load more". */
  async listClustersPage(nextToken: string | undefined, options?: CallOptions): Promise<Page<Cluster>> {
    const page = await this.listClusterArnsPage(nextToken, options);
    const clusters = await this.describeClusters(page.items, options);
    return { items: clusters, nextToken: page.nextToken };
  }

  // --- changes made by the item commands -------------------------------------------------------

  /** A Fargate cluster: capacity providers FARGATE and FARGATE_SPOT, FARGATE by default. */
  async createCluster(name: string, options?: CallOptions): Promise<Cluster> {
    return awsCall(this.factory.connection, 'ecs:CreateCluster', async () => {
      const out = await this.client.send(
        new CreateClusterCommand({
          clusterName: name,
          capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
          defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
        }),
        sendOptions(options),
      );
      if (!out.cluster) throw new Error(`CreateCluster returned no cluster for ${name}`);
      return toCluster(out.cluster);
    });
  }

  /** CreateCluster with the service form's request (its capacity providers and tags). */
  async createClusterFrom(request: CreateClusterRequest, options?: CallOptions): Promise<Cluster> {
    return awsCall(this.factory.connection, 'ecs:CreateCluster', async () => {
      const out = await this.client.send(new CreateClusterCommand(request), sendOptions(options));
      if (!out.cluster) throw new Error(`CreateCluster returned no cluster for ${request.clusterName ?? 'default'}`);
      return toCluster(out.cluster);
    });
  }

  /**
   * CreateService with the service form's request. Look the service up first (describeService):
   * AWS refuses a name in use, but moto silently replaces the service.
   */
  async createService(request: CreateServiceRequest, options?: CallOptions): Promise<Service> {
    return awsCall(this.factory.connection, 'ecs:CreateService', async () => {
      const out = await this.client.send(new CreateServiceCommand(request), sendOptions(options));
      return serviceOf(out.service, request.serviceName);
    });
  }

  async updateServiceDesiredCount(cluster: string, service: string, desiredCount: number, options?: CallOptions): Promise<Service> {
    return awsCall(this.factory.connection, 'ecs:UpdateService', async () => {
      const out = await this.client.send(new UpdateServiceCommand({ cluster, service, desiredCount }), sendOptions(options));
      return serviceOf(out.service, service);
    });
  }

  /** A new deployment of the same task definition (new tasks replace the running ones). */
  async forceNewDeployment(cluster: string, service: string, options?: CallOptions): Promise<Service> {
    return awsCall(this.factory.connection, 'ecs:UpdateService', async () => {
      const out = await this.client.send(new UpdateServiceCommand({ cluster, service, forceNewDeployment: true }), sendOptions(options));
      return serviceOf(out.service, service);
    });
  }

  async stopTask(cluster: string, task: string, reason: string, options?: CallOptions): Promise<Task> {
    return awsCall(this.factory.connection, 'ecs:StopTask', async () => {
      const out = await this.client.send(new StopTaskCommand({ cluster, task, reason }), sendOptions(options));
      if (!out.task) throw new Error(`StopTask returned no task for ${task}`);
      return toTask(out.task);
    });
  }

  /** DeleteService without `force`: AWS refuses while the service is scaled above 0. */
  async deleteService(cluster: string, service: string, options?: CallOptions): Promise<Service> {
    return awsCall(this.factory.connection, 'ecs:DeleteService', async () => {
      const out = await this.client.send(new DeleteServiceCommand({ cluster, service }), sendOptions(options));
      return serviceOf(out.service, service);
    });
  }

  /**
   * A resource as its describe call returns it, tags included, as plain JSON (what
   * `aws ecs describe-*` prints): the JSON view shows AWS's own fields, not the model's.
   * Undefined when AWS no longer knows the resource.
   */
  async describeJson(ref: DescribeTarget, options?: CallOptions): Promise<JsonObject | undefined> {
    const send = sendOptions(options);
    switch (ref.kind) {
      case 'cluster':
        return awsCall(this.factory.connection, 'ecs:DescribeClusters', async () => {
          const out = await this.client.send(
            new DescribeClustersCommand({ clusters: [ref.cluster], include: ['ATTACHMENTS', 'CONFIGURATIONS', 'SETTINGS', 'STATISTICS', 'TAGS'] }), send);
          return plainJson(out.clusters?.[0]);
        });
      case 'service':
        return awsCall(this.factory.connection, 'ecs:DescribeServices', async () => {
          const out = await this.client.send(new DescribeServicesCommand({ cluster: ref.cluster, services: [ref.service], include: ['TAGS'] }), send);
          return plainJson(out.services?.[0]);
        });
      case 'task':
        return awsCall(this.factory.connection, 'ecs:DescribeTasks', async () => {
          const out = await this.client.send(new DescribeTasksCommand({ cluster: ref.cluster, tasks: [ref.taskId], include: ['TAGS'] }), send);
          return plainJson(out.tasks?.[0]);
        });
      case 'taskDefinition':
        return awsCall(this.factory.connection, 'ecs:DescribeTaskDefinition', async () => {
          const out = await this.client.send(new DescribeTaskDefinitionCommand({ taskDefinition: `${ref.family}:${ref.revision}`, include: ['TAGS'] }), send);
          const taskDefinition = plainJson(out.taskDefinition);
          // DescribeTaskDefinition returns the tags beside the task definition: keep them in one document.
          return taskDefinition && out.tags?.length ? { ...taskDefinition, tags: JSON.parse(JSON.stringify(out.tags)) as JsonValue } : taskDefinition;
        });
    }
  }

  /** The service's awsvpc settings (the doctor's assignPublicIp fix); takes effect with the next deployment. */
  async updateServiceNetwork(
    cluster: string,
    service: string,
    awsvpc: { subnets: readonly string[]; securityGroups: readonly string[]; assignPublicIp: 'ENABLED' | 'DISABLED' },
    options?: CallOptions,
  ): Promise<Service> {
    return awsCall(this.factory.connection, 'ecs:UpdateService', async () => {
      const out = await this.client.send(new UpdateServiceCommand({
        cluster,
        service,
        networkConfiguration: { awsvpcConfiguration: { subnets: [...awsvpc.subnets], securityGroups: [...awsvpc.securityGroups], assignPublicIp: awsvpc.assignPublicIp } },
      }), sendOptions(options));
      return serviceOf(out.service, service);
    });
  }
}

/** The described items in the order of the names asked for (an ARN or a short name each). */
function keepOrder<T>(asked: readonly string[], described: readonly T[], keys: (item: T) => string[]): T[] {
  const byKey = new Map<string, T>();
  for (const item of described) for (const key of keys(item)) byKey.set(key, item);
  return asked.flatMap((name) => {
    const found = byKey.get(name);
    return found ? [found] : [];
  });
}

function serviceOf(service: SdkService | undefined, name: string): Service {
  if (!service) throw new Error(`ECS returned no service for ${name}`);
  return toService(service);
}

/** SDK output as plain JSON data (dates become ISO strings), free of SDK types. */
function plainJson(value: object | undefined): JsonObject | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as JsonObject);
}
