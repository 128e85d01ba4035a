/**
 * What the service form needs from the AWS layer beyond reading facts, behind one small
 * interface: the doctor's preflight of the chosen configuration, the creation itself, and the
 * URL of a service's load balancer (Open in Browser). The real implementation below calls the
 * lazily loaded AWS layer (`loadAws()`): preflightService, createService, loadBalancerUrl. The
 * interface stays so that a test can make a failure AWS's emulator cannot (see
 * `testing.useServiceFormBackend`).
 */
import { loadAws, type AwsSession } from '../awsModule';
import type { CreationFix, CreationProgress, Preflight, PreflightCache } from '../aws/index';
import type { ServiceFormFacts, ServiceForm } from '../forms/serviceFormModel';
import type { ServiceCreationPlan } from '../forms/serviceCreationPlan';
import type { Service } from '../model/ecs';

/** One finding of the preflight, as the form shows it. */
export interface PreflightItem {
  readonly id: string;
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly title: string;
  readonly detail: string;
  /** The form field it concerns (an Issue path). */
  readonly field?: string;
  /** The fix the creation can include, and the lines that describe it in the plan. */
  readonly fix?: { readonly plan: unknown; readonly lines: readonly string[] };
}

export interface PreflightOutcome {
  readonly items: readonly PreflightItem[];
}

export interface PreflightInput {
  readonly form: ServiceForm;
  readonly facts: ServiceFormFacts;
  readonly plan: ServiceCreationPlan;
}

export type StepOutcomeKind = 'created' | 'existed' | 'failed' | 'not-run';

export interface StepOutcome {
  readonly key: string;
  readonly summary: string;
  /** The form field an error of this step belongs next to. */
  readonly field: string;
  readonly outcome: StepOutcomeKind;
  readonly message?: string;
}

export interface CreationOutcome {
  readonly steps: readonly StepOutcome[];
  readonly serviceArn?: string;
  readonly clusterArn?: string;
}

export interface CreateOptions {
  readonly signal: AbortSignal;
  readonly onProgress: (message: string) => void;
  /** The preflight items whose fixes the person added to the creation. */
  readonly fixes: readonly PreflightItem[];
}

export interface ServiceFormBackend {
  preflight(session: AwsSession, input: PreflightInput, options: { signal: AbortSignal }): Promise<PreflightOutcome>;
  create(session: AwsSession, plan: ServiceCreationPlan, options: CreateOptions): Promise<CreationOutcome>;
  /** `http://DNS:port` of the service's load balancer, or undefined when it has none. */
  loadBalancerUrl(session: AwsSession, service: Service, options: { signal: AbortSignal }): Promise<string | undefined>;
  /**
   * The steps `create` will run for this plan and these fixes, in order, one line each (the
   * fixes of one preflight planned together, so a shared resource shows once). Absent: the
   * form words the plan itself.
   */
  describe?(plan: ServiceCreationPlan, fixes: readonly PreflightItem[]): string[];
}

// ---------------------------------------------------------------- the AWS layer's functions

/** What an item's fix carries to Create: the preflight it came from, to plan the chosen items as one. */
interface FixPayload {
  readonly preflight: Preflight;
  readonly itemId: string;
}

function isFixPayload(value: unknown): value is FixPayload {
  return typeof value === 'object' && value !== null && 'preflight' in value && 'itemId' in value;
}

function toItem(preflight: Preflight, item: Preflight['items'][number]): PreflightItem {
  const detail = [
    ...item.detail,
    ...(item.formChange ? [`In this form: ${item.formChange.text}`] : []),
    ...(item.alternatives ?? []).map((a) => `Alternative: ${a}`),
  ];
  return {
    id: item.id,
    code: item.code,
    severity: item.severity,
    title: item.title,
    detail: detail.join(' '),
    field: item.field,
    ...(item.fix ? { fix: { plan: { preflight, itemId: item.id } satisfies FixPayload, lines: [item.fix.summary, ...item.fix.lines] } } : {}),
  };
}

/** `arn:aws:ecs:R:A:service/CLUSTER/NAME` -> `arn:aws:ecs:R:A:cluster/CLUSTER`. */
function clusterArnOfService(serviceArn: string): string | undefined {
  const match = /^(arn:[^:]+:ecs:[^:]+:\d+:)service\/([^/]+)\/[^/]+$/.exec(serviceArn);
  return match ? `${match[1]}cluster/${match[2]}` : undefined;
}

function progressText(event: CreationProgress): string {
  const position = `${event.index + 1}/${event.total}`;
  switch (event.phase) {
    case 'started': return `${position} ${event.step.summary}`;
    case 'created': return `${position} done: ${event.step.summary}`;
    case 'existed': return `${position} already there: ${event.step.summary}`;
    case 'failed': return `${position} failed: ${event.step.summary}`;
  }
}

/** The chosen items of one preflight become one fix plan (the endpoints' group made once). */
function creationFixes(items: readonly PreflightItem[]): CreationFix[] {
  const byPreflight = new Map<Preflight, string[]>();
  for (const item of items) {
    const payload = item.fix?.plan;
    if (!isFixPayload(payload)) continue;
    byPreflight.set(payload.preflight, [...(byPreflight.get(payload.preflight) ?? []), payload.itemId]);
  }
  return [...byPreflight].map(([preflight, ids]) => ({ plan: loadAws().preflightPlan(preflight, ids), snapshot: preflight.snapshot }));
}

/** The real backend: the doctor's preflight, the creator and the load balancer URL of src/aws. */
export function createServiceFormBackend(): ServiceFormBackend {
  // One cache per backend, and one backend per open form: the reads that do not change while
  // a form is open (task definition, image, role, log group, the VPC's routes and endpoints).
  let cache: PreflightCache | undefined;
  return {
    async preflight(session, input, options) {
      const aws = loadAws();
      const request = aws.preflightInputFromForm(input.form, input.facts);
      if (!request) return { items: [] };
      cache ??= aws.createPreflightCache();
      const result = await aws.preflightService(session, request, { signal: options.signal, cache });
      return { items: result.items.map((item) => toItem(result, item)) };
    },

    describe(plan, fixes) {
      return loadAws().creationSteps(plan, creationFixes(fixes)).map((step, i) => `${i + 1}. ${step.summary}`);
    },

    async create(session, plan, options) {
      const aws = loadAws();
      const fixes = creationFixes(options.fixes);
      let outcome;
      try {
        outcome = await aws.createService(session, plan, {
          signal: options.signal,
          fixes,
          onProgress: (event) => options.onProgress(progressText(event)),
        });
      } finally {
        // The account changed (endpoints, groups, a log group): the next preflight reads it again.
        cache?.clear();
      }
      const clusterArn = outcome.serviceArn ? clusterArnOfService(outcome.serviceArn) : undefined;
      return {
        steps: outcome.steps.map((step) => ({
          key: step.key,
          summary: step.summary,
          field: step.field,
          outcome: step.status,
          ...(step.error ? { message: step.error.message } : step.detail ? { message: step.detail } : {}),
        })),
        ...(outcome.serviceArn ? { serviceArn: outcome.serviceArn } : {}),
        ...(clusterArn ? { clusterArn } : {}),
      };
    },

    async loadBalancerUrl(session, service, options) {
      return (await loadAws().loadBalancerUrl(session, service.arn, { signal: options.signal }))?.url;
    },
  };
}
