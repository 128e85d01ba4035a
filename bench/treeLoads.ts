// The Clusters view's loads on the large account (bench/seedLargeAccount.ts), through the real
// gateways and the tree's loading code (src/tree/clusterLoads.ts) behind the AWS-limits proxy:
// the calls to show every service of the 1,000-service cluster and every task of one service,
// against the minimum for those sizes, and the time to the first page of services.
import { performance } from 'node:perf_hooks';
import type { AwsSession } from '../src/aws';
import { loadFailingServices, loadTasksPage } from '../src/tree/clusterLoads';
import type { AwsLimitsProxy } from '../test/support/awsLimitsProxy';
import { LARGE } from './seedLargeAccount';
import { median, type Row } from './stats';

const FIRST_PAGE_RUNS = 5;

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

export async function measureTreeLoads(aws: AwsSession, proxy: AwsLimitsProxy, latencyMs: number): Promise<Row[]> {
  const rows: Row[] = [];
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
    try {
      for (let i = 0; i < FIRST_PAGE_RUNS; i++) {
        const t = performance.now();
        const page = await aws.ecs.listServicesPage(LARGE.cluster, undefined);
        times.push(performance.now() - t);
        if (page.items.length !== 100) throw new Error(`first page held ${page.items.length} services`);
      }
    } finally {
      proxy.setLatency(0);
    }
    return median(times);
  };
  // moto's own time for the same calls (no added latency): what the machine adds to 2 round trips.
  const baseline = await firstPageTime(0);
  rows.push({ measure: `first page of 100 services, no added latency (moto's own time)`, value: `${baseline.toFixed(0)} ms`, target: '-', ok: true });
  proxy.resetCalls();
  const firstPage = await firstPageTime(latencyMs);
  const perPage = proxy.calls.length / FIRST_PAGE_RUNS;
  rows.push({ measure: 'calls per first page (1 ListServices, then 10 DescribeServices in parallel)', value: String(perPage), target: '11', ok: perPage === 11 });
  rows.push({ measure: `first page of 100 services, ${latencyMs} ms per call (median of ${FIRST_PAGE_RUNS})`, value: `${firstPage.toFixed(0)} ms`, target: `≤ ${3 * latencyMs} ms (3× latency)`, ok: firstPage <= 3 * latencyMs });
  return rows;
}
