// The S3 gateway, VPC DNS and not-collected findings, word for word: a missing or unassociated
// gateway endpoint (one and two tables, one and two endpoints, on other tables or none), the DNS
// attributes (which one is off and when it matters), and each absent piece of data said by
// gapFindings itself. Each test builds its own snapshot.
import * as assert from 'node:assert/strict';
import { buildContext, UNREACHABLE } from '../../../../src/doctor/rules/context';
import { gapFindings } from '../../../../src/doctor/rules/gaps';
import { s3GatewayEndpoint } from '../../../../src/doctor/rules/s3Gateway';
import { vpcDns } from '../../../../src/doctor/rules/vpcDns';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { VpcEndpoint } from '../../../../src/model/network';
import { anInterfaceEndpoint, anS3GatewayEndpoint, aRoute, aRouteTable, fixedTutorialSnapshot, IDS, svc, withChanges } from '../snapshotBuilder';

const S3 = svc('s3');
const WHY = "container demo-service-container's image layers come from Amazon S3";
const PRIV_A = (rt: string) => `subnet-0priv1a (10.0.2.0/24, ap-northeast-2a) routes 0.0.0.0/0 nowhere (route table ${rt})`;
const PRIV_C = (rt: string) => `subnet-0priv2c (10.0.3.0/24, ap-northeast-2c) routes 0.0.0.0/0 nowhere (route table ${rt})`;

function withS3(endpoints: VpcEndpoint[], s: ServiceSnapshot = fixedTutorialSnapshot()): ServiceSnapshot {
  return withChanges(s, { endpoints: [...(s.endpoints ?? []).filter((e) => e.serviceName !== S3), ...endpoints] });
}

/** Each private subnet on a route table of its own. */
function twoTables(s: ServiceSnapshot): ServiceSnapshot {
  return withChanges(s, { routeTables: [aRouteTable(IDS.mainTable, { main: true }), aRouteTable('rtb-0a', { subnetIds: [IDS.privateA] }), aRouteTable('rtb-0c', { subnetIds: [IDS.privateC] })] });
}

function s3Findings(s: ServiceSnapshot) {
  const ctx = buildContext(s);
  const need = ctx.needs.find((n) => n.key === 's3');
  assert.ok(need);
  return s3GatewayEndpoint(ctx, need);
}

function gateway(code: string, evidence: string[], routeTableIds: string[], title?: string) {
  return {
    code, resource: 'vpc-0tutorial', severity: 'error', ...(title ? { title } : {}), evidence,
    affects: ['REGISTRY_LAYERS_UNREACHABLE'], remedies: [{ kind: 'gatewayEndpoint', serviceName: S3, routeTableIds }],
  };
}

describe('doctor/rules/s3Gateway: the gateway endpoint findings', () => {
  it('none in the VPC: every task route table to add, and an S3 interface endpoint is said not to serve layers', () => {
    assert.deepEqual(s3Findings(twoTables(withS3([anInterfaceEndpoint('s3', { id: 'vpce-0s3if' })]))), [gateway('S3_GATEWAY_ENDPOINT_MISSING', [
      PRIV_A('rtb-0a'), PRIV_C('rtb-0c'),
      `The VPC vpc-0tutorial has no \`${S3}\` gateway endpoint; ${WHY}.`,
      'vpce-0s3if is an S3 interface endpoint: it does not serve ECR image layer downloads.',
    ], ['rtb-0a', 'rtb-0c'])]);
  });

  it('two endpoints on no route table: plural words, both tables named with their subnets', () => {
    const s = twoTables(withS3([anS3GatewayEndpoint({ routeTableIds: [] }), anS3GatewayEndpoint({ id: 'vpce-0s3b', routeTableIds: [] })]));
    assert.deepEqual(s3Findings(s), [gateway('S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED', [
      PRIV_A('rtb-0a'), PRIV_C('rtb-0c'),
      `The \`${S3}\` gateway endpoints vpce-0s3, vpce-0s3b are on no route table, so not on rtb-0a (task subnet subnet-0priv1a), rtb-0c (task subnet subnet-0priv2c); ${WHY}.`,
    ], ['rtb-0a', 'rtb-0c'], 'The S3 gateway endpoint vpce-0s3, vpce-0s3b is not associated with route tables rtb-0a, rtb-0c')]);
  });

  it('one endpoint on one of two task tables: only the other is named and added', () => {
    const s = twoTables(withS3([anS3GatewayEndpoint({ routeTableIds: ['rtb-0a'] })]));
    assert.deepEqual(s3Findings(s), [gateway('S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED', [
      PRIV_A('rtb-0a'), PRIV_C('rtb-0c'),
      `The \`${S3}\` gateway endpoint vpce-0s3 is on rtb-0a but not on rtb-0c (task subnet subnet-0priv2c); ${WHY}.`,
    ], ['rtb-0c'], 'The S3 gateway endpoint vpce-0s3 is not associated with route table rtb-0c')]);
  });

  it('an endpoint on another table, a failed one ignored, and the Region not offering S3', () => {
    const s = withChanges(withS3([anS3GatewayEndpoint({ routeTableIds: [IDS.publicTable] }), anS3GatewayEndpoint({ id: 'vpce-0s3b', routeTableIds: [IDS.privateTable], state: 'failed' })]), { endpointServices: [] });
    assert.deepEqual(s3Findings(s), [gateway('S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED', [
      PRIV_A('rtb-0private'), PRIV_C('rtb-0private'),
      `The \`${S3}\` gateway endpoint vpce-0s3 is on rtb-0public but not on rtb-0private (task subnets subnet-0priv1a, subnet-0priv2c); ${WHY}.`,
      `ap-northeast-2 does not list ${S3} among its endpoint services.`,
    ], ['rtb-0private'], 'The S3 gateway endpoint vpce-0s3 is not associated with route table rtb-0private')]);
  });

  it('nothing to say behind a NAT, or without the route tables', () => {
    const nat = withChanges(withS3([]), { routeTables: [aRouteTable(IDS.privateTable, { main: true, subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute('10.0.0.0/16', 'local'), aRoute('0.0.0.0/0', 'nat-0abc')] })] });
    assert.deepEqual(s3Findings(nat), []);
    assert.deepEqual(s3Findings(withChanges(withS3([]), { routeTables: undefined })), []);
  });
});

describe('doctor/rules/vpcDns: the DNS attributes finding', () => {
  const dns = (s: ServiceSnapshot, dnsSupport: boolean, dnsHostnames: boolean) => withChanges(s, { vpc: { ...s.vpc!, dnsSupport, dnsHostnames } });
  const SUPPORT = "vpc-0tutorial has enableDnsSupport off: the Amazon-provided DNS server does not answer, so the task cannot resolve ECR, CloudWatch or any other AWS service name.";
  const HOSTNAMES = "vpc-0tutorial has enableDnsHostnames off: interface endpoints' private DNS names do not resolve, so the task never reaches them.";
  const natted = (s: ServiceSnapshot) => withChanges(s, { routeTables: [aRouteTable(IDS.privateTable, { main: true, subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute('10.0.0.0/16', 'local'), aRoute('0.0.0.0/0', 'nat-0abc')] })] });

  it('both off: one finding, both attributes in the title, one remedy each in that order', () => {
    assert.deepEqual(vpcDns(buildContext(dns(fixedTutorialSnapshot(), false, false))), [{
      code: 'VPC_DNS_DISABLED', resource: 'vpc-0tutorial', title: 'vpc-0tutorial has enableDnsSupport and enableDnsHostnames off',
      evidence: [SUPPORT, HOSTNAMES], affects: UNREACHABLE,
      remedies: [{ kind: 'vpcDns', attribute: 'enableDnsSupport' }, { kind: 'vpcDns', attribute: 'enableDnsHostnames' }],
    }]);
    assert.deepEqual(vpcDns(buildContext(dns(fixedTutorialSnapshot(), false, true))).map((d) => [d.title, d.remedies]), [
      ['vpc-0tutorial has enableDnsSupport off', [{ kind: 'vpcDns', attribute: 'enableDnsSupport' }]],
    ]);
  });

  it('hostnames off matters behind a NAT only while a usable endpoint with private DNS is in the VPC', () => {
    const s = natted(dns(fixedTutorialSnapshot(), true, false));
    assert.deepEqual(vpcDns(buildContext(s)).map((d) => [d.title, d.evidence]), [['vpc-0tutorial has enableDnsHostnames off', [HOSTNAMES]]]);
    const endpoints = (patch: Partial<VpcEndpoint>) => withChanges(s, { endpoints: (s.endpoints ?? []).map((e) => ({ ...e, ...patch })) });
    assert.deepEqual(vpcDns(buildContext(endpoints({ privateDnsEnabled: false }))), []);
    assert.deepEqual(vpcDns(buildContext(endpoints({ state: 'failed' }))), []);
  });
});

describe('doctor/rules/gaps: absent data said by gapFindings', () => {
  const only = (s: ServiceSnapshot) => gapFindings(buildContext(s)).map((d) => [d.code, d.resource, d.affects, d.remedies, d.evidence]);

  it('each absent piece is said once, under its own subject', () => {
    const f = fixedTutorialSnapshot();
    assert.deepEqual(only(f), []);
    assert.deepEqual(only(withChanges(f, { subnets: undefined })).map((d) => d[1]), ['subnets']);
    assert.deepEqual(only(withChanges(f, { routeTables: undefined })).map((d) => d[1]), ['routeTables']);
    assert.deepEqual(only(withChanges(f, { securityGroups: undefined })).map((d) => d[1]), ['securityGroups']);
    assert.deepEqual(only(withChanges(f, { vpc: { ...f.vpc!, dnsHostnames: undefined } })).map((d) => d[1]), ['vpcDnsAttributes']);
    // The VPC's id still comes from the subnets: only with neither is the VPC said missing.
    assert.deepEqual(only(withChanges(f, { vpc: undefined })), []);
    assert.deepEqual(only(withChanges(f, { vpc: undefined, subnets: undefined })).map((d) => d[1]), ['subnets', 'vpc']);
  });

  it('a recorded gap is said with its resource and reason, affecting and fixing nothing', () => {
    const s = withChanges(fixedTutorialSnapshot(), { gaps: [{ subject: 'securityGroups', resource: 'sg-0x', reason: 'AccessDenied' }] });
    const [first] = only(s);
    assert.deepEqual(first.slice(0, 4), ['COULD_NOT_CHECK', 'securityGroups:sg-0x', [], []]);
    assert.match((first[4] as string[])[0], /^Could not read .* \(sg-0x\): AccessDenied\. Not checked: /);
    assert.deepEqual(only(withChanges(fixedTutorialSnapshot(), { subnets: undefined }))[0].slice(0, 4), ['COULD_NOT_CHECK', 'subnets', [], []]);
  });
});
