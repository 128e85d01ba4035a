// Container image references: the Docker reference grammar (distribution/reference) plus the
// ECS limits from ContainerDefinition.image: at most 255 characters before any `@`, and only
// `sha256` digests of exactly 64 hex characters.

import { describeBadCharacters, quote } from '../util/wording';

export type ImageRegistryKind = 'ecr' | 'ecr-public' | 'docker-hub' | 'other';

export interface ImageReference {
  registry: ImageRegistryKind;
  /** Registry host (with port when given); `docker.io` for Docker Hub. */
  domain: string;
  /** Repository path inside the registry (`library/nginx` for `nginx`). */
  repository: string;
  tag?: string;
  /** `sha256:<64 hex>` */
  digest?: string;
  /** For private ECR: the registry's account and region. */
  accountId?: string;
  region?: string;
}

export type ImageParseResult =
  | { ok: true; image: ImageReference }
  | { ok: false; code: string; message: string };

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;
const MAX_NAME = 255;

function fail(code: string, message: string): ImageParseResult {
  return { ok: false, code, message };
}

function isDomain(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

function checkDomain(domain: string): string | undefined {
  const [host, port, ...rest] = domain.split(':');
  if (rest.length > 0) return `The registry address ${quote(domain)} has more than one ":".`;
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return `The registry port ${quote(port)} must be a number, as in registry.example.com:5000.`;
  if (host === '' || !host.split('.').every((label) => DOMAIN_COMPONENT.test(label))) {
    return `The registry address ${quote(domain)} isn't a valid host name.`;
  }
  return undefined;
}

export function parseImageUri(input: string): ImageParseResult {
  const text = input;
  if (text.trim() === '') {
    return fail('IMAGE_REQUIRED', 'Enter the image to run, for example 123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/my-app:latest or nginx:1.27.');
  }
  if (/\s/.test(text)) {
    return fail('IMAGE_SPACES', `The image reference has ${describeBadCharacters(text, /\S/)}: image references can't contain spaces.`);
  }
  const at = text.split('@');
  if (at.length > 2) return fail('IMAGE_DIGEST', 'An image reference can have only one "@" (before its sha256 digest).');
  const [nameAndTag, digest] = at;
  if (digest !== undefined) {
    if (!digest.startsWith('sha256:')) {
      return fail('IMAGE_DIGEST', `ECS only accepts sha256 digests: write the digest as @sha256: followed by 64 hex characters.`);
    }
    const hex = digest.slice('sha256:'.length);
    if (!/^[a-fA-F0-9]{64}$/.test(hex)) {
      return fail('IMAGE_DIGEST', `A sha256 digest is exactly 64 hex characters (0-9, a-f); this one has ${hex.length}${/^[a-fA-F0-9]*$/.test(hex) ? '' : ' and other characters'}.`);
    }
  }
  if (nameAndTag === '') return fail('IMAGE_INVALID', 'The image reference needs a repository name before the "@".');
  if (nameAndTag.length > MAX_NAME) {
    return fail('IMAGE_TOO_LONG', `The image reference is ${nameAndTag.length} characters long${digest ? ' before the digest' : ''}: ECS allows up to ${MAX_NAME}.`);
  }
  const lastSlash = nameAndTag.lastIndexOf('/');
  const tagColon = nameAndTag.indexOf(':', lastSlash + 1);
  const name = tagColon === -1 ? nameAndTag : nameAndTag.slice(0, tagColon);
  const tag = tagColon === -1 ? undefined : nameAndTag.slice(tagColon + 1);
  if (tag !== undefined && !TAG.test(tag)) {
    if (tag === '') return fail('IMAGE_TAG', 'The image reference ends with ":" but no tag: add a tag such as latest, or remove the ":".');
    return fail('IMAGE_TAG', `The tag ${quote(tag)} isn't valid: a tag uses letters, digits, "_", "." and "-", doesn't start with "." or "-", and has at most 128 characters.`);
  }
  const components = name.split('/');
  let domain = 'docker.io';
  let pathComponents = components;
  if (components.length > 1 && isDomain(components[0])) {
    domain = components[0];
    pathComponents = components.slice(1);
    const problem = checkDomain(domain);
    if (problem) return fail('IMAGE_REGISTRY', problem);
  }
  for (const component of pathComponents) {
    if (component === '') {
      return fail('IMAGE_INVALID', `The image reference ${quote(text)} has an empty part between slashes.`);
    }
    if (!PATH_COMPONENT.test(component)) {
      if (/[A-Z]/.test(component) && PATH_COMPONENT.test(component.toLowerCase())) {
        return fail('IMAGE_UPPERCASE', `Repository names must be lowercase: ${quote(component)} has capital letters (try ${quote(component.toLowerCase())}).`);
      }
      return fail('IMAGE_INVALID', `The repository name ${quote(component)} isn't valid: use lowercase letters and digits, separated by ".", "_", "__" or "-" (not at the start or end).`);
    }
  }
  const repositoryPath = pathComponents.join('/');
  const reference = { tag, digest };
  const lowerDomain = domain.toLowerCase();
  const ecr = ECR_HOST.exec(lowerDomain);
  if (ecr) {
    return { ok: true, image: clean({ registry: 'ecr', domain, repository: repositoryPath, ...reference, accountId: ecr[1], region: ecr[2] }) };
  }
  if (lowerDomain.includes('.dkr.ecr')) {
    return fail('IMAGE_REGISTRY', `${quote(domain)} looks like an Amazon ECR registry but isn't one: ECR addresses look like 123456789012.dkr.ecr.ap-northeast-2.amazonaws.com (a 12-digit account, then the region).`);
  }
  if (lowerDomain === 'public.ecr.aws') {
    return { ok: true, image: clean({ registry: 'ecr-public', domain, repository: repositoryPath, ...reference }) };
  }
  if (lowerDomain === 'docker.io' || lowerDomain === 'index.docker.io' || lowerDomain === 'registry-1.docker.io') {
    const repository = pathComponents.length === 1 ? `library/${repositoryPath}` : repositoryPath;
    return { ok: true, image: clean({ registry: 'docker-hub', domain: 'docker.io', repository, ...reference }) };
  }
  return { ok: true, image: clean({ registry: 'other', domain, repository: repositoryPath, ...reference }) };
}

function clean(image: ImageReference): ImageReference {
  const out: ImageReference = { registry: image.registry, domain: image.domain, repository: image.repository };
  if (image.tag !== undefined) out.tag = image.tag;
  if (image.digest !== undefined) out.digest = image.digest;
  if (image.accountId !== undefined) out.accountId = image.accountId;
  if (image.region !== undefined) out.region = image.region;
  return out;
}
