// Each remedy's step in a plan, field by field: the VPC attribute, the endpoint ingress rule,
// gateway endpoints (one per service, route tables merged, an existing live gateway of the VPC
// reused), load balancer ingress from a group or a CIDR, the public IP, the target group health
// check (named from the snapshot, else from its ARN), the network ACL entry; the order steps of
// one kind keep; and the alternatives offered, preselected ones first.
import * as assert from 'node:assert/strict';
import { offeredAlternatives, planFixes } from '../../../../src/doctor/fixPlan';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { AlternativeName, AnalyzerFinding, FixStep, Remedy, RemedyAlternative } from '../../../../src/doctor/types';
import { TUTORIAL } from '../../../support/tutorialWorld';
import { ACCOUNT, anS3GatewayEndpoint, aWiring, beforeCreation, IDS, REGION, svc, tutorialSnapshot, VPC_ID } from '../snapshotBuilder';

const DEPLOY: FixStep = { kind: 'forceNewDeployment', cluster: IDS.clusterArn, service: TUTORIAL.serviceName };

function aFinding(remedies: Remedy[], alternatives?: RemedyAlternative[]): AnalyzerFinding {
  return {
    id: 'X:1', code: 'ENDPOINT_MISSING', severity: 'error', title: 't', resource: 'r', evidence: [], docsUrl: 'https://example.com',
    affects: [], remedies, ...(alternatives ? { alternatives } : {}),
  } as AnalyzerFinding;
}

function stepsFor(remedies: Remedy[], s: ServiceSnapshot = tutorialSnapshot()): readonly FixStep[] {
  return planFixes([aFinding(remedies)], s).steps;
}

function noVpc(): ServiceSnapshot {
  const { vpc: _vpc, ...rest } = tutorialSnapshot();
  return rest;
}

describe('doctor/fixPlan remedy steps', () => {
  it('a VPC DNS attribute is turned on (value true) on the VPC', () => {
    const s = tutorialSnapshot();
    const off = { ...s, vpc: { ...s.vpc!, dnsSupport: false, dnsHostnames: false } };
    assert.deepEqual(stepsFor([{ kind: 'vpcDns', attribute: 'enableDnsSupport' }, { kind: 'vpcDns', attribute: 'enableDnsHostnames' }], off), [
      { kind: 'modifyVpcAttribute', vpcId: VPC_ID, attribute: 'enableDnsSupport', value: true },
      { kind: 'modifyVpcAttribute', vpcId: VPC_ID, attribute: 'enableDnsHostnames', value: true },
      DEPLOY,
    ]);
  });

  it("the VPC attribute step without a VPC read names the first subnet's VPC, and is never taken as done", () => {
    assert.deepEqual(stepsFor([{ kind: 'vpcDns', attribute: 'enableDnsSupport' }], noVpc())[0], { kind: 'modifyVpcAttribute', vpcId: VPC_ID, attribute: 'enableDnsSupport', value: true });
    assert.deepEqual(stepsFor([{ kind: 'vpcDns', attribute: 'enableDnsHostnames' }], noVpc())[0], { kind: 'modifyVpcAttribute', vpcId: VPC_ID, attribute: 'enableDnsHostnames', value: true });
    const s = tutorialSnapshot();
    const firstElsewhere = { ...s, vpc: { ...s.vpc!, dnsSupport: false }, subnets: (s.subnets ?? []).map((x, i) => (i === 0 ? { ...x, vpcId: 'vpc-0first' } : x)) };
    assert.deepEqual(stepsFor([{ kind: 'vpcDns', attribute: 'enableDnsSupport' }], firstElsewhere)[0], { kind: 'modifyVpcAttribute', vpcId: VPC_ID, attribute: 'enableDnsSupport', value: true });
    const { subnets: _subnets, ...nothing } = noVpc();
    assert.deepEqual(stepsFor([{ kind: 'vpcDns', attribute: 'enableDnsSupport' }], nothing)[0], { kind: 'modifyVpcAttribute', vpcId: '', attribute: 'enableDnsSupport', value: true });
    assert.deepEqual(stepsFor([{ kind: 'vpcDns', attribute: 'enableDnsSupport' }], { ...nothing, subnets: [] })[0], { kind: 'modifyVpcAttribute', vpcId: '', attribute: 'enableDnsSupport', value: true });
  });

  it("an endpoint's group gets 443 from the VPC CIDR (empty when no VPC was read)", () => {
    const rule = (cidr: string): FixStep => ({ kind: 'authorizeIngress', groupId: IDS.albSg, protocol: 'tcp', port: 443, cidr, description: 'HTTPS from the VPC to the endpoints' });
    assert.deepEqual(stepsFor([{ kind: 'endpointIngress', groupId: IDS.albSg }]), [rule(TUTORIAL.vpcCidr), DEPLOY]);
    assert.deepEqual(stepsFor([{ kind: 'endpointIngress', groupId: IDS.albSg }], noVpc()), [rule(''), DEPLOY]);
  });

  it('gateway endpoints: one step per service, the route tables of its remedies merged once each, in order', () => {
    const steps = stepsFor([
      { kind: 'gatewayEndpoint', serviceName: svc('s3'), routeTableIds: [IDS.privateTable, IDS.mainTable] },
      { kind: 'gatewayEndpoint', serviceName: svc('dynamodb'), routeTableIds: [IDS.privateTable] },
      { kind: 'gatewayEndpoint', serviceName: svc('s3'), routeTableIds: [IDS.mainTable, IDS.publicTable, IDS.privateTable] },
    ]);
    assert.deepEqual(steps, [
      { kind: 'createGatewayEndpoint', serviceName: svc('s3'), vpcId: VPC_ID, routeTableIds: [IDS.privateTable, IDS.mainTable, IDS.publicTable] },
      { kind: 'createGatewayEndpoint', serviceName: svc('dynamodb'), vpcId: VPC_ID, routeTableIds: [IDS.privateTable] },
      DEPLOY,
    ]);
  });

  it("a live gateway endpoint of that service in the VPC is reused; one elsewhere, of another service or type, or gone, is not", () => {
    const plan = (endpoint: ReturnType<typeof anS3GatewayEndpoint>) => {
      const s = { ...tutorialSnapshot(), endpoints: [endpoint] };
      return stepsFor([{ kind: 'gatewayEndpoint', serviceName: svc('s3'), routeTableIds: [IDS.privateTable, IDS.mainTable] }], s)[0];
    };
    const step = { kind: 'createGatewayEndpoint', serviceName: svc('s3'), vpcId: VPC_ID, routeTableIds: [IDS.privateTable, IDS.mainTable] };
    assert.deepEqual(plan(anS3GatewayEndpoint()), { ...step, existingEndpointId: 'vpce-0s3' });
    assert.deepEqual(plan(anS3GatewayEndpoint({ state: 'pending' })), { ...step, existingEndpointId: 'vpce-0s3' });
    for (const other of [{ vpcId: 'vpc-0other' }, { serviceName: svc('dynamodb') }, { type: 'Interface' }, { state: 'deleted' }, { state: 'failed' }]) {
      assert.deepEqual(plan(anS3GatewayEndpoint(other)), step, JSON.stringify(other));
    }
  });

  it('load balancer ingress: from its group, else from a CIDR, else from an empty CIDR', () => {
    const rule = (source: object): FixStep => ({ kind: 'authorizeIngress', groupId: IDS.serviceSg, protocol: 'tcp', port: 9000, ...source, description: 'The load balancer to the container port' } as FixStep);
    assert.deepEqual(stepsFor([{ kind: 'lbIngress', groupId: IDS.serviceSg, port: 9000, sourceGroupId: IDS.albSg, cidr: '10.9.0.0/16' }]), [rule({ sourceGroupId: IDS.albSg }), DEPLOY]);
    assert.deepEqual(stepsFor([{ kind: 'lbIngress', groupId: IDS.serviceSg, port: 9000, cidr: '10.9.0.0/16' }]), [rule({ cidr: '10.9.0.0/16' }), DEPLOY]);
    assert.deepEqual(stepsFor([{ kind: 'lbIngress', groupId: IDS.serviceSg, port: 9000 }]), [rule({ cidr: '' }), DEPLOY]);
  });

  it('the public IP is turned on for the service, with its subnets and groups; before creation there is no service to update', () => {
    assert.deepEqual(stepsFor([{ kind: 'assignPublicIp' }]), [
      { kind: 'setAssignPublicIp', cluster: IDS.clusterArn, service: TUTORIAL.serviceName, subnets: [IDS.privateA, IDS.privateC], securityGroups: [IDS.serviceSg], assignPublicIp: 'ENABLED' },
      DEPLOY,
    ]);
    assert.deepEqual(stepsFor([{ kind: 'assignPublicIp' }], beforeCreation()), []);
  });

  it("the health check change names the target group as the snapshot does, else by its ARN's name part, else the ARN", () => {
    const named = (targetGroupArn: string, s: ServiceSnapshot) =>
      stepsFor([{ kind: 'targetGroupHealthCheck', targetGroupArn, protocol: 'HTTPS' }], s)[0];
    const renamed = { ...tutorialSnapshot(), loadBalancing: [aWiring({ targetGroup: { arn: 'arn:other/first/1', name: 'first' } }), aWiring({ targetGroup: { name: 'as-the-snapshot-says' } })] };
    assert.deepEqual(named(IDS.targetGroupArn, renamed), { kind: 'modifyTargetGroupHealthCheck', targetGroupArn: IDS.targetGroupArn, targetGroupName: 'as-the-snapshot-says', healthCheckProtocol: 'HTTPS' });
    const other = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/not-read/0123`;
    assert.equal((named(other, renamed) as { targetGroupName: string }).targetGroupName, 'not-read');
    assert.equal((named(IDS.targetGroupArn, { ...tutorialSnapshot(), loadBalancing: undefined }) as { targetGroupName: string }).targetGroupName, TUTORIAL.targetGroupName);
    assert.equal((named('tg-without-slash', renamed) as { targetGroupName: string }).targetGroupName, 'tg-without-slash');
  });

  it('a network ACL entry carries the rule it goes before only when there is one', () => {
    const entry = { aclId: 'acl-0new', ruleNumber: 90, egress: true, fromPort: 443, toPort: 443, cidr: '0.0.0.0/0' };
    assert.deepEqual(stepsFor([{ kind: 'naclAllow', ...entry }]), [{ kind: 'createNetworkAclEntry', ...entry }, DEPLOY]);
    assert.deepEqual(stepsFor([{ kind: 'naclAllow', ...entry, beforeRule: 100 }]), [{ kind: 'createNetworkAclEntry', ...entry, beforeRule: 100 }, DEPLOY]);
  });

  it('steps of one kind keep the order of their remedies, between kinds the plan order', () => {
    const steps = stepsFor([
      { kind: 'logGroup', name: '/ecs/c', region: REGION },
      { kind: 'attachPolicy', roleName: 'r', policyArn: 'arn:aws:iam::aws:policy/Z' },
      { kind: 'logGroup', name: '/ecs/a', region: REGION },
      { kind: 'vpcDns', attribute: 'enableDnsSupport' },
      { kind: 'logGroup', name: '/ecs/b', region: REGION },
      { kind: 'attachPolicy', roleName: 'r', policyArn: 'arn:aws:iam::aws:policy/A' },
      { kind: 'logGroup', name: '/ecs/d', region: REGION },
    ], { ...tutorialSnapshot(), vpc: { ...tutorialSnapshot().vpc!, dnsSupport: false } });
    assert.deepEqual(steps.map((x) => ('logGroupName' in x ? x.logGroupName : 'policyArn' in x ? x.policyArn : x.kind)), [
      'modifyVpcAttribute', '/ecs/c', '/ecs/a', '/ecs/b', '/ecs/d', 'arn:aws:iam::aws:policy/Z', 'arn:aws:iam::aws:policy/A', 'forceNewDeployment',
    ]);
  });
});

describe('doctor/fixPlan offered alternatives', () => {
  const alternative = (name: AlternativeName, preselected: boolean): RemedyAlternative => ({
    name, title: name, changes: 'c', cost: 'c', price: 'p', monthlyUsd: 1, remedies: [], preselected,
  });

  it('preselected ones first, then the others in the order the findings offer them, each once', () => {
    const findings = [
      aFinding([], [alternative('natGateway', false), alternative('publicIp', true)]),
      aFinding([]),
      aFinding([], [alternative('vpcEndpoints', false), alternative('natGateway', false), alternative('publicIp', true)]),
    ];
    assert.deepEqual(offeredAlternatives(findings), ['publicIp', 'natGateway', 'vpcEndpoints']);
    assert.deepEqual(offeredAlternatives([aFinding([])]), []);
  });
});
