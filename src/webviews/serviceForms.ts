/**
 * The service forms of this window: opens them (empty, or prefilled with a cluster or a task
 * definition revision), restores them after a window reload (WebviewPanelSerializer), reveals a
 * created service in the Clusters view and watches its first tasks. The heavy half (the panel
 * host, the form's rules) loads on first use through loadFormsHost.ts.
 */
import * as vscode from 'vscode';
import type { AwsContext } from '../connection/awsContext';
import type { ClustersProvider } from '../tree/clustersProvider';
import type { UserInputHost } from '../ui/userInput';
import { loadFormsHost } from './loadFormsHost';
import { OpenFormPanels } from './openFormPanels';
import { SERVICE_FORM_STRINGS } from './serviceFormStrings';
import { SERVICE_FORM_VIEW_TYPE, type ServiceFormContext } from './serviceFormProtocol';
import type { ServiceFormPanel } from './serviceFormPanel';
import type { ServiceForm } from '../forms/serviceFormModel';
import type { ServiceFormBackend } from './serviceFormBackend';
import type { WatchTiming } from './serviceWatch';

export interface ServiceFormsDeps {
  readonly aws: AwsContext;
  readonly userInput: UserInputHost;
  readonly log: vscode.LogOutputChannel;
  readonly extensionUri: vscode.Uri;
  readonly clusters: ClustersProvider;
}

/** What the form opens with: a cluster (name or ARN) and/or a task definition (ARN, `family:rev`, family). */
export interface ServiceFormOpening {
  readonly cluster?: string;
  readonly taskDefinition?: string;
}

export class ServiceForms implements vscode.Disposable {
  private readonly panels = new OpenFormPanels<ServiceFormPanel>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Extension tests stand in for the AWS layer's preflight and creation (useBackend). */
  private backendOverride: ServiceFormBackend | undefined;
  /** How the watch after Create polls; undefined: every 15 s for 10 minutes (serviceWatch.ts). */
  private watchTiming: WatchTiming | undefined;

  constructor(private readonly deps: ServiceFormsDeps) {
    this.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(SERVICE_FORM_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const host = loadFormsHost();
          const context = await this.context();
          this.adopt(panel, host.restoredServiceForm(state) ?? host.newServiceForm(), context);
        },
      }),
    );
  }

  /** The form opened or focused last (extension tests drive its host). */
  get active(): ServiceFormPanel | undefined {
    return this.panels.latest;
  }

  /** Watches started from now on poll with `timing` (tests: short), until disposed. */
  useWatchTiming(timing: WatchTiming): vscode.Disposable {
    this.watchTiming = timing;
    return new vscode.Disposable(() => {
      if (this.watchTiming === timing) this.watchTiming = undefined;
    });
  }

  /** Forms opened from now on use `backend` instead of the AWS layer's, until disposed. */
  useBackend(backend: ServiceFormBackend): vscode.Disposable {
    this.backendOverride = backend;
    return new vscode.Disposable(() => {
      if (this.backendOverride === backend) this.backendOverride = undefined;
    });
  }

  private get backend(): ServiceFormBackend {
    return this.backendOverride ?? loadFormsHost().createServiceFormBackend();
  }

  async open(opening: ServiceFormOpening = {}): Promise<ServiceFormPanel> {
    const form = loadFormsHost().newServiceForm(opening);
    const context = await this.context();
    const panel = vscode.window.createWebviewPanel(SERVICE_FORM_VIEW_TYPE, vscode.l10n.t('Create Service'), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      enableFindWidget: true,
    });
    return this.adopt(panel, form, context);
  }

  private async context(): Promise<ServiceFormContext> {
    const connection = await this.deps.aws.connections.resolve().catch(() => undefined);
    return {
      heading: vscode.l10n.t('New service'),
      region: connection?.region ?? '',
      // The webview's words in the display language; {0}.. stay for the webview to fill in.
      strings: Object.fromEntries(SERVICE_FORM_STRINGS.map((s) => [s, vscode.l10n.t(s, '{0}', '{1}', '{2}')])),
    };
  }

  private adopt(panel: vscode.WebviewPanel, form: ServiceForm, context: ServiceFormContext): ServiceFormPanel {
    const host = loadFormsHost();
    const formPanel = new host.ServiceFormPanel(panel, {
      aws: this.deps.aws,
      userInput: this.deps.userInput,
      log: this.deps.log,
      extensionUri: this.deps.extensionUri,
      backend: this.backend,
      revealService: async (clusterArn, serviceArn) => {
        await this.deps.clusters.revealService(clusterArn, serviceArn);
      },
      watchService: (clusterArn, serviceName) => {
        this.subscriptions.push(host.watchNewService(this.deps.aws, this.deps.userInput, this.deps.log, clusterArn, serviceName, this.watchTiming));
      },
      onDidDispose: (p) => this.panels.remove(p),
    }, form, context);
    this.panels.add(panel, formPanel);
    return formPanel;
  }

  dispose(): void {
    this.panels.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
