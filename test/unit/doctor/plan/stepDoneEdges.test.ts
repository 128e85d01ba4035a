// When a fix step counts as done, at the edges of what a snapshot holds: a part the collector
// could not read (no VPC, no groups, no load balancing, no ACLs) never makes a step done, and
// one matching resource among others is enough. The network ACL entry is done when the ACL lets
// that traffic through, whichever entry allows it.
import * as assert from 'node:assert/strict';
import { stepAlreadyDone } from '../../../../src/doctor/fixPlan';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { FixStep } from '../../../../src/doctor/types';
import { aclEntry, anInterfaceEndpoint, IDS, tutorialSnapshot, VPC_ID } from '../snapshotBuilder';

function done(step: FixStep, changes: Partial<ServiceSnapshot> = {}): boolean {
  return stepAlreadyDone(step, { ...tutorialSnapshot(), ...changes });
}

describe('doctor/fixPlan step done at the edges of the snapshot', () => {
  it('nothing read, nothing done: VPC attributes, group rules, health checks', () => {
    const { vpc: _vpc, ...noVpc } = tutorialSnapshot();
    for (const attribute of ['enableDnsSupport', 'enableDnsHostnames'] as const) {
      assert.equal(stepAlreadyDone({ kind: 'modifyVpcAttribute', vpcId: VPC_ID, attribute, value: true }, noVpc), false, attribute);
    }
    const ingress: FixStep = { kind: 'authorizeIngress', groupId: IDS.serviceSg, protocol: 'tcp', port: 8080, cidr: '10.0.0.0/16', description: 'd' };
    const egress: FixStep = { kind: 'authorizeEgress', groupId: IDS.serviceSg, protocol: 'tcp', port: 443, cidr: '0.0.0.0/0', description: 'd' };
    assert.deepEqual([done(ingress), done(egress)], [true, true]);
    assert.deepEqual([done(ingress, { securityGroups: undefined }), done(egress, { securityGroups: undefined })], [false, false]);
    const healthCheck: FixStep = { kind: 'modifyTargetGroupHealthCheck', targetGroupArn: IDS.targetGroupArn, targetGroupName: 'x' };
    assert.deepEqual([done(healthCheck), done(healthCheck, { loadBalancing: undefined })], [true, false]);
  });

  it('private DNS: the named endpoint has it on, whatever the other endpoints have', () => {
    const step: FixStep = { kind: 'enableEndpointPrivateDns', endpointId: 'vpce-0logs', serviceName: 'logs' };
    const others = [anInterfaceEndpoint('ecr.api', { privateDnsEnabled: false })];
    assert.equal(done(step, { endpoints: [...others, anInterfaceEndpoint('logs')] }), true);
    assert.equal(done(step, { endpoints: [anInterfaceEndpoint('logs', { privateDnsEnabled: false }), anInterfaceEndpoint('ecr.api')] }), false);
    assert.equal(done(step, { endpoints: undefined }), false);
  });

  describe('a network ACL entry', () => {
    const step = (fields: Partial<Extract<FixStep, { kind: 'createNetworkAclEntry' }>> = {}): FixStep => ({
      kind: 'createNetworkAclEntry', aclId: 'acl-0mine', ruleNumber: 90, egress: true, fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', ...fields,
    });
    const acl = (entries: ReturnType<typeof aclEntry>[], id = 'acl-0mine') => ({ networkAcls: [{ id, vpcId: VPC_ID, isDefault: false, subnetIds: [IDS.privateA], name: undefined, entries }] });

    it('is done when the ACL already lets that traffic out (or in), by whatever entry', () => {
      assert.equal(done(step(), acl([aclEntry(100, true, 'allow', '0.0.0.0/0'), aclEntry(32767, true, 'deny', '0.0.0.0/0')])), true);
      assert.equal(done(step(), acl([aclEntry(120, true, 'allow', '0.0.0.0/0', 'tcp', 400, 500), aclEntry(32767, true, 'deny', '0.0.0.0/0')])), true);
      assert.equal(done(step({ egress: false, fromPort: 1024, toPort: 65535 }), acl([aclEntry(100, false, 'allow', '0.0.0.0/0'), aclEntry(32767, false, 'deny', '0.0.0.0/0')])), true);
    });

    it('is not done when a lower entry denies it, only the other direction allows it, or the ports are partly covered', () => {
      assert.equal(done(step(), acl([aclEntry(50, true, 'deny', '0.0.0.0/0', 'tcp', 443, 443), aclEntry(100, true, 'allow', '0.0.0.0/0')])), false);
      assert.equal(done(step(), acl([aclEntry(100, false, 'allow', '0.0.0.0/0'), aclEntry(32767, true, 'deny', '0.0.0.0/0')])), false);
      assert.equal(done(step({ fromPort: 1024, toPort: 65535 }), acl([aclEntry(100, true, 'allow', '0.0.0.0/0', 'tcp', 1024, 2000), aclEntry(32767, true, 'deny', '0.0.0.0/0')])), false);
    });

    it('is not done when that ACL is not in the snapshot, even if another ACL allows it, or no ACLs were read', () => {
      assert.equal(done(step(), acl([aclEntry(100, true, 'allow', '0.0.0.0/0')], 'acl-0other')), false);
      assert.equal(done(step(), { networkAcls: undefined }), false);
      assert.equal(done(step(), { networkAcls: [] }), false);
    });
  });
});
