/**
 * The task definition form's heavy half, bundled apart (dist/formsHost.js) and loaded on first
 * use through loadFormsHost.ts, so activation stays small: the panel host, the form's rules
 * and the JSON validator. Nothing here is a tree class: `instanceof` checks stay in the
 * activation bundle.
 */
import type { DescribedTaskDefinition } from '../model/ecsRequest';
import { fieldsTheFormDrops, formFromTaskDefinition } from '../forms/taskDefinitionForm';
import { defaultTaskDefinitionForm, type TaskDefinitionForm } from '../forms/taskDefinitionFormModel';
import { validateRegisterRequestJson, type JsonValidationResult, type TaskDefinitionFacts } from '../forms/validateTaskDefinition';
import type { PickedImage } from './pickEcrImage';
import { parseFormState } from './protocol';
import { defaultServiceForm, suggestNames, type ServiceForm } from '../forms/serviceFormModel';
import { parseTaskDefinitionLeaf } from '../model/taskDefinition';
import { parseServiceFormState } from './serviceFormProtocol';

export { TaskDefinitionFormPanel } from './taskDefinitionPanel';
export type { FormPanelDeps } from './taskDefinitionPanel';
export { pickEcrImage, NothingToPickError } from './pickEcrImage';
export type { PickedImage } from './pickEcrImage';
// The service form's host (same bundle: both forms load on first use).
export { ServiceFormPanel } from './serviceFormPanel';
export type { ServiceFormPanelDeps } from './serviceFormPanel';
export { createServiceFormBackend } from './serviceFormBackend';
export { watchNewService } from './serviceWatch';

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

/**
 * A new task definition around one image: family and container named after its repository,
 * and the CPU architecture the image is built for when the registry says (an image built on an
 * Apple silicon Mac is arm64 only, and X86_64 would fail to start it).
 */
export function imageForm(region: string, image: Pick<PickedImage, 'uri' | 'repository' | 'platforms'>): TaskDefinitionForm {
  const form = defaultTaskDefinitionForm({ region });
  const name = (image.repository.split('/').pop() ?? '').replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 255);
  form.family = name;
  form.containers[0].name = name;
  form.containers[0].image = image.uri;
  const linux = (image.platforms ?? []).filter((p) => p.os === 'linux');
  if (linux.length > 0 && linux.every((p) => p.architecture === 'arm64')) form.cpuArchitecture = 'ARM64';
  return form;
}

/** What a new service form starts from: a cluster, a task definition (ARN, `family:rev` or family). */
export interface ServiceFormPrefill {
  readonly cluster?: string;
  readonly taskDefinition?: string;
}

/** A new service form, the console's defaults, with what the command was opened on filled in. */
export function newServiceForm(prefill: ServiceFormPrefill = {}): ServiceForm {
  const form = defaultServiceForm();
  if (prefill.cluster) form.cluster = prefill.cluster;
  if (prefill.taskDefinition) {
    const { family, revision } = parseTaskDefinitionLeaf(prefill.taskDefinition);
    form.taskDefinitionFamily = family;
    form.taskDefinitionRevision = Number.isInteger(revision) ? String(revision) : '';
    form.serviceName = family.endsWith('-task') ? `${family.slice(0, -'-task'.length)}-service` : `${family}-service`;
    return suggestNames(form);
  }
  return form;
}

/** The service form a webview saved, if well-formed. */
export function restoredServiceForm(state: unknown): ServiceForm | undefined {
  return parseServiceFormState(state)?.form;
}
