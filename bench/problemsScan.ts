// The Problems view's scan (src/tree/clusterLoads.ts scanFailingServices, the code the view
// runs) of a region with 50 clusters, 3 of them with a failing service (bench/seedScanRegion.ts):
// its calls, round trips and time with latency added to every call.
import { performance } from 'node:perf_hooks';
import { createSession } from '../src/aws';
import { scanFailingServices } from '../src/tree/clusterLoads';
import type { AwsLimitsProxy } from '../test/support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../test/support/moto';
import { SCAN, seedScanRegion } from './seedScanRegion';
import { median, roundTrips } from './stats';

export interface ScanMeasure {
  readonly clusters: number;
  readonly failing: string[];
  readonly calls: number;
  readonly roundTrips: number;
  readonly ms: number;
}

export async function measureProblemsScan(motoUrl: string, proxy: AwsLimitsProxy, latencyMs: number, runs: number): Promise<ScanMeasure> {
  await seedScanRegion(motoUrl);
  const aws = createSession({ profile: undefined, region: SCAN.region, endpointUrl: proxy.url }, { userAgent: ['ecs-studio-bench', '0'], credentials: async () => TEST_CREDENTIALS });
  const times: number[] = [];
  const trips: number[] = [];
  let last: { clusters: number; failing: string[]; calls: number } | undefined;
  proxy.setLatency(latencyMs);
  try {
    for (let i = 0; i < runs; i++) {
      proxy.resetCalls();
      const t = performance.now();
      const scan = await scanFailingServices(aws);
      times.push(performance.now() - t);
      trips.push(roundTrips(proxy.calls));
      last = { clusters: scan.clusters, failing: scan.failing.map((f) => `${f.cluster}/${f.service}`).sort(), calls: proxy.calls.length };
    }
  } finally {
    proxy.setLatency(0);
    aws.dispose();
  }
  return { ...last!, roundTrips: median(trips), ms: median(times) };
}
