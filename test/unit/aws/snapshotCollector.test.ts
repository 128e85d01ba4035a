// The collector's pure parts: how a failed read is worded as a gap, and the task definition as the
// analyzer reads it (secrets, environment files and registry credentials kept; defaults filled).
import * as assert from 'node:assert/strict';
import { AwsError } from '../../../src/aws/errors';
import { toSnapshotTaskDefinition } from '../../../src/aws/snapshotCollector';
import { gapReason } from '../../../src/aws/snapshotGaps';

describe('collector: gap reasons', () => {
  it('names the kind and the action, never the long advice meant for the extension', () => {
    assert.equal(gapReason(new AwsError('accessDenied', 'Access denied: profile "ci" ... choose another profile.', 'AccessDenied', 'iam:GetRole', 'raw')), 'AccessDenied: iam:GetRole');
    assert.equal(gapReason(new AwsError('throttled', 'AWS is throttling', 'Throttling', 'ec2:DescribeNetworkAcls', undefined)), 'throttled: ec2:DescribeNetworkAcls');
    assert.equal(gapReason(new AwsError('unreachable', 'Cannot reach', 'ECONNREFUSED', 'logs:DescribeLogGroups', undefined)), 'unreachable: logs:DescribeLogGroups');
  });

  it('keeps the service error code and a short detail', () => {
    const detail = `The repository policy does not allow it. ${'x'.repeat(400)}`;
    const reason = gapReason(new AwsError('service', 'ecr:BatchGetImage failed: ...', 'RepositoryPolicyNotFoundException', 'ecr:BatchGetImage', detail));
    assert.ok(reason.startsWith('RepositoryPolicyNotFoundException: ecr:BatchGetImage (The repository policy does not allow it. x'), reason);
    assert.ok(reason.length < 260, `${reason.length}`);
    assert.equal(gapReason(new AwsError('service', 'm', undefined, 'ecs:ListTasks', undefined)), 'ecs:ListTasks');
  });
});

describe('collector: task definition', () => {
  it('keeps what the startup rules read and leaves out what DescribeTaskDefinition left out', () => {
    const td = toSnapshotTaskDefinition({
      taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
      family: 'web',
      revision: 7,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '512',
      memory: '1024',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      containerDefinitions: [{
        name: 'app',
        image: 'nginx',
        portMappings: [{ containerPort: 80, protocol: 'tcp', hostPort: 80 }],
        secrets: [{ name: 'DB', valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf' }],
        environmentFiles: [{ value: 'arn:aws:s3:::bucket/app.env', type: 's3' }],
        repositoryCredentials: { credentialsParameter: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:hub-AbCdEf' },
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } },
      }, {
        name: 'sidecar',
        image: 'fluent',
        logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://splunk' }, secretOptions: [{ name: 'splunk-token', valueFrom: '/splunk/token' }] },
      }],
    });
    assert.deepEqual(td, {
      arn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
      family: 'web',
      revision: 7,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '512',
      memory: '1024',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      containers: [{
        name: 'app',
        image: 'nginx',
        essential: true,
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } },
        secrets: [{ name: 'DB', valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf' }],
        environmentFiles: [{ value: 'arn:aws:s3:::bucket/app.env', type: 's3' }],
        repositoryCredentials: { credentialsParameter: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:hub-AbCdEf' },
      }, {
        name: 'sidecar',
        image: 'fluent',
        essential: true,
        portMappings: [],
        logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://splunk' }, secretOptions: [{ name: 'splunk-token', valueFrom: '/splunk/token' }] },
      }],
    });
  });
});
