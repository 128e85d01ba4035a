import * as assert from 'node:assert/strict';
import { connectionKey, describeConnection, effectiveProfileName, sameConnection } from '../../../src/model/connection';
import { isRegionName, KNOWN_REGIONS } from '../../../src/model/regions';
import { clusterNameFromArn } from '../../../src/model/cluster';

describe('connection', () => {
  it('shows the chosen profile, else AWS_PROFILE, else "default"', () => {
    assert.equal(effectiveProfileName({ profile: 'prod' }, { AWS_PROFILE: 'x' }), 'prod');
    assert.equal(effectiveProfileName({ profile: undefined }, { AWS_PROFILE: 'x' }), 'x');
    assert.equal(effectiveProfileName({ profile: undefined }, {}), 'default');
  });

  it('describes profile@region and an endpoint override by host', () => {
    assert.equal(describeConnection({ profile: 'dev', region: 'ap-northeast-2', endpointUrl: undefined }, {}), 'dev@ap-northeast-2');
    assert.equal(describeConnection({ profile: 'dev', region: 'us-east-1', endpointUrl: 'http://127.0.0.1:5000' }, {}), 'dev@us-east-1 (127.0.0.1:5000)');
  });

  it('changes its key when any part changes', () => {
    const a = { profile: 'dev', region: 'us-east-1', endpointUrl: undefined };
    assert.ok(sameConnection(a, { ...a }));
    assert.notEqual(connectionKey(a), connectionKey({ ...a, region: 'us-east-2' }));
    assert.notEqual(connectionKey(a), connectionKey({ ...a, profile: undefined }));
    assert.notEqual(connectionKey(a), connectionKey({ ...a, endpointUrl: 'http://localhost:4566' }));
  });
});

describe('regions', () => {
  it('accepts region names and rejects other text', () => {
    for (const r of ['us-east-1', 'ap-northeast-2', 'us-gov-west-1', 'eu-central-2']) assert.ok(isRegionName(r), r);
    for (const r of ['', 'us-east', 'US-EAST-1', 'us-east-1 ', 'seoul']) assert.ok(!isRegionName(r), r);
    assert.ok(KNOWN_REGIONS.every((r) => isRegionName(r.id)));
    assert.ok(KNOWN_REGIONS.some((r) => r.id === 'ap-northeast-2'));
  });

  it('takes the cluster name from an ARN', () => {
    assert.equal(clusterNameFromArn('arn:aws:ecs:ap-northeast-2:123456789012:cluster/demo-ecs-cluster'), 'demo-ecs-cluster');
    assert.equal(clusterNameFromArn('demo'), 'demo');
  });
});
