// The history file on disk: a failed task seen is written and read back by another window's
// HistoryFile; a corrupt file starts empty and says so, then is replaced; a newer version's file
// starts empty and is left as it is; a clear empties memory and file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HISTORY_FILE, HistoryFile } from '../../../src/aws/historyFile';
import { DEFAULT_HISTORY_LIMITS } from '../../../src/doctor/failureHistory';
import type { Task } from '../../../src/model/ecs';
import { aTask } from '../builders';

const NOW = new Date('2026-12-05T12:00:00.000Z');

function failed(n: number, overrides: Partial<Task> = {}): Task {
  return aTask({
    arn: `arn:aws:ecs:ap-northeast-2:123456789012:task/demo-ecs-cluster/task${n}`,
    id: `task${n}`,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'TaskFailedToStart',
    stoppedReason: 'ResourceInitializationError: unable to pull secrets or registry auth: The task cannot pull registry auth from Amazon ECR: There is a connection issue between the task and Amazon ECR. Check your task network configuration.',
    stoppedAt: new Date(NOW.getTime() - 60_000),
    ...overrides,
  });
}

describe('the history file', () => {
  let dir: string;
  let warnings: string[];
  const open = () => new HistoryFile(dir, { warn: (m) => warnings.push(m) }, () => DEFAULT_HISTORY_LIMITS, () => NOW);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-history-'));
    warnings = [];
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('remembers a failed service task (not a deployment\'s stop), and another window reads it back', async () => {
    const history = open();
    await history.see([failed(1), failed(2, { stopCode: 'ServiceSchedulerInitiated', stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/1)' })]);
    const other = open();
    await other.load();
    assert.deepEqual(other.all().map((f) => [f.taskArn, f.code]), [[failed(1).arn, 'ECR_UNREACHABLE']]);
    assert.deepEqual(fs.readdirSync(dir), [HISTORY_FILE], 'no temporary file left behind');
    assert.deepEqual(warnings, []);
  });

  it('starts empty from a corrupt file, says so in the log, and replaces it on the next write', async () => {
    fs.writeFileSync(path.join(dir, HISTORY_FILE), '{"format":1,"entries":[{"acc');
    const history = open();
    await history.load();
    assert.deepEqual(history.all(), []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /is not readable .*starting with none/);
    await history.see([failed(1)]);
    const again = open();
    await again.load();
    assert.equal(again.all().length, 1);
  });

  it('starts empty from a newer version\'s file and leaves the file as it is', async () => {
    const newer = JSON.stringify({ format: 99, entries: [{ whatever: true }] });
    fs.writeFileSync(path.join(dir, HISTORY_FILE), newer);
    const history = open();
    await history.see([failed(1)]);
    assert.match(warnings.join('\n'), /written by a newer ECS Studio/);
    assert.equal(history.all().length, 1, 'remembered in memory');
    assert.equal(fs.readFileSync(path.join(dir, HISTORY_FILE), 'utf8'), newer);
  });

  it('clears memory and file, and says how many went', async () => {
    const history = open();
    await history.see([failed(1), failed(2)]);
    assert.deepEqual(history.counts(), { entries: 2, services: 1, accounts: 1, regions: 1 });
    assert.equal(await history.clear(), 2);
    const again = open();
    await again.load();
    assert.deepEqual(again.all(), []);
  });
});
