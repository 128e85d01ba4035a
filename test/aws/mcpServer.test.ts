// `ecs-studio mcp` as an MCP client runs it: the SDK's Client with StdioClientTransport spawns
// `node dist/cli.js mcp --endpoint-url <proxy> --region R` (a clean environment, keys from env,
// no ~/.aws) against the tutorial's world in moto, behind the AWS-limits proxy; lists the tools,
// calls each and reads the text. The transport spawns asynchronously, so the proxy (served by
// this process) answers. Needs the bundles: `npm run build`.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { BUILT_CLI } from '../support/cliProcess';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedTutorialWorld, TUTORIAL, TUTORIAL_STOP_REASONS, type TutorialWorld } from '../support/tutorialWorld';
import { moto, resetMoto } from './setup';

const REGION = 'eu-west-1';

describe('ecs-studio mcp: the agent tools over stdio (MCP SDK client, tutorial world)', function () {
  this.timeout(120_000);
  let world: TutorialWorld;
  let proxy: AwsLimitsProxy;
  let home: string;
  let client: Client;
  let stderr = '';

  function environment(): Record<string, string> {
    return {
      PATH: process.env.PATH ?? '',
      HOME: home,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: path.join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
    };
  }

  function mcpArgs(): string[] {
    return [BUILT_CLI, 'mcp', '--endpoint-url', proxy.url, '--region', REGION];
  }

  async function call(name: string, args: Record<string, unknown>): Promise<{ text: string; isError: boolean }> {
    const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
    const text = result.content.map((c) => (c.type === 'text' ? c.text : `[${c.type}]`)).join('\n');
    return { text, isError: result.isError === true };
  }

  before(async function () {
    if (!fs.existsSync(path.join(path.dirname(BUILT_CLI), 'mcpServer.js'))) throw new Error('dist/mcpServer.js is missing: run `npm run build` first.');
    await resetMoto();
    world = await seedTutorialWorld(moto().url, { region: REGION });
    proxy = await startAwsLimitsProxy(moto().url);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-mcp-'));
    const transport = new StdioClientTransport({ command: process.execPath, args: mcpArgs(), env: environment(), stderr: 'pipe' });
    transport.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    client = new Client({ name: 'ecs-studio-test', version: '0.0.0' });
    await client.connect(transport);
  });

  after(async function () {
    await client?.close();
    await proxy?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('lists the three tools, read-only, with their JSON input schemas', async function () {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((t) => t.name).sort(), ['diagnose_service', 'explain_stop_reason', 'list_failing_services']);
    for (const tool of tools) {
      assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
      assert.equal(tool.annotations?.destructiveHint, false, tool.name);
      assert.equal(tool.inputSchema.type, 'object');
    }
    const diagnose = tools.find((t) => t.name === 'diagnose_service');
    assert.deepEqual(diagnose?.inputSchema.required, ['cluster', 'service']);
    assert.match(stderr, /serving 3 read-only tools in eu-west-1 on stdio/);
  });

  it('diagnose_service: the findings, the stopped tasks explained and the plan, named by the quick fix and --fix', async function () {
    const { text, isError } = await call('diagnose_service', { cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName });
    assert.equal(isError, false, text);
    assert.match(text, new RegExp(`^ECS Studio diagnosis · account ${world.accountId} · region ${REGION} · endpoint http://127\\.0\\.0\\.1:\\d+\n`));
    for (const code of ['ENDPOINT_MISSING', 'S3_GATEWAY_ENDPOINT_MISSING', 'LOG_GROUP_MISSING']) assert.match(text, new RegExp(`ERROR \\[${code}\\]`), code);
    assert.match(text, new RegExp(`The interface endpoint com\\.amazonaws\\.${REGION}\\.ecr\\.api is missing`));
    // Both of the tutorial's stopped tasks, their reasons explained by what is missing now.
    assert.match(text, /Recently stopped tasks \(2\):/);
    assert.ok(text.includes(JSON.stringify(TUTORIAL_STOP_REASONS.ecr)), 'the ECR stop reason, quoted');
    assert.match(text, /ECR_UNREACHABLE: [^\n]+\n {3}What it means: [^\n]+\n {3}Now: Missing in vpc-/);
    assert.match(text, /LOGS_UNREACHABLE: /);
    assert.match(text, /Fix plan \(8 steps, not applied\):\n {2}1\. /);
    assert.match(text, /the quick fix "Fix all \d+ fixable problems of service demo-ecs-service: create /);
    assert.ok(text.includes(`\`ecs-studio doctor --cluster demo-ecs-cluster --service demo-ecs-service --region ${REGION} --endpoint-url ${proxy.url} --fix\``), text);
    assert.match(text, /Read-only: ECS Studio changed nothing in the account\./);
    assert.equal(proxy.calls.filter((c) => /^(Create|Modify|Authorize|Update|Put|Attach)/.test(c.operation)).length, 0, 'no write call');
  });

  it('explain_stop_reason: the code, explanation, fix and documentation, with a container exit code', async function () {
    const ecr = await call('explain_stop_reason', { stoppedReason: TUTORIAL_STOP_REASONS.ecr });
    assert.equal(ecr.isError, false, ecr.text);
    assert.match(ecr.text, /^ECR_UNREACHABLE \(error\): /);
    assert.match(ecr.text, /\nWhat it means: /);
    assert.match(ecr.text, /\nFix:\n- /);
    assert.match(ecr.text, /\nAWS documentation: https:\/\/docs\.aws\.amazon\.com\//);
    const oom = await call('explain_stop_reason', { stoppedReason: 'Essential container in task exited', containerReason: 'OutOfMemoryError: Container killed due to memory usage', exitCode: 137 });
    assert.match(oom.text, /^OUT_OF_MEMORY \(error\): /);
    assert.match(oom.text, /exitCode=137/);
  });

  it('list_failing_services: the tutorial service, as the Problems scan finds it, with what the doctor finds', async function () {
    const { text, isError } = await call('list_failing_services', {});
    assert.equal(isError, false, text);
    assert.match(text, new RegExp(`^ECS Studio failing services · account ${world.accountId} · region ${REGION}`));
    assert.match(text, /Failing services in the 1 cluster of the region \(1\):\n- Service demo-ecs-service in cluster demo-ecs-cluster: 2 tasks stopped with an error \(ECR_UNREACHABLE, LOGS_UNREACHABLE\)\.\n {2}The doctor finds \d+ errors?, \d+ warnings? now: [^\n]*ENDPOINT_MISSING/);
    const one = await call('list_failing_services', { cluster: TUTORIAL.clusterName });
    assert.match(one.text, /Failing services in cluster demo-ecs-cluster \(1\):/);
  });

  it('bad input and AWS errors are results that say so (isError), and nothing runs', async function () {
    const before = proxy.calls.length;
    const missing = await call('diagnose_service', { cluster: TUTORIAL.clusterName });
    assert.deepEqual(missing, { text: 'diagnose_service: service is required.', isError: true });
    const extra = await call('explain_stop_reason', { stoppedReason: 'x', region: 'us-east-1' });
    assert.match(extra.text, /unknown field region/);
    assert.equal(proxy.calls.length, before, 'no AWS call for bad input');
    const unknown = await call('diagnose_service', { cluster: TUTORIAL.clusterName, service: 'nope' });
    assert.equal(unknown.isError, true);
    assert.match(unknown.text, /Service nope was not found in cluster demo-ecs-cluster/);
    const noCluster = await call('list_failing_services', { cluster: 'no-such-cluster' });
    assert.equal(noCluster.isError, true, noCluster.text);
  });

  it('writes nothing but JSON-RPC to stdout; the start message goes to stderr', async function () {
    const child = spawn(process.execPath, mcpArgs(), { env: environment(), stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => { out += c.toString('utf8'); });
    child.stderr.on('data', (c: Buffer) => { err += c.toString('utf8'); });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } } });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_failing_services', arguments: {} } });
    // Closing stdin ends the server once it has answered.
    await new Promise<void>((resolve) => {
      const check = () => {
        if (out.includes('"id":2')) resolve();
        else child.stdout.once('data', check);
      };
      check();
    });
    child.stdin.end();
    assert.equal(await exited, 0, err);
    const lines = out.trimEnd().split('\n');
    for (const line of lines) assert.equal((JSON.parse(line) as { jsonrpc?: string }).jsonrpc, '2.0', line);
    assert.deepEqual(lines.map((l) => (JSON.parse(l) as { id?: number }).id), [1, 2]);
    assert.match(err, /ecs-studio mcp: serving 3 read-only tools/);
  });
});
