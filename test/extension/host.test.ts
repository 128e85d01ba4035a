// Proves the suite runs inside a real VS Code extension host (not a mock of the API), and that
// the extension under development is loaded there and activates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'ecs-studio.ecs-studio';
const EXTENSION_HOST_ENTRY_POINT = 'vs/workbench/api/node/extensionHostProcess';

function versionParts(version: string): number[] {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  assert.ok(match, `not a version: ${version}`);
  return match.slice(1).map(Number);
}

function atLeast(actual: number[], floor: number[]): boolean {
  for (let i = 0; i < floor.length; i++) {
    if (actual[i] !== floor[i]) return actual[i] > floor[i];
  }
  return true;
}

describe('extension host', () => {
  it('is a real VS Code extension host process', () => {
    const uiKind = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
    console.log(`      appHost=${vscode.env.appHost} appName=${vscode.env.appName} uiKind=${uiKind} ` +
      `remoteName=${vscode.env.remoteName ?? '(local)'} vscode=${vscode.version} node=${process.versions.node}`);

    assert.equal(typeof vscode.env.appHost, 'string');
    assert.notEqual(vscode.env.appHost, '');
    versionParts(vscode.version);
    // VS Code starts every extension host process (forked by code-server's server, or an Electron
    // utility process on the desktop) from this entry point.
    assert.equal(process.env.VSCODE_ESM_ENTRYPOINT, EXTENSION_HOST_ENTRY_POINT);
    // ...and talks to it over IPC: child_process.fork (process.send) or Electron (parentPort).
    const parentPort = (process as { parentPort?: unknown }).parentPort;
    assert.ok(typeof process.send === 'function' || parentPort !== undefined, 'no IPC channel to the parent process');
    assert.ok(atLeast(versionParts(process.versions.node), [20, 0, 0]), `Node ${process.versions.node} is older than 20`);
  });

  it(`loads and activates ${EXTENSION_ID}`, async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded in this extension host`);
    const floor = String((ext.packageJSON as { engines?: { vscode?: string } }).engines?.vscode ?? '').replace(/^[\^~>=]+/, '');
    assert.ok(atLeast(versionParts(vscode.version), versionParts(floor)), `VS Code ${vscode.version} is below engines.vscode ${floor}`);
    const api = (await ext.activate()) as { testing?: { isAwsLoaded(): boolean } };
    assert.equal(ext.isActive, true);
    // index.ts runs this file first: nothing has asked for AWS yet, so activation alone must not
    // have loaded the AWS layer (dist/aws.js) or made any call.
    assert.equal(api.testing?.isAwsLoaded(), false, 'activation loaded the AWS layer');
  });

  it('registers the contributed commands once active', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const command of ['ecsStudio.selectProfile', 'ecsStudio.selectRegion']) {
      assert.ok(commands.has(command), `${command} is not registered`);
    }
  });
});
