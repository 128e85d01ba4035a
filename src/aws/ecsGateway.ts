/** ECS reads and writes, in plain model types. Lists page with the SDK; describes batch to AWS's maximum. */
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
  paginateListClusters,
  paginateListServices,
  type Cluster as SdkCluster,
} from '@aws-sdk/client-ecs';
import type { Cluster, Page } from '../model/cluster';
import { clusterNameFromArn } from '../model/cluster';
import { serviceNameOfTask, type Service, type Task, type TaskStatusFilter } from '../model/ecs';
import { toService, toTask } from './ecsMapping';
import { describeInBatches } from './batching';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';

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
    return awsCall(this.factory.connection, 'ecs:ListClusters', async () => {
      const arns: string[] = [];
      const pages = paginateListClusters(
        { client: this.client, pageSize: ECS_LIMITS.listClustersPageSize },
        {},
        sendOptions(options),
      );
      for await (const page of pages) arns.push(...(page.clusterArns ?? []));
      return arns;
    });
  }

  /** Describes clusters in batches of 100, a few batches at a time; keeps the input order. */
  async describeClusters(arns: readonly string[], options?: CallOptions): Promise<Cluster[]> {
    if (arns.length === 0) return [];
    return awsCall(this.factory.connection, 'ecs:DescribeClusters', async () => {
      const described = await describeInBatches(arns, ECS_LIMITS.describeClustersBatch, ECS_LIMITS.describeConcurrency, async (batch) => {
        const out = await this.client.send(
          new DescribeClustersCommand({ clusters: batch, include: ['STATISTICS'] }),
          sendOptions(options),
        );
        return (out.clusters ?? []).map(toCluster);
      });
      return keepOrder(arns, described, (c) => [c.arn, c.name]);
    });
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
    return awsCall(this.factory.connection, 'ecs:ListServices', async () => {
      const arns: string[] = [];
      const pages = paginateListServices({ client: this.client, pageSize: ECS_LIMITS.listServicesPageSize }, { cluster }, sendOptions(options));
      for await (const page of pages) arns.push(...(page.serviceArns ?? []));
      return arns;
    });
  }

  /** Describes services in batches of 10 (AWS's maximum), all batches of a page at once; keeps the order. */
  async describeServices(cluster: string, arns: readonly string[], options?: CallOptions): Promise<Service[]> {
    if (arns.length === 0) return [];
    return awsCall(this.factory.connection, 'ecs:DescribeServices', async () => {
      const described = await describeInBatches(arns, ECS_LIMITS.describeServicesBatch, ECS_LIMITS.describeConcurrency, async (batch) => {
        const out = await this.client.send(new DescribeServicesCommand({ cluster, services: batch }), sendOptions(options));
        return (out.services ?? []).map(toService);
      });
      return keepOrder(arns, described, (s) => [s.arn, s.name]);
    });
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
    if (arns.length === 0) return [];
    return awsCall(this.factory.connection, 'ecs:DescribeTasks', async () => {
      const described = await describeInBatches(arns, ECS_LIMITS.describeTasksBatch, ECS_LIMITS.describeConcurrency, async (batch) => {
        const out = await this.client.send(new DescribeTasksCommand({ cluster, tasks: batch }), sendOptions(options));
        return (out.tasks ?? []).map(toTask);
      });
      return keepOrder(arns, described, (t) => [t.arn, t.id]);
    });
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
