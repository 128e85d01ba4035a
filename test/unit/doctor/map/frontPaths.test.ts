// The service map's front half (frontEnd.ts): a group's inbound rules on a port in words (each
// side of a rule's port range), the balancer, target group and their lines, the internet's edge
// (unchecked while the balancer's groups were not read), the listeners by balancer, and which
// findings break the target group's edge to the tasks and which groups they name.
import * as assert from 'node:assert/strict';
import { buildServiceMap } from '../../../../src/doctor/map/buildMap';
import { inboundOn } from '../../../../src/doctor/map/frontEnd';
import type { LoadBalancerWiring } from '../../../../src/model/network';
import { TUTORIAL } from '../../../support/tutorialWorld';
import { aGroup, aWiring, fixedTutorialSnapshot, IDS, tcp, withChanges, withLaunch } from '../snapshotBuilder';
import { aFinding, edgeOf, idsOn, mapWith, nodeOf } from './mapFixtures';

const TG = `tg:${IDS.targetGroupArn}`;
const LB = `lb:${IDS.albArn}`;
const TASKS = [`tasks:${IDS.privateA}`, `tasks:${IDS.privateC}`];
const LB2_ARN = IDS.albArn.replace('50dc6c495c0c9188', '0000000000000002');

describe('service map: the front', () => {
  it('the map\'s title: the service (or, for a preflight, the task definition family), then the cluster when given and the Region', () => {
    const s = fixedTutorialSnapshot();
    assert.equal(buildServiceMap(s, [], 'prod').title, `${TUTORIAL.serviceName} (prod, ${TUTORIAL.region})`);
    assert.equal(buildServiceMap(withChanges(s, { service: undefined }), []).title, `${TUTORIAL.taskFamily} (${TUTORIAL.region})`);
    assert.equal(buildServiceMap(s, [], '').title, `${TUTORIAL.serviceName} (${TUTORIAL.region})`);
  });

  it('a group\'s inbound rules on a port: both ends of a range count, one past either end does not; sources once each, in order', () => {
    const g = aGroup('sg-1', 'g', [
      tcp(80, 90, { cidrs: ['10.0.0.0/16'] }),
      tcp(91, 100, { groupIds: ['sg-a'] }),
      { ...tcp(60, 79, {}), ipv6Cidrs: ['::/0'] },
      tcp(95, 95, { cidrs: ['10.0.0.0/16'], prefixListIds: ['pl-1'] }),
      tcp(7, 7, {}),
    ]);
    assert.equal(inboundOn(g, 80), 'sg-1: TCP 80 from 10.0.0.0/16');
    assert.equal(inboundOn(g, 90), 'sg-1: TCP 90 from 10.0.0.0/16');
    assert.equal(inboundOn(g, 91), 'sg-1: TCP 91 from sg-a');
    assert.equal(inboundOn(g, 79), 'sg-1: TCP 79 from ::/0');
    assert.equal(inboundOn(g, 95), 'sg-1: TCP 95 from sg-a, 10.0.0.0/16, pl-1');
    assert.equal(inboundOn(g, 101), 'sg-1: nothing on TCP 101');
    assert.equal(inboundOn(g, 59), 'sg-1: nothing on TCP 59');
    assert.equal(inboundOn(g, 7), 'sg-1: TCP 7 from nowhere');
    const all = aGroup('sg-2', 'g', [{ ...tcp(-1, -1, { groupIds: ['sg-2'] }), protocol: '-1' }]);
    assert.equal(inboundOn(all, 443), 'sg-2: TCP 443 from sg-2');
  });

  it('the tutorial\'s front: the internet, the balancer, the target group first, in that order, each with its lines and labels', () => {
    const map = mapWith(fixedTutorialSnapshot());
    assert.deepEqual(map.nodes.slice(0, 3), [
      { id: 'internet', kind: 'internet', title: 'Internet', lines: ['clients'] },
      { id: LB, kind: 'loadBalancer', title: `Load balancer ${TUTORIAL.albName}`, lines: ['application · internet-facing', 'listeners HTTP:80', `security groups ${IDS.albSg}`] },
      { id: TG, kind: 'targetGroup', title: `Target group ${TUTORIAL.targetGroupName}`, lines: ['type ip · HTTP:8080', 'health check HTTP / on traffic-port', 'target health not read'] },
    ]);
    assert.equal(edgeOf(map, 'internet', LB).label, `HTTP:80 · ${IDS.albSg}: TCP 80 from ${TUTORIAL.authorCidr}`);
    assert.equal(edgeOf(map, LB, TG).label, 'HTTP:80 forward');
    for (const t of TASKS) assert.equal(edgeOf(map, TG, t).label, `TCP 8080 to ${TUTORIAL.containerName}`);
  });

  it('the target group\'s lines: what was not given is ?, a health check port of its own, the health of its targets by state', () => {
    const wiring = aWiring({ targetGroup: { protocol: undefined, port: undefined, healthCheckProtocol: undefined, healthCheckPath: undefined, healthCheckPort: '8081' } });
    const target = (state: string) => ({ id: `10.0.2.${state.length}`, port: 8080, availabilityZone: undefined, state, reason: undefined, description: undefined });
    const s = withChanges(fixedTutorialSnapshot(), {
      loadBalancing: [wiring],
      targetHealth: [
        { targetGroupArn: 'arn:other', targets: [] },
        { targetGroupArn: IDS.targetGroupArn, targets: [target('healthy'), target('unhealthy'), target('healthy')] },
      ],
    });
    assert.deepEqual(nodeOf(mapWith(s), TG).lines, ['type ip · ?:?', 'health check ? on 8081', 'targets: 2 healthy, 1 unhealthy']);
    const none = withChanges(s, { targetHealth: [{ targetGroupArn: IDS.targetGroupArn, targets: [] }], loadBalancing: [aWiring({ targetGroup: { healthCheckPort: undefined } })] });
    assert.deepEqual(nodeOf(mapWith(none), TG).lines.slice(1), ['health check HTTP / on traffic-port', 'no targets registered']);
  });

  it('an internal balancer: no internet node and no edge into it', () => {
    const wiring = aWiring();
    const s = withChanges(fixedTutorialSnapshot(), { loadBalancing: [{ ...wiring, loadBalancers: wiring.loadBalancers.map((l) => ({ ...l, scheme: 'internal' })) }] });
    const map = mapWith(s);
    assert.ok(!map.nodes.some((n) => n.id === 'internet'));
    assert.ok(!map.edges.some((e) => e.from === 'internet'));
    assert.deepEqual(nodeOf(map, LB).lines[0], 'application · internal');
  });

  it('no listener forwards to the target group: said on the balancer and the internet edge; the balancer\'s edge broken by that group\'s finding only', () => {
    const s = withChanges(fixedTutorialSnapshot(), { loadBalancing: [aWiring({ noListener: true })] });
    const map = mapWith(s, [aFinding('TARGET_GROUP_NO_LISTENER', IDS.targetGroupArn), aFinding('TARGET_GROUP_NO_LISTENER', 'arn:other-tg'), aFinding('TARGETS_UNHEALTHY', IDS.targetGroupArn)]);
    assert.equal(nodeOf(map, LB).lines[1], 'listeners none to this target group');
    assert.equal(edgeOf(map, 'internet', LB).label, 'no listener');
    const e = edgeOf(map, LB, TG);
    assert.equal(e.state, 'broken');
    assert.deepEqual(e.findingIds, [`TARGET_GROUP_NO_LISTENER:${IDS.targetGroupArn}`]);
    assert.equal(mapWith(s).edges.find((x) => x.id === `${LB}->${TG}`)?.label, 'forwards');
  });

  it('the balancer\'s groups: not read, or one of them missing, leaves the internet edge unchecked; a balancer without groups is checked', () => {
    const unread = mapWith(withChanges(fixedTutorialSnapshot(), { securityGroups: undefined }));
    const e = edgeOf(unread, 'internet', LB);
    assert.equal(e.state, 'unchecked');
    assert.equal(e.reason, `the load balancer's security groups ${IDS.albSg} were not read.`);
    const wiring = aWiring();
    const withGroups = (ids: string[]): LoadBalancerWiring => ({ ...wiring, loadBalancers: wiring.loadBalancers.map((l) => ({ ...l, securityGroupIds: ids })) });
    const oneMissing = mapWith(withChanges(fixedTutorialSnapshot(), { loadBalancing: [withGroups([IDS.albSg, 'sg-gone'])] }));
    assert.equal(edgeOf(oneMissing, 'internet', LB).reason, `the load balancer's security groups ${IDS.albSg}, sg-gone were not read.`);
    for (const s of [fixedTutorialSnapshot(), withChanges(fixedTutorialSnapshot(), { securityGroups: undefined })]) {
      const none = mapWith(withChanges(s, { loadBalancing: [withGroups([])] }));
      assert.equal(edgeOf(none, 'internet', LB).state, 'ok');
      assert.equal(edgeOf(none, 'internet', LB).label, 'HTTP:80');
      assert.equal(nodeOf(none, LB).lines[2], 'security groups none');
    }
  });

  it('two balancers on one target group: each with its own listeners and the rules of its groups on their ports; the internet drawn once', () => {
    const wiring = aWiring();
    const [lb1] = wiring.loadBalancers;
    const [fwd] = wiring.forwards;
    const lb2 = { ...lb1, arn: LB2_ARN, name: 'second', securityGroupIds: [IDS.serviceSg] };
    const s = withChanges(fixedTutorialSnapshot(), {
      loadBalancing: [{ ...wiring, loadBalancers: [lb1, lb2], forwards: [fwd, { ...fwd, listener: { ...fwd.listener, loadBalancerArn: LB2_ARN, port: 443, protocol: 'HTTPS' } }] }],
    });
    const map = mapWith(s);
    assert.deepEqual(map.nodes.slice(0, 4).map((n) => n.id), ['internet', LB, `lb:${LB2_ARN}`, TG]);
    assert.deepEqual(nodeOf(map, `lb:${LB2_ARN}`).lines[1], 'listeners HTTPS:443');
    assert.equal(edgeOf(map, 'internet', `lb:${LB2_ARN}`).label, `HTTPS:443 · ${IDS.serviceSg}: TCP 443 from ${TUTORIAL.vpcCidr}`);
    assert.equal(edgeOf(map, `lb:${LB2_ARN}`, TG).label, 'HTTPS:443 forward');
    assert.equal(edgeOf(map, LB, TG).label, 'HTTP:80 forward');
  });

  it('the target group not read: drawn by its ARN\'s name, every task edge unchecked with the gap\'s reason when there is one', () => {
    for (const [changes, reason] of [
      [{ loadBalancing: [] }, 'the load balancing was not read.'],
      [{ loadBalancing: undefined, gaps: [{ subject: 'targetHealth', reason: 'x' }, { subject: 'loadBalancing', reason: 'AccessDenied' }] }, 'the load balancing was not read (AccessDenied).'],
    ] as const) {
      const map = mapWith(withChanges(fixedTutorialSnapshot(), changes));
      assert.deepEqual(nodeOf(map, TG), { id: TG, kind: 'targetGroup', title: `Target group ${TUTORIAL.targetGroupName}`, lines: ['not read'] });
      for (const t of TASKS) assert.deepEqual([edgeOf(map, TG, t).state, edgeOf(map, TG, t).reason], ['unchecked', reason]);
      assert.ok(!map.nodes.some((n) => n.kind === 'loadBalancer' || n.kind === 'internet'));
    }
  });

  it('two target groups on one balancer, each read: both drawn with their own edges, the balancer once with all its listeners and groups', () => {
    const first = aWiring();
    const [lb] = first.loadBalancers;
    const [fwd] = first.forwards;
    const lbBoth = { ...lb, securityGroupIds: [IDS.albSg, IDS.serviceSg] };
    const tg2Arn = IDS.targetGroupArn.replace(TUTORIAL.targetGroupName, 'second-tg');
    const https = { ...fwd, listener: { ...fwd.listener, port: 443, protocol: 'HTTPS' } };
    const second: LoadBalancerWiring = { targetGroup: { ...first.targetGroup, arn: tg2Arn, name: 'second-tg', port: 9090 }, loadBalancers: [lbBoth], forwards: [fwd, https] };
    const s = withLaunch(withChanges(fixedTutorialSnapshot(), { loadBalancing: [second, { ...first, loadBalancers: [lbBoth], forwards: [fwd, https] }] }), {
      loadBalancers: [{ targetGroupArn: IDS.targetGroupArn, containerName: 'web', containerPort: 8080 }, { targetGroupArn: tg2Arn, containerName: 'admin', containerPort: 9090 }],
    });
    const map = mapWith(s);
    assert.deepEqual(map.nodes.slice(0, 4).map((n) => n.id), ['internet', LB, TG, `tg:${tg2Arn}`]);
    assert.deepEqual(nodeOf(map, LB).lines, ['application · internet-facing', 'listeners HTTP:80, HTTPS:443', `security groups ${IDS.albSg}, ${IDS.serviceSg}`]);
    assert.deepEqual(nodeOf(map, TG).lines[0], 'type ip · HTTP:8080');
    assert.deepEqual(nodeOf(map, `tg:${tg2Arn}`).lines[0], 'type ip · HTTP:9090');
    assert.equal(edgeOf(map, 'internet', LB).label,
      `HTTP:80, HTTPS:443 · ${IDS.albSg}: TCP 80 from ${TUTORIAL.authorCidr} · ${IDS.serviceSg}: nothing on TCP 80 · ${IDS.albSg}: nothing on TCP 443 · ${IDS.serviceSg}: TCP 443 from ${TUTORIAL.vpcCidr}`);
    assert.equal(edgeOf(map, LB, TG).label, 'HTTP:80, HTTPS:443 forward');
    assert.equal(edgeOf(map, `tg:${tg2Arn}`, TASKS[0]).label, 'TCP 9090 to admin');
    assert.equal(edgeOf(map, TG, TASKS[0]).label, 'TCP 8080 to web');
  });

  it('no load balancer on the service: no front at all; a target group ARN without a name is drawn by the whole ARN', () => {
    const none = mapWith(withLaunch(fixedTutorialSnapshot(), { loadBalancers: undefined }));
    assert.ok(!none.nodes.some((n) => ['internet', 'loadBalancer', 'targetGroup'].includes(n.kind)));
    const odd = mapWith(withLaunch(withChanges(fixedTutorialSnapshot(), { loadBalancing: [] }), { loadBalancers: [{ targetGroupArn: 'tg-odd' }] }));
    assert.equal(nodeOf(odd, 'tg:tg-odd').title, 'Target group tg-odd');
  });

  it('the service\'s load balancer entries: one without a target group is skipped, a target group named twice is drawn once, with the first entry\'s port', () => {
    const s = withLaunch(fixedTutorialSnapshot(), {
      loadBalancers: [{ containerName: 'classic' }, { targetGroupArn: IDS.targetGroupArn }, { targetGroupArn: IDS.targetGroupArn, containerName: 'web', containerPort: 80 }],
    });
    const map = mapWith(s);
    assert.equal(map.nodes.filter((n) => n.kind === 'targetGroup').length, 1);
    assert.equal(edgeOf(map, TG, TASKS[0]).label, 'TCP ? to the container');
  });

  it('the target group\'s edge to the tasks: broken by the findings on that group, its balancer or the task group and port; no others', () => {
    const tg = IDS.targetGroupArn;
    const on = [
      aFinding('TARGET_GROUP_NOT_IP', tg), aFinding('TARGET_GROUP_WRONG_VPC', tg), aFinding('HEALTH_CHECK_PROTOCOL_MISMATCH', tg),
      aFinding('TARGETS_UNHEALTHY', tg), aFinding('HEALTH_CHECK_PORT_NOT_SERVED', `${tg}:8081`), aFinding('CONTAINER_PORT_MISMATCH', `${tg}:web`),
      aFinding('LB_SG_BLOCKS_TASKS', `${IDS.albArn}:8080`), aFinding('SERVICE_SG_BLOCKS_LB', `${IDS.serviceSg}:8080`),
    ];
    const off = [
      aFinding('TARGETS_UNHEALTHY', `${tg}0`), aFinding('TARGET_GROUP_NOT_IP', 'arn:other'), aFinding('SERVICE_SG_BLOCKS_LB', `${IDS.serviceSg}0:8080`),
      aFinding('HEALTH_CHECK_PORT_BLOCKED', `sg-other:8081`), aFinding('ENDPOINT_MISSING', tg), aFinding('TARGET_GROUP_NO_LISTENER', tg),
    ];
    const map = mapWith(fixedTutorialSnapshot(), [...on, ...off]);
    for (const t of TASKS) assert.deepEqual(idsOn(map, TG, t), on.map((f) => f.id).sort());
  });

  it('the groups a target finding names: the task group that does not admit the balancer, the balancer\'s groups that do not send or check', () => {
    const wiring = aWiring();
    const s = withChanges(fixedTutorialSnapshot(), { loadBalancing: [{ ...wiring, loadBalancers: wiring.loadBalancers.map((l) => ({ ...l, securityGroupIds: [IDS.albSg, 'sg-0alb2'] })) }] });
    const blockersOf = (...findings: ReturnType<typeof aFinding>[]) => edgeOf(mapWith(s, findings), TG, TASKS[0]).blockers;
    assert.deepEqual(blockersOf(aFinding('SERVICE_SG_BLOCKS_LB', `${IDS.serviceSg}:8080`)), [IDS.serviceSg]);
    assert.deepEqual(blockersOf(aFinding('HEALTH_CHECK_PORT_BLOCKED', `${IDS.serviceSg}:8081`)), [IDS.serviceSg]);
    assert.deepEqual(blockersOf(aFinding('HEALTH_CHECK_PORT_BLOCKED', `${IDS.albArn}:8081`)), [IDS.albSg, 'sg-0alb2']);
    assert.deepEqual(blockersOf(aFinding('LB_SG_BLOCKS_TASKS', `${IDS.albArn}:8080`)), [IDS.albSg, 'sg-0alb2']);
    assert.deepEqual(blockersOf(aFinding('LB_SG_BLOCKS_TASKS', `${IDS.serviceSg}:8080`)), []);
    assert.deepEqual(blockersOf(aFinding('TARGETS_UNHEALTHY', IDS.targetGroupArn)), []);
  });
});
