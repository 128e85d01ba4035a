/**
 * Runs a service form's creation plan (src/forms/serviceCreationPlan.ts) against AWS, in order,
 * so that a second run after a partial failure completes it without duplicates.
 *
 * - Every step first looks its resource up by what its key names and reuses it when it is there
 *   (its id recorded under the step's `produces`, for the `{ ref }` placeholders of later steps):
 *   the cluster by name (ACTIVE), a security group by VPC and name, an ingress rule by reading
 *   the group's rules (only the missing permissions are sent), the load balancer and the target
 *   group by name, the listener by load balancer and port, the service by cluster and name
 *   (ACTIVE is reused; DRAINING fails with why, as AWS would refuse the name until INACTIVE).
 * - The doctor's fixes (`options.fixes`: endpoints, rules, the log group...) run through
 *   applyPlan right before the service step, so the tasks' first start finds them; a fix step
 *   may name the plan's new groups with `{ ref: 'serviceSecurityGroup' }` too.
 * - Nothing waits for a new load balancer to become `active`: AWS accepts its listener, and a
 *   service registering into its target group, while it is `provisioning` (the ELBv2 reference
 *   lists create-load-balancer, create-target-group, create-listener one after the other;
 *   CreateService only needs the target group to be attached to the load balancer, which the
 *   listener does). Tasks are registered once they run.
 * - It never throws for a failed step: the outcome says, per step, `created`, `existed`,
 *   `failed` (with the AWS error, secrets redacted) or `not-run`, so the UI can say exactly
 *   what exists. Abort is honoured before each step and inside it (the signal goes to every call).
 */
import { applyPlan, type ApplyProgress } from './fixApplier';
import type { ServiceSnapshot } from '../doctor/snapshot';
import { describeStep } from '../doctor/planText';
import type { FixPlan, FixStep } from '../doctor/types';
import { resolveRefs, type PlanRefName } from '../forms/planRefs';
import type { PlanStep, ServiceCreationPlan, ServiceCreationStep } from '../forms/serviceCreationPlan';
import type { CallOptions } from './call';
import { AwsError, redactSecrets, toAwsError } from './errors';
import { missingPermissions } from './ingressRules';
import type { AwsSession } from './session';

export type CreationStatus = 'created' | 'existed' | 'failed' | 'not-run';

/** One step as createService runs and reports it: the plan's own steps, and each step of the doctor's fixes. */
export interface CreationStepInfo {
  /** The plan step's key, or `fix/<fix>.<step>/<kind>` (1-based) for a step of the doctor's fixes. */
  readonly key: string;
  readonly kind: ServiceCreationStep['kind'] | 'fix';
  readonly summary: string;
  /** The form field an error of the step is shown next to (`networking.subnetIds` for the doctor's fixes). */
  readonly field: string;
}

export interface CreationStepOutcome extends CreationStepInfo {
  readonly status: CreationStatus;
  /** The id found or created: GroupId, load balancer / target group / listener / service / cluster ARN. */
  readonly resourceId?: string;
  /** What happened, for people: "created sg-0abc", "already there (sg-0abc)". */
  readonly detail?: string;
  /** With `failed`: the error, AWS's message with secrets redacted (an AwsError for AWS failures). */
  readonly error?: Error;
}

export interface ServiceCreationOutcome {
  /** Every step, in the order run, each with its status. */
  readonly steps: readonly CreationStepOutcome[];
  /** True when every step was created or existed. */
  readonly complete: boolean;
  /** True when the run stopped because the abort signal fired. */
  readonly cancelled: boolean;
  /** The step that failed (the run stops at the first failure). */
  readonly failed?: CreationStepOutcome;
  /** The ids recorded for the plan's placeholders, found or created. */
  readonly ids: Readonly<Partial<Record<PlanRefName, string>>>;
  /** The service's ARN, once it was created or found. */
  readonly serviceArn?: string;
}

export interface CreationProgress {
  /** 0-based position in creationSteps(plan, fixes). */
  readonly index: number;
  readonly total: number;
  readonly step: CreationStepInfo;
  readonly phase: 'started' | 'created' | 'existed' | 'failed';
  readonly resourceId?: string;
  readonly detail?: string;
  readonly error?: Error;
}

/** A doctor fix plan and the snapshot it was planned on (applyPlan's arguments). */
export interface CreationFix {
  readonly plan: FixPlan;
  readonly snapshot: ServiceSnapshot;
}

export interface CreateServiceOptions extends CallOptions {
  readonly onProgress?: (event: CreationProgress) => void;
  /** The doctor's fixes the person accepted, run right before the service step. */
  readonly fixes?: readonly CreationFix[];
}

/** A plan step, or one step of the doctor's fixes. */
type Runnable = { readonly info: CreationStepInfo } & (
  | { readonly type: 'plan'; readonly step: PlanStep<unknown> }
  | { readonly type: 'fix'; readonly fix: number; readonly index: number; readonly step: FixStep });

const FIX_FIELD = 'networking.subnetIds';

function fixInfo(step: FixStep, fix: number, index: number): CreationStepInfo {
  return { key: `fix/${fix + 1}.${index + 1}/${step.kind}`, kind: 'fix', summary: describeStep(step), field: FIX_FIELD };
}

function runnables(plan: ServiceCreationPlan<unknown>, fixes: readonly CreationFix[]): Runnable[] {
  const fixSteps: Runnable[] = fixes.flatMap((f, fix) =>
    f.plan.steps.map((step, index): Runnable => ({ type: 'fix', fix, index, step, info: fixInfo(step, fix, index) })));
  const own: Runnable[] = plan.steps.map((step) => ({
    type: 'plan', step, info: { key: step.key, kind: step.kind === 'extra' ? 'fix' : step.kind, summary: step.summary, field: step.field },
  }));
  const at = own.findIndex((r) => r.info.kind === 'createService');
  const cut = at < 0 ? own.length : at;
  return [...own.slice(0, cut), ...fixSteps, ...own.slice(cut)];
}

/** The steps createService runs and reports, in order: what "Create" shows before asking. */
export function creationSteps(plan: ServiceCreationPlan<unknown>, fixes: readonly CreationFix[] = []): CreationStepInfo[] {
  return runnables(plan, fixes).map((r) => r.info);
}

type Done = { status: 'created' | 'existed'; resourceId?: string; detail: string };

const created = (resourceId: string, detail = `created ${resourceId}`): Done => ({ status: 'created', resourceId, detail });
const existed = (resourceId: string, detail = `already there (${resourceId})`): Done => ({ status: 'existed', resourceId, detail });

function asError(err: unknown, session: AwsSession): Error {
  if (err instanceof AwsError) return err;
  if (err instanceof Error && !('$metadata' in err) && err.name !== 'AbortError') {
    const clean = new Error(redactSecrets(err.message));
    clean.name = err.name;
    return clean;
  }
  const c = session.connection;
  return toAwsError(err, { profile: c.profile ?? process.env.AWS_PROFILE ?? 'default', region: c.region, endpointUrl: c.endpointUrl });
}

function isCancelled(error: Error | undefined): boolean {
  return error instanceof AwsError && error.kind === 'cancelled';
}

class Creator {
  readonly ids: Partial<Record<PlanRefName, string>> = {};
  serviceArn: string | undefined;

  constructor(private readonly session: AwsSession, private readonly o: CallOptions) {}

  private resolve<T>(value: T) {
    return resolveRefs(value, this.ids);
  }

  async run(step: ServiceCreationStep): Promise<Done> {
    const { ecs, elbv2, securityGroups } = this.session;
    const o = this.o;
    switch (step.kind) {
      case 'createCluster': {
        const name = step.request.clusterName ?? 'default';
        const [found] = await ecs.describeClusters([name], o);
        if (found?.status === 'ACTIVE') return existed(found.arn, `cluster ${name} already exists`);
        return created((await ecs.createClusterFrom(step.request, o)).arn);
      }
      case 'createSecurityGroup': {
        const { VpcId: vpcId, GroupName: name } = step.request;
        if (!vpcId) throw new Error(`The plan names no VPC for security group ${name}.`);
        const found = await securityGroups.findByName(vpcId, name, o);
        if (found) {
          this.ids[step.produces] = found.id;
          return existed(found.id, `${found.name} already exists (${found.id})`);
        }
        const id = await securityGroups.create(step.request, o);
        this.ids[step.produces] = id;
        return created(id);
      }
      case 'authorizeIngress': {
        const request = this.resolve(step.request);
        const group = await securityGroups.byId(request.GroupId, o);
        if (!group) throw new Error(`Security group ${request.GroupId} does not exist.`);
        const missing = missingPermissions(group, request.IpPermissions);
        if (missing.length === 0) return existed(group.id, `${group.id} already allows it`);
        const answer = await securityGroups.authorizeIngress({ GroupId: group.id, IpPermissions: missing }, o);
        return answer === 'exists' ? existed(group.id, `${group.id} already has the rule`) : created(group.id, `added the rule to ${group.id}`);
      }
      case 'createLoadBalancer': {
        const [found] = await elbv2.describeLoadBalancers({ names: [step.request.Name] }, o);
        if (found && (found.type !== step.request.Type || found.scheme !== step.request.Scheme)) {
          throw new Error(`A load balancer named ${found.name} already exists, ${found.scheme} of type ${found.type}: choose another name.`);
        }
        const lb = found ?? await elbv2.createLoadBalancer(this.resolve(step.request), o);
        this.ids.loadBalancer = lb.arn;
        const what = `${lb.name} (${lb.state}, ${lb.dnsName})`;
        return found ? existed(lb.arn, `${what} already exists`) : created(lb.arn, `created ${what}`);
      }
      case 'createTargetGroup': {
        const [found] = await elbv2.describeTargetGroups({ names: [step.request.Name] }, o);
        const r = step.request;
        if (found && (found.vpcId !== r.VpcId || found.targetType !== r.TargetType || found.port !== r.Port)) {
          // Reusing it would register the tasks somewhere they cannot be reached; AWS would refuse the name anyway.
          throw new Error(`A target group named ${found.name} already exists (type ${found.targetType}, port ${found.port ?? '-'}, ${found.vpcId ?? 'no VPC'}): choose another name.`);
        }
        const tg = found ?? await elbv2.createTargetGroup(r, o);
        this.ids.targetGroup = tg.arn;
        return found ? existed(tg.arn, `${tg.name} already exists`) : created(tg.arn, `created ${tg.name}`);
      }
      case 'createListener': {
        const request = this.resolve(step.request);
        const found = (await elbv2.describeListeners(request.LoadBalancerArn, o)).find((l) => l.port === request.Port);
        if (!found) return created((await elbv2.createListener(request, o)).arn);
        const wanted = request.DefaultActions.map((a) => a.TargetGroupArn);
        const forwards = found.defaultActions.some((a) => a.type === 'forward' && wanted.every((arn) => a.targetGroupArns.includes(arn)));
        return existed(found.arn, forwards
          ? `the listener on port ${found.port} already exists and forwards to the target group`
          : `the listener on port ${found.port} already exists but does not forward to the target group by default`);
      }
      case 'createService': {
        const cluster = step.request.cluster ?? 'default';
        const name = step.request.serviceName;
        const found = await ecs.describeService(cluster, name, o);
        if (found?.status === 'DRAINING') {
          throw new Error(`Service ${name} in ${cluster} is DRAINING (being deleted): AWS accepts a new service of that name only once it is INACTIVE. Wait a few minutes, or choose another name.`);
        }
        const service = found?.status === 'ACTIVE' ? found : await ecs.createService(this.resolve(step.request), o);
        this.serviceArn = service.arn;
        return found?.status === 'ACTIVE' ? existed(service.arn, `service ${name} already exists`) : created(service.arn, `created ${name}`);
      }
    }
  }
}

/**
 * Runs the plan (and the doctor's fixes before the service), each step reusing what exists,
 * stopping at the first failure or at abort. Never throws for a step: the outcome carries it.
 */
export async function createService(session: AwsSession, plan: ServiceCreationPlan<unknown>, options: CreateServiceOptions = {}): Promise<ServiceCreationOutcome> {
  const o: CallOptions = options.signal ? { signal: options.signal } : {};
  const fixes = options.fixes ?? [];
  const all = runnables(plan, fixes);
  const total = all.length;
  const creator = new Creator(session, o);
  const outcomes: CreationStepOutcome[] = [];
  let cancelled = false;
  let failed: CreationStepOutcome | undefined;
  const report = (index: number, outcome: CreationStepOutcome): void => {
    outcomes.push(outcome);
    if (outcome.status === 'not-run') return;
    const { status, resourceId, detail, error } = outcome;
    options.onProgress?.({ index, total, step: all[index].info, phase: status, ...(resourceId ? { resourceId } : {}), ...(detail ? { detail } : {}), ...(error ? { error } : {}) });
  };

  let index = 0;
  while (index < total && !failed) {
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    const r = all[index];
    if (r.type === 'fix') {
      // Every step of this fix plan at once, through the doctor's applier; then on to the next.
      const count = fixes[r.fix].plan.steps.length;
      index = await runFix(session, fixes[r.fix], all.slice(index, index + count), creator.ids, options, index, total, report);
      failed = outcomes.find((x) => x.status === 'failed');
      continue;
    }
    options.onProgress?.({ index, total, step: r.info, phase: 'started' });
    try {
      if (r.step.kind === 'extra') throw new Error('A step the host added to the plan: pass the doctor\'s fixes in options.fixes instead, they run through the fix applier.');
      const done = await creator.run(r.step);
      report(index, { ...r.info, ...done });
    } catch (err) {
      const error = asError(err, session);
      failed = { ...r.info, status: 'failed', error };
      report(index, failed);
    }
    index++;
  }
  cancelled ||= isCancelled(failed?.error);
  for (const r of all.slice(outcomes.length)) outcomes.push({ ...r.info, status: 'not-run' });
  return {
    steps: outcomes,
    complete: outcomes.every((x) => x.status === 'created' || x.status === 'existed'),
    cancelled,
    ...(failed ? { failed } : {}),
    ids: { ...creator.ids },
    ...(creator.serviceArn ? { serviceArn: creator.serviceArn } : {}),
  };
}

/** Runs one fix plan through applyPlan, reporting its steps as creation steps; returns the index after them. */
async function runFix(
  session: AwsSession,
  fix: CreationFix,
  infos: readonly Runnable[],
  ids: Readonly<Partial<Record<PlanRefName, string>>>,
  options: CreateServiceOptions,
  first: number,
  total: number,
  report: (index: number, outcome: CreationStepOutcome) => void,
): Promise<number> {
  let plan: FixPlan;
  try {
    // A fix may name the plan's new groups ({ ref: 'serviceSecurityGroup' }); the doctor's own refs stay.
    plan = resolveRefs(fix.plan, ids) as unknown as FixPlan;
  } catch (err) {
    options.onProgress?.({ index: first, total, step: infos[0].info, phase: 'started' });
    report(first, { ...infos[0].info, status: 'failed', error: asError(err, session) });
    return first + infos.length;
  }
  const onProgress = (p: ApplyProgress): void => {
    const index = first + p.index;
    const info = infos[p.index].info;
    if (p.phase === 'start') options.onProgress?.({ index, total, step: info, phase: 'started' });
    else if (p.phase === 'failed') report(index, { ...info, status: 'failed', error: asError(p.error, session) });
    else if (p.result) {
      const { outcome, resourceId, detail } = p.result;
      report(index, { ...info, status: outcome === 'applied' ? 'created' : 'existed', ...(resourceId ? { resourceId } : {}), detail });
    }
  };
  await applyPlan(session, plan, fix.snapshot, { ...(options.signal ? { signal: options.signal } : {}), onProgress });
  return first + infos.length;
}

/** What exists and what does not, one line per step, for a notification's details or a log. */
export function describeCreationOutcome(outcome: ServiceCreationOutcome): string[] {
  const label: Record<CreationStatus, string> = { created: 'created ', existed: 'existed ', failed: 'FAILED  ', 'not-run': 'not run ' };
  const lines = outcome.steps.map((s) =>
    `${label[s.status]} ${s.summary}${s.status === 'failed' ? `: ${s.error?.message ?? 'failed'}` : s.detail ? ` (${s.detail})` : ''}`);
  const count = (status: CreationStatus) => outcome.steps.filter((s) => s.status === status).length;
  const made = `${count('created')} created, ${count('existed')} already there`;
  lines.push(outcome.complete
    ? `Done: ${made}.`
    : `${outcome.cancelled ? 'Cancelled' : 'Stopped at the first failure'}: ${made}, ${count('failed') + count('not-run')} not done. Create again to finish: what exists is reused.`);
  return lines;
}
