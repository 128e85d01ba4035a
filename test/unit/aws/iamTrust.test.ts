// Trust policies as AWS returns them (URL-encoded) and as moto returns them (plain JSON).
import * as assert from 'node:assert/strict';
import { allowedActions, decodePolicyDocument, ecsTasksTrustPolicy, taskExecutionPolicyArn, trustsEcsTasks } from '../../../src/aws/iamTrust';
import { platformsFromManifest } from '../../../src/aws/ecrManifests';

const ECS_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

describe('IAM trust policies', () => {
  it('reads a URL-encoded document, as AWS returns it', () => {
    const encoded = encodeURIComponent(JSON.stringify(ECS_TRUST));
    assert.ok(encoded.startsWith('%7B%22Version'));
    assert.deepEqual(decodePolicyDocument(encoded), ECS_TRUST);
    assert.equal(trustsEcsTasks(encoded), true);
  });

  it('reads a plain JSON document, as moto returns it', () => {
    assert.equal(trustsEcsTasks(JSON.stringify(ECS_TRUST)), true);
    assert.equal(trustsEcsTasks(ecsTasksTrustPolicy()), true);
  });

  it('accepts a list of services and a single statement object', () => {
    const doc = { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com'] }, Action: ['sts:AssumeRole'] } };
    assert.equal(trustsEcsTasks(encodeURIComponent(JSON.stringify(doc))), true);
  });

  it('refuses roles other services assume, denials and broken documents', () => {
    const lambda = { ...ECS_TRUST, Statement: [{ ...ECS_TRUST.Statement[0], Principal: { Service: 'lambda.amazonaws.com' } }] };
    const deny = { ...ECS_TRUST, Statement: [{ ...ECS_TRUST.Statement[0], Effect: 'Deny' }] };
    const tagOnly = { ...ECS_TRUST, Statement: [{ ...ECS_TRUST.Statement[0], Action: 'sts:TagSession' }] };
    for (const doc of [lambda, deny, tagOnly]) assert.equal(trustsEcsTasks(JSON.stringify(doc)), false, JSON.stringify(doc));
    assert.equal(trustsEcsTasks('%7Bnot json'), false);
    assert.equal(trustsEcsTasks(undefined), false);
    assert.equal(trustsEcsTasks(''), false);
  });

  it('names the managed policy in the region\'s partition', () => {
    assert.equal(taskExecutionPolicyArn('ap-northeast-2'), 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy');
    assert.equal(taskExecutionPolicyArn('cn-north-1'), 'arn:aws-cn:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy');
    assert.equal(taskExecutionPolicyArn('us-gov-west-1'), 'arn:aws-us-gov:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy');
  });
});

describe('actions a policy allows', () => {
  it('lists Allow statements\' actions, as written, from either encoding', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' },
        { Effect: 'Allow', Action: ['ssm:Get*', 'kms:Decrypt'], Resource: '*' },
        { Effect: 'Deny', Action: 'logs:CreateLogGroup', Resource: '*' },
      ],
    };
    const expected = ['secretsmanager:GetSecretValue', 'ssm:Get*', 'kms:Decrypt'];
    assert.deepEqual(allowedActions(JSON.stringify(doc)), expected);
    assert.deepEqual(allowedActions(encodeURIComponent(JSON.stringify(doc))), expected);
    assert.deepEqual(allowedActions(JSON.stringify({ Statement: { Effect: 'Allow', Action: '*' } })), ['*']);
    assert.deepEqual(allowedActions('not a policy'), []);
  });
});

describe('ECR manifests', () => {
  it('lists the platforms of an image index, leaving out attestations', () => {
    const index = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { digest: 'sha256:a', platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
        { digest: 'sha256:b', platform: { os: 'linux', architecture: 'amd64' } },
        { digest: 'sha256:c', platform: { os: 'unknown', architecture: 'unknown' } },
      ],
    });
    assert.deepEqual(platformsFromManifest(index), [
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'linux', architecture: 'amd64' },
    ]);
  });

  it('says nothing for a single-image manifest or text that is not JSON', () => {
    assert.equal(platformsFromManifest(JSON.stringify({ schemaVersion: 2, config: {}, layers: [] })), undefined);
    assert.equal(platformsFromManifest('{'), undefined);
    assert.equal(platformsFromManifest(undefined), undefined);
  });
});
