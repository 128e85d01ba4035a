/**
 * The doctor's check results in VS Code: checks a service (one snapshot, the analysis, the
 * report) and keeps the latest result of each service checked with the current connection.
 * The Problems view, the diagnostics, the code actions and the status bar all read from here
 * and listen to `onDidChange`. A new connection forgets every result. Applying a fix is a
 * command's work (commands/applyFix.ts), not the store's.
 */
import * as vscode from 'vscode';
import { loadAws } from '../awsModule';
import type { AwsContext } from '../connection/awsContext';
import type { HistoryStore } from '../history/historyStore';
import type { ServiceReport } from '../doctor/serviceReport';
import { countsAsProblem } from '../doctor/severity';
import type { ServiceSnapshot } from '../doctor/snapshot';
import type { AnalyzerFinding } from '../doctor/types';
import { reportUri, serviceKeyId, type ServiceKey } from './reportUri';

export interface Diagnosis {
  readonly key: ServiceKey;
  readonly uri: vscode.Uri;
  readonly snapshot: ServiceSnapshot;
  readonly findings: readonly AnalyzerFinding[];
  readonly report: ServiceReport;
  readonly checkedAt: Date;
}

export class CheckResults implements vscode.Disposable {
  private readonly results = new Map<string, Diagnosis>();
  private readonly running = new Map<string, Promise<Diagnosis>>();
  private readonly changed = new vscode.EventEmitter<ServiceKey | undefined>();
  /** A service's result changed (undefined: all of them, after a connection change). */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** Bumped by a connection change, so a check started before it is dropped. */
  private generation = 0;

  constructor(private readonly aws: AwsContext, private readonly history?: HistoryStore) {
    this.subscription = aws.onDidChangeConnection(() => {
      this.generation++;
      this.results.clear();
      this.running.clear();
      this.changed.fire(undefined);
    });
  }

  /** Checks the service now (one check per service at a time; a second caller shares the first). */
  diagnose(key: ServiceKey, signal?: AbortSignal): Promise<Diagnosis> {
    const id = serviceKeyId(key);
    const pending = this.running.get(id);
    if (pending) return pending;
    const generation = this.generation;
    const run = (async () => {
      const session = (await this.aws.current()).forRegion(key.region);
      const aws = loadAws();
      const snapshot = await aws.collectServiceSnapshot(session, { cluster: key.cluster, service: key.service }, signal ? { signal } : {});
      const checkedAt = new Date();
      const { findings, report, stoppedTasks } = aws.examineService(snapshot, key.cluster, key.service, checkedAt);
      // The failed ones are remembered with the findings that explain them (ECS forgets them in about an hour).
      void this.history?.file.seeExamined(key, stoppedTasks);
      const diagnosis: Diagnosis = { key, uri: reportUri(key), snapshot, findings, report, checkedAt };
      if (generation === this.generation) {
        this.results.set(id, diagnosis);
        this.changed.fire(key);
      }
      return diagnosis;
    })();
    this.running.set(id, run);
    const forget = () => {
      if (this.running.get(id) === run) this.running.delete(id);
    };
    run.then(forget, forget);
    return run;
  }

  get(key: ServiceKey): Diagnosis | undefined {
    return this.results.get(serviceKeyId(key));
  }

  isChecking(key: ServiceKey): boolean {
    return this.running.has(serviceKeyId(key));
  }

  all(): Diagnosis[] {
    return [...this.results.values()];
  }

  /** Errors and warnings over every service checked with the current connection. */
  problemCount(): number {
    let count = 0;
    for (const d of this.results.values()) count += d.report.problems.filter(countsAsProblem).length;
    return count;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
