/**
 * The messages between the service form's host (serviceFormPanel.ts, extension host) and its
 * webview script (media/serviceForm/main.ts, browser), in the task definition form's way
 * (protocol.ts), with the same envelope and checks (formProtocol.ts): the webview sends `ready`, `change` and requests `{ type: 'request', req,
 * command, args }`; the host answers each request once with `{ type: 'response', req, ok,
 * result | error }`, and checks the shape of every message (and of the whole form) before
 * reading it. No vscode import and no Node API: it bundles for the browser.
 */
import type { Issue } from '../forms/validationIssues';
import type {
  CapacityProviderRowForm,
  ComputeForm,
  DeploymentForm,
  LoadBalancingForm,
  NetworkingForm,
  NewSecurityGroupForm,
  ServiceForm,
  SubnetFact,
} from '../forms/serviceFormModel';
import { FARGATE_CAPACITY_PROVIDERS, PROPAGATE_TAGS } from '../model/serviceRequest';
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
import { isTag } from './protocol';

export type { RequestError } from './formProtocol';

export const SERVICE_FORM_VIEW_TYPE = 'ecsStudio.serviceForm';

// ---------------------------------------------------------------- webview -> host

/** The requests the service form's webview may make, with their arguments and results. */
export interface ServiceFormRequests {
  /**
   * Creates the service: the host validates, shows the whole plan (with the chosen fixes, by
   * their preflight item ids) in one modal confirmation, and runs it.
   */
  create: { args: { form: ServiceForm; fixes: string[] }; result: CreatedService };
  /** The plan Create would run, one numbered line per step (errors block it). */
  plan: { args: { form: ServiceForm; fixes: string[] }; result: { lines: string[] } };
  /** Reads the account again (clusters, task definitions, the VPC...): forgets the form's cache. */
  reload: { args: Record<string, never>; result: Record<string, never> };
}

export type ServiceFormCommand = keyof ServiceFormRequests;

export type ServiceRequestMessage = RequestMessageOf<ServiceFormRequests>;

export type ServiceWebviewMessage = WebviewMessageOf<ServiceForm, ServiceFormRequests>;

// ---------------------------------------------------------------- host -> webview

export interface CreatedService {
  serviceName: string;
  serviceArn?: string;
  clusterArn?: string;
}

/** What the dropdowns offer: read from the account for the form as it stands. */
export interface ServiceFormChoices {
  clusters: Array<{ name: string; arn: string; capacityProviders: string[] }>;
  families: string[];
  /** Revision numbers of the chosen family, newest first. */
  revisions: number[];
  /** The chosen revision (or the family's latest). */
  taskDefinition?: {
    family: string;
    revision: number;
    networkMode: string;
    compatibilities: string[];
    containers: Array<{ name: string; ports: number[] }>;
  };
  vpcs: Array<{ id: string; name: string; cidr: string; isDefault: boolean }>;
  /** Subnets of the chosen VPC, each with its kind and why. */
  subnets: SubnetFact[];
  securityGroups: Array<{ id: string; name: string; description: string }>;
  /** Application Load Balancers of the chosen VPC. */
  loadBalancers: Array<{ arn: string; name: string; scheme: string; dnsName: string; securityGroupIds: string[] }>;
  /** Listeners of the chosen load balancer. */
  listeners: Array<{ arn: string; port: number; protocol: string }>;
  /** Target groups of the chosen VPC. */
  targetGroups: Array<{ arn: string; name: string; targetType: string; protocol: string; port: number | null; healthCheckPath: string; attached: boolean }>;
  /** What is being read now ('vpc', 'taskDefinition'...), for a spinner. */
  loading: string[];
  /** What could not be read, in words. */
  failures: string[];
}

export interface PreflightItemView {
  id: string;
  code: string;
  severity: 'error' | 'warning' | 'info';
  title: string;
  detail: string;
  /** The form field it concerns (an Issue path), when it has one. */
  field?: string;
  /** What the fix would add to the creation, one line per change; absent when there is no fix. */
  fix?: string[];
}

/**
 * The preflight panel: `waiting` while the form has errors; `running`; `done` with its items
 * (never an empty "all clear" when it could not check: that is `failed`, with why).
 */
export type PreflightView =
  | { state: 'waiting'; message: string }
  | { state: 'running' }
  | { state: 'done'; items: PreflightItemView[] }
  | { state: 'failed'; message: string };

export interface ServiceFormContext {
  heading: string;
  region: string;
  /** SERVICE_FORM_STRINGS in the display language, keyed by their English text. */
  strings?: Record<string, string>;
}

export type ServiceHostMessage =
  | { type: 'init'; form: ServiceForm; context: ServiceFormContext }
  | { type: 'validation'; errors: Issue[]; warnings: Issue[] }
  | { type: 'choices'; choices: ServiceFormChoices }
  | { type: 'preflight'; preflight: PreflightView }
  /** Progress of a running Create, one line per step. */
  | { type: 'progress'; message: string }
  | ResponseMessage;

export interface ServiceFormWebviewState {
  form: ServiceForm;
  context?: ServiceFormContext;
}

// ---------------------------------------------------------------- checking what arrives

const isRow = record({
  provider: oneOf(FARGATE_CAPACITY_PROVIDERS),
  base: text,
  weight: text,
} satisfies Shape<CapacityProviderRowForm>);

const isCompute = record({
  kind: oneOf(['launchType', 'capacityProviderStrategy'] as const),
  strategy: listOf(isRow, 6),
  platformVersion: text,
} satisfies Shape<ComputeForm>);

const isDeployment = record({
  minimumHealthyPercent: text,
  maximumPercent: text,
  circuitBreaker: isBoolean,
  rollback: isBoolean,
  healthCheckGracePeriod: text,
} satisfies Shape<DeploymentForm>);

const isNewGroup = record({
  create: isBoolean,
  name: text,
  description: text,
  inboundFrom: oneOf(['loadBalancer', 'cidr'] as const),
  inboundCidr: text,
} satisfies Shape<NewSecurityGroupForm>);

const isNetworking = record({
  vpcId: text,
  subnetIds: listOf(text, 200),
  assignPublicIp: isBoolean,
  securityGroupIds: listOf(text, 200),
  newSecurityGroup: isNewGroup,
} satisfies Shape<NetworkingForm>);

const isLoadBalancing = record({
  kind: oneOf(['none', 'existing', 'new'] as const),
  loadBalancerArn: text,
  listenerChoice: oneOf(['existing', 'new'] as const),
  listenerArn: text,
  targetGroupChoice: oneOf(['existing', 'new'] as const),
  targetGroupArn: text,
  loadBalancerName: text,
  loadBalancerSubnetIds: listOf(text, 200),
  loadBalancerSecurityGroupName: text,
  ingressCidr: text,
  listenerPort: text,
  targetGroupName: text,
  healthCheckPath: text,
} satisfies Shape<LoadBalancingForm>);

/** The checks of the service form's fields (exported for the type-level test). */
export const SERVICE_FORM_SHAPE = {
  cluster: text,
  createCluster: isBoolean,
  taskDefinitionFamily: text,
  taskDefinitionRevision: text,
  serviceName: text,
  desiredCount: text,
  compute: isCompute,
  deployment: isDeployment,
  enableExecuteCommand: isBoolean,
  networking: isNetworking,
  loadBalancing: isLoadBalancing,
  containerName: text,
  containerPort: text,
  tags: listOf(isTag),
  enableECSManagedTags: isBoolean,
  propagateTags: oneOf(PROPAGATE_TAGS),
} satisfies Shape<ServiceForm>;

export const isServiceForm: Guard<ServiceForm> = record(SERVICE_FORM_SHAPE);

/** A preflight item's id as the host gives them; the webview sends back the chosen ones. */
const isFixId: Guard<string> = (v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 500;

const SERVICE_COMMANDS: CommandChecks<ServiceFormRequests> = {
  create: record({ form: isServiceForm, fixes: listOf(isFixId, 100) }),
  plan: record({ form: isServiceForm, fixes: listOf(isFixId, 100) }),
  reload: isObject,
};

/** The message if it is one the service form's webview may send, exactly; undefined otherwise. */
export function parseServiceWebviewMessage(value: unknown): ServiceWebviewMessage | undefined {
  return parseFormWebviewMessage(value, isServiceForm, SERVICE_COMMANDS);
}

/** The form a webview saved, if well-formed (a window reload restores it). */
export function parseServiceFormState(value: unknown): ServiceFormWebviewState | undefined {
  return parseSavedForm(value, isServiceForm);
}
