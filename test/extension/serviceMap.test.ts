// The service map in the workbench, on the tutorial's broken world against moto: Show Service
// Map opens the webview, and its host is driven with the messages the webview sends (the webview
// itself is clicked through in test/ui). The map shows each private subnet's paths to ECR, S3
// and CloudWatch Logs broken; choosing a broken edge selects its finding in the report and offers
// the quick fix's own plan and confirmation; after the fixes the map redraws with every edge
// green. Only the questions are scripted (scriptedInput); VS Code, the SDK and moto are real.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { MapEdge, ServiceMap } from '../../src/doctor/map/mapTypes';
import type { MapHostMessage } from '../../src/webviews/serviceMapProtocol';
import type { ServiceMapPanel } from '../../src/webviews/serviceMapPanel';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../support/tutorialWorld';
import { activateExtension, awsWorld, scriptedInput, setEndpoint, type Asked, type AwsWorld, type Script } from './world';

/** No other suite uses this region. */
const REGION = 'ap-southeast-1';
const KEY = { region: REGION, cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName };
const REPORT = vscode.Uri.from({ scheme: 'ecs-studio-doctor', path: `/${REGION}/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}.md` });

type MapMessage = Extract<MapHostMessage, { type: 'map' }>;

function broken(map: ServiceMap): MapEdge[] {
  return map.edges.filter((e) => e.state === 'broken');
}

describe('Service map in the workbench', () => {
  let api: EcsStudioApi;
  let world: AwsWorld;
  let tutorial: TutorialWorld;
  let host: ServiceMapPanel;
  let first: MapMessage;

  async function run(command: string, args: unknown[], script: Script = {}): Promise<Asked> {
    const { input, asked } = scriptedInput(script);
    const answering = api.testing.useUserInput(input);
    try {
      await vscode.commands.executeCommand(command, ...args);
    } finally {
      answering.dispose();
    }
    return asked;
  }

  /** Sends the host one webview message with the questions scripted; returns what it posted and what it asked. */
  async function send(message: unknown, script: Script = {}): Promise<{ posted: MapHostMessage[]; asked: Asked }> {
    const { input, asked } = scriptedInput(script);
    const answering = api.testing.useUserInput(input);
    try {
      return { posted: await host.receive(message), asked };
    } finally {
      answering.dispose();
    }
  }

  /** The map as the host posts it now (after any redraw a new check started). */
  async function latestMap(): Promise<MapMessage> {
    // What a check started by this message redraws is recorded too, once the redraws queued behind it are done.
    const posted = await host.receive({ type: 'ready' });
    await host.redraw();
    const map = posted.filter((m): m is MapMessage => m.type === 'map').pop();
    assert.ok(map, `the host posted no map: ${posted.map((m) => m.type).join(', ')}`);
    return map;
  }

  before(async function () {
    this.timeout(120_000);
    world = await awsWorld();
    tutorial = await seedTutorialWorld(world.moto.url, { region: REGION, stoppedTasks: false });
    api = await activateExtension();
    await setEndpoint(world.proxy.url);
    await run('ecsStudio.selectProfile', [], { pick: () => 'moto-dev' });
    await run('ecsStudio.selectRegion', [], { pick: () => REGION });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Show Service Map draws the tutorial: the front green, each private subnet\'s paths to ECR, S3 and Logs red with their findings', async function () {
    this.timeout(60_000);
    await run('ecsStudio.showServiceMap', [KEY]);
    const opened = api.testing.serviceMap();
    assert.ok(opened, 'a map opened');
    host = opened;
    first = await latestMap();
    const { map, layout } = first;
    const ids = map.nodes.map((n) => n.id);
    for (const subnet of tutorial.privateSubnetIds) assert.ok(ids.includes(`tasks:${subnet}`), `tasks in ${subnet}: ${ids.join(', ')}`);
    for (const key of ['ecr.api', 'ecr.dkr', 's3', 'logs']) assert.ok(ids.includes(`aws:${key}`), `${key}: ${ids.join(', ')}`);
    assert.ok(ids.includes('internet') && ids.some((id) => id.startsWith('lb:')) && ids.some((id) => id.startsWith('tg:')));
    assert.ok(map.nodes.every((n) => layout.nodes[n.id]), 'every node laid out');

    const red = broken(map).map((e) => `${e.from} -> ${e.to} ${e.codes.join('+')}`).sort();
    assert.deepEqual(red, tutorial.privateSubnetIds.flatMap((s) => [
      `tasks:${s} -> aws:ecr.api ENDPOINT_MISSING+ENDPOINT_SG_BLOCKS_443`,
      `tasks:${s} -> aws:ecr.dkr ENDPOINT_MISSING+ENDPOINT_SG_BLOCKS_443`,
      `tasks:${s} -> aws:logs ENDPOINT_MISSING+ENDPOINT_SG_BLOCKS_443+LOG_GROUP_MISSING`,
      `tasks:${s} -> aws:s3 S3_GATEWAY_ENDPOINT_MISSING`,
    ]).sort());
    assert.ok(map.edges.filter((e) => e.from === 'internet' || e.from.startsWith('lb:') || e.from.startsWith('tg:')).every((e) => e.state === 'ok'));
  });

  it('the page allows no inline or foreign script: scripts by nonce only, no inline style', function () {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(host.html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]+'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    // Styles, fonts and images only from the webview's own resource origin (webview.cspSource), scripts only with the nonce.
    assert.deepEqual(csp.split(';').map((d) => d.trim().split(/\s+/)[0]), ['default-src', 'style-src', 'font-src', 'img-src', 'script-src']);
    const scripts = host.html.match(/<script[^>]*>/g) ?? [];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0], /nonce="[^"]+" src="[^"]*serviceMap\.js"/);
  });

  it('a message of the wrong shape, or an edge that is not broken, does nothing', async function () {
    assert.deepEqual((await send({ type: 'openEdge', edgeId: 42 })).posted, []);
    assert.deepEqual((await send({ type: 'bogus' })).posted, []);
    const ok = first.map.edges.find((e) => e.state === 'ok');
    assert.ok(ok);
    const { posted, asked } = await send({ type: 'openEdge', edgeId: ok.id });
    assert.deepEqual(posted, []);
    assert.deepEqual([asked.picks, asked.messages], [[], []]);
  });

  it('choosing a red edge selects its finding in the report and offers the quick fix\'s plan; dismissed, nothing changes', async function () {
    this.timeout(60_000);
    const edge = broken(first.map).find((e) => e.to === 'aws:ecr.api');
    assert.ok(edge);
    const { posted, asked } = await send({ type: 'openEdge', edgeId: edge.id }, {
      pick: (labels) => labels.find((l) => l.startsWith('ENDPOINT_MISSING: ')) ?? labels.find((l) => l.includes('VPC endpoints')) ?? labels[0],
      confirm: () => undefined,
    });
    assert.deepEqual(posted.filter((m) => m.type === 'selected'), [{ type: 'selected', edgeId: edge.id }]);
    assert.equal(asked.picks[0]?.title, 'This path is broken by 2 findings');
    const confirm = asked.messages.find((m) => m.kind === 'confirm');
    assert.ok(confirm, `the plan was shown for confirmation; asked: ${JSON.stringify(asked)}`);
    assert.match(confirm.message, /^Fix ENDPOINT_MISSING.* in service demo-ecs-service\?$/);
    assert.match(confirm.detail ?? '', new RegExp(`in account ${tutorial.accountId} \\(${REGION}\\), in this order:`));
    assert.match(confirm.detail ?? '', new RegExp(`Create interface endpoint com\\.amazonaws\\.${REGION}\\.ecr\\.api in `));
    const report = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === REPORT.toString());
    assert.ok(report, 'the report is open beside the map');
    assert.match(report.document.lineAt(report.selection.active.line).text, /ENDPOINT_MISSING/);
    // Dismissed: the map still shows the same red edges.
    assert.deepEqual(broken((await latestMap()).map).length, broken(first.map).length);
  });

  it('applying the fix from the red edge turns it green; after fixing the rest, every edge is green', async function () {
    this.timeout(120_000);
    const edge = broken(first.map).find((e) => e.to === 'aws:ecr.api');
    assert.ok(edge);
    const { asked } = await send({ type: 'openEdge', edgeId: edge.id }, {
      pick: (labels) => labels.find((l) => l.startsWith('ENDPOINT_MISSING: ')) ?? labels.find((l) => l.includes('VPC endpoints')) ?? labels[0],
      confirm: (_m, actions) => actions[0],
    });
    assert.ok(asked.messages.some((m) => m.kind === 'confirm'), 'confirmed once');
    const after = (await latestMap()).map;
    assert.ok(!after.edges.some((e) => e.to === 'aws:ecr.api' && e.state === 'broken'), `ecr.api still broken: ${broken(after).map((e) => e.id).join(', ')}`);
    assert.ok(after.edges.some((e) => e.from.startsWith('ep:') && e.to === 'aws:ecr.api' && e.state === 'ok'), 'the tasks reach ECR API through its new endpoint');

    await run('ecsStudio.fixAllProblems', [KEY], { pick: (labels) => labels[0], confirm: (_m, a) => a[0] });
    const fixed = (await latestMap()).map;
    assert.deepEqual(broken(fixed).map((e) => e.id), []);
    for (const subnet of tutorial.privateSubnetIds) {
      for (const key of ['ecr.api', 'ecr.dkr', 's3', 'logs']) {
        assert.ok(fixed.edges.some((e) => e.from === `tasks:${subnet}` && e.to.startsWith('ep:') && fixed.edges.some((x) => x.from === e.to && x.to === `aws:${key}` && x.state === 'ok') && e.state === 'ok'),
          `tasks in ${subnet} reach ${key} through an endpoint, green`);
      }
    }
  });

  it('Export SVG saves the map where the save dialog says, with its style inside', async function () {
    this.timeout(30_000);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-map-')), 'map.svg');
    const { input } = scriptedInput({});
    const answering = api.testing.useUserInput({ ...input, saveFile: async () => vscode.Uri.file(file) });
    try {
      await host.receive({ type: 'export' });
    } finally {
      answering.dispose();
    }
    const svg = fs.readFileSync(file, 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="service-map"/);
    assert.match(svg, /<style>/);
    assert.ok(!svg.includes('class="edge broken"'), 'the fixed map has no broken edge');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });
});
