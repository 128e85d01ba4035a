// ecsStudio.endpointUrl is honoured by every call, from the first one: the runner writes the
// setting into the user settings before the workbench starts (runExtensionTests.ts), the suite
// starts the AWS-limits proxy on that port (world.ts), and index.ts installed the
// stray-connection guard before anything activated the extension: a connection to anything but
// loopback is refused and recorded. The last hook of the run asserts none was tried.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import { describeAttempts, guardConnections } from '../support/strayConnections';
import { choose } from './explorerWorld';
import { activateExtension, awsWorld, ROLE_PROFILE_ROLE_ARN, setUserSetting, type AwsWorld } from './world';

const REGION = 'us-east-1';

describe('endpoint: every call goes to ecsStudio.endpointUrl', () => {
  let api: EcsStudioApi;
  let world: AwsWorld;

  before(async function () {
    this.timeout(60_000);
    world = await awsWorld();
    api = await activateExtension();
  });

  after(async () => {
    await choose(api, 'ecsStudio.selectProfile', 'moto-dev');
  });

  it('has the endpoint from the user settings the workbench started with', function () {
    const port = process.env.ECS_STUDIO_TEST_PROXY_PORT;
    if (!port) this.skip(); // the desktop runner starts VS Code without these settings
    const inspected = vscode.workspace.getConfiguration('ecsStudio').inspect<string>('endpointUrl');
    assert.equal(inspected?.globalValue, `http://127.0.0.1:${port}`);
    assert.equal(world.proxy.url, `http://127.0.0.1:${port}`, 'the proxy listens where the settings point');
  });

  it('keeps the endpoint after another user setting is written (the setting was machine-overridable: a remote window dropped it then)', async () => {
    const guard = guardConnections();
    const strayBefore = guard.attempts.length;
    await setUserSetting('autoRefreshSeconds', 3600);
    try {
      assert.equal(vscode.workspace.getConfiguration('ecsStudio').get<string>('endpointUrl'), world.proxy.url, 'the endpoint is still set');
      await choose(api, 'ecsStudio.selectProfile', 'moto-dev');
      await choose(api, 'ecsStudio.selectRegion', REGION);
      world.proxy.resetCalls();
      await vscode.commands.executeCommand('ecsStudio.refreshClusters');
      await api.clusters.getChildren();
      assert.deepEqual(guard.attempts.slice(strayBefore), [], `no connection outside loopback:\n${describeAttempts(guard.attempts.slice(strayBefore))}`);
      assert.ok(world.proxy.calls.some((c) => c.operation === 'ListClusters'), 'ListClusters reached the proxy');
    } finally {
      await setUserSetting('autoRefreshSeconds', undefined);
    }
  });

  it("sends a role profile's AssumeRole (the credential chain's own STS call) to the endpoint, then the view's calls", async () => {
    const guard = guardConnections();
    const strayBefore = guard.attempts.length;
    await choose(api, 'ecsStudio.selectProfile', 'moto-role');
    await choose(api, 'ecsStudio.selectRegion', REGION);
    world.proxy.resetCalls();
    await vscode.commands.executeCommand('ecsStudio.refreshClusters');
    const children = await api.clusters.getChildren();
    assert.deepEqual(guard.attempts.slice(strayBefore), [], `no connection outside loopback:\n${describeAttempts(guard.attempts.slice(strayBefore))}`);
    const labels = children.map((n) => `${String(n.getTreeItem().label)} ${String(n.getTreeItem().description ?? '')}`);
    assert.ok(!labels.some((l) => /^Failed/.test(l)), `the view loaded: ${labels.join(', ')}`);
    const operations = world.proxy.calls.map((c) => `${c.service}:${c.operation}`);
    const assumeRole = operations.indexOf('sts:AssumeRole');
    assert.ok(assumeRole >= 0, `the proxy saw the AssumeRole of ${ROLE_PROFILE_ROLE_ARN}: ${operations.join(', ')}`);
    assert.ok(operations.indexOf('ecs:ListClusters') > assumeRole, `ListClusters after the credentials: ${operations.join(', ')}`);
  });
});

// Root hook: runs after every suite of the run, so it covers the first calls of the run too.
after(function () {
  const { attempts } = guardConnections();
  assert.deepEqual(attempts.map((a) => `${a.host}:${a.port}`), [], `connections outside loopback during the run:\n${describeAttempts(attempts)}`);
});
