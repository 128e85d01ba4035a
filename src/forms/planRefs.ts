// Placeholders for ids a plan's earlier steps create, and their resolution. A step's request
// holds `{ ref: 'serviceSecurityGroup' }` where the GroupId goes; the applier records each id as
// the step that `produces` it returns (or as it finds the existing resource by the step's key),
// then `resolveRefs` gives the request the SDK receives. Pure: no vscode, no AWS SDK.

export type PlanRefName = 'loadBalancerSecurityGroup' | 'serviceSecurityGroup' | 'loadBalancer' | 'targetGroup';
export const PLAN_REF_NAMES: readonly PlanRefName[] = ['loadBalancerSecurityGroup', 'serviceSecurityGroup', 'loadBalancer', 'targetGroup'];

/** An id an earlier step of the plan creates: its GroupId / LoadBalancerArn / TargetGroupArn. */
export interface PlanRef {
  readonly ref: PlanRefName;
}

export type Deferred<T> = T | PlanRef;

/** A request with every placeholder replaced by the id it stands for. */
export type Resolved<T> = T extends PlanRef ? string
  : T extends ReadonlyArray<infer U> ? Array<Resolved<U>>
    : T extends object ? { [K in keyof T]: Resolved<T[K]> }
      : T;

export class UnresolvedRefError extends Error {
  constructor(readonly ref: PlanRefName) {
    super(`No id for ${ref} yet: the step that creates it has not run.`);
    this.name = 'UnresolvedRefError';
  }
}

function isPlanRef(value: unknown): value is PlanRef {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === 'ref' && (PLAN_REF_NAMES as readonly unknown[]).includes((value as { ref: unknown }).ref);
}

/** `value` with each placeholder replaced by its id from `ids`; throws UnresolvedRefError for a missing one. */
export function resolveRefs<T>(value: T, ids: Readonly<Partial<Record<PlanRefName, string>>>): Resolved<T> {
  const walk = (v: unknown): unknown => {
    if (isPlanRef(v)) {
      const id = ids[v.ref];
      if (id === undefined) throw new UnresolvedRefError(v.ref);
      return id;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v;
  };
  return walk(value) as Resolved<T>;
}

/** The placeholders a step (or any value) waits for, each once, in order of appearance. */
export function refsOf(value: unknown): PlanRefName[] {
  const found: PlanRefName[] = [];
  const walk = (v: unknown): void => {
    if (isPlanRef(v)) {
      if (!found.includes(v.ref)) found.push(v.ref);
    } else if (Array.isArray(v)) {
      v.forEach(walk);
    } else if (typeof v === 'object' && v !== null) {
      Object.values(v).forEach(walk);
    }
  };
  walk(value);
  return found;
}
