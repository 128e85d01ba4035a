import * as assert from 'node:assert/strict';
import { normaliseProtocol, routeTargetKind, ruleAllowsTcpPort, type Route, type RouteTable } from '../../../src/model/network';
import { classifySubnet, routeTableForSubnet } from '../../../src/model/subnetKind';

// Builders: valid defaults, a test sets only what it is about.
const VPC = 'vpc-1';
const SUBNET = { id: 'subnet-a', vpcId: VPC };

function route(destination: string, target: string, state = 'active'): Route {
  const destinationKind = destination.startsWith('pl-') ? 'prefix-list' : destination.includes(':') ? 'ipv6' : 'ipv4';
  return { destination, destinationKind, target, targetKind: routeTargetKind(target), state };
}

const LOCAL = route('10.0.0.0/16', 'local');

function table(id: string, fields: Partial<RouteTable> = {}): RouteTable {
  return { id, vpcId: VPC, main: false, subnetIds: [], routes: [LOCAL], name: undefined, ...fields };
}

describe('routeTableForSubnet', () => {
  it('takes the explicitly associated table over the main table', () => {
    const main = table('rtb-main', { main: true });
    const own = table('rtb-own', { subnetIds: ['subnet-a'] });
    assert.equal(routeTableForSubnet('subnet-a', VPC, [main, own])?.id, 'rtb-own');
  });

  it("falls back to the VPC's main table when the subnet has no association", () => {
    const main = table('rtb-main', { main: true });
    const other = table('rtb-other', { subnetIds: ['subnet-b'] });
    assert.equal(routeTableForSubnet('subnet-a', VPC, [other, main])?.id, 'rtb-main');
  });

  it("never uses another VPC's main table", () => {
    const foreignMain = table('rtb-foreign', { main: true, vpcId: 'vpc-2' });
    assert.equal(routeTableForSubnet('subnet-a', VPC, [foreignMain]), undefined);
  });
});

describe('classifySubnet', () => {
  it('calls a subnet whose table routes 0.0.0.0/0 to an internet gateway public', () => {
    const own = table('rtb-pub', { subnetIds: ['subnet-a'], routes: [LOCAL, route('0.0.0.0/0', 'igw-0abc')] });
    const result = classifySubnet(SUBNET, [table('rtb-main', { main: true }), own]);
    assert.equal(result.kind, 'public');
    assert.equal(result.reason, 'routes 0.0.0.0/0 to igw-0abc (route table rtb-pub)');
    assert.equal(result.routeTableId, 'rtb-pub');
    assert.equal(result.viaMainTable, false);
    assert.equal(result.defaultRouteTarget, 'igw-0abc');
    assert.equal(result.defaultRouteTargetKind, 'internet-gateway');
  });

  it('calls a subnet on a main table that routes 0.0.0.0/0 to a NAT gateway private-nat, and says it is the main table', () => {
    const main = table('rtb-1', { main: true, routes: [LOCAL, route('0.0.0.0/0', 'nat-0abc')] });
    const result = classifySubnet(SUBNET, [main]);
    assert.equal(result.kind, 'private-nat');
    assert.equal(result.reason, 'routes 0.0.0.0/0 to nat-0abc (route table rtb-1, main)');
    assert.equal(result.viaMainTable, true);
    assert.equal(result.defaultRouteTarget, 'nat-0abc');
  });

  it('calls a subnet without a 0.0.0.0/0 route isolated', () => {
    const own = table('rtb-iso', { subnetIds: ['subnet-a'], routes: [LOCAL, route('pl-63a5400a', 'vpce-0s3')] });
    const result = classifySubnet(SUBNET, [own]);
    assert.equal(result.kind, 'isolated');
    assert.equal(result.reason, 'has no usable route for 0.0.0.0/0 (route table rtb-iso); it reaches only the VPC and its endpoints');
    assert.equal(result.defaultRouteTarget, undefined);
  });

  it('judges by the explicit table even when the main table would give internet', () => {
    const main = table('rtb-main', { main: true, routes: [LOCAL, route('0.0.0.0/0', 'igw-1')] });
    const own = table('rtb-iso', { subnetIds: ['subnet-a'] });
    assert.equal(classifySubnet(SUBNET, [main, own]).kind, 'isolated');
  });

  it('treats a subnet explicitly associated with the main table as explicit', () => {
    const main = table('rtb-main', { main: true, subnetIds: ['subnet-a'], routes: [LOCAL, route('0.0.0.0/0', 'igw-1')] });
    const result = classifySubnet(SUBNET, [main]);
    assert.equal(result.kind, 'public');
    assert.equal(result.viaMainTable, false);
    assert.equal(result.reason, 'routes 0.0.0.0/0 to igw-1 (route table rtb-main)');
  });

  it('does not count a blackhole default route, and says why', () => {
    const own = table('rtb-2', { subnetIds: ['subnet-a'], routes: [LOCAL, route('0.0.0.0/0', 'nat-0dead', 'blackhole')] });
    const result = classifySubnet(SUBNET, [own]);
    assert.equal(result.kind, 'isolated');
    assert.equal(
      result.reason,
      'has no usable route for 0.0.0.0/0 (route table rtb-2): its route to nat-0dead is a blackhole (the target no longer exists); it reaches only the VPC and its endpoints',
    );
    assert.equal(result.defaultRouteTarget, undefined);
  });

  it('does not count a blackhole internet gateway route either', () => {
    const main = table('rtb-1', { main: true, routes: [LOCAL, route('0.0.0.0/0', 'igw-gone', 'blackhole')] });
    assert.equal(classifySubnet(SUBNET, [main]).kind, 'isolated');
  });

  it('ignores routes narrower than 0.0.0.0/0, whatever their target', () => {
    const own = table('rtb-3', { subnetIds: ['subnet-a'], routes: [LOCAL, route('0.0.0.0/1', 'igw-1'), route('192.168.0.0/16', 'tgw-1')] });
    assert.equal(classifySubnet(SUBNET, [own]).kind, 'isolated');
  });

  const unknownTargets: Array<[string, string]> = [
    ['tgw-0abc', 'a transit gateway'],
    ['i-0abc', 'an instance'],
    ['eni-0abc', 'a network interface'],
    ['pcx-0abc', 'a VPC peering connection'],
    ['vgw-0abc', 'a virtual private gateway (VPN)'],
    ['vpce-0gwlb', 'a VPC endpoint (Gateway Load Balancer)'],
  ];
  for (const [target, words] of unknownTargets) {
    it(`reports 0.0.0.0/0 to ${target} as an unknown route, assumed reachable`, () => {
      const own = table('rtb-4', { subnetIds: ['subnet-a'], routes: [LOCAL, route('0.0.0.0/0', target)] });
      const result = classifySubnet(SUBNET, [own]);
      assert.equal(result.kind, 'unknown-route');
      assert.equal(
        result.reason,
        `routes 0.0.0.0/0 to ${target}, ${words} (route table rtb-4): whether that reaches the internet depends on what is behind it; assumed reachable`,
      );
      assert.equal(result.defaultRouteTarget, target);
    });
  }

  it('notes an IPv6 ::/0 route to an egress-only internet gateway without changing the IPv4 kind', () => {
    const own = table('rtb-5', {
      subnetIds: ['subnet-a'],
      routes: [LOCAL, route('0.0.0.0/0', 'nat-1'), route('::/0', 'eigw-0abc')],
    });
    const result = classifySubnet(SUBNET, [own]);
    assert.equal(result.kind, 'private-nat');
    assert.equal(result.ipv6DefaultRouteTarget, 'eigw-0abc');
    assert.equal(
      result.reason,
      'routes 0.0.0.0/0 to nat-1 (route table rtb-5); IPv6 ::/0 goes to eigw-0abc (egress-only internet gateway: outbound IPv6 only)',
    );
  });

  it('keeps an IPv4-isolated subnet isolated even with an IPv6 egress-only route', () => {
    const own = table('rtb-6', { subnetIds: ['subnet-a'], routes: [LOCAL, route('::/0', 'eigw-1')] });
    const result = classifySubnet(SUBNET, [own]);
    assert.equal(result.kind, 'isolated');
    assert.match(result.reason, /IPv6 ::\/0 goes to eigw-1/);
  });

  it('says so when no table serves the subnet, and assumes it reachable', () => {
    const result = classifySubnet(SUBNET, [table('rtb-x', { subnetIds: ['subnet-b'] })]);
    assert.equal(result.kind, 'unknown-route');
    assert.equal(result.routeTableId, undefined);
    assert.match(result.reason, /no route table found for subnet-a/);
  });
});

describe('network model helpers', () => {
  it('names route targets by their id prefix', () => {
    assert.equal(routeTargetKind('local'), 'local');
    assert.equal(routeTargetKind('igw-1'), 'internet-gateway');
    assert.equal(routeTargetKind('eigw-1'), 'egress-only-internet-gateway');
    assert.equal(routeTargetKind('nat-1'), 'nat-gateway');
    assert.equal(routeTargetKind('i-1'), 'instance');
    assert.equal(routeTargetKind('arn:aws:networkmanager::123456789012:core-network/core-network-1'), 'core-network');
    assert.equal(routeTargetKind(''), 'unknown');
  });

  it('normalises protocol numbers to the names security groups use', () => {
    assert.equal(normaliseProtocol('6'), 'tcp');
    assert.equal(normaliseProtocol('17'), 'udp');
    assert.equal(normaliseProtocol('-1'), '-1');
    assert.equal(normaliseProtocol('TCP'), 'tcp');
    assert.equal(normaliseProtocol(undefined), '-1');
    assert.equal(normaliseProtocol('50'), '50');
  });

  it('tells whether a rule lets a TCP port through', () => {
    assert.ok(ruleAllowsTcpPort({ protocol: 'tcp', fromPort: 443, toPort: 443 }, 443));
    assert.ok(ruleAllowsTcpPort({ protocol: '-1', fromPort: 0, toPort: 65535 }, 443));
    assert.ok(!ruleAllowsTcpPort({ protocol: 'tcp', fromPort: 80, toPort: 80 }, 443));
    assert.ok(!ruleAllowsTcpPort({ protocol: 'udp', fromPort: 0, toPort: 65535 }, 443));
  });
});
