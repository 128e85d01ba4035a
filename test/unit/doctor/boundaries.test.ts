// The doctor's numeric limits pinned at their boundaries: Fargate's platform version for 8 and
// 16 vCPU (exactly 1.4.0, and CPU exactly 8192), which launch types the size rule reads, and a
// stopped task that stopped exactly when the current deployment started, with several
// deployments (mutation testing, docs/mutation.md).
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/doctor/analyze';
import { isPastFailure } from '../../../src/doctor/serviceReport';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import type { AnalyzerFinding, StoppedTaskDiagnosis } from '../../../src/doctor/types';
import type { Deployment } from '../../../src/model/ecs';
import { fixedTutorialSnapshot, tutorialSnapshot, withLaunch, withTaskDefinition } from './snapshotBuilder';

function sizeFindings(s: ServiceSnapshot): AnalyzerFinding[] {
  return analyze(s).filter((f) => f.code === 'INVALID_FARGATE_SIZE');
}

describe('doctor rules at their limits', () => {
  describe('INVALID_FARGATE_SIZE: 8 and 16 vCPU need platform 1.4.0 or later', () => {
    const sized = (cpu: string, memory: string, platformVersion: string | undefined) =>
      withLaunch(withTaskDefinition(fixedTutorialSnapshot(), { cpu, memory }), { platformVersion });
    const cases: Array<[string, string, string | undefined, boolean]> = [
      ['8192', '16384', '1.3.0', true],
      ['8192', '16384', '1.3.9', true],
      ['8192', '16384', '1.4', false],
      ['8192', '16384', '1.4.0', false],
      ['8192', '16384', '1.4.1', false],
      ['8192', '16384', '1.10.0', false],
      ['8192', '16384', '2.0.0', false],
      ['8192', '16384', 'LATEST', false],
      ['8192', '16384', undefined, false],
      ['16384', '32768', '1.3.0', true],
      ['4096', '8192', '1.3.0', false],
    ];
    for (const [cpu, memory, pv, flagged] of cases) {
      it(`cpu ${cpu} on platform ${pv ?? '(unset)'}: ${flagged ? 'too old' : 'fine'}`, () => {
        const found = sizeFindings(sized(cpu, memory, pv));
        assert.equal(found.length, flagged ? 1 : 0);
        if (flagged) {
          assert.equal(found[0].evidence[0], `Task definition demo-ecs-task asks for ${Number(cpu) / 1024} vCPU, which needs Fargate platform 1.4.0 or later; the service uses ${pv}.`);
          assert.equal(found[0].resource, fixedTutorialSnapshot().taskDefinition.arn ?? 'demo-ecs-task');
          assert.deepEqual(found[0].affects, ['TASK_FAILED_TO_START']);
          assert.deepEqual(found[0].remedies, [], 'no fix: the size is the owner\'s choice');
          assert.equal(found[0].severity, 'error');
        }
      });
    }
    it('names the missing half of the size, or both', () => {
      const s = fixedTutorialSnapshot();
      assert.equal(sizeFindings(withTaskDefinition(s, { cpu: undefined }))[0].evidence[0],
        'Task definition demo-ecs-task has cpu (none) and memory 3072: Fargate needs both at task level, as one of its sizes.');
      assert.equal(sizeFindings(withTaskDefinition(s, { memory: undefined }))[0].evidence[0],
        'Task definition demo-ecs-task has cpu 1024 and memory (none): Fargate needs both at task level, as one of its sizes.');
      assert.equal(sizeFindings(withTaskDefinition(s, { cpu: undefined, memory: undefined })).length, 1);
    });
    it('names the task definition by its ARN when it has one, else by its family', () => {
      const s = withTaskDefinition(fixedTutorialSnapshot(), { memory: '1024' });
      const arn = 'arn:aws:ecs:ap-northeast-2:123456789012:task-definition/demo-ecs-task:7';
      assert.equal(sizeFindings(withTaskDefinition(s, { arn }))[0].resource, arn);
      assert.equal(sizeFindings(withTaskDefinition(s, { arn: undefined }))[0].resource, 'demo-ecs-task');
    });
    it('checks Fargate tasks only: an EC2 launch of an EC2-only task definition is not sized', () => {
      const ec2 = withLaunch(withTaskDefinition(fixedTutorialSnapshot(), { cpu: undefined, requiresCompatibilities: ['EC2'] }), { launchType: 'EC2' });
      assert.equal(sizeFindings(ec2).length, 0);
      const compatible = withLaunch(withTaskDefinition(fixedTutorialSnapshot(), { cpu: undefined, requiresCompatibilities: ['EC2', 'FARGATE'] }), { launchType: 'EC2' });
      assert.equal(sizeFindings(compatible).length, 1, 'a task definition made for Fargate too is sized');
      const unset = withLaunch(withTaskDefinition(fixedTutorialSnapshot(), { cpu: undefined, requiresCompatibilities: undefined }), { launchType: undefined });
      assert.equal(sizeFindings(unset).length, 1, 'no launch type means Fargate');
      const ec2NoList = withLaunch(withTaskDefinition(fixedTutorialSnapshot(), { cpu: undefined, requiresCompatibilities: undefined }), { launchType: 'EC2' });
      assert.equal(sizeFindings(ec2NoList).length, 0);
    });
  });

  describe('a stopped task is history only when it stopped before the current deployment began', () => {
    const start = new Date('2026-11-26T00:20:00Z');
    function deployment(status: string, createdAt: Date | undefined, id = status): Deployment {
      return { id, status, taskDefinition: 'td:1', desiredCount: 1, runningCount: 0, pendingCount: 0, failedTasks: 0, rolloutState: undefined, rolloutStateReason: undefined, createdAt, updatedAt: undefined };
    }
    function at(stoppedAt: Date | undefined, deployments: Deployment[], explained = false): [StoppedTaskDiagnosis, ServiceSnapshot] {
      const s = tutorialSnapshot();
      const snapshot: ServiceSnapshot = { ...s, service: { ...s.service!, deployments } };
      const st = s.stoppedTasks![0]!;
      return [{ task: { ...st.task, stoppedAt }, finding: st.finding, causes: [], evidence: [], explained }, snapshot];
    }
    const primary = [deployment('PRIMARY', start)];
    it('one millisecond before: history', () => assert.equal(isPastFailure(...at(new Date(start.getTime() - 1), primary)), true));
    it('exactly when it started: not history (it may belong to this deployment)', () => assert.equal(isPastFailure(...at(new Date(start.getTime()), primary)), false));
    it('one millisecond after: not history', () => assert.equal(isPastFailure(...at(new Date(start.getTime() + 1), primary)), false));
    it('an explained failure is never history', () => assert.equal(isPastFailure(...at(new Date(0), primary, true)), false));
    it('without a stop time, or without a deployment start, never history', () => {
      assert.equal(isPastFailure(...at(undefined, primary)), false);
      assert.equal(isPastFailure(...at(new Date(0), [deployment('PRIMARY', undefined)])), false);
      assert.equal(isPastFailure(...at(new Date(0), [])), false);
    });
    it('with several deployments, the PRIMARY one\'s start counts, wherever it is in the list', () => {
      const deployments = [deployment('ACTIVE', new Date('2026-11-26T00:00:00Z')), deployment('PRIMARY', start)];
      const between = new Date('2026-11-26T00:10:00Z');
      assert.equal(isPastFailure(...at(between, deployments)), true, 'stopped after the old deployment, before the primary one');
      const primaryFirst = [deployment('PRIMARY', new Date('2026-11-26T00:00:00Z')), deployment('ACTIVE', start)];
      assert.equal(isPastFailure(...at(between, primaryFirst)), false);
    });
    it('without a PRIMARY deployment, the first listed one counts', () => {
      const deployments = [deployment('ACTIVE', start, 'a'), deployment('ACTIVE', new Date('2026-11-26T00:00:00Z'), 'b')];
      assert.equal(isPastFailure(...at(new Date('2026-11-26T00:10:00Z'), deployments)), true);
    });
  });
});
