import * as vscode from 'vscode';
import { loadAws } from '../awsModule';
import type { Container, Task } from '../model/ecs';
import { ago, containerDescription, shortTaskId, stoppedTaskSummary } from '../model/labels';
import { contextValue } from './contextValues';
import { TreeNode } from './treeNode';

/** A task: running ones show status, AZ and IP; stopped ones their stop code and reason. */
export class TaskNode extends TreeNode {
  readonly id: string;

  constructor(parent: TreeNode, readonly task: Task) {
    super(parent);
    this.id = `${parent.id}/task:${task.arn}`;
  }

  /** The task's ARN (see resourceNode.ts). */
  get arn(): string {
    return this.task.arn;
  }

  get clusterArn(): string {
    return this.task.clusterArn;
  }

  get stopped(): boolean {
    return this.task.desiredStatus === 'STOPPED' || this.task.lastStatus === 'STOPPED';
  }

  getTreeItem(): vscode.TreeItem {
    const t = this.task;
    const item = new vscode.TreeItem(shortTaskId(t.id), t.containers.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${vscode.l10n.t('Task')} ${t.id}**\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Status')}: ${t.lastStatus} (${vscode.l10n.t('desired')} ${t.desiredStatus})\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Task definition')}: \`${t.taskDefinitionArn.split('/').pop() ?? ''}\`\n\n`);
    if (t.availabilityZone) tooltip.appendMarkdown(`${vscode.l10n.t('Availability Zone')}: ${t.availabilityZone}\n\n`);
    if (t.privateIp) tooltip.appendMarkdown(`${vscode.l10n.t('Private IP')}: ${t.privateIp}\n\n`);
    if (this.stopped) {
      // The classifier travels with the AWS layer, loaded since this task was read.
      const finding = loadAws().classify(t);
      item.description = stoppedTaskSummary(t);
      item.iconPath = new vscode.ThemeIcon(
        finding.severity === 'error' ? 'error' : 'debug-stop',
        finding.severity === 'error' ? new vscode.ThemeColor('errorForeground') : undefined,
      );
      if (t.stopCode) tooltip.appendMarkdown(`${vscode.l10n.t('Stop code')}: ${t.stopCode}\n\n`);
      if (t.stoppedReason) tooltip.appendCodeblock(t.stoppedReason, 'text');
      if (finding.code !== 'UNKNOWN') tooltip.appendMarkdown(`\n**${finding.title}** — ${finding.explanation}`);
    } else {
      item.description = [t.lastStatus, t.availabilityZone, t.privateIp, ago(t.startedAt)].filter(Boolean).join(' · ');
      item.iconPath = new vscode.ThemeIcon(t.lastStatus === 'RUNNING' ? 'vm-running' : 'vm-outline');
    }
    item.tooltip = tooltip;
    item.contextValue = contextValue('task', this.stopped ? 'stopped' : 'running');
    return item;
  }

  override getChildren(): TreeNode[] {
    return this.task.containers.map((c) => new ContainerNode(this, c));
  }
}

export class ContainerNode extends TreeNode {
  readonly id: string;

  constructor(parent: TaskNode, readonly container: Container) {
    super(parent);
    this.id = `${parent.id}/container:${container.name}`;
  }

  get task(): Task {
    return (this.parent as TaskNode).task;
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.container;
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = containerDescription(c);
    const failed = (c.exitCode !== undefined && c.exitCode !== 0) || Boolean(c.reason);
    item.iconPath = new vscode.ThemeIcon('package', failed ? new vscode.ThemeColor('errorForeground') : undefined);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${c.name}**\n\n`);
    if (c.image) tooltip.appendMarkdown(`${vscode.l10n.t('Image')}: \`${c.image}\`\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Status')}: ${c.lastStatus ?? 'UNKNOWN'}`);
    if (c.exitCode !== undefined) tooltip.appendMarkdown(` · ${vscode.l10n.t('exit code')} ${c.exitCode}`);
    if (c.healthStatus) tooltip.appendMarkdown(` · ${vscode.l10n.t('health')} ${c.healthStatus}`);
    if (c.reason) tooltip.appendCodeblock(c.reason, 'text');
    item.tooltip = tooltip;
    item.contextValue = contextValue('container', failed && 'failed');
    return item;
  }
}
