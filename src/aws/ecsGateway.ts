/** ECS reads and writes, in plain model types. Lists page with the SDK; describes batch to AWS's maximum. */
import {
  DescribeClustersCommand,
  ECSClient,
  ListClustersCommand,
  paginateListClusters,
  type Cluster as SdkCluster,
} from '@aws-sdk/client-ecs';
import type { Cluster, Page } from '../model/cluster';
import { clusterNameFromArn } from '../model/cluster';
import { describeInBatches } from './batching';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';

/** AWS limits (ECS API reference). */
export const ECS_LIMITS = {
  listClustersPageSize: 100,
  describeClustersBatch: 100,
  /** Describe batches in flight at once for one list. */
  describeConcurrency: 5,
} as const;

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
      const byArn = new Map(described.map((c) => [c.arn, c]));
      return arns.flatMap((arn) => {
        const found = byArn.get(arn);
        return found ? [found] : [];
      });
    });
  }

  /** One page of clusters, described: what the Clusters view shows per "Load more". */
  async listClustersPage(nextToken: string | undefined, options?: CallOptions): Promise<Page<Cluster>> {
    const page = await this.listClusterArnsPage(nextToken, options);
    const clusters = await this.describeClusters(page.items, options);
    return { items: clusters, nextToken: page.nextToken };
  }
}
