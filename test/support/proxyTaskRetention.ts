// ECS keeps a stopped task for about an hour after it stops; after that ListTasks no longer lists
// it and DescribeTasks answers it as a failure with reason MISSING, as for any unknown task. moto
// keeps stopped tasks for ever. This proxy step plays ECS's side for the tasks a test names
// (`proxy.forgetStoppedTasks([...])`), standing in for the hour a test cannot wait.
import type { Step } from './awsLimitsProxy';

const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113';

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8') || '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Hides the `forgotten` tasks from ListTasks and DescribeTasks, as ECS does once its retention has passed. */
export function forgetExpiredTasks(forgotten: ReadonlySet<string>): Step {
  return async (req, next) => {
    const op = req.targetPrefix === ECS_TARGET ? req.operation : undefined;
    if ((op !== 'ListTasks' && op !== 'DescribeTasks') || forgotten.size === 0) return next(req);
    const res = await next(req);
    const output = res.status === 200 ? parseJson(res.body) : undefined;
    if (!output) return res;
    if (op === 'ListTasks' && Array.isArray(output.taskArns)) {
      output.taskArns = (output.taskArns as string[]).filter((arn) => !forgotten.has(arn));
    } else if (op === 'DescribeTasks' && Array.isArray(output.tasks)) {
      const tasks = output.tasks as Array<Record<string, unknown>>;
      const gone = tasks.filter((t) => forgotten.has(String(t.taskArn)));
      if (gone.length === 0) return res;
      output.tasks = tasks.filter((t) => !forgotten.has(String(t.taskArn)));
      // AWS's answer for a task it does not know (any more).
      output.failures = [...(Array.isArray(output.failures) ? output.failures : []), ...gone.map((t) => ({ arn: t.taskArn, reason: 'MISSING' }))];
    }
    return { ...res, body: Buffer.from(JSON.stringify(output)) };
  };
}
