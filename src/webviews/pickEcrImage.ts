/**
 * Choosing an image from the region's ECR repositories with two quick picks (repository, then
 * tag, newest first, with push time and the platforms the registry records). Used by the form's
 * "Browse ECR…" and by "Create Task Definition from ECR Image…".
 */
import * as vscode from 'vscode';
import type { AwsSession } from '../awsModule';
import type { ManifestPlatform } from '../aws/ecrManifests';
import type { UserInput } from '../ui/userInput';

export interface PickedImage {
  /** `REPOSITORY_URI:TAG`. */
  readonly uri: string;
  readonly repository: string;
  readonly tag: string;
  readonly platforms: readonly ManifestPlatform[] | undefined;
}

/** There is nothing to choose from (no repository, or no tagged image). */
export class NothingToPickError extends Error {}

export async function pickEcrImage(session: AwsSession, input: UserInput): Promise<PickedImage | undefined> {
  const repositories = await session.ecr.listRepositories();
  if (repositories.length === 0) {
    throw new NothingToPickError(vscode.l10n.t('There are no ECR repositories in {0}: type the image instead.', session.connection.region));
  }
  const repository = await input.pick(
    repositories.map((r) => ({ label: r.name, description: r.uri, repository: r })),
    { title: vscode.l10n.t('ECR Repository'), placeHolder: vscode.l10n.t('Choose a repository in {0}', session.connection.region) },
  );
  if (!repository) return undefined;
  const images = await session.ecr.listImages(repository.repository.name);
  if (images.length === 0) throw new NothingToPickError(vscode.l10n.t('{0} has no tagged images.', repository.repository.name));
  const items = images.flatMap((image) => image.tags.map((tag) => ({
    label: tag,
    description: image.pushedAt ? vscode.l10n.t('pushed {0}', image.pushedAt.toISOString().replace('T', ' ').slice(0, 16)) : undefined,
    detail: image.platforms
      ? image.platforms.map((p) => `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`).join(', ')
      : vscode.l10n.t('platform not recorded in the registry'),
    tag,
    platforms: image.platforms,
  })));
  const choice = await input.pick(items, {
    title: vscode.l10n.t('Image of {0}', repository.repository.name),
    placeHolder: vscode.l10n.t('Newest first'),
    matchOnDetail: true,
  });
  if (!choice) return undefined;
  return { uri: `${repository.repository.uri}:${choice.tag}`, repository: repository.repository.name, tag: choice.tag, platforms: choice.platforms };
}
