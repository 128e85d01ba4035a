/**
 * The remembered failures on disk: one JSON file in the extension's global storage, read once,
 * written atomically (a temporary file renamed over it) and pruned on every write. A write reads
 * the file again and merges, so two windows add to one history. A file that is corrupt or from a
 * newer ECS Studio starts the history empty, and the log says so; a newer one is left as it is
 * (this window then remembers only in memory). The logic is doctor/failureHistory.ts; this file
 * travels with the AWS layer (like profiles.ts, it reads a file) so activation never loads it.
 *
 * Pure module: no vscode, no AWS SDK.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { classify } from '../doctor/classify';
import {
  countHistory, failureOf, failureOfTask, mergeFailures, parseHistory, pruneHistory, rememberedFor, scopeOfTaskArn, serializeHistory,
  servicesRemembered, type FailureScope, type HistoryCounts, type HistoryLimits, type RememberedFailure,
} from '../doctor/failureHistory';
import { rememberedSection } from '../doctor/rememberedReport';
import type { ServiceSnapshot } from '../doctor/snapshot';
import type { StoppedTaskDiagnosis } from '../doctor/types';
import type { ServiceKey } from '../model/documentPaths';
import type { Task } from '../model/ecs';

export const HISTORY_FILE = 'failure-history.json';

/** Where the history file writes what went wrong: the extension's log. */
export interface HistoryLog {
  warn(message: string): void;
}

function stopped(task: Task): boolean {
  return task.lastStatus === 'STOPPED' || task.desiredStatus === 'STOPPED';
}

export class HistoryFile {
  private entries: RememberedFailure[] = [];
  private loading: Promise<void> | undefined;
  /** A newer ECS Studio wrote the file: this window keeps its sightings in memory only. */
  private readOnly = false;
  private writes: Promise<void> = Promise.resolve();
  /** Every change (sightings, a clear), one after the other in the order they came. */
  private changes: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly storageDir: string,
    private readonly log: HistoryLog,
    private readonly limits: () => HistoryLimits,
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

  /** The service's failures ECS no longer returns (`returned`: the task ARNs it does), newest first (after load()). */
  remembered(scope: FailureScope, returned: Iterable<string>): RememberedFailure[] {
    return rememberedFor(this.entries, scope, new Set(returned));
  }

  /** The failures of a checked service that its check's stopped tasks do not include (after load()). */
  rememberedBeyond(checked: { readonly key: ServiceKey; readonly snapshot: ServiceSnapshot }): RememberedFailure[] {
    const returned = (checked.snapshot.stoppedTasks ?? []).map((s) => s.task.arn);
    return this.remembered({ account: checked.snapshot.accountId, ...checked.key }, returned);
  }

  /** The report's section of those failures (doctor/rememberedReport.ts), empty when there are none. */
  async reportSection(checked: { readonly key: ServiceKey; readonly snapshot: ServiceSnapshot }): Promise<string> {
    await this.load();
    return rememberedSection(this.rememberedBeyond(checked), this.now());
  }

  /** The services of `account` in `region` with a remembered failure not in `returned` (after load()). */
  services(account: string, region: string, returned: ReadonlySet<string>): FailureScope[] {
    return servicesRemembered(this.entries, account, region, returned);
  }

  /** How many entries, services, accounts and regions the history holds (after load()). */
  counts(): HistoryCounts {
    return countHistory(this.entries);
  }

  /** Stopped tasks just read from ECS: the failed ones (the classifier's errors) of a service are remembered. */
  async see(tasks: readonly Task[]): Promise<void> {
    const now = this.now();
    const sightings = tasks.filter(stopped).flatMap((task) => {
      const finding = classify(task);
      const failure = finding.severity === 'error' ? failureOfTask(task, finding, [], now) : undefined;
      return failure ? [failure] : [];
    });
    await this.add(sightings, now);
  }

  /** The stopped tasks of a doctor's check: the failed ones, with the codes and titles of the findings that explain them. */
  async seeExamined(service: { readonly cluster: string; readonly service: string }, stoppedTasks: readonly StoppedTaskDiagnosis[]): Promise<void> {
    const now = this.now();
    const sightings = stoppedTasks.flatMap((d) => {
      const scope = d.finding.severity === 'error' ? scopeOfTaskArn(d.task.arn, service.cluster, service.service) : undefined;
      return scope ? [failureOf(scope, d.task, d.finding, d.causes.map((c) => ({ code: c.code, title: c.title })), now)] : [];
    });
    await this.add(sightings, now);
  }

  /** Forgets the entries `which` selects (all by default), in memory and in the file; resolves to how many went. */
  clear(which: (f: RememberedFailure) => boolean = () => true): Promise<number> {
    return this.queue(async () => {
      await this.load();
      const before = this.entries.length;
      this.entries = this.entries.filter((f) => !which(f));
      await this.persist(which);
      return before - this.entries.length;
    });
  }

  /** Resolves when every change asked for so far is in memory and written. */
  async settled(): Promise<void> {
    await this.changes;
  }

  private add(sightings: readonly RememberedFailure[], now: Date): Promise<void> {
    if (sightings.length === 0) return Promise.resolve();
    return this.queue(async () => {
      await this.load();
      this.entries = mergeFailures(this.entries, sightings, this.limits(), now);
      await this.persist();
    });
  }

  private queue<T>(change: () => Promise<T>): Promise<T> {
    const run = this.changes.then(change);
    this.changes = run.catch(() => undefined);
    return run;
  }

  /** Writes memory merged with the file (less what `dropFromFile` selects), one write at a time. */
  private persist(dropFromFile: (f: RememberedFailure) => boolean = () => false): Promise<void> {
    const write = this.writes.then(async () => {
      if (this.readOnly) return;
      const onDisk = (await this.readFile(false)).filter((f) => !dropFromFile(f));
      if (this.readOnly) return;
      const limits = this.limits();
      // Entries another window wrote join this one's, except those this window has cleared.
      this.entries = pruneHistory(mergeFailures(onDisk, this.entries, limits, this.now()), limits, this.now());
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
}
