// `ecs-studio mcp`: the doctor's read-only agent tools (src/agentTools) served over the Model
// Context Protocol on stdin/stdout, with @modelcontextprotocol/sdk. A bundle of its own
// (dist/mcpServer.js) that main.ts requires only for `mcp`, so the other commands never load or
// parse the SDK; it runs the tools through the `run` main.ts hands it (the AWS layer stays in
// dist/cli.js, once).
//
// stdout carries JSON-RPC only: every message for people goes to stderr.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { AGENT_TOOLS, toolNamed, type AgentToolDefinition, type AgentToolName } from '../agentTools/toolDefinitions';
import type { AgentToolResult } from '../aws/agentTools';

export interface McpIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

const INSTRUCTIONS = 'ECS Studio\'s doctor for Amazon ECS on Fargate, read-only. list_failing_services finds the services whose tasks ' +
  'stop with errors; diagnose_service explains why one service\'s tasks stop, with evidence from the account and the fix plan; ' +
  'explain_stop_reason explains a stoppedReason without any AWS call. No tool changes the account: a result names the VS Code quick fix ' +
  'or the `ecs-studio doctor --fix` command the user runs to apply a fix.';

/** The MCP listing of one tool: its schema as is, and read-only hints (it reads AWS, an open world). */
export function mcpTool(tool: AgentToolDefinition): Tool {
  return {
    name: tool.name,
    title: tool.displayName,
    description: tool.modelDescription,
    inputSchema: { ...tool.inputSchema, properties: { ...tool.inputSchema.properties }, required: [...(tool.inputSchema.required ?? [])] },
    annotations: {
      title: tool.displayName,
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: tool.name !== 'explain_stop_reason',
    },
  };
}

export interface McpServerOptions {
  readonly io: McpIo;
  readonly version: string;
  /** The region the tools read (said on stderr when the server starts). */
  readonly region: string;
  /** Runs one tool call (runAgentTool on the command line's session). */
  readonly run: (name: AgentToolName, input: unknown, signal: AbortSignal) => Promise<AgentToolResult>;
}

/** Serves the tools on `io` until stdin ends or the client closes; resolves to the exit code. */
export async function serveMcp({ io, version, region, run }: McpServerOptions): Promise<number> {
  const server = new Server({ name: 'ecs-studio', version }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: AGENT_TOOLS.map(mcpTool) }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const tool = toolNamed(request.params.name);
    if (!tool) {
      return { content: [{ type: 'text', text: `Unknown tool ${request.params.name}: ECS Studio serves ${AGENT_TOOLS.map((t) => t.name).join(', ')}.` }], isError: true };
    }
    const result = await run(tool.name, request.params.arguments ?? {}, extra.signal);
    return { content: [{ type: 'text', text: result.text }], isError: result.isError };
  });
  const transport = new StdioServerTransport(io.stdin as never, io.stdout as never);
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
  });
  server.onerror = (error) => {
    io.stderr.write(`ecs-studio mcp: ${error.message}\n`);
  };
  await server.connect(transport);
  io.stderr.write(`ecs-studio mcp: serving ${AGENT_TOOLS.length} read-only tools in ${region} on stdio.\n`);
  // The client closing its end of stdin ends the session.
  const ended = () => void server.close();
  io.stdin.once('end', ended);
  io.stdin.once('close', ended);
  await closed;
  io.stdin.off('end', ended);
  io.stdin.off('close', ended);
  return 0;
}
