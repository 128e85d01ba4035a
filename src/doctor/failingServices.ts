import { serviceNameOfTask, type Task } from '../model/ecs';
import { classify } from './classify';

/** Services whose recently stopped tasks stopped with an error, with those tasks. */
export function failingServices(stopped: readonly Task[]): Map<string, Task[]> {
  const failing = new Map<string, Task[]>();
  for (const task of stopped) {
    const service = serviceNameOfTask(task);
    if (!service || classify(task).severity !== 'error') continue;
    failing.set(service, [...(failing.get(service) ?? []), task]);
  }
  return failing;
}
