// The doctor's read-only tools for AI agents, defined once: their names, descriptions and JSON
// input schemas. VS Code's language model tools (package.json `languageModelTools`, held equal to
// this table by a unit test) and the `ecs-studio mcp` server both read this table.
//
// Pure module: no vscode, no AWS SDK.

import type { AgentToolName } from './toolNames';

export { AGENT_TOOL_NAMES, vscodeToolName, type AgentToolName } from './toolNames';

/** The subset of JSON Schema the tools' inputs use. */
export interface JsonSchemaProperty {
  readonly type: 'string' | 'integer';
  readonly description: string;
  readonly minLength?: number;
  readonly maxLength?: number;
}

export interface ToolInputSchema {
  readonly type: 'object';
  readonly properties: Readonly<Record<string, JsonSchemaProperty>>;
  readonly required?: readonly string[];
  readonly additionalProperties: false;
}

export interface AgentToolDefinition {
  /** The MCP tool name. */
  readonly name: AgentToolName;
  /** The VS Code tool name: prefixed, since every extension's tools share one namespace. */
  readonly vscodeName: string;
  /** What a user types after `#` in a VS Code chat prompt. */
  readonly toolReferenceName: string;
  /** A short title, for people. */
  readonly displayName: string;
  /** For people, in VS Code's tool picker. */
  readonly userDescription: string;
  /** For the model: what the tool does, when to use it, what it returns, what it never does. */
  readonly modelDescription: string;
  readonly inputSchema: ToolInputSchema;
  readonly tags: readonly string[];
}

/** ECS names are up to 255 characters; an ARN adds its prefix. */
export const NAME_MAX_LENGTH = 1600;
/** A stopped reason is at most 1,024 characters in ECS; a pasted message may carry more. */
export const REASON_MAX_LENGTH = 8192;

const CLUSTER = { type: 'string', minLength: 1, maxLength: NAME_MAX_LENGTH } as const;

const READ_ONLY = 'Read-only: it never changes the AWS account; a fix is the user\'s to apply (the result names the quick fix or command).';

export const AGENT_TOOLS: readonly AgentToolDefinition[] = [
  {
    name: 'diagnose_service',
    vscodeName: 'ecsStudio_diagnose_service',
    toolReferenceName: 'ecsDiagnoseService',
    displayName: 'Diagnose ECS Service',
    userDescription: 'Check why an Amazon ECS service\'s tasks stop: network path, VPC endpoints, IAM, image, logs, load balancer; with the fix plan.',
    modelDescription: 'Diagnoses one Amazon ECS (Fargate) service in the connected AWS account and region, deterministically, from what the ' +
      'account shows: the network path of its tasks (subnets, routes, NAT and internet gateways, VPC endpoints and their security groups, ' +
      'network ACLs, VPC DNS), the execution role\'s trust and policies, the image and its platform, the log group, secrets, and the load ' +
      'balancer wiring and health check. Returns plain text: each finding with a stable code (ENDPOINT_MISSING, LOGS_UNREACHABLE...), ' +
      'severity and evidence naming the resources; the recently stopped tasks with their stop reason explained and what causes it now; ' +
      'and the fix plan step by step, with the VS Code quick fix and the `ecs-studio doctor --fix` command that would apply it. Use it when ' +
      `a user asks why a service does not start, keeps stopping tasks, or fails its health checks. ${READ_ONLY}`,
    inputSchema: {
      type: 'object',
      properties: {
        cluster: { ...CLUSTER, description: 'The cluster\'s name or ARN, e.g. demo-ecs-cluster.' },
        service: { ...CLUSTER, description: 'The service\'s name or ARN, e.g. demo-ecs-service.' },
      },
      required: ['cluster', 'service'],
      additionalProperties: false,
    },
    tags: ['aws', 'ecs', 'fargate', 'diagnostics', 'read-only'],
  },
  {
    name: 'explain_stop_reason',
    vscodeName: 'ecsStudio_explain_stop_reason',
    toolReferenceName: 'ecsExplainStopReason',
    displayName: 'Explain ECS Stop Reason',
    userDescription: 'Explain an Amazon ECS stopped task\'s reason or service event: its cause, the fix and the AWS documentation.',
    modelDescription: 'Explains an Amazon ECS stopped task\'s stoppedReason (or a service event message) without any AWS call: returns the ' +
      'diagnosis code (ECR_UNREACHABLE, LOG_GROUP_MISSING, OUT_OF_MEMORY...), a title, what it means, the fixes and the AWS documentation ' +
      'link. Optionally give the essential container\'s reason and exit code (from DescribeTasks containers[].reason and exitCode), which ' +
      'decide between a container that exited, ran out of memory or could not start. Cut or unknown texts are said to be so, never guessed. ' +
      'To see what in the account causes it, use diagnose_service.',
    inputSchema: {
      type: 'object',
      properties: {
        stoppedReason: { type: 'string', minLength: 1, maxLength: REASON_MAX_LENGTH, description: 'The task\'s stoppedReason, or a service event message, as ECS gave it.' },
        containerReason: { type: 'string', maxLength: REASON_MAX_LENGTH, description: 'Optional: the stopped container\'s reason (containers[].reason).' },
        exitCode: { type: 'integer', description: 'Optional: the stopped container\'s exit code (containers[].exitCode).' },
      },
      required: ['stoppedReason'],
      additionalProperties: false,
    },
    tags: ['aws', 'ecs', 'fargate', 'diagnostics', 'read-only'],
  },
  {
    name: 'list_failing_services',
    vscodeName: 'ecsStudio_list_failing_services',
    toolReferenceName: 'ecsFailingServices',
    displayName: 'List Failing ECS Services',
    userDescription: 'List the Amazon ECS services of the region whose tasks stop with errors, each with what the doctor finds.',
    modelDescription: 'Lists the Amazon ECS services of the connected AWS account and region (or of one cluster) whose recently stopped ' +
      'tasks stopped with an error, as ECS Studio\'s Problems view finds them: each with its stopped tasks\' diagnosis codes and what the ' +
      'doctor finds in the account now (codes and severities). ECS keeps a stopped task for about an hour, so an older failure is not ' +
      'listed. Use it to find which service to look at, then diagnose_service for the details and the fix. ' + READ_ONLY,
    inputSchema: {
      type: 'object',
      properties: {
        cluster: { ...CLUSTER, description: 'Optional: only this cluster (name or ARN). Default: every cluster of the region.' },
      },
      additionalProperties: false,
    },
    tags: ['aws', 'ecs', 'fargate', 'diagnostics', 'read-only'],
  },
];

export function toolDefinition(name: AgentToolName): AgentToolDefinition {
  const found = AGENT_TOOLS.find((t) => t.name === name);
  if (!found) throw new Error(`No agent tool ${name}`);
  return found;
}

/** The tool of a VS Code or MCP name; undefined for any other. */
export function toolNamed(name: string): AgentToolDefinition | undefined {
  return AGENT_TOOLS.find((t) => t.name === name || t.vscodeName === name);
}
