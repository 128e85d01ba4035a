// The task sizes Fargate accepts. Source: the ECS developer guide, "Task definition parameters"
// / "Task CPU and memory" (the table with an "Operating systems supported on Fargate" column)
// and the API reference for RegisterTaskDefinition `cpu`/`memory`:
//
//   CPU units          memory (MiB)                                     OS
//   256   (0.25 vCPU)  512, 1024, 2048                                  Linux
//   512   (0.5 vCPU)   1024 .. 4096 in 1024 steps                       Linux
//   1024  (1 vCPU)     2048 .. 8192 in 1024 steps                       Linux, Windows
//   2048  (2 vCPU)     4096 .. 16384 in 1024 steps                      Linux, Windows
//   4096  (4 vCPU)     8192 .. 30720 in 1024 steps                      Linux, Windows
//   8192  (8 vCPU)     16384 .. 61440 in 4096 steps  (platform 1.4.0)   Linux
//   16384 (16 vCPU)    32768 .. 122880 in 8192 steps (platform 1.4.0)   Linux
//
// "The CPU units cannot be less than 1 vCPU when you use Windows containers on Fargate."
// Windows on Fargate runs Windows Server 2019 and 2022, Full and Core, on X86_64 only.

import type { OperatingSystemFamily } from './ecsRequest';
import { listPhrase } from '../util/wording';

export interface FargateCpuSize {
  /** CPU units (1024 = 1 vCPU). */
  readonly cpu: number;
  /** The memory sizes (MiB) this CPU size allows, ascending. */
  readonly memory: readonly number[];
  /** Whether Windows containers may use this size. */
  readonly windows: boolean;
  /** Needs Linux platform version 1.4.0 or later. */
  readonly needsPlatform140: boolean;
}

function steps(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

export const FARGATE_SIZES: readonly FargateCpuSize[] = [
  { cpu: 256, memory: [512, 1024, 2048], windows: false, needsPlatform140: false },
  { cpu: 512, memory: steps(1024, 4096, 1024), windows: false, needsPlatform140: false },
  { cpu: 1024, memory: steps(2048, 8192, 1024), windows: true, needsPlatform140: false },
  { cpu: 2048, memory: steps(4096, 16384, 1024), windows: true, needsPlatform140: false },
  { cpu: 4096, memory: steps(8192, 30720, 1024), windows: true, needsPlatform140: false },
  { cpu: 8192, memory: steps(16384, 61440, 4096), windows: false, needsPlatform140: true },
  { cpu: 16384, memory: steps(32768, 122880, 8192), windows: false, needsPlatform140: true },
];

/** The Windows operating system families Fargate runs. */
export const FARGATE_WINDOWS_FAMILIES: readonly OperatingSystemFamily[] = [
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2022_CORE',
];

/** Operating system families a Fargate task definition may name. */
export const FARGATE_OPERATING_SYSTEMS: readonly OperatingSystemFamily[] = ['LINUX', ...FARGATE_WINDOWS_FAMILIES];

export function isWindowsFamily(os: string | undefined): boolean {
  return (os ?? '').startsWith('WINDOWS');
}

function sizesFor(os: string | undefined): readonly FargateCpuSize[] {
  return isWindowsFamily(os) ? FARGATE_SIZES.filter((s) => s.windows) : FARGATE_SIZES;
}

/**
 * CPU units as ECS reads them: `1024`, `"1024"`, `"1 vCPU"`, `"0.25 vcpu"`.
 * Returns undefined when the text is not a CPU size at all.
 */
export function parseCpuUnits(value: string | number): number | undefined {
  return parseSize(value, /^(\d+(?:\.\d+)?|\.\d+)\s*vcpus?$/i);
}

/**
 * Memory in MiB as ECS reads it: `3072`, `"3072"`, `"3GB"`, `"3 GB"`, `"0.5 gb"`.
 * Returns undefined when the text is not a memory size at all.
 */
export function parseMemoryMiB(value: string | number): number | undefined {
  return parseSize(value, /^(\d+(?:\.\d+)?|\.\d+)\s*gb$/i);
}

/**
 * A task size as ECS reads it: a positive whole number of the base unit (CPU units, MiB), as a
 * number or as digits, or a count of the larger unit (`bigUnit` captures it), 1024 base units
 * each, that comes to a whole number.
 */
function parseSize(value: string | number, bigUnit: RegExp): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const base = Number(text);
    return base > 0 ? base : undefined;
  }
  const m = bigUnit.exec(text);
  if (!m) return undefined;
  const base = Number(m[1]) * 1024;
  return Number.isInteger(base) && base > 0 ? base : undefined;
}

/** CPU units Fargate offers for this operating system, ascending. */
export function cpuChoices(os: OperatingSystemFamily | string = 'LINUX'): number[] {
  return sizesFor(os).map((s) => s.cpu);
}

/** Memory sizes (MiB) Fargate offers with this CPU on this operating system; [] when the CPU isn't offered. */
export function memoryChoicesFor(cpu: number | string, os: OperatingSystemFamily | string = 'LINUX'): number[] {
  const units = parseCpuUnits(cpu);
  const size = sizesFor(os).find((s) => s.cpu === units);
  return size ? [...size.memory] : [];
}

export function isValidFargateSize(
  cpu: number | string,
  memory: number | string,
  os: OperatingSystemFamily | string = 'LINUX',
): boolean {
  const mib = parseMemoryMiB(memory);
  return mib !== undefined && memoryChoicesFor(cpu, os).includes(mib);
}

/** Every valid (cpu, memory) pair for this operating system. */
export function fargateCombinations(os: OperatingSystemFamily | string = 'LINUX'): Array<{ cpu: number; memory: number }> {
  return sizesFor(os).flatMap((s) => s.memory.map((memory) => ({ cpu: s.cpu, memory })));
}

function trimNumber(n: number): string {
  return String(Number(n.toFixed(3)));
}

/** 256 -> "0.25", 1024 -> "1". */
export function vcpuNumber(units: number): string {
  return trimNumber(units / 1024);
}

/** 256 -> "0.25 vCPU", 1024 -> "1 vCPU"; units that aren't a tidy fraction stay in units. */
export function cpuLabel(units: number): string {
  if (units % 128 === 0) return `${vcpuNumber(units)} vCPU`;
  return `${units} CPU units`;
}

/** 512 -> "0.5", 3072 -> "3" (GB). */
export function gbNumber(mib: number): string {
  return trimNumber(mib / 1024);
}

/** 512 -> "0.5 GB", 3072 -> "3 GB", 1000 -> "1000 MiB". */
export function memoryLabel(mib: number): string {
  if (mib % 512 === 0) return `${gbNumber(mib)} GB`;
  return `${mib} MiB`;
}

export interface SizeChoice {
  value: string;
  label: string;
}

/** Options for the CPU select: value is CPU units as ECS stores them. */
export function cpuSelectOptions(os: OperatingSystemFamily | string = 'LINUX'): SizeChoice[] {
  return cpuChoices(os).map((cpu) => ({ value: String(cpu), label: cpuLabel(cpu) }));
}

/** Options for the memory select that follows the CPU select. */
export function memorySelectOptions(cpu: number | string, os: OperatingSystemFamily | string = 'LINUX'): SizeChoice[] {
  return memoryChoicesFor(cpu, os).map((mib) => ({ value: String(mib), label: memoryLabel(mib) }));
}

/** "0.5, 1 or 2 GB" for a short list, "4 to 16 GB in 1 GB steps" for a long one. */
export function memoryChoicesPhrase(choices: readonly number[]): string {
  if (choices.length === 0) return '';
  if (choices.length <= 4) return `${listPhrase(choices.map(gbNumber))} GB`;
  const step = choices[1] - choices[0];
  return `${gbNumber(choices[0])} to ${gbNumber(choices[choices.length - 1])} GB in ${gbNumber(step)} GB steps`;
}

export function cpuChoicesPhrase(choices: readonly number[]): string {
  return `${listPhrase(choices.map(vcpuNumber))} vCPU`;
}

export interface FargateSizeProblem {
  field: 'cpu' | 'memory';
  code: 'FARGATE_CPU' | 'FARGATE_WINDOWS_CPU' | 'FARGATE_MEMORY';
  message: string;
}

/**
 * Why a (cpu, memory) pair isn't a Fargate size, in words a person can act on; undefined when it is one.
 * Both values are already parsed (CPU units, MiB).
 */
export function fargateSizeProblem(cpu: number, memory: number | undefined, os: OperatingSystemFamily | string = 'LINUX'): FargateSizeProblem | undefined {
  const windows = isWindowsFamily(os);
  const offered = cpuChoices(os);
  if (!offered.includes(cpu)) {
    if (windows && FARGATE_SIZES.some((s) => s.cpu === cpu)) {
      const why = cpu < 1024
        ? `Windows containers on Fargate need at least 1 vCPU`
        : `${cpuLabel(cpu)} on Fargate is for Linux only`;
      return {
        field: 'cpu',
        code: 'FARGATE_WINDOWS_CPU',
        message: `${why}: choose ${cpuChoicesPhrase(offered)}.`,
      };
    }
    return {
      field: 'cpu',
      code: 'FARGATE_CPU',
      message: `${cpuLabel(cpu)} isn't a Fargate size: choose ${cpuChoicesPhrase(offered)}${windows ? ' for Windows' : ''}.`,
    };
  }
  if (memory === undefined) return undefined;
  const choices = memoryChoicesFor(cpu, os);
  if (choices.includes(memory)) return undefined;
  const otherCpus = sizesFor(os).filter((s) => s.memory.includes(memory)).map((s) => s.cpu);
  let hint = '';
  if (otherCpus.length > 0 && otherCpus.every((c) => c > cpu)) hint = ', or raise the CPU';
  else if (otherCpus.length > 0 && otherCpus.every((c) => c < cpu)) hint = ', or lower the CPU';
  else if (otherCpus.length > 0) hint = ', or choose another CPU size';
  return {
    field: 'memory',
    code: 'FARGATE_MEMORY',
    message: `Memory ${memoryLabel(memory)} isn't available with ${cpuLabel(cpu)} on Fargate: choose ${memoryChoicesPhrase(choices)}${hint}.`,
  };
}
