/**
 * Shows the host's errors and warnings next to their fields (the message slot of the path, or of
 * the nearest enclosing field), marks the fields with errors aria-invalid, and sums them up in
 * #summary with those no field took. Shared by both forms' webview scripts.
 */
import type { Issue } from '../../src/forms/validationIssues';
import type { RequestError } from '../../src/webviews/formProtocol';
import { h, icon, messageSlot } from './dom';

export interface IssueWords {
  oneError: string;
  errors: (count: number) => string;
  oneWarning: string;
  warnings: (count: number) => string;
  /** Shown when there is nothing: "Ready to register". */
  ready: string;
}

export function showIssues(app: HTMLElement, errors: readonly Issue[], warnings: readonly Issue[], requestError: RequestError | undefined, words: IssueWords): void {
  for (const el of app.querySelectorAll<HTMLElement>('.message')) {
    el.textContent = '';
    el.className = 'message';
  }
  for (const el of app.querySelectorAll<HTMLElement>('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const unplaced: Array<{ issue: Issue; kind: 'error' | 'warning' }> = [];
  const place = (issue: Issue, kind: 'error' | 'warning') => {
    const slot = messageSlot(issue.path);
    if (!slot) {
      unplaced.push({ issue, kind });
      return;
    }
    slot.append(h('div', { class: kind }, icon(kind === 'error' ? 'error' : 'warning'), ` ${issue.message}`));
    slot.classList.add(kind);
    if (kind === 'error') document.getElementById(slot.id.replace(/-message$/, ''))?.setAttribute('aria-invalid', 'true');
  };
  for (const e of errors) place(e, 'error');
  for (const w of warnings) place(w, 'warning');
  if (requestError?.path) place({ path: requestError.path, message: requestError.message, code: 'AWS' }, 'error');
  const summary = document.getElementById('summary');
  if (summary) {
    const parts: Array<Node | string> = [];
    if (errors.length > 0) parts.push(h('span', { class: 'count error' }, icon('error'), ` ${errors.length === 1 ? words.oneError : words.errors(errors.length)}`));
    if (warnings.length > 0) parts.push(h('span', { class: 'count warning' }, icon('warning'), ` ${warnings.length === 1 ? words.oneWarning : words.warnings(warnings.length)}`));
    if (errors.length === 0 && warnings.length === 0) parts.push(h('span', { class: 'count ok' }, icon('pass'), ` ${words.ready}`));
    const list = h('ul', {}, ...unplaced.map(({ issue, kind }) => h('li', { class: kind }, icon(kind === 'error' ? 'error' : 'warning'), ` ${issue.message}`)));
    summary.replaceChildren(...parts, unplaced.length > 0 ? list : '');
  }
}
