// A pure stand-in for the applier, for tests: the snapshot as it would read after a plan ran.
// Each step changes exactly what its AWS call would (new ids are made up, deterministic).
import { ENDPOINT_SG_NAME, resolveRef } from '../../../src/doctor/fixPlan';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import type { FixPlan, IdRef } from '../../../src/doctor/types';
import type { SecurityGroupRule, VpcEndpoint } from '../../../src/model/network';

export const CREATED_SG_ID = 'sg-0ecsstudio';

function rule(port: number, source: { cidr?: string; sourceGroupId?: string }): SecurityGroupRule {
  return {
    protocol: 'tcp', fromPort: port, toPort: port, ipv6Cidrs: [], prefixListIds: [],
    cidrs: source.cidr ? [source.cidr] : [], groupIds: source.sourceGroupId ? [source.sourceGroupId] : [],
  };
}

export function applyToSnapshot(plan: FixPlan, snapshot: ServiceSnapshot): ServiceSnapshot {
  let s = snapshot;
  const resolve = (id: IdRef) => resolveRef(id, s) ?? (typeof id === 'string' ? id : 'sg-unresolved');
  for (const step of plan.steps) {
    switch (step.kind) {
      case 'modifyVpcAttribute':
        if (s.vpc) s = { ...s, vpc: { ...s.vpc, ...(step.attribute === 'enableDnsSupport' ? { dnsSupport: true } : { dnsHostnames: true }) } };
        break;
      case 'createSecurityGroup':
        s = {
          ...s,
          securityGroups: [...(s.securityGroups ?? []), {
            id: CREATED_SG_ID, name: step.groupName, vpcId: step.vpcId, description: step.description, ingress: [],
            egress: [{ protocol: '-1', fromPort: 0, toPort: 65535, cidrs: ['0.0.0.0/0'], ipv6Cidrs: [], groupIds: [], prefixListIds: [] }],
          }],
        };
        break;
      case 'authorizeIngress': {
        const id = resolve(step.groupId);
        const source = { ...(step.cidr ? { cidr: step.cidr } : {}), ...(step.sourceGroupId ? { sourceGroupId: resolve(step.sourceGroupId) } : {}) };
        s = { ...s, securityGroups: (s.securityGroups ?? []).map((g) => (g.id === id ? { ...g, ingress: [...g.ingress, rule(step.port, source)] } : g)) };
        break;
      }
      case 'authorizeEgress': {
        const id = resolve(step.groupId);
        s = { ...s, securityGroups: (s.securityGroups ?? []).map((g) => (g.id === id ? { ...g, egress: [...g.egress, rule(step.port, step)] } : g)) };
        break;
      }
      case 'createInterfaceEndpoint': {
        const endpoint: VpcEndpoint = {
          id: `vpce-new-${step.serviceName.split('.').slice(3).join('-')}`, vpcId: step.vpcId, serviceName: step.serviceName, type: 'Interface',
          state: 'available', privateDnsEnabled: step.privateDns, subnetIds: step.subnetIds, securityGroupIds: step.securityGroupIds.map(resolve),
          routeTableIds: [], name: undefined,
        };
        s = { ...s, endpoints: [...(s.endpoints ?? []), endpoint] };
        break;
      }
      case 'enableEndpointPrivateDns':
        s = { ...s, endpoints: (s.endpoints ?? []).map((e) => (e.id === step.endpointId ? { ...e, privateDnsEnabled: true } : e)) };
        break;
      case 'createGatewayEndpoint': {
        const endpoint: VpcEndpoint = {
          id: `vpce-new-gw-${step.serviceName.split('.').slice(3).join('-')}`, vpcId: step.vpcId, serviceName: step.serviceName, type: 'Gateway',
          state: 'available', privateDnsEnabled: false, subnetIds: [], securityGroupIds: [], routeTableIds: step.routeTableIds, name: undefined,
        };
        s = { ...s, endpoints: [...(s.endpoints ?? []), endpoint] };
        break;
      }
      case 'createLogGroup':
        s = { ...s, logGroups: [...(s.logGroups ?? []).filter((g) => !(g.name === step.logGroupName && g.region === step.region)), { name: step.logGroupName, region: step.region, exists: true }] };
        break;
      case 'setAssignPublicIp':
        s = { ...s, launch: { ...s.launch, awsvpcConfiguration: { ...s.launch.awsvpcConfiguration, assignPublicIp: 'ENABLED' } } };
        break;
      case 'attachRolePolicy':
        if (s.executionRole) s = { ...s, executionRole: { ...s.executionRole, attachedPolicyArns: [...(s.executionRole.attachedPolicyArns ?? []), step.policyArn] } };
        break;
      case 'forceNewDeployment':
        break;
      case 'modifyTargetGroupHealthCheck':
        s = {
          ...s,
          loadBalancing: (s.loadBalancing ?? []).map((w) => (w.targetGroup.arn === step.targetGroupArn
            ? {
              ...w,
              targetGroup: {
                ...w.targetGroup,
                ...(step.healthCheckPort ? { healthCheckPort: step.healthCheckPort } : {}),
                ...(step.healthCheckProtocol ? { healthCheckProtocol: step.healthCheckProtocol } : {}),
              },
            }
            : w)),
        };
        break;
      case 'allocateElasticIp':
        s = { ...s, elasticIps: [...(s.elasticIps ?? []), { allocationId: `eipalloc-${step.natSubnetId}`, publicIp: '203.0.113.10', associationId: undefined, name: step.name }] };
        break;
      case 'createNatGateway':
        s = {
          ...s,
          natGateways: [...(s.natGateways ?? []), { id: `nat-${step.subnetId}`, vpcId: step.vpcId, subnetId: step.subnetId, state: 'available', connectivityType: 'public', name: step.name }],
          elasticIps: (s.elasticIps ?? []).map((a) => (a.name === step.name ? { ...a, associationId: `eipassoc-${step.subnetId}` } : a)),
        };
        break;
      case 'addNatRoute':
        s = {
          ...s,
          routeTables: (s.routeTables ?? []).map((t) => (t.id !== step.routeTableId ? t : {
            ...t,
            routes: [...t.routes.filter((r) => r.destination !== '0.0.0.0/0'),
              { destination: '0.0.0.0/0', destinationKind: 'ipv4' as const, target: `nat-${step.natSubnetId}`, targetKind: 'nat-gateway' as const, state: 'active' }],
          })),
        };
        break;
      case 'updateAssumeRolePolicy':
        if (s.executionRole?.name === step.roleName) s = { ...s, executionRole: { ...s.executionRole, trustPolicy: step.document } };
        break;
      case 'createNetworkAclEntry':
        s = {
          ...s,
          networkAcls: (s.networkAcls ?? []).map((a) => (a.id !== step.aclId ? a : {
            ...a,
            entries: [...a.entries, {
              ruleNumber: step.ruleNumber, egress: step.egress, protocol: 'tcp', action: 'allow' as const, cidr: step.cidr, ipv6Cidr: undefined,
              fromPort: step.fromPort, toPort: step.toPort,
            }].sort((x, y) => x.ruleNumber - y.ruleNumber),
          })),
        };
        break;
    }
  }
  return s;
}

export { ENDPOINT_SG_NAME };
