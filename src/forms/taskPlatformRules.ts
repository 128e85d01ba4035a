// Where and how big the task runs: the launch types, the operating system and CPU architecture,
// the network mode, the task size (Fargate's CPU/memory pairs, EC2's CPU range), Fargate's lack
// of host paths, and the warning when an image is built for another platform than the one chosen.

import { COMPATIBILITIES, CPU_ARCHITECTURES, FARGATE_LOG_DRIVERS, LOG_DRIVERS, NETWORK_MODES, OPERATING_SYSTEM_FAMILIES } from '../model/ecsRequest';
import { FARGATE_WINDOWS_FAMILIES, fargateSizeProblem, isWindowsFamily } from '../model/fargateSizes';
import { listPhrase, quote } from '../util/wording';
import type { RuleContext } from './taskSpec';

const EC2_CPU_MIN = 128;
const EC2_CPU_MAX = 196608;

const OS_LABELS: Record<string, string> = {
  LINUX: 'Linux',
  WINDOWS_SERVER_2016_FULL: 'Windows Server 2016 Full',
  WINDOWS_SERVER_2019_FULL: 'Windows Server 2019 Full',
  WINDOWS_SERVER_2019_CORE: 'Windows Server 2019 Core',
  WINDOWS_SERVER_2022_FULL: 'Windows Server 2022 Full',
  WINDOWS_SERVER_2022_CORE: 'Windows Server 2022 Core',
  WINDOWS_SERVER_2025_FULL: 'Windows Server 2025 Full',
  WINDOWS_SERVER_2025_CORE: 'Windows Server 2025 Core',
  WINDOWS_SERVER_2004_CORE: 'Windows Server 2004 Core',
  WINDOWS_SERVER_20H2_CORE: 'Windows Server 20H2 Core',
};

export function operatingSystemLabel(os: string): string {
  return OS_LABELS[os] ?? os;
}

export function checkPlatform(ctx: RuleContext): void {
  const { spec, report } = ctx;
  const osField = spec.operatingSystemFamily;
  const archField = spec.cpuArchitecture;
  if (osField.value !== undefined && !(OPERATING_SYSTEM_FAMILIES as readonly string[]).includes(osField.value)) {
    report.error(osField.path, 'OS_INVALID', `${quote(osField.value)} isn't an operating system ECS knows: use LINUX or a WINDOWS_SERVER_... value.`);
  }
  if (archField.value !== undefined && !(CPU_ARCHITECTURES as readonly string[]).includes(archField.value)) {
    report.error(archField.path, 'ARCH_INVALID', `${quote(archField.value)} isn't a CPU architecture ECS knows: use X86_64 or ARM64.`);
  }
  if (ctx.arch === 'ARM64' && isWindowsFamily(ctx.os)) {
    report.error(archField.path, 'ARM64_NEEDS_LINUX', `ARM64 runs Linux containers only: choose X86_64 for ${operatingSystemLabel(ctx.os)}, or Linux for ARM64.`);
  }
  if (ctx.fargate && isWindowsFamily(ctx.os) && !(FARGATE_WINDOWS_FAMILIES as readonly string[]).includes(ctx.os)) {
    report.error(osField.path, 'FARGATE_WINDOWS_VERSION', `Fargate runs Windows Server 2019 and 2022 (Full or Core), not ${operatingSystemLabel(ctx.os)}: choose one of those, or run on EC2.`);
  }
}

export function checkCompatibilities(ctx: RuleContext): void {
  const { spec, report } = ctx;
  const list = spec.compatibilities.value ?? [];
  if (spec.source === 'form' && list.length === 0) {
    report.error(spec.compatibilities.path, 'COMPATIBILITY_REQUIRED', 'Choose where the task runs: Fargate or EC2.');
  }
  if (spec.source === 'json' && spec.compatibilities.value === undefined && !spec.compatibilities.unreadable && offFargate(ctx).length === 0) {
    report.warning(spec.compatibilities.path, 'COMPATIBILITY_MISSING', 'Without requiresCompatibilities ECS checks this task definition for EC2 only, and Fargate will refuse it: add ["FARGATE"] to run it on Fargate.');
  }
  list.forEach((c, i) => {
    if (!(COMPATIBILITIES as readonly string[]).includes(c)) {
      report.error([...spec.compatibilities.path, i], 'COMPATIBILITY_INVALID', `${quote(c)} isn't a launch type ECS knows: use ${listPhrase(COMPATIBILITIES.map((x) => x))}.`);
    }
  });
}

/** What keeps the task off Fargate as written: then no launch types means EC2 on purpose. */
function offFargate(ctx: RuleContext): string[] {
  const { spec } = ctx;
  const reasons = [...spec.ec2Only];
  const mode = spec.networkMode.value;
  if (mode !== undefined && mode !== 'awsvpc') reasons.push(`the ${mode} network mode`);
  if (isWindowsFamily(ctx.os) && (mode !== 'awsvpc' || !(FARGATE_WINDOWS_FAMILIES as readonly string[]).includes(ctx.os))) reasons.push(operatingSystemLabel(ctx.os));
  for (const c of spec.containers) {
    const driver = c.log?.driver.value;
    if (driver !== undefined && (LOG_DRIVERS as readonly string[]).includes(driver) && !(FARGATE_LOG_DRIVERS as readonly string[]).includes(driver)) reasons.push(`the ${driver} log driver`);
  }
  return reasons;
}

export function checkNetworkMode(ctx: RuleContext): void {
  const { spec, report } = ctx;
  const mode = spec.networkMode.value;
  if (mode !== undefined && !(NETWORK_MODES as readonly string[]).includes(mode)) {
    report.error(spec.networkMode.path, 'NETWORK_MODE_INVALID', `${quote(mode)} isn't a network mode: use awsvpc, bridge, host or none.`);
    return;
  }
  if (ctx.fargate && mode !== 'awsvpc' && !spec.networkMode.unreadable) {
    report.error(spec.networkMode.path, 'NETWORK_MODE_FARGATE', mode === undefined
      ? 'Fargate tasks need the awsvpc network mode: set it (without one ECS uses bridge, which Fargate rejects).'
      : `Fargate tasks need the awsvpc network mode, not ${mode}.`);
  } else if (isWindowsFamily(ctx.os) && (mode === 'bridge' || mode === 'host' || mode === 'none')) {
    report.error(spec.networkMode.path, 'NETWORK_MODE_WINDOWS', `Windows tasks use awsvpc or the default network mode, not ${mode}.`);
  }
}

export function checkSize(ctx: RuleContext): void {
  const { spec, report } = ctx;
  const cpu = spec.cpu.value;
  const memory = spec.memory.value;
  if (ctx.fargate) {
    if (cpu === undefined && !spec.cpu.unreadable) {
      report.error(spec.cpu.path, 'CPU_REQUIRED', 'Fargate needs a task CPU size: choose one, for example 1 vCPU.');
    }
    if (memory === undefined && !spec.memory.unreadable) {
      report.error(spec.memory.path, 'MEMORY_REQUIRED', 'Fargate needs a task memory size: choose one, for example 3 GB.');
    }
    for (const hostPath of spec.hostPaths) {
      report.error(hostPath.path, 'FARGATE_HOST_PATH', 'Fargate tasks have no instance disk to mount: remove sourcePath (the volume becomes storage the task\'s containers share), or use an EFS volume.');
    }
    if (cpu !== undefined) {
      const problem = fargateSizeProblem(cpu, memory, ctx.os);
      if (problem) report.error(problem.field === 'cpu' ? spec.cpu.path : spec.memory.path, problem.code, problem.message);
    }
    return;
  }
  if (cpu !== undefined && (cpu < EC2_CPU_MIN || cpu > EC2_CPU_MAX)) {
    report.error(spec.cpu.path, 'TASK_CPU_RANGE', `Task CPU on EC2 goes from 128 units (0.125 vCPU) to 196608 units (192 vCPU); ${cpu} is outside that.`);
  }
}

function platformWanted(ctx: RuleContext): { os: string; architecture: string } {
  return { os: isWindowsFamily(ctx.os) ? 'windows' : 'linux', architecture: ctx.arch === 'ARM64' ? 'arm64' : 'amd64' };
}

/** The image is built for another platform than the task runs. */
export function checkImagePlatforms(ctx: RuleContext): void {
  const { spec, report, facts } = ctx;
  spec.containers.forEach((c) => {
    const image = c.image.value;
    const platforms = image === undefined ? undefined : facts.imagePlatforms?.[image];
    if (!platforms || platforms.length === 0) return;
    const want = platformWanted(ctx);
    const matches = platforms.some((p) => p.os.toLowerCase() === want.os && p.architecture.toLowerCase() === want.architecture);
    if (!matches) {
      const built = listPhrase(platforms.map((p) => `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`), 'and');
      const chosen = `${operatingSystemLabel(ctx.os)}/${ctx.arch}`;
      const fix = want.os === 'linux'
        ? `Build it for ${want.os}/${want.architecture} (docker buildx build --platform ${want.os}/${want.architecture}) or choose ${want.architecture === 'arm64' ? 'X86_64' : 'ARM64'} here.`
        : `Build it for ${want.os}/${want.architecture}.`;
      report.warning(c.image.path, 'IMAGE_PLATFORM_MISMATCH', `This image is built for ${built}, but the task runs ${chosen}: it will fail to start ("exec format error" or "descriptor matching platform"). ${fix}`);
    }
  });
}
