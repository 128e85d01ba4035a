/**
 * The Task Definitions view: the region's families, a page at a time; ACTIVE revisions by
 * default, ACTIVE then INACTIVE ones after "Show Inactive Revisions".
 */
import * as vscode from 'vscode';
import type { AwsContext } from '../connection/awsContext';
import { pagedChildren } from './listNode';
import type { PagedChildren } from './pagedChildren';
import { TaskDefinitionFamilyNode, type RevisionFilter } from './taskDefinitionNodes';
import type { TreeEnv } from './treeEnv';
import type { TreeNode } from './treeNode';
import { TreeProvider } from './treeProvider';

export const TASK_DEFINITIONS_VIEW_ID = 'ecsStudio.taskDefinitions';
/** True while the view shows INACTIVE revisions too; package.json picks the title button by it. */
export const SHOW_INACTIVE_CONTEXT = 'ecsStudio.taskDefinitions.showInactive';

export class TaskDefinitionsProvider extends TreeProvider {
  private readonly roots: PagedChildren<string>;
  private readonly filter: { showInactive: boolean } = { showInactive: false };

  constructor(private readonly aws: AwsContext) {
    super(TASK_DEFINITIONS_VIEW_ID);
    const env: TreeEnv = { session: () => this.aws.current() };
    const filter: RevisionFilter = this.filter;
    this.roots = pagedChildren<string>({
      owner: this,
      idPrefix: 'taskDefinitionFamilies',
      fetchPage: async (token, signal) => {
        const session = await this.aws.current();
        // A family whose revisions are all INACTIVE is itself INACTIVE: list it only when asked.
        return session.taskDefinitions.listFamiliesPage(token, filter.showInactive ? 'ALL' : 'ACTIVE', { signal });
      },
      toNode: (family) => new TaskDefinitionFamilyNode(this, family, env, filter),
      emptyLabel: vscode.l10n.t('No task definitions in this region'),
      errorLabel: vscode.l10n.t('Failed to load task definitions'),
    });
    this.subscriptions.push(aws.onDidChangeConnection(() => this.refresh()));
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

  protected getRoots(): Promise<TreeNode[]> {
    return this.roots.getChildren();
  }

  protected resetRoots(): void {
    this.roots.reset();
  }
}
