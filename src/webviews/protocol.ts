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
import type { Issue } from '../forms/validationIssues';
import type {
  ContainerForm,
  EnvironmentVariableForm,
  HealthCheckForm,
  LoggingForm,
  PortMappingForm,
  SecretForm,
  TagForm,
  TaskDefinitionForm,
} from '../forms/taskDefinitionFormModel';
import {
  isBoolean,
  isObject,
  listOf,
  oneOf,
  parseFormWebviewMessage,
  parseSavedForm,
  record,
  text,
  type CommandChecks,
  type Guard,
  type RequestMessageOf,
  type ResponseMessage,
  type Shape,
  type WebviewMessageOf,
} from './formProtocol';

export const TASK_DEFINITION_FORM_VIEW_TYPE = 'ecsStudio.taskDefinitionForm';
/** Offered after registering when it exists (the service form defines it): FormContext.canCreateService. */
export const CREATE_SERVICE_COMMAND = 'ecsStudio.createService';

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

export type RequestMessage = RequestMessageOf<FormRequests>;

export type WebviewMessage = WebviewMessageOf<TaskDefinitionForm, FormRequests>;

// ---------------------------------------------------------------- host -> webview

export interface RegisteredRevision {
  arn: string;
  family: string;
  revision: number;
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
  /** FORM_STRINGS (formStrings.ts) in the display language (vscode.l10n), keyed by their English text. */
  strings?: Record<string, string>;
}

export type HostMessage =
  | { type: 'init'; form: TaskDefinitionForm; context: FormContext }
  | { type: 'validation'; errors: Issue[]; warnings: Issue[] }
  | { type: 'roles'; roles: RoleChoice[] }
  | ResponseMessage;

/** What the webview keeps with vscode.setState: the form survives hiding and reloads. */
export interface FormWebviewState {
  form: TaskDefinitionForm;
  context?: FormContext;
}

// ---------------------------------------------------------------- checking what arrives (the checks: formProtocol.ts)

const isPort = record({
  containerPort: text,
  protocol: oneOf(['tcp', 'udp']),
  name: text,
  appProtocol: oneOf(['', ...APPLICATION_PROTOCOLS]),
} satisfies Shape<PortMappingForm>);
const isEnv = record({ name: text, value: text } satisfies Shape<EnvironmentVariableForm>);
const isSecret = record({ name: text, valueFrom: text } satisfies Shape<SecretForm>);
const isHealthCheck = record({
  enabled: isBoolean, command: listOf(text), interval: text, timeout: text, retries: text, startPeriod: text,
} satisfies Shape<HealthCheckForm>);
const isLogging = record({
  driver: oneOf(['awslogs', 'none']), group: text, region: text, streamPrefix: text, createGroup: isBoolean,
} satisfies Shape<LoggingForm>);
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
} satisfies Shape<ContainerForm>);
export const isTag = record({ key: text, value: text } satisfies Shape<TagForm>);

/** The checks of the form's fields (exported for the type-level test). */
export const TASK_DEFINITION_FORM_SHAPE = {
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
  tags: listOf(isTag),
} satisfies Shape<TaskDefinitionForm>;

/** Whether a value has the form's shape, every field checked (the host checks every form it receives). */
export const isTaskDefinitionForm: Guard<TaskDefinitionForm> = record(TASK_DEFINITION_FORM_SHAPE);

/** The arguments' check of each request (a new request without one does not compile). */
const COMMANDS: CommandChecks<FormRequests> = {
  preview: record({ form: isTaskDefinitionForm }),
  openAsJson: record({ form: isTaskDefinitionForm }),
  register: record({ form: isTaskDefinitionForm }),
  createExecutionRole: isObject,
  pickImage: record({ container: (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 10 }),
};

/** The message if it is one the webview may send, exactly; undefined otherwise. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  return parseFormWebviewMessage(value, isTaskDefinitionForm, COMMANDS);
}

/** The state a webview saved, if it holds a well-formed form (a window reload restores it). */
export function parseFormState(value: unknown): FormWebviewState | undefined {
  return parseSavedForm(value, isTaskDefinitionForm);
}
