/**
 * The Problems view: the services of the current region whose recent tasks failed (one
 * ListTasks + one DescribeTasks per cluster finds them), plus any service checked on demand
 * that has problems; each is checked by the doctor (two at a time), and lists its problems
 * with the fix as an inline action. A service whose check finds nothing leaves the view.
 * Nothing loads until the view is shown; a refresh scans again and checks every service again.
 * A scan on show that takes long gets a cancellable notification, like Refresh's.
 */
import * as vscode from 'vscode';
import type { AwsContext } from '../connection/awsContext';
import { countsAsProblem } from '../doctor/severity';
import { scanFailingServices } from '../tree/clusterLoads';
import { awsErrorInfo } from '../util/awsErrorInfo';
import { ErrorNode, PlaceholderNode } from '../tree/messageNodes';
import type { TreeNode } from '../tree/treeNode';
import { TreeProvider } from '../tree/treeProvider';
import { withChangeProgress } from '../ui/progress';
import type { HistoryStore } from '../history/historyStore';
import type { CheckResults } from './checkResults';
import { ProblemServiceNode } from './problemNodes';
import { RememberedServiceNode } from './rememberedNodes';
import { serviceKeyId, type ServiceKey } from './reportUri';

export const PROBLEMS_VIEW_ID = 'ecsStudio.problems';
/** Doctor checks the view runs at once (each is about 20 AWS calls). */
const CHECKS_AT_ONCE = 2;
/** How long the view's first scan runs before it gets a cancellable notification. */
const SLOW_SCAN_NOTICE_MS = 2_000;

interface ScanResult {
  readonly region: string;
  /** The account the region's clusters are in (unknown without clusters). */
  readonly account: string | undefined;
  readonly clusters: number;
  readonly failing: readonly ServiceKey[];
  /** The stopped tasks ECS returned: those remembered are not shown as remembered. */
  readonly returned: ReadonlySet<string>;
}

export class ProblemsProvider extends TreeProvider {
  private scan: Promise<ScanResult> | undefined;
  private scanned: ScanResult | undefined;
  private scanError: unknown;
  /** The last scan was cancelled (from its notification): the view says so until the next one. */
  private cancelled = false;
  private readonly nodes = new Map<string, ProblemServiceNode>();
  private readonly waiting: ProblemServiceNode[] = [];
  private active = 0;
  private readonly visibility = new vscode.EventEmitter<boolean>();
  /** The view was shown or hidden. */
  readonly onDidChangeVisibility = this.visibility.event;

  constructor(private readonly aws: AwsContext, private readonly results: CheckResults, private readonly history?: HistoryStore) {
    super(PROBLEMS_VIEW_ID);
    this.subscriptions.push(
      aws.onDidChangeConnection(() => this.forgetAll()),
      ...(history ? [history.onDidClear(() => this.changed(undefined))] : []),
      results.onDidChange(() => this.changed(undefined)),
      this.visibility,
    );
  }

  override attach(view: vscode.TreeView<TreeNode>): void {
    super.attach(view);
    this.subscriptions.push(view.onDidChangeVisibility((e) => this.visibility.fire(e.visible)));
  }

  protected async getRoots(): Promise<TreeNode[]> {
    if (!this.scan && this.cancelled) {
      return [new PlaceholderNode(this, 'problems', vscode.l10n.t('Cancelled. Refresh to look for failing services again.'))];
    }
    this.startShownScan();
    try {
      await this.withProgress(() => this.scan!);
    } catch {
      // shown below
    }
    if (this.scanError) {
      const info = awsErrorInfo(this.scanError);
      if (info.kind === 'cancelled') return [];
      return [new ErrorNode(this, 'problems', vscode.l10n.t('Could not look for failing services'), info.message, () => this.refresh())];
    }
    return this.roots(this.scanned!);
  }

  /**
   * The scan the view starts when it is shown. A quick one shows only the view's progress bar; one
   * still running after SLOW_SCAN_NOTICE_MS (many clusters, a slow or hung endpoint) gets the same
   * cancellable notification as Refresh, whose Cancel aborts its calls.
   */
  private startShownScan(): void {
    if (this.scan) return;
    const controller = new AbortController();
    const scan = this.startScan(controller.signal);
    const notice = setTimeout(() => {
      // A later scan (Refresh, a new connection) has its own notification, or none.
      if (this.scan !== scan) return;
      void withChangeProgress(vscode.l10n.t('Looking for failing services…'), (signal) => {
        signal.addEventListener('abort', () => controller.abort(), { once: true });
        return scan.then(() => undefined, () => undefined);
      });
    }, SLOW_SCAN_NOTICE_MS);
    // A scan that ends first never shows one.
    void scan.finally(() => clearTimeout(notice)).catch(() => undefined);
  }

  /** Starts a scan unless one is under way (or done); `signal` cancels it. */
  private startScan(signal: AbortSignal | undefined): Promise<ScanResult> {
    if (!this.scan) {
      this.scanError = undefined;
      this.cancelled = false;
      const scan = this.runScan(signal);
      this.scan = scan;
      scan.then((result) => {
        if (this.scan === scan) this.scanned = result;
      }, (err: unknown) => {
        if (this.scan !== scan) return;
        this.scanError = err;
        if (awsErrorInfo(err).kind === 'cancelled') {
          // Forgotten, so the view neither shows a stale error nor waits on it; Refresh scans again.
          this.scan = undefined;
          this.cancelled = true;
          this.changed(undefined);
        }
      });
    }
    return this.scan;
  }

  /**
   * A scan on request ("Refresh" in the view's title), which its caller shows in a cancellable
   * notification: cancelling aborts the scan's calls through `signal`, and the view says
   * "Cancelled.". Resolves when the scan is over; the view shows its outcome, an error included.
   */
  async rescan(signal: AbortSignal): Promise<void> {
    this.resetRoots();
    const scan = this.startScan(signal);
    this.changed(undefined);
    await scan.catch(() => undefined);
  }

  private async runScan(signal: AbortSignal | undefined): Promise<ScanResult> {
    const session = await this.aws.current();
    const { region } = session.connection;
    const returned = new Set<string>();
    const scan = await scanFailingServices(session, signal, (stopped) => {
      for (const task of stopped) returned.add(task.arn);
      void this.history?.file.see(stopped);
    });
    await this.history?.file.load();
    return {
      region,
      // arn:aws:ecs:REGION:ACCOUNT:cluster/NAME
      account: scan.clusterArns.map((arn) => arn.split(':')[4]).find(Boolean),
      clusters: scan.clusters,
      failing: scan.failing.map(({ cluster, service }): ServiceKey => ({ region, cluster, service })),
      returned,
    };
  }

  private nodeFor(key: ServiceKey): ProblemServiceNode {
    const id = serviceKeyId(key);
    let node = this.nodes.get(id);
    if (!node) {
      node = new ProblemServiceNode(this, key, this.results, (n) => this.enqueue(n), this.history);
      this.nodes.set(id, node);
    }
    return node;
  }

  private roots(scan: ScanResult): TreeNode[] {
    const keys = new Map<string, ServiceKey>();
    for (const key of scan.failing) keys.set(serviceKeyId(key), key);
    for (const d of this.results.all()) {
      if (d.report.problems.some(countsAsProblem)) keys.set(serviceKeyId(d.key), d.key);
    }
    const shown: ProblemServiceNode[] = [];
    for (const key of [...keys.values()].sort((a, b) => a.cluster.localeCompare(b.cluster) || a.service.localeCompare(b.service))) {
      const node = this.nodeFor(key);
      const d = this.results.get(key);
      // Checked and fine: the failures it had are history (fixed, or from an older deployment).
      if (d && !d.report.problems.some(countsAsProblem)) continue;
      if (!d && !node.error && !this.results.isChecking(key)) this.enqueue(node);
      shown.push(node);
    }
    const all: TreeNode[] = [...shown, ...this.rememberedOnly(scan, new Set(shown.map((n) => serviceKeyId(n.key))))];
    if (all.length === 0) {
      return [new PlaceholderNode(this, 'problems', scan.clusters === 1
        ? vscode.l10n.t('No problems found in the cluster of {0}.', scan.region)
        : vscode.l10n.t('No problems found in the {0} clusters of {1}.', scan.clusters, scan.region))];
    }
    return all;
  }

  /** The region's services with failures ECS no longer returns, among those not listed already. */
  private rememberedOnly(scan: ScanResult, listed: ReadonlySet<string>): TreeNode[] {
    const history = this.history;
    if (!history || !scan.account) return [];
    return history.file.services(scan.account, scan.region, scan.returned)
      .filter((scope) => !listed.has(serviceKeyId(scope)))
      .map((scope) => new RememberedServiceNode(this, scope, () => history.file.remembered(scope, scan.returned)));
  }

  /** Checks a service when a slot is free; the view shows it as "checking…" meanwhile. */
  private enqueue(node: ProblemServiceNode): void {
    if (this.waiting.includes(node)) return;
    this.waiting.push(node);
    this.pump();
  }

  private pump(): void {
    while (this.active < CHECKS_AT_ONCE && this.waiting.length > 0) {
      const node = this.waiting.shift()!;
      this.active++;
      node.error = undefined;
      this.results.diagnose(node.key).then(
        () => undefined,
        (err: unknown) => {
          node.error = err;
          this.changed(node);
        },
      ).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  /** Checks one service again (after a deployment, a fix, or "Diagnose Service"). */
  recheck(key: ServiceKey): void {
    this.enqueue(this.nodeFor(key));
  }

  /** After a deployment ECS Studio started: checks the service again if its problems are on show. */
  afterDeployment(key: ServiceKey): void {
    if (this.visible && this.results.get(key)) this.recheck(key);
  }

  /** A refresh of the whole view scans for failing services again and checks every service known again. */
  protected resetRoots(): void {
    this.cancelled = false;
    this.scan = undefined;
    this.scanned = undefined;
    for (const d of this.results.all()) this.recheck(d.key);
  }

  /** A new connection: nothing shown or queued belongs to it. */
  private forgetAll(): void {
    this.cancelled = false;
    this.scan = undefined;
    this.scanned = undefined;
    this.nodes.clear();
    this.waiting.length = 0;
    this.changed(undefined);
  }
}
