// The planned resources a preflight puts into the snapshot, field by field: the groups as EC2
// creates them (one TCP rule per planned ingress, all traffic out), the new internet-facing load
// balancer in its subnets' zones, the target group and its listener, and how they join what the
// snapshot already holds (the task's groups, the service's load balancers, the wirings).
import * as assert from 'node:assert/strict';
import { isPlannedId, plannedId, plannedRefOf, withPlannedResources, type PlannedResources } from '../../../../src/doctor/planned';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import { ALL_EGRESS, IDS, REGION, tutorialSnapshot, VPC_ID } from '../snapshotBuilder';

const LB: NonNullable<PlannedResources['loadBalancer']> = {
  name: 'demo-alb', subnetIds: [IDS.publicA, 'subnet-unknown'],
  securityGroup: { name: 'demo-alb-sg', ingress: [{ port: 80, cidr: '0.0.0.0/0' }] },
};
const TG = { name: 'demo-tg', port: 8080, healthCheckPath: '/health', listenerPort: 80 };

function group(s: ServiceSnapshot, id: string) {
  return (s.securityGroups ?? []).find((g) => g.id === id);
}

describe('doctor/planned resources', () => {
  it('names placeholders and tells them from real ids', () => {
    assert.equal(plannedId('listener'), 'planned:listener');
    assert.equal(plannedRefOf('planned:loadBalancer'), 'loadBalancer');
    assert.equal(plannedRefOf('planned:listener'), undefined);
    assert.equal(plannedRefOf(IDS.serviceSg), undefined);
    assert.equal(isPlannedId('planned:x'), true);
    assert.equal(isPlannedId('sg-planned:x'), false);
  });

  it('creates the planned groups as EC2 does: one TCP rule per ingress (CIDR or group), all traffic out', () => {
    const s = withPlannedResources(tutorialSnapshot(), {
      serviceSecurityGroup: { name: 'demo-tasks', ingress: [{ port: 8080, sourceGroupId: plannedId('loadBalancerSecurityGroup') }, { port: 9090, cidr: '10.0.0.0/16' }] },
      loadBalancer: LB,
    });
    assert.deepEqual(group(s, plannedId('serviceSecurityGroup')), {
      id: 'planned:serviceSecurityGroup', name: 'demo-tasks', vpcId: VPC_ID, description: 'tasks of the new service',
      ingress: [
        { protocol: 'tcp', fromPort: 8080, toPort: 8080, ipv6Cidrs: [], prefixListIds: [], cidrs: [], groupIds: ['planned:loadBalancerSecurityGroup'] },
        { protocol: 'tcp', fromPort: 9090, toPort: 9090, ipv6Cidrs: [], prefixListIds: [], cidrs: ['10.0.0.0/16'], groupIds: [] },
      ],
      egress: [ALL_EGRESS],
    });
    assert.deepEqual(group(s, plannedId('loadBalancerSecurityGroup')), {
      id: 'planned:loadBalancerSecurityGroup', name: 'demo-alb-sg', vpcId: VPC_ID, description: 'load balancer demo-alb',
      ingress: [{ protocol: 'tcp', fromPort: 80, toPort: 80, ipv6Cidrs: [], prefixListIds: [], cidrs: ['0.0.0.0/0'], groupIds: [] }],
      egress: [ALL_EGRESS],
    });
    // The planned groups come after the VPC's, load balancer's first; the task gains its new group once.
    assert.deepEqual(s.securityGroups?.slice(-2).map((g) => g.id), ['planned:loadBalancerSecurityGroup', 'planned:serviceSecurityGroup']);
    assert.deepEqual(s.launch.awsvpcConfiguration.securityGroups, [IDS.serviceSg, 'planned:serviceSecurityGroup']);
    const again = withPlannedResources(s, { serviceSecurityGroup: { name: 'demo-tasks', ingress: [] } });
    assert.deepEqual(again.launch.awsvpcConfiguration.securityGroups, [IDS.serviceSg, 'planned:serviceSecurityGroup']);
    assert.equal(again.securityGroups?.filter((g) => isPlannedId(g.id)).length, 1, 'a second preflight replaces the planned groups');
    assert.equal(group(again, plannedId('loadBalancerSecurityGroup')), undefined);
  });

  it('leaves the task groups alone without a planned task group', () => {
    const s = withPlannedResources(tutorialSnapshot(), { loadBalancer: LB });
    assert.deepEqual(s.launch.awsvpcConfiguration.securityGroups, [IDS.serviceSg]);
    assert.equal(group(s, plannedId('serviceSecurityGroup')), undefined);
  });

  it('wires a planned target group to a new internet-facing load balancer through an HTTP listener', () => {
    const base = tutorialSnapshot();
    const s = withPlannedResources({ ...base, launch: { ...base.launch, loadBalancers: [{ containerName: 'web', containerPort: 8080 }] } }, { loadBalancer: LB, targetGroup: TG });
    const wiring = s.loadBalancing?.find((w) => w.targetGroup.arn === plannedId('targetGroup'));
    const balancer = {
      arn: 'planned:loadBalancer', name: 'demo-alb', type: 'application', scheme: 'internet-facing', vpcId: VPC_ID, state: 'provisioning',
      stateReason: undefined, dnsName: '', securityGroupIds: ['planned:loadBalancerSecurityGroup'],
      availabilityZones: [{ subnetId: IDS.publicA, zoneName: `${REGION}a` }, { subnetId: 'subnet-unknown', zoneName: '' }],
      subnetIds: [IDS.publicA, 'subnet-unknown'], ipAddressType: 'ipv4',
    };
    assert.deepEqual(wiring, {
      targetGroup: {
        arn: 'planned:targetGroup', name: 'demo-tg', protocol: 'HTTP', port: 8080, targetType: 'ip', vpcId: VPC_ID,
        healthCheckEnabled: true, healthCheckProtocol: 'HTTP', healthCheckPath: '/health', healthCheckPort: 'traffic-port',
        healthCheckMatcher: '200', healthCheckIntervalSeconds: 30, healthCheckTimeoutSeconds: 5, healthyThresholdCount: 5, unhealthyThresholdCount: 2,
        loadBalancerArns: ['planned:loadBalancer'],
      },
      loadBalancers: [balancer],
      forwards: [{
        listener: { arn: 'planned:listener', loadBalancerArn: 'planned:loadBalancer', port: 80, protocol: 'HTTP', defaultActions: [{ type: 'forward', order: 1, targetGroupArns: ['planned:targetGroup'] }] },
        byDefaultAction: true, rules: [],
      }],
    });
    // The existing wiring stays, the planned one comes after it; the service's entry without a group gets the planned one.
    assert.deepEqual(s.loadBalancing?.map((w) => w.targetGroup.arn), [IDS.targetGroupArn, 'planned:targetGroup']);
    assert.deepEqual(s.launch.loadBalancers, [{ containerName: 'web', containerPort: 8080, targetGroupArn: 'planned:targetGroup' }]);
  });

  it('a target group without a listener port, or without a load balancer, is wired to nothing', () => {
    const { listenerPort: _port, ...noListener } = TG;
    for (const planned of [{ loadBalancer: LB, targetGroup: noListener }, { targetGroup: TG }] as PlannedResources[]) {
      const wiring = withPlannedResources(tutorialSnapshot(), planned).loadBalancing?.find((w) => w.targetGroup.arn === plannedId('targetGroup'));
      assert.deepEqual(wiring?.targetGroup.loadBalancerArns, []);
      assert.deepEqual(wiring?.loadBalancers, []);
      assert.deepEqual(wiring?.forwards, []);
    }
  });

  it('hangs a planned target group off an existing load balancer only when it was read; an unread one leaves the wiring unknown', () => {
    const base = tutorialSnapshot();
    const existing = base.loadBalancing![0].loadBalancers[0];
    const onExisting = { ...TG, targetType: 'instance', loadBalancerArn: IDS.albArn };
    const read = withPlannedResources({ ...base, loadBalancing: undefined }, { targetGroup: onExisting }, existing);
    assert.deepEqual(read.loadBalancing?.map((w) => [w.targetGroup.arn, w.targetGroup.targetType, w.loadBalancers.map((l) => l.arn)]), [['planned:targetGroup', 'instance', [IDS.albArn]]]);
    const unread = withPlannedResources({ ...base, loadBalancing: undefined }, { targetGroup: onExisting }, { ...existing, arn: 'arn:other' });
    assert.equal(unread.loadBalancing, undefined);
    const replanned = withPlannedResources(read, { targetGroup: { ...onExisting, name: 'demo-tg-2' } }, existing);
    assert.deepEqual(replanned.loadBalancing?.map((w) => w.targetGroup.name), ['demo-tg-2'], 'a second preflight replaces the planned wiring');
  });

  it('takes the VPC from the task subnets when the VPC was not read, and leaves unread parts unread', () => {
    const { vpc: _vpc, ...noVpc } = tutorialSnapshot();
    const s = withPlannedResources(noVpc, { serviceSecurityGroup: { name: 't', ingress: [] } });
    assert.equal(group(s, plannedId('serviceSecurityGroup'))?.vpcId, VPC_ID);
    const { vpc: _v, subnets: _s, securityGroups: _g, ...bare } = tutorialSnapshot();
    const b = withPlannedResources(bare, { serviceSecurityGroup: { name: 't', ingress: [] }, loadBalancer: LB, targetGroup: TG });
    assert.equal(b.securityGroups, undefined);
    assert.equal(b.loadBalancing?.at(-1)?.targetGroup.vpcId, '');
    assert.deepEqual(b.loadBalancing?.at(-1)?.loadBalancers[0].availabilityZones.map((z) => z.zoneName), ['', '']);
    const foreign = withPlannedResources({ ...noVpc, subnets: [] }, { serviceSecurityGroup: { name: 't', ingress: [] } });
    assert.equal(group(foreign, plannedId('serviceSecurityGroup'))?.vpcId, '', 'no task subnet read: no VPC');
    const { loadBalancers: _lbs, ...launch } = tutorialSnapshot().launch;
    assert.equal(withPlannedResources({ ...tutorialSnapshot(), launch }, { targetGroup: TG }).launch.loadBalancers?.length, 0);
  });
});
