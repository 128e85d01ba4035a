// Fix plans: the AWS changes that clear the analyzer's findings, as plain data a person reads
// before anything runs, and an applier (src/aws, later) executes in order. One plan covers
// every finding at once: shared resources (the endpoints' security group) are made once, and
// the forced new deployment comes last.
//
// A step may name a resource an earlier step creates: `{ ref: 'endpointSecurityGroup' }`. The
// applier records the id the create call returns and fills it in; `resolveRef` finds it in a
// snapshot (by the group's name), so `stepAlreadyDone` works before and after the create.
//
// Idempotence: `planFixes` leaves out every step `stepAlreadyDone` says is done, and adds the
// forced new deployment only when some other step remains. Planning again after applying a plan
// gives an empty plan; an applier re-running a stale plan skips done steps with `pendingSteps`.
//
// Pure module: no vscode, no AWS SDK.

import { evaluateGrants, parsePolicyDocument, trustsService } from './iamPolicy';
import { EXECUTION_INLINE_POLICY_NAME, mergeGrants } from './inlinePolicy';
import { aclAllowsTcp, groupsAllowTcp } from './netRules';
import { plannedId } from './planned';
import type { ServiceSnapshot } from './snapshot';
import { ecsTasksTrustChange } from './trustPolicy';
import type { AlternativeName, AnalyzerFinding, FixPlan, FixStep, FixStepKind, IdRef, Remedy } from './types';

/** The name of the security group the plan makes for new endpoints (and finds again by name). */
export const ENDPOINT_SG_NAME = 'ecs-studio-endpoints-443';

// ---- what is already done -------------------------------------------------------------------

/** The id a reference stands for in this snapshot, once its resource exists. */
export function resolveRef(id: IdRef, snapshot: ServiceSnapshot): string | undefined {
  if (typeof id === 'string') return id;
  if (id.ref !== 'endpointSecurityGroup') {
    // A resource a service creation makes: a preflight snapshot holds it under its placeholder id.
    const placeholder = plannedId(id.ref);
    return snapshot.securityGroups?.some((g) => g.id === placeholder) ? placeholder : undefined;
  }
  const vpcId = snapshot.vpc?.id;
  return snapshot.securityGroups?.find((g) => g.name === ENDPOINT_SG_NAME && (!vpcId || g.vpcId === vpcId))?.id;
}

const GONE_ENDPOINT_STATES = new Set(['deleted', 'deleting', 'failed', 'rejected', 'expired']);

/** True when the snapshot already shows the step's effect. A forced deployment is never "done" by itself. */
export function stepAlreadyDone(step: FixStep, snapshot: ServiceSnapshot): boolean {
  switch (step.kind) {
    case 'modifyVpcAttribute':
      return step.attribute === 'enableDnsSupport' ? snapshot.vpc?.dnsSupport === true : snapshot.vpc?.dnsHostnames === true;
    case 'createSecurityGroup':
      return (snapshot.securityGroups ?? []).some((g) => g.name === step.groupName && g.vpcId === step.vpcId);
    case 'authorizeIngress': {
      const id = resolveRef(step.groupId, snapshot);
      const group = snapshot.securityGroups?.find((g) => g.id === id);
      if (!group) return false;
      const source = step.sourceGroupId === undefined ? '' : resolveRef(step.sourceGroupId, snapshot) ?? '';
      return groupsAllowTcp([group], 'ingress', step.port, step.cidr ? { cidrs: [step.cidr] } : { groupIds: [source] });
    }
    case 'authorizeEgress': {
      const id = resolveRef(step.groupId, snapshot);
      const group = snapshot.securityGroups?.find((g) => g.id === id);
      return !!group && groupsAllowTcp([group], 'egress', step.port, { cidrs: [step.cidr] });
    }
    case 'createInterfaceEndpoint':
      return (snapshot.endpoints ?? []).some((e) => e.vpcId === step.vpcId && e.serviceName === step.serviceName &&
        e.type === 'Interface' && !GONE_ENDPOINT_STATES.has(e.state));
    case 'enableEndpointPrivateDns':
      return (snapshot.endpoints ?? []).some((e) => e.id === step.endpointId && e.privateDnsEnabled);
    case 'createGatewayEndpoint': {
      const gateways = (snapshot.endpoints ?? []).filter((e) => e.vpcId === step.vpcId && e.serviceName === step.serviceName &&
        e.type === 'Gateway' && !GONE_ENDPOINT_STATES.has(e.state));
      return step.routeTableIds.every((rt) => gateways.some((g) => g.routeTableIds.includes(rt)));
    }
    case 'createLogGroup':
      return (snapshot.logGroups ?? []).some((g) => g.name === step.logGroupName && g.region === step.region && g.exists);
    case 'setAssignPublicIp':
      return snapshot.launch.awsvpcConfiguration.assignPublicIp === 'ENABLED';
    case 'attachRolePolicy':
      return (snapshot.executionRole?.attachedPolicyArns ?? []).includes(step.policyArn);
    case 'forceNewDeployment':
      return false;
    case 'putRolePolicy': {
      const role = snapshot.executionRole;
      if (!role || role.name !== step.roleName || role.attachedPolicyArns === undefined) return false;
      return evaluateGrants(step.grants, role.attachedPolicyArns, role.policyDocuments ?? []).missing.length === 0;
    }
    case 'modifyTargetGroupHealthCheck': {
      const tg = snapshot.loadBalancing?.find((w) => w.targetGroup.arn === step.targetGroupArn)?.targetGroup;
      return !!tg && (step.healthCheckPort === undefined || tg.healthCheckPort === step.healthCheckPort) &&
        (step.healthCheckProtocol === undefined || tg.healthCheckProtocol === step.healthCheckProtocol);
    }
    case 'allocateElasticIp':
      // Done when the NAT gateway it is for exists, or the address is there unused, waiting for it.
      return !!natGatewayIn(step.natSubnetId, snapshot) ||
        (snapshot.elasticIps ?? []).some((a) => a.name === step.name && !a.associationId);
    case 'createNatGateway':
      return !!natGatewayIn(step.subnetId, snapshot);
    case 'addNatRoute':
      return (snapshot.routeTables ?? []).some((t) => t.id === step.routeTableId &&
        t.routes.some((r) => r.destination === '0.0.0.0/0' && r.state !== 'blackhole' && r.targetKind === 'nat-gateway'));
    case 'updateAssumeRolePolicy': {
      const role = snapshot.executionRole;
      const doc = role?.name === step.roleName && role.trustPolicy !== undefined ? parsePolicyDocument(role.trustPolicy) : undefined;
      return !!doc && trustsService(doc);
    }
    case 'createNetworkAclEntry': {
      // The same evaluation the rule makes (naclRules): the traffic passes, whatever entry lets it.
      const acl = snapshot.networkAcls?.find((a) => a.id === step.aclId);
      return !!acl && aclAllowsTcp(acl, step.egress, step.fromPort, step.toPort, step.cidr).allowed;
    }
  }
}

/** The name ECS Studio gives the Elastic IP and the NAT gateway it makes in a public subnet. */
export function natName(subnetId: string): string {
  return `ecs-studio-nat-${subnetId}`;
}

/** A public NAT gateway in the subnet that is up or coming up. */
export function natGatewayIn(subnetId: string, snapshot: ServiceSnapshot): { id: string } | undefined {
  return (snapshot.natGateways ?? []).find((n) => n.subnetId === subnetId && n.connectivityType !== 'private' && (n.state === 'available' || n.state === 'pending'));
}

/** The steps still to run: done steps out; the forced deployment only when some change remains. */
export function pendingSteps(plan: FixPlan, snapshot: ServiceSnapshot): FixStep[] {
  const changes = plan.steps.filter((s) => s.kind !== 'forceNewDeployment' && !stepAlreadyDone(s, snapshot));
  if (changes.length === 0) return [];
  return [...changes, ...plan.steps.filter((s) => s.kind === 'forceNewDeployment')];
}

// ---- planning -------------------------------------------------------------------------------

/** The order steps run in: network prerequisites, groups, endpoints, logs, IAM, the service last. */
const ORDER: readonly FixStepKind[] = [
  'modifyVpcAttribute', 'createSecurityGroup', 'authorizeIngress', 'authorizeEgress', 'enableEndpointPrivateDns',
  'createInterfaceEndpoint', 'createGatewayEndpoint', 'allocateElasticIp', 'createNatGateway', 'addNatRoute', 'createLogGroup', 'attachRolePolicy', 'putRolePolicy', 'setAssignPublicIp',
  'modifyTargetGroupHealthCheck',
  'createNetworkAclEntry', 'updateAssumeRolePolicy',
  'forceNewDeployment',
];

/**
 * One putRolePolicy step per role for the `inlineGrant` remedies: ECS Studio's inline policy,
 * the one the role has (from the snapshot) with the grants added, or a new one.
 */
function inlinePolicySteps(remedies: readonly Remedy[], snapshot: ServiceSnapshot): FixStep[] {
  const byRole = new Map<string, Array<{ action: string; resource: string }>>();
  for (const r of remedies) {
    if (r.kind !== 'inlineGrant') continue;
    const grants = byRole.get(r.roleName) ?? [];
    if (!grants.some((g) => g.action === r.action && g.resource === r.resource)) grants.push({ action: r.action, resource: r.resource });
    byRole.set(r.roleName, grants);
  }
  return [...byRole].map(([roleName, grants]) => {
    const role = snapshot.executionRole;
    const existing = role?.name === roleName ? role.policyDocuments?.find((d) => d.name === EXECUTION_INLINE_POLICY_NAME)?.document : undefined;
    return {
      kind: 'putRolePolicy', roleName, policyName: EXECUTION_INLINE_POLICY_NAME, grants,
      document: JSON.stringify(mergeGrants(existing, grants)), update: existing !== undefined,
    };
  });
}

/** One subnet per Availability Zone of the task subnets, in the task subnets' order. */
export function subnetsOnePerZone(snapshot: ServiceSnapshot): { subnetIds: string[]; availabilityZones: string[] } {
  const subnetIds: string[] = [];
  const availabilityZones: string[] = [];
  for (const id of snapshot.launch.awsvpcConfiguration.subnets) {
    const subnet = snapshot.subnets?.find((s) => s.id === id);
    if (!subnet) continue;
    if (availabilityZones.includes(subnet.availabilityZone)) continue;
    subnetIds.push(id);
    availabilityZones.push(subnet.availabilityZone);
  }
  return { subnetIds, availabilityZones };
}

/**
 * The security group new endpoints use: an existing group of the VPC that allows TCP 443 from
 * the VPC CIDR (ECS Studio's own group first, then by id), else one that allows 443 from the
 * task's groups, else ECS Studio's group, created with 443 from the VPC CIDR.
 */
function endpointGroupSteps(snapshot: ServiceSnapshot): { groupId: IdRef; steps: FixStep[] } {
  const vpc = snapshot.vpc;
  const vpcId = vpc?.id ?? snapshot.subnets?.[0]?.vpcId ?? '';
  const cidr = vpc?.cidrBlock ?? '';
  const inVpc = (snapshot.securityGroups ?? []).filter((g) => g.vpcId === vpcId);
  const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
    Number(b.name === ENDPOINT_SG_NAME) - Number(a.name === ENDPOINT_SG_NAME) || a.id.localeCompare(b.id);
  const fromVpc = inVpc.filter((g) => groupsAllowTcp([g], 'ingress', 443, { cidrs: [cidr] })).sort(byName);
  // Second choice: a group that admits 443 from the task's own groups (the analyzer accepts it too).
  const fromTask = inVpc.filter((g) => groupsAllowTcp([g], 'ingress', 443, { groupIds: snapshot.launch.awsvpcConfiguration.securityGroups })).sort(byName);
  const reuse = fromVpc[0] ?? fromTask[0];
  if (reuse) return { groupId: reuse.id, steps: [] };
  const ref: IdRef = { ref: 'endpointSecurityGroup' };
  return {
    groupId: ref,
    steps: [
      {
        kind: 'createSecurityGroup', produces: 'endpointSecurityGroup', vpcId, groupName: ENDPOINT_SG_NAME,
        description: `HTTPS from ${cidr} to the VPC endpoints of ECS tasks (made by ECS Studio)`,
      },
      { kind: 'authorizeIngress', groupId: ref, protocol: 'tcp', port: 443, cidr, description: 'HTTPS from the VPC to the endpoints' },
    ],
  };
}

function stepKey(step: FixStep): string {
  return JSON.stringify(step);
}

/** The alternatives the findings offer, by name, preselected ones first (pathRemedies.ts). */
export function offeredAlternatives(findings: readonly AnalyzerFinding[]): AlternativeName[] {
  const all = findings.flatMap((f) => f.alternatives ?? []);
  return [...new Set([...all.filter((a) => a.preselected), ...all].map((a) => a.name))];
}

/** A finding's remedies when `choice` is taken: the chosen alternative's, where the finding offers it. */
function remediesFor(f: AnalyzerFinding, choice: AlternativeName | undefined): readonly Remedy[] {
  const alternative = choice ? f.alternatives?.find((a) => a.name === choice) : undefined;
  return alternative ? alternative.remedies : f.remedies;
}

/**
 * ONE plan for all the findings: shared resources once, done steps left out, the deployment last.
 * `choice` takes another of the alternatives a finding offers instead of the preselected one
 * (offeredAlternatives lists them); findings without it keep their own remedies.
 */
export function planFixes(findings: readonly AnalyzerFinding[], snapshot: ServiceSnapshot, choice?: AlternativeName): FixPlan {
  const remedies: Remedy[] = findings.flatMap((f) => remediesFor(f, choice));
  const vpcId = snapshot.vpc?.id ?? snapshot.subnets?.[0]?.vpcId ?? '';
  const steps: FixStep[] = [];
  const add = (step: FixStep) => {
    if (!steps.some((s) => stepKey(s) === stepKey(step))) steps.push(step);
  };

  const needsEndpointGroup = remedies.some((r) => r.kind === 'interfaceEndpoint' || r.kind === 'endpointSecurityGroup');
  const group = needsEndpointGroup ? endpointGroupSteps(snapshot) : undefined;
  if (group) group.steps.forEach(add);

  const gatewayTables = new Map<string, string[]>();
  // endpointSecurityGroup makes the group steps above; inlineGrant, one putRolePolicy per role below.
  for (const r of remedies) {
    switch (r.kind) {
      case 'vpcDns':
        add({ kind: 'modifyVpcAttribute', vpcId, attribute: r.attribute, value: true });
        break;
      case 'interfaceEndpoint': {
        const { subnetIds, availabilityZones } = subnetsOnePerZone(snapshot);
        add({
          kind: 'createInterfaceEndpoint', serviceName: r.serviceName, vpcId, subnetIds, availabilityZones,
          securityGroupIds: [group?.groupId ?? ''], privateDns: true,
        });
        break;
      }
      case 'endpointIngress':
        add({ kind: 'authorizeIngress', groupId: r.groupId, protocol: 'tcp', port: 443, cidr: snapshot.vpc?.cidrBlock ?? '', description: 'HTTPS from the VPC to the endpoints' });
        break;
      case 'privateDns':
        add({ kind: 'enableEndpointPrivateDns', endpointId: r.endpointId, serviceName: r.serviceName });
        break;
      case 'gatewayEndpoint': {
        const tables = gatewayTables.get(r.serviceName) ?? [];
        for (const t of r.routeTableIds) if (!tables.includes(t)) tables.push(t);
        gatewayTables.set(r.serviceName, tables);
        break;
      }
      case 'taskEgress443':
        add({ kind: 'authorizeEgress', groupId: r.groupId, protocol: 'tcp', port: 443, cidr: '0.0.0.0/0', description: 'HTTPS out of the task' });
        break;
      case 'lbIngress':
        add({
          kind: 'authorizeIngress', groupId: r.groupId, protocol: 'tcp', port: r.port,
          ...(r.sourceGroupId ? { sourceGroupId: r.sourceGroupId } : { cidr: r.cidr ?? '' }),
          description: 'The load balancer to the container port',
        });
        break;
      case 'lbEgress':
        add({ kind: 'authorizeEgress', groupId: r.groupId, protocol: 'tcp', port: r.port, cidr: r.cidr, description: 'The load balancer to the container port' });
        break;
      case 'logGroup':
        add({ kind: 'createLogGroup', logGroupName: r.name, region: r.region });
        break;
      case 'attachPolicy':
        add({ kind: 'attachRolePolicy', roleName: r.roleName, policyArn: r.policyArn });
        break;
      case 'assignPublicIp':
        if (snapshot.service) {
          add({
            kind: 'setAssignPublicIp', cluster: snapshot.service.clusterArn, service: snapshot.service.name,
            subnets: snapshot.launch.awsvpcConfiguration.subnets, securityGroups: snapshot.launch.awsvpcConfiguration.securityGroups,
            assignPublicIp: 'ENABLED',
          });
        }
        break;
      case 'targetGroupHealthCheck': {
        const arn = r.targetGroupArn;
        const name = snapshot.loadBalancing?.find((w) => w.targetGroup.arn === arn)?.targetGroup.name ?? arn.split('/')[1] ?? arn;
        add({
          kind: 'modifyTargetGroupHealthCheck', targetGroupArn: arn, targetGroupName: name,
          ...(r.port ? { healthCheckPort: r.port } : {}), ...(r.protocol ? { healthCheckProtocol: r.protocol } : {}),
        });
        break;
      }
      case 'trustEcsTasks': {
        const role = snapshot.executionRole;
        if (role?.name !== r.roleName) break;
        const change = ecsTasksTrustChange(role.trustPolicy, snapshot.accountId);
        if (change.kind === 'add') add({ kind: 'updateAssumeRolePolicy', roleName: r.roleName, document: change.document });
        break;
      }
      case 'naclAllow':
        add({
          kind: 'createNetworkAclEntry', aclId: r.aclId, ruleNumber: r.ruleNumber, egress: r.egress, fromPort: r.fromPort, toPort: r.toPort, cidr: r.cidr,
          ...(r.beforeRule !== undefined ? { beforeRule: r.beforeRule } : {}),
        });
        break;
      case 'natGateway': {
        // One gateway for every zone: the cheapest path (README, "Remedies and what they cost").
        const name = natName(r.subnetId);
        add({ kind: 'allocateElasticIp', vpcId, natSubnetId: r.subnetId, name });
        add({ kind: 'createNatGateway', vpcId, subnetId: r.subnetId, availabilityZone: r.availabilityZone, name });
        for (const routeTableId of r.routeTableIds) add({ kind: 'addNatRoute', vpcId, routeTableId, natSubnetId: r.subnetId });
        break;
      }
    }
  }
  for (const [serviceName, routeTableIds] of gatewayTables) {
    const existing = (snapshot.endpoints ?? []).find((e) => e.vpcId === vpcId && e.serviceName === serviceName && e.type === 'Gateway' && !GONE_ENDPOINT_STATES.has(e.state));
    add({ kind: 'createGatewayEndpoint', serviceName, vpcId, routeTableIds, ...(existing ? { existingEndpointId: existing.id } : {}) });
  }
  inlinePolicySteps(remedies, snapshot).forEach(add);

  const rank = (s: FixStep) => ORDER.indexOf(s.kind);
  // Array.prototype.sort is stable (ES2019): steps of one kind keep the order they were added in.
  const changes = steps
    .sort((a, b) => rank(a) - rank(b))
    .filter((s) => !stepAlreadyDone(s, snapshot));
  if (changes.length === 0) return { steps: [] };
  if (snapshot.service) changes.push({ kind: 'forceNewDeployment', cluster: snapshot.service.clusterArn, service: snapshot.service.name });
  return { steps: changes };
}
