// The service map's graph from snapshots built by hand (test/unit/doctor/snapshotBuilder.ts):
// the tutorial before and after its fix, a NAT world, a public-subnet world with and without the
// public IP, and a blocking network ACL. Each test reads the edges the findings of `examine`
// break, and the ones they leave green.
import * as assert from 'node:assert/strict';
import { examine } from '../../../../src/doctor/examine';
import { buildServiceMap } from '../../../../src/doctor/map/buildMap';
import type { MapEdge, ServiceMap } from '../../../../src/doctor/map/mapTypes';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import { TUTORIAL } from '../../../support/tutorialWorld';
import { applyToSnapshot } from '../applyToSnapshot';
import {
  aclEntry,
  aRoute,
  aRouteTable,
  fixedTutorialSnapshot,
  IDS,
  tutorialSnapshot,
  VPC_ID,
  withChanges,
  withNetwork,
} from '../snapshotBuilder';

function mapOf(s: ServiceSnapshot): ServiceMap {
  return buildServiceMap(s, examine(s, TUTORIAL.clusterName, TUTORIAL.serviceName).findings, TUTORIAL.clusterName);
}

function edge(map: ServiceMap, from: string, to: string): MapEdge {
  const found = map.edges.find((e) => e.from === from && e.to === to);
  assert.ok(found, `no edge ${from} -> ${to}; edges: ${map.edges.map((e) => e.id).join(', ')}`);
  return found;
}

/** `state from -> to [codes]` of every edge not ok, sorted: what a test pins. */
function notOk(map: ServiceMap): string[] {
  return map.edges.filter((e) => e.state !== 'ok').map((e) => `${e.state} ${e.from} -> ${e.to} [${e.codes.join(',')}]`).sort();
}

const TG = `tg:${IDS.targetGroupArn}`;
const LB = `lb:${IDS.albArn}`;
const PRIV_A = `tasks:${IDS.privateA}`;
const PRIV_C = `tasks:${IDS.privateC}`;

describe('service map: the graph', () => {
  it('the tutorial before the fix: every AWS service edge from each private subnet is red with its finding; the front is green', () => {
    const map = mapOf(tutorialSnapshot());
    assert.deepEqual(map.nodes.map((n) => n.id).sort(), [
      'aws:ecr.api', 'aws:ecr.dkr', 'aws:logs', 'aws:s3', 'internet', LB, 'out:none', PRIV_A, PRIV_C, TG,
    ].sort());
    const broken = [PRIV_A, PRIV_C].flatMap((t) => [
      `broken ${t} -> aws:ecr.api [ENDPOINT_MISSING,ENDPOINT_SG_BLOCKS_443]`,
      `broken ${t} -> aws:ecr.dkr [ENDPOINT_MISSING,ENDPOINT_SG_BLOCKS_443]`,
      `broken ${t} -> aws:logs [ENDPOINT_MISSING,ENDPOINT_SG_BLOCKS_443,LOG_GROUP_MISSING]`,
      `broken ${t} -> aws:s3 [S3_GATEWAY_ENDPOINT_MISSING]`,
    ]);
    assert.deepEqual(notOk(map), broken.sort());
    const ecr = edge(map, PRIV_A, 'aws:ecr.api');
    assert.deepEqual(ecr.findingIds, [`ENDPOINT_MISSING:${`com.amazonaws.${TUTORIAL.region}.ecr.api`}`, `ENDPOINT_SG_BLOCKS_443:${VPC_ID}`]);
    assert.match(ecr.label, /^ENDPOINT_MISSING: The interface endpoint com\.amazonaws\.[a-z0-9-]+\.ecr\.api is missing \(\+1 more\)$/);
    assert.equal(edge(map, 'internet', LB).state, 'ok');
    assert.match(edge(map, 'internet', LB).label, /^HTTP:80 · sg-0alb: TCP 80 from /);
    assert.equal(edge(map, TG, PRIV_A).label, `TCP ${TUTORIAL.containerPort} to ${TUTORIAL.containerName}`);
    const tasks = map.nodes.find((n) => n.id === PRIV_A);
    assert.deepEqual(tasks?.lines, [`${TUTORIAL.region}a · 10.0.2.0/24`, 'private subnet, no internet route', `security groups ${IDS.serviceSg}`]);
  });

  it('the tutorial after the fix: the tasks reach each service through its endpoint, every edge green', () => {
    const map = mapOf(fixedTutorialSnapshot());
    assert.deepEqual(notOk(map), []);
    for (const [ep, key] of [['vpce-0ecrapi', 'ecr.api'], ['vpce-0ecrdkr', 'ecr.dkr'], ['vpce-0logs', 'logs'], ['vpce-0s3', 's3']]) {
      edge(map, PRIV_A, `ep:${ep}`);
      edge(map, PRIV_C, `ep:${ep}`);
      assert.equal(edge(map, `ep:${ep}`, `aws:${key}`).state, 'ok');
    }
    assert.ok(!map.edges.some((e) => e.from.startsWith('tasks:') && e.to.startsWith('aws:')), 'no edge skips the endpoints');
    const ecrApi = map.nodes.find((n) => n.id === 'ep:vpce-0ecrapi');
    assert.deepEqual(ecrApi?.lines, ['vpce-0ecrapi', `${IDS.serviceSg}: TCP 443 from ${TUTORIAL.vpcCidr}`, 'private DNS on · available']);
  });

  it('the tutorial fixed by its own plan (applied to the snapshot) is green too', () => {
    const before = tutorialSnapshot();
    const after = applyToSnapshot(examine(before, TUTORIAL.clusterName, TUTORIAL.serviceName).plan, before);
    assert.deepEqual(notOk(mapOf(after)), []);
  });

  it('an endpoint whose group admits no 443 breaks the edge to it, naming the group', () => {
    const fixed = fixedTutorialSnapshot();
    const s = withChanges(fixed, { securityGroups: (fixed.securityGroups ?? []).map((g) => (g.id === IDS.serviceSg ? { ...g, ingress: g.ingress.filter((r) => r.fromPort !== 443) } : g)) });
    const e = edge(mapOf(s), PRIV_A, 'ep:vpce-0logs');
    assert.equal(e.state, 'broken');
    assert.deepEqual(e.codes, ['ENDPOINT_SG_BLOCKS_443']);
    assert.deepEqual(e.blockers, [IDS.serviceSg]);
    assert.match(mapOf(s).nodes.find((n) => n.id === 'ep:vpce-0logs')?.lines[1] ?? '', /nothing on TCP 443/);
  });

  it('a NAT world: the tasks leave by the NAT gateway, which reaches every service; no endpoint needed', () => {
    const s = withChanges(tutorialSnapshot(), {
      routeTables: [
        aRouteTable(IDS.mainTable, { main: true }),
        aRouteTable(IDS.publicTable, { subnetIds: [IDS.publicA, IDS.publicC], routes: [aRoute(TUTORIAL.vpcCidr, 'local'), aRoute('0.0.0.0/0', IDS.igw)] }),
        aRouteTable(IDS.privateTable, { subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute(TUTORIAL.vpcCidr, 'local'), aRoute('0.0.0.0/0', 'nat-0abc')] }),
      ],
      logGroups: [{ name: TUTORIAL.logGroupName, region: TUTORIAL.region, exists: true }],
    });
    const map = mapOf(s);
    assert.deepEqual(notOk(map), []);
    assert.equal(edge(map, PRIV_A, 'out:nat-0abc').label, `0.0.0.0/0 (${IDS.privateTable})`);
    for (const key of ['ecr.api', 'ecr.dkr', 's3', 'logs']) edge(map, 'out:nat-0abc', `aws:${key}`);
    assert.equal(map.nodes.find((n) => n.id === 'out:nat-0abc')?.kind, 'natGateway');
    assert.match(map.nodes.find((n) => n.id === PRIV_A)?.lines[1] ?? '', /^private subnet with NAT$/);
  });

  it('a NAT world whose log group is missing: the NAT path to CloudWatch Logs is red with LOG_GROUP_MISSING, the rest green', () => {
    const s = withChanges(tutorialSnapshot(), {
      routeTables: [aRouteTable(IDS.privateTable, { subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute(TUTORIAL.vpcCidr, 'local'), aRoute('0.0.0.0/0', 'nat-0abc')] })],
    });
    assert.deepEqual(notOk(mapOf(s)), ['broken out:nat-0abc -> aws:logs [LOG_GROUP_MISSING]']);
  });

  it('a public-subnet world without a public IP: the edge to the internet gateway is red (PUBLIC_SUBNET_NO_PUBLIC_IP); with the IP it is green', () => {
    const noIp = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA, IDS.publicC], assignPublicIp: 'DISABLED' });
    const map = mapOf(noIp);
    const toIgw = edge(map, `tasks:${IDS.publicA}`, `out:${IDS.igw}`);
    assert.equal(toIgw.state, 'broken');
    assert.ok(toIgw.codes.includes('PUBLIC_SUBNET_NO_PUBLIC_IP'), toIgw.codes.join());
    assert.equal(map.nodes.find((n) => n.id === `tasks:${IDS.publicA}`)?.lines[1], 'public subnet, no public IP');
    assert.ok(map.edges.filter((e) => e.from === `tasks:${IDS.publicA}` && e.to.startsWith('aws:')).every((e) => e.state === 'broken'));

    const withIp = withChanges(withNetwork(noIp, { assignPublicIp: 'ENABLED' }), { logGroups: [{ name: TUTORIAL.logGroupName, region: TUTORIAL.region, exists: true }] });
    const green = mapOf(withIp);
    assert.deepEqual(notOk(green), []);
    assert.equal(edge(green, `tasks:${IDS.publicA}`, `out:${IDS.igw}`).label, `0.0.0.0/0 (${IDS.publicTable}), public IP`);
    edge(green, `out:${IDS.igw}`, 'aws:ecr.dkr');
  });

  it('a blocking network ACL: the ACL is named on every edge out of the task subnets it drops', () => {
    const fixed = fixedTutorialSnapshot();
    const acl = {
      id: 'acl-0strict', vpcId: VPC_ID, isDefault: false, subnetIds: [IDS.privateA, IDS.privateC], name: undefined,
      entries: [
        aclEntry(100, true, 'allow', '0.0.0.0/0'),
        aclEntry(90, false, 'deny', '0.0.0.0/0', 'tcp', 1024, 65535),
        aclEntry(100, false, 'allow', '0.0.0.0/0'),
        aclEntry(32767, false, 'deny', '0.0.0.0/0'), aclEntry(32767, true, 'deny', '0.0.0.0/0'),
      ],
    };
    const s = withChanges(fixed, { networkAcls: [{ ...(fixed.networkAcls ?? [])[0], subnetIds: [IDS.publicA, IDS.publicC] }, acl] });
    const map = mapOf(s);
    const out = map.edges.filter((e) => e.from === PRIV_A && e.to.startsWith('ep:'));
    assert.equal(out.length, 4);
    for (const e of out) {
      assert.equal(e.state, 'broken', e.id);
      assert.deepEqual(e.codes, ['NACL_BLOCKS_REPLIES']);
      assert.deepEqual(e.blockers, ['acl-0strict']);
      assert.match(e.label, /^NACL_BLOCKS_REPLIES: Network ACL acl-0strict drops the replies/);
    }
    // The front does not pass that ACL's rules in the doctor's reading: it stays green.
    assert.equal(edge(map, TG, PRIV_A).state, 'ok');
    assert.equal(edge(map, 'ep:vpce-0logs', 'aws:logs').state, 'ok');
  });

  it('the load balancer side: a task group that does not admit the balancer breaks the target group edge and names the group', () => {
    const fixed = fixedTutorialSnapshot();
    const s = withChanges(fixed, { securityGroups: (fixed.securityGroups ?? []).map((g) => (g.id === IDS.serviceSg ? { ...g, ingress: g.ingress.filter((r) => r.fromPort === 443) } : g)) });
    const e = edge(mapOf(s), TG, PRIV_A);
    assert.equal(e.state, 'broken');
    assert.ok(e.codes.includes('SERVICE_SG_BLOCKS_LB'), e.codes.join());
    assert.deepEqual(e.blockers, [IDS.serviceSg]);
  });

  it('what was not read is grey with the reason, never green', () => {
    const s = withChanges(tutorialSnapshot(), { endpoints: undefined, gaps: [{ subject: 'endpoints', reason: 'AccessDenied: ec2:DescribeVpcEndpoints' }] });
    const e = edge(mapOf(s), PRIV_A, 'aws:ecr.api');
    assert.equal(e.state, 'unchecked');
    assert.equal(e.reason, 'the VPC endpoints were not read (AccessDenied: ec2:DescribeVpcEndpoints).');
    assert.deepEqual(e.findingIds, []);
    const noSgs = withChanges(fixedTutorialSnapshot(), { securityGroups: undefined, gaps: [{ subject: 'securityGroups', reason: 'throttled' }] });
    assert.equal(edge(mapOf(noSgs), 'internet', LB).state, 'unchecked');
  });
});
