/**
 * What the service form needs from the AWS layer beyond reading facts, behind one small
 * interface: the doctor's preflight of the chosen configuration, the creation itself, and the
 * URL of a service's load balancer (Open in Browser).
 *
 * ============================ ADAPTERS, TO BE POINTED AT src/aws ============================
 * `preflightService`, `createService` and `loadBalancerUrl` are being written in src/aws at the
 * same time as this form. Until they are merged, the three adapters below say so instead of
 * pretending: the preflight reports "not available" (the panel shows exactly that, never an
 * empty all-clear), Create refuses with a clear message, and Open in Browser says it can't.
 * When merging: set AVAILABLE's flags and call the real functions through `loadAws()` in the
 * three marked places; nothing else in the form changes.
 * ============================================================================================
 */
import type { AwsSession } from '../awsModule';
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

export type PreflightOutcome =
  | { readonly state: 'unavailable'; readonly reason: string }
  | { readonly state: 'done'; readonly items: readonly PreflightItem[] };

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

/** Thrown by an adapter whose real function is not in this build yet. */
export class BackendUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackendUnavailableError';
  }
}

export interface ServiceFormBackend {
  /** Whether each part is real in this build (the form says so rather than offering what can't run). */
  readonly available: { readonly preflight: boolean; readonly create: boolean; readonly loadBalancerUrl: boolean };
  preflight(session: AwsSession, input: PreflightInput, options: { signal: AbortSignal }): Promise<PreflightOutcome>;
  create(session: AwsSession, plan: ServiceCreationPlan, options: CreateOptions): Promise<CreationOutcome>;
  /** `http://DNS:port` of the service's load balancer, or undefined when it has none. */
  loadBalancerUrl(session: AwsSession, service: Service, options: { signal: AbortSignal }): Promise<string | undefined>;
}

// ---------------------------------------------------------------- ADAPTERS (see the header)

const NOT_IN_BUILD = 'is not part of this build yet';

export const serviceFormBackend: ServiceFormBackend = {
  available: { preflight: false, create: false, loadBalancerUrl: false },

  // ADAPTER: loadAws().preflightService(session, input, options)
  preflight() {
    return Promise.resolve({ state: 'unavailable', reason: `The preflight (the doctor's analysis of these choices) ${NOT_IN_BUILD}: nothing has been checked.` });
  },

  // ADAPTER: loadAws().createService(session, plan, options)
  create() {
    return Promise.reject(new BackendUnavailableError(`Creating a service ${NOT_IN_BUILD}: nothing was created.`));
  },

  // ADAPTER: loadAws().loadBalancerUrl(session, service, options)
  loadBalancerUrl() {
    return Promise.reject(new BackendUnavailableError(`Open in Browser ${NOT_IN_BUILD}.`));
  },
};
