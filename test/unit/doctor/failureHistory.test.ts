// The remembered failures' store logic at its boundaries: age exactly at the limit, count exactly
// at the limit (per service and overall), a task seen twice, two accounts with the same cluster
// name, redaction, and files that are corrupt, from a newer version or with a bad entry.
import * as assert from 'node:assert/strict';
import {
  clearQuestion, countHistory, DEFAULT_HISTORY_LIMITS, failureOfTask, historyLimits, mergeFailures, parseHistory, pruneHistory, rememberedDescription,
  rememberedFor, serializeHistory, servicesRemembered, type HistoryLimits, type RememberedFailure,
} from '../../../src/doctor/failureHistory';
import { rememberedSection } from '../../../src/doctor/rememberedReport';
import type { Task } from '../../../src/model/ecs';
import { aTask } from '../builders';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const DAY = 86_400_000;
const ECR = { code: 'ECR_UNREACHABLE', title: 'The task could not reach Amazon ECR' };

/** A stopped task of `service` in `account`, stopped `msAgo` before NOW. */
function stoppedTask(n: number, msAgo: number, overrides: Partial<Task> & { account?: string } = {}): Task {
  const { account = '123456789012', ...rest } = overrides;
  const id = `task${String(n).padStart(4, '0')}`;
  return aTask({
    arn: `arn:aws:ecs:ap-northeast-2:${account}:task/demo-ecs-cluster/${id}`,
    id,
    clusterArn: `arn:aws:ecs:ap-northeast-2:${account}:cluster/demo-ecs-cluster`,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'TaskFailedToStart',
    stoppedReason: 'ResourceInitializationError: unable to pull secrets or registry auth',
    stoppedAt: new Date(NOW.getTime() - msAgo),
    ...rest,
  });
}

function remembered(task: Task, seenAt = NOW, findings: RememberedFailure['findings'] = []): RememberedFailure {
  const f = failureOfTask(task, ECR, findings, seenAt);
  assert.ok(f, 'a service task makes a record');
  return f;
}

const limits = (overrides: Partial<HistoryLimits> = {}): HistoryLimits => ({ ...DEFAULT_HISTORY_LIMITS, ...overrides });

describe('failure history', () => {
  describe('a record from a task', () => {
    it('keeps the scope from the ARNs, the task definition, reasons, exit codes and the findings', () => {
      const f = remembered(stoppedTask(1, 0, {
        containers: [{ name: 'web', image: 'x', lastStatus: 'STOPPED', exitCode: 137, reason: 'OutOfMemoryError', healthStatus: undefined, runtimeId: undefined }],
      }), NOW, [{ code: 'ENDPOINT_MISSING', title: 'No endpoint for ecr.api' }]);
      assert.deepEqual(
        [f.account, f.region, f.cluster, f.service, f.taskDefinition, f.code, f.stopCode],
        ['123456789012', 'ap-northeast-2', 'demo-ecs-cluster', 'demo-ecs-service', 'demo-ecs-task:1', 'ECR_UNREACHABLE', 'TaskFailedToStart'],
      );
      assert.deepEqual(f.containers, [{ name: 'web', exitCode: 137, reason: 'OutOfMemoryError' }]);
      assert.deepEqual(f.findings, [{ code: 'ENDPOINT_MISSING', title: 'No endpoint for ecr.api' }]);
      assert.equal(f.firstSeen, NOW.toISOString());
      assert.equal(f.stoppedAt, NOW.toISOString());
    });

    it('redacts credentials out of the stop reason and the container reasons', () => {
      const key = 'AKIAIOSFODNN7EXAMPLE';
      const f = remembered(stoppedTask(1, 0, {
        stoppedReason: `CannotPullContainerError: denied for ${key}`,
        containers: [{ name: 'web', image: 'x', lastStatus: 'STOPPED', exitCode: 1, reason: `aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`, healthStatus: undefined, runtimeId: undefined }],
      }));
      assert.ok(!serializeHistory([f]).includes(key));
      assert.ok(!serializeHistory([f]).includes('wJalrXUtnFEMI'));
      assert.match(f.stoppedReason ?? '', /AKIA\*\*\*\*/);
    });

    it('makes no record of a task no service started', () => {
      assert.equal(failureOfTask(stoppedTask(1, 0, { group: 'family:batch' }), ECR, [], NOW), undefined);
    });
  });

  describe('bounds', () => {
    it('keeps a failure exactly maxAgeDays old and drops one a millisecond older', () => {
      const atLimit = remembered(stoppedTask(1, 14 * DAY));
      const older = remembered(stoppedTask(2, 14 * DAY + 1));
      assert.deepEqual(pruneHistory([atLimit, older], limits({ maxAgeDays: 14 }), NOW).map((f) => f.taskArn), [atLimit.taskArn]);
    });

    it('dates a failure without stoppedAt by when it was last seen', () => {
      const noStop = remembered(stoppedTask(1, 0, { stoppedAt: undefined }), new Date(NOW.getTime() - 3 * DAY));
      assert.equal(pruneHistory([noStop], limits({ maxAgeDays: 3 }), NOW).length, 1);
      assert.equal(pruneHistory([noStop], limits({ maxAgeDays: 2 }), NOW).length, 0);
    });

    it('keeps exactly maxPerService of a service, the newest, and drops the oldest one more', () => {
      const five = [1, 2, 3, 4, 5].map((n) => remembered(stoppedTask(n, n * 60_000)));
      assert.equal(pruneHistory(five.slice(0, 4), limits({ maxPerService: 4 }), NOW).length, 4);
      const kept = pruneHistory(five, limits({ maxPerService: 4 }), NOW);
      assert.deepEqual(kept.map((f) => f.taskArn), five.slice(0, 4).map((f) => f.taskArn));
    });

    it('keeps exactly maxEntries overall across services, and drops the oldest one more', () => {
      const a = [1, 2].map((n) => remembered(stoppedTask(n, n * 60_000)));
      const b = [3, 4].map((n) => remembered(stoppedTask(n, n * 60_000, { group: 'service:api' })));
      assert.equal(pruneHistory([...a, ...b], limits({ maxEntries: 4 }), NOW).length, 4);
      assert.deepEqual(pruneHistory([...b, ...a], limits({ maxEntries: 3 }), NOW).map((f) => f.taskArn), [a[0]!, a[1]!, b[0]!].map((f) => f.taskArn));
    });

    it('remembers nothing with maxEntries 0', () => {
      assert.deepEqual(mergeFailures([], [remembered(stoppedTask(1, 0))], limits({ maxEntries: 0 }), NOW), []);
    });

    it('prunes on every merge: an old entry goes when a new sighting is written', () => {
      const old = remembered(stoppedTask(1, 20 * DAY));
      const fresh = remembered(stoppedTask(2, 0));
      assert.deepEqual(mergeFailures([old], [fresh], limits(), NOW).map((f) => f.taskArn), [fresh.taskArn]);
    });
  });

  describe('merging', () => {
    it('keeps a task seen twice once: first seen from the first sighting, last seen and reason from the second, findings joined', () => {
      const task = stoppedTask(1, DAY);
      const first = remembered(task, new Date(NOW.getTime() - 2 * 3_600_000), [{ code: 'ENDPOINT_MISSING', title: 'ecr.api' }]);
      const second = remembered(task, NOW, [{ code: 'ENDPOINT_MISSING', title: 'ecr.api' }, { code: 'S3_GATEWAY_ENDPOINT_MISSING', title: 's3' }]);
      const merged = mergeFailures([first], [second], limits(), NOW);
      assert.equal(merged.length, 1);
      assert.equal(merged[0]!.firstSeen, first.firstSeen);
      assert.equal(merged[0]!.lastSeen, NOW.toISOString());
      assert.deepEqual(merged[0]!.findings.map((f) => f.code), ['ENDPOINT_MISSING', 'S3_GATEWAY_ENDPOINT_MISSING']);
      // Seen again from the Clusters view (no findings): the doctor's explanation stays.
      const again = mergeFailures(merged, [remembered(task, NOW, [])], limits(), NOW);
      assert.deepEqual(again[0]!.findings.map((f) => f.code), ['ENDPOINT_MISSING', 'S3_GATEWAY_ENDPOINT_MISSING']);
    });

    it('keeps two accounts apart when their clusters and services have the same names', () => {
      const mine = remembered(stoppedTask(1, 0, { account: '111111111111' }));
      const theirs = remembered(stoppedTask(1, 0, { account: '222222222222' }));
      const merged = mergeFailures([mine], [theirs], limits({ maxPerService: 1 }), NOW);
      assert.equal(merged.length, 2, 'one per account, each within its own service bound');
      const scope = { account: '111111111111', region: 'ap-northeast-2', cluster: 'demo-ecs-cluster', service: 'demo-ecs-service' };
      assert.deepEqual(rememberedFor(merged, scope, new Set()).map((f) => f.account), ['111111111111']);
      assert.deepEqual(countHistory(merged), { entries: 2, services: 2, accounts: 2, regions: 1 });
    });

    it('lists as remembered only what ECS no longer returns, newest first', () => {
      const [a, b, c] = [1, 2, 3].map((n) => remembered(stoppedTask(n, n * 60_000)));
      const scope = { account: a!.account, region: a!.region, cluster: a!.cluster, service: a!.service };
      assert.deepEqual(rememberedFor([c!, a!, b!], scope, new Set([b!.taskArn])).map((f) => f.taskArn), [a!.taskArn, c!.taskArn]);
    });
  });

  describe('the file', () => {
    it('reads back what it wrote', () => {
      const entries = [remembered(stoppedTask(1, 0)), remembered(stoppedTask(2, 60_000), NOW, [{ code: 'ENDPOINT_MISSING', title: 't' }])];
      const parsed = parseHistory(serializeHistory(entries));
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.entries, entries);
      assert.equal(parsed.skipped, 0);
    });

    it('starts empty from a corrupt file, and says so', () => {
      for (const text of ['{"format":1,"entr', '', '[]', '{"entries":[]}', '{"format":0,"entries":[]}']) {
        const parsed = parseHistory(text);
        assert.equal(parsed.ok, false, text);
        assert.deepEqual(parsed.entries, []);
        assert.equal(!parsed.ok && parsed.problem, 'corrupt', text);
      }
    });

    it('starts empty from a newer version\'s file, and says so', () => {
      const parsed = parseHistory(JSON.stringify({ format: 2, entries: [] }));
      assert.equal(!parsed.ok && parsed.problem, 'newer');
    });

    it('leaves out an entry with a missing or wrong field and counts it, and redacts a reason edited into the file', () => {
      const good = remembered(stoppedTask(1, 0));
      const text = JSON.stringify({ format: 1, entries: [
        { ...good, stoppedReason: 'token AKIAIOSFODNN7EXAMPLE' },
        { ...good, taskArn: 7 },
        { ...good, firstSeen: 'yesterday' },
        { ...good, containers: [{ exitCode: 1 }] },
      ] });
      const parsed = parseHistory(text);
      assert.ok(parsed.ok);
      assert.equal(parsed.entries.length, 1);
      assert.equal(parsed.skipped, 3);
      assert.equal(parsed.entries[0]!.stoppedReason, 'token AKIA****');
    });
  });
});

describe('failure history words and settings', () => {
  it('describes a remembered failure by when it stopped, or when it was seen', () => {
    const f = failureOfTask(stoppedTask(1, 3 * 3_600_000), ECR, [], NOW)!;
    assert.equal(rememberedDescription(f, NOW), 'remembered · stopped 3 h ago');
    const g = failureOfTask(stoppedTask(2, 0, { stoppedAt: undefined }), ECR, [], new Date(NOW.getTime() - 120_000))!;
    assert.equal(rememberedDescription(g, NOW), 'remembered · seen 2 min ago');
  });

  it('reads the limits from the settings, a wrong value taking the default', () => {
    const settings = (values: Record<string, unknown>) => ({ get: <T>(name: string) => values[name] as T | undefined });
    assert.deepEqual(historyLimits(settings({ maxAgeDays: 3, maxEntriesPerService: 5, maxEntries: 0 })), { maxAgeDays: 3, maxPerService: 5, maxEntries: 0 });
    assert.deepEqual(historyLimits(settings({ maxAgeDays: 0, maxEntriesPerService: 'x', maxEntries: -1 })), DEFAULT_HISTORY_LIMITS);
  });

  it('asks before a clear with how many entries of how many services, accounts and regions', () => {
    assert.equal(clearQuestion({ entries: 1, services: 1, accounts: 1, regions: 1 }), 'Forget 1 remembered failure of 1 service in 1 account and 1 region?');
    assert.equal(clearQuestion({ entries: 3, services: 2, accounts: 1, regions: 2 }), 'Forget 3 remembered failures of 2 services in 1 account and 2 regions?');
  });

  it('lists the services of an account and region with failures ECS no longer returns', () => {
    const mine = remembered(stoppedTask(1, 0));
    const api = remembered(stoppedTask(2, 0, { group: 'service:api' }));
    const other = remembered(stoppedTask(3, 0, { account: '222222222222' }));
    const scopes = servicesRemembered([mine, api, other], '123456789012', 'ap-northeast-2', new Set([mine.taskArn]));
    assert.deepEqual(scopes.map((s) => s.service), ['api']);
  });

  it('puts remembered failures in a report section of their own, and none when there are none', () => {
    const f = remembered(stoppedTask(1, 3_600_000), NOW, [{ code: 'ENDPOINT_MISSING', title: 'No endpoint' }]);
    assert.equal(rememberedSection([], NOW), '');
    const text = rememberedSection([f], NOW);
    assert.match(text, /^\n## Remembered failures \(1\)/);
    assert.match(text, /task task0001 · stopped 2026-12-05 11:00:00Z \(1 h ago\) · remembered · TaskFailedToStart · demo-ecs-task:1/);
    assert.match(text, /Explained then by: ENDPOINT_MISSING \(No endpoint\)/);
  });
});
