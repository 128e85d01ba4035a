import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import { activateExtension, awsWorld, scriptedInput, setEndpoint } from './world';

describe('connection: profile and region', () => {
  let api: EcsStudioApi;

  before(async function () {
    this.timeout(60_000);
    const { proxy } = await awsWorld();
    api = await activateExtension();
    await setEndpoint(proxy.url);
    // Start from a workspace where nothing was chosen (other suites choose too).
    await api.connections.setProfile(undefined);
    await api.connections.setRegion(undefined);
  });

  it('offers the profiles of the shared files and remembers the one chosen', async () => {
    const { input, asked } = scriptedInput({ pick: () => 'moto-eu' });
    const answering = api.testing.useUserInput(input);
    try {
      await vscode.commands.executeCommand('ecsStudio.selectProfile');
    } finally {
      answering.dispose();
    }
    assert.equal(asked.picks.length, 1);
    const labels = asked.picks[0]?.labels ?? [];
    for (const name of ['moto-dev', 'moto-eu', 'no-keys']) assert.ok(labels.includes(name), `${name} offered in ${labels.join(', ')}`);
    assert.equal(api.connections.profile, 'moto-eu');
    const connection = await api.connections.resolve();
    assert.equal(connection.region, 'eu-west-1', 'the region comes from the profile when none was chosen');
  });

  it('changes the region with the quick pick and keeps the profile', async () => {
    const { input, asked } = scriptedInput({ pick: () => 'us-east-1' });
    const answering = api.testing.useUserInput(input);
    try {
      await vscode.commands.executeCommand('ecsStudio.selectRegion');
    } finally {
      answering.dispose();
    }
    assert.ok(asked.picks[0]?.labels.includes('ap-northeast-2'));
    assert.equal(api.connections.chosenRegion, 'us-east-1');
    const connection = await api.connections.resolve();
    assert.deepEqual({ profile: connection.profile, region: connection.region }, { profile: 'moto-eu', region: 'us-east-1' });
  });

  it('accepts a typed region name through "Other region…" and refuses a bad one', async () => {
    const { input } = scriptedInput({ pick: (labels) => labels.find((l) => l.startsWith('Other')), text: () => 'ap-northeast-2' });
    let answering = api.testing.useUserInput(input);
    try {
      await vscode.commands.executeCommand('ecsStudio.selectRegion');
    } finally {
      answering.dispose();
    }
    assert.equal(api.connections.chosenRegion, 'ap-northeast-2');
    const bad = scriptedInput({ pick: (labels) => labels.find((l) => l.startsWith('Other')), text: () => 'seoul' });
    answering = api.testing.useUserInput(bad.input);
    try {
      await vscode.commands.executeCommand('ecsStudio.selectRegion');
    } finally {
      answering.dispose();
    }
    assert.equal(api.connections.chosenRegion, 'ap-northeast-2', 'a bad region name changes nothing');
  });

  it('changes nothing when the quick pick is dismissed', async () => {
    const before = api.connections.profile;
    const answering = api.testing.useUserInput(scriptedInput({ pick: () => undefined }).input);
    try {
      await vscode.commands.executeCommand('ecsStudio.selectProfile');
    } finally {
      answering.dispose();
    }
    assert.equal(api.connections.profile, before);
  });
});
