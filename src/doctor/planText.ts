// How a fix plan reads: one sentence per step, and a short summary for a menu. Kept apart from
// fixPlan.ts (planning, idempotence) so that VS Code's activation bundle can word plans without
// carrying the planner: it takes only the endpoint group's name from there, and esbuild's tree
// shaking leaves the rest of fixPlan.ts out of dist/extension.js.
//
// Pure module: no vscode, no AWS SDK.

import { ENDPOINT_SG_NAME } from './fixPlan';
import type { FixPlan, FixStep, IdRef, RefName } from './types';

const PLANNED_WORDS: Record<Exclude<RefName, 'endpointSecurityGroup'>, string> = {
  serviceSecurityGroup: "the service's new security group",
  loadBalancerSecurityGroup: "the new load balancer's security group",
  loadBalancer: 'the new load balancer',
  targetGroup: 'the new target group',
};

function idText(id: IdRef): string {
  if (typeof id === 'string') return id;
  return id.ref === 'endpointSecurityGroup' ? `the new security group ${ENDPOINT_SG_NAME}` : PLANNED_WORDS[id.ref];
}

function zonesText(subnetIds: readonly string[], zones: readonly string[]): string {
  return subnetIds.map((id, i) => (zones[i] ? `${id} (${zones[i]})` : id)).join(', ');
}

function leaf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/** One sentence a person reads before confirming. */
export function describeStep(step: FixStep): string {
  switch (step.kind) {
    case 'modifyVpcAttribute':
      return `Turn on ${step.attribute === 'enableDnsSupport' ? 'DNS resolution (enableDnsSupport)' : 'DNS hostnames (enableDnsHostnames)'} on ${step.vpcId}`;
    case 'createSecurityGroup':
      return `Create security group ${step.groupName} in ${step.vpcId} (${step.description})`;
    case 'authorizeIngress':
      return `Allow inbound TCP ${step.port} from ${step.cidr ?? (step.sourceGroupId !== undefined ? idText(step.sourceGroupId) : '?')} on ${idText(step.groupId)}`;
    case 'authorizeEgress':
      return `Allow outbound TCP ${step.port} to ${step.cidr} on ${idText(step.groupId)}`;
    case 'createInterfaceEndpoint':
      return `Create interface endpoint ${step.serviceName} in ${zonesText(step.subnetIds, step.availabilityZones)} ` +
        `with security group ${step.securityGroupIds.map((g) => (typeof g === 'string' || g.ref !== 'endpointSecurityGroup' ? idText(g) : ENDPOINT_SG_NAME)).join(', ')}, private DNS on`;
    case 'enableEndpointPrivateDns':
      return `Turn on private DNS for endpoint ${step.endpointId} (${step.serviceName})`;
    case 'createGatewayEndpoint':
      if (step.existingEndpointId) {
        return `Associate gateway endpoint ${step.existingEndpointId} (${step.serviceName}) with route table${step.routeTableIds.length === 1 ? '' : 's'} ${step.routeTableIds.join(', ')} (ModifyVpcEndpoint; nothing created)`;
      }
      return `Create gateway endpoint ${step.serviceName} in ${step.vpcId} on route table${step.routeTableIds.length === 1 ? '' : 's'} ${step.routeTableIds.join(', ')}`;
    case 'createLogGroup':
      return `Create CloudWatch log group ${step.logGroupName} in ${step.region}`;
    case 'setAssignPublicIp':
      return `Update service ${step.service} to give its tasks a public IP (assignPublicIp ENABLED)`;
    case 'attachRolePolicy':
      return `Attach ${leaf(step.policyArn)} to role ${step.roleName}`;
    case 'forceNewDeployment':
      return `Start a new deployment of service ${step.service} (force new deployment) so tasks start with the fixes`;
    case 'putRolePolicy':
      return `${step.update ? 'Update' : 'Add'} inline policy ${step.policyName} on role ${step.roleName}${step.update ? ' (its other statements kept)' : ''}, ` +
        `granting ${grantsText(step.grants)}`;
    case 'modifyTargetGroupHealthCheck':
      return `Change the health check of target group ${step.targetGroupName}: ${[
        ...(step.healthCheckPort ? [`port ${step.healthCheckPort} (the port the tasks receive traffic on)`] : []),
        ...(step.healthCheckProtocol ? [`protocol ${step.healthCheckProtocol}`] : []),
      ].join(', ')} (ModifyTargetGroup)`;
    case 'allocateElasticIp':
      return `Allocate an Elastic IP named ${step.name} for the NAT gateway in ${step.natSubnetId}`;
    case 'createNatGateway':
      return `Create a public NAT gateway named ${step.name} in public subnet ${step.subnetId} (${step.availabilityZone}) with that Elastic IP, and wait until it is available`;
    case 'addNatRoute':
      return `Route 0.0.0.0/0 of route table ${step.routeTableId} to the NAT gateway in ${step.natSubnetId}`;
    case 'updateAssumeRolePolicy':
      return `Update the trust policy of role ${step.roleName} (its statements kept) with one statement letting ecs-tasks.amazonaws.com call sts:AssumeRole (UpdateAssumeRolePolicy)`;
    case 'createNetworkAclEntry':
      return `Add entry ${step.ruleNumber} to network ACL ${step.aclId}: allow ${step.egress ? 'outbound' : 'inbound'} TCP ${step.fromPort === step.toPort ? step.fromPort : `${step.fromPort}-${step.toPort}`} ` +
        `${step.egress ? 'to' : 'from'} ${step.cidr}, ${step.beforeRule !== undefined ? `before rule ${step.beforeRule} that denies it` : 'before the final deny (*)'}; no other entry changed (CreateNetworkAclEntry)`;
  }
}

/** "secretsmanager:GetSecretValue on arn:...:secret:db-AbCdEf; kms:Decrypt on arn:...:key/1234" (one action, its resources together). */
function grantsText(grants: ReadonlyArray<{ action: string; resource: string }>): string {
  const byAction = new Map<string, string[]>();
  for (const g of grants) byAction.set(g.action, [...(byAction.get(g.action) ?? []), g.resource]);
  return [...byAction].map(([action, resources]) => `${action} on ${resources.join(', ')}`).join('; ');
}

/** The lines of a step's detail shown under it: the policy document a putRolePolicy or updateAssumeRolePolicy puts. */
function stepDetail(step: FixStep): string[] {
  if (step.kind !== 'putRolePolicy' && step.kind !== 'updateAssumeRolePolicy') return [];
  let pretty = step.document;
  try {
    pretty = JSON.stringify(JSON.parse(step.document) as unknown, null, 2);
  } catch {
    // shown as it is
  }
  return pretty.split('\n').map((line) => `   ${line}`);
}

/** One line per step, numbered; a policy step is followed by its document, indented. */
export function describePlan(plan: FixPlan): string[] {
  return plan.steps.flatMap((s, i) => [`${i + 1}. ${describeStep(s)}`, ...stepDetail(s)]);
}


/** "create 3 interface endpoints, 1 gateway endpoint, 1 log group; add 1 inbound rule; then redeploy" */
export function summarizePlan(plan: FixPlan): string {
  const nouns: Record<Exclude<FixStep['kind'], 'forceNewDeployment'>, [verb: string, one: string, many: string]> = {
    createInterfaceEndpoint: ['create', 'interface endpoint', 'interface endpoints'],
    createGatewayEndpoint: ['create', 'gateway endpoint', 'gateway endpoints'],
    createSecurityGroup: ['create', 'security group', 'security groups'],
    createLogGroup: ['create', 'log group', 'log groups'],
    authorizeIngress: ['add', 'inbound rule', 'inbound rules'],
    authorizeEgress: ['add', 'outbound rule', 'outbound rules'],
    enableEndpointPrivateDns: ['turn on', 'endpoint private DNS', 'endpoint private DNS settings'],
    modifyVpcAttribute: ['turn on', 'VPC DNS attribute', 'VPC DNS attributes'],
    setAssignPublicIp: ['turn on', 'public IP for the tasks', 'public IP for the tasks'],
    attachRolePolicy: ['attach', 'role policy', 'role policies'],
    putRolePolicy: ['put', 'inline role policy', 'inline role policies'],
    modifyTargetGroupHealthCheck: ['change', 'target group health check', 'target group health checks'],
    allocateElasticIp: ['allocate', 'Elastic IP', 'Elastic IPs'],
    createNatGateway: ['create', 'NAT gateway', 'NAT gateways'],
    addNatRoute: ['add', 'route to the NAT gateway', 'routes to the NAT gateway'],
    updateAssumeRolePolicy: ['update', 'role trust policy', 'role trust policies'],
    createNetworkAclEntry: ['add', 'network ACL entry', 'network ACL entries'],
  };
  const counts = new Map<string, number>();
  for (const step of plan.steps) counts.set(step.kind, (counts.get(step.kind) ?? 0) + 1);
  const byVerb = new Map<string, string[]>();
  for (const [kind, [verb, one, many]] of Object.entries(nouns)) {
    const n = counts.get(kind);
    if (!n) continue;
    const phrase = kind === 'setAssignPublicIp' ? one : `${n} ${n === 1 ? one : many}`;
    byVerb.set(verb, [...(byVerb.get(verb) ?? []), phrase]);
  }
  const parts = [...byVerb].map(([verb, phrases]) => `${verb} ${phrases.join(', ')}`);
  if (counts.has('forceNewDeployment')) parts.push(parts.length > 0 ? 'then redeploy' : 'redeploy');
  return parts.length > 0 ? parts.join('; ') : 'nothing to do';
}
