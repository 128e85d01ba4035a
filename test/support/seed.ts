// Puts known resources into moto through the real AWS SDK, for AWS-tier tests.
import { CreateClusterCommand, ECSClient } from '@aws-sdk/client-ecs';
import { TEST_CREDENTIALS } from './moto';

/** How many seeding calls run at once: enough to be quick, few enough not to swamp moto. */
const SEED_CONCURRENCY = 8;

/** An ECS client for a test endpoint (moto, or a proxy in front of it), with dummy credentials. */
export function ecsClient(endpointUrl: string, region = 'us-east-1'): ECSClient {
  return new ECSClient({ endpoint: endpointUrl, region, credentials: TEST_CREDENTIALS });
}

/** Creates ECS clusters with these names and returns their ARNs, in the same order. */
export async function seedClusters(endpointUrl: string, names: string[], region = 'us-east-1'): Promise<string[]> {
  const client = ecsClient(endpointUrl, region);
  try {
    return await mapBounded(names, SEED_CONCURRENCY, async (clusterName) => {
      const { cluster } = await client.send(new CreateClusterCommand({ clusterName }));
      if (!cluster?.clusterArn) throw new Error(`CreateCluster ${clusterName} returned no ARN`);
      return cluster.clusterArn;
    });
  } finally {
    client.destroy();
  }
}

/** Like `Promise.all(items.map(fn))`, with at most `limit` calls in flight. */
async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let nextIndex = 0;
  const worker = async (): Promise<void> => {
    while (nextIndex < items.length) {
      const index = nextIndex++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
