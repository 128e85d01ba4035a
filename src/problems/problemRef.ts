/** What the doctor's commands receive: a problem of a service, from a code action, a tree node or a test. */
import type { AlternativeName } from '../doctor/types';
import { isServiceKey } from '../model/documentPaths';
import type { ServiceKey } from './reportUri';

export interface ProblemRef {
  readonly key: ServiceKey;
  readonly problemId: string;
  /** One of the problem's ways out (`alternatives`), instead of its own fix. */
  readonly remedy?: AlternativeName;
  /** The problem's own fix, even when its cause has several ways out (the quick fix "Fix CODE"). */
  readonly ownFix?: true;
}

export function isProblemRef(value: unknown): value is ProblemRef {
  const v = value as Partial<ProblemRef> | undefined;
  return typeof v === 'object' && v !== null && isServiceKey(v.key) && typeof v.problemId === 'string';
}

/** A service key, from `{ key }` (a tree node, a code action) or a key itself. */
export function serviceKeyOf(value: unknown): ServiceKey | undefined {
  if (isServiceKey(value)) return value;
  const key = (value as { key?: unknown } | undefined)?.key;
  return isServiceKey(key) ? key : undefined;
}
