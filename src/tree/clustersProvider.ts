/**
 * The Clusters view: the region's clusters, a page at a time, with the account id in the
 * view's description. When no credentials can be found it shows the welcome view instead.
 */
import * as vscode from 'vscode';
import type { AwsContext } from '../connection/awsContext';
import type { HistoryStore } from '../history/historyStore';
import type { Cluster } from '../model/cluster';
import { describeConnection } from '../model/connection';
import { ClusterNode } from './clusterNode';
import { pagedChildren } from './listNode';
import { ServiceNode } from './serviceNode';
import type { PagedChildren } from './pagedChildren';
import type { ServiceHealth } from './serviceHealth';
import type { TreeEnv } from './treeEnv';
import type { TreeNode } from './treeNode';
import { TreeProvider } from './treeProvider';

export const CLUSTERS_VIEW_ID = 'ecsStudio.clusters';
const CREDENTIALS_MISSING_CONTEXT = 'ecsStudio.credentialsMissing';

export class ClustersProvider extends TreeProvider {
  private readonly roots: PagedChildren<Cluster>;

  constructor(private readonly aws: AwsContext, health: ServiceHealth, history?: HistoryStore) {
    super(CLUSTERS_VIEW_ID);
    const env: TreeEnv = { session: () => this.aws.current(), ...(history ? { history } : {}) };
    // Cleared remembered failures leave the Stopped tasks folders (re-rendered from what was loaded).
    if (history) this.subscriptions.push(history.onDidClear(() => this.changed(undefined)));
    // A check changes a service's marker: re-render what is shown (from what was loaded, no AWS call).
    this.subscriptions.push(health.onDidChange(() => this.changed(undefined)));
    this.roots = pagedChildren<Cluster>({
      owner: this,
      idPrefix: 'clusters',
      fetchPage: async (token, signal) => {
        const session = await this.aws.current();
        if (!token) void this.describeAccount(signal);
        return session.ecs.listClustersPage(token, { signal });
      },
      toNode: (cluster) => new ClusterNode(this, cluster, env, health),
      emptyLabel: vscode.l10n.t('No clusters in this region'),
      errorLabel: vscode.l10n.t('Failed to load clusters'),
      onError: (error) => {
        const missing = error.kind === 'noCredentials';
        void vscode.commands.executeCommand('setContext', CREDENTIALS_MISSING_CONTEXT, missing);
        return missing;
      },
    });
    this.subscriptions.push(aws.onDidChangeConnection(() => this.refresh()));
  }

  protected getRoots(): Promise<TreeNode[]> {
    return this.roots.getChildren();
  }

  protected resetRoots(): void {
    this.roots.reset();
    void vscode.commands.executeCommand('setContext', CREDENTIALS_MISSING_CONTEXT, false);
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

  /**
   * Reloads the clusters and selects this service (just created) under its cluster, when the
   * cluster is among the loaded pages and the service among its loaded services. Resolves to its node.
   */
  async revealService(clusterArn: string, serviceArn: string): Promise<TreeNode | undefined> {
    this.refresh();
    const roots = await this.roots.getChildren();
    const cluster = roots.find((n) => n instanceof ClusterNode && n.cluster.arn === clusterArn);
    if (!cluster) return undefined;
    const children = await cluster.getChildren();
    const node = children.find((n) => n instanceof ServiceNode && n.service.arn === serviceArn);
    if (node && this.view) await this.view.reveal(node, { select: true, focus: false, expand: true });
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
}
