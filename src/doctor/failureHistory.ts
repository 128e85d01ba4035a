// What ECS Studio remembers of failed tasks after ECS forgets them (ECS keeps a stopped task for
// about an hour): per account, region, cluster and service, each failed task's ARN, task
// definition, stop code and reason, its containers' exit codes and reasons, the classified code,
// when it stopped, when ECS Studio first and last saw it, and the doctor's findings that explained
// it. The store's whole logic: a record from a task, merging sightings, the bounds (age, count per
// service, count overall), and the file's text (serialise, parse a file that may be corrupt or
// from a newer version). Only what the views already show is kept, and every reason goes through
// the redaction first: no credential, no secret value.
//
// Pure module: no vscode, no AWS SDK.

import { splitArn } from '../model/arns';
import { clusterNameFromArn } from '../model/cluster';
import { arnLeaf, serviceNameOfTask, type Task } from '../model/ecs';
import { ago } from '../model/labels';
import { redactSecrets } from '../util/redact';

/** The file's format; a file with a higher one was written by a newer ECS Studio. */
export const HISTORY_FORMAT = 1;

/** Longest stop or container reason kept (ECS's own run to about 255 characters). */
const MAX_REASON = 1024;
/** Most findings kept per failure. */
const MAX_FINDINGS = 10;
/** Most containers kept per failure. */
const MAX_CONTAINERS = 20;

const DAY_MS = 86_400_000;

/** Where a failure happened: the key its service's entries share. */
export interface FailureScope {
  readonly account: string;
  readonly region: string;
  readonly cluster: string;
  readonly service: string;
}

export interface RememberedContainer {
  readonly name: string;
  readonly exitCode?: number;
  readonly reason?: string;
}

/** A doctor finding that explained the failure. */
export interface RememberedFinding {
  readonly code: string;
  readonly title: string;
}

export interface RememberedFailure extends FailureScope {
  readonly taskArn: string;
  /** `family:revision`; unknown when only the doctor saw the task. */
  readonly taskDefinition?: string;
  readonly stopCode?: string;
  /** Redacted. */
  readonly stoppedReason?: string;
  readonly containers: readonly RememberedContainer[];
  /** The classifier's code (`ECR_UNREACHABLE`) and title. */
  readonly code: string;
  readonly title: string;
  /** ISO times. */
  readonly stoppedAt?: string;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly findings: readonly RememberedFinding[];
}

export interface HistoryLimits {
  /** Entries whose failure (stoppedAt, else last seen) is older than this go. */
  readonly maxAgeDays: number;
  readonly maxPerService: number;
  /** 0: remember nothing. */
  readonly maxEntries: number;
}

export const DEFAULT_HISTORY_LIMITS: HistoryLimits = { maxAgeDays: 14, maxPerService: 20, maxEntries: 500 };

/** The limits from the settings (`maxAgeDays`, `maxEntriesPerService`, `maxEntries`); a missing or wrong value takes the default. */
export function historyLimits(settings: { get<T>(name: string): T | undefined }): HistoryLimits {
  const whole = (name: string, fallback: number, min: number): number => {
    const value = settings.get<unknown>(name);
    // NaN fails both comparisons.
    return typeof value === 'number' && value >= min && value < Infinity ? Math.floor(value) : fallback;
  };
  return {
    maxAgeDays: whole('maxAgeDays', DEFAULT_HISTORY_LIMITS.maxAgeDays, 1),
    maxPerService: whole('maxEntriesPerService', DEFAULT_HISTORY_LIMITS.maxPerService, 1),
    maxEntries: whole('maxEntries', DEFAULT_HISTORY_LIMITS.maxEntries, 0),
  };
}

/** The confirmation of a clear: how many entries, of how many services, accounts and regions, go away. */
export function clearQuestion(counts: HistoryCounts): string {
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  return `Forget ${n(counts.entries, 'remembered failure')} of ${n(counts.services, 'service')} in ${n(counts.accounts, 'account')} and ${n(counts.regions, 'region')}?`;
}

/** What the classifier said of a task (classify.ts's code and title). */
export interface Classified {
  readonly code: string;
  readonly title: string;
}

/** One string per service scope (account, region, cluster, service), for maps. */
export function scopeId(scope: FailureScope): string {
  return JSON.stringify([scope.account, scope.region, scope.cluster, scope.service]);
}

function cut(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const clean = redactSecrets(text);
  return clean.length > MAX_REASON ? `${clean.slice(0, MAX_REASON - 1)}…` : clean;
}

/** The service scope of a task, from its ARN and group; undefined for a task no service started. */
export function scopeOfTask(task: Pick<Task, 'arn' | 'clusterArn' | 'group'>): FailureScope | undefined {
  const arn = splitArn(task.arn);
  const service = serviceNameOfTask(task);
  if (!arn || !service || !arn.accountId || !arn.region) return undefined;
  return { account: arn.accountId, region: arn.region, cluster: clusterNameFromArn(task.clusterArn), service };
}

/** The scope of a task of `cluster`/`service` from its ARN (account, region); undefined when the ARN names none. */
export function scopeOfTaskArn(taskArn: string, cluster: string, service: string): FailureScope | undefined {
  const arn = splitArn(taskArn);
  return arn?.accountId && arn.region ? { account: arn.accountId, region: arn.region, cluster, service } : undefined;
}

/** The scope of a service from its cluster's ARN and its name; undefined when the ARN names no account. */
export function scopeOfService(clusterArn: string, service: string): FailureScope | undefined {
  const arn = splitArn(clusterArn);
  if (!arn || !arn.accountId || !arn.region) return undefined;
  return { account: arn.accountId, region: arn.region, cluster: clusterNameFromArn(clusterArn), service };
}

/** What a sighting knows of a task: a view's whole task, or the doctor's stopped task (no containers or task definition). */
export type SeenTask = Pick<Task, 'arn'> & Partial<Pick<Task, 'taskDefinitionArn' | 'stopCode' | 'stoppedReason' | 'stoppedAt' | 'containers'>>;

/** The record of a failed task of `scope` seen at `now`. */
export function failureOf(scope: FailureScope, task: SeenTask, classified: Classified, findings: readonly RememberedFinding[], now: Date): RememberedFailure {
  const seen = now.toISOString();
  const stoppedReason = cut(task.stoppedReason);
  return {
    account: scope.account, region: scope.region, cluster: scope.cluster, service: scope.service,
    taskArn: task.arn,
    ...(task.taskDefinitionArn ? { taskDefinition: task.taskDefinitionArn.slice(task.taskDefinitionArn.lastIndexOf('/') + 1) } : {}),
    ...(task.stopCode ? { stopCode: task.stopCode } : {}),
    ...(stoppedReason ? { stoppedReason } : {}),
    containers: (task.containers ?? []).slice(0, MAX_CONTAINERS).map((c) => {
      const reason = cut(c.reason);
      return { name: c.name, ...(c.exitCode !== undefined ? { exitCode: c.exitCode } : {}), ...(reason ? { reason } : {}) };
    }),
    code: classified.code,
    title: classified.title,
    ...(task.stoppedAt ? { stoppedAt: task.stoppedAt.toISOString() } : {}),
    firstSeen: seen,
    lastSeen: seen,
    findings: findings.slice(0, MAX_FINDINGS).map((f) => ({ code: f.code, title: f.title })),
  };
}

/** The record of a failed task seen at `now`; undefined when it belongs to no service. */
export function failureOfTask(task: Task, classified: Classified, findings: readonly RememberedFinding[], now: Date): RememberedFailure | undefined {
  const scope = scopeOfTask(task);
  return scope ? failureOf(scope, task, classified, findings, now) : undefined;
}

/** When the failure happened, as far as ECS Studio knows: its stoppedAt, else when it was last seen. */
export function failureTime(f: RememberedFailure): number {
  return Date.parse(f.stoppedAt ?? f.lastSeen);
}

/** Newest failure first; equal times by task ARN, so the order never depends on the input's. */
function newestFirst(a: RememberedFailure, b: RememberedFailure): number {
  return failureTime(b) - failureTime(a) || (a.taskArn < b.taskArn ? -1 : a.taskArn > b.taskArn ? 1 : 0);
}

function identity(f: RememberedFailure): string {
  return `${scopeId(f)}|${f.taskArn}`;
}

/** The findings of both, each code once (the older explanation stays: it explained the failure then). */
function unionFindings(a: readonly RememberedFinding[], b: readonly RememberedFinding[]): RememberedFinding[] {
  const byCode = new Map<string, RememberedFinding>();
  for (const f of [...a, ...b]) if (!byCode.has(f.code)) byCode.set(f.code, f);
  return [...byCode.values()].slice(0, MAX_FINDINGS);
}

/**
 * The same task seen again: first seen stays, the rest is the newer sighting's (what it does not
 * know, the task definition and containers the doctor does not read, stays), the findings are joined.
 */
function mergeOne(old: RememberedFailure, seen: RememberedFailure): RememberedFailure {
  const firstSeen = Date.parse(old.firstSeen) <= Date.parse(seen.firstSeen) ? old.firstSeen : seen.firstSeen;
  const lastSeen = Date.parse(old.lastSeen) >= Date.parse(seen.lastSeen) ? old.lastSeen : seen.lastSeen;
  const taskDefinition = seen.taskDefinition ?? old.taskDefinition;
  const stopCode = seen.stopCode ?? old.stopCode;
  const stoppedReason = seen.stoppedReason ?? old.stoppedReason;
  const stoppedAt = seen.stoppedAt ?? old.stoppedAt;
  return {
    ...seen,
    ...(taskDefinition ? { taskDefinition } : {}),
    ...(stopCode ? { stopCode } : {}),
    ...(stoppedReason ? { stoppedReason } : {}),
    ...(stoppedAt ? { stoppedAt } : {}),
    containers: seen.containers.length > 0 ? seen.containers : old.containers,
    firstSeen,
    lastSeen,
    findings: unionFindings(old.findings, seen.findings),
  };
}

/**
 * Drops what the limits leave out: failures older than maxAgeDays at `now` (exactly that old
 * stays), then all but the newest maxPerService of each service, then all but the newest
 * maxEntries. Newest first.
 */
export function pruneHistory(entries: readonly RememberedFailure[], limits: HistoryLimits, now: Date): RememberedFailure[] {
  const oldest = now.getTime() - limits.maxAgeDays * DAY_MS;
  const perService = new Map<string, number>();
  const kept: RememberedFailure[] = [];
  for (const f of [...entries].sort(newestFirst)) {
    const time = failureTime(f);
    if (!Number.isFinite(time) || time < oldest) continue;
    const id = scopeId(f);
    const count = perService.get(id) ?? 0;
    if (count >= limits.maxPerService) continue;
    if (kept.length >= limits.maxEntries) break;
    perService.set(id, count + 1);
    kept.push(f);
  }
  return kept;
}

/** The entries with the sightings merged in (a task seen twice is one entry), then pruned. */
export function mergeFailures(entries: readonly RememberedFailure[], sightings: readonly RememberedFailure[], limits: HistoryLimits, now: Date): RememberedFailure[] {
  const byIdentity = new Map<string, RememberedFailure>();
  for (const f of [...entries, ...sightings]) {
    const id = identity(f);
    const old = byIdentity.get(id);
    byIdentity.set(id, old ? mergeOne(old, f) : f);
  }
  return pruneHistory([...byIdentity.values()], limits, now);
}

/** The service's remembered failures that ECS no longer returns (`returned`: the ARNs it does), newest first. */
export function rememberedFor(entries: readonly RememberedFailure[], scope: FailureScope, returned: ReadonlySet<string>): RememberedFailure[] {
  const id = scopeId(scope);
  return entries.filter((f) => scopeId(f) === id && !returned.has(f.taskArn)).sort(newestFirst);
}

/** The services of `account` in `region` with a remembered failure ECS no longer returns, by cluster and name. */
export function servicesRemembered(entries: readonly RememberedFailure[], account: string, region: string, returned: ReadonlySet<string>): FailureScope[] {
  const scopes = new Map<string, FailureScope>();
  for (const f of entries) {
    if (f.account !== account || f.region !== region || returned.has(f.taskArn)) continue;
    scopes.set(scopeId(f), { account, region, cluster: f.cluster, service: f.service });
  }
  return [...scopes.values()].sort((a, b) => a.cluster.localeCompare(b.cluster) || a.service.localeCompare(b.service));
}

/** "remembered · stopped 3 h ago" (or "seen", without a stop time): a remembered failure's short line. */
export function rememberedDescription(f: RememberedFailure, now: Date): string {
  return f.stoppedAt
    ? `remembered · stopped ${ago(new Date(f.stoppedAt), now)}`
    : `remembered · seen ${ago(new Date(f.lastSeen), now)}`;
}

/** The task's id (the last part of its ARN). */
export function rememberedTaskId(f: RememberedFailure): string {
  return arnLeaf(f.taskArn);
}

/** How much a clear takes away: entries, services, accounts and regions. */
export interface HistoryCounts {
  readonly entries: number;
  readonly services: number;
  readonly accounts: number;
  readonly regions: number;
}

export function countHistory(entries: readonly RememberedFailure[]): HistoryCounts {
  return {
    entries: entries.length,
    services: new Set(entries.map(scopeId)).size,
    accounts: new Set(entries.map((f) => f.account)).size,
    regions: new Set(entries.map((f) => f.region)).size,
  };
}

// ---- the file ---------------------------------------------------------------------------

export function serializeHistory(entries: readonly RememberedFailure[]): string {
  return JSON.stringify({ format: HISTORY_FORMAT, entries }) + '\n';
}

export type ParsedHistory =
  | { readonly ok: true; readonly entries: RememberedFailure[]; /** Entries left out because a field was missing or wrong. */ readonly skipped: number }
  | { readonly ok: false; readonly entries: []; readonly problem: 'corrupt' | 'newer'; readonly detail: string };

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isTime = (v: unknown): v is string => isText(v) && Number.isFinite(Date.parse(v));
const optional = (v: unknown, check: (x: unknown) => boolean): boolean => v === undefined || check(v);

/** A JSON value's fields; null is none. A field of text, a number or a list reads as undefined, which every check below refuses. */
function asRecord(v: unknown): Record<string, unknown> | undefined {
  return (v ?? undefined) as Record<string, unknown> | undefined;
}

function asContainer(v: unknown): RememberedContainer | undefined {
  const c = asRecord(v);
  if (!c || !isText(c.name) || !optional(c.exitCode, Number.isInteger) || !optional(c.reason, isText)) return undefined;
  const reason = cut(c.reason as string | undefined);
  return { name: c.name, ...(c.exitCode !== undefined ? { exitCode: c.exitCode as number } : {}), ...(reason ? { reason } : {}) };
}

function asFinding(v: unknown): RememberedFinding | undefined {
  const f = asRecord(v);
  return f && isText(f.code) && typeof f.title === 'string' ? { code: f.code, title: f.title } : undefined;
}

/** One entry of the file, checked field by field (and its reasons redacted again); undefined when it does not hold. */
function asFailure(v: unknown): RememberedFailure | undefined {
  const e = asRecord(v);
  if (!e) return undefined;
  const texts = ['account', 'region', 'cluster', 'service', 'taskArn', 'code'] as const;
  if (!texts.every((k) => isText(e[k])) || typeof e.title !== 'string' || !optional(e.taskDefinition, isText)) return undefined;
  if (!isTime(e.firstSeen) || !isTime(e.lastSeen) || !optional(e.stoppedAt, isTime)) return undefined;
  if (!optional(e.stopCode, isText) || !optional(e.stoppedReason, isText)) return undefined;
  if (!Array.isArray(e.containers) || !Array.isArray(e.findings)) return undefined;
  const containers = e.containers.map(asContainer);
  const findings = e.findings.map(asFinding);
  if (containers.some((c) => !c) || findings.some((f) => !f)) return undefined;
  const reason = cut(e.stoppedReason as string | undefined);
  return {
    account: e.account as string, region: e.region as string, cluster: e.cluster as string, service: e.service as string,
    taskArn: e.taskArn as string,
    ...(e.taskDefinition ? { taskDefinition: e.taskDefinition as string } : {}),
    ...(e.stopCode ? { stopCode: e.stopCode as string } : {}),
    ...(reason ? { stoppedReason: reason } : {}),
    containers: (containers as RememberedContainer[]).slice(0, MAX_CONTAINERS),
    code: e.code as string, title: e.title,
    ...(e.stoppedAt ? { stoppedAt: e.stoppedAt as string } : {}),
    firstSeen: e.firstSeen, lastSeen: e.lastSeen,
    findings: (findings as RememberedFinding[]).slice(0, MAX_FINDINGS),
  };
}

/**
 * The entries of a history file. A file that is not this format's JSON (cut short, edited,
 * another program's) or that a newer ECS Studio wrote gives no entries and says why; an entry
 * with a missing or wrong field is left out and counted.
 */
export function parseHistory(text: string): ParsedHistory {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, entries: [], problem: 'corrupt', detail: err instanceof Error ? err.message : String(err) };
  }
  const root = asRecord(value);
  if (!root || !Number.isInteger(root.format) || (root.format as number) < 1 || !Array.isArray(root.entries)) {
    return { ok: false, entries: [], problem: 'corrupt', detail: 'not an ECS Studio history file (no format and entries)' };
  }
  if ((root.format as number) > HISTORY_FORMAT) {
    return { ok: false, entries: [], problem: 'newer', detail: `format ${String(root.format)}, this version reads ${HISTORY_FORMAT}` };
  }
  const entries = root.entries.map(asFailure);
  const kept = entries.filter((e): e is RememberedFailure => e !== undefined);
  return { ok: true, entries: kept, skipped: entries.length - kept.length };
}
