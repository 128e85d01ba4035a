/** The load balancer nodes of the Network view: load balancers -> listeners -> target groups -> registered targets and their health. */
import * as vscode from 'vscode';
import type { Page } from '../model/cluster';
import type { LoadBalancer, Listener, TargetGroup, TargetHealth } from '../model/network';
import { finalAction, forwardedTargetGroups, listenerActionLabel, targetLabel } from '../model/networkLabels';
import { contextValue } from './contextValues';
import { ListNode, wholePage } from './listNode';
import { escapeMarkdown } from './markdown';
import { collapsed } from './treeItems';
import type { TreeEnv } from './treeEnv';
import { TreeNode, type NodeParent } from './treeNode';

/** The "Load balancers" root: every load balancer of the region. */
export class LoadBalancersNode extends ListNode<LoadBalancer> {
  constructor(parent: NodeParent, private readonly env: TreeEnv) {
    super(parent, {
      id: 'network/loadBalancers',
      emptyLabel: vscode.l10n.t('No load balancers in this region'),
      errorLabel: vscode.l10n.t('Failed to load load balancers'),
    });
  }

  protected async fetchPage(_token: string | undefined, signal: AbortSignal): Promise<Page<LoadBalancer>> {
    const session = await this.env.session();
    return wholePage([...(await session.elbv2.describeLoadBalancers(undefined, { signal }))].sort((a, b) => a.name.localeCompare(b.name)));
  }

  protected toNode(lb: LoadBalancer): TreeNode {
    return new LoadBalancerNode(this, lb, this.env);
  }

  getTreeItem(): vscode.TreeItem {
    const item = collapsed(vscode.l10n.t('Load balancers'), this.id);
    item.iconPath = new vscode.ThemeIcon('server-process');
    item.contextValue = contextValue('group', 'loadBalancers');
    return item;
  }
}

export class LoadBalancerNode extends ListNode<Listener> {
  /** The load balancer's ARN, for copy ARN and open in console (see resourceNode.ts). */
  get arn(): string {
    return this.loadBalancer.arn;
  }

  constructor(parent: TreeNode, readonly loadBalancer: LoadBalancer, private readonly env: TreeEnv) {
    const id = `loadBalancer:${loadBalancer.arn}`;
    super(parent, { id, idPrefix: `${id}/listeners`, emptyLabel: vscode.l10n.t('No listeners'), errorLabel: vscode.l10n.t('Failed to load listeners') });
  }

  protected async fetchPage(_token: string | undefined, signal: AbortSignal): Promise<Page<Listener>> {
    const session = await this.env.session();
    return wholePage(await session.elbv2.describeListeners(this.loadBalancer.arn, { signal }));
  }

  protected toNode(listener: Listener): TreeNode {
    return new ListenerNode(this, listener, this.loadBalancer, this.env);
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
}

export class ListenerNode extends ListNode<TargetGroup> {
  /** The listener's ARN, for copy ARN and open in console (see resourceNode.ts). */
  get arn(): string {
    return this.listener.arn;
  }

  constructor(parent: TreeNode, readonly listener: Listener, private readonly loadBalancer: LoadBalancer, private readonly env: TreeEnv) {
    const id = `listener:${listener.arn}`;
    super(parent, {
      id,
      idPrefix: `${id}/targetGroups`,
      emptyLabel: vscode.l10n.t('Forwards to no target group'),
      errorLabel: vscode.l10n.t('Failed to load target groups'),
    });
  }

  protected async fetchPage(_token: string | undefined, signal: AbortSignal): Promise<Page<TargetGroup>> {
    const session = await this.env.session();
    // The default action's groups, then those of the rules (only ALBs have rules of their own).
    const rules = this.loadBalancer.type === 'application' ? await session.elbv2.describeRules(this.listener.arn, { signal }) : [];
    const arns = forwardedTargetGroups([...this.listener.defaultActions, ...rules.flatMap((r) => r.actions)]);
    return wholePage(arns.length > 0 ? await session.elbv2.describeTargetGroups({ arns }, { signal }) : []);
  }

  protected toNode(group: TargetGroup): TreeNode {
    return new TargetGroupNode(this, group, this.env);
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
}

export class TargetGroupNode extends ListNode<TargetHealth> {
  /** The target group's ARN, for copy ARN and open in console (see resourceNode.ts). */
  get arn(): string {
    return this.targetGroup.arn;
  }

  constructor(parent: TreeNode, readonly targetGroup: TargetGroup, private readonly env: TreeEnv) {
    const id = `${parent.id}/targetGroup:${targetGroup.arn}`;
    super(parent, { id, idPrefix: `${id}/targets`, emptyLabel: vscode.l10n.t('No registered targets'), errorLabel: vscode.l10n.t('Failed to load targets') });
  }

  protected async fetchPage(_token: string | undefined, signal: AbortSignal): Promise<Page<TargetHealth>> {
    const session = await this.env.session();
    return wholePage(await session.elbv2.describeTargetHealth(this.targetGroup.arn, { signal }));
  }

  protected toNode(target: TargetHealth): TreeNode {
    return new TargetNode(this, target);
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
