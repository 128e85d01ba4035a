// The Problems view's scan for failing services, in the AWS layer so the agent tools (VS Code's
// and the `ecs-studio mcp` server's) run the same calls: one page of a cluster's stopped tasks
// (ListTasks + DescribeTasks), classified; every cluster of the region, a few at a time.
// src/tree/clusterLoads.ts hands the tree and the Problems view these through loadAws().
import { clusterNameFromArn } from '../model/cluster';
import type { Task } from '../model/ecs';
import { mapConcurrent } from '../util/concurrency';
import { failingServices } from '../doctor/failingServices';
import type { AwsSession } from './session';

/**
 * The cluster's services whose recently stopped tasks failed, with those tasks: one page of
 * stopped tasks (two calls whatever the number of services). Undefined when unreadable: the
 * marker is a hint, the services show without it.
 */
export async function loadFailingServices(session: AwsSession, cluster: string, signal?: AbortSignal, seen?: StoppedTasksSeen): Promise<Map<string, Task[]> | undefined> {
  return readFailingServices(session, cluster, signal, seen).catch(() => undefined);
}

/** Sees the stopped tasks a load read anyway (the failure history remembers the failed ones). */
export type StoppedTasksSeen = (stopped: readonly Task[]) => void;

/** As loadFailingServices, failing when the cluster cannot be read (for a cluster someone named). */
async function readFailingServices(session: AwsSession, cluster: string, signal?: AbortSignal, seen?: StoppedTasksSeen): Promise<Map<string, Task[]>> {
  const stopped = await session.ecs.listTasksPage({ cluster, desiredStatus: 'STOPPED' }, undefined, { signal });
  seen?.(stopped.items);
  return failingServices(stopped.items);
}

/**
 * Clusters the scan reads at once (two calls each at most): as many calls in flight as a page
 * of services' describes (ECS_LIMITS.describeConcurrency), so 50 clusters take about 7 round
 * trips, not 12.
 */
export const CLUSTERS_SCANNED_AT_ONCE = 10;

export interface FailingService {
  readonly cluster: string;
  readonly service: string;
  /** Its tasks that stopped with an error. */
  readonly tasks: readonly Task[];
}

export interface FailingServicesScan {
  readonly clusters: number;
  /** The ARNs of the clusters read (the account is in them). */
  readonly clusterArns: readonly string[];
  readonly failing: readonly FailingService[];
}

/**
 * Every cluster of the session's region, then each cluster's failing services
 * (loadFailingServices: a cluster that cannot be read is skipped), CLUSTERS_SCANNED_AT_ONCE
 * clusters at a time. With `clusters`, only those, and one that cannot be read fails the scan.
 * `seen` gets each cluster's page of stopped tasks.
 */
export async function scanFailingServices(session: AwsSession, signal?: AbortSignal, clusters?: readonly string[], seen?: StoppedTasksSeen): Promise<FailingServicesScan> {
  const arns = clusters ? [...clusters] : await session.ecs.listAllClusterArns({ signal });
  const found = await mapConcurrent(arns, CLUSTERS_SCANNED_AT_ONCE, async (arn) => {
    const failing = clusters ? await readFailingServices(session, arn, signal, seen) : await loadFailingServices(session, arn, signal, seen);
    return [...(failing ?? new Map<string, Task[]>())].map(([service, tasks]) => ({ cluster: clusterNameFromArn(arn), service, tasks }));
  });
  return { clusters: arns.length, clusterArns: arns, failing: found.flat() };
}
