/** Short texts the views show for ECS resources. Pure, so they are unit-tested directly. */
import type { Container, Deployment, Service, Task } from './ecs';

/** The first line of a text, cut to `max` characters with an ellipsis. */
export function firstLine(text: string | undefined, max = 120): string {
  const line = (text ?? '').split(/\r?\n/)[0]?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** "TaskFailedToStart: ResourceInitializationError: unable to pull…" (stop code, then the reason's first line). */
export function stoppedTaskSummary(task: Pick<Task, 'stopCode' | 'stoppedReason'>): string {
  const reason = firstLine(task.stoppedReason);
  if (task.stopCode && reason) return `${task.stopCode}: ${reason}`;
  return task.stopCode ?? (reason || 'Stopped');
}

/** "1/2 running · 1 pending" */
export function serviceCounts(service: Pick<Service, 'desiredCount' | 'runningCount' | 'pendingCount'>): string {
  const pending = service.pendingCount > 0 ? ` · ${service.pendingCount} pending` : '';
  return `${service.runningCount}/${service.desiredCount} running${pending}`;
}

/** The PRIMARY deployment (the one being rolled out), if any. */
export function primaryDeployment(service: Pick<Service, 'deployments'>): Deployment | undefined {
  return service.deployments.find((d) => d.status === 'PRIMARY') ?? service.deployments[0];
}

/** "1/2 running · IN_PROGRESS · FARGATE" */
export function serviceDescription(service: Service): string {
  const rollout = primaryDeployment(service)?.rolloutState;
  const launch = service.launchType ?? (service.capacityProviders.length > 0 ? service.capacityProviders.join('+') : undefined);
  return [serviceCounts(service), rollout, launch].filter(Boolean).join(' · ');
}

/** "RUNNING", "STOPPED (exit 1)", "STOPPED: OutOfMemoryError…" */
export function containerDescription(container: Container): string {
  const parts = [container.lastStatus ?? 'UNKNOWN'];
  if (container.exitCode !== undefined) parts.push(`exit ${container.exitCode}`);
  if (container.healthStatus && container.healthStatus !== 'UNKNOWN') parts.push(container.healthStatus.toLowerCase());
  const reason = firstLine(container.reason, 80);
  return reason ? `${parts.join(' · ')} · ${reason}` : parts.join(' · ');
}

/** "a1b2c3d4" — the first 8 characters of a task id, as the console shows it. */
export function shortTaskId(id: string): string {
  return id.length > 12 ? id.slice(0, 8) : id;
}

/** "5 min ago", "3 h ago", "2 d ago" relative to `now`. */
export function ago(date: Date | undefined, now: Date = new Date()): string | undefined {
  if (!date) return undefined;
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return `${Math.round(seconds / 86_400)} d ago`;
}
