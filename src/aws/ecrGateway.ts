/**
 * ECR for the task definition form: the region's repositories, a repository's images newest
 * first (tags, push time) and, where the registry tells, the platforms they are built for.
 */
import {
  BatchGetImageCommand,
  ECRClient,
  RepositoryNotFoundException,
  paginateDescribeImages,
  paginateDescribeRepositories,
} from '@aws-sdk/client-ecr';
import { chunk } from './batching';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';
import { listAll } from './paging';
import { ACCEPTED_MANIFEST_TYPES, platformsFromManifest, type ManifestPlatform } from './ecrManifests';

/** AWS limits (ECR API reference). */
export const ECR_LIMITS = {
  /** DescribeRepositories and DescribeImages: maxResults up to 1000. */
  describePageSize: 1000,
  /** BatchGetImage: up to 100 image ids per call. */
  batchGetImageMax: 100,
} as const;

export interface EcrRepository {
  readonly name: string;
  readonly uri: string;
  readonly arn: string;
}

export interface EcrImage {
  readonly digest: string;
  /** Empty for an untagged image. */
  readonly tags: readonly string[];
  readonly pushedAt: Date | undefined;
  readonly sizeBytes: number | undefined;
  /** Platforms from the image index; undefined when the registry doesn't tell. */
  readonly platforms: readonly ManifestPlatform[] | undefined;
}

export class EcrGateway {
  constructor(private readonly factory: ClientFactory) {}

  private get client(): ECRClient {
    return this.factory.get(ECRClient);
  }

  /** Every repository of the region, sorted by name. */
  async listRepositories(options?: CallOptions): Promise<EcrRepository[]> {
    return awsCall(this.factory.connection, 'ecr:DescribeRepositories', async () => {
      const all = await listAll(paginateDescribeRepositories, { client: this.client, pageSize: ECR_LIMITS.describePageSize }, {}, (page) => page.repositories, options);
      return all
        .flatMap((r): EcrRepository[] => (r.repositoryName && r.repositoryUri ? [{ name: r.repositoryName, uri: r.repositoryUri, arn: r.repositoryArn ?? '' }] : []))
        .sort((a, b) => a.name.localeCompare(b.name));
    });
  }

  /**
   * A repository's images, newest push first, with the platforms of the newest `withPlatforms`
   * tagged images (one BatchGetImage per 100). Untagged images (index children, attestations)
   * are left out: a task definition names an image by tag.
   */
  async listImages(repositoryName: string, options?: CallOptions & { readonly withPlatforms?: number }): Promise<EcrImage[]> {
    const described = await awsCall(this.factory.connection, 'ecr:DescribeImages', async () => {
      const details = await listAll(
        paginateDescribeImages,
        { client: this.client, pageSize: ECR_LIMITS.describePageSize },
        { repositoryName, filter: { tagStatus: 'TAGGED' } },
        (page) => page.imageDetails,
        options,
      );
      const images = details.flatMap((d) => (d.imageDigest && (d.imageTags ?? []).length > 0
        ? [{ digest: d.imageDigest, tags: [...(d.imageTags ?? [])], pushedAt: d.imagePushedAt, sizeBytes: d.imageSizeInBytes }]
        : []));
      return images.sort((a, b) => (b.pushedAt?.getTime() ?? 0) - (a.pushedAt?.getTime() ?? 0));
    });
    const wanted = described.slice(0, options?.withPlatforms ?? 20);
    const platforms = await this.platformsByDigest(repositoryName, wanted.map((i) => i.digest), options);
    return described.map((i) => ({ ...i, platforms: platforms.get(i.digest) }));
  }

  /** Platforms of one image by tag or digest; undefined when unknown or the image isn't there. */
  async imagePlatforms(repositoryName: string, reference: { tag?: string; digest?: string }, options?: CallOptions): Promise<ManifestPlatform[] | undefined> {
    return awsCall(this.factory.connection, 'ecr:BatchGetImage', async () => {
      try {
        const out = await this.client.send(new BatchGetImageCommand({
          repositoryName,
          imageIds: [reference.digest ? { imageDigest: reference.digest } : { imageTag: reference.tag ?? 'latest' }],
          acceptedMediaTypes: ACCEPTED_MANIFEST_TYPES,
        }), sendOptions(options));
        return platformsFromManifest(out.images?.[0]?.imageManifest);
      } catch (err) {
        if (err instanceof RepositoryNotFoundException) return undefined;
        throw err;
      }
    });
  }

  private async platformsByDigest(repositoryName: string, digests: readonly string[], options?: CallOptions): Promise<Map<string, ManifestPlatform[] | undefined>> {
    const result = new Map<string, ManifestPlatform[] | undefined>();
    if (digests.length === 0) return result;
    await awsCall(this.factory.connection, 'ecr:BatchGetImage', async () => {
      for (const batch of chunk(digests, ECR_LIMITS.batchGetImageMax)) {
        const out = await this.client.send(new BatchGetImageCommand({
          repositoryName,
          imageIds: batch.map((imageDigest) => ({ imageDigest })),
          acceptedMediaTypes: ACCEPTED_MANIFEST_TYPES,
        }), sendOptions(options));
        for (const image of out.images ?? []) {
          const digest = image.imageId?.imageDigest;
          if (digest) result.set(digest, platformsFromManifest(image.imageManifest));
        }
      }
    });
    return result;
  }

  /**
   * One image by tag or digest, as the doctor needs it: does the repository exist, is the image
   * in it, and its manifest (for the platforms). `registryId` is the account of the image URI.
   */
  async getImageManifest(
    repositoryName: string,
    reference: { tag?: string | undefined; digest?: string | undefined },
    registryId?: string,
    options?: CallOptions,
  ): Promise<{ repositoryExists: boolean; found: boolean; manifest: string | undefined }> {
    return awsCall(this.factory.connection, 'ecr:BatchGetImage', async () => {
      try {
        const out = await this.client.send(new BatchGetImageCommand({
          repositoryName,
          ...(registryId ? { registryId } : {}),
          imageIds: [reference.digest ? { imageDigest: reference.digest } : { imageTag: reference.tag ?? 'latest' }],
          acceptedMediaTypes: ACCEPTED_MANIFEST_TYPES,
        }), sendOptions(options));
        const image = out.images?.[0];
        return { repositoryExists: true, found: image !== undefined, manifest: image?.imageManifest };
      } catch (err) {
        if (err instanceof RepositoryNotFoundException) return { repositoryExists: false, found: false, manifest: undefined };
        throw err;
      }
    });
  }
}
