// The alternatives pass on its own (pathRemedies with findings and an analysis given by the test):
// which snapshot it analyses again (the NAT route it pretends, the public IP), which findings it
// groups under one cause and which it leaves alone, the words of the endpoints alternative for
// each mix of remedies, where the NAT gateway goes, and the mixed-subnet case. The findings are
// small and made in each test; the rules' own findings are pinned in pathRemedies.test.ts.
import * as assert from 'node:assert/strict';
import { natSubnetFor, pathRemedies, type RuleAnalysis } from '../../../src/doctor/pathRemedies';
import { endpointsCost } from '../../../src/doctor/remedyCosts';
import { buildContext } from '../../../src/doctor/rules/context';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import type { AnalyzerFinding, Remedy, RemedyAlternative } from '../../../src/doctor/types';
import { aRoute, aRouteTable, aSubnet, IDS, REGION, svc, tutorialSnapshot, VPC_ID, withChanges, withNetwork } from './snapshotBuilder';

const LOGS = svc('logs');
const ECR_API = svc('ecr.api');
const ACL: Remedy = { kind: 'naclAllow', aclId: 'acl-1', egress: true, fromPort: 443, toPort: 443, cidr: '10.0.0.0/16', ruleNumber: 90 };
const PRIVATELY = ': the task subnets reach AWS services privately and stay without an internet route.';

function aFinding(id: string, remedies: Remedy[], code: AnalyzerFinding['code'] = 'ENDPOINT_MISSING'): AnalyzerFinding {
  return { id, code, severity: 'error', title: id, resource: id, evidence: [`${id} evidence`], docsUrl: '', affects: [], remedies };
}

/** An analysis that finds only the findings whose ids are listed (what the path would not clear). */
function leaves(...ids: string[]): RuleAnalysis {
  return () => ids.map((id) => aFinding(id, []));
}

function alternative(f: AnalyzerFinding | undefined, name: string): RemedyAlternative {
  const a = f?.alternatives?.find((x) => x.name === name);
  assert.ok(a, `${f?.id} has no ${name}`);
  return a;
}

/** The tutorial's private subnets (isolated) in one zone, or both. */
function isolated(zones: 1 | 2 = 1): ServiceSnapshot {
  return withNetwork(tutorialSnapshot(), { subnets: zones === 1 ? [IDS.privateA] : [IDS.privateA, IDS.privateC] });
}

describe('doctor/pathRemedies: the pass, finding by finding', () => {
  it('no subnet without a path: the findings come back as they are', () => {
    const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA], assignPublicIp: 'ENABLED' });
    const findings = [aFinding('PUBLIC_SUBNET_NO_PUBLIC_IP:x', [{ kind: 'assignPublicIp' }], 'PUBLIC_SUBNET_NO_PUBLIC_IP')];
    assert.equal(pathRemedies(findings, buildContext(s), leaves()), findings);
  });

  it('the NAT case analyses the snapshot with one active 0.0.0.0/0 route to a NAT on each task table, dead routes replaced, other tables kept', () => {
    const s0 = isolated();
    const s = withChanges(s0, {
      routeTables: (s0.routeTables ?? []).map((t) => (t.id === IDS.privateTable
        ? aRouteTable(IDS.privateTable, { subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute('10.0.0.0/16', 'local'), aRoute('0.0.0.0/0', 'nat-0gone', 'blackhole'), aRoute('pl-0s3', 'vpce-0s3')] })
        : t)),
    });
    const seen: ServiceSnapshot[] = [];
    pathRemedies([aFinding('a', [{ kind: 'interfaceEndpoint', serviceName: LOGS }])], buildContext(s), (snapshot) => {
      seen.push(snapshot);
      return [];
    });
    assert.equal(seen.length, 1);
    const tables = seen[0]!.routeTables ?? [];
    assert.deepEqual(tables.find((t) => t.id === IDS.privateTable)?.routes, [
      aRoute('10.0.0.0/16', 'local'), aRoute('pl-0s3', 'vpce-0s3'),
      { destination: '0.0.0.0/0', destinationKind: 'ipv4', target: 'nat-planned', targetKind: 'nat-gateway', state: 'active' },
    ]);
    assert.deepEqual(tables.filter((t) => t.id !== IDS.privateTable), (s.routeTables ?? []).filter((t) => t.id !== IDS.privateTable));
  });

  it('the public case analyses the snapshot with the public IP on', () => {
    const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA], assignPublicIp: 'DISABLED' });
    const seen: string[] = [];
    pathRemedies([aFinding('P', [{ kind: 'assignPublicIp' }], 'PUBLIC_SUBNET_NO_PUBLIC_IP')], buildContext(s), (snapshot) => {
      seen.push(snapshot.launch.awsvpcConfiguration.assignPublicIp);
      return [];
    });
    assert.deepEqual(seen, ['ENABLED']);
  });

  it('the group: findings the NAT route clears that have a remedy, or name an unreachable registry; not those of a network ACL alone', () => {
    const findings = [
      aFinding('endpoint', [{ kind: 'interfaceEndpoint', serviceName: LOGS }]),
      aFinding('stays', [{ kind: 'interfaceEndpoint', serviceName: ECR_API }]),
      aFinding('no-remedy', []),
      aFinding('registry', [], 'REGISTRY_UNREACHABLE'),
      aFinding('acl', [ACL]),
      aFinding('acl-and-endpoint', [ACL, { kind: 'interfaceEndpoint', serviceName: LOGS }]),
    ];
    const out = pathRemedies(findings, buildContext(isolated()), leaves('stays'));
    assert.deepEqual(out.filter((f) => f.alternatives).map((f) => f.id), ['endpoint', 'registry', 'acl-and-endpoint']);
    assert.equal(out[1], findings[1]);
  });

  it('a group of which no finding has an endpoint remedy: the NAT gateway alone, preselected, as every finding\'s remedy', () => {
    const out = pathRemedies([aFinding('registry', [], 'REGISTRY_UNREACHABLE')], buildContext(isolated()), leaves());
    const nat = [{ kind: 'natGateway', subnetId: IDS.publicA, availabilityZone: `${REGION}a`, routeTableIds: [IDS.privateTable] }];
    assert.deepEqual(out[0]?.alternatives?.map((a) => [a.name, a.preselected]), [['natGateway', true]]);
    assert.deepEqual(out[0]?.remedies, nat);
  });

  it('nothing cleared by the NAT route: no finding changes', () => {
    const findings = [aFinding('a', [{ kind: 'interfaceEndpoint', serviceName: LOGS }])];
    assert.deepEqual(pathRemedies(findings, buildContext(isolated()), leaves('a')), findings);
  });

  it('the endpoints alternative holds each endpoint remedy of the group once, and only endpoint remedies', () => {
    const findings = [
      aFinding('a', [{ kind: 'interfaceEndpoint', serviceName: LOGS }, { kind: 'endpointSecurityGroup' }]),
      aFinding('b', [{ kind: 'interfaceEndpoint', serviceName: LOGS }, { kind: 'endpointSecurityGroup' }, { kind: 'logGroup', name: '/x', region: REGION }]),
    ];
    const out = pathRemedies(findings, buildContext(isolated()), leaves());
    assert.deepEqual(alternative(out[0], 'vpcEndpoints').remedies, [{ kind: 'interfaceEndpoint', serviceName: LOGS }, { kind: 'endpointSecurityGroup' }]);
    assert.deepEqual(out[1]?.remedies, findings[1]?.remedies, 'with the endpoints preselected each finding keeps its own remedies');
  });
});

describe('doctor/pathRemedies: what the endpoints alternative says for each mix', () => {
  function endpoints(remedies: Remedy[], s: ServiceSnapshot = isolated()): RemedyAlternative {
    return alternative(pathRemedies([aFinding('a', remedies)], buildContext(s), leaves())[0], 'vpcEndpoints');
  }
  const gateway = (...routeTableIds: string[]): Remedy => ({ kind: 'gatewayEndpoint', serviceName: svc('s3'), routeTableIds });

  it('one interface endpoint, in the task zones', () => {
    const a = endpoints([{ kind: 'interfaceEndpoint', serviceName: LOGS }], isolated(2));
    assert.equal(a.changes, `Create interface endpoint ${LOGS} in ${REGION}a, ${REGION}c${PRIVATELY}`);
    assert.equal(a.cost, endpointsCost(1, 2, false, REGION).text);
  });

  it('the S3 gateway alone, on one table or several (each named once)', () => {
    const one = endpoints([gateway(IDS.privateTable)]);
    assert.equal(one.changes, `Create the S3 gateway endpoint on route table ${IDS.privateTable}${PRIVATELY}`);
    assert.equal(one.cost, endpointsCost(0, 1, true, REGION).text);
    assert.equal(one.price, 'no charge');
    assert.equal(endpoints([gateway('rtb-1', 'rtb-2')]).changes, `Create the S3 gateway endpoint on route tables rtb-1, rtb-2${PRIVATELY}`);
    assert.equal(endpoints([gateway('rtb-1', 'rtb-2'), gateway('rtb-2')]).changes, `Create the S3 gateway endpoint on route tables rtb-1, rtb-2${PRIVATELY}`);
  });

  it('endpoints and a change to their group: "and let them accept HTTPS from the task"', () => {
    const a = endpoints([{ kind: 'interfaceEndpoint', serviceName: LOGS }, gateway(IDS.privateTable), { kind: 'endpointIngress', groupId: 'sg-1' }]);
    assert.equal(a.changes, `Create interface endpoint ${LOGS} in ${REGION}a and the S3 gateway endpoint on route table ${IDS.privateTable}, and let them accept HTTPS from the task${PRIVATELY}`);
  });

  it('only changes to existing endpoints: "Repair the existing endpoints"', () => {
    const a = endpoints([{ kind: 'privateDns', endpointId: 'vpce-1', serviceName: LOGS }, { kind: 'endpointIngress', groupId: 'sg-1' }]);
    assert.equal(a.changes, `Repair the existing endpoints${PRIVATELY}`);
    assert.equal(a.cost, endpointsCost(0, 1, false, REGION).text);
  });
});

describe('doctor/pathRemedies: where the NAT gateway goes', () => {
  it('a public subnet of the VPC in a zone of the task subnets, else the first public subnet; none in other VPCs', () => {
    const s = isolated();
    const pubOtherZone = aSubnet('subnet-0pubz', '10.0.9.0/24', 'c');
    const pubOtherVpc = aSubnet('subnet-0other', '10.1.0.0/24', 'a', { vpcId: 'vpc-0other' });
    const tables = (s.routeTables ?? []).map((t) => (t.id === 'rtb-0public' ? { ...t, subnetIds: [pubOtherVpc.id, pubOtherZone.id, IDS.publicA] } : t));
    const both = withChanges(s, { subnets: [pubOtherVpc, pubOtherZone, ...(s.subnets ?? [])], routeTables: tables });
    assert.equal(natSubnetFor(buildContext(both))?.id, IDS.publicA);
    const noneInZone = withChanges(both, { subnets: (both.subnets ?? []).filter((x) => x.id !== IDS.publicA && x.id !== IDS.publicC) });
    assert.equal(natSubnetFor(buildContext(noneInZone))?.id, pubOtherZone.id);
    const otherVpcOnly = withChanges(both, { subnets: (both.subnets ?? []).filter((x) => x.vpcId !== VPC_ID || x.id.startsWith('subnet-0priv')) });
    assert.equal(natSubnetFor(buildContext(otherVpcOnly)), undefined);
  });

  it('the NAT gateway on two task tables says "route tables"', () => {
    const s0 = isolated(2);
    const s = withChanges(s0, {
      routeTables: [
        ...(s0.routeTables ?? []).map((t) => (t.id === IDS.privateTable ? { ...t, subnetIds: [IDS.privateA] } : t)),
        aRouteTable('rtb-0private2', { subnetIds: [IDS.privateC] }),
      ],
    });
    const nat = alternative(pathRemedies([aFinding('a', [{ kind: 'interfaceEndpoint', serviceName: LOGS }])], buildContext(s), leaves())[0], 'natGateway');
    assert.match(nat.changes, /and route 0\.0\.0\.0\/0 of route tables rtb-0private, rtb-0private2 to it: /);
    assert.deepEqual(nat.remedies, [{ kind: 'natGateway', subnetId: IDS.publicA, availabilityZone: `${REGION}a`, routeTableIds: [IDS.privateTable, 'rtb-0private2'] }]);
  });
});

describe('doctor/pathRemedies: the public and mixed cases', () => {
  it('the public IP carrier is found wherever it is in the list; nothing folded: no "clears", no extra evidence, no endpoints alternative', () => {
    const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA], assignPublicIp: 'DISABLED' });
    const other = aFinding('LOG_GROUP_MISSING:/x', [{ kind: 'logGroup', name: '/x', region: REGION }], 'LOG_GROUP_MISSING');
    const carrier = aFinding('P', [{ kind: 'assignPublicIp' }], 'PUBLIC_SUBNET_NO_PUBLIC_IP');
    const out = pathRemedies([other, carrier], buildContext(s), leaves(other.id, carrier.id));
    assert.equal(out[0], other);
    assert.deepEqual(out[1]?.evidence, ['P evidence']);
    assert.deepEqual(out[1]?.alternatives?.map((a) => [a.name, a.preselected, a.clears]), [['publicIp', true, undefined]]);
    assert.equal(alternative(out[1], 'publicIp').changes,
      'Update service demo-ecs-service to assignPublicIp ENABLED: each task gets a public IPv4 address and reaches AWS services through igw-0tutorial of its subnets. Nothing is created.');
  });

  it('the endpoints alternative of the public case takes only the endpoint remedies of what the public IP clears', () => {
    const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA], assignPublicIp: 'DISABLED' });
    const folded = aFinding('a', [{ kind: 'interfaceEndpoint', serviceName: LOGS }, { kind: 'logGroup', name: '/x', region: REGION }]);
    const carrier = aFinding('P', [{ kind: 'assignPublicIp' }], 'PUBLIC_SUBNET_NO_PUBLIC_IP');
    const [merged] = pathRemedies([carrier, folded], buildContext(s), leaves(carrier.id));
    assert.deepEqual(alternative(merged, 'vpcEndpoints').remedies, [{ kind: 'interfaceEndpoint', serviceName: LOGS }]);
    assert.deepEqual(alternative(merged, 'publicIp').clears, ['a']);
  });

  it('public subnets without a carrier finding: nothing changes', () => {
    const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA], assignPublicIp: 'DISABLED' });
    const findings = [aFinding('a', [{ kind: 'interfaceEndpoint', serviceName: LOGS }])];
    assert.equal(pathRemedies(findings, buildContext(s), leaves()), findings);
  });

  describe('mixed subnets: the public IP is dropped only when endpoints are planned', () => {
    const mixed = () => withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA, IDS.privateA], assignPublicIp: 'DISABLED' });
    const carrier = () => aFinding('P', [{ kind: 'assignPublicIp' }], 'PUBLIC_SUBNET_NO_PUBLIC_IP');
    const rows: Array<[string, Remedy[], boolean]> = [
      ['an interface endpoint', [{ kind: 'interfaceEndpoint', serviceName: LOGS }], true],
      ['the S3 gateway endpoint', [{ kind: 'gatewayEndpoint', serviceName: svc('s3'), routeTableIds: [IDS.privateTable] }], true],
      ['only a change to an endpoint group', [{ kind: 'endpointIngress', groupId: 'sg-1' }], false],
      ['no remedy', [], false],
    ];
    for (const [name, remedies, dropped] of rows) {
      it(`${name}: ${dropped ? 'dropped' : 'kept'}`, () => {
        const out = pathRemedies([aFinding('a', remedies), carrier()], buildContext(mixed()), leaves());
        assert.deepEqual(out[1]?.remedies, dropped ? [] : [{ kind: 'assignPublicIp' }]);
        assert.equal(out[1]?.evidence.length, dropped ? 2 : 1);
      });
    }

    it('no carrier: nothing changes', () => {
      const findings = [aFinding('a', [{ kind: 'interfaceEndpoint', serviceName: LOGS }])];
      assert.deepEqual(pathRemedies(findings, buildContext(mixed()), leaves()), findings);
    });
  });
});
