// What a person reads of a remembered failure (src/doctor/rememberedReport.ts and the short line
// of failureHistory.ts): the tree item's Markdown tooltip (AWS texts escaped or fenced, a
// fence in a reason defused), the report's section (times without milliseconds, reasons on one
// line, containers and findings), with every field and with only the required ones.
import * as assert from 'node:assert/strict';
import { rememberedDescription, rememberedTaskId, type RememberedFailure } from '../../../src/doctor/failureHistory';
import { rememberedSection, rememberedTooltip } from '../../../src/doctor/rememberedReport';

const NOW = new Date('2026-12-05T12:00:00.000Z');

const FULL: RememberedFailure = {
  account: '123456789012', region: 'ap-northeast-2', cluster: 'demo-ecs-cluster', service: 'demo-ecs-service',
  taskArn: 'arn:aws:ecs:ap-northeast-2:123456789012:task/demo-ecs-cluster/abc123', taskDefinition: 'app:7', stopCode: 'Task_Failed',
  stoppedReason: 'CannotPull: ```rm -rf```\r\n  then   \n\nretry', code: 'ECR_UNREACHABLE', title: 'No route (to ECR)',
  containers: [{ name: 'web', exitCode: 0, reason: 'exit #1*\nagain' }, { name: 'side_car' }],
  stoppedAt: '2026-12-05T11:00:00.123Z', firstSeen: '2026-12-05T11:01:00.000Z', lastSeen: '2026-12-05T11:58:00.000Z',
  findings: [{ code: 'ENDPOINT_MISSING', title: 'No endpoint [ecr.api]' }, { code: 'TASK_SG_BLOCKS_443', title: 'Port 443 |\nblocked' }],
};

const BARE: RememberedFailure = {
  account: '123456789012', region: 'ap-northeast-2', cluster: 'demo-ecs-cluster', service: 'demo-ecs-service',
  taskArn: 'arn:aws:ecs:ap-northeast-2:123456789012:task/demo-ecs-cluster/def456', code: 'UNKNOWN', title: 'Stopped',
  containers: [], firstSeen: '2026-12-04T12:00:00.000Z', lastSeen: '2026-12-05T11:59:30.000Z', findings: [],
};

describe('remembered failure: the tooltip', () => {
  it('every field, AWS texts escaped, the reason fenced with its own fences defused', () => {
    assert.equal(rememberedTooltip(FULL), [
      '$(history) **Remembered failure** — ECS no longer returns this task (it keeps stopped tasks for about an hour); ECS Studio remembers what it saw.',
      '**Task abc123**',
      'Task definition: `app:7`',
      'Stopped at 2026-12-05 11:00:00Z',
      'First seen 2026-12-05 11:01:00Z · last seen 2026-12-05 11:58:00Z',
      'Stop code: Task\\_Failed',
      "```text\nCannotPull: '''rm -rf'''\r\n  then   \n\nretry\n```",
      'web · exit 0 · exit \\#1\\*\nagain',
      'side\\_car',
      '**ECR_UNREACHABLE**: No route \\(to ECR\\)',
      'Explained by:\n\n- **ENDPOINT_MISSING**: No endpoint \\[ecr\\.api\\]\n- **TASK_SG_BLOCKS_443**: Port 443 \\|\nblocked',
    ].join('\n\n'));
  });

  it('only the required fields: no task definition, stop time, code, reason or findings', () => {
    assert.equal(rememberedTooltip(BARE), [
      '$(history) **Remembered failure** — ECS no longer returns this task (it keeps stopped tasks for about an hour); ECS Studio remembers what it saw.',
      '**Task def456**',
      'First seen 2026-12-04 12:00:00Z · last seen 2026-12-05 11:59:30Z',
      '**UNKNOWN**: Stopped',
    ].join('\n\n'));
  });

  it('escapes each Markdown character', () => {
    const title = '\\`*_{}[]()#+-.!|<>';
    assert.ok(rememberedTooltip({ ...BARE, title }).endsWith(`**UNKNOWN**: ${[...title].map((c) => `\\${c}`).join('')}`));
  });
});

describe('remembered failure: the report section', () => {
  it('every field: stop time and how long ago, stop code, task definition, the reason on one line, findings, containers, sightings', () => {
    assert.equal(rememberedSection([FULL, BARE], NOW), [
      '',
      '## Remembered failures (2): failed tasks ECS no longer returns, as ECS Studio saw them',
      'task abc123 · stopped 2026-12-05 11:00:00Z (1 h ago) · remembered · Task_Failed · app:7',
      '  CannotPull: ```rm -rf``` then retry',
      '  → ECR_UNREACHABLE: No route (to ECR)',
      '    Explained then by: ENDPOINT_MISSING (No endpoint [ecr.api]); TASK_SG_BLOCKS_443 (Port 443 | blocked)',
      '    Container web · exit 0 · exit #1* again',
      '    Container side_car',
      '    First seen 2026-12-05 11:01:00Z, last seen 2026-12-05 11:58:00Z.',
      'task def456 · seen 2026-12-05 11:59:30Z (30 s ago) · remembered',
      '  → UNKNOWN: Stopped',
      '    First seen 2026-12-04 12:00:00Z, last seen 2026-12-05 11:59:30Z.',
      '',
    ].join('\n'));
  });

  it('a line break with no space around it becomes one space', () => {
    assert.match(rememberedSection([{ ...BARE, stoppedReason: 'a\nb\r\nc' }], NOW), /\n {2}a b c\n/);
  });
});

describe('remembered failure: the tree item\'s line', () => {
  it('the stop time when known, else when it was last seen; the task id from the ARN', () => {
    assert.equal(rememberedDescription(FULL, NOW), 'remembered · stopped 1 h ago');
    assert.equal(rememberedDescription(BARE, NOW), 'remembered · seen 30 s ago');
    assert.equal(rememberedTaskId(FULL), 'abc123');
  });
});
