import * as assert from 'node:assert/strict';
import { parseImageUri } from '../../../src/model/imageUri';
import type { ImageReference } from '../../../src/model/imageUri';

function parsed(text: string): ImageReference {
  const result = parseImageUri(text);
  assert.ok(result.ok, `${text}: ${result.ok ? '' : result.message}`);
  return result.image;
}

describe('parseImageUri', () => {
  it('recognises private ECR, with the registry\'s account and Region', () => {
    assert.deepEqual(parsed('123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/team/demo-service:1.4'), {
      registry: 'ecr', domain: '123456789012.dkr.ecr.ap-northeast-2.amazonaws.com', repository: 'team/demo-service',
      tag: '1.4', accountId: '123456789012', region: 'ap-northeast-2',
    });
    const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
    assert.equal(parsed(`123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app@${digest}`).digest, digest);
    assert.equal(parsed('123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn/app').region, 'cn-northwest-1');
  });

  it('tells ECR Public, Docker Hub and other registries apart', () => {
    assert.deepEqual(parsed('public.ecr.aws/nginx/nginx:stable'), { registry: 'ecr-public', domain: 'public.ecr.aws', repository: 'nginx/nginx', tag: 'stable' });
    assert.deepEqual(parsed('nginx'), { registry: 'docker-hub', domain: 'docker.io', repository: 'library/nginx' });
    assert.deepEqual(parsed('index.docker.io/bitnami/redis:7'), { registry: 'docker-hub', domain: 'docker.io', repository: 'bitnami/redis', tag: '7' });
    assert.deepEqual(parsed('registry.example.com:5000/team/app'), { registry: 'other', domain: 'registry.example.com:5000', repository: 'team/app' });
  });
});
