import * as vscode from 'vscode';
import { loadAws } from '../awsModule';
import type { Page } from '../model/cluster';
import type { Task, TaskStatusFilter } from '../model/ecs';
import { loadTasksPage } from './clusterLoads';
import { contextValue } from './contextValues';
import { ListNode } from './listNode';
import { RememberedTaskNode } from './rememberedTaskNode';
import { TaskNode } from './taskNode';
import type { TreeEnv } from './treeEnv';
import type { TreeNode } from './treeNode';

export interface TaskListOptions {
  readonly id: string;
  readonly label: string;
  readonly cluster: string;
  readonly desiredStatus: TaskStatusFilter;
  readonly serviceName?: string;
  /** Only tasks that no service started (the cluster's "Standalone tasks"). */
  readonly standaloneOnly?: boolean;
}

/** "Tasks", "Stopped tasks" or "Standalone tasks": a folder of tasks, a page at a time. */
export class TaskListNode extends ListNode<Task> {
  constructor(parent: TreeNode, private readonly env: TreeEnv, private readonly options: TaskListOptions) {
    super(parent, {
      id: options.id,
      emptyLabel: options.desiredStatus === 'STOPPED' ? vscode.l10n.t('No recently stopped tasks') : vscode.l10n.t('No running tasks'),
      errorLabel: vscode.l10n.t('Failed to load tasks'),
      // A service's failed tasks ECS no longer returns, as remembered, after the ones it does.
      tail: (nodes) => this.remembered(nodes),
    });
  }

  protected async fetchPage(token: string | undefined, signal: AbortSignal): Promise<Page<Task>> {
    const page = await loadTasksPage(await this.env.session(), this.options, token, signal);
    if (this.options.desiredStatus === 'STOPPED') void this.env.history?.file.see(page.items);
    return page;
  }

  private async remembered(nodes: readonly TreeNode[]): Promise<TreeNode[]> {
    const { history } = this.env;
    const scope = this.options.serviceName ? loadAws().scopeOfService(this.options.cluster, this.options.serviceName) : undefined;
    if (!history || !scope || this.options.desiredStatus !== 'STOPPED') return [];
    const returned = nodes.flatMap((n) => (n instanceof TaskNode ? [n.task.arn] : []));
    await history.file.load();
    return history.file.remembered(scope, returned).map((f) => new RememberedTaskNode(this, f));
  }

  protected toNode(task: Task): TreeNode {
    return new TaskNode(this, task);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.options.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.options.desiredStatus === 'STOPPED' ? 'debug-stop' : 'play-circle');
    item.contextValue = contextValue('group', 'tasks', this.options.desiredStatus);
    return item;
  }
}
