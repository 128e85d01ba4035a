import * as assert from 'node:assert/strict';
import { imagePlatforms } from '../../../src/doctor/snapshot';

describe('doctor/snapshot imagePlatforms', () => {
  it("reads an OCI index like the tutorial's (arm64 image plus its attestation)", () => {
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:a', size: 1, platform: { architecture: 'arm64', os: 'linux' } },
        { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:b', size: 1, platform: { architecture: 'unknown', os: 'unknown' } },
      ],
    });
    assert.deepEqual(imagePlatforms(index), [{ os: 'linux', architecture: 'arm64' }, { os: 'unknown', architecture: 'unknown' }]);
  });

  it('keeps the variant of a Docker manifest list entry', () => {
    const list = JSON.stringify({ manifests: [{ platform: { architecture: 'arm', os: 'linux', variant: 'v7' } }, { platform: { architecture: 'amd64', os: 'linux' } }] });
    assert.deepEqual(imagePlatforms(list), [{ os: 'linux', architecture: 'arm', variant: 'v7' }, { os: 'linux', architecture: 'amd64' }]);
  });

  it('a single-image manifest or unreadable text: unknown, not a guess', () => {
    assert.equal(imagePlatforms(JSON.stringify({ schemaVersion: 2, config: {}, layers: [] })), undefined);
    assert.equal(imagePlatforms('not json'), undefined);
  });
});
