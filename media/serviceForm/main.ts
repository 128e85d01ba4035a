/**
 * The "Create service" form in its webview: plain DOM, no framework, in the task definition
 * form's way (media/taskDefinitionForm/main.ts). Bundled by esbuild into
 * dist/webview/serviceForm.js. It holds the form as the person types, saves it with setState,
 * sends each change to the host, fills its dropdowns from the host's `choices`, shows the
 * host's errors and warnings next to their fields and the preflight in its own panel, where a
 * finding's fix can be added to the creation. Messages both ways are typed by
 * src/webviews/serviceFormProtocol.ts. The DOM helpers, the issues' display and the request
 * client are the task definition form's (media/shared).
 */
import type { Issue } from '../../src/forms/validationIssues';
import { defaultLoadBalancerSubnets, defaultStrategy, gracePeriodApplies, suggestNames } from '../../src/forms/serviceFormModel';
import type { ServiceForm, SubnetFact } from '../../src/forms/serviceFormModel';
import type {
  PreflightView,
  RequestError,
  ServiceFormChoices,
  ServiceFormContext,
  ServiceFormRequests,
  ServiceFormWebviewState,
  ServiceHostMessage,
  ServiceWebviewMessage,
} from '../../src/webviews/serviceFormProtocol';
import { debounced, requestClient, type VsCodeApi } from '../shared/client';
import { button, disableButtons, field, getPath, h, icon, idOf, messageSlot, section, setPath, showStatus, statusLine, translate, type Child, type Status } from '../shared/dom';
import { showIssues as showIssuesIn } from '../shared/issues';

declare function acquireVsCodeApi(): VsCodeApi<ServiceWebviewMessage, ServiceFormWebviewState>;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app') as HTMLElement;

let form: ServiceForm | undefined;
let context: ServiceFormContext | undefined;
let choices: ServiceFormChoices = {
  clusters: [], families: [], revisions: [], vpcs: [], subnets: [], securityGroups: [], loadBalancers: [], listeners: [], targetGroups: [], loading: [], failures: [],
};
let errors: Issue[] = [];
let warnings: Issue[] = [];
let preflight: PreflightView | undefined;
/** Preflight items whose fix the person added to the creation, by id. */
const chosenFixes = new Set<string>();
let requestError: RequestError | undefined;
let planLines: string[] | undefined;
let status: Status | undefined;
let busy = false;

// ---------------------------------------------------------------- messages

const client = requestClient<ServiceFormRequests>((message) => vscode.postMessage(message));
const request = client.request;

const sendForm = debounced(() => {
  if (form) vscode.postMessage({ type: 'change', form });
});

/** Saves the form and tells the host (after a short pause in typing). */
function changed(now = false): void {
  if (!form) return;
  vscode.setState({ form, ...(context ? { context } : {}) });
  planLines = undefined;
  sendForm(now);
}

window.addEventListener('message', (event: MessageEvent<ServiceHostMessage>) => {
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
    case 'choices': {
      const { loading, ...rest } = message.choices;
      const { loading: _old, ...before } = choices;
      void _old;
      const same = JSON.stringify(rest) === JSON.stringify(before);
      choices = message.choices;
      // Only what the person does sends a change: new choices re-render, never re-send the form.
      if (!same) render();
      else showLoading(loading);
      break;
    }
    case 'preflight':
      preflight = message.preflight;
      renderPreflight();
      break;
    case 'progress':
      setStatus(message.message, 'info');
      break;
    case 'response':
      client.settle(message);
      break;
  }
});

/** Fills what the choices make obvious (only what is still empty), when the person picks a load balancer kind or a container. */
function adoptChoices(): boolean {
  if (!form) return false;
  let touched = false;
  const td = choices.taskDefinition;
  if (td && form.containerName === '') {
    const withPort = td.containers.find((c) => c.ports.length > 0);
    if (withPort) {
      form.containerName = withPort.name;
      form.containerPort = String(withPort.ports[0]);
      touched = true;
    }
  }
  const lb = form.loadBalancing;
  if (lb.kind === 'new' && lb.loadBalancerSubnetIds.length === 0 && choices.subnets.length > 0) {
    const picked = defaultLoadBalancerSubnets(choices.subnets, form.networking.vpcId);
    if (picked.length > 0) {
      lb.loadBalancerSubnetIds = picked;
      touched = true;
    }
  }
  return touched;
}

// ---------------------------------------------------------------- words

/** A visible string in the display language: the host sends the translations (SERVICE_FORM_STRINGS). */
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

/** A group of checkboxes (subnets, security groups) with one message slot for the list's path. */
function checkList(path: string, label: string, items: Array<{ value: string; label: string; hint?: string }>, empty: string, hint?: string): HTMLElement {
  const id = idOf(path);
  const selected = new Set(getAt(path) as string[]);
  const list = h('div', { class: 'checklist', role: 'group', 'aria-labelledby': `${id}-label`, id, 'data-path': path });
  if (items.length === 0) list.append(h('div', { class: 'hint' }, empty));
  for (const [i, item] of items.entries()) {
    const boxId = `${id}-${i}`;
    const box = h('input', { type: 'checkbox', id: boxId, value: item.value });
    box.checked = selected.has(item.value);
    box.addEventListener('change', () => {
      const now = new Set(getAt(path) as string[]);
      if (box.checked) now.add(item.value);
      else now.delete(item.value);
      // Kept in the order offered.
      setAt(path, items.map((x) => x.value).filter((v) => now.has(v)));
      changed(true);
    });
    list.append(h('div', { class: 'check-item' },
      box,
      h('label', { for: boxId }, item.label),
      item.hint ? h('div', { class: 'hint' }, item.hint) : undefined));
  }
  return h('div', { class: 'field wide', 'data-field': path },
    h('div', { class: 'rows-title', id: `${id}-label` }, label),
    hint ? h('div', { class: 'hint' }, hint) : undefined,
    list,
    h('div', { class: 'message', id: `${id}-message`, role: 'status' }),
  );
}

function textInput(path: string, options: { placeholder?: string; list?: string; inputmode?: string; onCommit?: () => void } = {}): HTMLInputElement {
  const input = h('input', {
    type: 'text',
    placeholder: options.placeholder,
    list: options.list,
    inputmode: options.inputmode,
    spellcheck: 'false',
    autocomplete: 'off',
  });
  input.value = String(getAt(path) ?? '');
  input.addEventListener('input', () => {
    setAt(path, input.value);
    if (requestError?.path === path) {
      requestError = undefined;
      showIssues();
    }
    changed();
  });
  if (options.onCommit) input.addEventListener('change', options.onCommit);
  return input;
}

function select(path: string, options: Array<{ value: string; label: string }>, onPick?: (value: string) => void, read?: (value: string) => unknown): HTMLSelectElement {
  const el = h('select', {});
  const current = String(getAt(path) ?? '');
  if (!options.some((o) => o.value === current)) el.append(h('option', { value: current }, current === '' ? t('Choose…') : current));
  for (const o of options) {
    const option = h('option', { value: o.value }, o.label);
    if (o.value === current) option.selected = true;
    el.append(option);
  }
  el.addEventListener('change', () => {
    setAt(path, read ? read(el.value) : el.value);
    onPick?.(el.value);
    render();
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

function datalist(id: string, values: string[]): HTMLDataListElement {
  return h('datalist', { id }, ...values.map((v) => h('option', { value: v })));
}

function grid(...children: Child[]): HTMLElement {
  return h('div', { class: 'grid' }, ...children);
}

// ---------------------------------------------------------------- rendering

function render(): void {
  if (!form || !context) return;
  const active = document.activeElement;
  const focused = active instanceof HTMLElement ? active.id : '';
  const caret = active instanceof HTMLInputElement && active.type === 'text' ? [active.selectionStart, active.selectionEnd] : undefined;
  app.replaceChildren(
    h('header', {},
      h('h1', {}, context.heading),
      h('p', { class: 'subtle' }, t('Created in {0}. Errors block Create; warnings don\'t.', context.region || t('the selected region'))),
      h('div', { id: 'loading', class: 'hint', 'aria-live': 'polite' }),
      choices.failures.length > 0
        ? h('div', { class: 'notice', role: 'note' }, icon('warning'), ` ${t('Could not read: {0}', choices.failures.join('; '))}`)
        : undefined,
    ),
    h('div', { id: 'summary', class: 'summary', 'aria-live': 'polite' }),
    serviceSection(),
    computeSection(),
    deploymentSection(),
    networkingSection(),
    loadBalancingSection(),
    tagsSection(),
    preflightSection(),
    actionsSection(),
  );
  app.removeAttribute('aria-busy');
  showIssues();
  renderPreflight();
  showLoading(choices.loading);
  if (focused) {
    const el = document.getElementById(focused);
    el?.focus();
    if (caret && el instanceof HTMLInputElement) el.setSelectionRange(caret[0], caret[1]);
  }
}

function showLoading(loading: string[]): void {
  const el = document.getElementById('loading');
  if (el) el.textContent = loading.length > 0 ? t('Reading {0}…', loading.join(', ')) : '';
}

function serviceSection(): HTMLElement {
  const f = form as ServiceForm;
  const clusterHint = f.createCluster
    ? t('A Fargate cluster with this name is created first.')
    : choices.clusters.length === 0 ? t('No cluster in this region yet: name one and tick "Create this cluster".') : undefined;
  const revisions = [{ value: '', label: t('Latest ACTIVE revision') }, ...choices.revisions.map((r) => ({ value: String(r), label: String(r) }))];
  return section(t('Service'),
    datalist('cluster-list', choices.clusters.map((c) => c.name)),
    datalist('family-list', choices.families),
    grid(
      field('cluster', t('Cluster'), textInput('cluster', { list: 'cluster-list', placeholder: 'demo-ecs-cluster' }), clusterHint),
      field('createCluster', t('Create this cluster'), checkbox('createCluster', true)),
      field('taskDefinitionFamily', t('Task definition family'), textInput('taskDefinitionFamily', { list: 'family-list', placeholder: 'demo-ecs-task', onCommit: () => render() })),
      field('taskDefinitionRevision', t('Revision'), select('taskDefinitionRevision', revisions, () => {
        if (form) { form.containerName = ''; form.containerPort = ''; }
      })),
      field('serviceName', t('Service name'), textInput('serviceName', {
        placeholder: 'demo-ecs-service',
        onCommit: () => {
          if (!form) return;
          form = suggestNames(form);
          render();
          changed(true);
        },
      }), t('Names of the resources made with it follow it.')),
      field('desiredCount', t('Desired tasks'), textInput('desiredCount', { inputmode: 'numeric' })),
    ),
  );
}

function computeSection(): HTMLElement {
  const f = form as ServiceForm;
  const strategy = f.compute.kind === 'capacityProviderStrategy';
  return section(t('Compute'),
    grid(
      field('compute.kind', t('Compute'), select('compute.kind', [
        { value: 'launchType', label: t('Launch type FARGATE') },
        { value: 'capacityProviderStrategy', label: t('Capacity provider strategy') },
      ], (value) => {
        if (form && value === 'capacityProviderStrategy' && form.compute.strategy.length === 0) form.compute.strategy = defaultStrategy();
      })),
      field('compute.platformVersion', t('Platform version'), textInput('compute.platformVersion', { placeholder: 'LATEST' }), t('LATEST, or a version such as 1.4.0.')),
    ),
    strategy
      ? h('div', { class: 'rows', 'data-field': 'compute.strategy' },
        ...f.compute.strategy.map((_, i) => h('div', { class: 'row' },
          field(`compute.strategy[${i}].provider`, t('Capacity provider'), select(`compute.strategy[${i}].provider`, [
            { value: 'FARGATE', label: 'FARGATE' },
            { value: 'FARGATE_SPOT', label: 'FARGATE_SPOT' },
          ])),
          field(`compute.strategy[${i}].base`, t('Base'), textInput(`compute.strategy[${i}].base`, { inputmode: 'numeric' })),
          field(`compute.strategy[${i}].weight`, t('Weight'), textInput(`compute.strategy[${i}].weight`, { inputmode: 'numeric' })),
          button(t('Remove'), () => {
            form?.compute.strategy.splice(i, 1);
            render();
            changed(true);
          }, { icon: 'trash', kind: 'icon', aria: t('Remove {0} {1}', t('capacity provider'), i + 1) }),
        )),
        h('div', { class: 'message', id: `${idOf('compute.strategy')}-message`, role: 'status' }),
        h('div', { class: 'row-actions' }, button(t('Add {0}', t('capacity provider')), () => {
          form?.compute.strategy.push({ provider: 'FARGATE_SPOT', base: '0', weight: '1' });
          render();
          changed(true);
        }, { icon: 'add' })))
      : undefined,
  );
}

function deploymentSection(): HTMLElement {
  const f = form as ServiceForm;
  return section(t('Deployment'),
    grid(
      field('deployment.minimumHealthyPercent', t('Minimum healthy percent'), textInput('deployment.minimumHealthyPercent', { inputmode: 'numeric' })),
      field('deployment.maximumPercent', t('Maximum percent'), textInput('deployment.maximumPercent', { inputmode: 'numeric' })),
      field('deployment.circuitBreaker', t('Deployment circuit breaker'), checkbox('deployment.circuitBreaker', true), t('Stops a deployment whose tasks keep failing to start.')),
      f.deployment.circuitBreaker ? field('deployment.rollback', t('Roll back on failure'), checkbox('deployment.rollback')) : undefined,
      gracePeriodApplies(f)
        ? field('deployment.healthCheckGracePeriod', t('Health check grace period (s)'), textInput('deployment.healthCheckGracePeriod', { inputmode: 'numeric' }), t('Load balancer health checks are ignored this long after a task starts.'))
        : undefined,
      field('enableExecuteCommand', t('ECS Exec'), checkbox('enableExecuteCommand'), t('Lets you open a shell in a running container (aws ecs execute-command).')),
    ),
  );
}

function subnetLabel(s: SubnetFact): { label: string; hint?: string } {
  const kind = s.kind === 'public' ? t('public') : s.kind === 'private-nat' ? t('private with NAT') : s.kind === 'isolated' ? t('isolated') : s.kind;
  return { label: `${s.name ? `${s.name} ` : ''}(${s.id}) · ${s.availabilityZone} · ${kind}`, ...(s.reason ? { hint: s.reason } : {}) };
}

function networkingSection(): HTMLElement {
  const f = form as ServiceForm;
  const vpcChosen = f.networking.vpcId !== '';
  const sg = f.networking.newSecurityGroup;
  return section(t('Networking'),
    grid(
      field('networking.vpcId', t('VPC'), select('networking.vpcId', choices.vpcs.map((v) => ({ value: v.id, label: `${v.name ? `${v.name} ` : ''}(${v.id}) ${v.cidr}${v.isDefault ? ` · ${t('default')}` : ''}` })), () => {
        if (!form) return;
        form.networking.subnetIds = [];
        form.networking.securityGroupIds = [];
        Object.assign(form.loadBalancing, { loadBalancerArn: '', listenerArn: '', targetGroupArn: '', loadBalancerSubnetIds: [] });
      }), undefined, { wide: true }),
    ),
    vpcChosen
      ? checkList('networking.subnetIds', t('Subnets of the tasks'), choices.subnets.map((s) => ({ value: s.id, ...subnetLabel(s) })), t('No subnets read yet.'),
        t('Tasks in a subnet without a route to the internet need VPC endpoints to pull images and write logs.'))
      : undefined,
    field('networking.assignPublicIp', t('Assign a public IP'), checkbox('networking.assignPublicIp'),
      f.networking.assignPublicIp
        ? t('Each task gets a public address: in a public subnet it reaches ECR and CloudWatch through the internet gateway, and is reachable from the internet where its security groups allow.')
        : t('Tasks get private addresses only: in a public subnet they can\'t reach ECR or CloudWatch at all; in a private subnet they need a NAT gateway or VPC endpoints.'), { wide: true }),
    vpcChosen
      ? checkList('networking.securityGroupIds', t('Existing security groups'), choices.securityGroups.map((g) => ({ value: g.id, label: `${g.name} (${g.id})`, hint: g.description })), t('No security groups read yet.'))
      : undefined,
    field('networking.newSecurityGroup.create', t('Create a security group for the service'), checkbox('networking.newSecurityGroup.create', true)),
    sg.create
      ? grid(
        field('networking.newSecurityGroup.name', t('New group name'), textInput('networking.newSecurityGroup.name', { placeholder: 'demo-ecs-service-sg' })),
        field('networking.newSecurityGroup.description', t('New group description'), textInput('networking.newSecurityGroup.description')),
        field('networking.newSecurityGroup.inboundFrom', t('Allow the container port from'), select('networking.newSecurityGroup.inboundFrom', [
          { value: 'loadBalancer', label: t('the load balancer\'s security group') },
          { value: 'cidr', label: t('a CIDR block') },
        ])),
        sg.inboundFrom === 'cidr'
          ? field('networking.newSecurityGroup.inboundCidr', t('Allowed CIDR'), textInput('networking.newSecurityGroup.inboundCidr', { placeholder: '10.0.0.0/16' }))
          : undefined,
      )
      : undefined,
  );
}

function loadBalancingSection(): HTMLElement {
  const f = form as ServiceForm;
  const lb = f.loadBalancing;
  const td = choices.taskDefinition;
  const containers = td?.containers ?? [];
  const ports = containers.find((c) => c.name === f.containerName)?.ports ?? [];
  const tg = choices.targetGroups.find((x) => x.arn === lb.targetGroupArn);
  const chosenLb = choices.loadBalancers.find((x) => x.arn === lb.loadBalancerArn);
  return section(t('Load balancing'),
    grid(
      field('loadBalancing.kind', t('Load balancer'), select('loadBalancing.kind', [
        { value: 'none', label: t('None') },
        { value: 'existing', label: t('An existing Application Load Balancer') },
        { value: 'new', label: t('A new internet-facing Application Load Balancer') },
      ], () => adoptChoices()), undefined, { wide: true }),
    ),
    lb.kind === 'existing'
      ? grid(
        field('loadBalancing.loadBalancerArn', t('Application Load Balancer'), select('loadBalancing.loadBalancerArn',
          choices.loadBalancers.map((x) => ({ value: x.arn, label: `${x.name} · ${x.scheme}` })),
          () => { if (form) Object.assign(form.loadBalancing, { listenerArn: '' }); }),
        chosenLb ? chosenLb.dnsName : f.networking.vpcId === '' ? t('Choose the VPC first.') : undefined),
        field('loadBalancing.listenerChoice', t('Listener'), select('loadBalancing.listenerChoice', [
          { value: 'existing', label: t('An existing listener') },
          { value: 'new', label: t('A new HTTP listener') },
        ])),
        lb.listenerChoice === 'existing'
          ? field('loadBalancing.listenerArn', t('Existing listener'), select('loadBalancing.listenerArn', choices.listeners.map((l) => ({ value: l.arn, label: `${l.protocol}:${l.port}` }))))
          : field('loadBalancing.listenerPort', t('Listener port'), textInput('loadBalancing.listenerPort', { inputmode: 'numeric' })),
        field('loadBalancing.targetGroupChoice', t('Target group'), select('loadBalancing.targetGroupChoice', [
          { value: 'existing', label: t('An existing target group') },
          { value: 'new', label: t('A new target group (type ip)') },
        ])),
        lb.targetGroupChoice === 'existing'
          ? field('loadBalancing.targetGroupArn', t('Existing target group'), select('loadBalancing.targetGroupArn',
            choices.targetGroups.map((x) => ({ value: x.arn, label: x.name }))),
          tg ? t('Type {0} · {1}:{2} · health check {3}{4}', tg.targetType, tg.protocol, tg.port ?? '-', tg.healthCheckPath || '-', tg.attached ? '' : ` · ${t('not attached to a load balancer')}`) : undefined)
          : undefined,
      )
      : undefined,
    lb.kind === 'new'
      ? grid(
        field('loadBalancing.loadBalancerName', t('Load balancer name'), textInput('loadBalancing.loadBalancerName', { placeholder: 'demo-ecs-service-alb' })),
        field('loadBalancing.loadBalancerSecurityGroupName', t('Load balancer security group name'), textInput('loadBalancing.loadBalancerSecurityGroupName')),
        field('loadBalancing.ingressCidr', t('Who may reach the listener (CIDR)'), textInput('loadBalancing.ingressCidr', { placeholder: '0.0.0.0/0' }), t('0.0.0.0/0 is anyone on the internet.')),
        field('loadBalancing.listenerPort', t('Listener port'), textInput('loadBalancing.listenerPort', { inputmode: 'numeric' })),
      )
      : undefined,
    lb.kind === 'new'
      ? checkList('loadBalancing.loadBalancerSubnetIds', t('Load balancer subnets (public, one per Availability Zone)'),
        choices.subnets.filter((s) => s.kind === 'public').map((s) => ({ value: s.id, ...subnetLabel(s) })), t('The VPC has no public subnet read yet.'))
      : undefined,
    lb.kind === 'new' || (lb.kind === 'existing' && lb.targetGroupChoice === 'new')
      ? grid(
        field('loadBalancing.targetGroupName', t('Target group name'), textInput('loadBalancing.targetGroupName')),
        field('loadBalancing.healthCheckPath', t('Health check path'), textInput('loadBalancing.healthCheckPath', { placeholder: '/' })),
      )
      : undefined,
    lb.kind !== 'none'
      ? grid(
        field('containerName', t('Container'), select('containerName', containers.map((c) => ({ value: c.name, label: c.name })), (value) => {
          const first = containers.find((c) => c.name === value)?.ports[0];
          if (form) form.containerPort = first === undefined ? '' : String(first);
        }), td ? undefined : t('Choose the task definition first.')),
        field('containerPort', t('Container port'), select('containerPort', ports.map((p) => ({ value: String(p), label: String(p) }))), t('From the task definition\'s port mappings.')),
      )
      : undefined,
  );
}

function tagsSection(): HTMLElement {
  const f = form as ServiceForm;
  return section(t('Tags'),
    h('div', { class: 'rows' }, ...f.tags.map((_, i) => h('div', { class: 'row' },
      field(`tags[${i}].key`, t('Key'), textInput(`tags[${i}].key`)),
      field(`tags[${i}].value`, t('Value'), textInput(`tags[${i}].value`)),
      button(t('Remove'), () => {
        form?.tags.splice(i, 1);
        render();
        changed(true);
      }, { icon: 'trash', kind: 'icon', aria: t('Remove {0} {1}', t('tag'), i + 1) }),
    ))),
    h('div', { class: 'row-actions' }, button(t('Add {0}', t('tag')), () => {
      form?.tags.push({ key: '', value: '' });
      render();
      changed(true);
    }, { icon: 'add' })),
    grid(
      field('enableECSManagedTags', t('ECS managed tags'), checkbox('enableECSManagedTags')),
      field('propagateTags', t('Propagate tags from'), select('propagateTags', [
        { value: 'NONE', label: t('Nothing') },
        { value: 'SERVICE', label: t('The service') },
        { value: 'TASK_DEFINITION', label: t('The task definition') },
      ])),
    ),
  );
}

// ---------------------------------------------------------------- preflight

function preflightSection(): HTMLElement {
  return h('section', { 'aria-labelledby': 'preflight-title', class: 'preflight' },
    h('h2', { id: 'preflight-title' }, t('Preflight')),
    h('p', { class: 'hint' }, t('The doctor\'s analysis of these choices: what would stop the tasks from starting.')),
    h('div', { id: 'preflight', 'aria-live': 'polite' }));
}

function renderPreflight(): void {
  const el = document.getElementById('preflight');
  if (!el) return;
  const p = preflight;
  if (!p) {
    el.replaceChildren(h('div', { class: 'hint' }, t('Not run yet.')));
    return;
  }
  switch (p.state) {
    case 'waiting':
      el.replaceChildren(h('div', { class: 'hint', id: 'preflight-state', 'data-state': 'waiting' }, p.message));
      return;
    case 'failed':
      el.replaceChildren(h('div', { class: 'error', id: 'preflight-state', 'data-state': 'failed' }, icon('error'), ` ${t('The preflight failed: {0}', p.message)}`));
      return;
    case 'running':
      el.replaceChildren(h('div', { class: 'hint', id: 'preflight-state', 'data-state': 'running' }, icon('loading'), ` ${t('Checking…')}`));
      return;
    case 'done':
      break;
  }
  if (p.items.length === 0) {
    el.replaceChildren(h('div', { class: 'ok', id: 'preflight-state', 'data-state': 'done' }, icon('pass'), ` ${t('The preflight found nothing that would stop the tasks.')}`));
    return;
  }
  el.replaceChildren(h('ul', { class: 'preflight-items', id: 'preflight-state', 'data-state': 'done' }, ...p.items.map((item) => {
    const boxId = `fix-${item.id.replace(/[^\w-]/g, '_')}`;
    const box = h('input', { type: 'checkbox', id: boxId });
    box.checked = chosenFixes.has(item.id);
    box.addEventListener('change', () => {
      if (box.checked) chosenFixes.add(item.id);
      else chosenFixes.delete(item.id);
      planLines = undefined;
    });
    return h('li', { class: `preflight-item ${item.severity}` },
      h('div', { class: 'title' }, icon(item.severity === 'error' ? 'error' : item.severity === 'warning' ? 'warning' : 'info'), ` ${item.title}`,
        item.field ? fieldLink(item.field) : undefined),
      h('div', { class: 'hint' }, item.detail),
      item.fix
        ? h('div', { class: 'fix' }, box, h('label', { for: boxId }, t('Add this fix to the creation')), h('ul', {}, ...item.fix.map((line) => h('li', {}, line))))
        : undefined);
  })));
}

/** A link to the field a preflight item is about, named by that field's label. */
function fieldLink(path: string): HTMLElement | undefined {
  const slot = messageSlot(path);
  const target = slot ? document.getElementById(slot.id.replace(/-message$/, '')) : null;
  if (!target) return undefined;
  const name = document.querySelector(`label[for="${target.id}"]`)?.textContent ?? document.getElementById(`${target.id}-label`)?.textContent ?? path;
  const link = h('a', { href: '#', class: 'field-link' }, ` · ${name}`);
  link.addEventListener('click', (e) => {
    e.preventDefault();
    target.scrollIntoView({ block: 'center' });
    (target.querySelector<HTMLElement>('input') ?? target).focus();
  });
  return link;
}

// ---------------------------------------------------------------- issues

function showIssues(): void {
  showIssuesIn(app, errors, warnings, requestError, {
    oneError: t('1 error'),
    errors: (n) => t('{0} errors', n),
    oneWarning: t('1 warning'),
    warnings: (n) => t('{0} warnings', n),
    ready: t('Ready to create'),
  });
}

// ---------------------------------------------------------------- actions

function actionsSection(): HTMLElement {
  return h('footer', { class: 'actions' },
    h('div', { class: 'buttons' },
      button(t('Create'), () => void create(), { icon: 'rocket', kind: 'primary', id: 'create' }),
      button(t('Show plan'), () => void showPlan(), { icon: 'list-ordered', id: 'show-plan' }),
      button(t('Reload'), () => void reload(), { icon: 'refresh', id: 'reload' }),
    ),
    statusLine(status),
    planLines !== undefined
      ? h('section', { 'aria-labelledby': 'plan-title', class: 'preview' },
        h('h2', { id: 'plan-title' }, t('What Create makes, in order')),
        h('pre', { tabindex: '0' }, planLines.join('\n')))
      : undefined,
  );
}

function setStatus(text: string, kind: Status['kind']): void {
  status = { text, kind };
  showStatus(status);
}

function setBusy(value: boolean): void {
  busy = value;
  disableButtons(['create', 'show-plan', 'reload'], value);
}

async function withForm<T>(run: (f: ServiceForm) => Promise<T>): Promise<T | undefined> {
  if (!form || busy) return undefined;
  if (sendForm.waiting()) changed(true);
  setBusy(true);
  try {
    return await run(form);
  } catch (err) {
    const error = err as RequestError;
    requestError = error.invalid ? undefined : error;
    setStatus(error.message, 'error');
    showIssues();
    if (error.invalid) app.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    else if (error.path) document.getElementById(idOf(error.path))?.focus();
    return undefined;
  } finally {
    setBusy(false);
  }
}

async function create(): Promise<void> {
  requestError = undefined;
  setStatus(t('Creating…'), 'info');
  const result = await withForm((f) => request('create', { form: f, fixes: [...chosenFixes] }));
  if (result) setStatus(t('Created service {0}.', result.serviceName), 'success');
}

async function showPlan(): Promise<void> {
  const result = await withForm((f) => request('plan', { form: f, fixes: [...chosenFixes] }));
  if (result) {
    status = undefined;
    planLines = result.lines;
    render();
    document.querySelector<HTMLElement>('.preview pre')?.focus();
  }
}

async function reload(): Promise<void> {
  await withForm(() => request('reload', {}));
}

// ---------------------------------------------------------------- start

const saved = vscode.getState() as ServiceFormWebviewState | undefined;
if (saved?.form && saved.context) {
  // Shown at once after the panel was hidden; the host's init follows and wins.
  form = saved.form;
  context = saved.context;
  render();
}
vscode.postMessage({ type: 'ready' });
