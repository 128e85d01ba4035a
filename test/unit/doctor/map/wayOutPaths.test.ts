// The service map's back half, from the tasks to their way out (backEnd.ts): the tasks' node per
// subnet (found, not found, not read; each subnet kind in words), the way out per kind (internet
// gateway with and without the public IP, NAT, none, a target the doctor cannot see past, no
// route table at all), which findings break the way out (the public IP, the task group's
// internet egress, the subnet's network ACL), and the registries only the internet serves.
import * as assert from 'node:assert/strict';
import { classifySubnet } from '../../../../src/model/subnetKind';
import { TUTORIAL } from '../../../support/tutorialWorld';
import {
  aRoute, aRouteTable, aSubnet, defaultAcl, fixedTutorialSnapshot, IDS, tutorialSnapshot, VPC_ID, withChanges, withContainer, withNetwork,
} from '../snapshotBuilder';
import { aFinding, edgeOf, idsOn, mapWith, nodeOf } from './mapFixtures';

const PRIV_A = `tasks:${IDS.privateA}`;
const PUB_A = `tasks:${IDS.publicA}`;
const IGW = `out:${IDS.igw}`;

function natWorld(target = 'nat-0abc') {
  return withChanges(fixedTutorialSnapshot(), {
    endpoints: [],
    routeTables: [aRouteTable(IDS.privateTable, { subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute(TUTORIAL.vpcCidr, 'local'), aRoute('0.0.0.0/0', target)] })],
  });
}

const publicWorld = (ip: 'ENABLED' | 'DISABLED') => withNetwork(withChanges(fixedTutorialSnapshot(), { endpoints: [] }), { subnets: [IDS.publicA], assignPublicIp: ip });

describe('service map: the ways out', () => {
  it('a task subnet the snapshot lacks: "not found" when the doctor says so, else "not read"; listed before the subnets it has', () => {
    const s = withNetwork(fixedTutorialSnapshot(), { subnets: ['subnet-gone', IDS.privateA, 'subnet-unread'], securityGroups: ['sg-1', 'sg-2'] });
    const map = mapWith(s, [aFinding('TASK_SUBNET_NOT_FOUND', 'subnet-gone'), aFinding('TASK_SUBNET_NOT_FOUND', 'subnet-other'), aFinding('COULD_NOT_CHECK', 'subnet-unread')]);
    const tasks = map.nodes.filter((n) => n.kind === 'tasks');
    assert.deepEqual(tasks, [
      { id: 'tasks:subnet-gone', kind: 'tasks', title: 'Tasks in subnet-gone', lines: ['subnet not found'] },
      { id: 'tasks:subnet-unread', kind: 'tasks', title: 'Tasks in subnet-unread', lines: ['subnet not read'] },
      { id: PRIV_A, kind: 'tasks', title: `Tasks in ${IDS.privateA}`, lines: [`${TUTORIAL.region}a · 10.0.2.0/24`, 'private subnet, no internet route', 'security groups sg-1, sg-2'] },
    ]);
    assert.equal(nodeOf(mapWith(withNetwork(s, { securityGroups: [] })), PRIV_A).lines[2], 'security groups none');
  });

  it('no internet route: the tasks point at "No internet route", labelled with their route table, and nothing passes it', () => {
    const map = mapWith(fixedTutorialSnapshot());
    assert.deepEqual(nodeOf(map, 'out:none'), { id: 'out:none', kind: 'noWayOut', title: 'No internet route', lines: ['AWS services only through VPC endpoints'] });
    const e = edgeOf(map, PRIV_A, 'out:none');
    assert.deepEqual([e.state, e.label], ['ok', `no 0.0.0.0/0 route (${IDS.privateTable})`]);
    assert.ok(!map.edges.some((x) => x.from === 'out:none'));
  });

  it('a NAT gateway: the way out, and the path to every service the tasks need', () => {
    const map = mapWith(natWorld());
    assert.deepEqual(nodeOf(map, 'out:nat-0abc'), { id: 'out:nat-0abc', kind: 'natGateway', title: 'NAT gateway nat-0abc', lines: ['way out'] });
    assert.equal(nodeOf(map, PRIV_A).lines[1], 'private subnet with NAT');
    assert.equal(edgeOf(map, PRIV_A, 'out:nat-0abc').label, `0.0.0.0/0 (${IDS.privateTable})`);
    for (const key of ['ecr.api', 'ecr.dkr', 's3', 'logs']) assert.deepEqual([edgeOf(map, 'out:nat-0abc', `aws:${key}`).label, edgeOf(map, 'out:nat-0abc', `aws:${key}`).state], ['HTTPS 443', 'ok']);
  });

  it('a public subnet with the public IP: the internet gateway, "public IP" on the label and the tasks\' node', () => {
    const map = mapWith(publicWorld('ENABLED'));
    assert.deepEqual(nodeOf(map, IGW), { id: IGW, kind: 'internetGateway', title: `Internet gateway ${IDS.igw}`, lines: ['way out'] });
    assert.equal(nodeOf(map, PUB_A).lines[1], 'public subnet, public IP');
    assert.equal(edgeOf(map, PUB_A, IGW).label, `0.0.0.0/0 (${IDS.publicTable}), public IP`);
    edgeOf(map, IGW, 'aws:ecr.api');
  });

  it('a public subnet without the public IP: no way out drawn unless the doctor says so; then the edge is broken by it', () => {
    const quiet = mapWith(publicWorld('DISABLED'));
    assert.equal(nodeOf(quiet, PUB_A).lines[1], 'public subnet, no public IP');
    assert.ok(!quiet.nodes.some((n) => n.id === IGW) && !quiet.edges.some((e) => e.to === IGW));
    const noIp = aFinding('PUBLIC_SUBNET_NO_PUBLIC_IP', IDS.publicA);
    const map = mapWith(publicWorld('DISABLED'), [noIp]);
    const e = edgeOf(map, PUB_A, IGW);
    assert.deepEqual([e.state, e.label, e.findingIds], ['broken', `PUBLIC_SUBNET_NO_PUBLIC_IP: PUBLIC_SUBNET_NO_PUBLIC_IP on ${IDS.publicA}`, [noIp.id]]);
    // With no IP the services are not reached through the gateway: each edge goes from the tasks, broken by the same finding.
    assert.ok(!map.edges.some((x) => x.from === IGW));
    assert.deepEqual(idsOn(map, PUB_A, 'aws:ecr.dkr'), [noIp.id]);
    // Nothing leaves that way, so the task group's internet egress and the subnet's ACL are not what breaks it.
    const more = mapWith(publicWorld('DISABLED'), [noIp, aFinding('TASK_SG_BLOCKS_443', IDS.serviceSg, { title: 'to the internet' }), aFinding('NACL_BLOCKS_443', IDS.defaultAcl)]);
    assert.deepEqual([edgeOf(more, PUB_A, IGW).findingIds, edgeOf(more, PUB_A, IGW).blockers], [[noIp.id], []]);
  });

  it('a target the doctor cannot see past: its own node, the edge unchecked with the classification\'s reason', () => {
    const s = natWorld('tgw-0abc');
    const map = mapWith(s);
    assert.deepEqual(nodeOf(map, 'out:tgw-0abc'), { id: 'out:tgw-0abc', kind: 'otherWayOut', title: 'Route target tgw-0abc', lines: ['the doctor cannot see past it'] });
    assert.equal(nodeOf(map, PRIV_A).lines[1], 'routes 0.0.0.0/0 to an unknown target');
    const reason = classifySubnet(aSubnet(IDS.privateA, '10.0.2.0/24', 'a'), s.routeTables ?? []).reason;
    const e = edgeOf(map, PRIV_A, 'out:tgw-0abc');
    assert.deepEqual([e.state, e.reason], ['unchecked', `${reason}.`]);
    edgeOf(map, 'out:tgw-0abc', 'aws:logs');
  });

  it('no route table serves the subnet: the way out unchecked, with why; route tables not read: no way out drawn, the services unchecked', () => {
    const none = mapWith(withChanges(fixedTutorialSnapshot(), { endpoints: [], routeTables: [] }));
    assert.equal(edgeOf(none, PRIV_A, 'out:').reason, `no route table found for ${IDS.privateA} (neither an explicit association nor the main table of ${VPC_ID} was read); assumed reachable.`);
    for (const [gaps, reason] of [
      [[], 'the route tables were not read.'],
      [[{ subject: 'endpoints', reason: 'no' }, { subject: 'routeTables', reason: 'throttled' }], 'the route tables were not read (throttled).'],
    ] as const) {
      const map = mapWith(withChanges(tutorialSnapshot(), { routeTables: undefined, gaps }));
      assert.ok(!map.nodes.some((n) => n.id.startsWith('out:')));
      assert.deepEqual([edgeOf(map, PRIV_A, 'aws:ecr.api').state, edgeOf(map, PRIV_A, 'aws:ecr.api').reason], ['unchecked', reason]);
    }
  });

  it('the way out is broken by the task group\'s internet egress and the subnet\'s network ACL, naming each; not by other findings', () => {
    const acl = { ...defaultAcl([IDS.privateA, IDS.privateC]), id: 'acl-0priv', isDefault: false };
    const s = withChanges(natWorld(), { networkAcls: [defaultAcl([IDS.publicA]), acl] });
    const egress = aFinding('TASK_SG_BLOCKS_443', IDS.serviceSg, { title: `Security group ${IDS.serviceSg} sends nothing on TCP 443 to the internet` });
    const toEndpoint = aFinding('TASK_SG_BLOCKS_443', 'sg-other', { title: 'sends nothing to vpce-1' });
    const on = [egress, aFinding('NACL_BLOCKS_443', 'acl-0priv'), aFinding('NACL_BLOCKS_REPLIES', 'acl-0priv', { id: 'r' })];
    const off = [
      toEndpoint, aFinding('NACL_BLOCKS_443', IDS.defaultAcl), aFinding('VPC_DNS_DISABLED', 'acl-0priv'), aFinding('PUBLIC_SUBNET_NO_PUBLIC_IP', IDS.publicA),
      aFinding('ENDPOINT_MISSING', 'sg-z', { title: 'nothing reaches the internet' }),
    ];
    const e = edgeOf(mapWith(s, [...on, ...off]), PRIV_A, 'out:nat-0abc');
    assert.deepEqual(e.findingIds, on.map((f) => f.id));
    assert.deepEqual(e.blockers, [IDS.serviceSg, 'acl-0priv']);
    // The VPC's default ACL serves a subnet no ACL names.
    const byDefault = withChanges(s, { networkAcls: [defaultAcl([])] });
    assert.deepEqual(edgeOf(mapWith(byDefault, [aFinding('NACL_BLOCKS_443', IDS.defaultAcl)]), PRIV_A, 'out:nat-0abc').blockers, [IDS.defaultAcl]);
    // Without network ACLs read, only the group.
    assert.deepEqual(edgeOf(mapWith(withChanges(s, { networkAcls: undefined }), [...on, ...off]), PRIV_A, 'out:nat-0abc').blockers, [IDS.serviceSg]);
  });

  it('a subnet with no way out: the ACL and the egress findings are not on its edge to "No internet route"', () => {
    const acl = { ...defaultAcl([IDS.privateA, IDS.privateC]), id: 'acl-0priv', isDefault: false };
    const s = withChanges(fixedTutorialSnapshot(), { networkAcls: [acl] });
    const egress = aFinding('TASK_SG_BLOCKS_443', IDS.serviceSg, { title: 'to the internet' });
    const e = edgeOf(mapWith(s, [egress, aFinding('NACL_BLOCKS_443', 'acl-0priv')]), PRIV_A, 'out:none');
    assert.deepEqual([e.state, e.blockers], ['ok', []]);
  });

  it('an image only the internet serves: its registry by host (Docker Hub when none), reached through the way out, or broken without one', () => {
    const images = ['nginx:latest', 'public.ecr.aws/nginx/nginx:1', 'localhost:5000/app', 'library/busybox'];
    const withImages = (s: ReturnType<typeof natWorld>) => ({ ...s, taskDefinition: { ...s.taskDefinition, containers: images.map((image, i) => ({ ...s.taskDefinition.containers[0], name: `c${i}`, image })) } });
    const nat = mapWith(withImages(natWorld()));
    assert.deepEqual(nat.nodes.filter((n) => n.kind === 'registry'), ['docker.io', 'public.ecr.aws', 'localhost:5000'].map((host) => ({ id: `registry:${host}`, kind: 'registry', title: `Registry ${host}`, lines: ['only the internet serves it'] })));
    assert.deepEqual([edgeOf(nat, 'out:nat-0abc', 'registry:docker.io').label, edgeOf(nat, 'out:nat-0abc', 'registry:docker.io').state], ['HTTPS 443', 'ok']);
    const findings = [aFinding('REGISTRY_UNREACHABLE', 'nginx:latest'), aFinding('PUBLIC_SUBNET_NO_PUBLIC_IP', 'x'), aFinding('ENDPOINT_MISSING', 'y')];
    const isolated = mapWith(withImages(fixedTutorialSnapshot()), findings);
    assert.deepEqual(idsOn(isolated, PRIV_A, 'registry:public.ecr.aws'), [findings[0].id, findings[1].id].sort());
    assert.equal(edgeOf(mapWith(withContainer(fixedTutorialSnapshot(), { image: 'nginx' })), PRIV_A, 'registry:docker.io').label, 'no way out');
    assert.ok(!isolated.edges.some((e) => e.from === 'out:none'));
  });
});
