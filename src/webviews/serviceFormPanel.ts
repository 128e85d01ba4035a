/**
 * The host of the "Create service" form, in the task definition form's way
 * (taskDefinitionPanel.ts) and with its page (webviewHtml.ts: CSP default-src 'none', scripts
 * only with a fresh nonce, resources only through asWebviewUri) and message plumbing
 * (formChannel.ts: the `ready` handshake, every message checked by serviceFormProtocol.ts).
 * On each change it validates at once with what it already knows (no AWS call), then reads what the form names and isn't known yet (serviceFormFacts.ts), posts
 * the dropdowns' choices and validates again, then runs the preflight on the choices: the
 * previous one is cancelled, and it never holds the form up. Create validates, shows the whole
 * plan (with the fixes chosen in the preflight panel) in one modal confirmation, runs it in a
 * cancellable notification, and on failure says what exists and what doesn't, the error next
 * to its field; the form stays as the person left it.
 */
import * as vscode from 'vscode';
import { effectiveProfileName } from '../model/connection';
import type { AwsSession } from '../awsModule';
import type { AwsContext } from '../connection/awsContext';
import { planServiceCreation, type ServiceCreationPlan } from '../forms/serviceCreationPlan';
import type { ServiceForm } from '../forms/serviceFormModel';
import { withChangeProgress } from '../ui/progress';
import type { UserInputHost } from '../ui/userInput';
import { walkthroughStepDone } from '../ui/walkthrough';
import { awsErrorInfo } from '../util/awsErrorInfo';
import type { PreflightItem, ServiceFormBackend } from './serviceFormBackend';
import { ServiceFormFactReader } from './serviceFormFacts';
import { accountOfPlan, confirmationLines, summarizeOutcome } from './serviceFormOutcome';
import {
  parseServiceWebviewMessage,
  type CreatedService,
  type PreflightView,
  type ServiceFormContext,
  type ServiceFormRequests,
  type ServiceHostMessage,
  type ServiceRequestMessage,
  type ServiceWebviewMessage,
} from './serviceFormProtocol';
import { FormChannel, RequestFailure } from './formChannel';
import { showFormPage } from './webviewHtml';

const FACTS_DEBOUNCE_MS = 300;

export interface ServiceFormPanelDeps {
  readonly aws: AwsContext;
  readonly userInput: UserInputHost;
  readonly log: vscode.LogOutputChannel;
  readonly extensionUri: vscode.Uri;
  readonly backend: ServiceFormBackend;
  /** Shows a created service in the Clusters view. */
  readonly revealService: (clusterArn: string, serviceArn: string) => Promise<void>;
  /** Watches a created service's first tasks (offers the doctor if they stop). */
  readonly watchService: (clusterArn: string, serviceName: string) => void;
  /** Called once the panel is gone. */
  readonly onDidDispose: (panel: ServiceFormPanel) => void;
}

export class ServiceFormPanel implements vscode.Disposable {
  private form: ServiceForm;
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The ready handshake, what each message posted, the shape checks, the responses. */
  private readonly channel: FormChannel<ServiceHostMessage, ServiceWebviewMessage>;
  private readonly reader: ServiceFormFactReader;
  /** Each change bumps it: a slower, older change's reads don't post over a newer one's. */
  private changeCount = 0;
  private preflightRun: AbortController | undefined;
  /** The last preflight's items: Create finds the chosen fixes among them. */
  private preflightItems: readonly PreflightItem[] = [];
  /** The last successful creation (tests, and the success banner). */
  lastCreated: CreatedService | undefined;

  constructor(readonly panel: vscode.WebviewPanel, private readonly deps: ServiceFormPanelDeps, form: ServiceForm, private readonly context: ServiceFormContext) {
    this.form = form;
    this.reader = new ServiceFormFactReader(() => deps.aws.current(), (m) => deps.log.warn(m));
    this.channel = new FormChannel(panel.webview, deps.log, 'service form', parseServiceWebviewMessage, (message) => this.handle(message));
    showFormPage(panel, deps.extensionUri, {
      title: context.heading,
      // The task definition form's styles, then the service form's own.
      styles: [['media', 'taskDefinitionForm', 'form.css'], ['media', 'serviceForm', 'form.css']],
      script: ['dist', 'webview', 'serviceForm.js'],
    });
    this.subscriptions.push(this.channel.listen(), panel.onDidDispose(() => this.dispose()));
  }

  /** The form as the webview last sent it. */
  get currentForm(): ServiceForm {
    return this.form;
  }

  /**
   * Handles one message exactly as the webview's postMessage delivers it and returns what the
   * host posted while handling it (extension tests drive the host this way).
   */
  receive(raw: unknown): Promise<ServiceHostMessage[]> {
    return this.channel.receive(raw);
  }

  private async handle(message: ServiceWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.channel.markReady();
        await this.post({ type: 'init', form: this.form, context: this.context });
        this.postValidation();
        await this.refresh(false);
        break;
      case 'change':
        this.form = message.form;
        // The running preflight is about choices that no longer stand.
        this.preflightRun?.abort();
        this.postValidation();
        await this.refresh(true);
        break;
      case 'request':
        await this.channel.answer(message, () => this.run(message));
        break;
    }
  }

  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.channel.close();
    this.preflightRun?.abort();
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
    this.deps.onDidDispose(this);
  }

  // ---------------------------------------------------------------- posting

  private post(message: ServiceHostMessage): Promise<void> {
    return this.channel.post(message);
  }

  private postValidation(): void {
    const { errors, warnings } = planServiceCreation(this.form, this.reader.facts(this.form));
    void this.post({ type: 'validation', errors, warnings });
  }

  // ---------------------------------------------------------------- facts and preflight

  /**
   * Reads what the form names, posts choices and validation, runs the preflight. For a change
   * (`debounce`), after a pause in typing, and only while no newer change came.
   */
  private async refresh(debounce: boolean): Promise<void> {
    const change = debounce ? ++this.changeCount : this.changeCount;
    if (debounce) await new Promise<void>((resolve) => setTimeout(resolve, FACTS_DEBOUNCE_MS));
    if (this.disposed || change !== this.changeCount) return;
    const form = this.form;
    await this.post({ type: 'choices', choices: this.reader.choices(form) });
    await this.reader.read(form);
    if (this.disposed || change !== this.changeCount) return;
    await this.post({ type: 'choices', choices: this.reader.choices(form) });
    this.postValidation();
    await this.runPreflight(form);
  }

  /** The doctor's analysis of these choices; the previous run is cancelled. Never throws. */
  private async runPreflight(form: ServiceForm): Promise<void> {
    this.preflightRun?.abort();
    const run = new AbortController();
    this.preflightRun = run;
    const facts = this.reader.facts(form);
    const planned = planServiceCreation(form, facts);
    if (!planned.plan) {
      this.preflightItems = [];
      await this.post({ type: 'preflight', preflight: { state: 'waiting', message: vscode.l10n.t('The preflight runs once the form has no errors.') } });
      return;
    }
    await this.post({ type: 'preflight', preflight: { state: 'running' } });
    let view: PreflightView;
    try {
      const session: AwsSession = await this.deps.aws.current();
      const outcome = await this.deps.backend.preflight(session, { form, facts, plan: planned.plan }, { signal: run.signal });
      if (run.signal.aborted) return;
      this.preflightItems = outcome.items;
      view = {
        state: 'done',
        items: outcome.items.map((i) => ({
          id: i.id, code: i.code, severity: i.severity, title: i.title, detail: i.detail,
          ...(i.field ? { field: i.field } : {}),
          ...(i.fix ? { fix: [...i.fix.lines] } : {}),
        })),
      };
    } catch (err) {
      if (run.signal.aborted) return;
      const info = awsErrorInfo(err);
      if (info.kind === 'cancelled') return;
      this.deps.log.warn(`service form: preflight failed: ${info.message}`);
      view = { state: 'failed', message: info.message };
    }
    if (this.preflightRun === run) await this.post({ type: 'preflight', preflight: view });
  }

  // ---------------------------------------------------------------- requests

  private run(message: ServiceRequestMessage): Promise<ServiceFormRequests[typeof message.command]['result']> {
    switch (message.command) {
      case 'create':
        return this.create(message.args.form, message.args.fixes);
      case 'plan':
        return this.planLines(message.args.form, message.args.fixes);
      case 'reload':
        this.reader.reset();
        return this.refresh(false).then(() => ({}));
    }
  }

  /** The form's plan, or a failure naming how many problems the form has (shown by their fields). */
  private async validPlan(form: ServiceForm, refused: string): Promise<ServiceCreationPlan> {
    this.form = form;
    await this.reader.read(form);
    const planned = planServiceCreation(form, this.reader.facts(form));
    if (!planned.plan) {
      this.postValidation();
      throw new RequestFailure({ message: vscode.l10n.t('Fix the {0} problem(s) marked in the form first: {1}', planned.errors.length, refused), invalid: true });
    }
    return planned.plan;
  }

  private chosenFixes(fixIds: readonly string[]): PreflightItem[] {
    return fixIds.map((id) => this.preflightItems.find((i) => i.id === id && i.fix)).filter((i): i is PreflightItem => i !== undefined);
  }

  /** What Create will run, in order: the backend's own steps when it can tell them. */
  private planLinesOf(plan: ServiceCreationPlan, fixes: readonly PreflightItem[]): string[] {
    return this.deps.backend.describe?.(plan, fixes) ?? confirmationLines(plan, fixes);
  }

  private async planLines(form: ServiceForm, fixIds: readonly string[]): Promise<{ lines: string[] }> {
    const plan = await this.validPlan(form, vscode.l10n.t('there is no plan yet.'));
    return { lines: this.planLinesOf(plan, this.chosenFixes(fixIds)) };
  }

  /** The account the plan runs in: the task definition's ARN names it, else the caller's identity. */
  private async accountOf(session: AwsSession, plan: ServiceCreationPlan): Promise<string | undefined> {
    const named = accountOfPlan(plan);
    if (named) return named;
    try {
      return (await session.sts.getCallerIdentity()).account;
    } catch (err) {
      this.deps.log.warn(`service form: the account could not be read: ${awsErrorInfo(err).message}`);
      return undefined;
    }
  }

  private async create(form: ServiceForm, fixIds: readonly string[]): Promise<CreatedService> {
    const plan = await this.validPlan(form, vscode.l10n.t('nothing was created.'));
    const fixes = this.chosenFixes(fixIds);
    const serviceName = form.serviceName.trim();
    const cluster = form.cluster.trim();
    const createAction = vscode.l10n.t('Create');
    const session = await this.deps.aws.current();
    // Where the plan runs comes first: the same plan in another region or account is another change.
    const account = await this.accountOf(session, plan);
    const profile = effectiveProfileName(session.connection);
    const where = account
      ? vscode.l10n.t('In account {0}, region {1}, with profile "{2}":', account, session.connection.region, profile)
      : vscode.l10n.t('In region {0}, with profile "{1}" (the account could not be read):', session.connection.region, profile);
    const answer = await this.deps.userInput.input.confirm(
      vscode.l10n.t('Create service {0} in cluster {1}?', serviceName, cluster),
      { modal: true, detail: [where, ...this.planLinesOf(plan, fixes)].join('\n') },
      createAction,
    );
    if (answer !== createAction) throw new RequestFailure({ message: vscode.l10n.t('Not created: the plan was not confirmed.') });

    let outcome;
    try {
      outcome = await withChangeProgress(vscode.l10n.t('Creating service {0}…', serviceName), (signal, progress) =>
        this.deps.backend.create(session, plan, {
          signal,
          fixes,
          onProgress: (text) => {
            progress.report({ message: text });
            void this.post({ type: 'progress', message: text });
          },
        }));
    } catch (err) {
      const info = awsErrorInfo(err);
      this.deps.log.error(`service form create: ${info.message}${info.detail ? `\n${info.detail}` : ''}`);
      throw new RequestFailure({ message: info.message });
    }
    const summary = summarizeOutcome(outcome.steps);
    this.deps.log.info(`Create service ${serviceName}: ${summary.message}`);
    if (!summary.ok) throw new RequestFailure({ message: summary.message, ...(summary.field ? { path: summary.field } : {}) });
    const created: CreatedService = {
      serviceName,
      ...(outcome.serviceArn ? { serviceArn: outcome.serviceArn } : {}),
      ...(outcome.clusterArn ? { clusterArn: outcome.clusterArn } : {}),
    };
    this.lastCreated = created;
    walkthroughStepDone('serviceCreated');
    if (outcome.clusterArn && outcome.serviceArn) {
      const clusterArn = outcome.clusterArn;
      void this.deps.revealService(clusterArn, outcome.serviceArn)
        .catch((err: unknown) => this.deps.log.warn(`Could not reveal ${serviceName} in the Clusters view: ${awsErrorInfo(err).message}`))
        .finally(() => this.deps.watchService(clusterArn, serviceName));
    }
    return created;
  }
}
