// The agent tools' inputs, checked against their schemas (toolDefinitions.ts) before anything
// runs: a caller that skips the schema (an MCP client, another extension) gets a clear message
// naming the field, and no AWS call is made.
//
// Pure module: no vscode, no AWS SDK.

import { toolDefinition, type AgentToolName, type JsonSchemaProperty } from './toolDefinitions';

export interface DiagnoseInput { readonly cluster: string; readonly service: string }
export interface ExplainInput { readonly stoppedReason: string; readonly containerReason?: string; readonly exitCode?: number }
export interface ListInput { readonly cluster?: string }

export type ToolCall =
  | { readonly tool: 'diagnose_service'; readonly input: DiagnoseInput }
  | { readonly tool: 'explain_stop_reason'; readonly input: ExplainInput }
  | { readonly tool: 'list_failing_services'; readonly input: ListInput };

export type ParsedToolCall = { readonly ok: true; readonly call: ToolCall } | { readonly ok: false; readonly message: string };

function fieldError(name: string, field: string, property: JsonSchemaProperty, value: unknown): string | undefined {
  if (property.type === 'integer') {
    return typeof value === 'number' && Number.isInteger(value) ? undefined : `${name}: ${field} must be an integer, not ${JSON.stringify(value)}.`;
  }
  if (typeof value !== 'string') return `${name}: ${field} must be a string, not ${value === null ? 'null' : typeof value}.`;
  const length = value.trim().length;
  if (property.minLength !== undefined && length < property.minLength) return `${name}: ${field} is empty.`;
  if (property.maxLength !== undefined && value.length > property.maxLength) {
    return `${name}: ${field} is ${value.length} characters long; at most ${property.maxLength}.`;
  }
  return undefined;
}

/** The input's fields, trimmed, when they match the tool's schema; else the first fault, said plainly. */
function checkedFields(name: AgentToolName, input: unknown): { ok: true; fields: Record<string, string | number> } | { ok: false; message: string } {
  const schema = toolDefinition(name).inputSchema;
  const given = input ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) return { ok: false, message: `${name}: the input must be an object with ${Object.keys(schema.properties).join(', ')}.` };
  const record = given as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => !(k in schema.properties));
  if (unknown.length > 0) {
    return { ok: false, message: `${name}: unknown field ${unknown.join(', ')}; it takes ${Object.keys(schema.properties).join(', ')}.` };
  }
  const missing = (schema.required ?? []).filter((k) => record[k] === undefined);
  if (missing.length > 0) return { ok: false, message: `${name}: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} required.` };
  const fields: Record<string, string | number> = {};
  for (const [field, property] of Object.entries(schema.properties)) {
    const value = record[field];
    if (value === undefined) continue;
    const error = fieldError(name, field, property, value);
    if (error) return { ok: false, message: error };
    if (typeof value === 'string') {
      // An optional text left empty is as good as left out.
      if (value.trim() !== '') fields[field] = value.trim();
    } else {
      fields[field] = value as number;
    }
  }
  return { ok: true, fields };
}

/** Checks a call to the tool named `name` (MCP or VS Code name) with `input`. */
export function parseToolCall(name: AgentToolName, input: unknown): ParsedToolCall {
  const checked = checkedFields(name, input);
  if (!checked.ok) return checked;
  const f = checked.fields;
  const text = (k: string): string | undefined => (typeof f[k] === 'string' ? f[k] : undefined);
  switch (name) {
    case 'diagnose_service':
      return { ok: true, call: { tool: name, input: { cluster: text('cluster') ?? '', service: text('service') ?? '' } } };
    case 'explain_stop_reason': {
      const containerReason = text('containerReason');
      const exitCode = typeof f.exitCode === 'number' ? f.exitCode : undefined;
      return {
        ok: true,
        call: {
          tool: name,
          input: { stoppedReason: text('stoppedReason') ?? '', ...(containerReason ? { containerReason } : {}), ...(exitCode !== undefined ? { exitCode } : {}) },
        },
      };
    }
    case 'list_failing_services': {
      const cluster = text('cluster');
      return { ok: true, call: { tool: name, input: cluster ? { cluster } : {} } };
    }
  }
}
