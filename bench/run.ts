// `npm run bench`: not a test. Seeds moto and measures, through the real gateways and the
// views' loading code behind the AWS-limits proxy (latency added to every call where said):
//   - the Clusters view's loads on a large account: calls against the minimum, first page time
//     (bench/treeLoads.ts);
//   - the Problems view's scan of 50 clusters, 3 failing (bench/problemsScan.ts);
//   - one doctor check of the tutorial's failing service: calls, round trips, time (bench/doctorCheck.ts);
//   - in the real extension host (code-server), a fresh host per run, taking turns: the
//     activation of ECS Studio next to an empty extension's, and the Clusters view's first rows
//     cold, with 0 and 200 ms per call (bench/hostRuns.ts, bench/hostSuite.ts);
//   - the AWS layer's load alone in a fresh Node process (bench/layerLoad.ts), and bundle sizes.
// Prints one table (with the machine it ran on) and writes it under bench/results/. Exits
// non-zero when a figure misses its target.
// Environment: ECS_STUDIO_BENCH_ROUNDS  extension-host runs of each kind (default 7).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSession } from '../src/aws';
import { startAwsLimitsProxy } from '../test/support/awsLimitsProxy';
import { startMoto, TEST_CREDENTIALS } from '../test/support/moto';
import { measureDoctorCheck } from './doctorCheck';
import { EMPTY_EXTENSION, measureInExtensionHost } from './hostRuns';
import type { HostMeasure } from './hostSuite';
import { measureLayerLoad } from './layerLoad';
import { measureProblemsScan } from './problemsScan';
import { SCAN } from './seedScanRegion';
import { LARGE, seedLargeAccount } from './seedLargeAccount';
import { median, ms, type Row } from './stats';
import { measureTreeLoads } from './treeLoads';

const REPO = path.resolve(__dirname, '..', '..');
const LATENCY_MS = 200;
const DOCTOR_RUNS = 3;
const SCAN_RUNS = 3;
const LAYER_LOAD_RUNS = 7;
const HOST_ROUNDS = Number(process.env.ECS_STUDIO_BENCH_ROUNDS ?? 7);
/** ECS Studio's activation against the empty extension's (medians). */
const ACTIVATION_RATIO_TARGET = 1.2;
/** The Clusters view's first rows, cold, with LATENCY_MS per call: everything loaded included. */
const COLD_FIRST_ROWS_TARGET = 4 * LATENCY_MS;

function fileKb(file: string): number {
  return fs.statSync(path.join(REPO, file)).size / 1024;
}

function machine(): string {
  const cpu = /^model name\s*:\s*(.*)$/m.exec(fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? os.cpus()[0]?.model ?? '?';
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  return `${os.availableParallelism()} cores (nproc), ${cpu}, Node ${process.version} (bench) and 24 (code-server's extension host), load average at start ${load}`;
}

function hostRows(byLabel: Record<string, HostMeasure[]>, failures: string[]): Row[] {
  const rows: Row[] = [];
  const empty = byLabel.empty ?? [];
  const ecs = [...(byLabel['ecs, 0 ms'] ?? []), ...(byLabel[`ecs, ${LATENCY_MS} ms`] ?? [])];
  const total = (m: HostMeasure): number => m.loadMs + m.activateMs;
  const n = (list: readonly unknown[]): string => `median of ${list.length}`;
  const ratio = median(ecs.map(total)) / median(empty.map(total));
  rows.push({ measure: `activation, empty extension: module load + activate() (${n(empty)})`, value: `${median(empty.map((m) => m.loadMs)).toFixed(1)} + ${ms(median(empty.map((m) => m.activateMs)))}`, target: '-', ok: empty.length > 0 });
  rows.push({ measure: `activation, ECS Studio: module load + activate() (${n(ecs)})`, value: `${median(ecs.map((m) => m.loadMs)).toFixed(1)} + ${ms(median(ecs.map((m) => m.activateMs)))}`, target: '-', ok: ecs.length > 0 });
  rows.push({ measure: 'activation, ECS Studio / empty extension (medians of the totals)', value: ratio.toFixed(2), target: `≤ ${ACTIVATION_RATIO_TARGET}`, ok: ratio <= ACTIVATION_RATIO_TARGET });
  // What is ECS Studio's own in its total: its module load and its activate() body (measured
  // inside it); the rest of ext.activate() is the host's work, which the empty extension pays too.
  const own = median(ecs.map((m) => m.loadMs + (m.ownActivateMs ?? NaN)));
  rows.push({ measure: `activation, ECS Studio's own: module load + its activate() body (${n(ecs)})`, value: `${ms(own)} (activate() body ${median(ecs.map((m) => m.ownActivateMs ?? NaN)).toFixed(1)} ms)`, target: '-', ok: true });
  const loaded = ecs.filter((m) => m.awsLoadedByActivation).length;
  rows.push({ measure: 'activation loads the AWS layer', value: loaded === 0 ? 'never' : `${loaded} of ${ecs.length} runs`, target: 'never', ok: ecs.length > 0 && loaded === 0 });
  for (const latency of [0, LATENCY_MS]) {
    const runs = byLabel[`ecs, ${latency} ms`] ?? [];
    const wrong = runs.filter((m) => m.clusterRows?.join() !== LARGE.cluster);
    const value = median(runs.map((m) => m.clustersMs ?? NaN));
    rows.push({
      measure: `Clusters view cold (no AWS layer loaded) to its first rows, ${latency} ms per call (${n(runs)})`,
      value: wrong.length > 0 ? `wrong rows: ${JSON.stringify(wrong[0]!.clusterRows)}` : ms(value),
      target: latency === 0 ? '-' : `≤ ${COLD_FIRST_ROWS_TARGET} ms (4× latency)`,
      ok: runs.length > 0 && wrong.length === 0 && (latency === 0 || value <= COLD_FIRST_ROWS_TARGET),
    });
  }
  if (failures.length > 0) rows.push({ measure: 'extension-host runs that failed', value: failures.join('; '), target: 'none', ok: false });
  return rows;
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const started = Date.now();
  const ranOn = machine();
  console.log(`Machine: ${ranOn}`);
  console.log('Starting moto and seeding a large account (1,000 services, 3,000 tasks, 200 families)…');
  const moto = await startMoto();
  const proxy = await startAwsLimitsProxy(moto.url);
  try {
    const seedStart = performance.now();
    await seedLargeAccount(moto.url);
    console.log(`seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const aws = createSession({ profile: undefined, region: LARGE.region, endpointUrl: proxy.url }, { userAgent: ['ecs-studio-bench', '0'], credentials: async () => TEST_CREDENTIALS });
    try {
      rows.push(...await measureTreeLoads(aws, proxy, LATENCY_MS));
    } finally {
      aws.dispose();
    }

    const scan = await measureProblemsScan(moto.url, proxy, LATENCY_MS, SCAN_RUNS);
    const minScanCalls = 1 + SCAN.clusters + SCAN.failingClusters.length;
    rows.push({ measure: `Problems scan: failing services found (${SCAN.clusters} clusters)`, value: scan.failing.join(', '), target: SCAN.failingClusters.map((c) => `${c}/${SCAN.service}`).join(', '), ok: scan.failing.join() === SCAN.failingClusters.map((c) => `${c}/${SCAN.service}`).join() });
    rows.push({ measure: 'Problems scan: calls (ListClusters, ListTasks per cluster, DescribeTasks where stopped)', value: String(scan.calls), target: `${minScanCalls} (minimum)`, ok: scan.calls === minScanCalls });
    // ListClusters, then 10 clusters at a time: 5 waves of ListTasks, and a DescribeTasks after some.
    rows.push({ measure: `Problems scan: round trips, ${LATENCY_MS} ms per call (median of ${SCAN_RUNS})`, value: String(scan.roundTrips), target: '≤ 8', ok: scan.roundTrips <= 8 });
    rows.push({ measure: `Problems scan: time, ${LATENCY_MS} ms per call (median of ${SCAN_RUNS})`, value: ms(scan.ms), target: `≤ ${10 * LATENCY_MS} ms (8 round trips and moto's own time)`, ok: scan.ms <= 10 * LATENCY_MS });

    const doctor = await measureDoctorCheck(moto.url, proxy, LATENCY_MS, DOCTOR_RUNS);
    rows.push({ measure: 'doctor: calls to check the tutorial service (all read-only)', value: String(doctor.calls), target: '≤ 26', ok: doctor.calls <= 26 });
    rows.push({ measure: 'doctor: errors found in the tutorial service', value: String(doctor.errors), target: '6', ok: doctor.errors === 6 });
    // Doctor round trips: the depth of the chain of dependent calls (bench/stats.ts roundTrips).
    rows.push({ measure: `doctor: round trips of one check (median of ${DOCTOR_RUNS})`, value: String(doctor.roundTrips), target: '≤ 4', ok: doctor.roundTrips <= 4 });
    rows.push({ measure: `doctor: one check, no added latency (moto's own time; median of ${DOCTOR_RUNS})`, value: ms(doctor.msNoLatency), target: '-', ok: true });
    // The latency adds 4 round trips to what the check costs without it (moto answering 26 calls, our analysis).
    const doctorBudget = 4 * LATENCY_MS + doctor.msNoLatency;
    rows.push({ measure: `doctor: one check, ${LATENCY_MS} ms per call (median of ${DOCTOR_RUNS})`, value: ms(doctor.ms), target: `≤ ${ms(doctorBudget)} (4 round trips and moto's own time)`, ok: doctor.ms <= doctorBudget });

    console.log(`Extension host: ${HOST_ROUNDS} rounds of the empty extension, and ECS Studio with 0 and ${LATENCY_MS} ms per call…`);
    const host = await measureInExtensionHost([
      { label: 'empty', extensionPath: EMPTY_EXTENSION },
      { label: 'ecs, 0 ms', extensionPath: REPO, before: () => proxy.setLatency(0) },
      { label: `ecs, ${LATENCY_MS} ms`, extensionPath: REPO, before: () => proxy.setLatency(LATENCY_MS) },
    ], HOST_ROUNDS, {
      AWS_ENDPOINT_URL: proxy.url, AWS_REGION: LARGE.region,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    });
    proxy.setLatency(0);
    rows.push(...hostRows(host.byLabel, host.failures));
  } finally {
    await proxy.stop();
    await moto.stop();
  }

  const layer = measureLayerLoad(REPO, LAYER_LOAD_RUNS);
  // The cold first rows' budget (4× latency) less their two round trips.
  rows.push({ measure: `AWS layer load alone: require dist/aws.js in a fresh Node (median of ${LAYER_LOAD_RUNS})`, value: ms(layer.awsMs), target: `≤ ${2 * LATENCY_MS} ms (the cold first rows' budget less 2 round trips)`, ok: layer.awsMs <= 2 * LATENCY_MS });
  rows.push({ measure: 'client bundles loaded with the AWS layer', value: String(layer.chunksLoadedWithLayer), target: '0 (each on first use)', ok: layer.chunksLoadedWithLayer === 0 });
  if (layer.ec2Ms !== undefined) rows.push({ measure: 'dist/sdk/ec2.js load on its first use (the network and the doctor)', value: ms(layer.ec2Ms), target: '-', ok: true });
  const extensionKb = fileKb('dist/extension.js');
  rows.push({ measure: 'dist/extension.js (loaded at activation)', value: `${extensionKb.toFixed(1)} KB`, target: '< 200 KB', ok: extensionKb < 200 });
  rows.push({ measure: 'dist/aws.js (loaded on first AWS use)', value: `${fileKb('dist/aws.js').toFixed(1)} KB`, target: '-', ok: true });
  const sdkDir = path.join(REPO, 'dist', 'sdk');
  if (fs.existsSync(sdkDir)) {
    const chunks = fs.readdirSync(sdkDir).filter((f) => f.endsWith('.js')).sort();
    rows.push({ measure: 'dist/sdk/*.js (one per client, each on first use)', value: chunks.map((f) => `${f.replace(/\.js$/, '')} ${fileKb(`dist/sdk/${f}`).toFixed(0)} KB`).join(', '), target: '-', ok: true });
  }
  if (fs.existsSync(path.join(REPO, 'dist', 'ecs-studio.vsix'))) {
    rows.push({ measure: 'dist/ecs-studio.vsix', value: `${fileKb('dist/ecs-studio.vsix').toFixed(1)} KB`, target: '-', ok: true });
  }

  const width = Math.max(...rows.map((r) => r.measure.length));
  const table = [
    `| ${'measure'.padEnd(width)} | value | target | |`,
    `| ${'-'.repeat(width)} | --- | --- | --- |`,
    ...rows.map((r) => `| ${r.measure.padEnd(width)} | ${r.value} | ${r.target} | ${r.ok ? 'ok' : 'MISSED'} |`),
  ].join('\n');
  console.log(`\n${table}\n\nRan on: ${ranOn}\n`);
  const result = { date: new Date().toISOString(), machine: ranOn, node: process.version, seconds: Math.round((Date.now() - started) / 1000), rows };
  const dir = path.join(REPO, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, 'latest.md'), `${table}\n\nCommand: npm run bench. Ran on: ${ranOn}, ${result.date}.\n`);
  console.log(`written to bench/results/latest.json and latest.md`);
  const missed = rows.filter((r) => !r.ok);
  if (missed.length > 0) {
    console.error(`MISSED: ${missed.map((r) => r.measure).join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
