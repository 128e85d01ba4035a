// Section 3, image and platform: each private ECR image's repository exists, holds the tag or
// digest, and offers the task's runtimePlatform (OS and CPU architecture).
//
// Pure module: no vscode, no AWS SDK.

import { parseImageUri } from '../../model/imageUri';
import type { Context, Draft } from './context';
import { notCollected } from './gaps';

/** Section 3: the image exists and offers the task's platform. */
export function images(ctx: Context): Draft[] {
  const drafts: Draft[] = [];
  const td = ctx.s.taskDefinition;
  const arch = (td.runtimePlatform?.cpuArchitecture ?? 'X86_64') === 'ARM64' ? 'arm64' : 'amd64';
  const os = ctx.os.startsWith('WINDOWS') ? 'windows' : 'linux';
  for (const c of td.containers) {
    const parsed = parseImageUri(c.image);
    if (!parsed.ok || parsed.image.registry !== 'ecr') continue;
    if (!ctx.s.images) {
      drafts.push(...notCollected(ctx, 'images'));
      continue;
    }
    const info = ctx.s.images.find((i) => i.image === c.image);
    if (!info) continue;
    const where = `${parsed.image.repository} (account ${parsed.image.accountId}, ${parsed.image.region})`;
    if (info.repositoryExists === false) {
      drafts.push({ code: 'IMAGE_NOT_FOUND', resource: c.image, evidence: [`Container ${c.name} names ${c.image}, but the repository ${where} does not exist.`], affects: ['IMAGE_NOT_FOUND', 'IMAGE_ACCESS_DENIED'], remedies: [] });
      continue;
    }
    if (info.found === false) {
      const ref = parsed.image.digest ?? `tag ${parsed.image.tag ?? 'latest'}`;
      drafts.push({ code: 'IMAGE_NOT_FOUND', resource: c.image, evidence: [`Container ${c.name} names ${c.image}, but ${ref} is not in repository ${where}.`], affects: ['IMAGE_NOT_FOUND'], remedies: [] });
      continue;
    }
    const platforms = (info.platforms ?? []).filter((p) => p.os !== 'unknown' && p.architecture !== 'unknown');
    if (platforms.length > 0 && !platforms.some((p) => p.os === os && p.architecture === arch)) {
      drafts.push({
        code: 'IMAGE_PLATFORM_MISMATCH',
        resource: c.image,
        evidence: [`${c.image} offers ${platforms.map((p) => `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`).join(', ')}, but task definition ${td.family} runs ${os}/${arch} (runtimePlatform ${td.runtimePlatform?.operatingSystemFamily ?? 'LINUX'}/${td.runtimePlatform?.cpuArchitecture ?? 'X86_64'}${td.runtimePlatform?.cpuArchitecture ? '' : ', the default'}).`],
        affects: ['IMAGE_PLATFORM_MISMATCH', 'CONTAINER_START_FAILED', 'ESSENTIAL_CONTAINER_EXITED'],
        remedies: [],
      });
    }
  }
  return drafts;
}
