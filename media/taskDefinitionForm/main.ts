/**
 * The task definition form in its webview: plain DOM, no framework. Bundled by esbuild into
 * dist/webview/taskDefinitionForm.js (a browser IIFE). It holds the form as the person types,
 * saves it with setState (so hiding the panel or reloading the window loses nothing), sends
 * each change to the host, and shows the host's errors and warnings next to their fields.
 * Messages both ways are typed by src/webviews/protocol.ts. The DOM helpers, the issues'
 * display and the request client are shared with the service form (media/shared).
 */
import { FARGATE_OPERATING_SYSTEMS, cpuSelectOptions, memoryLabel, memorySelectOptions, parseCpuUnits, parseMemoryMiB, cpuLabel } from '../../src/model/fargateSizes';
import { OPERATING_SYSTEM_FAMILIES, APPLICATION_PROTOCOLS } from '../../src/model/ecsRequest';
import { operatingSystemLabel } from '../../src/forms/taskPlatformRules';
import type { Issue } from '../../src/forms/validationIssues';
import { defaultContainerForm } from '../../src/forms/taskDefinitionFormModel';
import type { ContainerForm, TaskDefinitionForm } from '../../src/forms/taskDefinitionFormModel';
import type {
  FormContext,
  FormRequests,
  FormWebviewState,
  HostMessage,
  RoleChoice,
  WebviewMessage,
} from '../../src/webviews/protocol';
import type { RequestError } from '../../src/webviews/formProtocol';
import { debounced, requestClient, type VsCodeApi } from '../shared/client';
import { button, disableButtons, field, getPath, h, icon, idOf, section, setPath, showStatus, statusLine, translate, type Status } from '../shared/dom';
import { showIssues as showIssuesIn } from '../shared/issues';

declare function acquireVsCodeApi(): VsCodeApi<WebviewMessage, FormWebviewState>;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;

let form: TaskDefinitionForm | undefined;
let context: FormContext | undefined;
let roles: RoleChoice[] = [];
let errors: Issue[] = [];
let warnings: Issue[] = [];
/** The last AWS error of a request, shown next to the field it is about. */
let requestError: RequestError | undefined;
let previewJson: string | undefined;
let status: Status | undefined;
let busy = false;

// ---------------------------------------------------------------- messages

const client = requestClient<FormRequests>((message) => vscode.postMessage(message));
const request = client.request;

const sendForm = debounced(() => {
  if (form) vscode.postMessage({ type: 'change', form });
});

/** Saves the form and tells the host (after a short pause in typing). */
function changed(now = false): void {
  if (!form) return;
  vscode.setState({ form, ...(context ? { context } : {}) });
  sendForm(now);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      form = message.form;
      context = message.context;
      render();
      break;
    case 'validation':
      errors = message.errors;
      warnings = message.warnings;
      showIssues();
      break;
    case 'roles':
      roles = message.roles;
      renderRoleList();
      break;
    case 'response':
      client.settle(message);
      break;
  }
});

// ---------------------------------------------------------------- words

/** A visible string in the display language: the host sends the translations (FORM_STRINGS). */
function t(message: string, ...args: Array<string | number>): string {
  return translate(context?.strings, message, args);
}

// ---------------------------------------------------------------- paths

function getAt(path: string): unknown {
  return getPath(form, path);
}

function setAt(path: string, value: unknown): void {
  setPath(form, path, value);
}

// ---------------------------------------------------------------- building elements

function textInput(path: string, options: { placeholder?: string; list?: string; inputmode?: string; spellcheck?: boolean } = {}): HTMLInputElement {
  const input = h('input', {
    type: 'text',
    placeholder: options.placeholder,
    list: options.list,
    inputmode: options.inputmode,
    spellcheck: options.spellcheck === true ? 'true' : 'false',
    autocomplete: 'off',
  });
  input.value = String(getAt(path) ?? '');
  input.addEventListener('input', () => {
    setAt(path, input.value);
    onTyped(path);
    changed();
  });
  return input;
}

function select(path: string, options: Array<{ value: string; label: string }>, rerender = true, read?: (value: string) => unknown): HTMLSelectElement {
  const el = h('select', {});
  const current = String(getAt(path) ?? '');
  for (const o of options) {
    const option = h('option', { value: o.value }, o.label);
    if (o.value === current) option.selected = true;
    el.append(option);
  }
  el.addEventListener('change', () => {
    setAt(path, read ? read(el.value) : el.value);
    if (rerender) render();
    changed(true);
  });
  return el;
}

function checkbox(path: string, rerender = false): HTMLInputElement {
  const input = h('input', { type: 'checkbox' });
  input.checked = getAt(path) === true;
  input.addEventListener('change', () => {
    setAt(path, input.checked);
    if (rerender) render();
    changed(true);
  });
  return input;
}

/** One argument per line (command, entry point, health check command). */
function linesInput(path: string, placeholder: string): HTMLTextAreaElement {
  const area = h('textarea', { rows: '2', placeholder, spellcheck: 'false' });
  area.value = (getAt(path) as string[]).join('\n');
  area.addEventListener('input', () => {
    setAt(path, area.value === '' ? [] : area.value.split('\n'));
    changed();
  });
  return area;
}

/** What typing in one field changes elsewhere without a re-render. */
function onTyped(path: string): void {
  if (path === 'family') {
    for (const el of app.querySelectorAll<HTMLInputElement>('input[data-log-group]')) {
      el.placeholder = defaultGroup();
    }
  }
  if (requestError?.path === path) {
    requestError = undefined;
    showIssues();
  }
}

function defaultGroup(): string {
  return form && form.family.trim() !== '' ? `/ecs/${form.family.trim()}` : '/ecs/FAMILY';
}

// ---------------------------------------------------------------- rendering

function isFargate(): boolean {
  return form?.requiresCompatibilities.includes('FARGATE') ?? false;
}

function render(): void {
  if (!form || !context) return;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  app.replaceChildren(
    h('header', {},
      h('h1', {}, context.heading),
      h('p', { class: 'subtle' }, t('Registered in {0}. Errors block registering; warnings don\'t.', context.region || t('the selected region'))),
      context.droppedFields.length > 0
        ? h('div', { class: 'notice', role: 'note' }, icon('warning'), ` ${t('The form can\'t carry these settings of the source revision; the new revision won\'t have them: {0}.', context.droppedFields.join(', '))}`)
        : undefined,
    ),
    h('div', { id: 'summary', class: 'summary', 'aria-live': 'polite' }),
    taskSection(),
    ...form.containers.map((c, i) => containerSection(c, i)),
    h('div', { class: 'row-actions' }, button(t('Add container'), () => {
      form?.containers.push(defaultContainerForm({ region: context?.region }));
      render();
      changed(true);
    }, { icon: 'add' })),
    tagsSection(),
    actionsSection(),
  );
  app.removeAttribute('aria-busy');
  renderRoleList();
  showIssues();
  if (focused) document.getElementById(focused)?.focus();
}

function taskSection(): HTMLElement {
  const f = form as TaskDefinitionForm;
  const fargate = isFargate();
  const oses = fargate ? FARGATE_OPERATING_SYSTEMS : OPERATING_SYSTEM_FAMILIES;
  const osOptions = oses.map((os) => ({ value: os, label: operatingSystemLabel(os) }));
  if (!oses.includes(f.operatingSystemFamily)) osOptions.push({ value: f.operatingSystemFamily, label: t('{0} (not on Fargate)', operatingSystemLabel(f.operatingSystemFamily)) });
  const launch = select('requiresCompatibilities', [
    { value: 'FARGATE', label: t('AWS Fargate') },
    { value: 'EC2', label: t('Amazon EC2 instances') },
  ], true, (value) => {
    // Fargate runs awsvpc only.
    if (value === 'FARGATE' && form) form.networkMode = 'awsvpc';
    return [value];
  });
  launch.value = fargate ? 'FARGATE' : 'EC2';
  const network = select('networkMode', [
    { value: 'awsvpc', label: 'awsvpc' },
    { value: 'bridge', label: 'bridge' },
    { value: 'host', label: 'host' },
    { value: 'none', label: 'none' },
    { value: '', label: t('default (bridge on Linux)') },
  ], false);
  if (fargate) network.disabled = f.networkMode === 'awsvpc';

  const sizes: HTMLElement[] = [];
  if (fargate) {
    const cpuOptions = cpuSelectOptions(f.operatingSystemFamily);
    const cpuUnits = parseCpuUnits(f.cpu);
    if (cpuUnits === undefined || !cpuOptions.some((o) => Number(o.value) === cpuUnits)) {
      cpuOptions.unshift({ value: f.cpu, label: f.cpu === '' ? t('Choose…') : t('{0} (not a Fargate size)', cpuUnits ? cpuLabel(cpuUnits) : f.cpu) });
    }
    const memOptions = memorySelectOptions(f.cpu, f.operatingSystemFamily);
    const mib = parseMemoryMiB(f.memory);
    if (mib === undefined || !memOptions.some((o) => Number(o.value) === mib)) {
      // Keep the current choice visible, marked: the error next to it says what to choose.
      memOptions.unshift({ value: f.memory, label: f.memory === '' ? t('Choose…') : t('{0} (not available with this CPU)', mib ? memoryLabel(mib) : f.memory) });
    }
    sizes.push(
      field('cpu', t('Task CPU'), select('cpu', cpuOptions), t('Fargate sizes; memory choices follow the CPU.')),
      field('memory', t('Task memory'), select('memory', memOptions)),
    );
  } else {
    sizes.push(
      field('cpu', t('Task CPU (units, optional)'), textInput('cpu', { placeholder: '1024', inputmode: 'numeric' })),
      field('memory', t('Task memory (MiB, optional)'), textInput('memory', { placeholder: '3072', inputmode: 'numeric' })),
    );
  }
  const createRole = button(t('Create role…'), () => void createExecutionRole(), { icon: 'add', id: 'create-execution-role' });
  return section(t('Task'),
    h('div', { class: 'grid' },
      field('family', t('Family'), textInput('family', { placeholder: 'demo-ecs-task' }), t('Letters, digits, hyphens and underscores; each registration adds a revision.')),
      field('requiresCompatibilities', t('Launch type'), launch),
      field('networkMode', t('Network mode'), network),
      field('operatingSystemFamily', t('Operating system'), select('operatingSystemFamily', osOptions)),
      field('cpuArchitecture', t('CPU architecture'), select('cpuArchitecture', [
        { value: 'X86_64', label: t('X86_64 (amd64)') },
        { value: 'ARM64', label: t('ARM64 (Graviton, Apple silicon builds)') },
      ], false), t('Must match the images: an image built on an M1 Mac is ARM64.')),
      ...sizes,
      field('taskRoleArn', t('Task role (optional)'), textInput('taskRoleArn', { list: 'ecs-task-roles', placeholder: t('role the containers call AWS with') })),
      field('executionRoleArn', t('Task execution role'), textInput('executionRoleArn', { list: 'ecs-task-roles', placeholder: 'arn:aws:iam::ACCOUNT:role/ecsTaskExecutionRole' }),
        t('Pulls images from ECR and writes logs for ECS.'), { extra: createRole }),
    ),
    h('datalist', { id: 'ecs-task-roles' }),
  );
}

function renderRoleList(): void {
  const list = document.getElementById('ecs-task-roles');
  if (!list) return;
  list.replaceChildren(...roles.map((r) => h('option', { value: r.arn }, r.name)));
}

function rows<T>(path: string, items: T[], title: string, noun: string, make: () => T, columns: Array<{ key: keyof T & string; label: string; control: (path: string) => HTMLElement }>, showTitle = true): HTMLElement {
  const table = h('div', { class: 'rows', role: 'group', 'aria-label': title });
  items.forEach((_, i) => {
    const row = h('div', { class: 'row' });
    for (const col of columns) {
      const p = `${path}[${i}].${col.key}`;
      row.append(field(p, `${col.label}`, col.control(p)));
    }
    row.append(button('', () => {
      items.splice(i, 1);
      render();
      changed(true);
    }, { icon: 'trash', kind: 'icon', aria: t('Remove {0} {1}', noun, i + 1) }));
    table.append(row);
  });
  return h('div', { class: 'field wide', 'data-field': path },
    showTitle ? h('div', { class: 'rows-title' }, title) : undefined,
    table,
    h('div', { class: 'message', id: `${idOf(path)}-message`, role: 'status' }),
    button(t('Add {0}', noun), () => {
      items.push(make());
      render();
      document.getElementById(idOf(`${path}[${items.length - 1}].${columns[0].key}`))?.focus();
      changed(true);
    }, { icon: 'add' }),
  );
}

function containerSection(c: ContainerForm, i: number): HTMLElement {
  const base = `containers[${i}]`;
  const f = form as TaskDefinitionForm;
  const browse = button(t('Browse ECR…'), () => void pickImage(i), { icon: 'search' });
  const log = c.logging;
  const logFields = log.driver === 'awslogs'
    ? [
      field(`${base}.logging.group`, t('Log group'), (() => {
        const input = textInput(`${base}.logging.group`, { placeholder: defaultGroup() });
        input.dataset.logGroup = 'true';
        return input;
      })(), t('Empty means /ecs/FAMILY.')),
      field(`${base}.logging.region`, t('Log region'), textInput(`${base}.logging.region`, { placeholder: context?.region })),
      field(`${base}.logging.streamPrefix`, t('Stream prefix'), textInput(`${base}.logging.streamPrefix`, { placeholder: 'ecs' })),
      field(`${base}.logging.createGroup`, t('Create the log group if it does not exist'), checkbox(`${base}.logging.createGroup`)),
    ]
    : [];
  const hc = c.healthCheck;
  const hcFields = hc.enabled
    ? [
      field(`${base}.healthCheck.command`, t('Health check command'), linesInput(`${base}.healthCheck.command`, 'CMD-SHELL\ncurl -f http://localhost:8080/ || exit 1'), t('First line CMD or CMD-SHELL, then the command.')),
      field(`${base}.healthCheck.interval`, t('Interval (s)'), textInput(`${base}.healthCheck.interval`, { inputmode: 'numeric' })),
      field(`${base}.healthCheck.timeout`, t('Timeout (s)'), textInput(`${base}.healthCheck.timeout`, { inputmode: 'numeric' })),
      field(`${base}.healthCheck.retries`, t('Retries'), textInput(`${base}.healthCheck.retries`, { inputmode: 'numeric' })),
      field(`${base}.healthCheck.startPeriod`, t('Start period (s)'), textInput(`${base}.healthCheck.startPeriod`, { inputmode: 'numeric' })),
    ]
    : [];
  const remove = f.containers.length > 1
    ? button(t('Remove container'), () => {
      f.containers.splice(i, 1);
      render();
      changed(true);
    }, { icon: 'trash' })
    : undefined;
  return section(c.name.trim() ? t('Container {0}: {1}', i + 1, c.name.trim()) : t('Container {0}', i + 1),
    h('div', { class: 'grid' },
      field(`${base}.name`, t('Container name'), textInput(`${base}.name`, { placeholder: 'web' })),
      field(`${base}.image`, t('Image'), textInput(`${base}.image`, { placeholder: 'ACCOUNT.dkr.ecr.REGION.amazonaws.com/repo:tag' }), undefined, { extra: browse }),
      field(`${base}.essential`, t('Essential (the task stops when this container stops)'), checkbox(`${base}.essential`)),
      field(`${base}.memoryReservation`, t('Memory reservation (MiB, optional)'), textInput(`${base}.memoryReservation`, { inputmode: 'numeric', placeholder: '512' })),
    ),
    rows(`${base}.portMappings`, c.portMappings, t('Port mappings'), t('port mapping'), () => ({ containerPort: '', protocol: 'tcp' as const, name: '', appProtocol: '' as const }), [
      { key: 'containerPort', label: t('Container port'), control: (p) => textInput(p, { inputmode: 'numeric', placeholder: '8080' }) },
      { key: 'protocol', label: t('Protocol'), control: (p) => select(p, [{ value: 'tcp', label: 'tcp' }, { value: 'udp', label: 'udp' }], false) },
      { key: 'name', label: t('Port name'), control: (p) => textInput(p, { placeholder: 'web-8080' }) },
      { key: 'appProtocol', label: t('App protocol'), control: (p) => select(p, [{ value: '', label: t('none') }, ...APPLICATION_PROTOCOLS.map((a) => ({ value: a, label: a }))], false) },
    ]),
    rows(`${base}.environment`, c.environment, t('Environment variables'), t('environment variable'), () => ({ name: '', value: '' }), [
      { key: 'name', label: t('Name'), control: (p) => textInput(p, { placeholder: 'PORT' }) },
      { key: 'value', label: t('Value'), control: (p) => textInput(p, { placeholder: '8080' }) },
    ]),
    rows(`${base}.secrets`, c.secrets, t('Secrets'), t('secret'), () => ({ name: '', valueFrom: '' }), [
      { key: 'name', label: t('Variable name'), control: (p) => textInput(p, { placeholder: 'DB_PASSWORD' }) },
      { key: 'valueFrom', label: t('Secrets Manager or SSM ARN'), control: (p) => textInput(p, { placeholder: 'arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME' }) },
    ]),
    h('div', { class: 'grid' },
      field(`${base}.entryPoint`, t('Entry point (one argument per line)'), linesInput(`${base}.entryPoint`, 'sh\n-c')),
      field(`${base}.command`, t('Command (one argument per line)'), linesInput(`${base}.command`, 'npm\nstart')),
    ),
    h('div', { class: 'grid' },
      field(`${base}.healthCheck.enabled`, t('Health check'), checkbox(`${base}.healthCheck.enabled`, true)),
      ...hcFields,
    ),
    h('div', { class: 'grid' },
      field(`${base}.logging.driver`, t('Logging'), select(`${base}.logging.driver`, [
        { value: 'awslogs', label: t('CloudWatch Logs (awslogs)') },
        { value: 'none', label: t('None') },
      ])),
      ...logFields,
    ),
    remove ? h('div', { class: 'row-actions' }, remove) : undefined,
  );
}

function tagsSection(): HTMLElement {
  const f = form as TaskDefinitionForm;
  return section(t('Tags'),
    rows('tags', f.tags, t('Tags'), t('tag'), () => ({ key: '', value: '' }), [
      { key: 'key', label: t('Key'), control: (p) => textInput(p, { placeholder: 'team' }) },
      { key: 'value', label: t('Value'), control: (p) => textInput(p, { placeholder: 'web' }) },
    ], false),
  );
}

function actionsSection(): HTMLElement {
  return h('footer', { class: 'actions' },
    h('div', { class: 'buttons' },
      button(t('Register'), () => void register(), { icon: 'cloud-upload', kind: 'primary', id: 'register' }),
      button(t('Preview'), () => void preview(), { icon: 'eye', id: 'preview' }),
      button(t('Open as JSON'), () => void openAsJson(), { icon: 'json', id: 'open-json' }),
    ),
    statusLine(status),
    previewJson !== undefined
      ? h('section', { 'aria-labelledby': 'preview-title', class: 'preview' },
        h('h2', { id: 'preview-title' }, t('RegisterTaskDefinition request')),
        h('pre', { tabindex: '0' }, previewJson))
      : undefined,
  );
}

// ---------------------------------------------------------------- issues

function showIssues(): void {
  showIssuesIn(app, errors, warnings, requestError, {
    oneError: t('1 error'),
    errors: (n) => t('{0} errors', n),
    oneWarning: t('1 warning'),
    warnings: (n) => t('{0} warnings', n),
    ready: t('Ready to register'),
  });
}

function setStatus(text: string, kind: Status['kind']): void {
  status = { text, kind };
  showStatus(status);
}

function focusFirstError(): void {
  const invalid = app.querySelector<HTMLElement>('[aria-invalid="true"]');
  invalid?.focus();
}

function setBusy(value: boolean): void {
  busy = value;
  disableButtons(['register', 'preview', 'open-json'], value);
}

// ---------------------------------------------------------------- actions

async function withForm<T>(run: (f: TaskDefinitionForm) => Promise<T>): Promise<T | undefined> {
  if (!form || busy) return undefined;
  if (sendForm.waiting()) changed(true);
  setBusy(true);
  try {
    return await run(form);
  } catch (err) {
    const error = err as RequestError;
    if (error.invalid) {
      setStatus(error.message, 'error');
      focusFirstError();
    } else {
      requestError = error;
      setStatus(error.message, 'error');
      showIssues();
      if (error.path) document.getElementById(idOf(error.path))?.focus();
    }
    return undefined;
  } finally {
    setBusy(false);
  }
}

async function register(): Promise<void> {
  requestError = undefined;
  setStatus(t('Registering…'), 'info');
  const result = await withForm((f) => request('register', { form: f }));
  if (result) setStatus(t('Registered {0}:{1} ({2}).', result.family, result.revision, result.arn), 'success');
}

async function preview(): Promise<void> {
  const result = await withForm((f) => request('preview', { form: f }));
  if (result) {
    previewJson = result.json;
    status = undefined;
    render();
    document.querySelector<HTMLElement>('.preview pre')?.focus();
  }
}

async function openAsJson(): Promise<void> {
  const result = await withForm((f) => request('openAsJson', { form: f }));
  if (result) setStatus(t('Opened the request in an editor.'), 'info');
}

async function createExecutionRole(): Promise<void> {
  const result = await withForm(() => request('createExecutionRole', {}));
  if (result?.arn && form) {
    form.executionRoleArn = result.arn;
    render();
    changed(true);
    setStatus(t('Created {0}.', result.arn), 'success');
  }
}

async function pickImage(container: number): Promise<void> {
  const result = await withForm(() => request('pickImage', { container }));
  if (result?.image && form?.containers[container]) {
    form.containers[container].image = result.image;
    render();
    changed(true);
  }
}

// ---------------------------------------------------------------- start

const saved = vscode.getState() as FormWebviewState | undefined;
if (saved?.form && saved.context) {
  // Shown at once after the panel was hidden; the host's init follows and wins.
  form = saved.form;
  context = saved.context;
  render();
}
vscode.postMessage({ type: 'ready' });
