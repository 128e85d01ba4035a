// The service report as a user reads it: exact header, status, deployment, event and
// "not checked" lines, section counts and their singular/plural, and the problems' spans.
import * as assert from 'node:assert/strict';
import type { Deployment } from '../../../src/model/ecs';
import { examineService } from '../../../src/doctor/examine';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import { TUTORIAL } from '../../support/tutorialWorld';
import { fixedTutorialSnapshot, tutorialSnapshot } from './snapshotBuilder';

const CHECKED = new Date('2026-11-26T01:00:00.500Z');
const TD = `arn:aws:ecs:${TUTORIAL.region}:123456789012:task-definition/${TUTORIAL.taskFamily}`;

function deployment(id: string, status: string, revision: number, counts: [number, number, number, number], createdAt: Date, rollout?: [string, string]): Deployment {
  const [desiredCount, runningCount, pendingCount, failedTasks] = counts;
  return {
    id, status, taskDefinition: `${TD}:${revision}`, desiredCount, runningCount, pendingCount, failedTasks, createdAt, updatedAt: createdAt,
    ...(rollout ? { rolloutState: rollout[0], rolloutStateReason: rollout[1] } : {}),
  } as Deployment;
}

/** The fixed tutorial mid-rollout: two deployments, one event, tasks stopped before it, one gap. */
function rollingOut(): ServiceSnapshot {
  const s = fixedTutorialSnapshot();
  return {
    ...s,
    service: {
      ...s.service!, status: 'ACTIVE', desiredCount: 2, runningCount: 1, pendingCount: 1,
      deployments: [
        deployment('ecs-svc/2', 'PRIMARY', 2, [2, 1, 1, 0], new Date('2026-11-26T00:20:00.123Z'), ['IN_PROGRESS', 'ECS deployment ecs-svc/2 in progress.']),
        deployment('ecs-svc/1', 'ACTIVE', 1, [0, 0, 0, 3], new Date('2026-11-25T00:00:00Z')),
      ],
      events: [{ id: 'e1', createdAt: new Date('2026-11-26T00:21:00Z'), message: 'service demo-ecs-service has started 1 tasks.' }],
    },
    stoppedTasks: s.stoppedTasks!.map((t) => ({ ...t, task: { ...t.task, stoppedAt: new Date('2026-11-26T00:10:00Z'), stopCode: 'TaskFailedToStart', availabilityZone: 'ap-northeast-2a' } })),
    gaps: [{ subject: 'targetHealth', resource: 'tg-1', reason: 'AccessDenied' }],
  } as ServiceSnapshot;
}

const text = (s: ServiceSnapshot) => examineService(s, TUTORIAL.clusterName, TUTORIAL.serviceName, CHECKED).report;

describe('doctor/serviceReport text', () => {
  it('the broken tutorial: header, unknown status, defaults and the section counts', () => {
    const r = text(tutorialSnapshot());
    const l = r.text.split('\n');
    assert.deepEqual(l.slice(0, 9), [
      '# Service demo-ecs-service · cluster demo-ecs-cluster · ap-northeast-2 · account 123456789012',
      '# Checked by ECS Studio at 2026-11-26 01:00:00Z. Read-only: "Diagnose Service" checks again.',
      '',
      'Status:          ? · ?/? running · 0 pending',
      'Task definition: demo-ecs-task:1 · FARGATE · LINUX/ARM64 · cpu 1024 · memory 3072',
      'Network:         vpc-0tutorial · subnets subnet-0priv1a, subnet-0priv2c · security groups sg-0service · public IP DISABLED',
      '',
      '## Stopped tasks (2)',
      'task 1111 · stopped ?',
    ]);
    assert.ok(l.includes('  → ECR_UNREACHABLE: The task cannot reach Amazon ECR'));
    assert.ok(l.includes('    Missing in vpc-0tutorial: com.amazonaws.ap-northeast-2.ecr.api, com.amazonaws.ap-northeast-2.ecr.dkr.'));
    assert.ok(l.includes('## Configuration (1 more finding)'));
    assert.ok(!r.text.includes('## Deployments') && !r.text.includes('## Events') && !r.text.includes('## Not checked'), 'no empty sections');
    assert.ok(r.text.endsWith('so tasks start with the fixes\n'), 'ends with one newline');
    const s3 = r.problems.find((p) => p.code === 'S3_GATEWAY_ENDPOINT_MISSING')!;
    assert.equal(s3.message.split('\n')[0], 'The S3 gateway endpoint is missing');
    assert.equal(s3.message.split('\n').length, 1 + 3, 'title then each evidence line');
    assert.equal(s3.explanation, s3.message.split('\n').slice(1).join(' '));
    assert.deepEqual([s3.startColumn, s3.endColumn], [0, l[s3.line]!.length]);
    assert.deepEqual(s3.fix?.steps.map((x) => x.kind), ['createGatewayEndpoint', 'forceNewDeployment']);
    const ecr = r.problems.find((p) => p.code === 'ECR_UNREACHABLE')!;
    assert.equal(ecr.title, 'The task cannot reach Amazon ECR (task 1111)');
    assert.equal(ecr.startColumn, 2);
    assert.deepEqual(ecr.alternatives?.map((a) => a.name), ['vpcEndpoints', 'natGateway']);
  });

  it('a service mid-rollout: every section, in order, exactly as written', () => {
    const r = text(rollingOut());
    assert.equal(r.text, [
      '# Service demo-ecs-service · cluster demo-ecs-cluster · ap-northeast-2 · account 123456789012',
      '# Checked by ECS Studio at 2026-11-26 01:00:00Z. Read-only: "Diagnose Service" checks again.',
      '',
      'Status:          ACTIVE · 1/2 running · 1 pending',
      'Task definition: demo-ecs-task:1 · FARGATE · LINUX/ARM64 · cpu 1024 · memory 3072',
      'Network:         vpc-0tutorial · subnets subnet-0priv1a, subnet-0priv2c · security groups sg-0service · public IP DISABLED',
      '',
      '## Stopped tasks (2)',
      'task 1111 · stopped 2026-11-26 00:10:00Z · TaskFailedToStart · ap-northeast-2a · before the current deployment',
      ...r.text.split('\n').slice(9, 18),
      '## Configuration (1 more finding)',
      'warning COULD_NOT_CHECK: Some checks could not run',
      '    Could not read the health of the registered targets (tg-1): AccessDenied. Not checked: the load balancer\'s own view of the targets (its reason codes); the health check settings are still checked.',
      '',
      '## Fix plan (nothing to change)',
      '',
      '## Deployments (2)',
      'PRIMARY ecs-svc/2 · demo-ecs-task:2 · 1/2 running · 1 pending · 0 failed · IN_PROGRESS · created 2026-11-26 00:20:00Z',
      '    ECS deployment ecs-svc/2 in progress.',
      'ACTIVE ecs-svc/1 · demo-ecs-task:1 · 0/0 running · 0 pending · 3 failed · no rollout state · created 2026-11-25 00:00:00Z',
      '',
      '## Events (newest 1 of 1)',
      '2026-11-26 00:21:00Z  service demo-ecs-service has started 1 tasks.',
      '',
      '## Not checked (1)',
      'targetHealth tg-1: AccessDenied',
      '',
    ].join('\n'));
    assert.deepEqual(r.problems.map((p) => [p.code, p.severity, p.line, p.startColumn, p.endColumn]), [['COULD_NOT_CHECK', 'warning', 19, 0, 50]]);
  });

  it('an empty service: no stopped task, nothing else found, defaults for what is unknown', () => {
    const s = fixedTutorialSnapshot();
    const bare = { ...s, vpc: undefined, stoppedTasks: [], launch: { ...s.launch, launchType: undefined, awsvpcConfiguration: { ...s.launch.awsvpcConfiguration, subnets: [], securityGroups: [] } },
      taskDefinition: { ...s.taskDefinition!, revision: undefined, cpu: undefined, memory: undefined, runtimePlatform: undefined } } as unknown as ServiceSnapshot;
    const l = text(bare).text.split('\n');
    assert.ok(l.includes('Task definition: demo-ecs-task:? · FARGATE · LINUX/X86_64 · cpu ? · memory ?'), l.join('\n'));
    assert.ok(l.some((x) => x.startsWith('Network:         VPC ? · subnets none · security groups none · public IP ')), l.join('\n'));
    const at = l.indexOf('## Stopped tasks (0)');
    assert.ok(at > 0, l.join('\n'));
    assert.equal(l[at + 1], 'No recently stopped task.');
    assert.equal(l[at + 2], '', 'a blank line closes the section');
    assert.match(l[at + 3] ?? '', /^## Configuration /);
  });
});
