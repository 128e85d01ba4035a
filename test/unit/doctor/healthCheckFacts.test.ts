// The health check facts (src/doctor/healthCheckFacts.ts) at their boundaries: the path order,
// the port a check goes to, which target states fail, and the exact sentences a user reads.
import * as assert from 'node:assert/strict';
import {
  applicationMustAnswer, failingTargets, healthCheckPortOf, healthPathRank, healthPathRead, HEALTH_PATH_ORDER, pathSoundSentence, targetHealthSentences,
} from '../../../src/doctor/healthCheckFacts';
import type { TargetGroup, TargetHealth } from '../../../src/model/network';
import { aWiring, fixedTutorialSnapshot, IDS, withChanges, withContainer, withLaunch } from './snapshotBuilder';

function t(id: string, state: string, reason?: string, description?: string): TargetHealth {
  return { id, port: 8080, availabilityZone: 'ap-northeast-2a', state, reason, description };
}

function tg(fields: Partial<TargetGroup> = {}): TargetGroup {
  return { ...aWiring().targetGroup, ...fields } as TargetGroup;
}

describe('doctor/healthCheckFacts', () => {
  describe('healthPathRank', () => {
    it('ranks each link by its place on the path, first link 0', () => {
      HEALTH_PATH_ORDER.forEach((code, i) => assert.equal(healthPathRank(code), i));
      assert.equal(healthPathRank('TARGET_GROUP_NOT_IP'), 0);
    });
    it('a code off the path comes after every link', () => {
      assert.equal(healthPathRank('IMAGE_NOT_FOUND' as never), HEALTH_PATH_ORDER.length);
      assert.ok(healthPathRank('IMAGE_NOT_FOUND' as never) > healthPathRank('TARGETS_UNHEALTHY'));
    });
  });

  describe('healthCheckPortOf', () => {
    const table: [string | undefined, number | undefined, number | undefined][] = [
      [undefined, 8080, 8080], ['', 8080, 8080], ['traffic-port', 8080, 8080], ['traffic-port', undefined, undefined],
      ['0', 8080, undefined], ['1', 8080, 1], ['65535', 8080, 65535], ['65536', 8080, undefined],
      ['-1', 8080, undefined], ['80.5', 8080, undefined], ['eighty', 8080, undefined], ['9090', undefined, 9090],
    ];
    for (const [port, traffic, expected] of table) {
      it(`port ${JSON.stringify(port)} with traffic port ${traffic} checks ${expected}`, () => {
        assert.equal(healthCheckPortOf({ healthCheckPort: port }, traffic), expected);
      });
    }
  });

  describe('failingTargets', () => {
    it('unhealthy and unhealthy.draining fail; initial, healthy, draining, unused do not', () => {
      const all = ['unhealthy', 'unhealthy.draining', 'initial', 'healthy', 'draining', 'unused', 'unavailable'].map((s, i) => t(`10.0.2.${i}`, s));
      assert.deepEqual(failingTargets(all).map((x) => x.state), ['unhealthy', 'unhealthy.draining']);
      assert.deepEqual(failingTargets(undefined), []);
    });
  });

  describe('targetHealthSentences', () => {
    it('nothing failing: no sentence', () => {
      assert.deepEqual(targetHealthSentences('tg', [t('10.0.2.1', 'healthy')]), []);
    });
    it('one target: singular, reason with description, and what the reason means', () => {
      assert.deepEqual(targetHealthSentences('tg', [t('10.0.2.1', 'unhealthy', 'Target.Timeout', 'Request timed out')]), [
        'The load balancer reports 1 of 1 target of tg failing now: 10.0.2.1:8080 unhealthy (Target.Timeout: Request timed out).',
        'Target.Timeout means no answer within the timeout: nothing listens on the port, something drops the check, or the application is too slow.',
      ]);
    });
    it('a reason without description, no reason, no port; each known reason once, unknown reasons unexplained', () => {
      const targets = [
        t('10.0.2.1', 'unhealthy', 'Target.ResponseCodeMismatch'), { ...t('10.0.2.2', 'unhealthy.draining'), port: undefined },
        t('10.0.2.3', 'unhealthy', 'Target.ResponseCodeMismatch', 'Health checks failed with these codes: [404]'), t('10.0.2.4', 'unhealthy', 'Elb.InternalError'),
        t('10.0.2.5', 'healthy'),
      ];
      assert.deepEqual(targetHealthSentences('tg', targets), [
        'The load balancer reports 4 of 5 targets of tg failing now: 10.0.2.1:8080 unhealthy (Target.ResponseCodeMismatch); 10.0.2.2 unhealthy.draining; ' +
          '10.0.2.3:8080 unhealthy (Target.ResponseCodeMismatch: Health checks failed with these codes: [404]); 10.0.2.4:8080 unhealthy (Elb.InternalError).',
        'Target.ResponseCodeMismatch means the application answers, but not with the expected code (a wrong path, a redirect, a login page).',
      ]);
    });
    it('at most four targets are shown, the rest counted', () => {
      const four = [1, 2, 3, 4].map((i) => t(`10.0.2.${i}`, 'unhealthy'));
      assert.ok(!targetHealthSentences('tg', four)[0].includes('more'));
      const six = [1, 2, 3, 4, 5, 6].map((i) => t(`10.0.2.${i}`, 'unhealthy', 'Target.FailedHealthChecks'));
      const [first, meaning] = targetHealthSentences('tg', six);
      assert.equal(first, 'The load balancer reports 6 of 6 targets of tg failing now: 10.0.2.1:8080 unhealthy (Target.FailedHealthChecks); ' +
        '10.0.2.2:8080 unhealthy (Target.FailedHealthChecks); 10.0.2.3:8080 unhealthy (Target.FailedHealthChecks); 10.0.2.4:8080 unhealthy (Target.FailedHealthChecks); and 2 more.');
      assert.match(meaning, /^Target\.FailedHealthChecks means the connection or the check failed/);
    });
  });

  describe('applicationMustAnswer', () => {
    it('the tutorial: HTTP GET / with 200, timing, its awslogs group, grace period not set', () => {
      const s = withLaunch(fixedTutorialSnapshot(), { healthCheckGracePeriodSeconds: undefined });
      assert.deepEqual(applicationMustAnswer(s, tg(), 8080), [
        'The application must answer HTTP GET / with 200 on port 8080 within 5 s (target group demo-ecs-alb-target-group). 2 failures 30 s apart mark a target unhealthy, 5 answers make it healthy.',
        "To check: the container's logs (log group /ecs/demo-ecs-task) for the requests to / and for errors at start; that / answers on port 8080 at the task's own IP address, not only on 127.0.0.1 " +
          "(a server bound to localhost never sees the check; ECS Exec lets you try); and the service's grace period (not set, 0 s) against how long the application takes to start.",
      ]);
    });
    it('HTTPS with a path, matcher, awslogs group and a grace period', () => {
      const base = withContainer(fixedTutorialSnapshot(), { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/demo' } } });
      const s = withLaunch(base, { healthCheckGracePeriodSeconds: 60 });
      const [must, look] = applicationMustAnswer(s, tg({ healthCheckProtocol: 'HTTPS', healthCheckPath: '/health', healthCheckMatcher: '200-299', healthyThresholdCount: undefined }), 8080);
      assert.equal(must, 'The application must answer HTTPS GET /health with 200-299 on port 8080 within 5 s (target group demo-ecs-alb-target-group). 2 failures 30 s apart mark a target unhealthy.');
      assert.equal(look, "To check: the container's logs (log group /ecs/demo) for the requests to /health and for errors at start; that /health answers on port 8080 at the task's own IP address, " +
        "not only on 127.0.0.1 (a server bound to localhost never sees the check; ECS Exec lets you try); and the service's grace period (60 s) against how long the application takes to start.");
    });
    it('TCP: a connection; defaults when the group says nothing; a log driver other than awslogs has no group', () => {
      const s = withContainer(fixedTutorialSnapshot(), { logConfiguration: { logDriver: 'splunk', options: { 'awslogs-group': '/ecs/not-this' } } });
      const bare = tg({ healthCheckProtocol: 'TCP', healthCheckTimeoutSeconds: undefined, healthCheckIntervalSeconds: undefined, healthCheckPath: undefined });
      const [must, look] = applicationMustAnswer(s, bare, undefined);
      assert.equal(must, 'The application must accept a TCP connection on port ? (target group demo-ecs-alb-target-group).');
      assert.ok(look.startsWith("To check: the container's logs for the requests to / and for errors at start; that / answers on port ? at"), look);
      const noThreshold = applicationMustAnswer(fixedTutorialSnapshot(), tg({ unhealthyThresholdCount: undefined }), 8080)[0];
      assert.ok(noThreshold.endsWith('(target group demo-ecs-alb-target-group).'), noThreshold);
    });
    it('the protocol falls back to the traffic protocol, then HTTP; path and matcher default to / and 200', () => {
      const viaTraffic = applicationMustAnswer(fixedTutorialSnapshot(), tg({ healthCheckProtocol: undefined, protocol: 'TCP' }), 8080)[0];
      assert.ok(viaTraffic.startsWith('The application must accept a TCP connection on port 8080 within 5 s'), viaTraffic);
      const none = applicationMustAnswer(fixedTutorialSnapshot(), tg({ healthCheckProtocol: undefined, protocol: undefined, healthCheckPath: undefined, healthCheckMatcher: undefined }), 8080)[0];
      assert.ok(none.startsWith('The application must answer HTTP GET / with 200 on port 8080 within 5 s'), none);
    });
  });

  describe('healthPathRead', () => {
    it('the fixed tutorial holds every part of the path', () => {
      assert.equal(healthPathRead(fixedTutorialSnapshot()), true);
    });
    it('no target group, unread groups, a gap in wiring or groups, or one target group not wired: not read', () => {
      const s = fixedTutorialSnapshot();
      assert.equal(healthPathRead(withLaunch(s, { loadBalancers: [] })), false);
      assert.equal(healthPathRead(withLaunch(s, { loadBalancers: [{ containerName: 'x', containerPort: 80 }] })), false);
      assert.equal(healthPathRead(withChanges(s, { securityGroups: undefined })), false);
      for (const subject of ['loadBalancing', 'securityGroups'] as const) {
        assert.equal(healthPathRead(withChanges(s, { gaps: [{ subject, reason: 'AccessDenied' } as never] })), false, subject);
      }
      assert.equal(healthPathRead(withChanges(s, { gaps: [{ subject: 'logs', reason: 'AccessDenied' } as never] })), true);
      assert.equal(healthPathRead(withChanges(s, { loadBalancing: undefined })), false);
      const second = `${IDS.targetGroupArn.replace('73e2d6bc24d8a067', '0000000000000000')}`;
      const two = withLaunch(s, { loadBalancers: [...(s.launch.loadBalancers ?? []), { targetGroupArn: second, containerName: 'demo-service-container', containerPort: 8080 }] });
      assert.equal(healthPathRead(two), false);
    });
  });

  describe('pathSoundSentence', () => {
    it('names each load balancer once, or "the load balancer" when none is known', () => {
      const s = fixedTutorialSnapshot();
      const twice = withChanges(s, { loadBalancing: [aWiring(), aWiring()] });
      const tail = ' forwards to the target group, the task serves the checked port, and the security groups let the check in and out. The application itself must pass the check.';
      assert.equal(pathSoundSentence(twice), `No link of the health check path is broken now: public-ecs-service-alb${tail}`);
      assert.equal(pathSoundSentence(withChanges(s, { loadBalancing: undefined })), `No link of the health check path is broken now: the load balancer${tail}`);
    });
  });
});
