// What the first tasks of a service just created say: one stopped with a reason (the doctor
// should look), one is running (the service started), or nothing yet (keep watching).
import { serviceNameOfTask, type Task } from './ecs';

export type FirstTasksVerdict =
  | { readonly kind: 'stopped'; readonly taskArn: string; readonly reason: string }
  | { readonly kind: 'running'; readonly taskArn: string }
  | { readonly kind: 'waiting' };

type TaskFacts = Pick<Task, 'arn' | 'group' | 'lastStatus' | 'stoppedReason'>;

/**
 * A stopped task of the service with a reason wins over a running one: a service whose first
 * task stopped while another started is still failing its tasks (ECS keeps replacing them).
 * Tasks of other services or standalone tasks are not the service's.
 */
export function firstTasksVerdict(serviceName: string, tasks: readonly TaskFacts[]): FirstTasksVerdict {
  const own = tasks.filter((t) => serviceNameOfTask(t) === serviceName);
  const stopped = own.find((t) => t.lastStatus === 'STOPPED' && (t.stoppedReason ?? '').trim() !== '');
  if (stopped) return { kind: 'stopped', taskArn: stopped.arn, reason: stopped.stoppedReason ?? '' };
  const running = own.find((t) => t.lastStatus === 'RUNNING');
  return running ? { kind: 'running', taskArn: running.arn } : { kind: 'waiting' };
}
