// The doctor's part of `npm run bench`: one check of the tutorial's failing service (its
// snapshot: service, stopped tasks, task definition, network, IAM, image, logs, load balancer),
// counted and timed behind the AWS-limits proxy. The calls that do not depend on each other
// run concurrently, so the time with latency is a number of round trips, not of calls: the
// round trips are the longest chain of calls each started after the one before it answered
// (bench/stats.ts, from the intervals the proxy recorded).
import { performance } from 'node:perf_hooks';
import { collectServiceSnapshot, createSession } from '../src/aws';
import { analyze } from '../src/doctor/analyze';
import type { AwsLimitsProxy } from '../test/support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../test/support/moto';
import { seedTutorialWorld, TUTORIAL } from '../test/support/tutorialWorld';
import { median, roundTrips } from './stats';

export interface DoctorCheckMeasure {
  readonly calls: number;
  readonly errors: number;
  /** Median time of a check with `latencyMs` added to every call. */
  readonly ms: number;
  /** Median round trips of a check (the depth of its chain of dependent calls). */
  readonly roundTrips: number;
  /** Median time of a check with no added latency: moto's own time and ours, which the latency adds to. */
  readonly msNoLatency: number;
}

export async function measureDoctorCheck(motoUrl: string, proxy: AwsLimitsProxy, latencyMs: number, runs: number): Promise<DoctorCheckMeasure> {
  const region = 'eu-west-3';
  await seedTutorialWorld(motoUrl, { region });
  const aws = createSession({ profile: undefined, region, endpointUrl: proxy.url }, { userAgent: ['ecs-studio-bench', '0'], credentials: async () => TEST_CREDENTIALS });
  const ref = { cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName };
  try {
    proxy.resetCalls();
    const snapshot = await collectServiceSnapshot(aws, ref);
    const calls = proxy.calls.length;
    const errors = analyze(snapshot).filter((f) => f.severity === 'error').length;
    const bare: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await collectServiceSnapshot(aws, ref);
      bare.push(performance.now() - t);
    }
    proxy.setLatency(latencyMs);
    const times: number[] = [];
    const trips: number[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        proxy.resetCalls();
        const t = performance.now();
        await collectServiceSnapshot(aws, ref);
        times.push(performance.now() - t);
        trips.push(roundTrips(proxy.calls));
      }
    } finally {
      proxy.setLatency(0);
    }
    return { calls, errors, ms: median(times), roundTrips: median(trips), msNoLatency: median(bare) };
  } finally {
    aws.dispose();
  }
}
