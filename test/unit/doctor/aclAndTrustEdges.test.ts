// The rule number a new network ACL entry gets (below the first deny that covers the traffic,
// never past 32766, the final deny's 32767 never counted as a deny to go before) and the trust
// policy change (nothing when trusted, nothing possible behind a Deny, the statement added with
// the account condition otherwise) at their edges (mutation testing, docs/mutation.md).
import * as assert from 'node:assert/strict';
import { MAX_ACL_RULE_NUMBER, chooseAllowRuleNumber, firstDenyEntry } from '../../../src/doctor/naclRemedy';
import { ECS_TASKS_TRUST_SID, ecsTasksTrustChange, trustDeniesEcsTasks } from '../../../src/doctor/trustPolicy';
import type { NetworkAcl } from '../../../src/model/network';
import { aclEntry } from './snapshotBuilder';

function anAcl(entries: NetworkAcl['entries']): NetworkAcl {
  return { id: 'acl-1', vpcId: 'vpc-1', isDefault: false, subnetIds: [], entries, name: undefined };
}
const PEER = '10.0.1.0/24';

describe('ACL rule numbers and trust changes at their edges', () => {
  describe('firstDenyEntry', () => {
    it('finds the lowest deny that covers part of the ports for the peer, in the direction asked', () => {
      const acl = anAcl([
        aclEntry(200, true, 'deny', '0.0.0.0/0', 'tcp', 443, 443),
        aclEntry(150, true, 'deny', '10.0.1.128/25', 'tcp', 400, 443),
        aclEntry(100, false, 'deny', '0.0.0.0/0'),
        aclEntry(90, true, 'deny', '0.0.0.0/0', 'tcp', 444, 500),
        aclEntry(80, true, 'deny', '0.0.0.0/0', 'tcp', 1, 442),
        aclEntry(70, true, 'deny', '10.9.0.0/16', 'tcp', 443, 443),
        aclEntry(60, true, 'deny', '0.0.0.0/0', '17', 443, 443),
        aclEntry(50, true, 'allow', '0.0.0.0/0', 'tcp', 443, 443),
        aclEntry(32767, true, 'deny', '0.0.0.0/0'),
      ]);
      assert.equal(firstDenyEntry(acl, true, 443, 443, PEER), 150);
      assert.equal(firstDenyEntry(acl, true, 442, 443, PEER), 80, 'a deny ending at the first port counts');
      assert.equal(firstDenyEntry(acl, true, 443, 444, PEER), 90, 'a deny starting at the last port counts');
      assert.equal(firstDenyEntry(acl, false, 443, 443, PEER), 100);
      assert.equal(firstDenyEntry(anAcl([aclEntry(32767, true, 'deny', '0.0.0.0/0')]), true, 443, 443, PEER), undefined, 'the final deny (*) is not an entry to go before');
      assert.equal(firstDenyEntry(anAcl([{ ...aclEntry(10, true, 'deny', 'x'), cidr: undefined, ipv6Cidr: '::/0' }]), true, 443, 443, PEER), undefined);
    });
  });

  describe('chooseAllowRuleNumber', () => {
    it('goes right below the first covering deny, on the first free number', () => {
      const acl = anAcl([aclEntry(100, true, 'deny', '0.0.0.0/0', 'tcp', 443, 443), aclEntry(99, true, 'allow', '10.9.0.0/16'), aclEntry(98, false, 'allow', '0.0.0.0/0')]);
      assert.deepEqual(chooseAllowRuleNumber(acl, true, 443, 443, PEER), { ruleNumber: 98, beforeRule: 100 }, '99 is taken in this direction; 98 only in the other');
    });
    it('has no number when every number below the deny is taken', () => {
      const acl = anAcl([aclEntry(2, true, 'deny', '0.0.0.0/0'), aclEntry(1, true, 'allow', '10.9.0.0/16')]);
      assert.equal(chooseAllowRuleNumber(acl, true, 443, 443, PEER), undefined);
      assert.deepEqual(chooseAllowRuleNumber(anAcl([aclEntry(2, true, 'deny', '0.0.0.0/0')]), true, 443, 443, PEER), { ruleNumber: 1, beforeRule: 2 });
    });
    it('with only the final deny, takes the number after the highest entry, the final one not counted', () => {
      const acl = anAcl([aclEntry(100, true, 'allow', '10.9.0.0/16'), aclEntry(32767, true, 'deny', '0.0.0.0/0'), aclEntry(500, false, 'allow', '0.0.0.0/0')]);
      assert.deepEqual(chooseAllowRuleNumber(acl, true, 443, 443, PEER), { ruleNumber: 101 });
      assert.deepEqual(chooseAllowRuleNumber(anAcl([]), true, 443, 443, PEER), { ruleNumber: 1 });
    });
    it('past the highest allowed number, takes a free one below the highest entry', () => {
      const acl = anAcl([aclEntry(MAX_ACL_RULE_NUMBER, true, 'allow', '10.9.0.0/16'), aclEntry(MAX_ACL_RULE_NUMBER - 1, true, 'allow', '10.8.0.0/16')]);
      assert.deepEqual(chooseAllowRuleNumber(acl, true, 443, 443, PEER), { ruleNumber: MAX_ACL_RULE_NUMBER - 2 });
      assert.deepEqual(chooseAllowRuleNumber(anAcl([aclEntry(MAX_ACL_RULE_NUMBER - 1, true, 'allow', '10.9.0.0/16')]), true, 443, 443, PEER), { ruleNumber: MAX_ACL_RULE_NUMBER });
      assert.equal(MAX_ACL_RULE_NUMBER, 32766);
      assert.deepEqual(chooseAllowRuleNumber(anAcl([aclEntry(MAX_ACL_RULE_NUMBER, true, 'allow', '10.9.0.0/16')]), true, 443, 443, PEER), { ruleNumber: MAX_ACL_RULE_NUMBER - 1 }, '32766 is the highest entry: nothing above it');
    });
    it('takes rule 1 when it is the only free number, and none when even it is taken', () => {
      const from2 = Array.from({ length: MAX_ACL_RULE_NUMBER - 1 }, (_, i) => aclEntry(i + 2, true, 'allow', '10.9.0.0/16'));
      assert.deepEqual(chooseAllowRuleNumber(anAcl(from2), true, 443, 443, PEER), { ruleNumber: 1 });
      assert.equal(chooseAllowRuleNumber(anAcl([...from2, aclEntry(1, true, 'allow', '10.8.0.0/16')]), true, 443, 443, PEER), undefined);
    });
    it('goes before a deny numbered 32766, the highest an entry may have', () => {
      assert.deepEqual(chooseAllowRuleNumber(anAcl([aclEntry(MAX_ACL_RULE_NUMBER, true, 'deny', '0.0.0.0/0')]), true, 443, 443, PEER), { ruleNumber: MAX_ACL_RULE_NUMBER - 1, beforeRule: MAX_ACL_RULE_NUMBER });
    });
  });

  describe('the trust policy change', () => {
    const allow = { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' };
    it('is nothing for a role ECS tasks may assume, and nothing possible behind a Deny', () => {
      assert.deepEqual(ecsTasksTrustChange(JSON.stringify({ Statement: [allow] }), '123456789012'), { kind: 'trusted' });
      assert.deepEqual(ecsTasksTrustChange(JSON.stringify({ Statement: [{ ...allow, Effect: 'Deny' }] }), '123456789012'), { kind: 'denied' });
      assert.deepEqual(ecsTasksTrustChange('{not json', '123456789012'), { kind: 'unreadable' });
    });
    it('keeps the role\'s statements and adds ours, with the account condition when the account is known', () => {
      const other = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };
      const change = ecsTasksTrustChange(encodeURIComponent(JSON.stringify({ Statement: [other] })), '123456789012');
      assert.equal(change.kind, 'add');
      assert.deepEqual(change.kind === 'add' && JSON.parse(change.document), {
        Statement: [other, { Sid: ECS_TASKS_TRUST_SID, Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } }],
        Version: '2012-10-17',
      });
      const none = ecsTasksTrustChange(undefined, undefined);
      assert.deepEqual(none.kind === 'add' && JSON.parse(none.document), {
        Version: '2012-10-17',
        Statement: [{ Sid: ECS_TASKS_TRUST_SID, Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      });
      const versioned = ecsTasksTrustChange(JSON.stringify({ Version: '2008-10-17', Statement: [] }), undefined);
      assert.equal(versioned.kind === 'add' && JSON.parse(versioned.document).Version, '2008-10-17');
    });
    it('a Deny for another service or another action does not stop the fix', () => {
      assert.equal(trustDeniesEcsTasks({ Statement: [{ ...allow, Effect: 'Deny', Principal: { Service: 'ec2.amazonaws.com' } }] }), false);
      assert.equal(trustDeniesEcsTasks({ Statement: [{ ...allow, Effect: 'Deny', Action: 'sts:TagSession' }] }), false);
      assert.equal(trustDeniesEcsTasks({ Statement: [allow] }), false);
      assert.equal(trustDeniesEcsTasks({ Statement: [allow, { ...allow, Effect: 'Deny', Action: 'sts:*' }] }), true);
    });
  });
});
