/**
 * The DOM helpers both forms' webview scripts share (media/taskDefinitionForm/main.ts,
 * media/serviceForm/main.ts): building elements, the form paths and the ids they give fields
 * (`f-containers_0_.image`), a field with its hint and message slot, the status line and the
 * buttons a running request disables. Plain DOM, no framework; esbuild bundles it into each
 * script. The words stay in each script: it passes them in already translated.
 */

export type Attrs = Record<string, string | boolean | undefined>;
export type Child = Node | string | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (key === 'class') el.className = String(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    el.append(child);
  }
  return el;
}

export function icon(name: string): HTMLElement {
  return h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });
}

export function button(label: string, onClick: () => void, options: { icon?: string; kind?: 'primary' | 'secondary' | 'icon'; aria?: string; id?: string } = {}): HTMLButtonElement {
  const b = h('button', {
    type: 'button',
    class: `button ${options.kind ?? 'secondary'}`,
    'aria-label': options.aria,
    title: options.kind === 'icon' ? options.aria ?? label : undefined,
    id: options.id,
  }, options.icon ? icon(options.icon) : undefined, options.kind === 'icon' ? undefined : label);
  b.addEventListener('click', onClick);
  return b;
}

/** A titled section, labelled by its heading. */
export function section(title: string, ...children: Child[]): HTMLElement {
  const id = `s-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

// ---------------------------------------------------------------- words

/** A visible string in the display language, from the translations the host sent; {0}, {1} filled in. */
export function translate(strings: Record<string, string> | undefined, message: string, args: Array<string | number>): string {
  const translated = strings?.[message] ?? message;
  return translated.replace(/\{(\d+)\}/g, (whole: string, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

// ---------------------------------------------------------------- paths

type Segment = string | number;

function segments(path: string): Segment[] {
  return path.split(/[.[\]]/).filter((s) => s !== '').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The value at a form path (`containers[0].image`). */
export function getPath(root: unknown, path: string): unknown {
  let value: unknown = root;
  for (const s of segments(path)) value = (value as Record<string | number, unknown>)[s];
  return value;
}

export function setPath(root: unknown, path: string, value: unknown): void {
  const segs = segments(path);
  let target = root as Record<string | number, unknown>;
  for (const s of segs.slice(0, -1)) target = target[s] as Record<string | number, unknown>;
  target[segs[segs.length - 1]] = value;
}

/** The id of a path's control; its message slot is `${idOf(path)}-message`. */
export function idOf(path: string): string {
  return `f-${path.replace(/[^\w-]/g, '_')}`;
}

/** A field: label, control, hint, and the message slot the issues go to. */
export function field(path: string, label: string, control: HTMLElement, hint?: string, options: { extra?: HTMLElement; wide?: boolean } = {}): HTMLElement {
  const id = idOf(path);
  control.id = id;
  control.dataset.path = path;
  const hintId = hint ? `${id}-hint` : undefined;
  const messageId = `${id}-message`;
  control.setAttribute('aria-describedby', [hintId, messageId].filter(Boolean).join(' '));
  const isCheck = control instanceof HTMLInputElement && control.type === 'checkbox';
  return h('div', { class: `field${isCheck ? ' check' : ''}${options.wide ? ' wide' : ''}`, 'data-field': path },
    isCheck ? undefined : h('label', { for: id }, label),
    h('div', { class: 'control' }, control, isCheck ? h('label', { for: id }, label) : undefined, options.extra),
    hint ? h('div', { class: 'hint', id: hintId }, hint) : undefined,
    h('div', { class: 'message', id: messageId, role: 'status' }),
  );
}

/** The message slot of a path, or of the nearest enclosing field that has one. */
export function messageSlot(path: string): HTMLElement | undefined {
  let p = path;
  while (p !== '') {
    const slot = document.getElementById(`${idOf(p)}-message`);
    if (slot) return slot;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  return undefined;
}

// ---------------------------------------------------------------- status and busy

export type StatusKind = 'info' | 'error' | 'success';
export interface Status { text: string; kind: StatusKind }

/** The status line under the form's buttons (an alert when it reports an error). */
export function statusLine(status: Status | undefined): HTMLElement {
  return h('div', { id: 'status', class: `status ${status?.kind ?? ''}`, role: status?.kind === 'error' ? 'alert' : 'status' }, status?.text ?? '');
}

/** Shows a status in the status line already on the page. */
export function showStatus(status: Status): void {
  const el = document.getElementById('status');
  if (el) {
    el.textContent = status.text;
    el.className = `status ${status.kind}`;
    el.setAttribute('role', status.kind === 'error' ? 'alert' : 'status');
  }
}

/** Disables (or enables again) the buttons of these ids while a request runs. */
export function disableButtons(ids: readonly string[], disabled: boolean): void {
  for (const id of ids) {
    const b = document.getElementById(id) as HTMLButtonElement | null;
    if (b) b.disabled = disabled;
  }
}
