// The route rules' findings, word for word: a missing task subnet, an unknown 0.0.0.0/0 target,
// public subnets without a public IP (one and two subnets, with and without a service to fix),
// and images only the internet serves (one and two images). Each test builds its own snapshot.
import * as assert from 'node:assert/strict';
import { buildContext, UNREACHABLE } from '../../../../src/doctor/rules/context';
import { missingSubnets, networkPath } from '../../../../src/doctor/rules/routes';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import { aRoute, aRouteTable, fixedTutorialSnapshot, IDS, tutorialSnapshot, withChanges, withContainer, withNetwork } from '../snapshotBuilder';

const PUB_A = 'subnet-0pub1a (10.0.0.0/24, ap-northeast-2a) routes 0.0.0.0/0 to igw-0tutorial (route table rtb-0public), but the tasks get no public IP (assignPublicIp DISABLED)';
const PUB_C = 'subnet-0pub2c (10.0.1.0/24, ap-northeast-2c) routes 0.0.0.0/0 to igw-0tutorial (route table rtb-0public), but the tasks get no public IP (assignPublicIp DISABLED)';
const PRIV_A = 'subnet-0priv1a (10.0.2.0/24, ap-northeast-2a) routes 0.0.0.0/0 nowhere (route table rtb-0private)';
const PRIV_C = 'subnet-0priv2c (10.0.3.0/24, ap-northeast-2c) routes 0.0.0.0/0 nowhere (route table rtb-0private)';
const ONLY_VIA_IP = 'Without a public IP a task in a public subnet reaches nothing through the internet gateway; only VPC endpoints would serve it.';
const NGINX = "nginx:1.27 is not in this Region's Amazon ECR: only an internet path (NAT, or a public IP in a public subnet) reaches it; no VPC endpoint can.";

function noPublicIp(subnets: string, evidence: string[], resource: string, remedies: unknown[]) {
  return {
    code: 'PUBLIC_SUBNET_NO_PUBLIC_IP', resource,
    title: `The tasks in ${subnets} get no public IP, so the internet gateway does not serve them`,
    evidence, affects: UNREACHABLE, remedies,
  };
}

function twoImages(s: ServiceSnapshot): ServiceSnapshot {
  const first = s.taskDefinition.containers[0];
  return { ...s, taskDefinition: { ...s.taskDefinition, containers: [{ ...first, image: 'nginx:1.27' }, { ...first, name: 'side', image: 'public.ecr.aws/x/y:1' }] } };
}

describe('doctor/rules/routes: the network path findings', () => {
  it('a subnet the service names that does not exist is named with the Region and VPC', () => {
    const ctx = buildContext(withNetwork(tutorialSnapshot(), { subnets: [IDS.privateA, 'subnet-0gone'] }));
    assert.deepEqual(missingSubnets(ctx), [{
      code: 'TASK_SUBNET_NOT_FOUND', resource: 'subnet-0gone', affects: ['CAPACITY_UNAVAILABLE', 'TASK_FAILED_TO_START'], remedies: [],
      evidence: ["The service's awsvpcConfiguration names subnet-0gone, which does not exist in ap-northeast-2 (VPC vpc-0tutorial)."],
    }]);
  });

  it('a 0.0.0.0/0 route to a transit gateway is an unknown path, with every such subnet named', () => {
    const s = withChanges(tutorialSnapshot(), { routeTables: [
      aRouteTable(IDS.mainTable, { main: true }),
      aRouteTable(IDS.privateTable, { subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute('10.0.0.0/16', 'local'), aRoute('0.0.0.0/0', 'tgw-0abc')] }),
    ] });
    const why = 'routes 0.0.0.0/0 to tgw-0abc, a transit gateway (route table rtb-0private): whether that reaches the internet depends on what is behind it; assumed reachable.';
    assert.deepEqual(networkPath(buildContext(s)), [{
      code: 'NETWORK_PATH_UNKNOWN', resource: 'subnet-0priv1a,subnet-0priv2c',
      evidence: [
        `subnet-0priv1a (10.0.2.0/24, ap-northeast-2a) ${why}`, `subnet-0priv2c (10.0.3.0/24, ap-northeast-2c) ${why}`,
        'The doctor assumes these subnets reach AWS services; if tasks time out, check what is behind that target.',
      ],
      affects: [], remedies: [],
    }]);
  });

  it('two public subnets without a public IP and missing endpoints: plural title, the fix turns the IP on', () => {
    const ctx = buildContext(withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA, IDS.publicC] }));
    assert.deepEqual(networkPath(ctx), [
      noPublicIp('public subnets subnet-0pub1a, subnet-0pub2c', [PUB_A, PUB_C, ONLY_VIA_IP], IDS.serviceArn, [{ kind: 'assignPublicIp' }]),
    ]);
  });

  it('a public subnet without a public IP is no finding while every endpoint the task needs exists', () => {
    assert.deepEqual(networkPath(buildContext(withNetwork(fixedTutorialSnapshot(), { subnets: [IDS.publicA] }))), []);
  });

  it('one public subnet and a Docker Hub image: both findings, each fixed by the public IP', () => {
    const ctx = buildContext(withNetwork(withContainer(fixedTutorialSnapshot(), { image: 'nginx:1.27' }), { subnets: [IDS.publicA] }));
    assert.deepEqual(networkPath(ctx), [
      noPublicIp('public subnet subnet-0pub1a', [PUB_A, ONLY_VIA_IP], IDS.serviceArn, [{ kind: 'assignPublicIp' }]),
      { code: 'REGISTRY_UNREACHABLE', resource: 'nginx:1.27', evidence: [PUB_A, NGINX], affects: ['REGISTRY_UNREACHABLE', 'REGISTRY_RATE_LIMITED'], remedies: [{ kind: 'assignPublicIp' }] },
    ]);
  });

  it('a Docker Hub image in private subnets has no one-step fix', () => {
    const ctx = buildContext(withContainer(fixedTutorialSnapshot(), { image: 'nginx:1.27' }));
    assert.deepEqual(networkPath(ctx), [
      { code: 'REGISTRY_UNREACHABLE', resource: 'nginx:1.27', evidence: [PRIV_A, PRIV_C, NGINX], affects: ['REGISTRY_UNREACHABLE', 'REGISTRY_RATE_LIMITED'], remedies: [] },
    ]);
  });

  it('two internet images are named in the plural; without a service (a task definition alone) nothing is offered to fix', () => {
    const s = withNetwork({ ...twoImages(fixedTutorialSnapshot()), service: undefined }, { subnets: [IDS.publicA, IDS.privateA] });
    assert.deepEqual(networkPath(buildContext(s)), [
      noPublicIp('public subnet subnet-0pub1a', [PUB_A, ONLY_VIA_IP], 'demo-ecs-task', []),
      {
        code: 'REGISTRY_UNREACHABLE', resource: 'nginx:1.27', affects: ['REGISTRY_UNREACHABLE', 'REGISTRY_RATE_LIMITED'], remedies: [],
        evidence: [PUB_A, PRIV_A, "nginx:1.27, public.ecr.aws/x/y:1 are not in this Region's Amazon ECR: only an internet path (NAT, or a public IP in a public subnet) reaches them; no VPC endpoint can."],
      },
    ]);
  });

  it('a task with an internet path reaches a Docker Hub image: no finding', () => {
    const ctx = buildContext(withNetwork(withContainer(fixedTutorialSnapshot(), { image: 'nginx:1.27' }), { subnets: [IDS.publicA], assignPublicIp: 'ENABLED' }));
    assert.deepEqual(networkPath(ctx), []);
  });
});
