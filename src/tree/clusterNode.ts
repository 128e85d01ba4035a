import * as vscode from 'vscode';
import type { Cluster, Page } from '../model/cluster';
import type { Service, Task } from '../model/ecs';
import { loadFailingServices } from './clusterLoads';
import { contextValue } from './contextValues';
import { ListNode } from './listNode';
import { escapeMarkdown } from './markdown';
import type { ServiceHealth } from './serviceHealth';
import { ServiceNode } from './serviceNode';
import { TaskListNode } from './taskListNode';
import type { TreeEnv } from './treeEnv';
import type { NodeParent, TreeNode } from './treeNode';

/** A cluster: its tasks not started by a service, then its services a page at a time. */
export class ClusterNode extends ListNode<Service> {
  private readonly standalone: TaskListNode;
  /** Names of services with a recently stopped task that stopped with an error. */
  private failing = new Map<string, Task[]>();
  /** The service nodes shown, by name, so a late failing marker re-renders just those. */
  private serviceNodes = new Map<string, ServiceNode>();

  private current: Cluster;

  constructor(parent: NodeParent, cluster: Cluster, private readonly env: TreeEnv, private readonly health: ServiceHealth) {
    const id = `cluster:${cluster.arn}`;
    super(parent, {
      id,
      idPrefix: `${id}/services`,
      emptyLabel: vscode.l10n.t('No services'),
      errorLabel: vscode.l10n.t('Failed to load services'),
    });
    this.current = cluster;
    this.standalone = new TaskListNode(this, env, {
      id: `${this.id}/standalone`,
      label: vscode.l10n.t('Standalone tasks'),
      cluster: cluster.arn,
      desiredStatus: 'RUNNING',
      standaloneOnly: true,
    });
  }

  get cluster(): Cluster {
    return this.current;
  }

  /** The cluster's ARN (see resourceNode.ts). */
  get arn(): string {
    return this.current.arn;
  }

  /** Shows the cluster as described again (counts after a change, or on refresh). */
  update(cluster: Cluster): void {
    if (cluster.arn === this.current.arn) this.current = cluster;
  }

  override async reread(): Promise<void> {
    const session = await this.env.session();
    const [cluster] = await session.ecs.describeClusters([this.current.arn]);
    if (cluster) this.update(cluster);
  }

  protected async fetchPage(token: string | undefined, signal: AbortSignal): Promise<Page<Service>> {
    const session = await this.env.session();
    const clusterArn = this.current.arn;
    // The first page of services does not wait for the failing markers: they follow.
    if (!token) {
      void loadFailingServices(session, clusterArn, signal, (stopped) => void this.env.history?.file.see(stopped)).then((failing) => {
        if (!failing || signal.aborted) return;
        this.failing = failing;
        // Re-render only the marked services already shown: refreshing the whole cluster
        // while someone expands a service made VS Code lose that expansion.
        for (const name of failing.keys()) {
          const shown = this.serviceNodes.get(name);
          if (shown) this.provider.changed(shown);
        }
      });
    }
    return session.ecs.listServicesPage(clusterArn, token, { signal });
  }

  protected toNode(service: Service): TreeNode {
    const node = new ServiceNode(this, service, this.env, this.health, () => this.failing.get(service.name) ?? []);
    this.serviceNodes.set(service.name, node);
    return node;
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.cluster;
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(c.status === 'ACTIVE' ? 'server-environment' : 'circle-slash');
    item.description = vscode.l10n.t('{0} running · {1} pending · {2} services', c.runningTasksCount, c.pendingTasksCount, c.activeServicesCount);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(c.name)}** — ${c.status}\n\n`);
    tooltip.appendMarkdown(vscode.l10n.t('Running tasks: {0}, pending: {1}, services: {2}', c.runningTasksCount, c.pendingTasksCount, c.activeServicesCount));
    tooltip.appendMarkdown('\n\n' + vscode.l10n.t('Capacity providers: {0}', c.capacityProviders.length > 0 ? c.capacityProviders.join(', ') : vscode.l10n.t('none')));
    tooltip.appendMarkdown(`\n\n\`${c.arn}\``);
    item.tooltip = tooltip;
    item.contextValue = contextValue('cluster', c.status);
    return item;
  }

  override async getChildren(): Promise<TreeNode[]> {
    const services = await super.getChildren();
    return [this.standalone, ...services];
  }

  override reset(): void {
    super.reset();
    this.standalone.reset();
    this.failing = new Map();
    this.serviceNodes = new Map();
  }
}
