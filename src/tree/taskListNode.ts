import * as vscode from 'vscode';
import type { Page } from '../model/cluster';
import type { Task, TaskStatusFilter } from '../model/ecs';
import { loadTasksPage } from './clusterLoads';
import { contextValue } from './contextValues';
import { ListNode } from './listNode';
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
    });
  }

  protected async fetchPage(token: string | undefined, signal: AbortSignal): Promise<Page<Task>> {
    return loadTasksPage(await this.env.session(), this.options, token, signal);
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
