// The load balancer health check rules (src/doctor/rules/healthChecks.ts) at their boundaries,
// their fixes (planned, applied to the snapshot, planned again: nothing), and the story a task
// stopped for failed ELB health checks gets (src/doctor/stoppedTasks.ts).
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/doctor/analyze';
import { classify } from '../../../src/doctor/classify';
import { planFixes, stepAlreadyDone } from '../../../src/doctor/fixPlan';
import { describeStep, summarizePlan } from '../../../src/doctor/planText';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import { joinStoppedTasks } from '../../../src/doctor/stoppedTasks';
import type { AnalyzerFinding } from '../../../src/doctor/types';
import type { TargetGroup, TargetHealth } from '../../../src/model/network';
import { applyToSnapshot } from './applyToSnapshot';
import { aWiring, fixedTutorialSnapshot, IDS, replaceGroup, tcp, withChanges, withContainer, withLaunch } from './snapshotBuilder';

const TG = IDS.targetGroupArn;
const HEALTH_CODES = ['HEALTH_CHECK_PORT_NOT_SERVED', 'HEALTH_CHECK_PORT_BLOCKED', 'HEALTH_CHECK_PROTOCOL_MISMATCH', 'HEALTH_CHECK_GRACE_PERIOD_SHORT', 'TARGETS_UNHEALTHY'];

function health(findings: readonly AnalyzerFinding[]): string[] {
  return findings.filter((f) => HEALTH_CODES.includes(f.code)).map((f) => `${f.severity} ${f.id}`);
}

/** The fixed tutorial (every start requirement met) with the target group's health check changed. */
function withCheck(targetGroup: Partial<TargetGroup>, base = fixedTutorialSnapshot()): ServiceSnapshot {
  return withChanges(base, { loadBalancing: [aWiring({ targetGroup })] });
}

function withPorts(s: ServiceSnapshot, ...ports: number[]): ServiceSnapshot {
  return withContainer(s, { portMappings: ports.map((containerPort) => ({ containerPort, protocol: 'tcp' })) });
}

function target(ip: string, state: string, reason?: string, description?: string): TargetHealth {
  return { id: ip, port: 8080, availabilityZone: 'ap-northeast-2a', state, reason, description };
}

function withTargets(s: ServiceSnapshot, ...targets: TargetHealth[]): ServiceSnapshot {
  return withChanges(s, { targetHealth: [{ targetGroupArn: TG, targets }] });
}

/** Plan, apply to the snapshot, plan again: the second plan is empty and nothing is found. */
function fixesCleanly(s: ServiceSnapshot): ServiceSnapshot {
  const plan = planFixes(analyze(s), s);
  assert.ok(plan.steps.length > 0, 'a plan');
  const after = applyToSnapshot(plan, s);
  assert.deepEqual(health(analyze(after)), []);
  assert.deepEqual(planFixes(analyze(after), after).steps, [], 'a second run changes nothing');
  return after;
}

describe('doctor/rules/healthChecks', () => {
  it('the tutorial (traffic-port, HTTP both ways, no container health check) has no health check finding', () => {
    assert.deepEqual(health(analyze(fixedTutorialSnapshot())), []);
    assert.deepEqual(analyze(fixedTutorialSnapshot()), []);
  });

  describe('HEALTH_CHECK_PORT_NOT_SERVED', () => {
    it('a fixed port no container maps can never pass; the fix checks the traffic port instead', () => {
      const s = withCheck({ healthCheckPort: '8081' });
      const findings = analyze(s);
      assert.deepEqual(health(findings), [`error HEALTH_CHECK_PORT_NOT_SERVED:${TG}:8081`]);
      const f = findings[0];
      assert.match(f.evidence[0], /checks health on port 8081, but the tasks receive its traffic on 8080 and no container of demo-ecs-task maps 8081 \(they map demo-service-container:8080\)/);
      assert.deepEqual(f.remedies, [{ kind: 'targetGroupHealthCheck', targetGroupArn: TG, port: 'traffic-port' }]);
      const plan = planFixes(findings, s);
      assert.deepEqual(plan.steps.map((x) => x.kind), ['modifyTargetGroupHealthCheck', 'forceNewDeployment']);
      assert.deepEqual(plan.steps[0], { kind: 'modifyTargetGroupHealthCheck', targetGroupArn: TG, targetGroupName: 'demo-ecs-alb-target-group', healthCheckPort: 'traffic-port' });
      assert.equal(describeStep(plan.steps[0]), 'Change the health check of target group demo-ecs-alb-target-group: port traffic-port (the port the tasks receive traffic on) (ModifyTargetGroup)');
      assert.equal(summarizePlan(plan), 'change 1 target group health check; then redeploy');
      const after = fixesCleanly(s);
      assert.equal(stepAlreadyDone(plan.steps[0], after), true);
      assert.equal(stepAlreadyDone(plan.steps[0], s), false);
    });

    it('the traffic port written as a number, or a port another container of the task maps, is served', () => {
      assert.deepEqual(health(analyze(withCheck({ healthCheckPort: '8080' }))), []);
      const sidecar = withCheck({ healthCheckPort: '9901' });
      const twoContainers = withChanges(sidecar, {
        taskDefinition: { ...sidecar.taskDefinition, containers: [...sidecar.taskDefinition.containers, { name: 'envoy', image: 'envoyproxy/envoy:v1.30', essential: true, portMappings: [{ containerPort: 9901 }] }] },
      });
      assert.ok(!health(analyze(twoContainers)).some((x) => x.includes('NOT_SERVED')));
    });

    it('a healthy target is AWS saying the check passes: no finding', () => {
      assert.deepEqual(health(analyze(withTargets(withCheck({ healthCheckPort: '8081' }), target('10.0.2.15', 'healthy')))), []);
    });

    it('without the traffic port served by the container, there is no fix to offer (CONTAINER_PORT_MISMATCH says why)', () => {
      const s = withChanges(withCheck({ healthCheckPort: '8081' }), {
        launch: { ...fixedTutorialSnapshot().launch, loadBalancers: [{ targetGroupArn: TG, containerName: 'demo-service-container', containerPort: 9000 }] },
      });
      const findings = analyze(s);
      assert.deepEqual(findings.find((f) => f.code === 'HEALTH_CHECK_PORT_NOT_SERVED')?.remedies, []);
      assert.ok(findings.some((f) => f.code === 'CONTAINER_PORT_MISMATCH'));
    });

    it('a disabled health check, a non-ip target group or junk in the port is not judged here', () => {
      assert.deepEqual(health(analyze(withCheck({ healthCheckPort: '8081', healthCheckEnabled: false }))), []);
      assert.deepEqual(health(analyze(withCheck({ healthCheckPort: '8081', targetType: 'instance' }))), []);
      assert.deepEqual(health(analyze(withCheck({ healthCheckPort: 'eighty' }))), []);
    });
  });

  describe('HEALTH_CHECK_PORT_BLOCKED', () => {
    const served = () => withPorts(withCheck({ healthCheckPort: '8081' }), 8080, 8081);

    it("a served health check port the task's group does not open to the load balancer: the fix opens it from the load balancer's group", () => {
      const s = served();
      const findings = analyze(s);
      assert.deepEqual(health(findings), [`error HEALTH_CHECK_PORT_BLOCKED:${IDS.serviceSg}:8081`]);
      assert.match(findings[0].evidence[0], /checks health on port 8081 \(its traffic goes to 8080\), and the task's group sg-0service \(demo-ecs-service-sg\) does not allow TCP 8081 from public-ecs-service-alb \(sg-0alb, 10\.0\.0\.0\/24, 10\.0\.1\.0\/24\)/);
      assert.equal(findings[0].evidence[1], 'sg-0service allows inbound TCP 8080 from 10.0.0.0/16; TCP 443 from 10.0.0.0/16.');
      const plan = planFixes(findings, s);
      assert.deepEqual(plan.steps[0], { kind: 'authorizeIngress', groupId: IDS.serviceSg, protocol: 'tcp', port: 8081, sourceGroupId: IDS.albSg, description: 'The load balancer to the container port' });
      fixesCleanly(s);
    });

    it('a rule that covers the port (a range from the VPC, or the load balancer group) lets it through', () => {
      const range = replaceGroup(served(), IDS.serviceSg, { ingress: [tcp(8080, 8081, { cidrs: ['10.0.0.0/16'] }), tcp(443, 443, { cidrs: ['10.0.0.0/16'] })] });
      assert.deepEqual(health(analyze(range)), []);
      const fromAlb = replaceGroup(served(), IDS.serviceSg, { ingress: [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] }), tcp(8081, 8081, { groupIds: [IDS.albSg] }), tcp(443, 443, { cidrs: ['10.0.0.0/16'] })] });
      assert.deepEqual(health(analyze(fromAlb)), []);
      const oneOff = replaceGroup(served(), IDS.serviceSg, { ingress: [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] }), tcp(8082, 8082, { groupIds: [IDS.albSg] }), tcp(443, 443, { cidrs: ['10.0.0.0/16'] })] });
      assert.equal(health(analyze(oneOff)).length, 1);
    });

    it("the load balancer's group must let the check out: egress narrowed to the traffic port blocks it", () => {
      const open = replaceGroup(served(), IDS.serviceSg, { ingress: [tcp(8080, 8081, { cidrs: ['10.0.0.0/16'] }), tcp(443, 443, { cidrs: ['10.0.0.0/16'] })] });
      const s = replaceGroup(open, IDS.albSg, { egress: [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] })] });
      const findings = analyze(s);
      assert.deepEqual(health(findings), [`error HEALTH_CHECK_PORT_BLOCKED:${IDS.albArn}:8081`]);
      assert.deepEqual(findings[0].remedies, [{ kind: 'lbEgress', groupId: IDS.albSg, port: 8081, cidr: '10.0.0.0/16' }]);
      fixesCleanly(s);
    });
  });

  describe('HEALTH_CHECK_PROTOCOL_MISMATCH', () => {
    it('an HTTPS check of the plain HTTP traffic port never passes; the fix checks with HTTP', () => {
      const s = withCheck({ healthCheckProtocol: 'HTTPS' });
      const findings = analyze(s);
      assert.deepEqual(health(findings), [`error HEALTH_CHECK_PROTOCOL_MISMATCH:${TG}`]);
      assert.match(findings[0].evidence[0], /sends traffic to the tasks as HTTP on port 8080 but checks them with HTTPS on the same port: a TLS handshake with a plain HTTP server fails/);
      const plan = planFixes(findings, s);
      assert.deepEqual(plan.steps[0], { kind: 'modifyTargetGroupHealthCheck', targetGroupArn: TG, targetGroupName: 'demo-ecs-alb-target-group', healthCheckProtocol: 'HTTP' });
      fixesCleanly(s);
    });

    it('the same protocol both ways, TCP checks, another port, or a healthy target: no finding', () => {
      assert.deepEqual(health(analyze(withCheck({ protocol: 'HTTPS', healthCheckProtocol: 'HTTPS' }))), []);
      assert.deepEqual(health(analyze(withCheck({ protocol: 'TCP', healthCheckProtocol: 'HTTP' }))), []);
      assert.deepEqual(health(analyze(withPorts(withCheck({ healthCheckProtocol: 'HTTPS', healthCheckPort: '8443' }, replaceGroup(fixedTutorialSnapshot(), IDS.serviceSg, {
        ingress: [tcp(0, 65535, { cidrs: ['10.0.0.0/16'] })],
      })), 8080, 8443))), []);
      assert.deepEqual(health(analyze(withTargets(withCheck({ healthCheckProtocol: 'HTTPS' }), target('10.0.2.15', 'healthy')))), []);
    });
  });

  describe('HEALTH_CHECK_GRACE_PERIOD_SHORT', () => {
    const slow = (startPeriod: number, grace?: number) =>
      withLaunch(withContainer(fixedTutorialSnapshot(), { healthCheck: { command: ['CMD-SHELL', 'true'], startPeriod } }), grace === undefined ? {} : { healthCheckGracePeriodSeconds: grace });

    it('a container that may take longer to start than grace period + unhealthy threshold x interval gets a warning', () => {
      const findings = analyze(slow(120));
      assert.deepEqual(health(findings), [`warning HEALTH_CHECK_GRACE_PERIOD_SHORT:${TG}`]);
      assert.match(findings[0].evidence[0], /up to 120 s to start \(healthCheck\.startPeriod\), but the service's grace period is not set \(0 s\) and demo-ecs-alb-target-group marks a target unhealthy after 2 failed checks 30 s apart: ECS can stop a task after about 60 s/);
    });

    it('at the boundary (grace + 2 x 30 s equals the start period) and below it, nothing', () => {
      assert.deepEqual(health(analyze(slow(120, 60))), []);
      assert.deepEqual(health(analyze(slow(121, 60))).length, 1);
      assert.deepEqual(health(analyze(slow(60))), []);
    });

    it('is not judged for a service not made yet (a preflight has no grace period)', () => {
      const { service: _service, ...preflight } = slow(120);
      assert.deepEqual(health(analyze(preflight)), []);
    });
  });

  describe('target health (DescribeTargetHealth) as evidence', () => {
    const timeout = target('10.0.2.15', 'unhealthy', 'Target.Timeout', 'Request timed out');

    it('failing targets with no broken link: TARGETS_UNHEALTHY, the path is sound, the application must answer', () => {
      const s = withTargets(fixedTutorialSnapshot(), timeout, target('10.0.3.7', 'unhealthy', 'Target.ResponseCodeMismatch', 'Health checks failed with these codes: [404]'));
      const findings = analyze(s);
      assert.deepEqual(health(findings), [`error TARGETS_UNHEALTHY:${TG}`]);
      const e = findings[0].evidence;
      assert.equal(e[0], 'The load balancer reports 2 of 2 targets of demo-ecs-alb-target-group failing now: 10.0.2.15:8080 unhealthy (Target.Timeout: Request timed out); ' +
        '10.0.3.7:8080 unhealthy (Target.ResponseCodeMismatch: Health checks failed with these codes: [404]).');
      assert.match(e[1], /^Target\.Timeout means no answer within the timeout/);
      assert.match(e[2], /^Target\.ResponseCodeMismatch means the application answers, but not with the expected code/);
      assert.match(e[3], /^No link of the health check path is broken now/);
      assert.match(e[4], /^The application must answer HTTP GET \/ with 200 on port 8080 within 5 s/);
      assert.deepEqual(planFixes(findings, s).steps, [], 'the doctor cannot fix an application');
    });

    it('with a broken link, the reason codes go on that link and nothing else is reported', () => {
      const findings = analyze(withTargets(withCheck({ healthCheckPort: '8081' }), timeout));
      assert.deepEqual(health(findings), [`error HEALTH_CHECK_PORT_NOT_SERVED:${TG}:8081`]);
      assert.ok(findings[0].evidence.some((x) => x.includes('10.0.2.15:8080 unhealthy (Target.Timeout')));
      const blocked = replaceGroup(withTargets(fixedTutorialSnapshot(), timeout), IDS.serviceSg, { ingress: [] });
      const found = analyze(blocked);
      assert.ok(!found.some((f) => f.code === 'TARGETS_UNHEALTHY'));
      const sg = found.find((f) => f.code === 'SERVICE_SG_BLOCKS_LB');
      assert.ok(sg?.evidence.some((x) => x.includes('10.0.2.15:8080 unhealthy (Target.Timeout')), 'the reason codes on the wiring link too');
      assert.ok(!found.find((f) => f.code === 'ENDPOINT_SG_BLOCKS_443')?.evidence.some((x) => x.includes('Target.Timeout')), 'not on findings off the path');
    });

    it('initial, draining, unused or no targets say nothing', () => {
      for (const t of [target('10.0.2.15', 'initial', 'Elb.InitialHealthChecking'), target('10.0.2.15', 'draining', 'Target.DeregistrationInProgress'), target('10.0.2.15', 'unused', 'Target.NotRegistered')]) {
        assert.deepEqual(health(analyze(withTargets(fixedTutorialSnapshot(), t))), [], t.state);
      }
      assert.deepEqual(health(analyze(withTargets(fixedTutorialSnapshot()))), []);
    });

    it('an unread target health is a gap: COULD_NOT_CHECK, and the settings are still checked', () => {
      const s = withChanges(withCheck({ healthCheckPort: '8081' }), { gaps: [{ subject: 'targetHealth', resource: TG, reason: 'AccessDenied: elasticloadbalancing:DescribeTargetHealth' }] });
      const findings = analyze(s);
      const gap = findings.find((f) => f.code === 'COULD_NOT_CHECK');
      assert.equal(gap?.id, `COULD_NOT_CHECK:targetHealth:${TG}`);
      assert.match(gap?.evidence[0] ?? '', /Could not read the health of the registered targets \(.*\): AccessDenied: elasticloadbalancing:DescribeTargetHealth\. Not checked: the load balancer's own view/);
      assert.ok(findings.some((f) => f.code === 'HEALTH_CHECK_PORT_NOT_SERVED'));
    });
  });

  describe('a task stopped for failed ELB health checks', () => {
    const elbStop = (s: ServiceSnapshot) => withChanges(s, {
      stoppedTasks: [{ task: { arn: 'arn:aws:ecs:ap-northeast-2:123456789012:task/demo-ecs-cluster/3333', id: '3333' }, finding: classify({ stoppedReason: `Task failed ELB health checks in (target-group ${TG})` }) }],
    });

    it('is explained by the first broken link of the path, whatever order the rules found them in', () => {
      const s = elbStop(withLaunch(withContainer(withCheck({ healthCheckPort: '8081' }), { healthCheck: { startPeriod: 300 } }), {}));
      const [joined] = joinStoppedTasks(analyze(s), s);
      assert.equal(joined.explained, true);
      assert.deepEqual(joined.causes.map((c) => c.code), ['HEALTH_CHECK_PORT_NOT_SERVED', 'HEALTH_CHECK_GRACE_PERIOD_SHORT']);
      assert.match(joined.evidence[0], /^First broken link: The target group health checks a port the task does not serve: /);
      assert.deepEqual(joined.fix?.steps.map((x) => x.kind), ['modifyTargetGroupHealthCheck', 'forceNewDeployment']);
    });

    it('by the load balancer itself when only the application is left', () => {
      const s = elbStop(withTargets(fixedTutorialSnapshot(), target('10.0.2.15', 'unhealthy', 'Target.ResponseCodeMismatch', 'Health checks failed with these codes: [404]')));
      const [joined] = joinStoppedTasks(analyze(s), s);
      assert.equal(joined.explained, true);
      assert.match(joined.evidence[0], /^The load balancer reports the tasks unhealthy: The load balancer reports 1 of 1 target/);
      assert.equal(joined.fix, undefined);
    });

    it('does not claim a sound path when part of it was not read', () => {
      const s = elbStop(withChanges(fixedTutorialSnapshot(), { gaps: [{ subject: 'securityGroups', resource: 'vpc-0tutorial', reason: 'AccessDenied: ec2:DescribeSecurityGroups' }], securityGroups: undefined }));
      const [joined] = joinStoppedTasks(analyze(s), s);
      assert.ok(!joined.evidence.some((x) => x.startsWith('No link')), joined.evidence.join('\n'));
      assert.ok(joined.evidence.some((x) => x.startsWith('The current configuration shows no cause')));
    });
  });
});
