// The agent tools' names alone: what VS Code's registration at activation needs, without the
// descriptions and schemas (toolDefinitions.ts), which stay out of the activation bundle.
//
// Pure module: no vscode, no AWS SDK.

export const AGENT_TOOL_NAMES = ['diagnose_service', 'explain_stop_reason', 'list_failing_services'] as const;

export type AgentToolName = (typeof AGENT_TOOL_NAMES)[number];

/** A tool's VS Code name: prefixed, since every extension's tools share one namespace. */
export function vscodeToolName(name: AgentToolName): string {
  return `ecsStudio_${name}`;
}
