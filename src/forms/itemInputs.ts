/**
 * What the item commands ask for, checked before any AWS call: a new cluster's name, a
 * service's desired count, the reason given for stopping a task. Pure: the results carry a
 * problem code (and its values), which the commands word through vscode.l10n.
 */
import { describeBadCharacters } from '../util/wording';

export type Checked<T, P extends string> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: P; readonly detail?: string };

/** CreateCluster: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens". */
export const CLUSTER_NAME_MAX = 255;
const CLUSTER_NAME_CHAR = /[A-Za-z0-9_-]/;
const CLUSTER_NAME = /^[A-Za-z0-9_-]{1,255}$/;

export type ClusterNameProblem = 'empty' | 'tooLong' | 'badCharacters';

export function checkClusterName(text: string): Checked<string, ClusterNameProblem> {
  const name = text.trim();
  if (name.length === 0) return { ok: false, problem: 'empty' };
  if (name.length > CLUSTER_NAME_MAX) return { ok: false, problem: 'tooLong', detail: String(name.length) };
  if (!CLUSTER_NAME.test(name)) return { ok: false, problem: 'badCharacters', detail: describeBadCharacters(name, CLUSTER_NAME_CHAR) };
  return { ok: true, value: name };
}

/** Upper bound ECS Studio accepts for a desired count (the service quota's order of magnitude). */
export const DESIRED_COUNT_MAX = 10_000;

export type DesiredCountProblem = 'empty' | 'notInteger' | 'outOfRange';

export function checkDesiredCount(text: string): Checked<number, DesiredCountProblem> {
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, problem: 'empty' };
  if (!/^\d+$/.test(trimmed)) return { ok: false, problem: 'notInteger' };
  const value = Number(trimmed);
  if (!Number.isSafeInteger(value) || value > DESIRED_COUNT_MAX) return { ok: false, problem: 'outOfRange' };
  return { ok: true, value };
}

/** StopTask's reason: "Up to 255 characters". */
export const STOP_REASON_MAX = 255;
export const DEFAULT_STOP_REASON = 'Stopped from ECS Studio';

export type StopReasonProblem = 'tooLong';

/** An empty reason becomes the default one. */
export function checkStopReason(text: string): Checked<string, StopReasonProblem> {
  const reason = text.trim() || DEFAULT_STOP_REASON;
  if (reason.length > STOP_REASON_MAX) return { ok: false, problem: 'tooLong', detail: String(reason.length) };
  return { ok: true, value: reason };
}
