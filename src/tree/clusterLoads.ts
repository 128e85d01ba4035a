/**
 * How the Clusters view (and the Problems view's scan) loads a page of tasks and the failing
 * markers: the exact calls the tree makes, kept free of `vscode` so the benchmark measures the
 * same code the tree runs. A page of services is the gateway's own `listServicesPage`.
 */
import { loadAws, type Aws, type AwsSession } from '../awsModule';
import type { Page } from '../model/cluster';
import { serviceNameOfTask, type Task, type TaskStatusFilter } from '../model/ecs';

/** Sees the stopped tasks a load read anyway (the failure history remembers the failed ones). */
export type StoppedTasksSeen = (stopped: readonly Task[]) => void;

/**
 * The cluster's services whose recently stopped tasks failed: one page of stopped tasks (two
 * calls whatever the number of services). The tree runs it beside the first page of services,
 * without waiting for it, and marks the services when it answers. Undefined when unreadable:
 * the marker is a hint, the services show without it. `seen` gets the page's stopped tasks.
 * (The AWS layer's failingScan.ts; it is already loaded: a session exists.)
 */
export function loadFailingServices(session: AwsSession, cluster: string, signal?: AbortSignal, seen?: StoppedTasksSeen): Promise<Map<string, Task[]> | undefined> {
  return loadAws().loadFailingServices(session, cluster, signal, seen);
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
 * The Problems view's scan of the session's region: every cluster, then each cluster's failing
 * services, a few clusters at a time (the AWS layer's failingScan.ts, which the agent tools
 * run too); `seen` gets each cluster's page of stopped tasks.
 */
export function scanFailingServices(session: AwsSession, signal?: AbortSignal, seen?: StoppedTasksSeen): ReturnType<Aws['scanFailingServices']> {
  return loadAws().scanFailingServices(session, signal, undefined, seen);
}
