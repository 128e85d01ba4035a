/**
 * The Clusters view: the region's clusters, a page at a time, with the account id in the
 * view's description. When no credentials can be found it shows the welcome view instead.
 */
import * as vscode from 'vscode';
import type { AwsContext } from '../connection/awsContext';
import type { Cluster } from '../model/cluster';
import { describeConnection } from '../model/connection';
import { serviceKeyOfService } from '../model/documentPaths';
import { countsAsProblem } from '../doctor/severity';
import type { CheckResults as Doctor } from '../problems/checkResults';
import { ClusterNode } from './clusterNode';
import { PagedChildren } from './pagedChildren';
import type { TreeEnv } from './treeEnv';
import type { TreeNode } from './treeNode';

export const CLUSTERS_VIEW_ID = 'ecsStudio.clusters';
const CREDENTIALS_MISSING_CONTEXT = 'ecsStudio.credentialsMissing';

export class ClustersProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly roots: PagedChildren<Cluster>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private view: vscode.TreeView<TreeNode> | undefined;
  private readonly env: TreeEnv;

  constructor(private readonly aws: AwsContext, doctor?: Pick<Doctor, 'get' | 'onDidChange'>) {
    this.env = {
      session: () => this.aws.current(),
      changed: (node) => this.changed.fire(node),
      withProgress: (task) => vscode.window.withProgress({ location: { viewId: CLUSTERS_VIEW_ID } }, task),
      checkedClean: (service) => {
        const diagnosis = doctor?.get(serviceKeyOfService(service));
        return diagnosis !== undefined && !diagnosis.report.problems.some(countsAsProblem);
      },
    };
    // A check changes a service's marker: re-render what is shown (from what was loaded, no AWS call).
    if (doctor) this.subscriptions.push(doctor.onDidChange(() => this.changed.fire(undefined)));
    this.roots = new PagedChildren<Cluster>({
      owner: undefined,
      idPrefix: 'clusters',
      fetchPage: async (token, signal) => {
        const session = await this.aws.current();
        if (!token) void this.describeAccount(signal);
        return session.ecs.listClustersPage(token, { signal });
      },
      toNode: (cluster) => new ClusterNode(undefined, cluster, this.env),
      emptyLabel: vscode.l10n.t('No clusters in this region'),
      errorLabel: vscode.l10n.t('Failed to load clusters'),
      changed: (owner) => this.env.changed(owner),
      withProgress: (task) => this.env.withProgress(task),
      onError: (error) => {
        const missing = error.kind === 'noCredentials';
        void vscode.commands.executeCommand('setContext', CREDENTIALS_MISSING_CONTEXT, missing);
        return missing;
      },
    });
    this.subscriptions.push(aws.onDidChangeConnection(() => this.refresh()));
  }

  /** Lets the provider set the view's description (account and connection). */
  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> | TreeNode[] {
    return node ? node.getChildren() : this.roots.getChildren();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Reloads the whole view, or one node (the root lists have no node of their own). */
  refresh(node?: TreeNode): void {
    if (!node) {
      this.roots.reset();
      void vscode.commands.executeCommand('setContext', CREDENTIALS_MISSING_CONTEXT, false);
    } else if (isResettable(node)) {
      node.reset();
    }
    this.changed.fire(node);
  }

  /**
   * Reloads the clusters and selects the one with this ARN (a cluster just created), when it
   * is among the loaded pages. Resolves to its node.
   */
  async revealCluster(arn: string): Promise<TreeNode | undefined> {
    this.refresh();
    const roots = await this.roots.getChildren();
    const node = roots.find((n) => n instanceof ClusterNode && n.cluster.arn === arn);
    if (node && this.view) await this.view.reveal(node, { select: true, focus: true });
    return node;
  }

  private async describeAccount(signal: AbortSignal): Promise<void> {
    try {
      const session = await this.aws.current();
      const identity = await session.sts.getCallerIdentity({ signal });
      if (this.view && !signal.aborted) {
        this.view.description = `${identity.account} · ${describeConnection(session.connection)}`;
      }
    } catch {
      // The cluster list shows the failure (or the welcome view); the description stays empty.
      if (this.view && !signal.aborted) this.view.description = undefined;
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

function isResettable(node: TreeNode): node is TreeNode & { reset(): void } {
  return typeof (node as { reset?: unknown }).reset === 'function';
}
