import * as vscode from 'vscode';
import { loadTasksPage } from './clusterLoads';
import type { Task, TaskStatusFilter } from '../model/ecs';
import { contextValue } from './contextValues';
import { PagedChildren } from './pagedChildren';
import { TaskNode } from './taskNode';
import type { TreeEnv } from './treeEnv';
import { TreeNode } from './treeNode';

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
export class TaskListNode extends TreeNode {
  readonly id: string;
  private readonly tasks: PagedChildren<Task>;

  constructor(parent: TreeNode, env: TreeEnv, private readonly options: TaskListOptions) {
    super(parent);
    this.id = options.id;
    this.tasks = new PagedChildren<Task>({
      owner: this,
      idPrefix: this.id,
      fetchPage: async (token, signal) => loadTasksPage(await env.session(), options, token, signal),
      toNode: (task) => new TaskNode(this, task),
      emptyLabel: options.desiredStatus === 'STOPPED' ? vscode.l10n.t('No recently stopped tasks') : vscode.l10n.t('No running tasks'),
      errorLabel: vscode.l10n.t('Failed to load tasks'),
      changed: (owner) => env.changed(owner),
      withProgress: (task) => env.withProgress(task),
    });
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.options.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.options.desiredStatus === 'STOPPED' ? 'debug-stop' : 'play-circle');
    item.contextValue = contextValue('group', 'tasks', this.options.desiredStatus);
    return item;
  }

  override getChildren(): Promise<TreeNode[]> {
    return this.tasks.getChildren();
  }

  reset(): void {
    this.tasks.reset();
  }
}
