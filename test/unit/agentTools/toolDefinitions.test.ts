// The agent tools' one definition: package.json's languageModelTools say exactly what the table
// says (VS Code reads the manifest, the MCP server the table), and every input is checked
// against its schema before anything runs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AGENT_TOOL_NAMES, AGENT_TOOLS, NAME_MAX_LENGTH, toolNamed, vscodeToolName } from '../../../src/agentTools/toolDefinitions';
import { parseToolCall } from '../../../src/agentTools/toolInput';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: { languageModelTools: Array<Record<string, unknown>>; configuration: { properties: Record<string, unknown> } };
};

describe('agentTools/toolDefinitions', () => {
  it('package.json contributes each tool as the table defines it, referenceable in prompts', () => {
    const contributed = manifest.contributes.languageModelTools;
    assert.deepEqual(contributed.map((t) => t.name), AGENT_TOOLS.map((t) => t.vscodeName));
    for (const tool of AGENT_TOOLS) {
      const c = contributed.find((t) => t.name === tool.vscodeName);
      assert.deepEqual(
        { displayName: c?.displayName, toolReferenceName: c?.toolReferenceName, userDescription: c?.userDescription, modelDescription: c?.modelDescription, tags: c?.tags, inputSchema: c?.inputSchema },
        { displayName: tool.displayName, toolReferenceName: tool.toolReferenceName, userDescription: tool.userDescription, modelDescription: tool.modelDescription, tags: tool.tags, inputSchema: tool.inputSchema },
        tool.name,
      );
      assert.equal(c?.canBeReferencedInPrompt, true);
      // VS Code's rules for contributed tools: /^[\w-]+$/, no copilot_/vscode_ prefix.
      assert.match(tool.vscodeName, /^(?!copilot_|vscode_)[\w-]+$/);
      assert.match(tool.toolReferenceName, /^[\w-]+$/);
    }
    assert.deepEqual(AGENT_TOOLS.map((t) => t.name), [...AGENT_TOOL_NAMES]);
    // The registration at activation knows only the names (toolNames.ts): it must reach the same VS Code names.
    assert.deepEqual(AGENT_TOOLS.map((t) => vscodeToolName(t.name)), AGENT_TOOLS.map((t) => t.vscodeName));
    assert.ok('ecsStudio.languageModelTools.confirm' in manifest.contributes.configuration.properties);
    // VS Code derives onLanguageModelTool:NAME from the contribution; none is listed by hand.
    assert.ok(!manifest.activationEvents.some((e) => e.startsWith('onLanguageModelTool:')));
  });

  it('every model description says the tool changes nothing; the schemas are closed objects', () => {
    for (const tool of AGENT_TOOLS) {
      assert.match(tool.modelDescription, /never changes|without any AWS call/, tool.name);
      assert.equal(tool.inputSchema.additionalProperties, false, tool.name);
      for (const required of tool.inputSchema.required ?? []) assert.ok(required in tool.inputSchema.properties, `${tool.name}.${required}`);
    }
  });

  it('finds a tool by its MCP or its VS Code name, and no other', () => {
    assert.equal(toolNamed('diagnose_service')?.name, 'diagnose_service');
    assert.equal(toolNamed('ecsStudio_list_failing_services')?.name, 'list_failing_services');
    assert.equal(toolNamed('apply_fix'), undefined);
  });
});

describe('agentTools/toolInput', () => {
  it('accepts the required fields, trimmed, and drops empty optional text', () => {
    assert.deepEqual(parseToolCall('diagnose_service', { cluster: ' c ', service: 's' }), { ok: true, call: { tool: 'diagnose_service', input: { cluster: 'c', service: 's' } } });
    assert.deepEqual(parseToolCall('list_failing_services', undefined), { ok: true, call: { tool: 'list_failing_services', input: {} } });
    // The schema's minLength holds for an optional name too: an empty cluster is a mistake, not "every cluster".
    assert.deepEqual(parseToolCall('list_failing_services', { cluster: '' }), { ok: false, message: 'list_failing_services: cluster is empty.' });
    assert.deepEqual(parseToolCall('explain_stop_reason', { stoppedReason: 'x', containerReason: ' ', exitCode: 0 }),
      { ok: true, call: { tool: 'explain_stop_reason', input: { stoppedReason: 'x', exitCode: 0 } } });
  });

  it('refuses each fault with the field named', () => {
    const cases: Array<[Parameters<typeof parseToolCall>[0], unknown, RegExp]> = [
      ['diagnose_service', { cluster: 'c' }, /^diagnose_service: service is required\.$/],
      ['diagnose_service', {}, /cluster and service are required/],
      ['diagnose_service', { cluster: 'c', service: '   ' }, /service is empty/],
      ['diagnose_service', { cluster: 'c', service: 7 }, /service must be a string, not number/],
      ['diagnose_service', { cluster: null, service: 's' }, /cluster must be a string, not null/],
      ['diagnose_service', { cluster: 'c'.repeat(NAME_MAX_LENGTH + 1), service: 's' }, new RegExp(`${NAME_MAX_LENGTH + 1} characters long; at most ${NAME_MAX_LENGTH}`)],
      ['diagnose_service', { cluster: 'c', service: 's', fix: true }, /unknown field fix; it takes cluster, service/],
      ['diagnose_service', ['c', 's'], /the input must be an object/],
      ['explain_stop_reason', { stoppedReason: 'x', exitCode: 1.5 }, /exitCode must be an integer, not 1\.5/],
      ['explain_stop_reason', { stoppedReason: 'x', exitCode: '137' }, /exitCode must be an integer/],
    ];
    for (const [name, input, message] of cases) {
      const parsed = parseToolCall(name, input);
      assert.equal(parsed.ok, false, JSON.stringify(input));
      if (!parsed.ok) assert.match(parsed.message, message);
    }
    // At the limit exactly: accepted.
    assert.equal(parseToolCall('diagnose_service', { cluster: 'c'.repeat(NAME_MAX_LENGTH), service: 's' }).ok, true);
  });
});
