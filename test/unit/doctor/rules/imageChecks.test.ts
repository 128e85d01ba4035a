// The image rule, case by case: which images it looks at (ECR only), a missing repository, a
// missing tag or digest, a platform the image does not offer (with the task's platform spelled
// out, defaults included), and the manifest-list parser that reads those platforms.
// Every test builds its own snapshot (fixtures built outside a test hide the rule from mutation).
import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/doctor/analyze';
import { imagePlatforms, type ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { AnalyzerFinding } from '../../../../src/doctor/types';
import { TUTORIAL } from '../../../support/tutorialWorld';
import { ACCOUNT, fixedTutorialSnapshot, IDS, REGION, withChanges, withContainer, withTaskDefinition } from '../snapshotBuilder';

type ImageInfo = NonNullable<ServiceSnapshot['images']>[number];
const WEB = TUTORIAL.containerName;
const FAMILY = TUTORIAL.taskFamily;
const WHERE = `${TUTORIAL.repositoryName} (account ${ACCOUNT}, ${REGION})`;

function withImage(info: Partial<ImageInfo>, image: string = IDS.image): ServiceSnapshot {
  return withChanges(withContainer(fixedTutorialSnapshot(), { image }), { images: [{ image, repositoryExists: true, found: true, ...info }] });
}

function imageFindings(s: ServiceSnapshot): AnalyzerFinding[] {
  return analyze(s).filter((f) => f.code.startsWith('IMAGE_'));
}

const rows = (found: AnalyzerFinding[]) => found.map((f) => [f.code, f.resource, f.evidence, f.affects, f.remedies]);

describe('doctor/rules/images', () => {
  it('no repository: the image not found, or access denied; the evidence names repository, account and Region', () => {
    assert.deepEqual(rows(imageFindings(withImage({ repositoryExists: false, found: false }))), [[
      'IMAGE_NOT_FOUND', IDS.image, [`Container ${WEB} names ${IDS.image}, but the repository ${WHERE} does not exist.`], ['IMAGE_NOT_FOUND', 'IMAGE_ACCESS_DENIED'], [],
    ]]);
  });

  it('no such tag, no such digest, no tag at all ("latest")', () => {
    const repo = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${TUTORIAL.repositoryName}`;
    const digest = `sha256:${'a'.repeat(64)}`;
    for (const [image, ref] of [[`${repo}:v9`, 'tag v9'], [`${repo}@${digest}`, digest], [repo, 'tag latest']]) {
      assert.deepEqual(rows(imageFindings(withImage({ found: false }, image))), [[
        'IMAGE_NOT_FOUND', image, [`Container ${WEB} names ${image}, but ${ref} is not in repository ${WHERE}.`], ['IMAGE_NOT_FOUND'], [],
      ]], image);
    }
  });

  it('images outside ECR, or not collected for this image, are not judged here', () => {
    const s = withChanges(withContainer(fixedTutorialSnapshot(), { image: 'nginx:latest' }), { images: [{ image: 'nginx:latest', repositoryExists: false, found: false }] });
    assert.deepEqual(imageFindings(s), []);
    assert.deepEqual(imageFindings(withChanges(fixedTutorialSnapshot(), { images: [{ image: 'other', repositoryExists: false, found: false }] })), []);
  });

  it('an amd64-only image for an ARM64 task: the mismatch lists what the image offers (variants too) and what the task runs', () => {
    const s = withImage({ platforms: [{ os: 'linux', architecture: 'amd64' }, { os: 'linux', architecture: 'arm', variant: 'v7' }, { os: 'unknown', architecture: 'unknown' }] });
    assert.deepEqual(rows(imageFindings(s)), [[
      'IMAGE_PLATFORM_MISMATCH', IDS.image,
      [`${IDS.image} offers linux/amd64, linux/arm/v7, but task definition ${FAMILY} runs linux/arm64 (runtimePlatform LINUX/ARM64).`],
      ['IMAGE_PLATFORM_MISMATCH', 'CONTAINER_START_FAILED', 'ESSENTIAL_CONTAINER_EXITED'], [],
    ]]);
  });

  it('no runtimePlatform: the task runs linux/amd64 by default, and the evidence says so', () => {
    const s = withTaskDefinition(withImage({ platforms: [{ os: 'linux', architecture: 'arm64' }] }), { runtimePlatform: undefined });
    assert.deepEqual(imageFindings(s).map((f) => f.evidence), [[
      `${IDS.image} offers linux/arm64, but task definition ${FAMILY} runs linux/amd64 (runtimePlatform LINUX/X86_64, the default).`,
    ]]);
    const amd = withTaskDefinition(withImage({ platforms: [{ os: 'linux', architecture: 'amd64' }] }), { runtimePlatform: undefined });
    assert.deepEqual(imageFindings(amd), []);
  });

  it('a Windows task needs a windows image: linux/amd64 does not do, windows/amd64 does', () => {
    const windows = (platforms: ImageInfo['platforms']) => withTaskDefinition(withImage({ platforms }), { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' } });
    assert.deepEqual(imageFindings(windows([{ os: 'linux', architecture: 'amd64' }])).map((f) => f.evidence), [[
      `${IDS.image} offers linux/amd64, but task definition ${FAMILY} runs windows/amd64 (runtimePlatform WINDOWS_SERVER_2022_CORE/X86_64).`,
    ]]);
    assert.deepEqual(imageFindings(windows([{ os: 'windows', architecture: 'amd64' }])), []);
  });

  it('platforms unknown or not read: nothing said', () => {
    assert.deepEqual(imageFindings(withImage({ platforms: [{ os: 'unknown', architecture: 'unknown' }] })), []);
    assert.deepEqual(imageFindings(withImage({ platforms: undefined })), []);
  });
});

describe('doctor/snapshot imagePlatforms', () => {
  it('reads each manifest\'s platform, with its variant when a string; skips entries without os and architecture strings', () => {
    const list = JSON.stringify({ manifests: [
      { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      { platform: { os: 'linux', architecture: 'amd64', variant: 8 } },
      {},
      { platform: { architecture: 'amd64' } },
      { platform: { os: 'linux', architecture: 7 } },
      { platform: { os: 'windows' } },
      { platform: { os: 'unknown', architecture: 'unknown' } },
    ] });
    assert.deepEqual(imagePlatforms(list), [
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'linux', architecture: 'amd64' },
      { os: 'unknown', architecture: 'unknown' },
    ]);
  });

  it('not JSON, or no manifests list: undefined', () => {
    assert.equal(imagePlatforms('{'), undefined);
    assert.equal(imagePlatforms(JSON.stringify({ schemaVersion: 2 })), undefined);
  });
});
