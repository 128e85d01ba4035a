// The interface endpoint rules' findings, word for word: an endpoint that is not available
// (pending is a warning, any other state the need's severity), private DNS off (and when it does
// not matter), security groups not collected (one and two), groups that block 443 (one and two),
// zone coverage, and the "443 rule" for endpoints still to create. Each test builds its own
// snapshot; the logs endpoint is the one varied.
import * as assert from 'node:assert/strict';
import { buildContext, UNREACHABLE } from '../../../../src/doctor/rules/context';
import { endpointGroup, interfaceEndpoint } from '../../../../src/doctor/rules/interfaceEndpoints';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { VpcEndpoint } from '../../../../src/model/network';
import {
  aGroup, anInterfaceEndpoint, aRoute, aRouteTable, fixedTutorialSnapshot, IDS, replaceGroup, svc, tcp, tutorialSnapshot, VPC_ID, withChanges, withNetwork,
} from '../snapshotBuilder';

const LOGS = svc('logs');
const LOGS_AFFECTS = ['LOGS_UNREACHABLE', 'LOG_GROUP_MISSING'];
const PRIV = [
  'subnet-0priv1a (10.0.2.0/24, ap-northeast-2a) routes 0.0.0.0/0 nowhere (route table rtb-0private)',
  'subnet-0priv2c (10.0.3.0/24, ap-northeast-2c) routes 0.0.0.0/0 nowhere (route table rtb-0private)',
];

/** The fixed tutorial with its logs endpoint changed. */
function withLogsEndpoint(fields: Partial<VpcEndpoint>, s: ServiceSnapshot = fixedTutorialSnapshot()): ServiceSnapshot {
  return withChanges(s, { endpoints: [...(s.endpoints ?? []).filter((e) => e.serviceName !== LOGS), anInterfaceEndpoint('logs', fields)] });
}

function logsFindings(s: ServiceSnapshot) {
  const ctx = buildContext(s);
  const need = ctx.needs.find((n) => n.key === 'logs');
  assert.ok(need);
  return interfaceEndpoint(ctx, need);
}

/** The private subnets route 0.0.0.0/0 to a NAT gateway. */
function behindNat(s: ServiceSnapshot): ServiceSnapshot {
  return withChanges(s, { routeTables: [
    aRouteTable(IDS.mainTable, { main: true }),
    aRouteTable(IDS.privateTable, { subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute('10.0.0.0/16', 'local'), aRoute('0.0.0.0/0', 'nat-0abc')] }),
  ] });
}

function notAvailable(state: string, severity: string) {
  return [{
    code: 'ENDPOINT_NOT_AVAILABLE', resource: 'vpce-0logs', severity,
    title: `Endpoint vpce-0logs (${LOGS}) is ${state}, not available`,
    evidence: [`Endpoint vpce-0logs (${LOGS}) is ${state}, not available.`],
    affects: LOGS_AFFECTS, remedies: [],
  }];
}

describe('doctor/rules/interfaceEndpoints: the endpoint findings', () => {
  it('a pending endpoint is a warning (it will come up), any other unavailable state the need\'s severity', () => {
    assert.deepEqual(logsFindings(withLogsEndpoint({ state: 'pendingAcceptance' })), notAvailable('pendingAcceptance', 'warning'));
    assert.deepEqual(logsFindings(withLogsEndpoint({ state: 'pending' })), notAvailable('pending', 'warning'));
    assert.deepEqual(logsFindings(withLogsEndpoint({ state: 'partial' })), notAvailable('partial', 'error'));
  });

  it('private DNS off in subnets without an internet path: the task never uses the endpoint', () => {
    assert.deepEqual(logsFindings(withLogsEndpoint({ privateDnsEnabled: false })), [{
      code: 'ENDPOINT_PRIVATE_DNS_DISABLED', resource: 'vpce-0logs', severity: 'error',
      title: `Endpoint vpce-0logs (${LOGS}) has private DNS off`,
      evidence: [...PRIV, `Endpoint vpce-0logs (${LOGS}) has private DNS off: the task resolves logs's public name and never uses the endpoint.`],
      affects: LOGS_AFFECTS, remedies: [{ kind: 'privateDns', endpointId: 'vpce-0logs', serviceName: LOGS }],
    }]);
  });

  it('behind a NAT, an endpoint without private DNS is not in the path at all; with private DNS its faults still count', () => {
    assert.deepEqual(logsFindings(behindNat(withLogsEndpoint({ state: 'pending', privateDnsEnabled: false }))), []);
    assert.deepEqual(logsFindings(behindNat(withLogsEndpoint({ state: 'pending' }))), notAvailable('pending', 'warning'));
  });

  it('groups of the endpoint that were not collected are named, singular and plural, and not judged', () => {
    const unread = (ids: string[]) => logsFindings(withLogsEndpoint({ securityGroupIds: ids })).map((d) => [d.code, d.resource, d.affects, d.remedies, d.evidence]);
    assert.deepEqual(unread([IDS.serviceSg, 'sg-0gone']), [['COULD_NOT_CHECK', 'securityGroups:vpce-0logs', [], [],
      [`Security group sg-0gone of endpoint vpce-0logs (${LOGS}) was not collected. Not checked: that it allows TCP 443 from the task.`]]]);
    assert.deepEqual(unread(['sg-0gone1', 'sg-0gone2']), [['COULD_NOT_CHECK', 'securityGroups:vpce-0logs', [], [],
      [`Security groups sg-0gone1, sg-0gone2 of endpoint vpce-0logs (${LOGS}) were not collected. Not checked: that they allow TCP 443 from the task.`]]]);
  });

  it('one endpoint group without 443 from the task: the fix opens it on that group', () => {
    assert.deepEqual(logsFindings(withLogsEndpoint({ securityGroupIds: [IDS.albSg] })), [{
      code: 'ENDPOINT_SG_BLOCKS_443', resource: 'vpce-0logs', severity: 'error',
      title: `Endpoint vpce-0logs (${LOGS}) does not accept HTTPS from the task`,
      evidence: [`Endpoint vpce-0logs (${LOGS}) has security group sg-0alb (public-ecs-service-alb-sg); none allows inbound TCP 443 from the task's group sg-0service or from a CIDR covering the task subnets (10.0.2.0/24, 10.0.3.0/24).`],
      affects: LOGS_AFFECTS, remedies: [{ kind: 'endpointIngress', groupId: IDS.albSg }],
    }]);
  });

  it('two endpoint groups and two task groups are named in the plural, the fix on the first endpoint group', () => {
    let s = replaceGroup(withLogsEndpoint({ securityGroupIds: [IDS.albSg, IDS.defaultSg] }), IDS.defaultSg, { ingress: [] });
    s = withNetwork(s, { securityGroups: [IDS.serviceSg, IDS.defaultSg] });
    assert.deepEqual(logsFindings(s).map((d) => [d.evidence, d.remedies]), [[
      [`Endpoint vpce-0logs (${LOGS}) has security groups sg-0alb (public-ecs-service-alb-sg), sg-0default (default); none allows inbound TCP 443 from the task's groups sg-0service, sg-0default or from a CIDR covering the task subnets (10.0.2.0/24, 10.0.3.0/24).`],
      [{ kind: 'endpointIngress', groupId: IDS.albSg }],
    ]]);
  });

  it('an endpoint group admitting 443 from the task\'s group (not a CIDR) serves it', () => {
    const s = withChanges(withLogsEndpoint({ securityGroupIds: ['sg-0ep'] }), {
      securityGroups: [...fixedTutorialSnapshot().securityGroups ?? [], aGroup('sg-0ep', 'endpoints', [tcp(443, 443, { groupIds: [IDS.serviceSg] })])],
    });
    assert.deepEqual(logsFindings(s), []);
  });

  it('an endpoint in one of the task\'s two zones is a recommendation; unknown endpoint subnets say nothing', () => {
    assert.deepEqual(logsFindings(withLogsEndpoint({ subnetIds: [IDS.privateA] })), [{
      code: 'ENDPOINT_AZ_COVERAGE', resource: 'vpce-0logs', severity: 'warning',
      title: `Endpoint vpce-0logs (${LOGS}) has no interface in ap-northeast-2c, where tasks run`,
      evidence: [`Endpoint vpce-0logs (${LOGS}) has interfaces in ap-northeast-2a but the task subnets also use ap-northeast-2c: tasks there cross zones to reach it, and lose it if its zone fails. Recommended, not required.`],
      affects: [], remedies: [],
    }]);
    assert.deepEqual(logsFindings(withLogsEndpoint({ subnetIds: ['subnet-0gone'] })), []);
  });

  it('without the security groups collected, the zones are still checked', () => {
    const s = withChanges(withLogsEndpoint({ securityGroupIds: [IDS.albSg], subnetIds: [IDS.privateA] }), { securityGroups: undefined });
    assert.deepEqual(logsFindings(s).map((d) => d.code), ['ENDPOINT_AZ_COVERAGE']);
  });
});

describe('doctor/rules/interfaceEndpoints: the 443 rule for endpoints to create', () => {
  const no443 = (s: ServiceSnapshot) => replaceGroup(s, IDS.serviceSg, { ingress: [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] })] });

  it('names the task group, the VPC CIDR and what the task group does allow', () => {
    assert.deepEqual(endpointGroup(buildContext(no443(tutorialSnapshot()))), [{
      code: 'ENDPOINT_SG_BLOCKS_443', resource: VPC_ID, severity: 'error',
      title: 'No security group allows HTTPS (443) from the task to the endpoints',
      evidence: [
        "No security group in vpc-0tutorial allows inbound TCP 443 from the task's group sg-0service or from 10.0.0.0/16: the missing interface endpoints need one.",
        'sg-0service (demo-ecs-service-sg) allows inbound TCP 8080 from 10.0.0.0/16.',
      ],
      affects: UNREACHABLE, remedies: [{ kind: 'endpointSecurityGroup' }],
    }]);
  });

  it('two task groups in the plural; without the VPC read it says "the VPC CIDR"', () => {
    const s = withChanges(withNetwork(no443(tutorialSnapshot()), { securityGroups: [IDS.serviceSg, IDS.albSg] }), { vpc: undefined });
    assert.deepEqual(endpointGroup(buildContext(s)).map((d) => d.evidence), [[
      "No security group in vpc-0tutorial allows inbound TCP 443 from the task's groups sg-0service, sg-0alb or from the VPC CIDR: the missing interface endpoints need one.",
      'sg-0service (demo-ecs-service-sg) allows inbound TCP 8080 from 10.0.0.0/16.',
      'sg-0alb (public-ecs-service-alb-sg) allows inbound TCP 80 from 203.0.113.24/32.',
    ]]);
  });

  it('a group admitting 443 from the task\'s group counts only in the task\'s VPC', () => {
    const admitting = (vpcId: string) => ({ ...aGroup('sg-0ep', 'endpoints', [tcp(443, 443, { groupIds: [IDS.serviceSg] })]), vpcId });
    const base = no443(tutorialSnapshot());
    assert.deepEqual(endpointGroup(buildContext(withChanges(base, { securityGroups: [...base.securityGroups ?? [], admitting(VPC_ID)] }))), []);
    assert.deepEqual(endpointGroup(buildContext(withChanges(base, { securityGroups: [...base.securityGroups ?? [], admitting('vpc-0other')] }))).map((d) => d.code), ['ENDPOINT_SG_BLOCKS_443']);
  });

  it('only missing INTERFACE endpoints call for it: an unusable one counts as missing, a missing S3 gateway does not', () => {
    const fixed = no443(fixedTutorialSnapshot());
    const onlyS3Missing = withChanges(fixed, { endpoints: (fixed.endpoints ?? []).filter((e) => e.type !== 'Gateway') });
    assert.deepEqual(endpointGroup(buildContext(onlyS3Missing)), []);
    assert.deepEqual(endpointGroup(buildContext(withLogsEndpoint({ state: 'failed' }, fixed))).map((d) => d.code), ['ENDPOINT_SG_BLOCKS_443']);
  });
});
