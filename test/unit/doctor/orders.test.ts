// Where the order or the choice is part of the output: findings errors first, then warnings,
// then info, ties in rule order; the classifier's summary by severity, then count, then code;
// the culprit among several containers; a service event whose reason alone is unknown,
// classified again from the whole message; and the steps of a plan half applied
// (mutation testing, docs/mutation.md).
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/doctor/analyze';
import { classify, classifyServiceEvent, explainAll, unwrapServiceEvent } from '../../../src/doctor/classify';
import { pendingSteps, planFixes } from '../../../src/doctor/fixPlan';
import type { Severity } from '../../../src/doctor/codes';
import { applyToSnapshot } from './applyToSnapshot';
import { tutorialSnapshot, withChanges, withLaunch } from './snapshotBuilder';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const OOM = 'OutOfMemoryError: Container killed due to memory usage';
const PULL_TIMEOUT = 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "1.dkr.ecr.eu-west-1.amazonaws.com/app:1": failed to do request: Head "https://1.dkr.ecr.eu-west-1.amazonaws.com/v2/app/manifests/1": dial tcp 10.0.1.5:443: i/o timeout';

describe('orders and choices in the doctor\'s output', () => {
  describe('the analyzer\'s findings', () => {
    it('come errors first, then warnings, then info, whatever order the rules found them in', () => {
      // The tutorial world broken, plus ECS Exec (a warning-level need) and a platform version that only informs.
      const s = withLaunch(tutorialSnapshot(), { enableExecuteCommand: true });
      const findings = analyze(s);
      const severities = findings.map((f) => f.severity);
      assert.ok(severities.includes('error') && severities.includes('warning'), JSON.stringify(severities));
      for (let i = 1; i < findings.length; i++) {
        assert.ok(RANK[findings[i - 1].severity] <= RANK[findings[i].severity], `${findings[i - 1].id} (${findings[i - 1].severity}) before ${findings[i].id} (${findings[i].severity})`);
      }
    });
    it('keep the rules\' order among findings of one severity, and each finding once', () => {
      const findings = analyze(tutorialSnapshot());
      const ids = findings.map((f) => f.id);
      assert.equal(new Set(ids).size, ids.length);
      const endpoints = findings.filter((f) => f.code === 'ENDPOINT_MISSING').map((f) => f.resource);
      assert.deepEqual(endpoints, [...endpoints].sort((a, b) => ['ecr.api', 'ecr.dkr', 'logs'].indexOf(a.split('.').slice(3).join('.')) - ['ecr.api', 'ecr.dkr', 'logs'].indexOf(b.split('.').slice(3).join('.'))));
      assert.ok(endpoints.length >= 2, JSON.stringify(ids));
    });
  });

  describe('the classifier\'s summary of many tasks', () => {
    it('puts errors first, then the most frequent, then by code', () => {
      const { summary } = explainAll([
        'Essential container in task exited',
        'Scaling activity initiated by (deployment ecs-svc/123)',
        'Scaling activity initiated by (deployment ecs-svc/124)',
        OOM,
        PULL_TIMEOUT,
        PULL_TIMEOUT,
      ]);
      const codes = summary.map((s) => [s.code, s.severity, s.count]);
      const errors = summary.filter((s) => s.severity === 'error');
      assert.deepEqual(summary.slice(0, errors.length), errors, JSON.stringify(codes));
      assert.equal(errors[0].code, 'ECR_UNREACHABLE', JSON.stringify(codes));
      assert.equal(errors[0].count, 2);
      for (let i = 1; i < summary.length; i++) {
        const [a, b] = [summary[i - 1], summary[i]];
        assert.ok(RANK[a.severity] < RANK[b.severity] || (a.severity === b.severity && (a.count > b.count || (a.count === b.count && a.code < b.code))), JSON.stringify(codes));
      }
      assert.equal(summary.reduce((n, s) => n + s.count, 0), 6);
    });
  });

  describe('the culprit among several containers', () => {
    it('is the container whose own reason gives the code, not the first with a reason', () => {
      const f = classify({
        stoppedReason: 'Essential container in task exited',
        containers: [
          { name: 'log-router', exitCode: 1, reason: 'some unrelated note' },
          { name: 'app', exitCode: 137, reason: OOM },
        ],
      });
      assert.equal(f.code, 'OUT_OF_MEMORY');
      assert.deepEqual([f.details.containerName, f.details.exitCode], ['app', 137]);
    });
    it('else the first container with a reason', () => {
      const f = classify({ stoppedReason: 'Essential container in task exited', containers: [{ name: 'a', exitCode: 0 }, { name: 'b', reason: 'odd note' }, { name: 'c', reason: 'other note' }] });
      assert.equal(f.details.containerName, 'b');
      assert.equal(f.details.exitCode, undefined);
    });
    it('else the first that exited non-zero (a zero exit is not a culprit)', () => {
      const f = classify({ stoppedReason: 'Essential container in task exited', containers: [{ name: 'sidecar', exitCode: 0 }, { name: 'app', exitCode: 2 }, { name: 'other', exitCode: 3 }] });
      assert.deepEqual([f.details.containerName, f.details.exitCode], ['app', 2]);
    });
    it('else the only container; with several and no clue, none', () => {
      assert.equal(classify({ stoppedReason: 'Essential container in task exited', containers: [{ name: 'only' }] }).details.containerName, 'only');
      assert.equal(classify({ stoppedReason: 'Essential container in task exited', containers: [{ name: 'a', exitCode: 0 }, { name: 'b' }] }).details.containerName, undefined);
    });
    it('reasons of several containers all go into the raw text, each under its name', () => {
      const f = classify({ stoppedReason: 'Essential container in task exited', containers: [{ name: 'a', reason: ' first ' }, { name: 'b', reason: '  ' }, { name: 'c', reason: OOM }] });
      assert.equal(f.raw, `Essential container in task exited\na: first\nc: ${OOM}`);
      assert.equal(classify({ stopCode: ' EssentialContainerExited ' }).raw, 'EssentialContainerExited');
    });
  });

  describe('a service event', () => {
    it('is split into service, task and reason', () => {
      assert.deepEqual(unwrapServiceEvent('(service web) (task 0123abcd) failed container health checks.'), { service: 'web', task: '0123abcd', reason: 'failed container health checks.' });
      assert.deepEqual(unwrapServiceEvent(`  service web was unable to place a task. Reason: ${PULL_TIMEOUT}  `), { service: 'web', reason: PULL_TIMEOUT });
      assert.deepEqual(unwrapServiceEvent('something else'), { reason: 'something else' });
    });
    it('whose reason classifies keeps that code, and takes details from the whole message', () => {
      const f = classifyServiceEvent(`(service web) was unable to place a task. Reason: ${PULL_TIMEOUT}`);
      assert.equal(f.code, 'ECR_UNREACHABLE');
      assert.equal(f.details.region, 'eu-west-1');
      assert.equal(f.raw, `(service web) was unable to place a task. Reason: ${PULL_TIMEOUT}`);
    });
    it('whose reason alone is unknown is classified again from the whole message', () => {
      const placement = '(service web) was unable to place a task because no container instance met all of its requirements. The closest matching container-instance abc has insufficient memory available. Reason: something new';
      const role = '(service web) failed to launch a task with (error ECS was unable to assume the role arn:aws:iam::123456789012:role/x). Reason: unknown thing';
      for (const [message, code] of [[placement, 'CAPACITY_UNAVAILABLE'], [role, 'ROLE_ASSUME_FAILED']] as const) {
        assert.equal(classify({ stoppedReason: unwrapServiceEvent(message).reason }).code, 'UNKNOWN', 'the reason alone says nothing');
        const f = classifyServiceEvent(message);
        assert.equal(f.code, code);
        assert.equal(f.raw, message);
      }
      assert.equal(classifyServiceEvent(role).details.roleArn, 'arn:aws:iam::123456789012:role/x');
    });
    it('that is unknown as a whole stays UNKNOWN, with the message as its raw text', () => {
      const f = classifyServiceEvent('(service web) has reached a steady state.');
      assert.equal(f.code, 'UNKNOWN');
      assert.equal(f.raw, '(service web) has reached a steady state.');
    });
  });

  describe('a plan with some steps done', () => {
    it('keeps the steps not done, in order, and the new deployment after them', () => {
      const before = tutorialSnapshot();
      const plan = planFixes(analyze(before), before);
      const kinds = plan.steps.map((s) => s.kind);
      assert.equal(kinds[kinds.length - 1], 'forceNewDeployment');
      // Apply only the log group: every other step is still to do.
      const logStep = plan.steps.find((s) => s.kind === 'createLogGroup');
      assert.ok(logStep);
      const half = applyToSnapshot({ steps: [logStep] }, before);
      assert.deepEqual(pendingSteps(plan, half), plan.steps.filter((s) => s !== logStep));
      // Nothing applied: the whole plan.
      assert.deepEqual(pendingSteps(plan, before), plan.steps);
    });
    it('drops the new deployment when every change is done, and has none to add when the plan has none', () => {
      const before = tutorialSnapshot();
      const plan = planFixes(analyze(before), before);
      const changesOnly = { ...plan, steps: plan.steps.filter((s) => s.kind !== 'forceNewDeployment') };
      const logStep = changesOnly.steps.find((s) => s.kind === 'createLogGroup')!;
      assert.deepEqual(pendingSteps(changesOnly, applyToSnapshot({ steps: [logStep] }, before)), changesOnly.steps.filter((s) => s !== logStep));
      assert.deepEqual(pendingSteps(plan, applyToSnapshot(plan, before)), []);
      assert.deepEqual(pendingSteps({ ...plan, steps: plan.steps.filter((s) => s.kind === 'forceNewDeployment') }, withChanges(before, {})), []);
    });
  });
});
