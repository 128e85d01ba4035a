/**
 * Runs a doctor fix plan (src/doctor/fixPlan.ts) against AWS through the gateways, in order.
 *
 * - Before each change it reads the resource again (one describe call) and skips the step when
 *   AWS already shows its effect, so running a plan twice, or a stale plan, changes nothing.
 *   AWS's own "already there" answers (InvalidPermission.Duplicate, ResourceAlreadyExists)
 *   count as done too.
 * - A step naming a resource an earlier step creates (`{ ref: 'endpointSecurityGroup' }`) gets
 *   the id that step returned, or the one the fresh read found, or `resolveRef` on the snapshot.
 * - The forced new deployment runs only when this run changed something.
 * - The first failure stops the run: the result says what was done, what failed and what did
 *   not run (`describeApplyResult` words it).
 */
import { ENDPOINT_SG_NAME, resolveRef } from '../doctor/fixPlan';
import { documentGrantsAll, mergeGrants } from '../doctor/inlinePolicy';
import { describeStep } from '../doctor/planText';
import type { FixPlan, FixStep, IdRef, RefName } from '../doctor/types';
import { aclAllowsTcp, groupsAllowTcp } from '../doctor/netRules';
import { ecsTasksTrustChange } from '../doctor/trustPolicy';
import type { ServiceSnapshot } from '../doctor/snapshot';
import type { CallOptions } from './call';
import { AwsError, toAwsError } from './errors';
import type { AwsSession } from './session';

export interface StepResult {
  readonly step: FixStep;
  /** `applied`: this run made the change. `skipped`: AWS already showed it, nothing was changed. */
  readonly outcome: 'applied' | 'skipped';
  /** What happened, for people: "created vpce-0abc", "already there". */
  readonly detail: string;
  /** The id of the resource created or found, when there is one. */
  readonly resourceId?: string;
}

export interface ApplyResult {
  readonly done: readonly StepResult[];
  readonly failed?: { readonly step: FixStep; readonly error: Error };
  readonly notRun: readonly FixStep[];
}

export interface ApplyProgress {
  /** 0-based position of the step in the plan. */
  readonly index: number;
  readonly total: number;
  readonly step: FixStep;
  readonly phase: 'start' | 'done' | 'failed';
  readonly result?: StepResult;
  readonly error?: Error;
}

export interface ApplyOptions extends CallOptions {
  readonly onProgress?: (progress: ApplyProgress) => void;
}

type Outcome = Omit<StepResult, 'step'>;

const GONE_ENDPOINT_STATES = new Set(['deleted', 'deleting', 'failed', 'rejected', 'expired']);

function applied(detail: string, resourceId?: string): Outcome {
  return { outcome: 'applied', detail, ...(resourceId ? { resourceId } : {}) };
}

function skipped(detail: string, resourceId?: string): Outcome {
  return { outcome: 'skipped', detail, ...(resourceId ? { resourceId } : {}) };
}

class Runner {
  private readonly refs = new Map<RefName, string>();
  private changed = false;

  constructor(private readonly session: AwsSession, private readonly snapshot: ServiceSnapshot, private readonly options: CallOptions) {}

  private get vpcId(): string | undefined {
    return this.snapshot.vpc?.id ?? this.snapshot.subnets?.[0]?.vpcId;
  }

  /** The id behind a reference: made or found by an earlier step, in the snapshot, or found by name now. */
  private async resolve(id: IdRef): Promise<string> {
    if (typeof id === 'string') return id;
    if (id.ref !== 'endpointSecurityGroup') {
      // Made by a service creation: its plan fills these in (resolveRefs) before handing the step over.
      throw new Error(`The ${id.ref} of the service being created has no id yet: run the creation's earlier steps first.`);
    }
    const known = this.refs.get(id.ref) ?? resolveRef(id, this.snapshot);
    if (known) return known;
    const vpcId = this.vpcId;
    const found = vpcId
      ? (await this.session.ec2.describeSecurityGroups({ vpcId }, this.options)).find((g) => g.name === ENDPOINT_SG_NAME)
      : undefined;
    if (!found) throw new Error(`The security group ${ENDPOINT_SG_NAME} does not exist: the step that creates it did not run.`);
    this.refs.set(id.ref, found.id);
    return found.id;
  }

  async run(step: FixStep): Promise<Outcome> {
    const result = await this.runStep(step);
    if (result.outcome === 'applied') this.changed = true;
    return result;
  }

  private async runStep(step: FixStep): Promise<Outcome> {
    const { ec2 } = this.session;
    const o = this.options;
    switch (step.kind) {
      case 'modifyVpcAttribute': {
        const now = await ec2.describeVpcDnsAttributes(step.vpcId, o);
        if ((step.attribute === 'enableDnsSupport' ? now.dnsSupport : now.dnsHostnames) === step.value) return skipped(`${step.attribute} is already on`);
        await ec2.modifyVpcAttribute(step.vpcId, step.attribute, step.value, o);
        return applied(`turned ${step.attribute} on`, step.vpcId);
      }
      case 'createSecurityGroup': {
        const existing = (await ec2.describeSecurityGroups({ vpcId: step.vpcId }, o)).find((g) => g.name === step.groupName);
        if (existing) {
          this.refs.set(step.produces, existing.id);
          return skipped(`${step.groupName} already exists`, existing.id);
        }
        const id = await ec2.createSecurityGroup({ vpcId: step.vpcId, groupName: step.groupName, description: step.description }, o);
        this.refs.set(step.produces, id);
        return applied(`created ${id}`, id);
      }
      case 'authorizeIngress':
      case 'authorizeEgress': {
        const direction = step.kind === 'authorizeIngress' ? 'ingress' : 'egress';
        const groupId = await this.resolve(step.groupId);
        const sourceGroupId = step.kind === 'authorizeIngress' && step.sourceGroupId !== undefined ? await this.resolve(step.sourceGroupId) : undefined;
        const [group] = await ec2.describeSecurityGroups({ ids: [groupId] }, o);
        if (!group) throw new Error(`Security group ${groupId} does not exist.`);
        const peer = sourceGroupId ? { groupIds: [sourceGroupId] } : { cidrs: [step.cidr ?? ''] };
        if (groupsAllowTcp([group], direction, step.port, peer)) return skipped(`${groupId} already allows it`, groupId);
        const answer = await ec2.authorizeTcp({ direction, groupId, port: step.port, cidr: step.cidr, sourceGroupId, description: step.description }, o);
        return answer === 'exists' ? skipped(`${groupId} already has the rule (InvalidPermission.Duplicate)`, groupId) : applied(`added the rule to ${groupId}`, groupId);
      }
      case 'createInterfaceEndpoint': {
        const existing = (await ec2.describeVpcEndpoints({ vpcId: step.vpcId, serviceNames: [step.serviceName] }, o))
          .find((e) => e.type === 'Interface' && !GONE_ENDPOINT_STATES.has(e.state));
        if (existing) return skipped(`${existing.id} already serves ${step.serviceName}`, existing.id);
        const securityGroupIds: string[] = [];
        for (const id of step.securityGroupIds) securityGroupIds.push(await this.resolve(id));
        const endpoint = await ec2.createInterfaceEndpoint({
          vpcId: step.vpcId, serviceName: step.serviceName, subnetIds: step.subnetIds, securityGroupIds, privateDns: step.privateDns,
        }, o);
        return applied(`created ${endpoint.id}`, endpoint.id);
      }
      case 'enableEndpointPrivateDns': {
        const vpcId = this.vpcId;
        const endpoints = vpcId ? await ec2.describeVpcEndpoints({ vpcId, serviceNames: [step.serviceName] }, o) : [];
        const endpoint = endpoints.find((e) => e.id === step.endpointId);
        if (endpoint?.privateDnsEnabled) return skipped('private DNS is already on', step.endpointId);
        await ec2.modifyVpcEndpoint({ endpointId: step.endpointId, privateDnsEnabled: true }, o);
        return applied(`turned private DNS on for ${step.endpointId}`, step.endpointId);
      }
      case 'createGatewayEndpoint': {
        const gateways = (await ec2.describeVpcEndpoints({ vpcId: step.vpcId, serviceNames: [step.serviceName] }, o))
          .filter((e) => e.type === 'Gateway' && !GONE_ENDPOINT_STATES.has(e.state));
        const missing = step.routeTableIds.filter((rt) => !gateways.some((g) => g.routeTableIds.includes(rt)));
        if (missing.length === 0) return skipped(`${gateways.map((g) => g.id).join(', ')} already on ${step.routeTableIds.join(', ')}`, gateways[0]?.id);
        const existing = gateways[0];
        if (existing) {
          await ec2.modifyVpcEndpoint({ endpointId: existing.id, addRouteTableIds: missing }, o);
          return applied(`added ${missing.join(', ')} to ${existing.id}`, existing.id);
        }
        const endpoint = await ec2.createGatewayEndpoint({ vpcId: step.vpcId, serviceName: step.serviceName, routeTableIds: step.routeTableIds }, o);
        return applied(`created ${endpoint.id}`, endpoint.id);
      }
      case 'createLogGroup': {
        const logs = this.session.forRegion(step.region).logGroups;
        if (await logs.logGroupExists(step.logGroupName, o)) return skipped(`${step.logGroupName} already exists`, step.logGroupName);
        const answer = await logs.createLogGroup(step.logGroupName, o);
        return answer === 'exists' ? skipped(`${step.logGroupName} already exists`, step.logGroupName) : applied(`created ${step.logGroupName}`, step.logGroupName);
      }
      case 'setAssignPublicIp': {
        const service = await this.session.ecs.describeService(step.cluster, step.service, o);
        if (!service) throw new Error(`Service ${step.service} no longer exists.`);
        const network = service.networkConfiguration;
        if (network?.assignPublicIp === 'ENABLED') return skipped('assignPublicIp is already ENABLED', service.arn);
        await this.session.ecs.updateServiceNetwork(step.cluster, step.service, {
          subnets: network?.subnets ?? step.subnets, securityGroups: network?.securityGroups ?? step.securityGroups, assignPublicIp: 'ENABLED',
        }, o);
        return applied('assignPublicIp is now ENABLED', service.arn);
      }
      case 'attachRolePolicy': {
        const attached = await this.session.iam.listAttachedPolicies(step.roleName, o);
        if (attached.some((p) => p.arn === step.policyArn)) return skipped('already attached', step.policyArn);
        await this.session.iam.attachRolePolicy(step.roleName, step.policyArn, o);
        return applied(`attached to ${step.roleName}`, step.policyArn);
      }
      case 'forceNewDeployment': {
        if (!this.changed) return skipped('nothing changed in this run, so no new deployment');
        const service = await this.session.ecs.forceNewDeployment(step.cluster, step.service, o);
        const deployment = service.deployments.find((d) => d.status === 'PRIMARY')?.id;
        return applied(`started${deployment ? ` ${deployment}` : ' a new deployment'}`, deployment);
      }
      case 'putRolePolicy': {
        // The policy as it is now: a change since planning is kept, the step's grants are added to it.
        const current = await this.session.iam.findInlinePolicyDocument(step.roleName, step.policyName, o);
        if (documentGrantsAll(current, step.grants)) return skipped(`${step.policyName} already grants this`, step.policyName);
        await this.session.iam.putRolePolicy(step.roleName, step.policyName, JSON.stringify(mergeGrants(current, step.grants)), o);
        return applied(`${current === undefined ? 'added' : 'updated'} ${step.policyName} on ${step.roleName}`, step.policyName);
      }
      case 'modifyTargetGroupHealthCheck': {
        const [tg] = await this.session.elbv2.describeTargetGroups({ arns: [step.targetGroupArn] }, o);
        if (!tg) throw new Error(`Target group ${step.targetGroupName} no longer exists.`);
        const portDone = step.healthCheckPort === undefined || tg.healthCheckPort === step.healthCheckPort;
        const protocolDone = step.healthCheckProtocol === undefined || tg.healthCheckProtocol === step.healthCheckProtocol;
        if (portDone && protocolDone) return skipped('the health check is already set so', tg.arn);
        const now = await this.session.elbv2.modifyTargetGroupHealthCheck(tg.arn, {
          ...(portDone ? {} : { port: step.healthCheckPort }), ...(protocolDone ? {} : { protocol: step.healthCheckProtocol }),
        }, o);
        return applied(`health check now ${now.healthCheckProtocol ?? '?'} on ${now.healthCheckPort ?? '?'}`, tg.arn);
      }
      case 'allocateElasticIp': {
        const nat = this.session.natGateways;
        if (await this.natIn(step.vpcId, step.natSubnetId)) return skipped(`a NAT gateway is already in ${step.natSubnetId}`);
        const unused = (await nat.describeNatElasticIps(o)).find((a) => a.name === step.name && !a.associationId);
        if (unused) return skipped(`${unused.allocationId} (${unused.publicIp}) is there, unused`, unused.allocationId);
        const address = await nat.allocateElasticIp(step.name, o);
        return applied(`allocated ${address.allocationId} (${address.publicIp})`, address.allocationId);
      }
      case 'createNatGateway': {
        const nat = this.session.natGateways;
        const existing = await this.natIn(step.vpcId, step.subnetId);
        if (existing?.state === 'available') return skipped(`${existing.id} is already in ${step.subnetId}`, existing.id);
        let id = existing?.id;
        if (!id) {
          const address = (await nat.describeNatElasticIps(o)).find((a) => a.name === step.name && !a.associationId);
          if (!address) throw new Error(`The Elastic IP ${step.name} does not exist: the step that allocates it did not run.`);
          id = (await nat.createNatGateway({ subnetId: step.subnetId, allocationId: address.allocationId, name: step.name }, o)).id;
        }
        await nat.waitAvailable(step.vpcId, id, o);
        return existing ? skipped(`${id} was already being created; it is available now`, id) : applied(`created ${id}; it is available`, id);
      }
      case 'addNatRoute': {
        const [table] = await ec2.describeRouteTables({ ids: [step.routeTableId] }, o);
        if (!table) throw new Error(`Route table ${step.routeTableId} does not exist.`);
        const current = table.routes.find((r) => r.destination === '0.0.0.0/0');
        if (current && current.state !== 'blackhole' && current.targetKind === 'nat-gateway') return skipped(`0.0.0.0/0 already goes to ${current.target}`, step.routeTableId);
        if (current && current.state !== 'blackhole') throw new Error(`Route table ${step.routeTableId} now routes 0.0.0.0/0 to ${current.target}: not replaced.`);
        const gateway = await this.natIn(step.vpcId, step.natSubnetId);
        if (!gateway) throw new Error(`No NAT gateway in ${step.natSubnetId}: the step that creates it did not run.`);
        await this.session.natGateways.routeToNat({ routeTableId: step.routeTableId, natGatewayId: gateway.id, replace: !!current }, o);
        return applied(`${current ? 'replaced the blackhole route' : 'added the route'}: 0.0.0.0/0 to ${gateway.id}`, step.routeTableId);
      }
      case 'updateAssumeRolePolicy': {
        // The trust policy as it is now: a change since planning is kept, the ECS tasks statement added to it.
        const role = await this.session.iam.getRoleWithTrust(step.roleName, o);
        if (!role) throw new Error(`Role ${step.roleName} no longer exists.`);
        const change = ecsTasksTrustChange(role.trustPolicy, this.snapshot.accountId);
        if (change.kind === 'trusted') return skipped(`${step.roleName} already trusts ecs-tasks.amazonaws.com`, role.arn);
        if (change.kind === 'denied') throw new Error(`The trust policy of ${step.roleName} now denies sts:AssumeRole to ecs-tasks.amazonaws.com: not overridden.`);
        if (change.kind === 'unreadable') throw new Error(`The trust policy of ${step.roleName} could not be read as JSON: not replaced.`);
        await this.session.iam.updateAssumeRolePolicy(step.roleName, change.document, o);
        return applied(`${step.roleName} now trusts ecs-tasks.amazonaws.com`, role.arn);
      }
      case 'createNetworkAclEntry': {
        const vpcId = this.vpcId;
        const acl = vpcId ? (await ec2.describeNetworkAcls({ vpcId }, o)).find((a) => a.id === step.aclId) : undefined;
        if (!acl) throw new Error(`Network ACL ${step.aclId} does not exist.`);
        if (aclAllowsTcp(acl, step.egress, step.fromPort, step.toPort, step.cidr).allowed) return skipped(`${step.aclId} already lets it through`, step.aclId);
        if (acl.entries.some((e) => e.egress === step.egress && e.ruleNumber === step.ruleNumber)) {
          throw new Error(`Rule number ${step.ruleNumber} of ${step.aclId} is now in use: check again for a new plan.`);
        }
        const answer = await ec2.createNetworkAclAllowTcp(step, o);
        if (answer === 'exists') throw new Error(`Rule number ${step.ruleNumber} of ${step.aclId} is now in use: check again for a new plan.`);
        return applied(`added entry ${step.ruleNumber} to ${step.aclId}`, step.aclId);
      }
    }
  }

  /** The public NAT gateway in the subnet that is up or coming up, read now. */
  private async natIn(vpcId: string, subnetId: string): Promise<{ id: string; state: string } | undefined> {
    const gateways = await this.session.natGateways.describeNatGateways(vpcId, this.options);
    return gateways.find((n) => n.subnetId === subnetId && n.connectivityType !== 'private' && (n.state === 'available' || n.state === 'pending'));
  }
}

function asError(err: unknown, session: AwsSession): Error {
  if (err instanceof AwsError) return err;
  if (err instanceof Error && !('$metadata' in err)) return err;
  const c = session.connection;
  return toAwsError(err, { profile: c.profile ?? process.env.AWS_PROFILE ?? 'default', region: c.region, endpointUrl: c.endpointUrl });
}

/**
 * Applies the plan's steps in order, skipping those AWS already shows done, stopping at the first
 * failure. Never throws for a failed step: the result carries it.
 */
export async function applyPlan(session: AwsSession, plan: FixPlan, snapshot: ServiceSnapshot, options: ApplyOptions = {}): Promise<ApplyResult> {
  const callOptions: CallOptions = options.signal ? { signal: options.signal } : {};
  const runner = new Runner(session, snapshot, callOptions);
  const done: StepResult[] = [];
  const total = plan.steps.length;
  for (const [index, step] of plan.steps.entries()) {
    options.onProgress?.({ index, total, step, phase: 'start' });
    try {
      if (options.signal?.aborted) throw new AwsError('cancelled', 'Cancelled.', undefined, undefined, undefined);
      const result: StepResult = { step, ...(await runner.run(step)) };
      done.push(result);
      options.onProgress?.({ index, total, step, phase: 'done', result });
    } catch (err) {
      const error = asError(err, session);
      options.onProgress?.({ index, total, step, phase: 'failed', error });
      return { done, failed: { step, error }, notRun: plan.steps.slice(index + 1) };
    }
  }
  return { done, notRun: [] };
}

/** True when the run changed something in the account. */
export function changedAnything(result: ApplyResult): boolean {
  return result.done.some((r) => r.outcome === 'applied');
}

/** What was done and what was not, one line per step, for a person or a CI log. */
export function describeApplyResult(result: ApplyResult): string[] {
  const lines: string[] = [];
  for (const r of result.done) lines.push(`${r.outcome === 'applied' ? 'done   ' : 'skipped'}  ${describeStep(r.step)}: ${r.detail}`);
  if (result.failed) lines.push(`FAILED   ${describeStep(result.failed.step)}: ${result.failed.error.message}`);
  for (const step of result.notRun) lines.push(`not run  ${describeStep(step)}`);
  const applied = result.done.filter((r) => r.outcome === 'applied').length;
  const skippedCount = result.done.length - applied;
  lines.push(result.failed
    ? `Stopped at the first failure: ${applied} change${applied === 1 ? '' : 's'} made, ${skippedCount} already done, ${result.notRun.length + 1} not done.`
    : `${applied} change${applied === 1 ? '' : 's'} made, ${skippedCount} already done.`);
  return lines;
}
