// The bad day, in the workbench: the AWS-limits proxy hangs, throttles, refuses or expires
// calls (its injected faults), and the views and commands say what happened and recover on
// retry. Nothing may leak out of the extension meanwhile: no unhandled rejection in this
// process, no error of ours in the extension host's log.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { TreeNode } from '../../src/tree/treeNode';
import { seedClusters } from '../support/seed';
import { choose, description, label } from './explorerWorld';
import { extensionErrors, hostLogEntries, hostLogFile } from './hostLog';
import { activateExtension, awsWorld, EXTENSION_ID, setEndpoint, setUserSetting, type AwsWorld } from './world';

const REGION = 'eu-north-1';
const CLUSTERS = ['reliable-a', 'reliable-b'];

/** Sets ecsStudio.requestTimeoutSeconds and waits until the extension has heard of it. */
async function setRequestTimeout(seconds: number | undefined): Promise<void> {
  if (vscode.workspace.getConfiguration('ecsStudio').inspect<number>('requestTimeoutSeconds')?.globalValue === seconds) return;
  await setUserSetting('requestTimeoutSeconds', seconds);
}

async function clusterLabels(api: EcsStudioApi): Promise<string[]> {
  await vscode.commands.executeCommand('ecsStudio.refreshClusters');
  return (await api.clusters.getChildren()).map(label);
}

function onlyError(children: readonly TreeNode[]): TreeNode {
  assert.equal(children.length, 1, `one error item, not: ${children.map(label).join(', ')}`);
  const node = children[0]!;
  assert.equal(node.getTreeItem().command?.command, 'ecsStudio.retryNode', `${label(node)} offers Retry`);
  return node;
}

describe('reliability: faults the views and commands survive', () => {
  let api: EcsStudioApi;
  let world: AwsWorld;
  let logFile: string;
  let logOffset: number;
  let extensionPath: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    const stack = reason instanceof Error ? reason.stack ?? '' : String(reason);
    if (stack.includes(extensionPath)) unhandled.push(reason);
  };

  before(async function () {
    this.timeout(60_000);
    world = await awsWorld();
    await seedClusters(world.moto.url, CLUSTERS, REGION);
    api = await activateExtension();
    extensionPath = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    logFile = hostLogFile(api.testing.logUri.fsPath);
    logOffset = fs.statSync(logFile).size;
    process.on('unhandledRejection', onUnhandled);
    await setEndpoint(world.proxy.url);
    await choose(api, 'ecsStudio.selectProfile', 'moto-dev');
    await choose(api, 'ecsStudio.selectRegion', REGION);
  });

  beforeEach(() => {
    world.proxy.clearFaults();
    world.proxy.resetCalls();
  });

  after(async () => {
    world.proxy.clearFaults();
    await setRequestTimeout(undefined);
    process.off('unhandledRejection', onUnhandled);
  });

  it('a hung endpoint: the Clusters view shows an error item naming the timeout, and Retry works once it answers', async function () {
    this.timeout(30_000);
    await setRequestTimeout(1);
    // Every attempt the SDK makes (3) hangs: each is cut after 1 s.
    world.proxy.injectNetworkFault({ operation: 'ListClusters', kind: 'hang', times: 3 });
    await vscode.commands.executeCommand('ecsStudio.refreshClusters');
    const error = onlyError(await api.clusters.getChildren());
    assert.equal(label(error), 'Failed to load clusters');
    assert.match(description(error), /no answer within 1 s, the request timeout/);
    assert.deepEqual(world.proxy.calls.filter((c) => c.operation === 'ListClusters').map((c) => c.fault), ['hang', 'hang', 'hang']);

    await vscode.commands.executeCommand('ecsStudio.retryNode', error);
    assert.deepEqual((await api.clusters.getChildren()).map(label).sort(), CLUSTERS);
  });

  it('a hung endpoint does not hang a command: Create Cluster ends with the timeout and creates nothing', async function () {
    this.timeout(30_000);
    await setRequestTimeout(1);
    world.proxy.injectNetworkFault({ operation: 'CreateCluster', kind: 'hang', times: 3 });
    const answering = api.testing.useUserInput({
      pick: async () => undefined, text: async () => 'reliable-hung', confirm: async () => undefined, inform: async () => undefined,
    });
    try {
      await vscode.commands.executeCommand('ecsStudio.createCluster');
    } finally {
      answering.dispose();
    }
    assert.equal(world.proxy.calls.filter((c) => c.operation === 'CreateCluster').length, 3, 'three attempts, each cut at 1 s');
    assert.ok(!(await clusterLabels(api)).includes('reliable-hung'));
  });

  it('throttling: the SDK retries ThrottlingException and the view shows the clusters', async () => {
    world.proxy.injectFault({ operation: 'ListClusters', status: 400, code: 'ThrottlingException', message: 'Rate exceeded', times: 2 });
    assert.deepEqual((await clusterLabels(api)).sort(), CLUSTERS);
    assert.deepEqual(world.proxy.calls.filter((c) => c.operation === 'ListClusters').map((c) => c.status), [400, 400, 200]);
  });

  it('a 503 past the retries shows an error item; Retry then loads the view', async () => {
    world.proxy.injectFault({ operation: 'ListClusters', status: 503, code: 'ServiceUnavailableException', message: 'Service unavailable', times: 3 });
    const error = onlyError(await (async () => { await vscode.commands.executeCommand('ecsStudio.refreshClusters'); return api.clusters.getChildren(); })());
    assert.match(description(error), /ListClusters/);
    await vscode.commands.executeCommand('ecsStudio.retryNode', error);
    assert.deepEqual((await api.clusters.getChildren()).map(label).sort(), CLUSTERS);
  });

  it('a permission missing on one operation: the Network view names the action, the Clusters view still works', async () => {
    world.proxy.injectFault({
      operation: 'DescribeVpcs', status: 403, code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.', times: 3,
    });
    await vscode.commands.executeCommand('ecsStudio.refreshNetwork');
    const groups = await api.network.getChildren();
    const vpcs = groups.find((n) => label(n) === 'VPCs');
    const balancers = groups.find((n) => label(n) === 'Load balancers');
    assert.ok(vpcs && balancers, `the Network view's groups: ${groups.map(label).join(', ')}`);
    const error = onlyError(await api.network.getChildren(vpcs));
    assert.match(description(error), /not allowed to call ec2:DescribeVpcs/);
    const lbs = await api.network.getChildren(balancers);
    assert.ok(lbs.every((n) => n.getTreeItem().command?.command !== 'ecsStudio.retryNode'), 'load balancers still load');
    assert.deepEqual((await clusterLabels(api)).sort(), CLUSTERS, 'the other views are unaffected');
    world.proxy.clearFaults();
    await vscode.commands.executeCommand('ecsStudio.retryNode', error);
    const loaded = await api.network.getChildren(vpcs);
    assert.ok(loaded.length > 0 && loaded.every((n) => n.getTreeItem().command?.command !== 'ecsStudio.retryNode'), 'the VPCs load on retry');
  });

  it('an expired token: the error item says how to sign in again, and Retry works after it', async () => {
    world.proxy.injectFault({ operation: 'ListClusters', status: 400, code: 'ExpiredTokenException', message: 'The security token included in the request is expired' });
    await vscode.commands.executeCommand('ecsStudio.refreshClusters');
    const error = onlyError(await api.clusters.getChildren());
    assert.match(description(error), /credentials of profile "moto-dev" have expired.*aws sso login --profile moto-dev/);
    await vscode.commands.executeCommand('ecsStudio.retryNode', error);
    assert.deepEqual((await api.clusters.getChildren()).map(label).sort(), CLUSTERS);
  });

  it('left no unhandled rejection of ours, and no error of ours in the extension host log', () => {
    const logErrors = extensionErrors(hostLogEntries(logFile, logOffset), extensionPath, EXTENSION_ID).map((e) => e.text);
    assert.deepEqual({ unhandled: unhandled.map(String), logErrors }, { unhandled: [], logErrors: [] });
  });
});
