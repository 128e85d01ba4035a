/** The load balancer nodes of the Network view: load balancers -> listeners -> target groups -> registered targets and their health. */
import * as vscode from 'vscode';
import type { Page } from '../model/cluster';
import type { LoadBalancer, Listener, TargetGroup, TargetHealth } from '../model/network';
import { finalAction, forwardedTargetGroups, listenerActionLabel, targetLabel } from '../model/networkLabels';
import { contextValue } from './contextValues';
import { escapeMarkdown } from './markdown';
import { PagedChildren } from './pagedChildren';
import { collapsed } from './treeItems';
import type { TreeEnv } from './treeEnv';
import { TreeNode } from './treeNode';

/** A list AWS answers whole (the gateways drain EC2 and ELBv2 pages): one "page", no "Load more". */
function wholeList<T>(
  owner: TreeNode | undefined,
  env: TreeEnv,
  idPrefix: string,
  load: (signal: AbortSignal) => Promise<readonly T[]>,
  toNode: (item: T) => TreeNode,
  labels: { empty: string; error: string },
): PagedChildren<T> {
  return new PagedChildren<T>({
    owner,
    idPrefix,
    fetchPage: async (_token, signal): Promise<Page<T>> => ({ items: await load(signal), nextToken: undefined }),
    toNode,
    emptyLabel: labels.empty,
    errorLabel: labels.error,
    changed: (node) => env.changed(node),
    withProgress: (task) => env.withProgress(task),
  });
}

/** The "Load balancers" root: every load balancer of the region. */
export class LoadBalancersNode extends TreeNode {
  readonly id = 'network/loadBalancers';
  private readonly balancers: PagedChildren<LoadBalancer>;

  constructor(env: TreeEnv) {
    super(undefined);
    this.balancers = wholeList(this, env, this.id, async (signal) => {
      const session = await env.session();
      return [...(await session.elbv2.describeLoadBalancers(undefined, { signal }))].sort((a, b) => a.name.localeCompare(b.name));
    }, (lb) => new LoadBalancerNode(this, lb, env), { empty: vscode.l10n.t('No load balancers in this region'), error: vscode.l10n.t('Failed to load load balancers') });
  }

  getTreeItem(): vscode.TreeItem {
    const item = collapsed(vscode.l10n.t('Load balancers'), this.id);
    item.iconPath = new vscode.ThemeIcon('server-process');
    item.contextValue = contextValue('group', 'loadBalancers');
    return item;
  }

  override getChildren(): Promise<TreeNode[]> {
    return this.balancers.getChildren();
  }

  reset(): void {
    this.balancers.reset();
  }
}

export class LoadBalancerNode extends TreeNode {
  readonly id: string;
  private readonly listeners: PagedChildren<Listener>;

  /** The load balancer's ARN, for copy ARN and open in console (see resourceNode.ts). */
  get arn(): string {
    return this.loadBalancer.arn;
  }

  constructor(parent: TreeNode, readonly loadBalancer: LoadBalancer, env: TreeEnv) {
    super(parent);
    this.id = `loadBalancer:${loadBalancer.arn}`;
    this.listeners = wholeList(this, env, `${this.id}/listeners`, async (signal) => {
      const session = await env.session();
      return session.elbv2.describeListeners(loadBalancer.arn, { signal });
    }, (listener) => new ListenerNode(this, listener, loadBalancer, env), { empty: vscode.l10n.t('No listeners'), error: vscode.l10n.t('Failed to load listeners') });
  }

  getTreeItem(): vscode.TreeItem {
    const lb = this.loadBalancer;
    const item = collapsed(lb.name, this.id);
    item.description = [lb.type, lb.scheme, lb.state, lb.dnsName].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(lb.state === 'active' ? 'server-process' : 'warning');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(lb.name)}** — ${lb.type}, ${lb.scheme}, ${lb.state}\n\n`);
    if (lb.stateReason) tooltip.appendText(`${lb.stateReason}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('DNS name')}: \`${lb.dnsName}\`\n\n`);
    tooltip.appendMarkdown(`VPC: ${lb.vpcId}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Subnets')}: ${lb.availabilityZones.map((z) => `${z.subnetId} (${z.zoneName})`).join(', ') || vscode.l10n.t('none')}\n\n`);
    if (lb.type === 'application' || lb.securityGroupIds.length > 0) {
      tooltip.appendMarkdown(`${vscode.l10n.t('Security groups')}: ${lb.securityGroupIds.join(', ') || vscode.l10n.t('none')}\n\n`);
    }
    tooltip.appendMarkdown(`\`${lb.arn}\``);
    item.tooltip = tooltip;
    item.contextValue = contextValue('loadBalancer', lb.type, lb.state);
    return item;
  }

  override getChildren(): Promise<TreeNode[]> {
    return this.listeners.getChildren();
  }

  reset(): void {
    this.listeners.reset();
  }
}

export class ListenerNode extends TreeNode {
  readonly id: string;
  private readonly targetGroups: PagedChildren<TargetGroup>;

  /** The listener's ARN, for copy ARN and open in console (see resourceNode.ts). */
  get arn(): string {
    return this.listener.arn;
  }

  constructor(parent: TreeNode, readonly listener: Listener, loadBalancer: LoadBalancer, env: TreeEnv) {
    super(parent);
    this.id = `listener:${listener.arn}`;
    this.targetGroups = wholeList(this, env, `${this.id}/targetGroups`, async (signal) => {
      const session = await env.session();
      // The default action's groups, then those of the rules (only ALBs have rules of their own).
      const rules = loadBalancer.type === 'application' ? await session.elbv2.describeRules(listener.arn, { signal }) : [];
      const arns = forwardedTargetGroups([...listener.defaultActions, ...rules.flatMap((r) => r.actions)]);
      return arns.length > 0 ? session.elbv2.describeTargetGroups({ arns }, { signal }) : [];
    }, (group) => new TargetGroupNode(this, group, env), { empty: vscode.l10n.t('Forwards to no target group'), error: vscode.l10n.t('Failed to load target groups') });
  }

  getTreeItem(): vscode.TreeItem {
    const l = this.listener;
    const forwards = forwardedTargetGroups(l.defaultActions).length > 0 || this.loadBalancerType === 'application';
    const item = new vscode.TreeItem(`${l.protocol}:${l.port}`, forwards ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const action = finalAction(l.defaultActions);
    item.description = action ? listenerActionLabel(action) : vscode.l10n.t('no default action');
    item.iconPath = new vscode.ThemeIcon('radio-tower');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${l.protocol}:${l.port}**\n\n${vscode.l10n.t('Default actions')}:\n\n`);
    for (const a of l.defaultActions) tooltip.appendMarkdown(`- ${escapeMarkdown(listenerActionLabel(a))}\n`);
    item.tooltip = tooltip;
    item.contextValue = contextValue('listener', l.protocol);
    return item;
  }

  private get loadBalancerType(): string {
    return (this.parent as LoadBalancerNode).loadBalancer.type;
  }

  override getChildren(): Promise<TreeNode[]> {
    return this.targetGroups.getChildren();
  }

  reset(): void {
    this.targetGroups.reset();
  }
}

export class TargetGroupNode extends TreeNode {
  readonly id: string;
  private readonly targets: PagedChildren<TargetHealth>;

  /** The target group's ARN, for copy ARN and open in console (see resourceNode.ts). */
  get arn(): string {
    return this.targetGroup.arn;
  }

  constructor(parent: TreeNode, readonly targetGroup: TargetGroup, env: TreeEnv) {
    super(parent);
    this.id = `${parent.id}/targetGroup:${targetGroup.arn}`;
    this.targets = wholeList(this, env, `${this.id}/targets`, async (signal) => {
      const session = await env.session();
      return session.elbv2.describeTargetHealth(targetGroup.arn, { signal });
    }, (target) => new TargetNode(this, target), { empty: vscode.l10n.t('No registered targets'), error: vscode.l10n.t('Failed to load targets') });
  }

  getTreeItem(): vscode.TreeItem {
    const t = this.targetGroup;
    const item = collapsed(t.name, this.id);
    item.description = [
      t.targetType,
      t.protocol && t.port !== undefined ? `${t.protocol}:${t.port}` : undefined,
      t.healthCheckEnabled ? t.healthCheckPath : vscode.l10n.t('no health check'),
    ].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('target');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(t.name)}** — ${vscode.l10n.t('target type {0}', t.targetType)}\n\n`);
    if (t.protocol) tooltip.appendMarkdown(`${vscode.l10n.t('Traffic')}: ${t.protocol}:${t.port ?? '?'}\n\n`);
    if (t.healthCheckEnabled) {
      const port = t.healthCheckPort === 'traffic-port' || !t.healthCheckPort ? vscode.l10n.t('traffic port') : t.healthCheckPort;
      tooltip.appendMarkdown(`${vscode.l10n.t('Health check')}: ${t.healthCheckProtocol ?? ''} ${escapeMarkdown(t.healthCheckPath ?? '')} (${port})`);
      if (t.healthCheckMatcher) tooltip.appendMarkdown(` · ${vscode.l10n.t('expects {0}', t.healthCheckMatcher)}`);
      if (t.healthCheckIntervalSeconds !== undefined) tooltip.appendMarkdown(` · ${vscode.l10n.t('every {0} s', t.healthCheckIntervalSeconds)}`);
      tooltip.appendMarkdown('\n\n');
    } else {
      tooltip.appendMarkdown(`${vscode.l10n.t('Health check')}: ${vscode.l10n.t('off')}\n\n`);
    }
    tooltip.appendMarkdown(`\`${t.arn}\``);
    item.tooltip = tooltip;
    item.contextValue = contextValue('targetGroup', t.targetType);
    return item;
  }

  override getChildren(): Promise<TreeNode[]> {
    return this.targets.getChildren();
  }

  reset(): void {
    this.targets.reset();
  }
}

export class TargetNode extends TreeNode {
  readonly id: string;
  constructor(parent: TreeNode, readonly target: TargetHealth) {
    super(parent);
    this.id = `${parent.id}/target:${targetLabel(target)}`;
  }
  getTreeItem(): vscode.TreeItem {
    const t = this.target;
    const item = new vscode.TreeItem(targetLabel(t), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [t.state, t.availabilityZone, t.reason].filter(Boolean).join(' · ');
    const healthy = t.state === 'healthy';
    const bad = t.state === 'unhealthy' || t.state === 'unavailable';
    item.iconPath = new vscode.ThemeIcon(healthy ? 'pass' : bad ? 'error' : 'circle-large-outline', bad ? new vscode.ThemeColor('errorForeground') : undefined);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(targetLabel(t))}** — ${t.state}\n\n`);
    if (t.reason) tooltip.appendMarkdown(`${t.reason}\n\n`);
    if (t.description) tooltip.appendText(t.description);
    item.tooltip = tooltip;
    item.contextValue = contextValue('target', t.state);
    return item;
  }
}
