/**
 * The messages between the task definition form's host (taskDefinitionPanel.ts, extension host)
 * and its webview script (media/taskDefinitionForm/main.ts, browser). Both import this file;
 * it has no vscode import and no Node API, so it bundles for the browser.
 *
 * The webview sends notifications (`ready`, `change`) and requests `{ type: 'request', req,
 * command, args }`; the host answers each request once with `{ type: 'response', req, ok,
 * result | error }`. The host never trusts a message: `parseWebviewMessage` checks its shape
 * (and the whole form's) before anything reads it.
 */
import {
  APPLICATION_PROTOCOLS,
  COMPATIBILITIES,
  CPU_ARCHITECTURES,
  NETWORK_MODES,
  OPERATING_SYSTEM_FAMILIES,
} from '../model/ecsRequest';
import type { Issue } from '../forms/taskDefinitionRules';
import type { TaskDefinitionForm } from '../forms/taskDefinitionFormModel';

export const TASK_DEFINITION_FORM_VIEW_TYPE = 'ecsStudio.taskDefinitionForm';

// ---------------------------------------------------------------- webview -> host

/** The requests the webview may make, with their arguments and results. */
export interface FormRequests {
  /** The exact RegisterTaskDefinition request as JSON (errors block it). */
  preview: { args: { form: TaskDefinitionForm }; result: { json: string } };
  /** Opens the request JSON in an untitled editor. */
  openAsJson: { args: { form: TaskDefinitionForm }; result: Record<string, never> };
  /** Registers the form's task definition. */
  register: { args: { form: TaskDefinitionForm }; result: RegisteredRevision };
  /** Creates an execution role trusted by ECS tasks with the managed policy (asks first). */
  createExecutionRole: { args: Record<string, never>; result: { arn?: string } };
  /** Picks an image from the region's ECR repositories (quick picks); the URI, or none. */
  pickImage: { args: { container: number }; result: { image?: string } };
}

export type FormCommand = keyof FormRequests;

export type RequestMessage = {
  [C in FormCommand]: { type: 'request'; req: number; command: C; args: FormRequests[C]['args'] };
}[FormCommand];

export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'change'; form: TaskDefinitionForm }
  | RequestMessage;

// ---------------------------------------------------------------- host -> webview

export interface RegisteredRevision {
  arn: string;
  family: string;
  revision: number;
}

/** A failed request: what went wrong, and the field it is about when that is known. */
export interface RequestError {
  message: string;
  /** A form path (`executionRoleArn`, `containers[0].image`), shown next to that field. */
  path?: string;
  /** The form has errors: they are already shown next to their fields. */
  invalid?: boolean;
}

export interface RoleChoice {
  name: string;
  arn: string;
}

export interface FormContext {
  /** "New task definition" or "New revision of demo-ecs-task". */
  heading: string;
  region: string;
  /** Fields of the source revision the form can't carry (new revision only). */
  droppedFields: string[];
  /** Whether a Create Service command exists to offer after registering. */
  canCreateService: boolean;
  /** FORM_STRINGS in the display language (vscode.l10n), keyed by their English text. */
  strings?: Record<string, string>;
}

/**
 * Every visible string of the webview, in English; the host translates them with vscode.l10n
 * and sends them in the context. {0}, {1} are filled in by the webview. A unit test checks this
 * list against the t('...') calls of media/taskDefinitionForm/main.ts.
 */
export const FORM_STRINGS: readonly string[] = [
  'Registered in {0}. Errors block registering; warnings don\'t.',
  'the selected region',
  'The form can\'t carry these settings of the source revision; the new revision won\'t have them: {0}.',
  'Add container',
  '{0} (not on Fargate)',
  'AWS Fargate',
  'Amazon EC2 instances',
  'default (bridge on Linux)',
  'Choose…',
  '{0} (not a Fargate size)',
  '{0} (not available with this CPU)',
  'Task CPU',
  'Fargate sizes; memory choices follow the CPU.',
  'Task memory',
  'Task CPU (units, optional)',
  'Task memory (MiB, optional)',
  'Create role…',
  'Task',
  'Family',
  'Letters, digits, hyphens and underscores; each registration adds a revision.',
  'Launch type',
  'Network mode',
  'Operating system',
  'CPU architecture',
  'X86_64 (amd64)',
  'ARM64 (Graviton, Apple silicon builds)',
  'Must match the images: an image built on an M1 Mac is ARM64.',
  'Task role (optional)',
  'role the containers call AWS with',
  'Task execution role',
  'Pulls images from ECR and writes logs for ECS.',
  'Remove {0} {1}',
  'Add {0}',
  'Browse ECR…',
  'Log group',
  'Empty means /ecs/FAMILY.',
  'Log region',
  'Stream prefix',
  'Create the log group if it does not exist',
  'Health check command',
  'First line CMD or CMD-SHELL, then the command.',
  'Interval (s)',
  'Timeout (s)',
  'Retries',
  'Start period (s)',
  'Remove container',
  'Container {0}: {1}',
  'Container {0}',
  'Container name',
  'Image',
  'Essential (the task stops when this container stops)',
  'Memory reservation (MiB, optional)',
  'Port mappings',
  'port mapping',
  'Container port',
  'Protocol',
  'Port name',
  'App protocol',
  'none',
  'Environment variables',
  'environment variable',
  'Name',
  'Value',
  'Secrets',
  'secret',
  'Variable name',
  'Secrets Manager or SSM ARN',
  'Entry point (one argument per line)',
  'Command (one argument per line)',
  'Health check',
  'Logging',
  'CloudWatch Logs (awslogs)',
  'None',
  'Tags',
  'tag',
  'Key',
  'Register',
  'Preview',
  'Open as JSON',
  'RegisterTaskDefinition request',
  '1 error',
  '{0} errors',
  '1 warning',
  '{0} warnings',
  'Ready to register',
  'Registering…',
  'Registered {0}:{1} ({2}).',
  'Opened the request in an editor.',
  'Created {0}.',
];

export type HostMessage =
  | { type: 'init'; form: TaskDefinitionForm; context: FormContext }
  | { type: 'validation'; errors: Issue[]; warnings: Issue[] }
  | { type: 'roles'; roles: RoleChoice[] }
  | { type: 'response'; req: number; ok: true; result: unknown }
  | { type: 'response'; req: number; ok: false; error: RequestError };

/** What the webview keeps with vscode.setState: the form survives hiding and reloads. */
export interface FormWebviewState {
  form: TaskDefinitionForm;
  context?: FormContext;
}

// ---------------------------------------------------------------- checking what arrives

type Check = (value: unknown) => boolean;

const isString: Check = (v) => typeof v === 'string';
const isBoolean: Check = (v) => typeof v === 'boolean';
const oneOf = (allowed: readonly string[]): Check => (v) => typeof v === 'string' && allowed.includes(v);
const listOf = (item: Check, max = 200): Check => (v) => Array.isArray(v) && v.length <= max && v.every(item);
const MAX_TEXT = 100_000;
const text: Check = (v) => typeof v === 'string' && v.length <= MAX_TEXT;

function record(shape: Record<string, Check>): Check {
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const obj = v as Record<string, unknown>;
    return Object.entries(shape).every(([key, check]) => check(obj[key]));
  };
}

const isPort = record({
  containerPort: text,
  protocol: oneOf(['tcp', 'udp']),
  name: text,
  appProtocol: oneOf(['', ...APPLICATION_PROTOCOLS]),
});
const isEnv = record({ name: text, value: text });
const isSecret = record({ name: text, valueFrom: text });
const isHealthCheck = record({
  enabled: isBoolean, command: listOf(text), interval: text, timeout: text, retries: text, startPeriod: text,
});
const isLogging = record({
  driver: oneOf(['awslogs', 'none']), group: text, region: text, streamPrefix: text, createGroup: isBoolean,
});
const isContainer = record({
  name: text,
  image: text,
  essential: isBoolean,
  portMappings: listOf(isPort),
  environment: listOf(isEnv),
  secrets: listOf(isSecret),
  command: listOf(text),
  entryPoint: listOf(text),
  healthCheck: isHealthCheck,
  memoryReservation: text,
  logging: isLogging,
});

/** Whether a value has exactly the form's shape (the host checks every form it receives). */
export const isTaskDefinitionForm: (value: unknown) => value is TaskDefinitionForm = record({
  family: text,
  requiresCompatibilities: listOf(oneOf(COMPATIBILITIES), 4),
  networkMode: oneOf(['', ...NETWORK_MODES]),
  operatingSystemFamily: oneOf(OPERATING_SYSTEM_FAMILIES),
  cpuArchitecture: oneOf(CPU_ARCHITECTURES),
  cpu: text,
  memory: text,
  taskRoleArn: text,
  executionRoleArn: text,
  containers: listOf(isContainer, 10),
  tags: listOf(record({ key: text, value: text })),
}) as (value: unknown) => value is TaskDefinitionForm;

const COMMANDS: Record<FormCommand, Check> = {
  preview: record({ form: isTaskDefinitionForm }),
  openAsJson: record({ form: isTaskDefinitionForm }),
  register: record({ form: isTaskDefinitionForm }),
  createExecutionRole: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  pickImage: record({ container: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 10 }),
};

/** The message if it is one the webview may send, exactly; undefined otherwise. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return { type: 'ready' };
    case 'change':
      return isTaskDefinitionForm(m.form) ? { type: 'change', form: m.form } : undefined;
    case 'request': {
      if (typeof m.req !== 'number' || !Number.isInteger(m.req) || !isString(m.command)) return undefined;
      const command = m.command as string;
      if (!Object.prototype.hasOwnProperty.call(COMMANDS, command)) return undefined;
      if (!COMMANDS[command as FormCommand](m.args)) return undefined;
      return { type: 'request', req: m.req, command, args: m.args } as RequestMessage;
    }
    default:
      return undefined;
  }
}

/** The state a webview saved, if it holds a well-formed form (a window reload restores it). */
export function parseFormState(value: unknown): FormWebviewState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const form = (value as { form?: unknown }).form;
  return isTaskDefinitionForm(form) ? { form } : undefined;
}
