// The doctor's language model tools as an agent calls them: vscode.lm.invokeTool outside a chat
// (toolInvocationToken undefined) against the tutorial's broken world in moto, behind the
// AWS-limits proxy; the text names the findings' codes, the stopped reasons explained and the
// quick fix to run. Outside a chat VS Code shows a tool's confirmation as a modal dialog no
// test can answer, so the invocations run with ecsStudio.languageModelTools.confirm off, and
// the confirmation itself is read through the API's testing hook.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import { seedTutorialWorld, TUTORIAL, TUTORIAL_STOP_REASONS, type TutorialWorld } from '../support/tutorialWorld';
import { connectTo } from './explorerWorld';
import { activateExtension, awsWorld, setUserSetting, type AwsWorld } from './world';

/** No other suite uses this region. */
const REGION = 'ap-northeast-3';
const DIAGNOSE = 'ecsStudio_diagnose_service';
const EXPLAIN = 'ecsStudio_explain_stop_reason';
const LIST = 'ecsStudio_list_failing_services';

function textOf(result: vscode.LanguageModelToolResult): string {
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
}

async function invoke(name: string, input: object, token?: vscode.CancellationToken): Promise<string> {
  return textOf(await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }, token));
}

describe('Language model tools (vscode.lm.invokeTool)', function () {
  this.timeout(120_000);
  let api: EcsStudioApi;
  let world: AwsWorld;
  let tutorial: TutorialWorld;

  before(async function () {
    world = await awsWorld();
    tutorial = await seedTutorialWorld(world.moto.url, { region: REGION });
    api = await activateExtension();
    await connectTo(api, world, REGION);
    await setUserSetting('languageModelTools.confirm', false);
  });

  after(async function () {
    await setUserSetting('languageModelTools.confirm', undefined);
  });

  it('contributes the three tools, tagged, with their input schemas', function () {
    const ours = vscode.lm.tools.filter((t) => t.name.startsWith('ecsStudio_'));
    assert.deepEqual(ours.map((t) => t.name).sort(), [DIAGNOSE, EXPLAIN, LIST]);
    for (const tool of ours) {
      assert.ok(tool.tags.includes('read-only'), tool.name);
      assert.equal((tool.inputSchema as { type?: string } | undefined)?.type, 'object', tool.name);
    }
  });

  it('the confirmation names the region and the profile before any call, and the account once a tool has read it', async function () {
    const input = { cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName };
    await setUserSetting('languageModelTools.confirm', true);
    try {
      const before = await api.testing.prepareLanguageModelTool(DIAGNOSE, input);
      assert.equal(before.confirmation?.title, `Diagnose ECS service ${TUTORIAL.serviceName}?`);
      assert.match(before.confirmation?.message ?? '', new RegExp(`in the account of profile moto-dev, endpoint ${world.proxy.url.replace(/[.]/g, '\\.')} \\(not read yet\\), region ${REGION}\\. Read-only`));
      const explain = await api.testing.prepareLanguageModelTool(EXPLAIN, { stoppedReason: 'x' });
      assert.equal(explain.confirmation, undefined, 'explaining a text reads no account');
      await setUserSetting('languageModelTools.confirm', false);
      await invoke(LIST, {});
      await setUserSetting('languageModelTools.confirm', true);
      const after = await api.testing.prepareLanguageModelTool(DIAGNOSE, input);
      assert.match(after.confirmation?.message ?? '', new RegExp(`in account ${tutorial.accountId} \\(profile moto-dev, endpoint [^)]+\\), region ${REGION}\\.`));
    } finally {
      await setUserSetting('languageModelTools.confirm', false);
    }
  });

  it('diagnose: the findings, the stopped tasks explained and the quick fix that applies the plan', async function () {
    const text = await invoke(DIAGNOSE, { cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName });
    assert.match(text, new RegExp(`^ECS Studio diagnosis · account ${tutorial.accountId} · region ${REGION}`));
    for (const code of ['ENDPOINT_MISSING', 'S3_GATEWAY_ENDPOINT_MISSING', 'LOG_GROUP_MISSING', 'ENDPOINT_SG_BLOCKS_443']) assert.match(text, new RegExp(`ERROR \\[${code}\\]`), code);
    assert.ok(text.includes(JSON.stringify(TUTORIAL_STOP_REASONS.logs)), 'the CloudWatch stop reason, quoted');
    assert.match(text, new RegExp(`ECR_UNREACHABLE: [^\\n]+\\n {3}What it means: [^\\n]+\\n {3}Now: Missing in ${tutorial.vpcId}: com\\.amazonaws\\.${REGION}\\.ecr\\.api`));
    assert.match(text, /LOGS_UNREACHABLE: [^\n]+\n(?: {3}[^\n]+\n)*? {3}Caused now by: [^\n]*LOG_GROUP_MISSING/);
    assert.match(text, /the quick fix "Fix all \d+ fixable problems of service demo-ecs-service: /);
    assert.match(text, /quick fix "Fix: route the task subnets through a NAT gateway \(/);
    assert.match(text, /Read-only: ECS Studio changed nothing in the account\./);
  });

  it('explain: the code, the explanation, the fix and the documentation, without an AWS call', async function () {
    const calls = world.proxy.calls.length;
    const text = await invoke(EXPLAIN, { stoppedReason: TUTORIAL_STOP_REASONS.ecr });
    assert.match(text, /^ECR_UNREACHABLE \(error\): The task cannot reach Amazon ECR\n/);
    assert.match(text, /\nFix:\n- /);
    assert.match(text, /\nAWS documentation: https:\/\/docs\.aws\.amazon\.com\//);
    assert.equal(world.proxy.calls.length, calls);
  });

  it('list: the failing service the Problems scan finds, with what the doctor finds now', async function () {
    const text = await invoke(LIST, {});
    assert.match(text, new RegExp(`^ECS Studio failing services · account ${tutorial.accountId} · region ${REGION}`));
    assert.match(text, /- Service demo-ecs-service in cluster demo-ecs-cluster: 2 tasks stopped with an error \(ECR_UNREACHABLE, LOGS_UNREACHABLE\)\.\n {2}The doctor finds \d+ errors?/);
  });

  it('bad input is refused with the field named, and a cancelled invocation stops', async function () {
    await assert.rejects(invoke(DIAGNOSE, { cluster: TUTORIAL.clusterName, service: '  ' }), /service is empty/);
    const source = new vscode.CancellationTokenSource();
    source.cancel();
    await assert.rejects(invoke(LIST, {}, source.token), (e: Error) => /cancel/i.test(e.name + e.message));
  });
});
