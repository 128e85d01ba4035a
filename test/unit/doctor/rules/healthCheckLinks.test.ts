// The health check rules (src/doctor/rules/healthChecks.ts) called directly, each fixture built in
// its test: the exact texts of the blocked-port and grace-period findings (one group, several),
// which container's start period counts, and which broken links get the load balancer's reason codes.
import * as assert from 'node:assert/strict';
import { buildContext, type Draft } from '../../../../src/doctor/rules/context';
import { healthChecks } from '../../../../src/doctor/rules/healthChecks';
import { loadBalancing } from '../../../../src/doctor/rules/loadBalancer';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { TargetGroup, TargetHealth } from '../../../../src/model/network';
import { aGroup, aWiring, fixedTutorialSnapshot, IDS, replaceGroup, tcp, withChanges, withContainer, withLaunch, withNetwork } from '../snapshotBuilder';

const TG = IDS.targetGroupArn;
const TIMEOUT = 'The load balancer reports 1 of 1 target of demo-ecs-alb-target-group failing now: 10.0.2.15:8080 unhealthy (Target.Timeout).';
const SAID = [TIMEOUT, 'Target.Timeout means no answer within the timeout: nothing listens on the port, something drops the check, or the application is too slow.'];

function run(s: ServiceSnapshot, wiring?: Draft[]): Draft[] {
  const ctx = buildContext(s);
  return healthChecks(ctx, wiring ?? loadBalancing(ctx));
}

function withCheck(targetGroup: Partial<TargetGroup>, base = fixedTutorialSnapshot()): ServiceSnapshot {
  return withChanges(base, { loadBalancing: [aWiring({ targetGroup })] });
}

function failing(s: ServiceSnapshot): ServiceSnapshot {
  const t: TargetHealth = { id: '10.0.2.15', port: 8080, availabilityZone: 'ap-northeast-2a', state: 'unhealthy', reason: 'Target.Timeout', description: undefined };
  return withChanges(s, { targetHealth: [{ targetGroupArn: TG, targets: [t] }] });
}

/** Health check on 8081, which the container maps; the groups as the tutorial has them. */
function served8081(): ServiceSnapshot {
  return withContainer(withCheck({ healthCheckPort: '8081' }), { portMappings: [{ containerPort: 8080, protocol: 'tcp' }, { containerPort: 8081, protocol: 'tcp' }] });
}

function openIngress(s: ServiceSnapshot): ServiceSnapshot {
  return replaceGroup(s, IDS.serviceSg, { ingress: [tcp(8080, 8081, { cidrs: ['10.0.0.0/16'] })] });
}

describe('doctor/rules/healthChecks links', () => {
  describe('HEALTH_CHECK_PORT_BLOCKED texts', () => {
    it("ingress, two task groups: plural text with each group's rules", () => {
      const s = withNetwork(served8081(), { securityGroups: [IDS.serviceSg, IDS.defaultSg] });
      const [d] = run(s).filter((x) => x.code === 'HEALTH_CHECK_PORT_BLOCKED');
      assert.equal(d.resource, `${IDS.serviceSg}:8081`);
      assert.deepEqual(d.evidence, [
        "Target group demo-ecs-alb-target-group checks health on port 8081 (its traffic goes to 8080), and the task's groups sg-0service (demo-ecs-service-sg), sg-0default (default) " +
          'do not allow TCP 8081 from public-ecs-service-alb (sg-0alb, 10.0.0.0/24, 10.0.1.0/24): the checks are dropped.',
        'sg-0service allows inbound TCP 8080 from 10.0.0.0/16; TCP 443 from 10.0.0.0/16.',
        'sg-0default allows inbound all traffic from sg-0default.',
      ]);
    });

    it("ingress from a balancer without groups and unread subnets: 'no group or subnet known', fixed from the VPC's CIDR", () => {
      const w = aWiring({ targetGroup: { healthCheckPort: '8081' } });
      const s = withChanges(served8081(), { loadBalancing: [{ ...w, loadBalancers: [{ ...w.loadBalancers[0], securityGroupIds: [] }] }], subnets: (served8081().subnets ?? []).filter((x) => !x.id.startsWith('subnet-0pub')) });
      const [d] = run(s).filter((x) => x.code === 'HEALTH_CHECK_PORT_BLOCKED');
      assert.match(d.evidence[0], /from public-ecs-service-alb \(no group or subnet known\): the checks are dropped\.$/);
      assert.deepEqual(d.remedies, [{ kind: 'lbIngress', groupId: IDS.serviceSg, port: 8081, cidr: '10.0.0.0/16' }]);
    });

    it("egress, one balancer group: singular text naming the tasks' groups and subnets", () => {
      const s = replaceGroup(openIngress(served8081()), IDS.albSg, { egress: [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] })] });
      const [d] = run(s).filter((x) => x.code === 'HEALTH_CHECK_PORT_BLOCKED');
      assert.equal(d.resource, `${IDS.albArn}:8081`);
      assert.deepEqual(d.evidence, [
        "Target group demo-ecs-alb-target-group checks health on port 8081, and public-ecs-service-alb's group sg-0alb (public-ecs-service-alb-sg) allows no outbound TCP 8081 to the tasks " +
          '(sg-0service, 10.0.2.0/24, 10.0.3.0/24): the checks never leave the load balancer.',
      ]);
    });

    it('egress, two balancer groups: plural text; a group not read or no groups: not judged', () => {
      const narrow = [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] })];
      const base = openIngress(served8081());
      const s = withChanges(base, { securityGroups: [...(base.securityGroups ?? []).map((g) => (g.id === IDS.albSg ? { ...g, egress: narrow } : g)), aGroup('sg-0extra', 'extra', [], narrow)] });
      const w = aWiring({ targetGroup: { healthCheckPort: '8081' } });
      const lbWith = (ids: string[]) => withChanges(s, { loadBalancing: [{ ...w, loadBalancers: [{ ...w.loadBalancers[0], securityGroupIds: ids }] }] });
      const [d] = run(lbWith([IDS.albSg, 'sg-0extra'])).filter((x) => x.code === 'HEALTH_CHECK_PORT_BLOCKED');
      assert.match(d.evidence[0], /and public-ecs-service-alb's groups sg-0alb \(public-ecs-service-alb-sg\), sg-0extra \(extra\) allow no outbound TCP 8081 to the tasks /);
      assert.deepEqual(run(lbWith([IDS.albSg, 'sg-0unread'])).filter((x) => x.code === 'HEALTH_CHECK_PORT_BLOCKED'), []);
      assert.deepEqual(run(lbWith([])).filter((x) => x.code === 'HEALTH_CHECK_PORT_BLOCKED'), []);
    });

    it('not judged without task groups or a load balancer', () => {
      assert.deepEqual(run(withChanges(served8081(), { securityGroups: undefined })).filter((x) => x.code === 'HEALTH_CHECK_PORT_BLOCKED'), []);
      const noLb = withChanges(served8081(), { loadBalancing: [aWiring({ noLoadBalancer: true, targetGroup: { healthCheckPort: '8081' } })] });
      assert.deepEqual(run(noLb).filter((x) => x.code === 'HEALTH_CHECK_PORT_BLOCKED'), []);
    });
  });

  describe('HEALTH_CHECK_PORT_NOT_SERVED texts', () => {
    it('names the container serving the traffic port; with no mappings at all, no ports and no fix', () => {
      const [d] = run(withCheck({ healthCheckPort: '8081' })).filter((x) => x.code === 'HEALTH_CHECK_PORT_NOT_SERVED');
      assert.equal(d.evidence[1], 'demo-service-container serves 8080: checking the traffic port (traffic-port) reaches the application.');
      const bare = withContainer(withCheck({ healthCheckPort: '8081' }), { portMappings: undefined });
      const [none] = run(bare).filter((x) => x.code === 'HEALTH_CHECK_PORT_NOT_SERVED');
      assert.match(none.evidence[0], /\(they map no ports\): the check finds nothing listening and can never pass\.$/);
      assert.equal(none.evidence.length, 1);
      assert.deepEqual(none.remedies, []);
    });
  });

  describe('HEALTH_CHECK_GRACE_PERIOD_SHORT', () => {
    function starting(containers: { name: string; essential?: boolean; startPeriod?: number }[], grace: number | undefined): ServiceSnapshot {
      const s = withLaunch(fixedTutorialSnapshot(), { healthCheckGracePeriodSeconds: grace });
      const first = s.taskDefinition.containers[0];
      return withChanges(s, { taskDefinition: { ...s.taskDefinition, containers: containers.map((c) => ({
        ...first, name: c.name, essential: c.essential, portMappings: c.name === first.name ? first.portMappings : [],
        healthCheck: c.startPeriod === undefined ? undefined : { command: ['CMD', 'true'], startPeriod: c.startPeriod },
      })) } });
    }
    const grace = (s: ServiceSnapshot) => run(s).filter((x) => x.code === 'HEALTH_CHECK_GRACE_PERIOD_SHORT');

    it('the slowest essential container counts; the exact text with and without a grace period', () => {
      const s = starting([{ name: 'demo-service-container', startPeriod: 90 }, { name: 'slow', startPeriod: 200 }, { name: 'side', essential: false, startPeriod: 300 }], 20);
      const [d] = grace(s);
      assert.equal(d.resource, TG);
      assert.deepEqual(d.remedies, []);
      assert.deepEqual(d.evidence, [
        "Container slow declares it may take up to 200 s to start (healthCheck.startPeriod), but the service's grace period is 20 s and demo-ecs-alb-target-group marks a target unhealthy after " +
          '2 failed checks 30 s apart: ECS can stop a task after about 80 s, before it has started.',
        "Set the service's healthCheckGracePeriodSeconds to at least 200 (UpdateService), or make the application answer sooner.",
      ]);
      const unset = grace(starting([{ name: 'demo-service-container', startPeriod: 90 }], undefined));
      assert.match(unset[0].evidence[0], /grace period is not set \(0 s\) and .* about 60 s, before/);
    });

    it('a non-essential container, or no start period, is not judged', () => {
      assert.deepEqual(grace(starting([{ name: 'demo-service-container' }, { name: 'side', essential: false, startPeriod: 300 }], 0)), []);
      assert.deepEqual(grace(starting([{ name: 'demo-service-container', startPeriod: 0 }], 0)), []);
    });
  });

  describe("the load balancer's reason codes go on this target group's broken links", () => {
    it('a wiring draft on the target group, on its container, or a group blocking the traffic port gets them', () => {
      const s = failing(fixedTutorialSnapshot());
      const drafts: Draft[] = [
        { code: 'TARGET_GROUP_NO_LISTENER', resource: TG, affects: [], remedies: [], evidence: ['a'] },
        { code: 'CONTAINER_PORT_MISMATCH', resource: `${TG}:web`, affects: [], remedies: [], evidence: ['b'] },
        { code: 'SERVICE_SG_BLOCKS_LB', resource: `${IDS.serviceSg}:8080`, affects: [], remedies: [], evidence: ['c'] },
        { code: 'LB_SG_BLOCKS_TASKS', resource: `${IDS.albArn}:8080`, affects: [], remedies: [], evidence: ['d'] },
      ];
      const out = run(s, drafts);
      assert.deepEqual(out.map((d) => d.evidence), [['a', ...SAID], ['b', ...SAID], ['c', ...SAID], ['d', ...SAID]]);
    });

    it("another target group's drafts, a group blocking another port, or a warning off the path do not", () => {
      const s = failing(fixedTutorialSnapshot());
      const other = TG.replace('73e2d6bc24d8a067', '0000000000000000');
      const drafts: Draft[] = [
        { code: 'TARGET_GROUP_NO_LISTENER', resource: TG, affects: [], remedies: [], evidence: ['mine'] },
        { code: 'TARGET_GROUP_NO_LISTENER', resource: other, affects: [], remedies: [], evidence: ['other'] },
        { code: 'CONTAINER_PORT_MISMATCH', resource: `x${TG}:web`, affects: [], remedies: [], evidence: ['prefixed'] },
        { code: 'SERVICE_SG_BLOCKS_LB', resource: `${IDS.serviceSg}:9090`, affects: [], remedies: [], evidence: ['port'] },
        { code: 'ENI_LIMIT' as never, resource: `${IDS.serviceSg}:8080`, affects: [], remedies: [], evidence: ['code'] },
        { code: 'TARGET_GROUP_WRONG_VPC', resource: TG, severity: 'warning', affects: [], remedies: [], evidence: ['warning'] } as Draft,
      ];
      const out = run(s, drafts);
      assert.deepEqual(out.map((d) => d.evidence), [['mine', ...SAID], ['other'], ['prefixed'], ['port'], ['code'], ['warning']]);
    });

    it('only a warning on the path: no broken link, so TARGETS_UNHEALTHY', () => {
      const s = failing(fixedTutorialSnapshot());
      const out = run(s, [{ code: 'TARGET_GROUP_WRONG_VPC', resource: TG, severity: 'warning', affects: [], remedies: [], evidence: ['w'] } as Draft]);
      assert.deepEqual(out.map((d) => d.code), ['TARGET_GROUP_WRONG_VPC', 'TARGETS_UNHEALTHY']);
      assert.deepEqual(out[1].remedies, []);
      assert.deepEqual(out[0].evidence, ['w']);
    });

    it('a rule of its own (protocol) is the broken link: the reason codes go on it, no TARGETS_UNHEALTHY', () => {
      const s = failing(withCheck({ healthCheckProtocol: 'HTTPS' }));
      const out = run(s);
      assert.deepEqual(out.map((d) => d.code), ['HEALTH_CHECK_PROTOCOL_MISMATCH']);
      assert.deepEqual(out[0].evidence.slice(-2), SAID);
    });
  });
});
