/**
 * How the explorer loads a page of services or tasks: the exact calls the Clusters view makes,
 * kept free of `vscode` so the benchmark measures the same code the tree runs.
 */
import type { AwsSession } from '../awsModule';
import { failingServices } from '../doctor/failingServices';
import type { Page } from '../model/cluster';
import { serviceNameOfTask, type Service, type Task, type TaskStatusFilter } from '../model/ecs';

export interface ServicesPage {
  readonly page: Page<Service>;
  /** For the first page: services with recently failed tasks (undefined when it could not be read). */
  readonly failing: Map<string, Task[]> | undefined;
}

/**
 * One page of a cluster's services, described (one ListServices, then its DescribeServices in
 * parallel). The first page also reads the cluster's recently stopped tasks, concurrently, to
 * mark failing services: two calls whatever the number of services.
 */
export async function loadServicesPage(session: AwsSession, cluster: string, nextToken: string | undefined, signal?: AbortSignal): Promise<ServicesPage> {
  const [page, failing] = await Promise.all([
    session.ecs.listServicesPage(cluster, nextToken, { signal }),
    nextToken ? undefined : loadFailing(session, cluster, signal),
  ]);
  return { page, failing };
}

async function loadFailing(session: AwsSession, cluster: string, signal?: AbortSignal): Promise<Map<string, Task[]> | undefined> {
  try {
    const stopped = await session.ecs.listTasksPage({ cluster, desiredStatus: 'STOPPED' }, undefined, { signal });
    return failingServices(stopped.items);
  } catch {
    return undefined; // the marker is a hint: the services still show without it
  }
}

export interface TasksQuery {
  readonly cluster: string;
  readonly desiredStatus: TaskStatusFilter;
  readonly serviceName?: string | undefined;
  /** Only tasks no service started (the cluster's "Standalone tasks"). */
  readonly standaloneOnly?: boolean | undefined;
}

/** One page of tasks, described, as a task folder of the tree shows them. */
export async function loadTasksPage(session: AwsSession, query: TasksQuery, nextToken: string | undefined, signal?: AbortSignal): Promise<Page<Task>> {
  const page = await session.ecs.listTasksPage(
    { cluster: query.cluster, desiredStatus: query.desiredStatus, serviceName: query.serviceName },
    nextToken,
    { signal },
  );
  return query.standaloneOnly ? { ...page, items: page.items.filter((t) => !serviceNameOfTask(t)) } : page;
}
