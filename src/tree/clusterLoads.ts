/**
 * How the Clusters view (and the Problems view's scan) loads a page of tasks and the failing
 * markers: the exact calls the tree makes, kept free of `vscode` so the benchmark measures the
 * same code the tree runs. A page of services is the gateway's own `listServicesPage`.
 */
import { loadAws, type AwsSession } from '../awsModule';
import { clusterNameFromArn, type Page } from '../model/cluster';
import { mapConcurrent } from '../util/concurrency';
import { serviceNameOfTask, type Task, type TaskStatusFilter } from '../model/ecs';

/** Sees the stopped tasks a load read anyway (the failure history remembers the failed ones). */
export type StoppedTasksSeen = (stopped: readonly Task[]) => void;

/**
 * The cluster's services whose recently stopped tasks failed: one page of stopped tasks (two
 * calls whatever the number of services). The tree runs it beside the first page of services,
 * without waiting for it, and marks the services when it answers. Undefined when unreadable:
 * the marker is a hint, the services show without it. `seen` gets the page's stopped tasks.
 */
export async function loadFailingServices(session: AwsSession, cluster: string, signal?: AbortSignal, seen?: StoppedTasksSeen): Promise<Map<string, Task[]> | undefined> {
  try {
    const stopped = await session.ecs.listTasksPage({ cluster, desiredStatus: 'STOPPED' }, undefined, { signal });
    seen?.(stopped.items);
    // The classifier travels with the AWS layer (already loaded: a session exists).
    return loadAws().failingServices(stopped.items);
  } catch {
    return undefined;
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

/**
 * Clusters the Problems view scans at once for failing services (two calls each at most): as
 * many calls in flight as a page of services' describes (ECS_LIMITS.describeConcurrency), so
 * 50 clusters take about 7 round trips, not 12.
 */
export const CLUSTERS_SCANNED_AT_ONCE = 10;

export interface FailingServicesScan {
  readonly clusters: number;
  /** The region's cluster ARNs (they name the account). */
  readonly clusterArns: readonly string[];
  readonly failing: ReadonlyArray<{ readonly cluster: string; readonly service: string }>;
}

/**
 * The Problems view's scan of the session's region: every cluster, then each cluster's failing
 * services (loadFailingServices), CLUSTERS_SCANNED_AT_ONCE clusters at a time; `seen` gets
 * each cluster's page of stopped tasks.
 */
export async function scanFailingServices(session: AwsSession, signal?: AbortSignal, seen?: StoppedTasksSeen): Promise<FailingServicesScan> {
  const arns = await session.ecs.listAllClusterArns({ signal });
  const found = await mapConcurrent(arns, CLUSTERS_SCANNED_AT_ONCE, async (arn) => {
    const failing = await loadFailingServices(session, arn, signal, seen);
    return [...(failing?.keys() ?? [])].map((service) => ({ cluster: clusterNameFromArn(arn), service }));
  });
  return { clusters: arns.length, clusterArns: arns, failing: found.flat() };
}
