/**
 * The Task Definitions view: the region's families, a page at a time; ACTIVE revisions by
 * default, ACTIVE then INACTIVE ones after "Show Inactive Revisions".
 */
import * as vscode from 'vscode';
import type { AwsContext } from '../connection/awsContext';
import { PagedChildren } from './pagedChildren';
import { TaskDefinitionFamilyNode, type RevisionFilter } from './taskDefinitionNodes';
import type { TreeEnv } from './treeEnv';
import { isResettable } from './resettable';
import type { TreeNode } from './treeNode';

export const TASK_DEFINITIONS_VIEW_ID = 'ecsStudio.taskDefinitions';
/** True while the view shows INACTIVE revisions too; package.json picks the title button by it. */
export const SHOW_INACTIVE_CONTEXT = 'ecsStudio.taskDefinitions.showInactive';

export class TaskDefinitionsProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly roots: PagedChildren<string>;
  private readonly subscription: vscode.Disposable;
  private readonly env: TreeEnv;
  private readonly filter: { showInactive: boolean } = { showInactive: false };

  constructor(private readonly aws: AwsContext) {
    this.env = {
      session: () => this.aws.current(),
      changed: (node) => this.changed.fire(node),
      withProgress: (task) => vscode.window.withProgress({ location: { viewId: TASK_DEFINITIONS_VIEW_ID } }, task),
    };
    const filter: RevisionFilter = this.filter;
    this.roots = new PagedChildren<string>({
      owner: undefined,
      idPrefix: 'taskDefinitionFamilies',
      fetchPage: async (token, signal) => {
        const session = await this.aws.current();
        // A family whose revisions are all INACTIVE is itself INACTIVE: list it only when asked.
        return session.taskDefinitions.listFamiliesPage(token, filter.showInactive ? 'ALL' : 'ACTIVE', { signal });
      },
      toNode: (family) => new TaskDefinitionFamilyNode(undefined, family, this.env, filter),
      emptyLabel: vscode.l10n.t('No task definitions in this region'),
      errorLabel: vscode.l10n.t('Failed to load task definitions'),
      changed: (owner) => this.env.changed(owner),
      withProgress: (task) => this.env.withProgress(task),
    });
    this.subscription = aws.onDidChangeConnection(() => this.refresh());
    void vscode.commands.executeCommand('setContext', SHOW_INACTIVE_CONTEXT, false);
  }

  get showInactive(): boolean {
    return this.filter.showInactive;
  }

  /** Switches between ACTIVE revisions only and ACTIVE plus INACTIVE ones, and reloads. */
  async setShowInactive(show: boolean): Promise<void> {
    this.filter.showInactive = show;
    await vscode.commands.executeCommand('setContext', SHOW_INACTIVE_CONTEXT, show);
    this.refresh();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): Promise<TreeNode[]> | TreeNode[] {
    return node ? node.getChildren() : this.roots.getChildren();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  /** Reloads the whole view, or one family. */
  refresh(node?: TreeNode): void {
    if (!node) this.roots.reset();
    else if (isResettable(node)) node.reset();
    this.changed.fire(node);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
