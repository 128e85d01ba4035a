// `npm run bench`: not a test. Seeds moto with a large account and measures, through the real
// gateways and the tree's loading code (src/tree/clusterLoads.ts) behind the AWS-limits proxy:
//   - AWS calls to show every service of the 1,000-service cluster and every task of one
//     service, against the minimum for those sizes;
//   - the time to the first page of services with 200 ms of latency added to every call;
//   - the calls and the time of one doctor check of the tutorial's failing service;
//   - activation time in the real extension host, and bundle sizes.
// Prints one table and writes it as JSON under bench/results/.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSession, type AwsSession } from '../src/aws';
import { loadFailingServices, loadTasksPage } from '../src/tree/clusterLoads';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../test/support/awsLimitsProxy';
import { startMoto, TEST_CREDENTIALS } from '../test/support/moto';
import { measureDoctorCheck } from './doctorCheck';
import { LARGE, seedLargeAccount } from './seedLargeAccount';

const REPO = path.resolve(__dirname, '..', '..');
const LATENCY_MS = 200;
const FIRST_PAGE_RUNS = 5;

interface Row { measure: string; value: string; target: string; ok: boolean }

function session(url: string): AwsSession {
  return createSession({ profile: undefined, region: LARGE.region, endpointUrl: url }, { userAgent: ['ecs-studio-bench', '0'], credentials: async () => TEST_CREDENTIALS });
}

function count(proxy: AwsLimitsProxy, operation: string): number {
  return proxy.calls.filter((c) => c.operation === operation).length;
}

async function allServices(aws: AwsSession): Promise<number> {
  let token: string | undefined;
  let shown = 0;
  do {
    const page = await aws.ecs.listServicesPage(LARGE.cluster, token);
    shown += page.items.length;
    token = page.nextToken;
  } while (token);
  return shown;
}

async function allTasksOfService(aws: AwsSession): Promise<number> {
  let token: string | undefined;
  let shown = 0;
  do {
    const page = await loadTasksPage(aws, { cluster: LARGE.cluster, desiredStatus: 'RUNNING', serviceName: LARGE.busyService }, token);
    shown += page.items.length;
    token = page.nextToken;
  } while (token);
  return shown;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function fileKb(file: string): number {
  return fs.statSync(path.join(REPO, file)).size / 1024;
}

function measureActivation(): { activationMs: number; awsLoaded: boolean } | undefined {
  const out = path.join(REPO, 'bench', 'results', 'activation.tmp.json');
  fs.rmSync(out, { force: true });
  const res = spawnSync(process.execPath, [path.join(REPO, 'out', 'test', 'support', 'runExtensionTests.js'), path.join(REPO, 'out', 'bench', 'activationSuite.js')], {
    cwd: REPO, env: { ...process.env, ECS_STUDIO_BENCH_OUT: out }, encoding: 'utf8', timeout: 300_000,
  });
  if (res.status !== 0 || !fs.existsSync(out)) {
    console.error(`activation run failed:\n${(res.stdout ?? '').slice(-2000)}${(res.stderr ?? '').slice(-2000)}`);
    return undefined;
  }
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as { activationMs: number; awsLoaded: boolean };
  fs.rmSync(out, { force: true });
  return result;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const started = Date.now();
  console.log('Starting moto and seeding a large account (1,000 services, 3,000 tasks, 200 families)…');
  const moto = await startMoto();
  const proxy = await startAwsLimitsProxy(moto.url);
  try {
    const seedStart = performance.now();
    await seedLargeAccount(moto.url);
    console.log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const aws = session(proxy.url);
    try {
      proxy.resetCalls();
      // As the tree does: the failing markers load beside the first page.
      const [services] = await Promise.all([allServices(aws), loadFailingServices(aws, LARGE.cluster)]);
      const list = count(proxy, 'ListServices');
      const describe = count(proxy, 'DescribeServices');
      const markerList = count(proxy, 'ListTasks');
      const markerDescribe = count(proxy, 'DescribeTasks');
      const minList = Math.ceil(LARGE.services / 100);
      const minDescribe = Math.ceil(LARGE.services / 10);
      rows.push({ measure: `services shown (cluster of ${LARGE.services})`, value: String(services), target: String(LARGE.services), ok: services === LARGE.services });
      rows.push({ measure: 'ListServices calls', value: String(list), target: `${minList} (minimum)`, ok: list === minList });
      rows.push({ measure: 'DescribeServices calls', value: String(describe), target: `${minDescribe} (minimum)`, ok: describe === minDescribe });
      rows.push({ measure: 'failing-service marker calls (ListTasks + DescribeTasks, first page only)', value: `${markerList} + ${markerDescribe}`, target: '1 + 1', ok: markerList === 1 && markerDescribe === 1 });

      proxy.resetCalls();
      const tasks = await allTasksOfService(aws);
      const listTasks = count(proxy, 'ListTasks');
      const describeTasks = count(proxy, 'DescribeTasks');
      const minTasksCalls = Math.ceil(LARGE.busyServiceTasks / 100);
      rows.push({ measure: `tasks shown (service with ${LARGE.busyServiceTasks})`, value: String(tasks), target: String(LARGE.busyServiceTasks), ok: tasks === LARGE.busyServiceTasks });
      rows.push({ measure: 'ListTasks calls', value: String(listTasks), target: `${minTasksCalls} (minimum)`, ok: listTasks === minTasksCalls });
      rows.push({ measure: 'DescribeTasks calls', value: String(describeTasks), target: `${minTasksCalls} (minimum)`, ok: describeTasks === minTasksCalls });

      const firstPageTime = async (latency: number): Promise<number> => {
        proxy.setLatency(latency);
        const times: number[] = [];
        for (let i = 0; i < FIRST_PAGE_RUNS; i++) {
          const t = performance.now();
          const page = await aws.ecs.listServicesPage(LARGE.cluster, undefined);
          times.push(performance.now() - t);
          if (page.items.length !== 100) throw new Error(`first page held ${page.items.length} services`);
        }
        proxy.setLatency(0);
        return median(times);
      };
      // moto's own time for the same calls (no added latency): what the machine adds to 2 round trips.
      const baseline = await firstPageTime(0);
      rows.push({ measure: `first page of 100 services, no added latency (moto's own time)`, value: `${baseline.toFixed(0)} ms`, target: '-', ok: true });
      proxy.resetCalls();
      const firstPage = await firstPageTime(LATENCY_MS);
      const perPage = proxy.calls.length / FIRST_PAGE_RUNS;
      rows.push({ measure: 'calls per first page (1 ListServices, then 10 DescribeServices in parallel)', value: String(perPage), target: '11', ok: perPage === 11 });
      rows.push({ measure: `first page of 100 services, ${LATENCY_MS} ms per call (median of ${FIRST_PAGE_RUNS})`, value: `${firstPage.toFixed(0)} ms`, target: `≤ ${3 * LATENCY_MS} ms (3× latency)`, ok: firstPage <= 3 * LATENCY_MS });
    } finally {
      aws.dispose();
    }

    const DOCTOR_RUNS = 3;
    const doctor = await measureDoctorCheck(moto.url, proxy, LATENCY_MS, DOCTOR_RUNS);
    rows.push({ measure: 'doctor: calls to check the tutorial service (all read-only)', value: String(doctor.calls), target: '≤ 24', ok: doctor.calls <= 24 });
    rows.push({ measure: 'doctor: errors found in the tutorial service', value: String(doctor.errors), target: '6', ok: doctor.errors === 6 });
    // Independent reads run together: the check costs its dependency chain (service, task
    // definition, subnets, then the VPC's resources, the role's policies, the load balancer's
    // listeners...), not its number of calls.
    rows.push({ measure: `doctor: one check, ${LATENCY_MS} ms per call (median of ${DOCTOR_RUNS})`, value: `${doctor.ms.toFixed(0)} ms`, target: `≤ ${8 * LATENCY_MS} ms (8 round trips)`, ok: doctor.ms <= 8 * LATENCY_MS });
  } finally {
    await proxy.stop();
    await moto.stop();
  }

  const activation = measureActivation();
  rows.push({
    measure: 'activation in the extension host (code-server)',
    value: activation ? `${activation.activationMs.toFixed(1)} ms` : 'failed',
    target: 'no AWS layer loaded',
    ok: activation !== undefined && !activation.awsLoaded,
  });
  const extensionKb = fileKb('dist/extension.js');
  rows.push({ measure: 'dist/extension.js (loaded at activation)', value: `${extensionKb.toFixed(1)} KB`, target: '< 200 KB', ok: extensionKb < 200 });
  rows.push({ measure: 'dist/aws.js (loaded on first AWS use)', value: `${fileKb('dist/aws.js').toFixed(1)} KB`, target: '-', ok: true });
  if (fs.existsSync(path.join(REPO, 'dist', 'ecs-studio.vsix'))) {
    rows.push({ measure: 'dist/ecs-studio.vsix', value: `${fileKb('dist/ecs-studio.vsix').toFixed(1)} KB`, target: '-', ok: true });
  }

  const width = Math.max(...rows.map((r) => r.measure.length));
  const table = [
    `| ${'measure'.padEnd(width)} | value | target | |`,
    `| ${'-'.repeat(width)} | --- | --- | --- |`,
    ...rows.map((r) => `| ${r.measure.padEnd(width)} | ${r.value} | ${r.target} | ${r.ok ? 'ok' : 'MISSED'} |`),
  ].join('\n');
  console.log(`\n${table}\n`);
  const result = { date: new Date().toISOString(), node: process.version, seconds: Math.round((Date.now() - started) / 1000), rows };
  const dir = path.join(REPO, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'latest.md'), table + '\n');
  console.log(`written to bench/results/latest.json and latest.md`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
