// The words of each way out of the path cause (src/doctor/pathRemedies.ts), exact, per world:
// what the public IP, the VPC endpoints and the NAT gateway alternatives say they change, in one
// zone and in two, with and without a service, with the main route table, and which one is
// preselected when the Region offers no endpoint for a service. Each fixture is built in its test.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/doctor/analyze';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import type { AnalyzerFinding, RemedyAlternative } from '../../../src/doctor/types';
import { aRoute, aRouteTable, IDS, svc, tutorialSnapshot, VPC_ID, withChanges, withContainer, withNetwork } from './snapshotBuilder';
import { TUTORIAL } from '../../support/tutorialWorld';

const ENDPOINTS_2A = `Create interface endpoints ${svc('ecr.api')}, ${svc('ecr.dkr')}, ${svc('logs')} in ap-northeast-2a`;
const PRIVATELY = 'the task subnets reach AWS services privately and stay without an internet route.';
const NAT_ONE_TABLE = 'Allocate an Elastic IP, create one NAT gateway in public subnet subnet-0pub1a (ap-northeast-2a) and route 0.0.0.0/0 of route table rtb-0private to it: the task subnets reach AWS services and the internet through it.';
const ONE_FOR_ALL = ' One gateway serves every zone (ap-northeast-2a, ap-northeast-2c): the cheapest, but if ap-northeast-2a fails the tasks in the others lose their path too.';

function alt(f: AnalyzerFinding | undefined, name: string): RemedyAlternative {
  const a = f?.alternatives?.find((x) => x.name === name);
  assert.ok(a, `${f?.id} lists no ${name}`);
  return a;
}

function finding(s: ServiceSnapshot, id: string): AnalyzerFinding {
  const f = analyze(s).find((x) => x.id === id);
  assert.ok(f, `no ${id}`);
  return f;
}

function withPrivateTable(s: ServiceSnapshot, patch: (t: NonNullable<ServiceSnapshot['routeTables']>[number]) => NonNullable<ServiceSnapshot['routeTables']>[number]): ServiceSnapshot {
  return withChanges(s, { routeTables: (s.routeTables ?? []).map((t) => (t.id === IDS.privateTable ? patch(t) : t)) });
}

const ECR_API = `ENDPOINT_MISSING:${svc('ecr.api')}`;

describe('doctor/pathRemedies: what each way out says it changes', () => {
  it('public IP for a service: names the service and the internet gateway; endpoints in both zones on the public table', () => {
    const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA, IDS.publicC], assignPublicIp: 'DISABLED' });
    const f = analyze(s).find((x) => x.code === 'PUBLIC_SUBNET_NO_PUBLIC_IP');
    assert.equal(alt(f, 'publicIp').changes, `Update service ${s.service!.name} to assignPublicIp ENABLED: each task gets a public IPv4 address and reaches AWS services through igw-0tutorial of its subnets. Nothing is created.`);
    assert.equal(alt(f, 'publicIp').title, 'give the tasks a public IP');
    assert.deepEqual(alt(f, 'publicIp').remedies, [{ kind: 'assignPublicIp' }]);
    assert.equal(alt(f, 'vpcEndpoints').changes, `${ENDPOINTS_2A}, ap-northeast-2c and the S3 gateway endpoint on route table rtb-0public, and let them accept HTTPS from the task: ${PRIVATELY}`);
    assert.equal(alt(f, 'vpcEndpoints').title, 'create the VPC endpoints');
  });

  it('public IP before the service exists: "the service", no remedy of its own, and the folded endpoint findings in order', () => {
    const s = withChanges(withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA], assignPublicIp: 'DISABLED' }), { service: undefined });
    const [f, ...rest] = analyze(s);
    assert.equal(f?.code, 'PUBLIC_SUBNET_NO_PUBLIC_IP');
    assert.deepEqual(rest.map((x) => x.code), ['LOG_GROUP_MISSING'], 'the endpoint findings are folded away, the log group stays');
    const ip = alt(f, 'publicIp');
    assert.equal(ip.changes, 'Update the service to assignPublicIp ENABLED: each task gets a public IPv4 address and reaches AWS services through igw-0tutorial of its subnets. Nothing is created.');
    assert.deepEqual(ip.remedies, []);
    assert.deepEqual(f!.remedies, []);
    assert.deepEqual(ip.clears, [ECR_API, `ENDPOINT_MISSING:${svc('ecr.dkr')}`, `S3_GATEWAY_ENDPOINT_MISSING:${VPC_ID}`, `ENDPOINT_MISSING:${svc('logs')}`, `ENDPOINT_SG_BLOCKS_443:${VPC_ID}`]);
    assert.equal(f!.evidence.at(-1), `With a public IP the tasks need no VPC endpoint: it also clears what the endpoint checks found (ENDPOINT_MISSING ${svc('ecr.api')}; ENDPOINT_MISSING ${svc('ecr.dkr')}; S3_GATEWAY_ENDPOINT_MISSING ${VPC_ID}; ENDPOINT_MISSING ${svc('logs')}; ENDPOINT_SG_BLOCKS_443 ${VPC_ID}).`);
    assert.equal(alt(f, 'vpcEndpoints').changes, `${ENDPOINTS_2A} and the S3 gateway endpoint on route table rtb-0public, and let them accept HTTPS from the task: ${PRIVATELY}`);
    assert.deepEqual(alt(f, 'vpcEndpoints').remedies.map((r) => r.kind), ['interfaceEndpoint', 'interfaceEndpoint', 'gatewayEndpoint', 'interfaceEndpoint', 'endpointSecurityGroup'], 'each remedy once');
  });

  it('isolated, one zone: endpoints in that zone (preselected); the NAT gateway on one table, without the every-zone warning', () => {
    const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.privateA] });
    const f = finding(s, ECR_API);
    assert.deepEqual(f.alternatives?.map((a) => [a.name, a.preselected]), [['vpcEndpoints', true], ['natGateway', false]]);
    assert.equal(alt(f, 'vpcEndpoints').changes, `${ENDPOINTS_2A} and the S3 gateway endpoint on route table rtb-0private, and let them accept HTTPS from the task: ${PRIVATELY}`);
    assert.equal(alt(f, 'natGateway').changes, NAT_ONE_TABLE);
    assert.equal(alt(f, 'natGateway').title, 'route the task subnets through a NAT gateway');
  });

  it('isolated, two zones, the task table is the main one: the NAT gateway warns of both', () => {
    const s = withPrivateTable(tutorialSnapshot(), (t) => ({ ...t, main: true }));
    assert.equal(alt(finding(s, ECR_API), 'natGateway').changes, `${NAT_ONE_TABLE}${ONE_FOR_ALL} rtb-0private is the VPC's main route table: every subnet without a table of its own gets the route too.`);
  });

  it('a blackholed 0.0.0.0/0 route on the task table: the planned NAT route replaces it, so the NAT gateway is still offered', () => {
    const s = withPrivateTable(tutorialSnapshot(), () => aRouteTable(IDS.privateTable, {
      subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute(TUTORIAL.vpcCidr, 'local'), aRoute('0.0.0.0/0', 'nat-gone', 'blackhole')],
    }));
    const f = finding(s, ECR_API);
    assert.deepEqual(f.alternatives?.map((a) => [a.name, a.preselected]), [['vpcEndpoints', true], ['natGateway', false]]);
    assert.equal(alt(f, 'natGateway').changes, `${NAT_ONE_TABLE}${ONE_FOR_ALL}`);
  });

  it('the Region offers no logs endpoint: the NAT gateway is preselected, alone, and replaces every endpoint remedy', () => {
    const s = withChanges(tutorialSnapshot(), { endpointServices: [svc('ecr.api'), svc('ecr.dkr'), svc('s3')] });
    const group = analyze(s).filter((f) => f.alternatives);
    assert.deepEqual(group.map((f) => f.code), ['ENDPOINT_MISSING', 'ENDPOINT_MISSING', 'S3_GATEWAY_ENDPOINT_MISSING', 'ENDPOINT_MISSING', 'ENDPOINT_SG_BLOCKS_443']);
    const nat = [{ kind: 'natGateway', subnetId: IDS.publicA, availabilityZone: 'ap-northeast-2a', routeTableIds: [IDS.privateTable] }];
    for (const f of group) {
      assert.deepEqual(f.alternatives?.map((a) => [a.name, a.preselected]), [['natGateway', true]], f.id);
      assert.deepEqual(f.remedies, nat, f.id);
    }
    assert.deepEqual(analyze(s).find((f) => f.code === 'LOG_GROUP_MISSING')?.alternatives, undefined, 'the log group is no path cause');
  });

  it('every endpoint service offered: the endpoints stay preselected', () => {
    const s = withChanges(tutorialSnapshot(), { endpointServices: [svc('ecr.api'), svc('ecr.dkr'), svc('logs'), svc('s3')] });
    assert.deepEqual(finding(s, ECR_API).alternatives?.map((a) => [a.name, a.preselected]), [['vpcEndpoints', true], ['natGateway', false]]);
  });

  describe('mixed subnets', () => {
    it('two isolated subnets and a public one: "have", the public IP dropped, the endpoints kept', () => {
      const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA, IDS.privateA, IDS.privateC], assignPublicIp: 'DISABLED' });
      const f = analyze(s).find((x) => x.code === 'PUBLIC_SUBNET_NO_PUBLIC_IP');
      assert.deepEqual(f?.remedies, []);
      assert.equal(f?.evidence.at(-1), 'subnet-0priv1a, subnet-0priv2c have no internet route at all, so the tasks there need the VPC endpoints; those serve the public subnets too, and a public IP as well would be a second remedy for the same cause. Or run the service in subnets of one kind.');
      assert.deepEqual(finding(s, ECR_API).remedies, [{ kind: 'interfaceEndpoint', serviceName: svc('ecr.api') }]);
    });

    it('one isolated subnet: "has"', () => {
      const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA, IDS.privateA], assignPublicIp: 'DISABLED' });
      assert.match(analyze(s).find((x) => x.code === 'PUBLIC_SUBNET_NO_PUBLIC_IP')!.evidence.at(-1)!, /^subnet-0priv1a has no internet route at all,/);
    });

    it('an image only the internet serves: nothing is dropped, the public IP keeps its remedy', () => {
      const s = withContainer(withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA, IDS.privateA], assignPublicIp: 'DISABLED' }), { image: 'docker.io/library/nginx:latest' });
      const f = analyze(s).find((x) => x.code === 'PUBLIC_SUBNET_NO_PUBLIC_IP');
      assert.deepEqual(f?.remedies, [{ kind: 'assignPublicIp' }]);
      assert.doesNotMatch(f!.evidence.join('\n'), /no internet route at all/);
    });
  });
});
