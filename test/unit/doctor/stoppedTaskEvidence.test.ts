// The evidence a task stopped for failed ELB health checks gets, word for word: the first broken
// link, then the target group's check (protocol, path, port, matcher, timing, grace period).
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/doctor/analyze';
import { classify } from '../../../src/doctor/classify';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import { joinStoppedTasks } from '../../../src/doctor/stoppedTasks';
import type { TargetGroup } from '../../../src/model/network';
import { fixedTutorialSnapshot, IDS, withChanges, withLaunch } from './snapshotBuilder';

function elbStop(s: ServiceSnapshot): ServiceSnapshot {
  return withChanges(s, {
    stoppedTasks: [{ task: { arn: 'arn:aws:ecs:ap-northeast-2:123456789012:task/demo-ecs-cluster/3333', id: '3333' }, finding: classify({ stoppedReason: `Task failed ELB health checks in (target-group ${IDS.targetGroupArn})` }) }],
  });
}

function withCheck(tg: Partial<TargetGroup>): ServiceSnapshot {
  const s = fixedTutorialSnapshot();
  return withChanges(s, { loadBalancing: s.loadBalancing!.map((w) => ({ ...w, targetGroup: { ...w.targetGroup, ...tg } })) });
}

describe('doctor/stoppedTasks: ELB health check evidence', () => {
  it('a sound path: says no link is broken, what the application must answer, and what to look at', () => {
    const s = elbStop(fixedTutorialSnapshot());
    const [j] = joinStoppedTasks(analyze(s), s);
    assert.equal(j!.explained, false);
    assert.deepEqual(j!.causes, []);
    assert.deepEqual(j!.evidence, [
      'No link of the health check path is broken now: public-ecs-service-alb forwards to the target group, the task serves the checked port, and the security groups let the check in and out. The application itself must pass the check.',
      'The application must answer HTTP GET / with 200 on port 8080 within 5 s (target group demo-ecs-alb-target-group). 2 failures 30 s apart mark a target unhealthy, 5 answers make it healthy.',
      'To check: the container\'s logs (log group /ecs/demo-ecs-task) for the requests to / and for errors at start; that / answers on port 8080 at the task\'s own IP address, not only on 127.0.0.1 (a server bound to localhost never sees the check; ECS Exec lets you try); and the service\'s grace period (not set, 0 s) against how long the application takes to start.',
    ]);
  });

  it('a checked port nothing serves: the first broken link, then the check as configured', () => {
    const s = elbStop(withLaunch(withCheck({ healthCheckPort: '8081', healthCheckPath: '/health', healthCheckMatcher: '200-299' }), { healthCheckGracePeriodSeconds: 60 }));
    const [j] = joinStoppedTasks(analyze(s), s);
    assert.equal(j!.explained, true);
    assert.deepEqual(j!.causes.map((c) => c.code), ['HEALTH_CHECK_PORT_NOT_SERVED']);
    assert.deepEqual(j!.evidence, [
      'First broken link: The target group health checks a port the task does not serve: Target group demo-ecs-alb-target-group checks health on port 8081, but the tasks receive its traffic on 8080 and no container of demo-ecs-task maps 8081 (they map demo-service-container:8080): the check finds nothing listening and can never pass. demo-service-container serves 8080: checking the traffic port (traffic-port) reaches the application.',
      'Target group demo-ecs-alb-target-group checks HTTP /health on port 8081, expecting 200-299; 2 failures 30 s apart mark a target unhealthy; the service\'s grace period is 60 s.',
    ]);
    assert.deepEqual(j!.fix?.steps.map((x) => x.kind), ['modifyTargetGroupHealthCheck', 'forceNewDeployment']);
  });
});
