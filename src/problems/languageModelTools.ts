/**
 * The doctor's read-only tools for agents in VS Code chat (package.json `languageModelTools`,
 * defined once in src/agentTools with the `ecs-studio mcp` server's). Registering them is all
 * activation does: the AWS layer loads on the first invocation (AwsContext.current), which runs
 * the tool on the current connection's session (loadAws().runAgentTool) and answers plain text.
 *
 * prepareInvocation asks first (unless ecsStudio.languageModelTools.confirm is off), naming the
 * region and the account: the account a previous tool result showed for this connection, else
 * the profile and endpoint, with no AWS call made just to name it.
 */
import * as vscode from 'vscode';
import { loadAws } from '../awsModule';
import type { AwsContext } from '../connection/awsContext';
import type { ConnectionStore } from '../connection/connectionStore';
// Only the names: the definitions' descriptions live in package.json and the AWS layer, not in the activation bundle.
import { AGENT_TOOL_NAMES, vscodeToolName, type AgentToolName } from '../agentTools/toolNames';

interface RegisteredTool {
  readonly name: AgentToolName;
  readonly vscodeName: string;
}

const TOOLS: readonly RegisteredTool[] = AGENT_TOOL_NAMES.map((name) => ({ name, vscodeName: vscodeToolName(name) }));
import { connectionKey, describeConnection, effectiveProfileName, type Connection } from '../model/connection';

const CONFIRM_SETTING = 'languageModelTools.confirm';

/** What prepareInvocation says: the progress message and, when asked for, the confirmation. */
export interface ToolConfirmation {
  readonly invocationMessage: string;
  readonly confirmation?: { readonly title: string; readonly message: string };
}

function text(input: unknown, field: string): string | undefined {
  const value = input && typeof input === 'object' ? (input as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** "account 123456789012 (profile moto-dev), region eu-west-1", or the profile and endpoint when the account is not known yet. */
function where(connection: Connection, account: string | undefined): string {
  const profile = `profile ${effectiveProfileName(connection)}`;
  const endpoint = connection.endpointUrl ? `, endpoint ${connection.endpointUrl}` : '';
  return account
    ? `account ${account} (${profile}${endpoint}), region ${connection.region}`
    : `the account of ${profile}${endpoint} (not read yet), region ${connection.region}`;
}

export class LanguageModelTools implements vscode.Disposable {
  /** The account each connection's tool results named (connectionKey -> account id). */
  private readonly accounts = new Map<string, string>();
  private readonly registrations: vscode.Disposable[];

  constructor(private readonly aws: AwsContext, private readonly connections: ConnectionStore) {
    this.registrations = TOOLS.map((tool) => vscode.lm.registerTool<object>(tool.vscodeName, {
      prepareInvocation: async (options) => {
        const prepared = await this.prepare(tool, options.input);
        return {
          invocationMessage: prepared.invocationMessage,
          ...(prepared.confirmation ? { confirmationMessages: prepared.confirmation } : {}),
        };
      },
      invoke: (options, token) => this.invoke(tool, options.input, token),
    }));
  }

  /** What the tool will read, and where; asks first for the tools that read the account. */
  async prepare(tool: RegisteredTool, input: unknown): Promise<ToolConfirmation> {
    if (tool.name === 'explain_stop_reason') return { invocationMessage: 'Explaining the stop reason (no AWS call)' };
    const connection = await this.connections.resolve();
    const scope = where(connection, this.accounts.get(connectionKey(connection)));
    const cluster = text(input, 'cluster');
    const [title, invocationMessage, reads] = tool.name === 'diagnose_service'
      ? [`Diagnose ECS service ${text(input, 'service') ?? '?'}?`, `Diagnosing ECS service ${text(input, 'service') ?? '?'} in ${describeConnection(connection)}`,
        `the service ${text(input, 'service') ?? '?'} of cluster ${cluster ?? '?'}, its task definition, network, IAM roles, image, log group and load balancer`]
      : [`List failing ECS services${cluster ? ` of ${cluster}` : ''}?`, `Looking for failing ECS services in ${describeConnection(connection)}`,
        `${cluster ? `cluster ${cluster}` : 'every cluster'}'s recently stopped tasks, and checks each failing service as Diagnose does`];
    const confirm = vscode.workspace.getConfiguration('ecsStudio').get<boolean>(CONFIRM_SETTING, true);
    return {
      invocationMessage,
      ...(confirm ? { confirmation: { title, message: `ECS Studio will read ${reads} in ${scope}. Read-only: it changes nothing.` } } : {}),
    };
  }

  /** prepare() of the tool with this VS Code name (the tests read the confirmation through the API). */
  prepareNamed(vscodeName: string, input: unknown): Promise<ToolConfirmation> {
    const tool = TOOLS.find((t) => t.vscodeName === vscodeName);
    if (!tool) throw new Error(`No ECS Studio tool ${vscodeName}`);
    return this.prepare(tool, input);
  }

  async invoke(tool: RegisteredTool, input: unknown, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
    const abort = new AbortController();
    const cancelled = token.onCancellationRequested(() => abort.abort());
    try {
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      const session = await this.aws.current();
      const result = await loadAws().runAgentTool(session, tool.name, input, { signal: abort.signal, surface: 'extension' });
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      if (result.accountId) this.accounts.set(connectionKey(session.connection), result.accountId);
      // An error goes back to the model as the tool's failure, in words it can repeat.
      if (result.isError) throw new Error(result.text);
      return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(result.text)]);
    } catch (e) {
      if (token.isCancellationRequested) throw new vscode.CancellationError();
      throw e;
    } finally {
      cancelled.dispose();
    }
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
  }
}
