/**
 * The task definition forms of this window: opens them (new, or a new revision prefilled from
 * an existing one), restores them after a window reload (WebviewPanelSerializer), reveals a
 * registered revision in the Task Definitions view, and registers task definitions typed as
 * JSON (with the one DiagnosticCollection of that command).
 */
import * as vscode from 'vscode';
import type { AwsContext } from '../connection/awsContext';
import type { DescribedTaskDefinition } from '../model/ecsRequest';
import type { TaskDefinitionForm } from '../forms/taskDefinitionFormModel';
import type { JsonIssue } from '../forms/validateTaskDefinition';
import type { TaskDefinition } from '../model/taskDefinition';
import { TaskDefinitionFamilyNode, TaskDefinitionNode } from '../tree/taskDefinitionNodes';
import type { TaskDefinitionsProvider } from '../tree/taskDefinitionsProvider';
import type { TreeNode } from '../tree/treeNode';
import { withChangeProgress } from '../ui/progress';
import type { UserInputHost } from '../ui/userInput';
import { loadFormsHost } from './loadFormsHost';
import { OpenFormPanels } from './openFormPanels';
import { FORM_STRINGS } from './formStrings';
import { CREATE_SERVICE_COMMAND, TASK_DEFINITION_FORM_VIEW_TYPE, type FormContext } from './protocol';
import type { TaskDefinitionFormPanel } from './taskDefinitionPanel';
import { walkthroughStepDone } from '../ui/walkthrough';

export interface TaskDefinitionFormsDeps {
  readonly aws: AwsContext;
  readonly userInput: UserInputHost;
  readonly log: vscode.LogOutputChannel;
  readonly extensionUri: vscode.Uri;
  readonly taskDefinitions: TaskDefinitionsProvider;
  readonly taskDefinitionsView: vscode.TreeView<TreeNode> | undefined;
}

/** What "Register Task Definition from JSON" did. */
export interface JsonRegistration {
  readonly errors: number;
  readonly warnings: number;
  readonly registered?: TaskDefinition;
}

export const JSON_DIAGNOSTICS_NAME = 'ecsStudio.taskDefinitionJson';

export class TaskDefinitionForms implements vscode.Disposable {
  private readonly panels = new OpenFormPanels<TaskDefinitionFormPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Problems of the JSON documents "Register Task Definition from JSON" looked at. */
  readonly jsonDiagnostics: vscode.DiagnosticCollection;

  constructor(private readonly deps: TaskDefinitionFormsDeps) {
    this.jsonDiagnostics = vscode.languages.createDiagnosticCollection(JSON_DIAGNOSTICS_NAME);
    this.subscriptions.push(
      this.jsonDiagnostics,
      vscode.window.registerWebviewPanelSerializer(TASK_DEFINITION_FORM_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const host = loadFormsHost();
          const saved = host.restoredForm(state);
          const context = await this.context(vscode.l10n.t('New task definition'), []);
          this.adopt(panel, saved ?? host.newForm(context.region), context);
        },
      }),
      // Edits make the command's diagnostics stale: they come back when it runs again.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.jsonDiagnostics.has(e.document.uri)) this.jsonDiagnostics.delete(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.jsonDiagnostics.delete(d.uri)),
    );
  }

  /** The form opened or focused last (extension tests drive its host). */
  get active(): TaskDefinitionFormPanel | undefined {
    return this.panels.latest;
  }

  /** Opens an empty form for a new task definition. */
  async openNew(): Promise<TaskDefinitionFormPanel> {
    const context = await this.context(vscode.l10n.t('New task definition'), []);
    return this.open(loadFormsHost().newForm(context.region), context, vscode.l10n.t('New Task Definition'));
  }

  /** Opens a form prefilled from a described revision, for its next revision. */
  async openRevision(td: DescribedTaskDefinition, tags: ReadonlyArray<{ key?: string | undefined; value?: string | undefined }>): Promise<TaskDefinitionFormPanel> {
    const { form, dropped } = loadFormsHost().revisionForm(td, tags);
    const family = td.family ?? '';
    const context = await this.context(vscode.l10n.t('New revision of {0}', family), dropped);
    return this.open(form, context, vscode.l10n.t('New Revision: {0}', family));
  }

  /**
   * Opens a form around an ECR image: the one given (an image URI), or one chosen from the
   * region's repositories; undefined when the choice was dismissed.
   */
  async openFromImage(imageUri?: string): Promise<TaskDefinitionFormPanel | undefined> {
    const host = loadFormsHost();
    const session = await this.deps.aws.current();
    let image: { uri: string; repository: string; platforms: Parameters<typeof host.imageForm>[1]['platforms'] } | undefined;
    if (imageUri) {
      const repository = imageUri.replace(/[:@].*$/, '').split('/').slice(1).join('/') || imageUri;
      image = { uri: imageUri, repository, platforms: undefined };
    } else {
      try {
        image = await host.pickEcrImage(session, this.deps.userInput.input);
      } catch (err) {
        if (err instanceof host.NothingToPickError) {
          void vscode.window.showInformationMessage(err.message);
          return undefined;
        }
        throw err;
      }
    }
    if (!image) return undefined;
    const context = await this.context(vscode.l10n.t('New task definition for {0}', image.uri), []);
    return this.open(host.imageForm(context.region, image), context, vscode.l10n.t('New Task Definition'));
  }

  private async context(heading: string, droppedFields: string[]): Promise<FormContext> {
    const connection = await this.deps.aws.connections.resolve().catch(() => undefined);
    const commands = await vscode.commands.getCommands(true);
    return {
      heading,
      region: connection?.region ?? '',
      droppedFields,
      canCreateService: commands.includes(CREATE_SERVICE_COMMAND),
      // The webview's words in the display language; {0}.. stay for the webview to fill in.
      strings: Object.fromEntries(FORM_STRINGS.map((s) => [s, vscode.l10n.t(s, '{0}', '{1}', '{2}')])),
    };
  }

  private open(form: TaskDefinitionForm, context: FormContext, title: string): TaskDefinitionFormPanel {
    const panel = vscode.window.createWebviewPanel(TASK_DEFINITION_FORM_VIEW_TYPE, title, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      enableFindWidget: true,
    });
    return this.adopt(panel, form, context);
  }

  private adopt(panel: vscode.WebviewPanel, form: TaskDefinitionForm, context: FormContext): TaskDefinitionFormPanel {
    const { TaskDefinitionFormPanel } = loadFormsHost();
    const host = new TaskDefinitionFormPanel(panel, {
      aws: this.deps.aws,
      userInput: this.deps.userInput,
      log: this.deps.log,
      extensionUri: this.deps.extensionUri,
      revealRevision: (td) => this.revealRevision(td),
      onDidDispose: (p) => this.panels.remove(p),
    }, form, context);
    this.panels.add(panel, host);
    return host;
  }

  /** Shows a revision in the Task Definitions view: its family expanded, the revision selected. */
  async revealRevision(td: TaskDefinition): Promise<void> {
    const provider = this.deps.taskDefinitions;
    provider.refresh();
    const view = this.deps.taskDefinitionsView;
    if (!view) return;
    const families = await provider.getChildren();
    const family = families.find((n) => n instanceof TaskDefinitionFamilyNode && n.family === td.family);
    if (!family) return;
    const revisions = await provider.getChildren(family);
    const node = revisions.find((n) => n instanceof TaskDefinitionNode && n.taskDefinition.arn === td.arn);
    if (node) await view.reveal(node, { select: true, focus: false, expand: false });
  }

  /**
   * Validates the JSON document as a RegisterTaskDefinition request with the form's rules; with
   * errors, shows them as diagnostics on their lines and registers nothing; otherwise registers.
   */
  async registerFromJson(document: vscode.TextDocument): Promise<JsonRegistration> {
    const session = await this.deps.aws.current();
    const result = loadFormsHost().checkRequestJson(document.getText(), { region: session.connection.region });
    const toDiagnostic = (issue: JsonIssue, severity: vscode.DiagnosticSeverity): vscode.Diagnostic => {
      const start = document.positionAt(issue.offset);
      const end = document.positionAt(issue.offset + Math.max(issue.length, 1));
      const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), issue.message, severity);
      diagnostic.code = issue.code;
      diagnostic.source = 'ECS Studio';
      return diagnostic;
    };
    this.jsonDiagnostics.set(document.uri, [
      ...result.errors.map((i) => toDiagnostic(i, vscode.DiagnosticSeverity.Error)),
      ...result.warnings.map((i) => toDiagnostic(i, vscode.DiagnosticSeverity.Warning)),
      ...result.notes.map((i) => toDiagnostic(i, vscode.DiagnosticSeverity.Information)),
    ]);
    if (!result.request) {
      const showProblems = vscode.l10n.t('Show Problems');
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Not registered: the task definition has {0} problem(s), marked in the editor.', result.errors.length),
        showProblems,
      ).then((choice) => choice === showProblems ? vscode.commands.executeCommand('workbench.actions.view.problems') : undefined);
      return { errors: result.errors.length, warnings: result.warnings.length };
    }
    const request = result.request;
    const registered = await withChangeProgress(
      vscode.l10n.t('Registering task definition {0}…', request.family),
      (signal) => session.registration.registerTaskDefinition(request, { signal }),
    );
    this.deps.log.info(`Registered ${registered.arn} from ${document.uri.toString()}`);
    walkthroughStepDone('taskDefinitionRegistered');
    void this.revealRevision(registered).catch(() => undefined);
    void vscode.window.showInformationMessage(vscode.l10n.t('Registered task definition {0}:{1}.', registered.family, registered.revision));
    return { errors: 0, warnings: result.warnings.length, registered };
  }

  dispose(): void {
    this.panels.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
