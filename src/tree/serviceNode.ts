import * as vscode from 'vscode';
import type { Deployment, Service, ServiceEvent, Task } from '../model/ecs';
import { ago, firstLine, primaryDeployment, serviceDescription, stoppedTaskSummary } from '../model/labels';
import { contextValue } from './contextValues';
import type { ServiceHealth } from './serviceHealth';
import { TaskListNode } from './taskListNode';
import type { TreeEnv } from './treeEnv';
import { TreeNode } from './treeNode';

/** How many of the service's latest events the Events folder shows. */
export const SERVICE_EVENTS_SHOWN = 25;

/** A service: running tasks, recently stopped tasks, deployments and latest events. */
export class ServiceNode extends TreeNode {
  readonly id: string;
  private readonly groups: TreeNode[];
  private current: Service;

  constructor(
    parent: TreeNode,
    service: Service,
    private readonly env: TreeEnv,
    private readonly health: ServiceHealth,
    private readonly recentFailures: () => readonly Task[] = () => [],
  ) {
    super(parent);
    this.current = service;
    this.id = `service:${service.arn}`;
    const base = { cluster: service.clusterArn, serviceName: service.name };
    this.groups = [
      new TaskListNode(this, env, { ...base, id: `${this.id}/tasks`, label: vscode.l10n.t('Tasks'), desiredStatus: 'RUNNING' }),
      new TaskListNode(this, env, { ...base, id: `${this.id}/stopped`, label: vscode.l10n.t('Stopped tasks'), desiredStatus: 'STOPPED' }),
      new DeploymentsNode(this),
      new EventsNode(this),
    ];
  }

  get service(): Service {
    return this.current;
  }

  /** The service's ARN (see resourceNode.ts). */
  get arn(): string {
    return this.current.arn;
  }

  get clusterArn(): string {
    return this.current.clusterArn;
  }

  /** Shows the service as described again (after a change, or on refresh). */
  update(service: Service): void {
    if (service.arn === this.current.arn) this.current = service;
  }

  /** Forgets the loaded tasks; they load again when shown. */
  override reset(): void {
    for (const group of this.groups) group.reset();
  }

  /** A refresh of the service, or of a folder below it, describes it again and reloads its tasks. */
  override refreshTarget(): TreeNode {
    return this;
  }

  override async reread(): Promise<void> {
    const session = await this.env.session();
    const service = await session.ecs.describeService(this.current.clusterArn, this.current.arn);
    if (service) this.update(service);
  }

  /** The service's recently stopped tasks that failed (known once the cluster's stopped tasks are read). */
  get failedTasks(): readonly Task[] {
    return this.recentFailures();
  }

  get failing(): boolean {
    // Failures the doctor has since found nothing behind (fixed) no longer mark the service.
    const failedRecently = this.failedTasks.length > 0 && !this.health.checkedClean(this.service);
    return failedRecently || primaryDeployment(this.service)?.rolloutState === 'FAILED';
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.service;
    const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = serviceDescription(s);
    const healthy = s.status === 'ACTIVE' && s.runningCount >= s.desiredCount && s.desiredCount > 0;
    item.iconPath = this.failing
      ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
      : new vscode.ThemeIcon(healthy ? 'pass' : 'circle-large-outline');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${s.name}** — ${s.status}\n\n`);
    tooltip.appendMarkdown(`${serviceDescription(s)}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Task definition')}: \`${s.taskDefinition.split('/').pop() ?? ''}\`\n\n`);
    if (this.failedTasks.length > 0) {
      tooltip.appendMarkdown(`$(warning) ${vscode.l10n.t('{0} recently stopped task(s) failed:', this.failedTasks.length)}\n\n`);
      tooltip.appendCodeblock(stoppedTaskSummary(this.failedTasks[0]!), 'text');
      if (this.health.checkedClean(s)) tooltip.appendMarkdown('\n' + vscode.l10n.t('The doctor\'s latest check found nothing behind them now.'));
    }
    item.tooltip = tooltip;
    item.contextValue = contextValue('service', s.status, this.failing && 'failing', s.loadBalancers.length > 0 && 'loadbalanced');
    return item;
  }

  override getChildren(): TreeNode[] {
    return this.groups;
  }
}

class DeploymentsNode extends TreeNode {
  readonly id: string;
  constructor(readonly serviceNode: ServiceNode) {
    super(serviceNode);
    this.id = `${serviceNode.id}/deployments`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Deployments'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('rocket');
    item.description = String(this.serviceNode.service.deployments.length);
    item.contextValue = contextValue('group', 'deployments');
    return item;
  }
  override getChildren(): TreeNode[] {
    const deployments = this.serviceNode.service.deployments;
    return deployments.length > 0 ? deployments.map((d) => new DeploymentNode(this, d)) : [new TextNode(this, 'none', vscode.l10n.t('No deployments'))];
  }
}

class DeploymentNode extends TreeNode {
  readonly id: string;
  constructor(parent: TreeNode, readonly deployment: Deployment) {
    super(parent);
    this.id = `${parent.id}/${deployment.id}`;
  }
  getTreeItem(): vscode.TreeItem {
    const d = this.deployment;
    const item = new vscode.TreeItem(`${d.status} · ${d.taskDefinition.split('/').pop() ?? ''}`, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [
      `${d.runningCount}/${d.desiredCount} running`,
      d.pendingCount > 0 ? `${d.pendingCount} pending` : undefined,
      d.failedTasks > 0 ? `${d.failedTasks} failed` : undefined,
      d.rolloutState,
      ago(d.createdAt),
    ].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(d.rolloutState === 'FAILED' ? 'error' : d.status === 'PRIMARY' ? 'rocket' : 'history');
    const tooltip = new vscode.MarkdownString(`**${d.id}**\n\n`);
    if (d.rolloutStateReason) tooltip.appendText(d.rolloutStateReason);
    item.tooltip = tooltip;
    item.contextValue = contextValue('deployment', d.status, d.rolloutState);
    return item;
  }
}

class EventsNode extends TreeNode {
  readonly id: string;
  constructor(readonly serviceNode: ServiceNode) {
    super(serviceNode);
    this.id = `${serviceNode.id}/events`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Events'), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('list-unordered');
    item.contextValue = contextValue('group', 'events');
    return item;
  }
  override getChildren(): TreeNode[] {
    const events = this.serviceNode.service.events.slice(0, SERVICE_EVENTS_SHOWN);
    return events.length > 0 ? events.map((e) => new EventNode(this, e)) : [new TextNode(this, 'none', vscode.l10n.t('No events'))];
  }
}

class EventNode extends TreeNode {
  readonly id: string;
  constructor(parent: TreeNode, readonly event: ServiceEvent) {
    super(parent);
    this.id = `${parent.id}/${event.id}`;
  }
  getTreeItem(): vscode.TreeItem {
    const e = this.event;
    const item = new vscode.TreeItem(firstLine(e.message, 140), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = ago(e.createdAt);
    item.tooltip = new vscode.MarkdownString().appendText(`${e.createdAt?.toISOString() ?? ''}\n\n${e.message}`);
    item.iconPath = new vscode.ThemeIcon(/unable|fail|error|unhealthy/i.test(e.message) ? 'warning' : 'info');
    item.contextValue = contextValue('event');
    return item;
  }
}

/** A line of text inside a folder ("No events"). */
class TextNode extends TreeNode {
  readonly id: string;
  constructor(parent: TreeNode, key: string, readonly label: string) {
    super(parent);
    this.id = `${parent.id}/${key}`;
  }
  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = contextValue('placeholder');
    return item;
  }
}
