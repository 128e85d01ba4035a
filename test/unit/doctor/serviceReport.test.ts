import * as assert from 'node:assert/strict';
import type { Deployment } from '../../../src/model/ecs';
import { examineService } from '../../../src/doctor/examine';
import { summarizePlan } from '../../../src/doctor/planText';
import { isPastFailure, problemIdOf, type ServiceReport } from '../../../src/doctor/serviceReport';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import type { FixPlan } from '../../../src/doctor/types';
import { TUTORIAL, TUTORIAL_STOP_REASONS } from '../../support/tutorialWorld';
import { fixedTutorialSnapshot, tutorialSnapshot, VPC_ID } from './snapshotBuilder';

const CHECKED = new Date('2026-11-26T01:00:00Z');

function report(snapshot: ServiceSnapshot): ServiceReport {
  return examineService(snapshot, TUTORIAL.clusterName, TUTORIAL.serviceName, CHECKED).report;
}

function lines(r: ServiceReport): string[] {
  return r.text.split('\n');
}

function deployment(createdAt: Date): Deployment {
  return {
    id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: `arn:aws:ecs:${TUTORIAL.region}:123456789012:task-definition/${TUTORIAL.taskFamily}:1`, desiredCount: 1, runningCount: 0, pendingCount: 1,
    failedTasks: 2, rolloutState: 'IN_PROGRESS', rolloutStateReason: 'ECS deployment ecs-svc/1 in progress.', createdAt, updatedAt: createdAt,
  };
}

/** The tutorial with its stopped tasks stopped at `stoppedAt` and the current deployment begun at `deployedAt`. */
function withTimes(s: ServiceSnapshot, stoppedAt: Date, deployedAt: Date): ServiceSnapshot {
  return {
    ...s,
    service: { ...s.service!, status: 'ACTIVE', desiredCount: 1, runningCount: 0, pendingCount: 1, deployments: [deployment(deployedAt)], events: [] },
    stoppedTasks: (s.stoppedTasks ?? []).map((t) => ({ ...t, task: { ...t.task, stoppedAt } })),
  };
}

describe('doctor/serviceReport', () => {
  describe('the broken tutorial', () => {
    // Built in each test (not once in the describe body) so mutation testing attributes it to the tests.
    let r: ServiceReport;
    beforeEach(() => { r = report(tutorialSnapshot()); });

    it('puts each stopped task\'s problem on the line of its stop reason, spanning exactly the reason', () => {
      const text = lines(r);
      for (const [code, reason] of [['ECR_UNREACHABLE', TUTORIAL_STOP_REASONS.ecr], ['LOGS_UNREACHABLE', TUTORIAL_STOP_REASONS.logs]] as const) {
        const problem = r.problems.find((p) => p.code === code);
        assert.ok(problem, code);
        assert.equal(text[problem.line]!.slice(problem.startColumn, problem.endColumn), reason);
        assert.equal(problem.subject.kind, 'stoppedTask');
        assert.equal(problem.severity, 'error');
      }
    });

    it('says what the VPC lacks in the stopped task\'s problem, not a generic text', () => {
      const ecr = r.problems.find((p) => p.code === 'ECR_UNREACHABLE')!;
      assert.match(ecr.message, new RegExp(`^The task cannot reach Amazon ECR \\(task 1111\\)\\nMissing in ${VPC_ID}: com\\.amazonaws\\.${TUTORIAL.region}\\.ecr\\.api, com\\.amazonaws\\.${TUTORIAL.region}\\.ecr\\.dkr\\.`));
      assert.match(ecr.explanation, /Before a container starts/);
      assert.ok(ecr.fix && ecr.fix.steps.some((s) => s.kind === 'createInterfaceEndpoint' && s.serviceName.endsWith('.ecr.dkr')));
    });

    it('gives findings no stopped task explains a line of their own, and lists each finding once', () => {
      const s3 = r.problems.find((p) => p.code === 'S3_GATEWAY_ENDPOINT_MISSING');
      assert.ok(s3);
      assert.equal(s3.subject.kind, 'finding');
      assert.match(lines(r)[s3.line]!, /^error {3}S3_GATEWAY_ENDPOINT_MISSING: The S3 gateway endpoint is missing$/);
      assert.equal(new Set(r.problems.map((p) => p.id)).size, r.problems.length, 'ids are unique');
      assert.equal(new Set(r.problems.map((p) => p.line)).size, r.problems.length, 'one problem per line');
    });

    it('lists the ways out of a cause under its problem, preselected first, each with its plan', () => {
      const s3 = r.problems.find((p) => p.code === 'S3_GATEWAY_ENDPOINT_MISSING')!;
      assert.deepEqual(s3.alternatives?.map((a) => [a.name, a.preselected, (a.fix?.steps.length ?? 0) > 0]), [['vpcEndpoints', true, true], ['natGateway', false, true]]);
      const text = lines(r);
      const at = text.findIndex((l, i) => i > s3.line && l.startsWith('    Ways out'));
      assert.equal(text[at], '    Ways out (one is enough; the fix plan takes the first):');
      assert.match(text[at + 1]!, /^ {6}- create the VPC endpoints \(preselected\) \[remedy vpcEndpoints\]: Create interface endpoints .* Cost: ~\$43\.80\/month/);
      assert.match(text[at + 2]!, /^ {6}- route the task subnets through a NAT gateway \[remedy natGateway\]: Allocate an Elastic IP, .* Cost: ~\$36\.50\/month/);
      const ecr = r.problems.find((p) => p.code === 'ECR_UNREACHABLE')!;
      assert.deepEqual(ecr.alternatives?.map((a) => a.name), ['vpcEndpoints', 'natGateway'], 'a stopped task of the cause offers the same ways');
    });

    it('ends with the one plan for everything, numbered as it will run', () => {
      const start = lines(r).findIndex((l) => l.startsWith('## Fix plan ('));
      assert.ok(start > 0);
      assert.equal(lines(r)[start], '## Fix plan (create 3 interface endpoints, 1 gateway endpoint, 1 security group, 1 log group; add 1 inbound rule; then redeploy)');
      assert.match(lines(r)[start + r.plan.steps.length]!, new RegExp(`^${r.plan.steps.length}\\. Start a new deployment of service ${TUTORIAL.serviceName}`));
    });

    it('keeps problem ids stable across checks', () => {
      assert.deepEqual(report(tutorialSnapshot()).problems.map((p) => p.id), r.problems.map((p) => p.id));
      assert.equal(r.problems[0]!.id, problemIdOf(r.problems[0]!.subject));
    });

    it('keeps every line one line, even when AWS sends a reason with newlines', () => {
      const s = tutorialSnapshot();
      const wrapped: ServiceSnapshot = {
        ...s,
        stoppedTasks: s.stoppedTasks!.map((t, i) => (i === 0 ? { ...t, task: { ...t.task, stoppedReason: TUTORIAL_STOP_REASONS.ecr.replace('Amazon ECR: ', 'Amazon ECR:\n  ') } } : t)),
      };
      const out = report(wrapped);
      const ecr = out.problems.find((p) => p.code === 'ECR_UNREACHABLE')!;
      assert.equal(lines(out)[ecr.line]!.length, ecr.endColumn);
      assert.ok(!lines(out)[ecr.line]!.includes('\n'));
    });
  });

  describe('after the fix', () => {
    it('a stopped task nothing explains now, stopped before the current deployment, is history: listed, no problem', () => {
      const s = withTimes(fixedTutorialSnapshot(), new Date('2026-11-26T00:10:00Z'), new Date('2026-11-26T00:20:00Z'));
      const r = report(s);
      assert.deepEqual(r.problems, []);
      assert.equal(r.plan.steps.length, 0);
      assert.match(r.text, /task 1111 · stopped 2026-11-26 00:10:00Z · before the current deployment/);
      assert.match(r.text, /## Fix plan \(nothing to change\)/);
      assert.match(r.text, /PRIMARY ecs-svc\/1 · demo-ecs-task:1 · 0\/1 running · 1 pending · 2 failed · IN_PROGRESS/);
    });

    it('one that stopped during the current deployment stays a problem even when nothing explains it', () => {
      const s = withTimes(fixedTutorialSnapshot(), new Date('2026-11-26T00:30:00Z'), new Date('2026-11-26T00:20:00Z'));
      const r = report(s);
      assert.deepEqual(r.problems.map((p) => p.code).sort(), ['ECR_UNREACHABLE', 'LOGS_UNREACHABLE']);
      assert.ok(r.problems.every((p) => p.fix === undefined), 'no fix to offer');
      assert.match(r.problems[0]!.message, /shows no cause for this/);
      assert.equal(isPastFailure({ task: s.stoppedTasks![0]!.task, finding: s.stoppedTasks![0]!.finding, causes: [], evidence: [], explained: false }, s), false);
    });

    it('without a stop time it never calls a failure history', () => {
      const s = withTimes(fixedTutorialSnapshot(), new Date(0), new Date('2026-11-26T00:20:00Z'));
      const untimed: ServiceSnapshot = { ...s, stoppedTasks: s.stoppedTasks!.map((t) => ({ ...t, task: { arn: t.task.arn, id: t.task.id, stoppedReason: t.task.stoppedReason! } })) };
      assert.equal(report(untimed).problems.length, 2);
    });
  });
});

describe('doctor/planText summarizePlan', () => {
  const plan = (...kinds: FixPlan['steps'][number][]): FixPlan => ({ steps: kinds });
  const redeploy = { kind: 'forceNewDeployment', cluster: 'c', service: 's' } as const;
  const endpoint = (name: string) => ({
    kind: 'createInterfaceEndpoint', serviceName: name, vpcId: 'vpc-1', subnetIds: ['subnet-1'], availabilityZones: ['a'], securityGroupIds: ['sg-1'], privateDns: true,
  } as const);

  it('counts each kind under its verb, then redeploys', () => {
    assert.equal(summarizePlan(plan(endpoint('a'), endpoint('b'), { kind: 'createLogGroup', logGroupName: '/x', region: 'r' }, redeploy)),
      'create 2 interface endpoints, 1 log group; then redeploy');
    assert.equal(summarizePlan(plan({ kind: 'attachRolePolicy', roleName: 'r', policyArn: 'arn:aws:iam::aws:policy/p' }, redeploy)), 'attach 1 role policy; then redeploy');
  });

  it('words the plans with one step and with none', () => {
    assert.equal(summarizePlan(plan(redeploy)), 'redeploy');
    assert.equal(summarizePlan(plan()), 'nothing to do');
    assert.equal(summarizePlan(plan({ kind: 'setAssignPublicIp', cluster: 'c', service: 's', subnets: [], securityGroups: [], assignPublicIp: 'ENABLED' })), 'turn on public IP for the tasks');
  });
});
