// Which security group new interface endpoints get (fixPlan's endpointGroupSteps): an existing
// group of the task's VPC that admits TCP 443 from the VPC CIDR, ECS Studio's own group
// (ecs-studio-endpoints-443) first and then by id; else one that admits 443 from the task's
// groups, in the same order; else ECS Studio's group, created. Groups of other VPCs never count.
// The VPC is the snapshot's, else the first subnet's. Also: how a plan's reference to that group
// is found again in a snapshot (resolveRef), and the endpoint subnets, one per zone.
import * as assert from 'node:assert/strict';
import { ENDPOINT_SG_NAME, planFixes, resolveRef, subnetsOnePerZone } from '../../../../src/doctor/fixPlan';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { AnalyzerFinding, FixStep, Remedy } from '../../../../src/doctor/types';
import type { SecurityGroup } from '../../../../src/model/network';
import { TUTORIAL } from '../../../support/tutorialWorld';
import { aGroup, IDS, svc, tcp, tutorialSnapshot, VPC_ID } from '../snapshotBuilder';

const SG_REF = { ref: 'endpointSecurityGroup' } as const;
const PRIVATE = [IDS.privateA, IDS.privateC];
const ZONES = ['ap-northeast-2a', 'ap-northeast-2c'];
const FROM_VPC = tcp(443, 443, { cidrs: [TUTORIAL.vpcCidr] });
const FROM_TASK = tcp(443, 443, { groupIds: [IDS.serviceSg] });

function aFinding(remedies: Remedy[]): AnalyzerFinding {
  return {
    id: 'ENDPOINT_MISSING:x', code: 'ENDPOINT_MISSING', severity: 'error', title: 't', resource: 'r', evidence: [], docsUrl: 'https://example.com',
    affects: [], remedies,
  } as AnalyzerFinding;
}

/** The plan for one missing logs endpoint, with these groups added to the tutorial's. */
function logsEndpointPlan(groups: SecurityGroup[], s: ServiceSnapshot = tutorialSnapshot()): readonly FixStep[] {
  const snapshot = { ...s, securityGroups: [...(s.securityGroups ?? []), ...groups] };
  return planFixes([aFinding([{ kind: 'interfaceEndpoint', serviceName: svc('logs') }])], snapshot).steps;
}

/** The endpoint's groups in that plan. */
function chosen(groups: SecurityGroup[]): unknown {
  const endpoint = logsEndpointPlan(groups).find((x) => x.kind === 'createInterfaceEndpoint');
  return endpoint?.kind === 'createInterfaceEndpoint' ? endpoint.securityGroupIds : undefined;
}

function endpointStep(vpcId: string, securityGroupId: string | typeof SG_REF, subnetIds = PRIVATE, availabilityZones = ZONES): FixStep {
  return { kind: 'createInterfaceEndpoint', serviceName: svc('logs'), vpcId, subnetIds, availabilityZones, securityGroupIds: [securityGroupId], privateDns: true };
}

const DEPLOY: FixStep = { kind: 'forceNewDeployment', cluster: IDS.clusterArn, service: TUTORIAL.serviceName };

function createdGroupSteps(vpcId: string, cidr: string): readonly FixStep[] {
  return [
    { kind: 'createSecurityGroup', produces: 'endpointSecurityGroup', vpcId, groupName: ENDPOINT_SG_NAME, description: `HTTPS from ${cidr} to the VPC endpoints of ECS tasks (made by ECS Studio)` },
    { kind: 'authorizeIngress', groupId: SG_REF, protocol: 'tcp', port: 443, cidr, description: 'HTTPS from the VPC to the endpoints' },
  ];
}

describe('doctor/fixPlan endpoint security group choice', () => {
  it('a reused group makes no step: the plan is the endpoint and the deployment, nothing else', () => {
    assert.deepEqual(logsEndpointPlan([aGroup('sg-0reuse', 'mine', [FROM_VPC])]), [endpointStep(VPC_ID, 'sg-0reuse'), DEPLOY]);
  });

  it('no group admits 443: ECS Studio creates its own, with 443 from the VPC CIDR', () => {
    assert.deepEqual(logsEndpointPlan([]), [...createdGroupSteps(VPC_ID, TUTORIAL.vpcCidr), endpointStep(VPC_ID, SG_REF), DEPLOY]);
  });

  it('groups of another VPC are never reused, whatever they admit', () => {
    const elsewhere = (g: SecurityGroup) => ({ ...g, vpcId: 'vpc-0other' });
    const plan = logsEndpointPlan([elsewhere(aGroup('sg-0a', ENDPOINT_SG_NAME, [FROM_VPC])), elsewhere(aGroup('sg-0b', 'b', [FROM_TASK]))]);
    assert.deepEqual(plan, [...createdGroupSteps(VPC_ID, TUTORIAL.vpcCidr), endpointStep(VPC_ID, SG_REF), DEPLOY]);
  });

  it('a group that admits another port, or 443 from elsewhere, is not reused', () => {
    for (const rule of [tcp(80, 80, { cidrs: [TUTORIAL.vpcCidr] }), tcp(444, 444, { cidrs: [TUTORIAL.vpcCidr] }), tcp(443, 443, { cidrs: ['192.168.0.0/16'] }), tcp(443, 443, { groupIds: [IDS.albSg] })]) {
      assert.deepEqual(chosen([aGroup('sg-0a', 'a', [rule])]), [SG_REF], JSON.stringify(rule));
    }
  });

  it("among groups admitting 443 from the VPC: ECS Studio's group first, then the lowest id, whatever the snapshot order", () => {
    const cases: Array<[SecurityGroup[], string]> = [
      [[aGroup('sg-0c', 'c', [FROM_VPC]), aGroup('sg-0b', 'b', [FROM_VPC])], 'sg-0b'],
      [[aGroup('sg-0b', 'b', [FROM_VPC]), aGroup('sg-0c', 'c', [FROM_VPC])], 'sg-0b'],
      [[aGroup('sg-0a', 'a', [FROM_VPC]), aGroup('sg-0z', ENDPOINT_SG_NAME, [FROM_VPC])], 'sg-0z'],
      [[aGroup('sg-0z', ENDPOINT_SG_NAME, [FROM_VPC]), aGroup('sg-0a', 'a', [FROM_VPC])], 'sg-0z'],
      [[aGroup('sg-0y', ENDPOINT_SG_NAME, [FROM_VPC]), aGroup('sg-0x', ENDPOINT_SG_NAME, [FROM_VPC]), aGroup('sg-0a', 'a', [FROM_VPC])], 'sg-0x'],
      [[aGroup('sg-0c', 'c', [FROM_VPC]), aGroup('sg-0b', 'b', [FROM_VPC]), aGroup('sg-0d', 'd', [FROM_VPC]), aGroup('sg-0a', 'a', [])], 'sg-0b'],
    ];
    for (const [groups, expected] of cases) assert.deepEqual(chosen(groups), [expected], groups.map((g) => `${g.id}:${g.name}`).join(' '));
  });

  it('a group admitting 443 from the VPC beats one admitting it only from the task groups', () => {
    assert.deepEqual(chosen([aGroup('sg-0a', ENDPOINT_SG_NAME, [FROM_TASK]), aGroup('sg-0b', 'b', [FROM_VPC])]), ['sg-0b']);
  });

  it('among groups admitting 443 from the task groups: the same order', () => {
    const cases: Array<[SecurityGroup[], string]> = [
      [[aGroup('sg-0d', 'd', [FROM_TASK]), aGroup('sg-0c', 'c', [FROM_TASK])], 'sg-0c'],
      [[aGroup('sg-0c', 'c', [FROM_TASK]), aGroup('sg-0d', ENDPOINT_SG_NAME, [FROM_TASK])], 'sg-0d'],
      [[aGroup('sg-0e', 'e', [FROM_TASK]), aGroup('sg-0d', 'd', [FROM_TASK]), aGroup('sg-0f', 'f', [FROM_TASK])], 'sg-0d'],
    ];
    for (const [groups, expected] of cases) assert.deepEqual(chosen(groups), [expected], groups.map((g) => `${g.id}:${g.name}`).join(' '));
  });

  it("the VPC is the snapshot's; the first subnet's only when the snapshot has no VPC", () => {
    const s = tutorialSnapshot();
    const firstElsewhere = { ...s, subnets: (s.subnets ?? []).map((x, i) => (i === 0 ? { ...x, vpcId: 'vpc-0first' } : x)) };
    assert.deepEqual(logsEndpointPlan([], firstElsewhere), [...createdGroupSteps(VPC_ID, TUTORIAL.vpcCidr), endpointStep(VPC_ID, SG_REF), DEPLOY]);

    const { vpc: _vpc, ...noVpc } = s;
    const fromSubnet = { ...noVpc, subnets: (s.subnets ?? []).map((x) => ({ ...x, vpcId: 'vpc-0subnets' })) };
    // No VPC read: no CIDR either; the group is still made in the subnets' VPC, reused there when one admits the task.
    assert.deepEqual(logsEndpointPlan([], fromSubnet), [...createdGroupSteps('vpc-0subnets', ''), endpointStep('vpc-0subnets', SG_REF), DEPLOY]);
    assert.deepEqual(logsEndpointPlan([{ ...aGroup('sg-0t', 't', [FROM_TASK]), vpcId: 'vpc-0subnets' }], fromSubnet), [endpointStep('vpc-0subnets', 'sg-0t'), DEPLOY]);

    const { subnets: _subnets, ...nothing } = noVpc;
    assert.deepEqual(logsEndpointPlan([], nothing), [...createdGroupSteps('', ''), endpointStep('', SG_REF, [], []), DEPLOY]);
    assert.deepEqual(logsEndpointPlan([], { ...nothing, subnets: [] }), [...createdGroupSteps('', ''), endpointStep('', SG_REF, [], []), DEPLOY]);
  });

  it('an endpointSecurityGroup remedy alone makes the group steps too', () => {
    const plan = planFixes([aFinding([{ kind: 'endpointSecurityGroup' }])], tutorialSnapshot());
    assert.deepEqual(plan.steps, [...createdGroupSteps(VPC_ID, TUTORIAL.vpcCidr), DEPLOY]);
  });

  it('no endpoint remedy, no group steps', () => {
    const plan = planFixes([aFinding([{ kind: 'logGroup', name: '/ecs/x', region: TUTORIAL.region }])], tutorialSnapshot());
    assert.deepEqual(plan.steps.map((x) => x.kind), ['createLogGroup', 'forceNewDeployment']);
  });
});

describe('doctor/fixPlan finding a planned group again (resolveRef)', () => {
  it("ECS Studio's group: by name, in the snapshot's VPC; none without groups", () => {
    const s = tutorialSnapshot();
    const mine = aGroup('sg-0mine', ENDPOINT_SG_NAME, []);
    const ref = { ref: 'endpointSecurityGroup' } as const;
    assert.equal(resolveRef(ref, { ...s, securityGroups: [aGroup('sg-0first', 'other', []), mine] }), 'sg-0mine');
    assert.equal(resolveRef(ref, { ...s, securityGroups: [{ ...mine, id: 'sg-0elsewhere', vpcId: 'vpc-0other' }, mine] }), 'sg-0mine');
    assert.equal(resolveRef(ref, { ...s, securityGroups: undefined }), undefined);
  });

  it('a group a service creation makes: its placeholder id, among other groups; none without groups', () => {
    const s = tutorialSnapshot();
    const ref = { ref: 'serviceSecurityGroup' } as const;
    assert.equal(resolveRef(ref, { ...s, securityGroups: [aGroup('sg-0first', 'x', []), aGroup('planned:serviceSecurityGroup', 'y', [])] }), 'planned:serviceSecurityGroup');
    assert.equal(resolveRef(ref, { ...s, securityGroups: [aGroup('planned:loadBalancerSecurityGroup', 'y', [])] }), undefined);
    assert.equal(resolveRef(ref, { ...s, securityGroups: undefined }), undefined);
  });
});

describe('doctor/fixPlan endpoint subnets', () => {
  it('a task subnet the snapshot does not hold is left out; no subnets read, none', () => {
    const s = tutorialSnapshot();
    const launch = (subnets: string[]) => ({ ...s.launch, awsvpcConfiguration: { ...s.launch.awsvpcConfiguration, subnets } });
    assert.deepEqual(subnetsOnePerZone({ ...s, launch: launch(['subnet-0unknown', IDS.privateC, IDS.privateA]) }), { subnetIds: [IDS.privateC, IDS.privateA], availabilityZones: ['ap-northeast-2c', 'ap-northeast-2a'] });
    assert.deepEqual(subnetsOnePerZone({ ...s, subnets: undefined }), { subnetIds: [], availabilityZones: [] });
  });
});
