// Section 3: the task's CPU and memory are one of the Fargate sizes (8 and 16 vCPU need
// platform 1.4.0 or later).
//
// Pure module: no vscode, no AWS SDK.

import { fargateSizeProblem, parseCpuUnits, parseMemoryMiB } from '../../model/fargateSizes';
import type { Context, Draft } from './context';

/** INVALID_FARGATE_SIZE: no task-level size, a size Fargate does not offer, or a platform too old for it. */
export function fargateSize(ctx: Context): Draft[] {
  const td = ctx.s.taskDefinition;
  const fargate = (ctx.s.launch.launchType ?? 'FARGATE') === 'FARGATE' || (td.requiresCompatibilities ?? []).includes('FARGATE');
  if (!fargate) return [];
  const resource = td.arn ?? td.family;
  const cpu = td.cpu === undefined ? undefined : parseCpuUnits(td.cpu);
  const memory = td.memory === undefined ? undefined : parseMemoryMiB(td.memory);
  const make = (sentence: string): Draft[] => [{ code: 'INVALID_FARGATE_SIZE', resource, evidence: [sentence], affects: ['TASK_FAILED_TO_START'], remedies: [] }];
  if (cpu === undefined || memory === undefined) {
    return make(`Task definition ${td.family} has cpu ${td.cpu ?? '(none)'} and memory ${td.memory ?? '(none)'}: Fargate needs both at task level, as one of its sizes.`);
  }
  const problem = fargateSizeProblem(cpu, memory, ctx.os);
  if (problem) return make(`Task definition ${td.family} (cpu ${td.cpu}, memory ${td.memory}): ${problem.message}`);
  const pv = ctx.s.launch.platformVersion;
  if (cpu >= 8192 && pv && pv !== 'LATEST' && compareVersions(pv, '1.4.0') < 0) {
    return make(`Task definition ${td.family} asks for ${cpu / 1024} vCPU, which needs Fargate platform 1.4.0 or later; the service uses ${pv}.`);
  }
  return [];
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
