import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/doctor/analyze';
import { classify } from '../../../src/doctor/classify';
import { attachFixes } from '../../../src/doctor/examine';
import { describeStep } from '../../../src/doctor/planText';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import { joinStoppedTasks } from '../../../src/doctor/stoppedTasks';
import type { AnalyzerFinding } from '../../../src/doctor/types';
import { TUTORIAL } from '../../support/tutorialWorld';
import {
  aclEntry,
  aGroup,
  anInterfaceEndpoint,
  anS3GatewayEndpoint,
  aRoute,
  aRouteTable,
  aSubnet,
  aWiring,
  fixedTutorialSnapshot,
  IDS,
  replaceGroup,
  svc,
  tcp,
  TRUST_URL_ENCODED,
  tutorialSnapshot,
  VPC_ID,
  withChanges,
  withContainer,
  withLaunch,
  withNetwork,
  withTaskDefinition,
} from './snapshotBuilder';

function ids(findings: readonly AnalyzerFinding[], severity?: string): string[] {
  return findings.filter((f) => !severity || f.severity === severity).map((f) => f.id).sort();
}

function find(findings: readonly AnalyzerFinding[], code: string): AnalyzerFinding {
  const f = findings.find((x) => x.code === code);
  assert.ok(f, `no ${code} in ${JSON.stringify(ids(findings))}`);
  return f;
}

/** The findings as `examine` gives them: each with the plan that clears it alone. */
function examined(s: ServiceSnapshot): AnalyzerFinding[] {
  return attachFixes(analyze(s), s);
}

function codes(s: ServiceSnapshot): string[] {
  return [...new Set(analyze(s).map((f) => f.code))].sort();
}

function hasNo(s: ServiceSnapshot, code: string): void {
  const found = analyze(s).filter((f) => f.code === code);
  assert.equal(found.length, 0, `unexpected ${code}: ${found.map((f) => f.evidence.join(' | ')).join('\n')}`);
}

/** The fixed tutorial with NAT instead of endpoints would not need them: a neutral base for non-network rules. */
const fixed = fixedTutorialSnapshot;

describe('doctor/analyze', () => {
  describe('the tutorial world', () => {
    it('finds exactly the missing ecr.api, ecr.dkr, logs endpoints, the S3 gateway endpoint, the 443 rule and the log group ECS cannot create', () => {
      const findings = analyze(tutorialSnapshot());
      assert.deepEqual(ids(findings), [
        'ENDPOINT_MISSING:com.amazonaws.ap-northeast-2.ecr.api',
        'ENDPOINT_MISSING:com.amazonaws.ap-northeast-2.ecr.dkr',
        'ENDPOINT_MISSING:com.amazonaws.ap-northeast-2.logs',
        `ENDPOINT_SG_BLOCKS_443:${VPC_ID}`,
        'LOG_GROUP_MISSING:ap-northeast-2:/ecs/demo-ecs-task',
        `S3_GATEWAY_ENDPOINT_MISSING:${VPC_ID}`,
      ]);
      assert.ok(findings.every((f) => f.severity === 'error'));
    });

    it('names the exact subnets and the missing endpoint in the evidence', () => {
      const dkr = analyze(tutorialSnapshot()).find((f) => f.id === 'ENDPOINT_MISSING:com.amazonaws.ap-northeast-2.ecr.dkr');
      assert.ok(dkr);
      assert.deepEqual(dkr.evidence, [
        `${IDS.privateA} (10.0.2.0/24, ap-northeast-2a) routes 0.0.0.0/0 nowhere (route table ${IDS.privateTable})`,
        `${IDS.privateC} (10.0.3.0/24, ap-northeast-2c) routes 0.0.0.0/0 nowhere (route table ${IDS.privateTable})`,
        `The VPC ${VPC_ID} has no \`com.amazonaws.ap-northeast-2.ecr.dkr\` endpoint; container demo-service-container pulls ${IDS.image} from Amazon ECR.`,
      ]);
    });

    it('the 443 finding shows what the service group allows instead', () => {
      const f = analyze(tutorialSnapshot()).find((x) => x.id === `ENDPOINT_SG_BLOCKS_443:${VPC_ID}`);
      assert.ok(f);
      assert.match(f.evidence.join('\n'), /sg-0service \(demo-ecs-service-sg\) allows inbound TCP 8080 from 10\.0\.0\.0\/16/);
    });

    it('the fixed tutorial has no findings at all', () => {
      assert.deepEqual(ids(analyze(fixedTutorialSnapshot())), []);
    });

    it('gives ids stable per (code, resource) across runs', () => {
      assert.deepEqual(ids(analyze(tutorialSnapshot())), ids(analyze(tutorialSnapshot())));
      for (const f of analyze(tutorialSnapshot())) assert.equal(f.id, `${f.code}:${f.resource}`);
    });

    it('gives each fixable finding its own plan', () => {
      const logs = examined(tutorialSnapshot()).find((f) => f.id === 'ENDPOINT_MISSING:com.amazonaws.ap-northeast-2.logs');
      assert.deepEqual(logs?.fix?.steps.map((s) => s.kind), ['createSecurityGroup', 'authorizeIngress', 'createInterfaceEndpoint', 'forceNewDeployment']);
    });
  });

  describe('section 1: the network path of each subnet', () => {
    it('needs no endpoints when the subnets route 0.0.0.0/0 to a NAT gateway', () => {
      const s = withChanges(tutorialSnapshot(), {
        routeTables: [aRouteTable(IDS.privateTable, { subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute('10.0.0.0/16', 'local'), aRoute('0.0.0.0/0', 'nat-0abc')] })],
      });
      assert.deepEqual(codes(s), ['LOG_GROUP_MISSING']);
    });

    it('assumes a transit gateway route reaches the internet (unknown, not a fault)', () => {
      const s = withChanges(tutorialSnapshot(), {
        routeTables: [aRouteTable(IDS.privateTable, { subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute('10.0.0.0/16', 'local'), aRoute('0.0.0.0/0', 'tgw-0abc')] })],
      });
      hasNo(s, 'ENDPOINT_MISSING');
      const f = find(analyze(s), 'NETWORK_PATH_UNKNOWN');
      assert.equal(f.severity, 'info');
      assert.match(f.evidence[0], /routes 0\.0\.0\.0\/0 to tgw-0abc, a transit gateway/);
      hasNo(tutorialSnapshot(), 'NETWORK_PATH_UNKNOWN');
    });

    it('treats a blackholed NAT route as no route', () => {
      const s = withChanges(tutorialSnapshot(), {
        routeTables: [aRouteTable(IDS.privateTable, { subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute('10.0.0.0/16', 'local'), aRoute('0.0.0.0/0', 'nat-0gone', 'blackhole')] })],
      });
      const f = find(analyze(s), 'ENDPOINT_MISSING');
      assert.match(f.evidence[0], /nat-0gone is a blackhole/);
    });

    it('uses the main route table for a subnet without an association', () => {
      const s = withChanges(tutorialSnapshot(), {
        routeTables: [aRouteTable(IDS.mainTable, { main: true, routes: [aRoute('10.0.0.0/16', 'local'), aRoute('0.0.0.0/0', 'nat-0abc')] })],
      });
      hasNo(s, 'ENDPOINT_MISSING');
    });

    it('flags public subnets with assignPublicIp DISABLED, with a fix that enables it', () => {
      const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA, IDS.publicC] });
      const f = find(examined(s), 'PUBLIC_SUBNET_NO_PUBLIC_IP');
      assert.equal(f.severity, 'error');
      assert.match(f.evidence[0], /routes 0\.0\.0\.0\/0 to igw-0tutorial .* but the tasks get no public IP \(assignPublicIp DISABLED\)/);
      assert.deepEqual(f.fix?.steps.map((x) => x.kind), ['setAssignPublicIp', 'forceNewDeployment']);
    });

    it('is content with public subnets and assignPublicIp ENABLED', () => {
      const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA, IDS.publicC], assignPublicIp: 'ENABLED' });
      assert.deepEqual(codes(s), ['LOG_GROUP_MISSING']);
    });

    it('says a Docker Hub image cannot be pulled from isolated subnets, and that no endpoint helps', () => {
      const s = withContainer(fixed(), { image: 'nginx:1.27' });
      const f = find(analyze(s), 'REGISTRY_UNREACHABLE');
      assert.match(f.evidence.join(' '), /nginx:1\.27 is not in this Region's Amazon ECR: only an internet path/);
      hasNo(withChanges(s, { routeTables: [aRouteTable(IDS.privateTable, { subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute('10.0.0.0/16', 'local'), aRoute('0.0.0.0/0', 'nat-0abc')] })] }), 'REGISTRY_UNREACHABLE');
    });

    it("treats another Region's ECR image as needing the internet", () => {
      const s = withContainer(fixed(), { image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/demo-service:latest' });
      find(analyze(s), 'REGISTRY_UNREACHABLE');
    });

    it('reports a task subnet that does not exist', () => {
      const s = withNetwork(fixed(), { subnets: [IDS.privateA, 'subnet-0gone'] });
      assert.equal(find(analyze(s), 'TASK_SUBNET_NOT_FOUND').resource, 'subnet-0gone');
      hasNo(fixed(), 'TASK_SUBNET_NOT_FOUND');
    });
  });

  describe('section 2: endpoints by task definition feature', () => {
    const SECRET = `arn:aws:secretsmanager:${TUTORIAL.region}:123456789012:secret:db-password-AbCdEf`;

    it('a Secrets Manager secret needs secretsmanager', () => {
      const f = analyze(withContainer(fixed(), { secrets: [{ name: 'DB_PASSWORD', valueFrom: SECRET }] }))
        .filter((x) => x.code === 'ENDPOINT_MISSING');
      assert.deepEqual(f.map((x) => x.resource), [svc('secretsmanager')]);
    });

    it('an SSM parameter needs ssm', () => {
      const f = analyze(withContainer(fixed(), { secrets: [{ name: 'API_KEY', valueFrom: '/demo/api-key' }] })).filter((x) => x.code === 'ENDPOINT_MISSING');
      assert.deepEqual(f.map((x) => x.resource), [svc('ssm')]);
    });

    it('repositoryCredentials need secretsmanager', () => {
      const f = analyze(withContainer(fixed(), { repositoryCredentials: { credentialsParameter: SECRET } })).filter((x) => x.code === 'ENDPOINT_MISSING');
      assert.deepEqual(f.map((x) => x.resource), [svc('secretsmanager')]);
    });

    it('environmentFiles need the S3 gateway endpoint even without an ECR image', () => {
      const base = withChanges(fixed(), { endpoints: (fixed().endpoints ?? []).filter((e) => e.type !== 'Gateway') });
      const s = withContainer(base, { image: `${IDS.image}`, environmentFiles: [{ value: 'arn:aws:s3:::demo-config/app.env', type: 's3' }] });
      find(analyze(s), 'S3_GATEWAY_ENDPOINT_MISSING');
    });

    it('ECS Exec needs ssmmessages, as a warning (the task still starts)', () => {
      const f = find(analyze(withLaunch(fixed(), { enableExecuteCommand: true })), 'ENDPOINT_MISSING');
      assert.equal(f.resource, svc('ssmmessages'));
      assert.equal(f.severity, 'warning');
      // Without any 443 rule, the group the new endpoint needs is a warning too: nothing else is missing.
      const no443 = replaceGroup(withLaunch(fixed(), { enableExecuteCommand: true }), IDS.serviceSg, { ingress: [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] })] });
      const vpcLevel = analyze(no443).find((x) => x.id === `ENDPOINT_SG_BLOCKS_443:${VPC_ID}`);
      assert.equal(vpcLevel?.severity, 'warning');
    });

    it('a container without awslogs needs no logs endpoint', () => {
      const s = withContainer(tutorialSnapshot(), { logConfiguration: undefined });
      assert.ok(!ids(analyze(s)).includes(`ENDPOINT_MISSING:${svc('logs')}`));
    });

    it('a gateway endpoint on another route table does not cover the task subnets: "not associated", not "missing"', () => {
      const s = withChanges(fixed(), { endpoints: [...(fixed().endpoints ?? []).filter((e) => e.type !== 'Gateway'), anS3GatewayEndpoint({ routeTableIds: [IDS.publicTable] })] });
      hasNo(s, 'S3_GATEWAY_ENDPOINT_MISSING');
      const f = find(examined(s), 'S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED');
      assert.equal(f.title, 'The S3 gateway endpoint vpce-0s3 is not associated with route table rtb-0private');
      assert.doesNotMatch(`${f.title} ${f.evidence.join(' ')}`, /missing/i);
      assert.match(f.evidence.join(' '), /vpce-0s3 is on rtb-0public but not on rtb-0private \(task subnets subnet-0priv1a, subnet-0priv2c\)/);
      assert.deepEqual(f.fix?.steps[0], { kind: 'createGatewayEndpoint', serviceName: svc('s3'), vpcId: VPC_ID, routeTableIds: [IDS.privateTable], existingEndpointId: 'vpce-0s3' });
      assert.equal(describeStep(f.fix.steps[0]), 'Associate gateway endpoint vpce-0s3 (com.amazonaws.ap-northeast-2.s3) with route table rtb-0private (ModifyVpcEndpoint; nothing created)');
    });

    it('an S3 interface endpoint does not stand in for the gateway', () => {
      const s = withChanges(fixed(), { endpoints: [...(fixed().endpoints ?? []).filter((e) => e.type !== 'Gateway'), anInterfaceEndpoint('s3', { id: 'vpce-0s3if' })] });
      assert.match(find(analyze(s), 'S3_GATEWAY_ENDPOINT_MISSING').evidence.join(' '), /vpce-0s3if is an S3 interface endpoint: it does not serve ECR image layer downloads/);
    });

    it('says when the Region does not offer the endpoint service', () => {
      const s = withChanges(tutorialSnapshot(), { endpointServices: [svc('ecr.api'), svc('ecr.dkr'), svc('s3')] });
      const logs = analyze(s).find((f) => f.id === `ENDPOINT_MISSING:${svc('logs')}`);
      assert.match(logs?.evidence.join(' ') ?? '', /does not list com\.amazonaws\.ap-northeast-2\.logs among its endpoint services/);
    });
  });

  describe('section 2: interface endpoint conditions', () => {
    const withEndpoint = (name: string, fields: Parameters<typeof anInterfaceEndpoint>[1]) =>
      withChanges(fixed(), { endpoints: (fixed().endpoints ?? []).map((e) => (e.serviceName === svc(name) ? anInterfaceEndpoint(name, fields) : e)) });

    it('private DNS off: the endpoint is never used; the fix turns it on', () => {
      const f = find(examined(withEndpoint('ecr.dkr', { privateDnsEnabled: false })), 'ENDPOINT_PRIVATE_DNS_DISABLED');
      assert.equal(f.resource, 'vpce-0ecrdkr');
      assert.deepEqual(f.fix?.steps[0], { kind: 'enableEndpointPrivateDns', endpointId: 'vpce-0ecrdkr', serviceName: svc('ecr.dkr') });
    });

    it('VPC DNS hostnames off breaks private DNS names; DNS support off breaks every name', () => {
      const vpc = fixed().vpc;
      assert.ok(vpc);
      const hostnames = find(examined(withChanges(fixed(), { vpc: { ...vpc, dnsHostnames: false } })), 'VPC_DNS_DISABLED');
      assert.deepEqual(hostnames.fix?.steps.map((s) => s.kind), ['modifyVpcAttribute', 'forceNewDeployment']);
      const nat = withChanges(fixed(), {
        vpc: { ...vpc, dnsSupport: false, dnsHostnames: false },
        endpoints: [],
        routeTables: [aRouteTable(IDS.privateTable, { subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute('10.0.0.0/16', 'local'), aRoute('0.0.0.0/0', 'nat-0abc')] })],
      });
      const support = find(analyze(nat), 'VPC_DNS_DISABLED');
      assert.equal(support.evidence.length, 1, 'hostnames do not matter with NAT and no endpoint');
      assert.match(support.evidence[0], /enableDnsSupport off/);
      hasNo(fixed(), 'VPC_DNS_DISABLED');
    });

    it('an endpoint that is not available is an error; a pending one a warning', () => {
      assert.equal(find(analyze(withEndpoint('logs', { state: 'pending' })), 'ENDPOINT_NOT_AVAILABLE').severity, 'warning');
      assert.equal(find(analyze(withEndpoint('logs', { state: 'rejected' })), 'ENDPOINT_MISSING').resource, svc('logs'));
      hasNo(fixed(), 'ENDPOINT_NOT_AVAILABLE');
    });

    it("an endpoint group without 443 from the task is blocked; the fix opens it on that group", () => {
      const s = replaceGroup(fixed(), IDS.serviceSg, { ingress: [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] })] });
      const blocked = examined(s).filter((f) => f.code === 'ENDPOINT_SG_BLOCKS_443');
      assert.deepEqual(blocked.map((f) => f.resource).sort(), ['vpce-0ecrapi', 'vpce-0ecrdkr', 'vpce-0logs']);
      assert.deepEqual(blocked[0].fix?.steps[0], { kind: 'authorizeIngress', groupId: IDS.serviceSg, protocol: 'tcp', port: 443, cidr: '10.0.0.0/16', description: 'HTTPS from the VPC to the endpoints' });
    });

    it('443 from the task security group counts; a CIDR covering only one task subnet does not', () => {
      const bySg = withEndpoint('logs', { securityGroupIds: ['sg-0ep'] });
      const ok = withChanges(bySg, { securityGroups: [...(bySg.securityGroups ?? []), aGroup('sg-0ep', 'endpoints', [tcp(443, 443, { groupIds: [IDS.serviceSg] })])] });
      hasNo(ok, 'ENDPOINT_SG_BLOCKS_443');
      const half = withChanges(bySg, { securityGroups: [...(bySg.securityGroups ?? []), aGroup('sg-0ep', 'endpoints', [tcp(443, 443, { cidrs: ['10.0.2.0/24'] })])] });
      assert.equal(find(analyze(half), 'ENDPOINT_SG_BLOCKS_443').resource, 'vpce-0logs');
    });

    it("an endpoint group that was not collected: could not check, not blocked", () => {
      const s = withEndpoint('logs', { securityGroupIds: ['sg-0unread'] });
      const f = analyze(s);
      assert.deepEqual(ids(f), ['COULD_NOT_CHECK:securityGroups:vpce-0logs']);
    });

    it('the task groups must let 443 out', () => {
      const s = replaceGroup(fixed(), IDS.serviceSg, { egress: [tcp(80, 80, { cidrs: ['0.0.0.0/0'] })] });
      const f = find(examined(s), 'TASK_SG_BLOCKS_443');
      assert.match(f.evidence[0], /allows no outbound TCP 443 to .*ecr\.api \(endpoint vpce-0ecrapi\)/);
      assert.deepEqual(f.fix?.steps[0], { kind: 'authorizeEgress', groupId: IDS.serviceSg, protocol: 'tcp', port: 443, cidr: '0.0.0.0/0', description: 'HTTPS out of the task' });
      hasNo(replaceGroup(fixed(), IDS.serviceSg, { egress: [tcp(443, 443, { cidrs: ['10.0.0.0/16'], prefixListIds: ['pl-78a54011'] })] }), 'TASK_SG_BLOCKS_443');
    });

    it('recommends an endpoint in every AZ of the task (a warning)', () => {
      const f = find(analyze(withEndpoint('ecr.api', { subnetIds: [IDS.privateA] })), 'ENDPOINT_AZ_COVERAGE');
      assert.equal(f.severity, 'warning');
      assert.match(f.evidence[0], /ap-northeast-2a but the task subnets also use ap-northeast-2c/);
    });
  });

  describe('section 3: network ACLs', () => {
    const customAcl = (entries: ReturnType<typeof aclEntry>[], subnetIds: string[] = [IDS.privateA, IDS.privateC]) => ({
      id: 'acl-0custom', vpcId: VPC_ID, isDefault: false, subnetIds, name: undefined, entries,
    });
    const withAcl = (s: ServiceSnapshot, acl: ReturnType<typeof customAcl>) =>
      withChanges(s, { networkAcls: [...(s.networkAcls ?? []).map((a) => ({ ...a, subnetIds: a.subnetIds.filter((x) => !acl.subnetIds.includes(x)) })), acl] });
    const DENY_REST = [aclEntry(32767, false, 'deny', '0.0.0.0/0'), aclEntry(32767, true, 'deny', '0.0.0.0/0')];

    it('both sides pass: outbound 443 + inbound ephemeral for the task, inbound 443 + outbound ephemeral for the endpoints', () => {
      const acl = customAcl([
        aclEntry(100, true, 'allow', '0.0.0.0/0', 'tcp', 443, 443),
        aclEntry(110, true, 'allow', '10.0.0.0/16', 'tcp', 1024, 65535),
        aclEntry(100, false, 'allow', '0.0.0.0/0', 'tcp', 1024, 65535),
        aclEntry(110, false, 'allow', '10.0.0.0/16', 'tcp', 443, 443),
        ...DENY_REST,
      ]);
      hasNo(withAcl(fixed(), acl), 'NACL_BLOCKS_443');
    });

    it("the task side alone (the design doc's pair) blocks a task reaching the endpoint interface in the other subnet", () => {
      const acl = customAcl([
        aclEntry(100, true, 'allow', '0.0.0.0/0', 'tcp', 443, 443),
        aclEntry(100, false, 'allow', '0.0.0.0/0', 'tcp', 1024, 65535),
        ...DENY_REST,
      ]);
      const f = find(analyze(withAcl(fixed(), acl)), 'NACL_BLOCKS_443');
      assert.match(f.evidence[0], /acl-0custom on endpoint subnet subnet-0priv1a .* blocks inbound TCP 443 from task subnet 10\.0\.3\.0\/24 at rule \* \(deny all traffic from 0\.0\.0\.0\/0\)/);
    });

    it('needs no ACL rule for an endpoint interface in the same subnet (no ACL inside a subnet)', () => {
      const acl = customAcl([
        aclEntry(100, true, 'allow', '0.0.0.0/0', 'tcp', 443, 443),
        aclEntry(100, false, 'allow', '0.0.0.0/0', 'tcp', 1024, 65535),
        ...DENY_REST,
      ]);
      const s = withNetwork(withAcl(fixed(), acl), { subnets: [IDS.privateA] });
      hasNo(withChanges(s, { endpoints: (s.endpoints ?? []).map((e) => (e.type === 'Interface' ? { ...e, subnetIds: [IDS.privateA] } : e)) }), 'NACL_BLOCKS_443');
    });

    it('an ACL that only allows inbound 443 (the endpoint side rule) blocks the task replies', () => {
      const acl = customAcl([
        aclEntry(100, true, 'allow', '0.0.0.0/0', 'tcp', 1024, 65535),
        aclEntry(100, false, 'allow', '0.0.0.0/0', 'tcp', 443, 443),
        ...DENY_REST,
      ]);
      const f = find(analyze(withAcl(fixed(), acl)), 'NACL_BLOCKS_443');
      assert.equal(f.resource, 'acl-0custom');
      assert.match(f.evidence.join('\n'), /blocks outbound TCP 443 to 0\.0\.0\.0\/0/);
      assert.match(f.evidence.join('\n'), /drops the replies: inbound TCP 32768-60999 from 0\.0\.0\.0\/0/);
    });

    it('an ACL that passes the requests and drops only the replies says so: NACL_BLOCKS_REPLIES, the ports and the peer, not "blocks HTTPS"', () => {
      const acl = customAcl([
        aclEntry(100, true, 'allow', '0.0.0.0/0', 'tcp', 443, 443),
        aclEntry(110, true, 'allow', '10.0.0.0/16', 'tcp', 1024, 65535),
        aclEntry(100, false, 'allow', '10.0.0.0/16', 'tcp', 1024, 65535),
        aclEntry(110, false, 'allow', '10.0.0.0/16', 'tcp', 443, 443),
        ...DENY_REST,
      ]);
      const s = withAcl(fixed(), acl);
      hasNo(s, 'NACL_BLOCKS_443');
      const f = find(analyze(s), 'NACL_BLOCKS_REPLIES');
      assert.equal(f.resource, 'acl-0custom');
      assert.equal(f.severity, 'error');
      assert.equal(f.title, 'Network ACL acl-0custom drops the replies on ports 32768-60999 from 0.0.0.0/0 (Amazon S3 (through the gateway endpoint)) to task subnet subnet-0priv1a; ' +
        'on ports 32768-60999 from 0.0.0.0/0 (Amazon S3 (through the gateway endpoint)) to task subnet subnet-0priv2c');
      assert.doesNotMatch(f.title, /blocks HTTPS/);
      assert.match(f.evidence[0], /acl-0custom on task subnet subnet-0priv1a .* drops the replies: inbound TCP 32768-60999 from 0\.0\.0\.0\/0 .* at rule \* \(deny all traffic from 0\.0\.0\.0\/0\)/);
    });

    it('an ACL that blocks the requests is titled by what it blocks', () => {
      const acl = customAcl([
        aclEntry(90, true, 'deny', '0.0.0.0/0', 'tcp', 443, 443),
        aclEntry(100, true, 'allow', '0.0.0.0/0'),
        aclEntry(100, false, 'allow', '0.0.0.0/0'),
      ]);
      const f = find(analyze(withAcl(fixed(), acl)), 'NACL_BLOCKS_443');
      assert.match(f.title, /^Network ACL acl-0custom blocks HTTPS: outbound TCP 443 from task subnet subnet-0priv1a to 0\.0\.0\.0\/0 /);
      assert.doesNotMatch(f.title, /replies/);
    });

    it('a deny rule before the allow wins (first match)', () => {
      const acl = customAcl([
        aclEntry(90, true, 'deny', '0.0.0.0/0', 'tcp', 443, 443),
        aclEntry(100, true, 'allow', '0.0.0.0/0'),
        aclEntry(100, false, 'allow', '0.0.0.0/0'),
        ...DENY_REST,
      ]);
      assert.match(find(analyze(withAcl(fixed(), acl)), 'NACL_BLOCKS_443').evidence[0], /rule 90 \(deny tcp 443 to 0\.0\.0\.0\/0\)/);
    });

    it('checks the endpoint subnet side: inbound 443 and outbound replies', () => {
      // Endpoints in their own subnet, behind an ACL that lets only ephemeral ports in.
      const epSubnet = aSubnet('subnet-0ep', '10.0.9.0/24', 'a');
      const base = withChanges(fixed(), {
        subnets: [...(fixed().subnets ?? []), epSubnet],
        endpoints: (fixed().endpoints ?? []).map((e) => (e.type === 'Interface' ? { ...e, subnetIds: ['subnet-0ep'] } : e)),
      });
      const acl = customAcl([
        aclEntry(100, true, 'allow', '0.0.0.0/0'),
        aclEntry(100, false, 'allow', '10.0.0.0/16', 'tcp', 1024, 65535),
        ...DENY_REST,
      ], ['subnet-0ep']);
      const f = analyze(withAcl(base, acl)).filter((x) => x.code === 'NACL_BLOCKS_443');
      assert.equal(f.length, 1);
      assert.match(f[0].evidence.join('\n'), /acl-0custom on endpoint subnet subnet-0ep .* blocks inbound TCP 443 from task subnet 10\.0\.2\.0\/24/);
    });

    it('an ACL allowing only the VPC CIDR still blocks S3 (gateway endpoint traffic goes to public S3 addresses)', () => {
      const acl = customAcl([aclEntry(100, true, 'allow', '10.0.0.0/16'), aclEntry(100, false, 'allow', '10.0.0.0/16'), ...DENY_REST]);
      assert.match(find(analyze(withAcl(fixed(), acl)), 'NACL_BLOCKS_443').evidence[0], /Amazon S3/);
    });

    it('the default ACL allows everything', () => {
      hasNo(fixed(), 'NACL_BLOCKS_443');
    });
  });

  describe('section 3: the execution role', () => {
    const role = (patch: Partial<NonNullable<ServiceSnapshot['executionRole']>>) => {
      const s = fixed();
      return withChanges(s, { executionRole: { ...(s.executionRole as NonNullable<ServiceSnapshot['executionRole']>), ...patch } });
    };

    it('accepts the trust policy URL-encoded, as AWS returns it', () => {
      assert.deepEqual(ids(analyze(role({ trustPolicy: TRUST_URL_ENCODED }))), []);
    });

    it('rejects a trust policy for another principal, plain or URL-encoded', () => {
      const ec2 = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
      assert.equal(find(analyze(role({ trustPolicy: ec2 })), 'EXECUTION_ROLE_TRUST').severity, 'error');
      find(analyze(role({ trustPolicy: encodeURIComponent(ec2) })), 'EXECUTION_ROLE_TRUST');
      const list = JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] });
      hasNo(role({ trustPolicy: list }), 'EXECUTION_ROLE_TRUST');
    });

    it('a task definition without an execution role, or a role that does not exist', () => {
      assert.equal(find(analyze(withTaskDefinition(fixed(), { executionRoleArn: undefined })), 'EXECUTION_ROLE_MISSING').resource, TUTORIAL.taskFamily);
      assert.equal(find(analyze(role({ exists: false })), 'EXECUTION_ROLE_MISSING').resource, IDS.roleArn);
    });

    it('without AmazonECSTaskExecutionRolePolicy the ECR and logs actions are missing; the fix attaches it', () => {
      const f = find(examined(role({ attachedPolicyArns: [] })), 'EXECUTION_ROLE_MISSING_POLICY');
      assert.equal(f.severity, 'error');
      assert.deepEqual(f.evidence.slice(0, 3), [
        `ecsTaskExecutionRole is not granted ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage, needed for pulling ${IDS.image} from Amazon ECR.`,
        `ecsTaskExecutionRole is not granted logs:CreateLogStream, logs:PutLogEvents, needed for the awslogs driver of container ${TUTORIAL.containerName}.`,
        'Attached to ecsTaskExecutionRole: nothing.',
      ]);
      assert.deepEqual(f.fix?.steps[0], { kind: 'attachRolePolicy', roleName: 'ecsTaskExecutionRole', policyArn: TUTORIAL.executionPolicyArn });
    });

    it('an inline policy granting the actions is enough; an explicit deny is not', () => {
      const inline = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: ['ecr:*', 'logs:Create*', 'logs:PutLogEvents'], Resource: '*' }] });
      hasNo(role({ attachedPolicyArns: [], policyDocuments: [{ name: 'inline', document: inline }] }), 'EXECUTION_ROLE_MISSING_POLICY');
      const deny = JSON.stringify({ Statement: [{ Effect: 'Deny', Action: 'ecr:BatchGetImage', Resource: '*' }] });
      const f = find(analyze(role({ policyDocuments: [{ name: 'deny', document: deny }] })), 'EXECUTION_ROLE_MISSING_POLICY');
      assert.match(f.evidence[0], /not granted ecr:BatchGetImage/);
    });

    it('an attached policy whose content was not read makes it a warning, not a verdict', () => {
      const f = find(analyze(role({ attachedPolicyArns: ['arn:aws:iam::123456789012:policy/custom-ecr'] })), 'EXECUTION_ROLE_MISSING_POLICY');
      assert.equal(f.severity, 'warning');
    });

    it('secrets need secretsmanager:GetSecretValue on the secret, which the managed policy lacks: the fix is an inline policy (test/unit/doctor/rules/executionRoleGrants.test.ts)', () => {
      const arn = `arn:aws:secretsmanager:${TUTORIAL.region}:123456789012:secret:db-AbCdEf`;
      const s = withContainer(fixed(), { secrets: [{ name: 'DB', valueFrom: arn }] });
      const f = find(examined(s), 'EXECUTION_ROLE_MISSING_POLICY');
      assert.equal(f.resource, arn);
      assert.match(f.evidence[0], /not granted secretsmanager:GetSecretValue on arn:aws:secretsmanager:.*:secret:db-AbCdEf, needed for secret DB of container/);
      assert.deepEqual(f.fix?.steps.map((step) => step.kind), ['putRolePolicy', 'forceNewDeployment']);
    });
  });

  describe('section 3: the log group (awslogs-create-group)', () => {
    const absent = (s: ServiceSnapshot) => withChanges(s, { logGroups: [{ name: TUTORIAL.logGroupName, region: TUTORIAL.region, exists: false }] });

    it('create-group "true" with a role that may create groups: nothing to report', () => {
      const s = absent(fixed());
      const withCreate = withChanges(s, {
        executionRole: { ...(s.executionRole as NonNullable<ServiceSnapshot['executionRole']>), policyDocuments: [{ name: 'logs', document: JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'logs:CreateLogGroup', Resource: '*' }] }) }] },
      });
      hasNo(withCreate, 'LOG_GROUP_MISSING');
    });

    it('create-group absent: the missing group is an error; the fix creates it', () => {
      const s = withContainer(absent(fixed()), { logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': TUTORIAL.logGroupName, 'awslogs-region': TUTORIAL.region } } });
      const f = find(examined(s), 'LOG_GROUP_MISSING');
      assert.match(f.evidence[1], /awslogs-create-group is not "true"/);
      assert.deepEqual(f.fix?.steps[0], { kind: 'createLogGroup', logGroupName: TUTORIAL.logGroupName, region: TUTORIAL.region });
    });

    it('an existing group needs no CreateLogGroup permission', () => {
      hasNo(fixed(), 'LOG_GROUP_MISSING');
    });

    it('log groups not collected: could not check, not a guess', () => {
      const f = find(analyze(withChanges(fixed(), { logGroups: undefined })), 'COULD_NOT_CHECK');
      assert.match(f.evidence[0], /log groups were not collected/);
    });
  });

  describe('section 3: the image', () => {
    const image = (patch: Partial<NonNullable<ServiceSnapshot['images']>[number]>) =>
      withChanges(fixed(), { images: [{ image: IDS.image, repositoryExists: true, found: true, ...patch }] });

    it('a repository or tag that does not exist', () => {
      assert.match(find(analyze(image({ repositoryExists: false })), 'IMAGE_NOT_FOUND').evidence[0], /repository demo-service .* does not exist/);
      assert.match(find(analyze(image({ found: false })), 'IMAGE_NOT_FOUND').evidence[0], /tag latest is not in repository demo-service/);
    });

    it('an arm64-only image with the default X86_64 runtime platform', () => {
      const s = withTaskDefinition(image({ platforms: [{ os: 'linux', architecture: 'arm64' }, { os: 'unknown', architecture: 'unknown' }] }), { runtimePlatform: undefined });
      const f = find(analyze(s), 'IMAGE_PLATFORM_MISMATCH');
      assert.match(f.evidence[0], /offers linux\/arm64, but task definition demo-ecs-task runs linux\/amd64 \(runtimePlatform LINUX\/X86_64, the default\)/);
    });

    it('a multi-architecture image, or unknown platforms, are fine', () => {
      hasNo(withTaskDefinition(image({ platforms: [{ os: 'linux', architecture: 'amd64' }, { os: 'linux', architecture: 'arm64' }] }), { runtimePlatform: undefined }), 'IMAGE_PLATFORM_MISMATCH');
      hasNo(image({ platforms: undefined }), 'IMAGE_PLATFORM_MISMATCH');
      hasNo(fixed(), 'IMAGE_PLATFORM_MISMATCH');
    });
  });

  describe('section 3: Fargate sizes', () => {
    it('1 vCPU with 3 GB is a Fargate size; 1 vCPU with 1 GB is not', () => {
      hasNo(fixed(), 'INVALID_FARGATE_SIZE');
      assert.match(find(analyze(withTaskDefinition(fixed(), { memory: '1024' })), 'INVALID_FARGATE_SIZE').evidence[0], /Memory 1 GB isn't available with 1 vCPU on Fargate/);
    });

    it('missing task-level CPU, Windows below 1 vCPU, 8 vCPU on platform 1.3.0', () => {
      find(analyze(withTaskDefinition(fixed(), { cpu: undefined })), 'INVALID_FARGATE_SIZE');
      find(analyze(withTaskDefinition(fixed(), { cpu: '512', memory: '1024', runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'X86_64' } })), 'INVALID_FARGATE_SIZE');
      const big = withLaunch(withTaskDefinition(fixed(), { cpu: '8192', memory: '16384' }), { platformVersion: '1.3.0' });
      assert.match(find(analyze(big), 'INVALID_FARGATE_SIZE').evidence[0], /needs Fargate platform 1\.4\.0/);
      hasNo(withTaskDefinition(fixed(), { cpu: '8192', memory: '16384' }), 'INVALID_FARGATE_SIZE');
    });
  });

  describe('section 4: load balancer wiring', () => {
    const wiring = (w: ReturnType<typeof aWiring>) => withChanges(fixed(), { loadBalancing: [w] });

    it('the target group must be ip, in the task VPC, behind a listener', () => {
      find(analyze(wiring(aWiring({ targetGroup: { targetType: 'instance' } }))), 'TARGET_GROUP_NOT_IP');
      find(analyze(wiring(aWiring({ targetGroup: { vpcId: 'vpc-0other' } }))), 'TARGET_GROUP_WRONG_VPC');
      assert.match(find(analyze(wiring(aWiring({ noLoadBalancer: true }))), 'TARGET_GROUP_NO_LISTENER').evidence[0], /attached to no load balancer/);
      assert.match(find(analyze(wiring(aWiring({ noListener: true }))), 'TARGET_GROUP_NO_LISTENER').evidence[0], /No listener of public-ecs-service-alb forwards/);
      for (const code of ['TARGET_GROUP_NOT_IP', 'TARGET_GROUP_WRONG_VPC', 'TARGET_GROUP_NO_LISTENER']) hasNo(fixed(), code);
    });

    it('containerName and containerPort must match the task definition', () => {
      const lb = fixed().launch.loadBalancers?.[0];
      assert.ok(lb);
      assert.match(find(analyze(withLaunch(fixed(), { loadBalancers: [{ ...lb, containerName: 'web' }] })), 'CONTAINER_PORT_MISMATCH').evidence[0], /container web, which task definition demo-ecs-task does not have/);
      assert.match(find(analyze(withLaunch(fixed(), { loadBalancers: [{ ...lb, containerPort: 80 }] })), 'CONTAINER_PORT_MISMATCH').evidence[0], /maps only 8080/);
      hasNo(fixed(), 'CONTAINER_PORT_MISMATCH');
    });

    it('the task group must let the load balancer reach the container port; the fix admits its group', () => {
      const s = replaceGroup(fixed(), IDS.serviceSg, { ingress: [tcp(443, 443, { cidrs: ['10.0.0.0/16'] })] });
      const f = find(examined(s), 'SERVICE_SG_BLOCKS_LB');
      assert.deepEqual(f.fix?.steps[0], { kind: 'authorizeIngress', groupId: IDS.serviceSg, protocol: 'tcp', port: 8080, sourceGroupId: IDS.albSg, description: 'The load balancer to the container port' });
      hasNo(replaceGroup(fixed(), IDS.serviceSg, { ingress: [tcp(443, 443, { cidrs: ['10.0.0.0/16'] }), tcp(8080, 8080, { groupIds: [IDS.albSg] })] }), 'SERVICE_SG_BLOCKS_LB');
      hasNo(fixed(), 'SERVICE_SG_BLOCKS_LB'); // 8080 from the VPC CIDR covers the ALB subnets
    });

    it("the load balancer's group must let it send to the container port; the fix opens it to the VPC", () => {
      const narrowed = replaceGroup(fixed(), IDS.albSg, { egress: [tcp(443, 443, { cidrs: ['0.0.0.0/0'] })] });
      const f = find(examined(narrowed), 'LB_SG_BLOCKS_TASKS');
      assert.match(f.evidence[0], /public-ecs-service-alb's group sg-0alb .* allows no outbound TCP 8080 to the tasks/);
      assert.deepEqual(f.fix?.steps[0], { kind: 'authorizeEgress', groupId: IDS.albSg, protocol: 'tcp', port: 8080, cidr: '10.0.0.0/16', description: 'The load balancer to the container port' });
      hasNo(replaceGroup(fixed(), IDS.albSg, { egress: [tcp(8080, 8080, { groupIds: [IDS.serviceSg] })] }), 'LB_SG_BLOCKS_TASKS');
      hasNo(fixed(), 'LB_SG_BLOCKS_TASKS'); // the default egress, all traffic
    });

    it('wiring not collected: could not check', () => {
      assert.match(find(analyze(withChanges(fixed(), { loadBalancing: [] })), 'COULD_NOT_CHECK').evidence[0], /wiring of demo-ecs-alb-target-group was not collected/);
    });
  });

  describe('gaps: could not check, never a guess', () => {
    it('reports each gap with its reason and skips the rules that need the data', () => {
      const s = withChanges(tutorialSnapshot(), { endpoints: undefined, gaps: [{ subject: 'endpoints', reason: 'AccessDenied: ec2:DescribeVpcEndpoints' }] });
      const findings = analyze(s);
      const gap = find(findings, 'COULD_NOT_CHECK');
      assert.equal(gap.id, 'COULD_NOT_CHECK:endpoints');
      assert.match(gap.evidence[0], /Could not read the VPC endpoints: AccessDenied: ec2:DescribeVpcEndpoints\. Not checked: the VPC endpoint rules\./);
      assert.ok(!findings.some((f) => f.code === 'ENDPOINT_MISSING' || f.code === 'S3_GATEWAY_ENDPOINT_MISSING'));
    });

    it('data absent without a recorded gap is reported the same way', () => {
      const f = analyze(withChanges(fixed(), { networkAcls: undefined }));
      assert.deepEqual(ids(f), ['COULD_NOT_CHECK:networkAcls']);
    });

    it('a role whose policies were not read: could not check', () => {
      const s = fixed();
      const f = analyze(withChanges(s, { executionRole: { ...(s.executionRole as NonNullable<ServiceSnapshot['executionRole']>), attachedPolicyArns: undefined }, gaps: [{ subject: 'executionRolePolicies', resource: IDS.roleArn, reason: 'AccessDenied: iam:ListAttachedRolePolicies' }] }));
      assert.deepEqual(ids(f), [`COULD_NOT_CHECK:executionRolePolicies:${IDS.roleArn}`]);
    });
  });

  describe('joinStoppedTasks', () => {
    it("ECR_UNREACHABLE names the endpoints missing in this VPC", () => {
      const s = tutorialSnapshot();
      const [ecr, logs] = joinStoppedTasks(analyze(s), s);
      assert.equal(ecr.finding.code, 'ECR_UNREACHABLE');
      assert.equal(ecr.evidence[0], `Missing in ${VPC_ID}: com.amazonaws.ap-northeast-2.ecr.api, com.amazonaws.ap-northeast-2.ecr.dkr.`);
      assert.ok(ecr.explained);
      assert.deepEqual(ecr.causes.map((c) => c.id).sort(), [
        `ENDPOINT_MISSING:${svc('ecr.api')}`, `ENDPOINT_MISSING:${svc('ecr.dkr')}`, `ENDPOINT_SG_BLOCKS_443:${VPC_ID}`,
      ]);
      assert.deepEqual(ecr.fix?.steps.map((x) => x.kind), ['createSecurityGroup', 'authorizeIngress', 'createInterfaceEndpoint', 'createInterfaceEndpoint', 'forceNewDeployment']);
      assert.equal(logs.finding.code, 'LOGS_UNREACHABLE');
      assert.equal(logs.evidence[0], `Missing in ${VPC_ID}: com.amazonaws.ap-northeast-2.logs.`);
    });

    it('a failed ELB health check is joined with what the health check expects', () => {
      const s = withChanges(withLaunch(fixedTutorialSnapshot(), { healthCheckGracePeriodSeconds: 0 }), {
        stoppedTasks: [{ task: { arn: 'arn:aws:ecs:ap-northeast-2:123456789012:task/demo-ecs-cluster/3333', id: '3333' }, finding: classify({ stoppedReason: `Task failed ELB health checks in (target-group ${IDS.targetGroupArn})` }) }],
      });
      const [joined] = joinStoppedTasks(analyze(s), s);
      assert.equal(joined.finding.code, 'ELB_HEALTH_CHECK_FAILED');
      // Nothing broken on a path read whole: the report says so, and what the application must answer.
      assert.equal(joined.explained, false);
      assert.match(joined.evidence[0] ?? '', /^No link of the health check path is broken now: public-ecs-service-alb forwards to the target group/);
      assert.equal(joined.evidence[1], 'The application must answer HTTP GET / with 200 on port 8080 within 5 s (target group demo-ecs-alb-target-group). ' +
        '2 failures 30 s apart mark a target unhealthy, 5 answers make it healthy.');
      assert.match(joined.evidence[2] ?? '', /^To check: the container's logs \(log group \/ecs\/demo-ecs-task\) for the requests to \/ .*grace period \(0 s\)/);
      const blocked = replaceGroup(s, IDS.serviceSg, { ingress: [tcp(443, 443, { cidrs: ['10.0.0.0/16'] })] });
      assert.deepEqual(joinStoppedTasks(analyze(blocked), blocked)[0].causes.map((c) => c.code), ['SERVICE_SG_BLOCKS_LB']);
    });

    it('after the fixes the same stopped tasks are explained by nothing current', () => {
      const s = fixedTutorialSnapshot();
      const joined = joinStoppedTasks(analyze(s), s);
      assert.deepEqual(joined.map((j) => j.explained), [false, false]);
      assert.equal(joined[0].fix, undefined);
    });
  });
});
