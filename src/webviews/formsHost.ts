/**
 * The task definition form's heavy half, bundled apart (dist/formsHost.js) and loaded on first
 * use through loadFormsHost.ts, so activation stays small: the panel host, the form's rules
 * and the JSON validator. Nothing here is a tree class: `instanceof` checks stay in the
 * activation bundle.
 */
import type { DescribedTaskDefinition } from '../forms/ecsRequest';
import {
  defaultTaskDefinitionForm,
  fieldsTheFormDrops,
  formFromTaskDefinition,
  type TaskDefinitionForm,
} from '../forms/taskDefinitionForm';
import { validateRegisterRequestJson, type JsonValidationResult, type TaskDefinitionFacts } from '../forms/validateTaskDefinition';
import { parseFormState } from './protocol';

export { TaskDefinitionFormPanel } from './taskDefinitionPanel';
export type { FormPanelDeps } from './taskDefinitionPanel';

export function newForm(region: string): TaskDefinitionForm {
  return defaultTaskDefinitionForm({ region });
}

/** The form for the next revision of a described one, and what it can't carry over. */
export function revisionForm(td: DescribedTaskDefinition, tags: ReadonlyArray<{ key?: string | undefined; value?: string | undefined }>): { form: TaskDefinitionForm; dropped: string[] } {
  return { form: formFromTaskDefinition(td, tags), dropped: fieldsTheFormDrops(td) };
}

/** The form a webview saved, if well-formed. */
export function restoredForm(state: unknown): TaskDefinitionForm | undefined {
  return parseFormState(state)?.form;
}

export function checkRequestJson(text: string, facts: TaskDefinitionFacts): JsonValidationResult {
  return validateRegisterRequestJson(text, facts);
}
