// When a fix step counts as already done on a snapshot (so a re-run skips it), step kind by step
// kind, each on the side that is done and on each side that is not: the other VPC, the other
// region, a gone endpoint state, a blackholed route, a NAT gateway that is private or failed.
import * as assert from 'node:assert/strict';
import { ENDPOINT_SG_NAME, natGatewayIn, resolveRef, stepAlreadyDone } from '../../../../src/doctor/fixPlan';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { FixStep } from '../../../../src/doctor/types';
import { aGroup, anInterfaceEndpoint, anS3GatewayEndpoint, aRoute, aRouteTable, IDS, REGION, svc, tcp, tutorialSnapshot, VPC_ID } from '../snapshotBuilder';

function done(step: unknown, changes: Partial<ServiceSnapshot> = {}): boolean {
  return stepAlreadyDone(step as FixStep, { ...tutorialSnapshot(), ...changes });
}

describe('doctor/fixPlan step already done', () => {
  it('resolves the endpoint group by name in the VPC, a planned group by its placeholder', () => {
    const s = tutorialSnapshot();
    const mine = aGroup('sg-0ep', ENDPOINT_SG_NAME, []);
    assert.equal(resolveRef({ ref: 'endpointSecurityGroup' }, { ...s, securityGroups: [{ ...mine, vpcId: 'vpc-other' }, mine] }), 'sg-0ep');
    assert.equal(resolveRef({ ref: 'endpointSecurityGroup' }, { ...s, securityGroups: [{ ...mine, vpcId: 'vpc-other' }] }), undefined);
    const { vpc: _vpc, ...noVpc } = s;
    assert.equal(resolveRef({ ref: 'endpointSecurityGroup' }, { ...noVpc, securityGroups: [{ ...mine, vpcId: 'vpc-other' }] }), 'sg-0ep');
    assert.equal(resolveRef({ ref: 'serviceSecurityGroup' }, s), undefined);
    assert.equal(resolveRef({ ref: 'serviceSecurityGroup' }, { ...s, securityGroups: [aGroup('planned:serviceSecurityGroup', 'x', [])] }), 'planned:serviceSecurityGroup');
    assert.equal(resolveRef('sg-1', s), 'sg-1');
  });

  it('VPC attributes: each attribute reads its own flag', () => {
    const vpc = tutorialSnapshot().vpc!;
    const on = (dnsSupport: boolean, dnsHostnames: boolean) => ({ vpc: { ...vpc, dnsSupport, dnsHostnames } });
    assert.equal(done({ kind: 'modifyVpcAttribute', attribute: 'enableDnsSupport' }, on(true, false)), true);
    assert.equal(done({ kind: 'modifyVpcAttribute', attribute: 'enableDnsSupport' }, on(false, true)), false);
    assert.equal(done({ kind: 'modifyVpcAttribute', attribute: 'enableDnsHostnames' }, on(false, true)), true);
    assert.equal(done({ kind: 'modifyVpcAttribute', attribute: 'enableDnsHostnames' }, on(true, false)), false);
  });

  it('a group is made when one of that name is in that VPC', () => {
    assert.equal(done({ kind: 'createSecurityGroup', groupName: 'x', vpcId: VPC_ID }, { securityGroups: [aGroup('sg-x', 'x', [])] }), true);
    assert.equal(done({ kind: 'createSecurityGroup', groupName: 'x', vpcId: 'vpc-other' }, { securityGroups: [aGroup('sg-x', 'x', [])] }), false);
    assert.equal(done({ kind: 'createSecurityGroup', groupName: 'y', vpcId: VPC_ID }, { securityGroups: [aGroup('sg-x', 'x', [])] }), false);
    assert.equal(done({ kind: 'createSecurityGroup', groupName: 'x', vpcId: VPC_ID }, { securityGroups: undefined }), false);
  });

  it('rules are there when the group lets that port from that source, or to that CIDR', () => {
    const groups = [aGroup('sg-a', 'a', [tcp(443, 443, { cidrs: ['10.0.0.0/16'] }), tcp(80, 80, { groupIds: ['sg-b'] })], [tcp(443, 443, { cidrs: ['0.0.0.0/0'] })]), aGroup('sg-b', 'b', [], [])];
    const ingress = (fields: object) => done({ kind: 'authorizeIngress', groupId: 'sg-a', ...fields }, { securityGroups: groups });
    assert.equal(ingress({ port: 443, cidr: '10.0.0.0/16' }), true);
    assert.equal(ingress({ port: 444, cidr: '10.0.0.0/16' }), false);
    assert.equal(ingress({ port: 80, sourceGroupId: 'sg-b' }), true);
    assert.equal(ingress({ port: 80, sourceGroupId: 'sg-c' }), false);
    assert.equal(ingress({ port: 80, sourceGroupId: { ref: 'loadBalancerSecurityGroup' } }), false);
    assert.equal(done({ kind: 'authorizeIngress', groupId: 'sg-none', port: 443, cidr: '10.0.0.0/16' }, { securityGroups: groups }), false);
    const egress = (groupId: string, port: number) => done({ kind: 'authorizeEgress', groupId, port, cidr: '0.0.0.0/0' }, { securityGroups: groups });
    assert.deepEqual([egress('sg-a', 443), egress('sg-a', 80), egress('sg-b', 443), egress('sg-none', 443)], [true, false, false, false]);
  });

  it('an interface endpoint counts unless it is gone; private DNS by endpoint id', () => {
    const step = { kind: 'createInterfaceEndpoint', vpcId: VPC_ID, serviceName: svc('logs') };
    const states = ['available', 'pending', 'pendingAcceptance', 'deleted', 'deleting', 'failed', 'rejected', 'expired'];
    assert.deepEqual(states.map((state) => done(step, { endpoints: [anInterfaceEndpoint('logs', { state })] })), [true, true, true, false, false, false, false, false]);
    assert.equal(done(step, { endpoints: [anInterfaceEndpoint('logs', { vpcId: 'vpc-other' })] }), false);
    assert.equal(done(step, { endpoints: [anInterfaceEndpoint('logs', { type: 'Gateway' })] }), false);
    assert.equal(done(step, { endpoints: [anInterfaceEndpoint('ecr.api')] }), false);
    assert.equal(done(step, { endpoints: undefined }), false);
    const dns = { kind: 'enableEndpointPrivateDns', endpointId: 'vpce-0logs' };
    assert.equal(done(dns, { endpoints: [anInterfaceEndpoint('logs')] }), true);
    assert.equal(done(dns, { endpoints: [anInterfaceEndpoint('logs', { privateDnsEnabled: false })] }), false);
    assert.equal(done(dns, { endpoints: [anInterfaceEndpoint('ecr.api')] }), false);
  });

  it('a gateway endpoint is done only when live gateways cover every route table', () => {
    const step = (routeTableIds: string[]) => ({ kind: 'createGatewayEndpoint', vpcId: VPC_ID, serviceName: svc('s3'), routeTableIds });
    const both = anS3GatewayEndpoint({ routeTableIds: [IDS.privateTable, IDS.mainTable] });
    assert.equal(done(step([IDS.privateTable, IDS.mainTable]), { endpoints: [both] }), true);
    assert.equal(done(step([IDS.privateTable, IDS.mainTable]), { endpoints: [anS3GatewayEndpoint(), anS3GatewayEndpoint({ id: 'vpce-1', routeTableIds: [IDS.mainTable] })] }), true);
    assert.equal(done(step([IDS.privateTable, IDS.mainTable]), { endpoints: [anS3GatewayEndpoint()] }), false);
    assert.equal(done(step([IDS.privateTable]), { endpoints: [anS3GatewayEndpoint({ state: 'deleted' })] }), false);
    assert.equal(done(step([IDS.privateTable]), { endpoints: [anS3GatewayEndpoint({ vpcId: 'vpc-other' })] }), false);
    assert.equal(done(step([IDS.privateTable]), { endpoints: [anS3GatewayEndpoint({ type: 'Interface' })] }), false);
    assert.equal(done(step([IDS.privateTable]), { endpoints: [anS3GatewayEndpoint({ serviceName: svc('dynamodb') })] }), false);
    assert.equal(done(step([IDS.privateTable]), { endpoints: undefined }), false);
  });

  it('log group in its region and existing; public IP enabled; policy attached; a forced deployment never', () => {
    const lg = { kind: 'createLogGroup', logGroupName: '/ecs/x', region: REGION };
    assert.equal(done(lg, { logGroups: [{ name: '/ecs/x', region: REGION, exists: true }] }), true);
    assert.equal(done(lg, { logGroups: [{ name: '/ecs/x', region: REGION, exists: false }] }), false);
    assert.equal(done(lg, { logGroups: [{ name: '/ecs/x', region: 'us-east-1', exists: true }] }), false);
    assert.equal(done(lg, { logGroups: [{ name: '/ecs/y', region: REGION, exists: true }] }), false);
    assert.equal(done(lg, { logGroups: undefined }), false);
    const base = tutorialSnapshot();
    const ip = (assignPublicIp: 'ENABLED' | 'DISABLED') => done({ kind: 'setAssignPublicIp' }, { launch: { ...base.launch, awsvpcConfiguration: { ...base.launch.awsvpcConfiguration, assignPublicIp } } });
    assert.deepEqual([ip('ENABLED'), ip('DISABLED')], [true, false]);
    const role = base.executionRole!;
    const attach = { kind: 'attachRolePolicy', policyArn: 'arn:aws:iam::aws:policy/P' };
    assert.equal(done(attach, { executionRole: { ...role, attachedPolicyArns: ['arn:aws:iam::aws:policy/P'] } }), true);
    assert.equal(done(attach, { executionRole: { ...role, attachedPolicyArns: [] } }), false);
    assert.equal(done(attach, { executionRole: undefined }), false);
    assert.equal(done({ kind: 'forceNewDeployment' }), false);
  });

  it('a health check change is done when the target group shows each given field', () => {
    const tg = tutorialSnapshot().loadBalancing![0].targetGroup;
    const step = (fields: object) => done({ kind: 'modifyTargetGroupHealthCheck', targetGroupArn: tg.arn, ...fields });
    assert.equal(step({}), true);
    assert.equal(step({ healthCheckPort: tg.healthCheckPort, healthCheckProtocol: tg.healthCheckProtocol }), true);
    assert.equal(step({ healthCheckPort: '9999' }), false);
    assert.equal(step({ healthCheckProtocol: 'HTTPS' }), false);
    assert.equal(done({ kind: 'modifyTargetGroupHealthCheck', targetGroupArn: 'arn:other' }), false);
  });

  it('NAT: a live public gateway in the subnet; the address waits unassociated; the route is a live NAT default route', () => {
    const nat = (fields: object) => ({ id: 'nat-1', vpcId: VPC_ID, name: undefined, subnetId: IDS.publicA, connectivityType: 'public', state: 'available', ...fields });
    const natGateways = (fields: object) => ({ natGateways: [nat(fields)] } as unknown as Partial<ServiceSnapshot>);
    assert.deepEqual(natGatewayIn(IDS.publicA, { ...tutorialSnapshot(), ...natGateways({}) }), nat({}));
    for (const [fields, expected] of [[{}, true], [{ state: 'pending' }, true], [{ state: 'failed' }, false], [{ state: 'deleted' }, false], [{ connectivityType: 'private' }, false], [{ subnetId: IDS.publicC }, false]] as const) {
      assert.equal(done({ kind: 'createNatGateway', subnetId: IDS.publicA }, natGateways(fields)), expected, JSON.stringify(fields));
      assert.equal(done({ kind: 'allocateElasticIp', natSubnetId: IDS.publicA, name: 'eip' }, natGateways(fields)), expected, JSON.stringify(fields));
    }
    const eip = { kind: 'allocateElasticIp', natSubnetId: IDS.publicA, name: 'eip' };
    assert.equal(done(eip, { elasticIps: [{ allocationId: 'a', publicIp: '1.2.3.4', name: 'eip' }] } as unknown as Partial<ServiceSnapshot>), true);
    assert.equal(done(eip, { elasticIps: [{ allocationId: 'a', publicIp: '1.2.3.4', name: 'eip', associationId: 'x' }] } as unknown as Partial<ServiceSnapshot>), false);
    assert.equal(done(eip, { elasticIps: [{ allocationId: 'a', publicIp: '1.2.3.4', name: 'other' }] } as unknown as Partial<ServiceSnapshot>), false);
    const route = (routes: ReturnType<typeof aRoute>[], id: string = IDS.privateTable) => done({ kind: 'addNatRoute', routeTableId: IDS.privateTable }, { routeTables: [aRouteTable(id, { routes })] });
    assert.equal(route([aRoute('0.0.0.0/0', 'nat-1')]), true);
    assert.equal(route([aRoute('0.0.0.0/0', 'nat-1', 'blackhole')]), false);
    assert.equal(route([aRoute('0.0.0.0/0', IDS.igw)]), false);
    assert.equal(route([aRoute('10.1.0.0/16', 'nat-1')]), false);
    assert.equal(route([aRoute('0.0.0.0/0', 'nat-1')], IDS.mainTable), false);
  });
});
