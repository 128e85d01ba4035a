// The remembered failures' records and bounds at each limit (src/doctor/failureHistory.ts):
// the reason length (1024 characters kept, one more cut), containers (20) and findings (10) per
// failure, the settings' minimums, the scopes read from ARNs (a missing account or Region: no
// scope), merging two sightings field by field, and the order of equal times and of services.
import * as assert from 'node:assert/strict';
import {
  countHistory, DEFAULT_HISTORY_LIMITS, failureOf, historyLimits, mergeFailures, pruneHistory, rememberedFor, scopeOfService, scopeOfTask, scopeOfTaskArn,
  serializeHistory, servicesRemembered, type FailureScope, type HistoryLimits, type RememberedFailure, type SeenTask,
} from '../../../src/doctor/failureHistory';
import type { Container } from '../../../src/model/ecs';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const SCOPE: FailureScope = { account: '123456789012', region: 'ap-northeast-2', cluster: 'demo-ecs-cluster', service: 'demo-ecs-service' };
const ECR = { code: 'ECR_UNREACHABLE', title: 'The task could not reach Amazon ECR' };
const ARN = (id: string) => `arn:aws:ecs:ap-northeast-2:123456789012:task/demo-ecs-cluster/${id}`;
const limits = (overrides: Partial<HistoryLimits> = {}): HistoryLimits => ({ ...DEFAULT_HISTORY_LIMITS, ...overrides });

function container(name: string, fields: Partial<Container> = {}): Container {
  return { name, image: 'x', lastStatus: 'STOPPED', exitCode: undefined, reason: undefined, healthStatus: undefined, runtimeId: undefined, ...fields };
}

function record(task: Partial<SeenTask> & { id?: string }, seenAt = NOW, scope = SCOPE, findings: RememberedFailure['findings'] = []): RememberedFailure {
  const { id = 't1', ...rest } = task;
  return failureOf(scope, { arn: ARN(id), ...rest }, ECR, findings, seenAt);
}

const codes = (n: number, prefix = 'C') => Array.from({ length: n }, (_, i) => ({ code: `${prefix}${i}`, title: `title ${i}` }));

describe('failure history: a record\'s limits', () => {
  it('keeps a reason of 1024 characters whole and cuts one of 1025 to 1023 and an ellipsis', () => {
    const whole = 'no route '.repeat(114).slice(0, 1024);
    assert.equal(whole.length, 1024);
    assert.equal(record({ stoppedReason: whole }).stoppedReason, whole);
    assert.equal(record({ stoppedReason: `${whole}s` }).stoppedReason, `${whole.slice(0, 1023)}…`);
    const c = record({ containers: [container('web', { reason: `${whole}s` })] }).containers[0];
    assert.equal(c?.reason, `${whole.slice(0, 1023)}…`);
  });

  it('keeps 20 containers and 10 findings, the first ones', () => {
    const containers = Array.from({ length: 21 }, (_, i) => container(`c${i}`));
    const f = record({ containers }, NOW, SCOPE, codes(11));
    assert.deepEqual(f.containers.map((c) => c.name), containers.slice(0, 20).map((c) => c.name));
    assert.deepEqual(f.findings, codes(10));
    assert.equal(record({ containers: containers.slice(0, 20) }, NOW, SCOPE, codes(10)).containers.length, 20);
  });

  it('keeps an exit code of 0, leaves out an empty reason, and what the sighting does not know', () => {
    const f = record({ containers: [container('web', { exitCode: 0, reason: '' }), container('side')], stoppedReason: '' });
    assert.deepEqual(f.containers, [{ name: 'web', exitCode: 0 }, { name: 'side' }]);
    assert.deepEqual(f, {
      ...SCOPE, taskArn: ARN('t1'), containers: f.containers, code: ECR.code, title: ECR.title, firstSeen: NOW.toISOString(), lastSeen: NOW.toISOString(), findings: [],
    });
    const full = record({ taskDefinitionArn: 'arn:aws:ecs:ap-northeast-2:123456789012:task-definition/app:7', stopCode: 'TaskFailedToStart', stoppedAt: new Date(0) });
    assert.deepEqual([full.taskDefinition, full.stopCode, full.stoppedAt], ['app:7', 'TaskFailedToStart', '1970-01-01T00:00:00.000Z']);
  });

  it('writes a file of the format and the entries, one line', () => {
    assert.equal(serializeHistory([]), '{"format":1,"entries":[]}\n');
  });
});

describe('failure history: settings', () => {
  const settings = (values: Record<string, unknown>) => ({ get: <T>(name: string) => values[name] as T | undefined });
  const read = (values: Record<string, unknown>) => historyLimits(settings(values));

  it('takes each minimum (1 day, 1 per service, 0 entries) and refuses one below it', () => {
    assert.deepEqual(read({ maxAgeDays: 1, maxEntriesPerService: 1, maxEntries: 0 }), { maxAgeDays: 1, maxPerService: 1, maxEntries: 0 });
    assert.deepEqual(read({ maxAgeDays: 0.99, maxEntriesPerService: 0.5, maxEntries: -0.5 }), DEFAULT_HISTORY_LIMITS);
  });

  it('rounds a fraction down; refuses infinity, NaN, text and a missing value', () => {
    assert.deepEqual(read({ maxAgeDays: 2.9, maxEntriesPerService: 1.5, maxEntries: 7.99 }), { maxAgeDays: 2, maxPerService: 1, maxEntries: 7 });
    assert.deepEqual(read({ maxAgeDays: Infinity, maxEntriesPerService: NaN, maxEntries: '9' }), DEFAULT_HISTORY_LIMITS);
    assert.deepEqual(read({}), { maxAgeDays: 14, maxPerService: 20, maxEntries: 500 });
  });
});

describe('failure history: scopes from ARNs', () => {
  const task = (arn: string, group = 'service:web') => ({ arn, clusterArn: 'arn:aws:ecs:eu-west-1:111111111111:cluster/prod', group });

  it('a service task: account and Region from its ARN, cluster from its cluster ARN, service from its group', () => {
    assert.deepEqual(scopeOfTask(task('arn:aws-cn:ecs:cn-north-1:222222222222:task/prod/1')),
      { account: '222222222222', region: 'cn-north-1', cluster: 'prod', service: 'web' });
  });

  it('no scope without a service, an ARN, an account or a Region', () => {
    assert.equal(scopeOfTask(task('arn:aws:ecs:eu-west-1:111111111111:task/prod/1', 'family:batch')), undefined);
    for (const arn of ['task/prod/1', 'arn:aws:ecs:eu-west-1::task/prod/1', 'arn:aws:ecs::111111111111:task/prod/1']) {
      assert.equal(scopeOfTask(task(arn)), undefined, arn);
      assert.equal(scopeOfTaskArn(arn, 'prod', 'web'), undefined, arn);
      assert.equal(scopeOfService(arn.replace('task/prod/1', 'cluster/prod'), 'web'), undefined, arn);
    }
  });

  it('a task or service by name: the names given, account and Region from the ARN', () => {
    assert.deepEqual(scopeOfTaskArn('arn:aws-us-gov:ecs:us-gov-west-1:333333333333:task/prod/1', 'prod', 'web'),
      { account: '333333333333', region: 'us-gov-west-1', cluster: 'prod', service: 'web' });
    assert.deepEqual(scopeOfService('arn:aws:ecs:eu-west-1:111111111111:cluster/prod', 'web'),
      { account: '111111111111', region: 'eu-west-1', cluster: 'prod', service: 'web' });
  });
});

describe('failure history: merging two sightings', () => {
  const hour = 3_600_000;
  const at = (ms: number) => new Date(NOW.getTime() + ms);

  it('first seen the earlier, last seen the later, whichever sighting comes second', () => {
    const early = record({}, at(-2 * hour));
    const late = record({}, at(-hour));
    for (const [old, seen] of [[early, late], [late, early]] as const) {
      const [m] = mergeFailures([old], [seen], limits(), NOW);
      assert.deepEqual([m?.firstSeen, m?.lastSeen], [early.firstSeen, late.lastSeen]);
    }
  });

  it('the same instant written two ways: the remembered text stays', () => {
    const old = { ...record({}), firstSeen: '2026-12-05T12:00:00Z', lastSeen: '2026-12-05T12:00:00Z' };
    const [m] = mergeFailures([old], [record({})], limits(), NOW);
    assert.deepEqual([m?.firstSeen, m?.lastSeen], ['2026-12-05T12:00:00Z', '2026-12-05T12:00:00Z']);
  });

  it('what the doctor\'s sighting does not know (task definition, stop code, reason, stop time, containers) stays', () => {
    const full = record({
      taskDefinitionArn: 'arn:aws:ecs:ap-northeast-2:123456789012:task-definition/app:7', stopCode: 'TaskFailedToStart', stoppedReason: 'no route',
      stoppedAt: at(-hour), containers: [container('web', { exitCode: 1 })],
    }, at(-hour));
    const bare = record({});
    const [m] = mergeFailures([full], [bare], limits(), NOW);
    assert.deepEqual(m, { ...full, lastSeen: bare.lastSeen });
    const [n] = mergeFailures([bare], [full], limits(), NOW);
    assert.deepEqual(n, { ...full, lastSeen: bare.lastSeen });
  });

  it('the newer sighting\'s fields win where it has them', () => {
    const td = (revision: number) => `arn:aws:ecs:ap-northeast-2:123456789012:task-definition/app:${revision}`;
    const old = record({ taskDefinitionArn: td(1), stopCode: 'A', stoppedReason: 'old', stoppedAt: at(-2 * hour), containers: [container('web')] }, NOW);
    const seen = record({ taskDefinitionArn: td(2), stopCode: 'B', stoppedReason: 'new', stoppedAt: at(-hour), containers: [container('side')] }, NOW);
    const [m] = mergeFailures([old], [seen], limits(), NOW);
    assert.deepEqual([m?.taskDefinition, m?.stopCode, m?.stoppedReason, m?.stoppedAt, m?.containers.map((c) => c.name)],
      ['app:2', 'B', 'new', at(-hour).toISOString(), ['side']]);
  });

  it('findings joined, the older first, each code once with its older title, at most 10', () => {
    const old = record({}, NOW, SCOPE, [...codes(6), { code: 'SAME', title: 'then' }]);
    const seen = record({}, NOW, SCOPE, [{ code: 'SAME', title: 'now' }, ...codes(6, 'N')]);
    const [m] = mergeFailures([old], [seen], limits(), NOW);
    assert.deepEqual(m?.findings, [...codes(6), { code: 'SAME', title: 'then' }, ...codes(3, 'N')]);
  });
});

describe('failure history: orders', () => {
  const sameTime = (id: string, scope = SCOPE) => record({ id, stoppedAt: new Date(NOW.getTime() - 60_000) }, NOW, scope);

  it('equal times by task ARN, whatever the input\'s order', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => sameTime(id));
    const ids = (entries: RememberedFailure[]) => entries.map((f) => f.taskArn.split('/').at(-1));
    for (const input of [[c!, a!, b!], [b!, c!, a!], [a!, b!, c!]]) {
      assert.deepEqual(ids(pruneHistory(input, limits(), NOW)), ['a', 'b', 'c']);
      assert.deepEqual(ids(rememberedFor(input, SCOPE, new Set())), ['a', 'b', 'c']);
    }
  });

  it('a failure without stop time sorts by when it was last seen', () => {
    const seenLater = record({ id: 'x' }, new Date(NOW.getTime() - 1000));
    const stoppedEarlier = record({ id: 'y', stoppedAt: new Date(NOW.getTime() - 2000) }, NOW);
    assert.deepEqual(rememberedFor([stoppedEarlier, seenLater], SCOPE, new Set()).map((f) => f.taskArn), [seenLater.taskArn, stoppedEarlier.taskArn]);
  });

  it('remembered for one service only: not its neighbour\'s, not another cluster\'s', () => {
    const mine = sameTime('a');
    const neighbour = sameTime('b', { ...SCOPE, service: 'api' });
    const elsewhere = sameTime('c', { ...SCOPE, cluster: 'other' });
    assert.deepEqual(rememberedFor([neighbour, elsewhere, mine], SCOPE, new Set()), [mine]);
  });

  it('services by cluster, then by name; only the account and Region asked, only what ECS no longer returns', () => {
    const entries = [
      sameTime('1', { ...SCOPE, cluster: 'b', service: 'api' }),
      sameTime('2', { ...SCOPE, cluster: 'a', service: 'web' }),
      sameTime('3', { ...SCOPE, cluster: 'a', service: 'api' }),
      sameTime('4', { ...SCOPE, cluster: 'b', service: 'api' }),
      sameTime('5', { ...SCOPE, region: 'eu-west-1', cluster: 'a', service: 'eu' }),
      sameTime('6', { ...SCOPE, account: '999999999999', cluster: 'a', service: 'theirs' }),
      sameTime('7', { ...SCOPE, cluster: 'a', service: 'returned' }),
    ];
    const scopes = servicesRemembered(entries, SCOPE.account, SCOPE.region, new Set([ARN('7')]));
    assert.deepEqual(scopes, [
      { ...SCOPE, cluster: 'a', service: 'api' }, { ...SCOPE, cluster: 'a', service: 'web' }, { ...SCOPE, cluster: 'b', service: 'api' },
    ]);
  });

  it('counts for a clear: entries, services, accounts and Regions, each distinct', () => {
    const entries = [
      sameTime('1'), sameTime('2'), sameTime('3', { ...SCOPE, service: 'api' }), sameTime('4', { ...SCOPE, region: 'eu-west-1' }),
      sameTime('5', { ...SCOPE, account: '999999999999', region: 'eu-west-1' }), sameTime('6', { ...SCOPE, region: 'us-east-1' }),
    ];
    assert.deepEqual(countHistory(entries), { entries: 6, services: 5, accounts: 2, regions: 3 });
  });
});
