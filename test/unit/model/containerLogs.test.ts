import * as assert from 'node:assert/strict';
import { containerLogSource, formatLogEvents, logStreamName } from '../../../src/model/containerLogs';

const awslogs = (options: Record<string, string>) => ({ logDriver: 'awslogs', options });

describe('container logs', () => {
  it('finds the group, region and stream awslogs writes a Fargate container to', () => {
    const containers = [{
      name: 'demo-service-container',
      logConfiguration: awslogs({ 'awslogs-group': '/ecs/demo-ecs-task', 'awslogs-region': 'ap-northeast-2', 'awslogs-stream-prefix': 'ecs', 'awslogs-create-group': 'true' }),
    }];
    assert.deepEqual(containerLogSource(containers, 'demo-service-container', 'abc123', 'us-west-2'), {
      ok: true,
      source: { group: '/ecs/demo-ecs-task', region: 'ap-northeast-2', stream: 'ecs/demo-service-container/abc123' },
    });
    assert.equal(logStreamName('p', 'c', 't'), 'p/c/t');
  });

  it('takes the task\'s region when awslogs-region is not set', () => {
    const result = containerLogSource([{ name: 'app', logConfiguration: awslogs({ 'awslogs-group': 'g', 'awslogs-stream-prefix': 'p' }) }], 'app', 't', 'eu-west-1');
    assert.ok(result.ok);
    assert.equal(result.source.region, 'eu-west-1');
  });

  it('says why there are no logs to read', () => {
    const td = [
      { name: 'none', logConfiguration: undefined },
      { name: 'firelens', logConfiguration: { logDriver: 'awsfirelens', options: {} } },
      { name: 'nogroup', logConfiguration: awslogs({ 'awslogs-stream-prefix': 'p' }) },
      { name: 'noprefix', logConfiguration: awslogs({ 'awslogs-group': 'g' }) },
    ];
    const problem = (name: string) => {
      const r = containerLogSource(td, name, 't', 'r');
      return r.ok ? 'ok' : `${r.problem}${r.driver ? `:${r.driver}` : ''}`;
    };
    assert.deepEqual(['none', 'firelens', 'nogroup', 'noprefix', 'missing'].map(problem),
      ['notAwslogs', 'notAwslogs:awsfirelens', 'noGroup', 'noStreamPrefix', 'noContainer']);
  });

  it('shows one line per event with its time', () => {
    assert.equal(formatLogEvents([
      { timestamp: Date.UTC(2026, 0, 2, 3, 4, 5), message: 'Started in 2.1 s\n' },
      { timestamp: undefined, message: 'no time' },
    ]), `2026-01-02T03:04:05.000Z  Started in 2.1 s\n${'-'.padEnd(24)}  no time`);
  });
});
