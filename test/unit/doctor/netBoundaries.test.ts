// The network predicates at their edges: CIDRs that are not CIDRs, the first and last address of
// a block, ACL entries that start or end exactly at a port of the range, rule numbers that decide
// by order, and the Windows ephemeral ports (mutation testing, docs/mutation.md).
import * as assert from 'node:assert/strict';
import { aclAllowsTcp, cidrContains, cidrOverlaps, describeAclEntry, ephemeralRange, groupsAllowTcp, parseCidr } from '../../../src/doctor/netRules';
import type { NetworkAcl } from '../../../src/model/network';
import { aGroup, aclEntry, tcp } from './snapshotBuilder';

function anAcl(entries: NetworkAcl['entries']): NetworkAcl {
  return { id: 'acl-1', vpcId: 'vpc-1', isDefault: false, subnetIds: [], entries, name: undefined } as NetworkAcl;
}

describe('network predicates at their edges', () => {
  describe('parseCidr', () => {
    it('gives the first and last address of a block', () => {
      assert.deepEqual(parseCidr('10.0.2.0/24'), { start: 0x0a000200, end: 0x0a0002ff });
      assert.deepEqual(parseCidr('0.0.0.0/0'), { start: 0, end: 0xffffffff });
      assert.deepEqual(parseCidr('255.255.255.255/32'), { start: 0xffffffff, end: 0xffffffff });
      assert.deepEqual(parseCidr(' 10.0.2.77/24 '), { start: 0x0a000200, end: 0x0a0002ff }, 'host bits dropped, spaces trimmed');
      assert.deepEqual(parseCidr('10.0.0.1/31'), { start: 0x0a000000, end: 0x0a000001 });
    });
    const invalid = ['256.0.0.0/8', '10.0.0.256/32', '10.0.0.0/33', '10.0.0.0', '10.0.0/24', '2001:db8::/32', 'junk', '', '10.0.0.0/8x', 'x10.0.0.0/8', '1000.0.0.0/8'];
    for (const cidr of invalid) {
      it(`refuses ${JSON.stringify(cidr)}`, () => {
        assert.equal(parseCidr(cidr), undefined);
        assert.equal(cidrContains('0.0.0.0/0', cidr), false);
        assert.equal(cidrContains(cidr, '10.0.0.0/8'), false);
        assert.equal(cidrOverlaps(cidr, '0.0.0.0/0'), false);
        assert.equal(cidrOverlaps('0.0.0.0/0', cidr), false);
      });
    }
    it('accepts the limits: octet 255 and prefix 32', () => {
      assert.ok(parseCidr('255.0.0.0/8'));
      assert.ok(parseCidr('10.0.0.0/32'));
    });
  });

  describe('containment and overlap, address by address', () => {
    it('holds a block inside itself and inside a bigger one, not a bigger one inside it', () => {
      assert.equal(cidrContains('10.0.0.0/16', '10.0.0.0/16'), true);
      assert.equal(cidrContains('10.0.0.0/16', '10.0.255.0/24'), true);
      assert.equal(cidrContains('10.0.0.0/16', '10.1.0.0/24'), false);
      assert.equal(cidrContains('10.0.0.0/24', '10.0.0.0/16'), false);
      assert.equal(cidrContains('10.0.0.128/25', '10.0.0.0/24'), false, 'starts inside, ends past');
      assert.equal(cidrContains('10.0.0.0/25', '10.0.0.0/24'), false, 'starts at the start, ends past');
    });
    it('overlaps when one address is shared, not when the blocks only touch', () => {
      assert.equal(cidrOverlaps('10.0.0.0/25', '10.0.0.127/32'), true);
      assert.equal(cidrOverlaps('10.0.0.127/32', '10.0.0.0/25'), true);
      assert.equal(cidrOverlaps('10.0.0.0/25', '10.0.0.128/25'), false);
      assert.equal(cidrOverlaps('10.0.0.128/25', '10.0.0.0/25'), false);
    });
  });

  describe('security group rules by port', () => {
    const from = { cidrs: ['10.0.0.0/16'] };
    it('admits a port at either end of a rule\'s range and not one past it', () => {
      const g = [aGroup('sg-1', 'web', [tcp(8080, 8090, from)])];
      assert.equal(groupsAllowTcp(g, 'ingress', 8080, from), true);
      assert.equal(groupsAllowTcp(g, 'ingress', 8090, from), true);
      assert.equal(groupsAllowTcp(g, 'ingress', 8079, from), false);
      assert.equal(groupsAllowTcp(g, 'ingress', 8091, from), false);
    });
    it('needs every peer address covered, and a peer with neither groups nor addresses is not admitted', () => {
      const g = [aGroup('sg-1', 'web', [tcp(443, 443, from)], [])];
      assert.equal(groupsAllowTcp(g, 'ingress', 443, { cidrs: ['10.0.1.0/24', '10.1.0.0/24'] }), false);
      assert.equal(groupsAllowTcp(g, 'ingress', 443, {}), false);
      assert.equal(groupsAllowTcp(g, 'egress', 443, from), false, 'egress reads the egress rules');
    });
  });

  describe('network ACL evaluation', () => {
    const peer = '10.0.1.0/24';
    it('lets a range through when allow entries end and start exactly at its edges', () => {
      const acl = anAcl([aclEntry(100, false, 'allow', '0.0.0.0/0', 'tcp', 32768, 40000), aclEntry(110, false, 'allow', '0.0.0.0/0', 'tcp', 40001, 60999)]);
      assert.deepEqual(aclAllowsTcp(acl, false, 32768, 60999, peer), { allowed: true });
    });
    it('names the first port range left uncovered, one port wide or wider', () => {
      const oneShort = anAcl([aclEntry(100, false, 'allow', '0.0.0.0/0', 'tcp', 32768, 60998)]);
      assert.deepEqual(aclAllowsTcp(oneShort, false, 32768, 60999, peer), { allowed: false, blockedPorts: '60999' });
      const lateStart = anAcl([aclEntry(100, false, 'allow', '0.0.0.0/0', 'tcp', 32770, 60999)]);
      assert.deepEqual(aclAllowsTcp(lateStart, false, 32768, 60999, peer), { allowed: false, blockedPorts: '32768-32769' });
    });
    it('decides by rule number, not by list order, and a lower deny wins', () => {
      const deny = aclEntry(90, true, 'deny', '0.0.0.0/0', 'tcp', 443, 443);
      const allow = aclEntry(100, true, 'allow', '0.0.0.0/0');
      const verdict = aclAllowsTcp(anAcl([allow, deny]), true, 443, 443, peer);
      assert.deepEqual(verdict, { allowed: false, blockingEntry: deny, blockedPorts: '443' });
      const later = aclEntry(110, true, 'deny', '0.0.0.0/0', 'tcp', 443, 443);
      assert.deepEqual(aclAllowsTcp(anAcl([later, allow]), true, 443, 443, peer), { allowed: true });
    });
    it('counts a deny that covers part of the peer, but an allow only when it covers all of it', () => {
      const partDeny = aclEntry(90, true, 'deny', '10.0.1.0/25', 'tcp', 443, 443);
      assert.equal(aclAllowsTcp(anAcl([partDeny, aclEntry(100, true, 'allow', '0.0.0.0/0')]), true, 443, 443, peer).allowed, false);
      assert.equal(aclAllowsTcp(anAcl([aclEntry(100, true, 'allow', '10.0.1.0/25')]), true, 443, 443, peer).allowed, false);
    });
    it('reads one direction, TCP or all traffic only, and IPv4 entries only', () => {
      assert.equal(aclAllowsTcp(anAcl([aclEntry(100, false, 'allow', '0.0.0.0/0')]), true, 443, 443, peer).allowed, false);
      assert.equal(aclAllowsTcp(anAcl([aclEntry(100, true, 'allow', '0.0.0.0/0', '17', 0, 65535)]), true, 443, 443, peer).allowed, false);
      const v6 = { ...aclEntry(100, true, 'allow', '0.0.0.0/0'), cidr: undefined, ipv6Cidr: '::/0' };
      assert.equal(aclAllowsTcp(anAcl([v6]), true, 443, 443, peer).allowed, false);
    });
    it('describes an entry, the final one as * and the implicit deny in words', () => {
      assert.equal(describeAclEntry(aclEntry(90, true, 'deny', '0.0.0.0/0', 'tcp', 443, 443)), 'rule 90 (deny tcp 443 to 0.0.0.0/0)');
      assert.equal(describeAclEntry(aclEntry(100, false, 'allow', '10.0.0.0/16', 'tcp', 1024, 65535)), 'rule 100 (allow tcp 1024-65535 from 10.0.0.0/16)');
      assert.equal(describeAclEntry(aclEntry(32767, false, 'deny', '0.0.0.0/0')), 'rule * (deny all traffic from 0.0.0.0/0)');
      assert.equal(describeAclEntry({ ...aclEntry(5, false, 'deny', 'x'), cidr: undefined }), 'rule 5 (deny all traffic from ?)');
      assert.equal(describeAclEntry(undefined), 'the final deny rule (*), no earlier rule allowing it');
    });
  });

  describe('ephemeral ports', () => {
    it('Linux uses 32768-60999; every Windows family 49152-65535', () => {
      assert.deepEqual(ephemeralRange('LINUX'), { from: 32768, to: 60999 });
      assert.deepEqual(ephemeralRange(undefined), { from: 32768, to: 60999 });
      for (const os of ['WINDOWS_SERVER_2019_FULL', 'WINDOWS_SERVER_2022_CORE']) assert.deepEqual(ephemeralRange(os), { from: 49152, to: 65535 });
    });
  });
});
