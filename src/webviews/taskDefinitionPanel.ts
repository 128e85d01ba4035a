/**
 * The host of the task definition form: one webview panel per form. Its page comes from
 * webviewHtml.ts (CSP default-src 'none', scripts only with a fresh nonce, resources only through
 * asWebviewUri); its FormChannel (formChannel.ts) waits for the webview's `ready` before posting
 * anything and checks the shape of every message it receives (protocol.ts). It validates the form with src/forms on each change and
 * posts the issues by field path, fetches what validation can use (roles, image platforms, log
 * groups, the execution role's policies) lazily, and answers the webview's requests: preview,
 * open as JSON, register, create the execution role, pick an ECR image.
 */
import * as vscode from 'vscode';
import { effectiveProfileName } from '../model/connection';
import type { AwsSession } from '../awsModule';
import type { AwsContext } from '../connection/awsContext';
import { parseRoleReference } from '../model/arns';
import { parseImageUri } from '../model/imageUri';
import { planRegistration, requestJson } from '../forms/taskDefinitionForm';
import { effectiveLogGroup, type TaskDefinitionForm } from '../forms/taskDefinitionFormModel';
import type { ImagePlatform, TaskDefinitionFacts } from '../forms/validateTaskDefinition';
import type { RegisterTaskDefinitionRequest } from '../model/ecsRequest';
import type { TaskDefinition } from '../model/taskDefinition';
import { withChangeProgress } from '../ui/progress';
import type { UserInputHost } from '../ui/userInput';
import { awsErrorInfo } from '../util/awsErrorInfo';
import {
  CREATE_SERVICE_COMMAND,
  parseWebviewMessage,
  type FormContext,
  type FormRequests,
  type HostMessage,
  type RequestMessage,
  type RoleChoice,
  type WebviewMessage,
} from './protocol';
import { FormChannel, RequestFailure } from './formChannel';
import { showFormPage } from './webviewHtml';
import { NothingToPickError, pickEcrImage, type PickedImage } from './pickEcrImage';
import { fieldOfRegisterError } from './registerErrorField';
import { walkthroughStepDone } from '../ui/walkthrough';

const FACTS_DEBOUNCE_MS = 300;

export interface FormPanelDeps {
  readonly aws: AwsContext;
  readonly userInput: UserInputHost;
  readonly log: vscode.LogOutputChannel;
  readonly extensionUri: vscode.Uri;
  /** Shows a newly registered revision in the Task Definitions view. */
  readonly revealRevision: (td: TaskDefinition) => Promise<void>;
  /** Called once the panel is gone. */
  readonly onDidDispose: (panel: TaskDefinitionFormPanel) => void;
}

/** Facts fetched from AWS, cached for the panel's life (keyed by what they are about). */
interface FactCache {
  accountId?: string;
  roles?: RoleChoice[];
  imagePlatforms: Map<string, readonly ImagePlatform[] | undefined>;
  /** `${region}|${group}` -> exists. */
  logGroups: Map<string, boolean>;
  /** Role name -> facts. */
  executionRoles: Map<string, { exists: boolean; attachedPolicies: string[]; allowedActions: string[] }>;
}

export class TaskDefinitionFormPanel implements vscode.Disposable {
  private form: TaskDefinitionForm;
  private disposed = false;
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly cache: FactCache = { imagePlatforms: new Map(), logGroups: new Map(), executionRoles: new Map() };
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The ready handshake, what each message posted, the shape checks, the responses. */
  private readonly channel: FormChannel<HostMessage, WebviewMessage>;
  /** The last registration, for tests and the success banner. */
  lastRegistered: TaskDefinition | undefined;

  constructor(readonly panel: vscode.WebviewPanel, private readonly deps: FormPanelDeps, form: TaskDefinitionForm, private context: FormContext) {
    this.form = form;
    this.channel = new FormChannel(panel.webview, deps.log, 'task definition form', parseWebviewMessage, (message) => this.handle(message));
    showFormPage(panel, deps.extensionUri, {
      title: context.heading,
      styles: [['media', 'taskDefinitionForm', 'form.css']],
      script: ['dist', 'webview', 'taskDefinitionForm.js'],
    });
    this.subscriptions.push(this.channel.listen(), panel.onDidDispose(() => this.dispose()));
  }

  /** The form as the webview last sent it. */
  get currentForm(): TaskDefinitionForm {
    return this.form;
  }

  /**
   * Handles one message from the webview, exactly as the webview's postMessage delivers it, and
   * returns what the host posted back while handling it (extension tests drive the host this way).
   * A message of the wrong shape is logged and dropped.
   */
  receive(raw: unknown): Promise<HostMessage[]> {
    return this.channel.receive(raw);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.channel.markReady();
        await this.post({ type: 'init', form: this.form, context: this.context });
        this.postValidation();
        await this.loadRoles();
        await this.refreshFacts(false);
        break;
      case 'change':
        this.form = message.form;
        this.postValidation();
        await this.refreshFacts(true);
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
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
    this.deps.onDidDispose(this);
  }

  // ---------------------------------------------------------------- posting

  private post(message: HostMessage): Promise<void> {
    return this.channel.post(message);
  }

  private postValidation(): void {
    const { errors, warnings } = planRegistration(this.form, this.facts());
    void this.post({ type: 'validation', errors, warnings });
  }

  // ---------------------------------------------------------------- facts

  private facts(): TaskDefinitionFacts {
    const region = this.context.region;
    const facts: TaskDefinitionFacts = { region };
    if (this.cache.accountId) facts.accountId = this.cache.accountId;
    const platforms: Record<string, readonly ImagePlatform[]> = {};
    for (const [image, list] of this.cache.imagePlatforms) if (list) platforms[image] = list;
    facts.imagePlatforms = platforms;
    // A region's groups are "known" only when every group the form names there was looked up.
    const byRegion = new Map<string, { all: boolean; existing: string[] }>();
    for (const c of this.form.containers) {
      if (c.logging.driver !== 'awslogs' || c.logging.region.trim() === '') continue;
      const groupRegion = c.logging.region.trim();
      const group = effectiveLogGroup(this.form, c.logging);
      const entry = byRegion.get(groupRegion) ?? { all: true, existing: [] };
      const known = this.cache.logGroups.get(`${groupRegion}|${group}`);
      if (known === undefined) entry.all = false;
      else if (known) entry.existing.push(group);
      byRegion.set(groupRegion, entry);
    }
    const logGroups: Record<string, string[]> = {};
    for (const [r, entry] of byRegion) if (entry.all) logGroups[r] = entry.existing;
    facts.logGroups = logGroups;
    const roleName = executionRoleName(this.form.executionRoleArn);
    const role = roleName ? this.cache.executionRoles.get(roleName) : undefined;
    if (roleName && role) facts.executionRole = { role: roleName, exists: role.exists, attachedPolicies: role.attachedPolicies, allowedActions: role.allowedActions };
    return facts;
  }

  private async loadRoles(): Promise<void> {
    try {
      const session = await this.deps.aws.current();
      const [roles, identity] = await Promise.all([
        session.iam.listEcsTaskRoles(),
        this.cache.accountId ? Promise.resolve(undefined) : session.sts.getCallerIdentity(),
      ]);
      if (identity) this.cache.accountId = identity.account;
      this.cache.roles = roles.map((r) => ({ name: r.name, arn: r.arn }));
      await this.post({ type: 'roles', roles: this.cache.roles });
    } catch (err) {
      // The pickers stay empty; the fields still take a typed ARN.
      this.deps.log.warn(`task definition form: could not list roles: ${awsErrorInfo(err).message}`);
    }
  }

  /**
   * Looks up what the current form names and isn't known yet (after a pause in typing when
   * `debounce`), then validates again with it. Lookups already in flight are awaited, not
   * repeated, so every change's validation includes the facts of the form at that time.
   */
  private async refreshFacts(debounce: boolean): Promise<void> {
    if (debounce) await new Promise<void>((resolve) => setTimeout(resolve, FACTS_DEBOUNCE_MS));
    if (this.disposed) return;
    let session: AwsSession;
    try {
      session = await this.deps.aws.current();
    } catch {
      return;
    }
    const form = this.form;
    const lookups: Array<Promise<void>> = [];
    const once = (key: string, what: string, run: () => Promise<void>, known: boolean) => {
      const inflight = this.inflight.get(key);
      if (inflight) lookups.push(inflight);
      else if (!known) {
        const promise = this.lookup(what, run).finally(() => this.inflight.delete(key));
        this.inflight.set(key, promise);
        lookups.push(promise);
      }
    };
    for (const c of form.containers) {
      const image = c.image.trim();
      const parsed = image === '' ? undefined : parseImageUri(image);
      if (parsed?.ok && parsed.image.registry === 'ecr' && parsed.image.region === session.connection.region
        && (!this.cache.accountId || parsed.image.accountId === this.cache.accountId)) {
        const { repository, tag, digest } = parsed.image;
        once(`image|${image}`, `platforms of ${image}`, async () => {
          const platforms = await session.ecr.imagePlatforms(repository, { ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) });
          this.cache.imagePlatforms.set(image, platforms);
        }, this.cache.imagePlatforms.has(image));
      }
      if (c.logging.driver === 'awslogs' && c.logging.region.trim() === session.connection.region && form.family.trim() !== '') {
        const group = effectiveLogGroup(form, c.logging);
        const key = `${session.connection.region}|${group}`;
        once(`logs|${key}`, `log group ${group}`, async () => {
          this.cache.logGroups.set(key, await session.logGroups.logGroupExists(group));
        }, this.cache.logGroups.has(key));
      }
    }
    const roleName = executionRoleName(form.executionRoleArn);
    if (roleName) {
      once(`role|${roleName}`, `role ${roleName}`, async () => {
        const role = await session.iam.getRole(roleName);
        const [attached, allowedActions] = role
          ? await Promise.all([session.iam.listAttachedPolicies(roleName), session.iam.roleAllowedActions(roleName)])
          : [[], []];
        this.cache.executionRoles.set(roleName, { exists: role !== undefined, attachedPolicies: attached.map((p) => p.arn), allowedActions });
      }, this.cache.executionRoles.has(roleName));
    }
    // Validated again even when nothing was looked up here: another message's lookups may have
    // brought facts since this change's first validation.
    await Promise.all(lookups);
    if (!this.disposed) this.postValidation();
  }

  private async lookup(what: string, run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (err) {
      // Unknown facts only mean fewer warnings.
      this.deps.log.warn(`task definition form: could not read ${what}: ${awsErrorInfo(err).message}`);
    }
  }

  // ---------------------------------------------------------------- requests

  private run(message: RequestMessage): Promise<FormRequests[typeof message.command]['result']> {
    switch (message.command) {
      case 'preview':
        return Promise.resolve({ json: this.requestText(message.args.form) });
      case 'openAsJson':
        return this.openAsJson(message.args.form);
      case 'register':
        return this.register(message.args.form);
      case 'createExecutionRole':
        return this.createExecutionRole();
      case 'pickImage':
        return this.pickImage(message.args.container);
    }
  }

  /** The form's request, or a failure listing the form's errors (already shown by their fields). */
  private validRequest(form: TaskDefinitionForm): RegisterTaskDefinitionRequest {
    this.form = form;
    const plan = planRegistration(form, this.facts());
    if (!plan.request) {
      this.postValidation();
      throw new RequestFailure({ message: vscode.l10n.t('Fix the {0} problem(s) marked in the form first.', plan.errors.length), invalid: true });
    }
    return plan.request;
  }

  private requestText(form: TaskDefinitionForm): string {
    return requestJson(this.validRequest(form));
  }

  private async openAsJson(form: TaskDefinitionForm): Promise<Record<string, never>> {
    const content = this.requestText(form);
    const document = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    return {};
  }

  private async register(form: TaskDefinitionForm): Promise<{ arn: string; family: string; revision: number }> {
    const request = this.validRequest(form);
    const session = await this.deps.aws.current();
    let registered: TaskDefinition;
    try {
      registered = await withChangeProgress(
        vscode.l10n.t('Registering task definition {0}…', request.family),
        (signal) => session.registration.registerTaskDefinition(request, { signal }),
      );
    } catch (err) {
      const info = awsErrorInfo(err);
      this.deps.log.error(`Registering ${request.family} failed: ${info.message}${info.detail ? `\n${info.detail}` : ''}`);
      const path = info.kind === 'cancelled' ? undefined : fieldOfRegisterError(info.message, form);
      throw new RequestFailure({ message: info.message, ...(path ? { path } : {}) });
    }
    this.lastRegistered = registered;
    walkthroughStepDone('taskDefinitionRegistered');
    this.deps.log.info(`Registered ${registered.arn}`);
    void this.announce(registered);
    return { arn: registered.arn, family: registered.family, revision: registered.revision };
  }

  /** The success message (with "Create Service" when that command exists) and the tree. */
  private async announce(td: TaskDefinition): Promise<void> {
    try {
      await this.deps.revealRevision(td);
    } catch (err) {
      this.deps.log.warn(`Could not reveal ${td.arn} in the Task Definitions view: ${awsErrorInfo(err).message}`);
    }
    const createService = vscode.l10n.t('Create Service');
    const actions = this.context.canCreateService ? [createService] : [];
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Registered task definition {0}:{1}.', td.family, td.revision), ...actions);
    if (choice === createService) await vscode.commands.executeCommand(CREATE_SERVICE_COMMAND, td.arn);
  }

  private async createExecutionRole(): Promise<{ arn?: string }> {
    const session = await this.deps.aws.current();
    const existing = new Set((this.cache.roles ?? []).map((r) => r.name));
    const name = await this.deps.userInput.input.text({
      title: vscode.l10n.t('Create Execution Role'),
      prompt: vscode.l10n.t('Name of the new role (trusted by ECS tasks, with AmazonECSTaskExecutionRolePolicy)'),
      value: existing.has('ecsTaskExecutionRole') ? '' : 'ecsTaskExecutionRole',
      validateInput: (value) => {
        const parsed = parseRoleReference(value, 'The role');
        if (!parsed.ok || parsed.kind !== 'name') return vscode.l10n.t('Use 1-64 letters, digits and + = , . @ _ -.');
        return existing.has(value) ? vscode.l10n.t('A role named {0} already exists: choose it in the list.', value) : undefined;
      },
    });
    if (name === undefined) return {};
    const parsed = parseRoleReference(name, 'The role');
    if (!parsed.ok || parsed.kind !== 'name') throw new RequestFailure({ message: vscode.l10n.t('{0} is not a role name.', name), path: 'executionRoleArn' });
    const create = vscode.l10n.t('Create Role');
    const answer = await this.deps.userInput.input.confirm(
      vscode.l10n.t('Create the IAM role {0}?', name),
      {
        modal: true,
        detail: [
          this.cache.accountId
            ? vscode.l10n.t('In account {0} (IAM roles are global: every region sees it), with profile "{1}".', this.cache.accountId, effectiveProfileName(session.connection))
            : vscode.l10n.t('IAM roles are global: every region of the account sees it. Profile "{0}".', effectiveProfileName(session.connection)),
          vscode.l10n.t('ECS tasks (ecs-tasks.amazonaws.com) may assume it, and it gets the AWS-managed AmazonECSTaskExecutionRolePolicy: pull images from ECR and write logs to CloudWatch.'),
          vscode.l10n.t('To undo, delete the role in the IAM console (detach the policy first).'),
        ].join('\n\n'),
      },
      create,
    );
    if (answer !== create) return {};
    let arn: string;
    try {
      const role = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating role {0}…', name) },
        () => session.iam.createTaskExecutionRole(name),
      );
      arn = role.arn;
    } catch (err) {
      throw new RequestFailure({ message: awsErrorInfo(err).message, path: 'executionRoleArn' });
    }
    this.deps.log.info(`Created role ${arn}`);
    this.cache.executionRoles.delete(name);
    await this.loadRoles();
    return { arn };
  }

  private async pickImage(container: number): Promise<{ image?: string }> {
    const session = await this.deps.aws.current();
    let picked: PickedImage | undefined;
    try {
      picked = await pickEcrImage(session, this.deps.userInput.input);
    } catch (err) {
      if (err instanceof NothingToPickError) throw new RequestFailure({ message: err.message, path: `containers[${container}].image` });
      throw err;
    }
    if (!picked) return {};
    if (picked.platforms) this.cache.imagePlatforms.set(picked.uri, picked.platforms);
    return { image: picked.uri };
  }
}

function executionRoleName(text: string): string | undefined {
  const parsed = parseRoleReference(text.trim(), 'The execution role');
  return text.trim() !== '' && parsed.ok ? parsed.name : undefined;
}
