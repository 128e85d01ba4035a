/**
 * Words for what a Create did, step by step: after a failure the person must know exactly what
 * exists now and what does not (a second Create reuses what exists). No vscode import.
 */
import type { ExtraStep, ServiceCreationPlan } from '../forms/serviceCreationPlan';
import { withStepsBeforeService, describeServicePlan } from '../forms/serviceCreationPlan';
import { splitArn } from '../model/arns';
import type { PreflightItem, StepOutcome } from './serviceFormBackend';

export interface OutcomeSummary {
  readonly ok: boolean;
  /** One paragraph: what failed and why, then what exists and what does not. */
  readonly message: string;
  /** The field the failed step's error belongs next to. */
  readonly field?: string;
}

export function summarizeOutcome(steps: readonly StepOutcome[]): OutcomeSummary {
  const failed = steps.find((s) => s.outcome === 'failed');
  const exists = steps.filter((s) => s.outcome === 'created' || s.outcome === 'existed');
  const missing = steps.filter((s) => s.outcome === 'failed' || s.outcome === 'not-run');
  const list = (items: readonly StepOutcome[]) => items.map((s) => `${s.summary}${s.outcome === 'existed' ? ' (already existed)' : ''}`).join('; ');
  if (!failed && missing.length === 0) {
    return { ok: true, message: `Created: ${list(exists)}.` };
  }
  const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
  const parts = [
    failed ? sentence(`Failed: ${failed.summary}: ${failed.message ?? 'no reason given'}`) : 'Stopped before the end.',
    exists.length > 0 ? `Exists now: ${list(exists)}.` : 'Nothing was created.',
    missing.length > 0 ? `Not created: ${list(missing)}.` : '',
    exists.length > 0 ? 'Create again to finish: what exists is reused.' : '',
  ];
  return { ok: false, message: parts.filter(Boolean).join(' '), ...(failed ? { field: failed.field } : {}) };
}

/** The chosen fixes as steps before the service (for the confirmation), in the order the creation runs them. */
export function planWithFixes(plan: ServiceCreationPlan, fixes: readonly PreflightItem[]): ServiceCreationPlan<PreflightItem> {
  const extras: Array<ExtraStep<PreflightItem>> = fixes.filter((f) => f.fix).map((f) => ({
    kind: 'extra',
    key: `fix/${f.id}`,
    summary: `Fix "${f.title}": ${(f.fix?.lines ?? []).join('; ')}`,
    field: f.field ?? '',
    payload: f,
  }));
  return withStepsBeforeService<PreflightItem>(plan, extras);
}

/** The numbered lines the modal confirmation shows. */
export function confirmationLines(plan: ServiceCreationPlan, fixes: readonly PreflightItem[]): string[] {
  return describeServicePlan(planWithFixes(plan, fixes));
}

/** The account a plan's task definition ARN names; undefined for a family or family:revision. */
export function accountOfPlan(plan: ServiceCreationPlan): string | undefined {
  for (const step of plan.steps) {
    if (step.kind === 'createService') return splitArn(step.request.taskDefinition ?? '')?.accountId;
  }
  return undefined;
}
