/**
 * The remembered failures on disk: one JSON file in the extension's global storage
 * (`failure-history.json`), read once, written atomically (a temporary file renamed over it) and
 * pruned on every write by the limits of the `ecsStudio.history.*` settings. A write reads the
 * file again and merges, so two windows add to one history. A file that is corrupt or from a
 * newer ECS Studio starts the history empty, and the log says so; a newer one is left as it is
 * (this window then remembers only in memory). The logic lives in doctor/failureHistory.ts.
 *
 * Sightings come from where stopped tasks are read anyway (the Clusters view's Stopped tasks,
 * the failing markers and the Problems view's scan, the doctor's checks): no AWS call of its own.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadAws } from '../awsModule';
import {
  DEFAULT_HISTORY_LIMITS, failureOf, failureOfTask, mergeFailures, parseHistory, pruneHistory, rememberedFor, scopeId, scopeOfTaskArn, serializeHistory,
  type FailureScope, type HistoryLimits, type RememberedFailure,
} from '../doctor/failureHistory';
import type { StoppedTaskDiagnosis } from '../doctor/types';
import type { Task } from '../model/ecs';

export const HISTORY_FILE = 'failure-history.json';

/** What the store writes to: the extension's log. */
export interface HistoryLog {
  info(message: string): void;
  warn(message: string): void;
}

/** The limits of the user's settings (`ecsStudio.history.maxAgeDays`, `.maxEntriesPerService`, `.maxEntries`). */
export function historyLimits(): HistoryLimits {
  const config = vscode.workspace.getConfiguration('ecsStudio.history');
  const whole = (name: string, fallback: number, min: number): number => {
    const value = config.get<number>(name, fallback);
    return Number.isFinite(value) && value >= min ? Math.floor(value) : fallback;
  };
  return {
    maxAgeDays: whole('maxAgeDays', DEFAULT_HISTORY_LIMITS.maxAgeDays, 1),
    maxPerService: whole('maxEntriesPerService', DEFAULT_HISTORY_LIMITS.maxPerService, 1),
    maxEntries: whole('maxEntries', DEFAULT_HISTORY_LIMITS.maxEntries, 0),
  };
}

function stopped(task: Task): boolean {
  return task.lastStatus === 'STOPPED' || task.desiredStatus === 'STOPPED';
}

export class HistoryStore implements vscode.Disposable {
  private entries: RememberedFailure[] = [];
  private loading: Promise<void> | undefined;
  /** A newer ECS Studio wrote the file: this window keeps its sightings in memory only. */
  private readOnly = false;
  private writes: Promise<void> = Promise.resolve();
  private readonly cleared = new vscode.EventEmitter<void>();
  /** Remembered failures were cleared: the views drop them. */
  readonly onDidClear = this.cleared.event;

  constructor(
    private readonly storageDir: string,
    private readonly log: HistoryLog,
    private readonly limits: () => HistoryLimits = historyLimits,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get file(): string {
    return path.join(this.storageDir, HISTORY_FILE);
  }

  /** Reads the file once (later calls share the first read). */
  load(): Promise<void> {
    this.loading ??= this.readFile(true).then((entries) => {
      this.entries = mergeFailures(this.entries, entries, this.limits(), this.now());
    });
    return this.loading;
  }

  /** The entries in memory, newest first (after load()). */
  all(): readonly RememberedFailure[] {
    return this.entries;
  }

  /** As remembered(), from what is in memory now (after load()). */
  rememberedNow(scope: FailureScope, returned: Iterable<string>): RememberedFailure[] {
    return rememberedFor(this.entries, scope, new Set(returned));
  }

  /** The service's failures ECS no longer returns (`returned`: the task ARNs it does), newest first. */
  async remembered(scope: FailureScope, returned: Iterable<string>): Promise<RememberedFailure[]> {
    await this.load();
    return rememberedFor(this.entries, scope, new Set(returned));
  }

  /**
   * Stopped tasks just read from ECS: the failed ones (the classifier's errors) of a service are
   * remembered. Resolves when the file is written; callers need not wait.
   */
  async see(tasks: readonly Task[]): Promise<void> {
    const candidates = tasks.filter(stopped);
    if (candidates.length === 0) return;
    // The classifier travels with the AWS layer, loaded since these tasks were read.
    const { classify } = loadAws();
    const now = this.now();
    const sightings: RememberedFailure[] = [];
    for (const task of candidates) {
      const finding = classify(task);
      if (finding.severity !== 'error') continue;
      const failure = failureOfTask(task, finding, [], now);
      if (failure) sightings.push(failure);
    }
    await this.add(sightings, now);
  }

  /**
   * The stopped tasks of a doctor's check (already classified): the failed ones are remembered
   * with the codes and titles of the findings that explain them.
   */
  async seeExamined(service: { readonly cluster: string; readonly service: string }, stoppedTasks: readonly StoppedTaskDiagnosis[]): Promise<void> {
    const now = this.now();
    const sightings = stoppedTasks.flatMap((d) => {
      const scope = d.finding.severity === 'error' ? scopeOfTaskArn(d.task.arn, service.cluster, service.service) : undefined;
      return scope ? [failureOf(scope, d.task, d.finding, d.causes.map((c) => ({ code: c.code, title: c.title })), now)] : [];
    });
    await this.add(sightings, now);
  }

  private async add(sightings: readonly RememberedFailure[], now: Date): Promise<void> {
    if (sightings.length === 0) return;
    await this.load();
    this.entries = mergeFailures(this.entries, sightings, this.limits(), now);
    await this.persist();
  }

  /** Forgets the entries `which` selects (all of them by default); resolves to how many went. */
  async clear(which: (f: RememberedFailure) => boolean = () => true): Promise<number> {
    await this.load();
    const before = this.entries.length;
    this.entries = this.entries.filter((f) => !which(f));
    await this.persist(which);
    this.cleared.fire();
    return before - this.entries.length;
  }

  /** Writes memory merged with the file (less what `dropFromFile` selects), one write at a time. */
  private persist(dropFromFile: (f: RememberedFailure) => boolean = () => false): Promise<void> {
    const write = this.writes.then(async () => {
      if (this.readOnly) return;
      const onDisk = (await this.readFile(false)).filter((f) => !dropFromFile(f));
      if (this.readOnly) return;
      const limits = this.limits();
      // Entries another window wrote join this one's, except those this window has cleared.
      const merged = mergeFailures(onDisk, this.entries, limits, this.now());
      this.entries = pruneHistory(merged, limits, this.now());
      await this.writeAtomically(serializeHistory(this.entries));
    }).catch((err: unknown) => {
      this.log.warn(`Remembered failures: could not write ${this.file}: ${err instanceof Error ? err.message : String(err)}`);
    });
    this.writes = write;
    return write;
  }

  private async readFile(report: boolean): Promise<RememberedFailure[]> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && report) {
        this.log.warn(`Remembered failures: could not read ${this.file}: ${err instanceof Error ? err.message : String(err)}; starting with none.`);
      }
      return [];
    }
    const parsed = parseHistory(text);
    if (!parsed.ok) {
      if (parsed.problem === 'newer') this.readOnly = true;
      if (report) {
        this.log.warn(parsed.problem === 'newer'
          ? `Remembered failures: ${this.file} was written by a newer ECS Studio (${parsed.detail}); starting with none, and this window leaves the file as it is.`
          : `Remembered failures: ${this.file} is not readable (${parsed.detail}); starting with none. The next failure seen replaces the file.`);
      }
      return [];
    }
    if (parsed.skipped > 0 && report) this.log.warn(`Remembered failures: left out ${parsed.skipped} unreadable entr${parsed.skipped === 1 ? 'y' : 'ies'} of ${this.file}.`);
    return parsed.entries;
  }

  private async writeAtomically(text: string): Promise<void> {
    await fs.mkdir(this.storageDir, { recursive: true });
    const temporary = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    try {
      await fs.writeFile(temporary, text, { encoding: 'utf8', mode: 0o600 });
      await fs.rename(temporary, this.file);
    } catch (err) {
      await fs.rm(temporary, { force: true });
      throw err;
    }
  }

  dispose(): void {
    this.cleared.dispose();
  }
}

/** The service scopes of `entries`, each with its entries (for the Problems view's roots). */
export function byService(entries: readonly RememberedFailure[]): Map<string, RememberedFailure[]> {
  const out = new Map<string, RememberedFailure[]>();
  for (const f of entries) out.set(scopeId(f), [...(out.get(scopeId(f)) ?? []), f]);
  return out;
}
