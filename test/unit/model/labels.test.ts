import * as assert from 'node:assert/strict';
import { ago, containerDescription, firstLine, serviceDescription, shortTaskId, stoppedTaskSummary } from '../../../src/model/labels';
import { serviceNameOfTask, arnLeaf } from '../../../src/model/ecs';
import { aService, aTask } from '../builders';

describe('labels', () => {
  it('cuts a reason to its first line', () => {
    assert.equal(firstLine('a\nb'), 'a');
    assert.equal(firstLine('x'.repeat(10), 5), 'xxxx…');
    assert.equal(firstLine(undefined), '');
  });

  it('labels a stopped task with its stop code and the first line of its reason', () => {
    const reason = 'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR';
    assert.equal(stoppedTaskSummary({ stopCode: 'TaskFailedToStart', stoppedReason: `${reason}\nmore` }), `TaskFailedToStart: ${reason}`);
    assert.equal(stoppedTaskSummary({ stopCode: undefined, stoppedReason: 'Task stopped by user' }), 'Task stopped by user');
    assert.equal(stoppedTaskSummary({ stopCode: 'UserInitiated', stoppedReason: undefined }), 'UserInitiated');
    assert.equal(stoppedTaskSummary({ stopCode: undefined, stoppedReason: undefined }), 'Stopped');
  });

  it('describes a service by counts, rollout state and launch type', () => {
    const service = aService({ desiredCount: 2, runningCount: 1, pendingCount: 1, launchType: 'FARGATE' });
    assert.equal(serviceDescription(service), '1/2 running · 1 pending · IN_PROGRESS · FARGATE');
    assert.equal(serviceDescription(aService({ launchType: undefined, capacityProviders: ['FARGATE_SPOT'], deployments: [] })), '1/1 running · FARGATE_SPOT');
  });

  it('describes a container by status, exit code, health and reason', () => {
    assert.equal(containerDescription({ name: 'app', image: undefined, lastStatus: 'STOPPED', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage', healthStatus: 'UNHEALTHY', runtimeId: undefined }),
      'STOPPED · exit 137 · unhealthy · OutOfMemoryError: Container killed due to memory usage');
    assert.equal(containerDescription({ name: 'app', image: undefined, lastStatus: 'RUNNING', exitCode: undefined, reason: undefined, healthStatus: 'UNKNOWN', runtimeId: undefined }), 'RUNNING');
  });

  it('shortens task ids like the console and tells relative times', () => {
    assert.equal(shortTaskId('0123456789abcdef0123456789abcdef'), '01234567');
    assert.equal(shortTaskId('short'), 'short');
    const now = new Date('2026-01-01T12:00:00Z');
    assert.equal(ago(new Date('2026-01-01T11:59:30Z'), now), '30 s ago');
    assert.equal(ago(new Date('2026-01-01T11:00:00Z'), now), '1 h ago');
    assert.equal(ago(undefined, now), undefined);
  });

  it('finds the service of a task from its group, and the leaf of an ARN', () => {
    assert.equal(serviceNameOfTask(aTask({ group: 'service:web' })), 'web');
    assert.equal(serviceNameOfTask(aTask({ group: 'family:web' })), undefined);
    assert.equal(arnLeaf('arn:aws:ecs:us-east-1:123456789012:task/demo/abc'), 'abc');
    assert.equal(arnLeaf('arn:aws:ecs:us-east-1:123456789012:task-definition/web:3'), 'web:3');
  });
});
