/** Nodes of the Task Definitions view: a family, its revisions, a revision's containers. */
import * as vscode from 'vscode';
import type { Page } from '../model/cluster';
import {
  architectureLabel,
  revisionsPage,
  portsLabel,
  taskSizeLabel,
  type TaskDefinition,
  type TaskDefinitionContainer,
} from '../model/taskDefinition';
import { contextValue } from './contextValues';
import { ListNode } from './listNode';
import { escapeMarkdown } from './markdown';
import type { TreeEnv } from './treeEnv';
import { TreeNode, type NodeParent } from './treeNode';

/** Which revisions a family lists: ACTIVE only, or ACTIVE then INACTIVE. */
export interface RevisionFilter {
  readonly showInactive: boolean;
}

/** A family: its revisions, newest first, a page at a time, described when the page loads. */
export class TaskDefinitionFamilyNode extends ListNode<TaskDefinition> {
  constructor(parent: NodeParent, readonly family: string, private readonly env: TreeEnv, private readonly filter: RevisionFilter) {
    const id = `taskDefinitionFamily:${family}`;
    super(parent, {
      id,
      idPrefix: `${id}/revisions`,
      emptyLabel: filter.showInactive ? vscode.l10n.t('No revisions') : vscode.l10n.t('No active revisions'),
      errorLabel: vscode.l10n.t('Failed to load revisions'),
    });
  }

  protected async fetchPage(token: string | undefined, signal: AbortSignal): Promise<Page<TaskDefinition>> {
    const session = await this.env.session();
    return revisionsPage(
      (status, next) => session.taskDefinitions.listRevisionsPage(this.family, status, next, { signal }),
      this.filter.showInactive,
      token,
    );
  }

  protected toNode(td: TaskDefinition): TreeNode {
    return new TaskDefinitionNode(this, td);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.family, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('symbol-class');
    item.contextValue = contextValue('taskDefinitionFamily');
    return item;
  }
}

/** One revision: "family:rev", its size and architecture; its containers below. */
export class TaskDefinitionNode extends TreeNode {
  readonly id: string;

  constructor(parent: TreeNode, readonly taskDefinition: TaskDefinition) {
    super(parent);
    this.id = `taskDefinition:${taskDefinition.arn}`;
  }

  /** The revision's ARN, for copy ARN and open in console (see resourceNode.ts). */
  get arn(): string {
    return this.taskDefinition.arn;
  }

  get active(): boolean {
    return this.taskDefinition.status === 'ACTIVE';
  }

  getTreeItem(): vscode.TreeItem {
    const td = this.taskDefinition;
    const label = `${td.family}:${td.revision}`;
    const item = new vscode.TreeItem(label, td.containers.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [taskSizeLabel(td) || undefined, architectureLabel(td), this.active ? undefined : td.status].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon(this.active ? 'file-code' : 'circle-slash');
    item.tooltip = revisionTooltip(td, label);
    item.contextValue = contextValue('taskDefinition', td.status);
    return item;
  }

  override getChildren(): TreeNode[] {
    return this.taskDefinition.containers.map((c) => new ContainerDefinitionNode(this, c));
  }
}

function revisionTooltip(td: TaskDefinition, label: string): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${escapeMarkdown(label)}** — ${td.status}\n\n`);
  const size = taskSizeLabel(td);
  if (size) tooltip.appendMarkdown(`${vscode.l10n.t('Size')}: ${size}\n\n`);
  const arch = architectureLabel(td);
  if (arch) tooltip.appendMarkdown(`${vscode.l10n.t('Platform')}: ${arch}\n\n`);
  if (td.requiresCompatibilities.length > 0) tooltip.appendMarkdown(`${vscode.l10n.t('Launch types')}: ${td.requiresCompatibilities.join(', ')}\n\n`);
  if (td.networkMode) tooltip.appendMarkdown(`${vscode.l10n.t('Network mode')}: ${td.networkMode}\n\n`);
  if (td.executionRoleArn) tooltip.appendMarkdown(`${vscode.l10n.t('Execution role')}: \`${td.executionRoleArn}\`\n\n`);
  if (td.taskRoleArn) tooltip.appendMarkdown(`${vscode.l10n.t('Task role')}: \`${td.taskRoleArn}\`\n\n`);
  if (td.registeredAt) tooltip.appendMarkdown(`${vscode.l10n.t('Registered')}: ${td.registeredAt.toISOString()}\n\n`);
  if (td.containers.length > 0) {
    tooltip.appendMarkdown(`${vscode.l10n.t('Containers')}:\n\n`);
    for (const c of td.containers) tooltip.appendMarkdown(`- ${escapeMarkdown(c.name)}: \`${c.image}\`\n`);
  }
  return tooltip;
}

/** A container of a revision: its image and ports. */
export class ContainerDefinitionNode extends TreeNode {
  readonly id: string;

  constructor(parent: TaskDefinitionNode, readonly container: TaskDefinitionContainer) {
    super(parent);
    this.id = `${parent.id}/container:${container.name}`;
  }

  get taskDefinition(): TaskDefinition {
    return (this.parent as TaskDefinitionNode).taskDefinition;
  }

  getTreeItem(): vscode.TreeItem {
    const c = this.container;
    const item = new vscode.TreeItem(c.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const ports = portsLabel(c);
    item.description = [c.image, ports || undefined].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('package');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escapeMarkdown(c.name)}**${c.essential ? '' : ` (${vscode.l10n.t('not essential')})`}\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Image')}: \`${c.image}\`\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Ports')}: ${ports || vscode.l10n.t('none')}\n\n`);
    if (c.memory !== undefined) tooltip.appendMarkdown(`${vscode.l10n.t('Memory (hard limit)')}: ${c.memory} MiB\n\n`);
    if (c.memoryReservation !== undefined) tooltip.appendMarkdown(`${vscode.l10n.t('Memory reservation')}: ${c.memoryReservation} MiB\n\n`);
    if (c.logConfiguration) {
      const group = c.logConfiguration.options['awslogs-group'];
      tooltip.appendMarkdown(`${vscode.l10n.t('Logs')}: ${c.logConfiguration.logDriver}${group ? ` \`${group}\`` : ''}\n\n`);
    }
    item.tooltip = tooltip;
    item.contextValue = contextValue('containerDefinition', c.essential && 'essential', c.logConfiguration?.logDriver);
    return item;
  }
}
