import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { TreeNode } from '../../src/tree/treeNode';
import { DeleteClusterCommand } from '@aws-sdk/client-ecs';
import { ecsClient, seedClusters } from '../support/seed';
import { activateExtension, awsWorld, scriptedInput, setEndpoint, type AwsWorld } from './world';

function label(node: TreeNode): string {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : l?.label ?? '';
}

async function choose(api: EcsStudioApi, command: string, answer: string): Promise<void> {
  const answering = api.testing.useUserInput(scriptedInput({ pick: () => answer }).input);
  try {
    await vscode.commands.executeCommand(command);
  } finally {
    answering.dispose();
  }
}

describe('Clusters view', () => {
  let api: EcsStudioApi;
  let world: AwsWorld;
  const names = Array.from({ length: 120 }, (_, i) => `svc-cluster-${String(i).padStart(3, '0')}`);

  before(async function () {
    this.timeout(120_000);
    world = await awsWorld();
    await seedClusters(world.moto.url, names, 'ap-northeast-2');
    api = await activateExtension();
    await setEndpoint(world.proxy.url);
    await choose(api, 'ecsStudio.selectProfile', 'moto-dev');
    await choose(api, 'ecsStudio.selectRegion', 'ap-northeast-2');
  });

  it('shows the first 100 clusters moto holds, then the rest after "Load more"', async () => {
    world.proxy.resetCalls();
    await vscode.commands.executeCommand('ecsStudio.refreshClusters');
    const first = await api.clusters.getChildren();
    assert.equal(first.length, 101, '100 clusters and a "Load more" item');
    const loadMore = first[100]!;
    assert.equal(loadMore.getTreeItem().command?.command, 'ecsStudio.loadMore');
    assert.equal(world.proxy.calls.filter((c) => c.operation === 'ListClusters').length, 1);

    await vscode.commands.executeCommand('ecsStudio.loadMore', loadMore);
    const all = await api.clusters.getChildren();
    assert.deepEqual(all.map(label).sort(), names);
    const item = all[0]!.getTreeItem();
    assert.match(String(item.description), /0 running · 0 pending · 0 services/);
    assert.match(item.contextValue ?? '', /^ecs\.cluster\+active$/);
    assert.equal(world.proxy.calls.filter((c) => c.operation === 'ListClusters').length, 2);
    assert.ok(world.proxy.calls.every((c) => c.status === 200), 'AWS-sized pages and batches only');
  });

  it('keeps ids stable across a refresh', async () => {
    const before = (await api.clusters.getChildren()).map((n) => n.id);
    await vscode.commands.executeCommand('ecsStudio.refreshClusters');
    const after = (await api.clusters.getChildren()).map((n) => n.id);
    assert.deepEqual(after.slice(0, 100), before.slice(0, 100));
  });

  it('reloads the whole view from the title button even when VS Code passes it the focused item', async () => {
    // Regression: the title button refreshed only the item VS Code passed (the focused
    // cluster), so a cluster created elsewhere never appeared.
    const focused = (await api.clusters.getChildren())[0]!;
    await seedClusters(world.moto.url, ['svc-cluster-zzz'], 'ap-northeast-2');
    try {
      await vscode.commands.executeCommand('ecsStudio.refreshClusters', focused);
      let all = await api.clusters.getChildren();
      const more = all.find((n) => n.getTreeItem().command?.command === 'ecsStudio.loadMore');
      if (more) {
        await vscode.commands.executeCommand('ecsStudio.loadMore', more);
        all = await api.clusters.getChildren();
      }
      assert.ok(all.map(label).includes('svc-cluster-zzz'), 'the new cluster is listed');
    } finally {
      const ecs = ecsClient(world.moto.url, 'ap-northeast-2');
      await ecs.send(new DeleteClusterCommand({ cluster: 'svc-cluster-zzz' })).finally(() => ecs.destroy());
      await vscode.commands.executeCommand('ecsStudio.refreshClusters');
    }
  });

  it('shows a placeholder in a region without clusters', async () => {
    await choose(api, 'ecsStudio.selectRegion', 'sa-east-1');
    const children = await api.clusters.getChildren();
    assert.deepEqual(children.map(label), ['No clusters in this region']);
    await choose(api, 'ecsStudio.selectRegion', 'ap-northeast-2');
  });

  it('shows an error item with the reason when the endpoint is unreachable, and recovers', async () => {
    await setEndpoint('http://127.0.0.1:9'); // discard port: nothing listens
    try {
      const children = await api.clusters.getChildren();
      assert.equal(children.length, 1);
      const item = children[0]!.getTreeItem();
      assert.equal(item.label, 'Failed to load clusters');
      assert.match(String(item.description), /Cannot reach http:\/\/127\.0\.0\.1:9 \(connection refused\)/);
      assert.equal(item.command?.command, 'ecsStudio.retryNode');
    } finally {
      await setEndpoint(world.proxy.url);
    }
    const children = await api.clusters.getChildren();
    assert.ok(children.length > 100, 'the clusters are back once the endpoint answers');
  });

  it('shows nothing (the welcome view) for a profile without credentials', async () => {
    await choose(api, 'ecsStudio.selectProfile', 'no-keys');
    try {
      const children = await api.clusters.getChildren();
      assert.deepEqual(children, []);
    } finally {
      await choose(api, 'ecsStudio.selectProfile', 'moto-dev');
    }
    assert.ok((await api.clusters.getChildren()).length > 0);
  });
});
