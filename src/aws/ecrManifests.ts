/**
 * What an image manifest tells about the platforms an image runs on. Pure (no SDK), unit-tested
 * with plain manifests. An image index (OCI) or manifest list (Docker) names each image's
 * platform; buildx adds attestation manifests with platform unknown/unknown, left out here. A
 * single-image manifest names no platform (that is in its config blob, which the registry API
 * doesn't return): then the platforms are unknown.
 */

export interface ManifestPlatform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

/** Media types BatchGetImage should return as they were pushed. */
export const ACCEPTED_MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

/** The platforms an index or manifest list names; undefined when the manifest doesn't say. */
export function platformsFromManifest(manifest: string | undefined): ManifestPlatform[] | undefined {
  if (!manifest) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifest);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const list = (parsed as { manifests?: unknown }).manifests;
  if (!Array.isArray(list)) return undefined;
  const platforms: ManifestPlatform[] = [];
  for (const entry of list) {
    const platform = (entry as { platform?: { os?: unknown; architecture?: unknown; variant?: unknown } } | null)?.platform;
    if (!platform || typeof platform.os !== 'string' || typeof platform.architecture !== 'string') continue;
    if (platform.os === 'unknown' || platform.architecture === 'unknown') continue;
    if (platforms.some((p) => p.os === platform.os && p.architecture === platform.architecture && p.variant === platform.variant)) continue;
    platforms.push(typeof platform.variant === 'string'
      ? { os: platform.os, architecture: platform.architecture, variant: platform.variant }
      : { os: platform.os, architecture: platform.architecture });
  }
  return platforms.length > 0 ? platforms : undefined;
}
