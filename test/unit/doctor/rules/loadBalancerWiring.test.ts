// Section 4, the load balancer wiring rule (src/doctor/rules/loadBalancer.ts), called directly on
// a context built inside each test: each finding's resource, evidence text (singular and plural
// groups), remedies, and the guards that keep a rule quiet when its data is missing.
import * as assert from 'node:assert/strict';
import { buildContext } from '../../../../src/doctor/rules/context';
import type { Draft } from '../../../../src/doctor/rules/context';
import { balancerPeer, loadBalancing, taskPeer } from '../../../../src/doctor/rules/loadBalancer';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import { aGroup, ALL_EGRESS, aWiring, fixedTutorialSnapshot, IDS, replaceGroup, tcp, withChanges, withContainer, withLaunch, withNetwork } from '../snapshotBuilder';

const TG = IDS.targetGroupArn;
const TG_NAME = 'demo-ecs-alb-target-group';

function run(s: ServiceSnapshot): Draft[] {
  return loadBalancing(buildContext(s));
}

function only(s: ServiceSnapshot, code: string): Draft[] {
  return run(s).filter((d) => d.code === code);
}

function withService(s: ServiceSnapshot, lb: { containerName?: string; containerPort?: number; targetGroupArn?: string }): ServiceSnapshot {
  return withLaunch(s, { loadBalancers: [{ targetGroupArn: TG, ...lb }] });
}

describe('doctor/rules/loadBalancer wiring', () => {
  it('the fixed tutorial is sound; no target group (or none named) is nothing to check', () => {
    assert.deepEqual(run(fixedTutorialSnapshot()), []);
    assert.deepEqual(run(withLaunch(fixedTutorialSnapshot(), { loadBalancers: undefined })), []);
    assert.deepEqual(run(withLaunch(fixedTutorialSnapshot(), { loadBalancers: [{ containerName: 'demo-service-container', containerPort: 8080 }] })), []);
  });

  describe('CONTAINER_PORT_MISMATCH', () => {
    it('a container the task definition lacks: resource names it, evidence lists the containers', () => {
      const [d] = only(withService(fixedTutorialSnapshot(), { containerName: 'web', containerPort: 8080 }), 'CONTAINER_PORT_MISMATCH');
      assert.equal(d.resource, `${TG}:web`);
      assert.deepEqual(d.affects, ['ELB_HEALTH_CHECK_FAILED']);
      assert.deepEqual(d.remedies, []);
      assert.deepEqual(d.evidence, [`The service sends ${TG_NAME} traffic to container web, which task definition demo-ecs-task does not have (containers: demo-service-container).`]);
    });
    it('no container name at all', () => {
      const [d] = only(withService(fixedTutorialSnapshot(), { containerPort: 8080 }), 'CONTAINER_PORT_MISMATCH');
      assert.equal(d.resource, `${TG}:`);
      assert.match(d.evidence[0], /traffic to container \(none\), which/);
    });
    it('a port the container does not map, no port, or a container with no mappings', () => {
      const [d] = only(withService(fixedTutorialSnapshot(), { containerName: 'demo-service-container', containerPort: 9000 }), 'CONTAINER_PORT_MISMATCH');
      assert.equal(d.resource, `${TG}:demo-service-container`);
      assert.deepEqual(d.remedies, []);
      assert.deepEqual(d.evidence, [`The service sends ${TG_NAME} traffic to demo-service-container:9000, but demo-service-container maps only 8080.`]);
      const [none] = only(withService(fixedTutorialSnapshot(), { containerName: 'demo-service-container' }), 'CONTAINER_PORT_MISMATCH');
      assert.match(none.evidence[0], /to demo-service-container:\(none\), but/);
      const bare = withContainer(fixedTutorialSnapshot(), { portMappings: undefined });
      const [noPorts] = only(bare, 'CONTAINER_PORT_MISMATCH');
      assert.match(noPorts.evidence[0], /maps only no ports\.$/);
      const two = withContainer(fixedTutorialSnapshot(), { portMappings: [{ containerPort: 80 }, { containerPort: 443 }] });
      assert.match(only(two, 'CONTAINER_PORT_MISMATCH')[0].evidence[0], /maps only 80, 443\.$/);
    });
  });

  describe('the wiring of the target group', () => {
    it('not collected: one gap finding naming the target group, and nothing judged past it', () => {
      const drafts = run(withChanges(fixedTutorialSnapshot(), { loadBalancing: [] }));
      assert.deepEqual(drafts.map((d) => d.code), ['COULD_NOT_CHECK']);
      assert.match(drafts[0].evidence.join(' '), new RegExp(`The wiring of ${TG_NAME} was not collected`));
    });
    it('TARGET_GROUP_NOT_IP: the target type, and why it cannot be changed', () => {
      const [d] = only(withChanges(fixedTutorialSnapshot(), { loadBalancing: [aWiring({ targetGroup: { targetType: 'instance' } })] }), 'TARGET_GROUP_NOT_IP');
      assert.equal(d.resource, TG);
      assert.deepEqual(d.remedies, []);
      assert.deepEqual(d.evidence, [`Target group ${TG_NAME} has target type instance; Fargate (awsvpc) tasks register by IP, so it must be ip (a target group's type cannot change: create a new one).`]);
    });
    it('TARGET_GROUP_WRONG_VPC only when both VPCs are known and differ', () => {
      const other = withChanges(fixedTutorialSnapshot(), { loadBalancing: [aWiring({ targetGroup: { vpcId: 'vpc-0other' } })] });
      const [d] = only(other, 'TARGET_GROUP_WRONG_VPC');
      assert.equal(d.resource, TG);
      assert.deepEqual(d.remedies, []);
      assert.deepEqual(d.evidence, [`Target group ${TG_NAME} is in vpc-0other, the task subnets in vpc-0tutorial.`]);
      assert.deepEqual(only(withChanges(fixedTutorialSnapshot(), { loadBalancing: [aWiring({ targetGroup: { vpcId: undefined } })] }), 'TARGET_GROUP_WRONG_VPC'), []);
      const noTaskVpc = withChanges(other, { vpc: undefined, subnets: undefined });
      assert.deepEqual(only(noTaskVpc, 'TARGET_GROUP_WRONG_VPC'), []);
    });
    it('TARGET_GROUP_NO_LISTENER: attached to no load balancer, or no listener forwards to it', () => {
      const [none] = only(withChanges(fixedTutorialSnapshot(), { loadBalancing: [aWiring({ noLoadBalancer: true })] }), 'TARGET_GROUP_NO_LISTENER');
      assert.equal(none.resource, TG);
      assert.deepEqual(none.remedies, []);
      assert.deepEqual(none.evidence, [`Target group ${TG_NAME} is attached to no load balancer: no listener or rule forwards to it (CreateService rejects such a group).`]);
      const [noListener] = only(withChanges(fixedTutorialSnapshot(), { loadBalancing: [aWiring({ noListener: true })] }), 'TARGET_GROUP_NO_LISTENER');
      assert.deepEqual(noListener.evidence, [`No listener of public-ecs-service-alb forwards to target group ${TG_NAME}.`]);
    });
  });

  describe("SERVICE_SG_BLOCKS_LB: the task's groups admit the container port from the load balancer", () => {
    const closed = () => replaceGroup(fixedTutorialSnapshot(), IDS.serviceSg, { ingress: [tcp(443, 443, { cidrs: ['10.0.0.0/16'] })] });

    it("one group: singular text, the balancer's group and subnets, the group's rules; the fix opens it from the balancer's group", () => {
      const [d] = only(closed(), 'SERVICE_SG_BLOCKS_LB');
      assert.equal(d.resource, `${IDS.serviceSg}:8080`);
      assert.deepEqual(d.affects, ['ELB_HEALTH_CHECK_FAILED']);
      assert.deepEqual(d.evidence, [
        "The task's group sg-0service (demo-ecs-service-sg) does not allow TCP 8080 from public-ecs-service-alb (sg-0alb, 10.0.0.0/24, 10.0.1.0/24).",
        'sg-0service allows inbound TCP 443 from 10.0.0.0/16.',
      ]);
      assert.deepEqual(d.remedies, [{ kind: 'lbIngress', groupId: IDS.serviceSg, port: 8080, sourceGroupId: IDS.albSg }]);
    });

    it('two groups: plural text, one rules line per group', () => {
      const s = withChanges(withNetwork(closed(), { securityGroups: [IDS.serviceSg, IDS.defaultSg] }), {});
      const [d] = only(s, 'SERVICE_SG_BLOCKS_LB');
      assert.equal(d.evidence[0], "The task's groups sg-0service (demo-ecs-service-sg), sg-0default (default) do not allow TCP 8080 from public-ecs-service-alb (sg-0alb, 10.0.0.0/24, 10.0.1.0/24).");
      assert.deepEqual(d.evidence.slice(1), ['sg-0service allows inbound TCP 443 from 10.0.0.0/16.', 'sg-0default allows inbound all traffic from sg-0default.']);
    });

    it("a balancer without groups whose subnets were not read: judged from the VPC's CIDR, fixed from it", () => {
      const wiring = aWiring();
      const lb = { ...wiring.loadBalancers[0], securityGroupIds: [] };
      const s = withChanges(closed(), { loadBalancing: [{ ...wiring, loadBalancers: [lb] }], subnets: (closed().subnets ?? []).filter((x) => x.id !== IDS.publicA && x.id !== IDS.publicC) });
      const [d] = only(s, 'SERVICE_SG_BLOCKS_LB');
      assert.equal(d.evidence[0], "The task's group sg-0service (demo-ecs-service-sg) does not allow TCP 8080 from public-ecs-service-alb (no group or subnet known).");
      assert.deepEqual(d.remedies, [{ kind: 'lbIngress', groupId: IDS.serviceSg, port: 8080, cidr: '10.0.0.0/16' }]);
      const open = replaceGroup(s, IDS.serviceSg, { ingress: [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] })] });
      assert.deepEqual(only(open, 'SERVICE_SG_BLOCKS_LB'), [], "the VPC's CIDR stands in for the unread subnets");
    });

    it('not judged without the port, the groups, or a load balancer', () => {
      assert.deepEqual(only(withService(closed(), { containerName: 'demo-service-container' }), 'SERVICE_SG_BLOCKS_LB'), []);
      assert.deepEqual(only(withChanges(closed(), { securityGroups: undefined }), 'SERVICE_SG_BLOCKS_LB'), []);
      assert.deepEqual(only(withChanges(closed(), { loadBalancing: [aWiring({ noLoadBalancer: true })] }), 'SERVICE_SG_BLOCKS_LB'), []);
    });
  });

  describe("LB_SG_BLOCKS_TASKS: the balancer's groups let it send to the container port", () => {
    const narrowed = (s = fixedTutorialSnapshot()) => replaceGroup(s, IDS.albSg, { egress: [tcp(443, 443, { cidrs: ['0.0.0.0/0'] })] });

    it("one group: singular text naming the tasks' groups and subnets; the fix opens egress to the VPC", () => {
      const [d] = only(narrowed(), 'LB_SG_BLOCKS_TASKS');
      assert.equal(d.resource, `${IDS.albArn}:8080`);
      assert.deepEqual(d.affects, ['ELB_HEALTH_CHECK_FAILED']);
      assert.deepEqual(d.evidence, ["public-ecs-service-alb's group sg-0alb (public-ecs-service-alb-sg) allows no outbound TCP 8080 to the tasks (sg-0service, 10.0.2.0/24, 10.0.3.0/24): health checks and requests never reach them."]);
      assert.deepEqual(d.remedies, [{ kind: 'lbEgress', groupId: IDS.albSg, port: 8080, cidr: '10.0.0.0/16' }]);
    });

    it('two groups: plural text; any group allowing it is enough', () => {
      const extra = aGroup('sg-0extra', 'extra', [], [tcp(443, 443, { cidrs: ['0.0.0.0/0'] })]);
      const base = withChanges(narrowed(), { securityGroups: [...(narrowed().securityGroups ?? []), extra] });
      const wiring = aWiring();
      const two = withChanges(base, { loadBalancing: [{ ...wiring, loadBalancers: [{ ...wiring.loadBalancers[0], securityGroupIds: [IDS.albSg, 'sg-0extra'] }] }] });
      const [d] = only(two, 'LB_SG_BLOCKS_TASKS');
      assert.equal(d.evidence[0], "public-ecs-service-alb's groups sg-0alb (public-ecs-service-alb-sg), sg-0extra (extra) allow no outbound TCP 8080 to the tasks (sg-0service, 10.0.2.0/24, 10.0.3.0/24): health checks and requests never reach them.");
      const oneOpen = withChanges(two, { securityGroups: (two.securityGroups ?? []).map((g) => (g.id === 'sg-0extra' ? { ...g, egress: [ALL_EGRESS] } : g)) });
      assert.deepEqual(only(oneOpen, 'LB_SG_BLOCKS_TASKS'), []);
    });

    it('a group of the balancer not read, or a balancer without groups: nothing to judge', () => {
      const wiring = aWiring();
      const unread = withChanges(narrowed(), { loadBalancing: [{ ...wiring, loadBalancers: [{ ...wiring.loadBalancers[0], securityGroupIds: [IDS.albSg, 'sg-0unread'] }] }] });
      assert.deepEqual(only(unread, 'LB_SG_BLOCKS_TASKS'), []);
      const nlb = withChanges(narrowed(), { loadBalancing: [{ ...wiring, loadBalancers: [{ ...wiring.loadBalancers[0], securityGroupIds: [] }] }] });
      assert.deepEqual(only(nlb, 'LB_SG_BLOCKS_TASKS'), []);
    });

    it("without the VPC's CIDR there is no egress fix to offer", () => {
      const s = withChanges(narrowed(), { vpc: undefined });
      const [d] = only(s, 'LB_SG_BLOCKS_TASKS');
      assert.deepEqual(d.remedies, []);
    });
  });

  describe('balancerPeer and taskPeer', () => {
    it("the balancers' subnets' CIDRs, else the VPC's, else nothing", () => {
      const lb = aWiring().loadBalancers[0];
      const full = balancerPeer(buildContext(fixedTutorialSnapshot()), [lb]);
      assert.deepEqual(full, { peer: { groupIds: [IDS.albSg], cidrs: ['10.0.0.0/24', '10.0.1.0/24'] }, groupIds: [IDS.albSg], cidrs: ['10.0.0.0/24', '10.0.1.0/24'] });
      const unknownSubnets = buildContext(withChanges(fixedTutorialSnapshot(), { subnets: [] }));
      assert.deepEqual(balancerPeer(unknownSubnets, [lb]).peer.cidrs, ['10.0.0.0/16']);
      assert.deepEqual(balancerPeer(unknownSubnets, [lb]).cidrs, []);
      const nothing = buildContext(withChanges(fixedTutorialSnapshot(), { subnets: undefined, vpc: undefined }));
      assert.deepEqual(balancerPeer(nothing, [lb]).peer.cidrs, []);
    });
    it("the task subnets' CIDRs, else the VPC's, else nothing", () => {
      const s = fixedTutorialSnapshot();
      const groups = (s.securityGroups ?? []).filter((g) => g.id === IDS.serviceSg);
      assert.deepEqual(taskPeer(buildContext(s), groups), { groupIds: [IDS.serviceSg], cidrs: ['10.0.2.0/24', '10.0.3.0/24'] });
      assert.deepEqual(taskPeer(buildContext(withChanges(s, { subnets: [] })), groups).cidrs, ['10.0.0.0/16']);
      assert.deepEqual(taskPeer(buildContext(withChanges(s, { subnets: [], vpc: undefined })), groups).cidrs, []);
    });
  });
});
