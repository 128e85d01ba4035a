// The bad day, in the workbench: the AWS-limits proxy hangs, throttles, refuses or expires
// calls (its injected faults), and the views and commands say what happened and recover on
// retry. Nothing may leak out of the extension meanwhile: no unhandled rejection in this
// process, no error of ours in the extension host's log.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { TreeNode } from '../../src/tree/treeNode';
import { seedClusters } from '../support/seed';
import { choose, description, label } from './explorerWorld';
import { watchExtensionErrors } from './hostLog';
import { TEST_CREDENTIALS } from '../support/moto';
import { activateExtension, awsWorld, EXTENSION_ID, scriptedInput, setEndpoint, setUserSetting, type AwsWorld } from './world';

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

/** The extension's own log files (its log channel) in its log folder. */
function extensionLogFiles(logDir: string): string[] {
  return fs.readdirSync(logDir).filter((f) => f.endsWith('.log')).map((f) => path.join(logDir, f));
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
  let errors: ReturnType<typeof watchExtensionErrors>;

  before(async function () {
    this.timeout(60_000);
    world = await awsWorld();
    await seedClusters(world.moto.url, CLUSTERS, REGION);
    api = await activateExtension();
    errors = watchExtensionErrors(api.testing.logUri.fsPath, vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, EXTENSION_ID);
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
    errors?.stop();
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
    const item = error.getTreeItem();
    assert.equal(item.contextValue, 'ecs.error.signIn', 'the item carries the inline "Sign In to AWS (SSO)" action');
    assert.match((item.tooltip as vscode.MarkdownString).value, /\(command:ecsStudio\.signIn\)/, 'its tooltip links the sign-in command');
    await vscode.commands.executeCommand('ecsStudio.retryNode', error);
    assert.deepEqual((await api.clusters.getChildren()).map(label).sort(), CLUSTERS);
  });

  it('an expired token in a command: its error notification offers "Sign In to AWS (SSO)" beside "Show Log"', async () => {
    world.proxy.injectFault({ operation: 'CreateCluster', status: 400, code: 'ExpiredTokenException', message: 'The security token included in the request is expired' });
    const { input, asked } = scriptedInput({ text: () => 'reliable-expired' });
    const answering = api.testing.useUserInput(input);
    try {
      await vscode.commands.executeCommand('ecsStudio.createCluster');
    } finally {
      answering.dispose();
    }
    const errors = asked.messages.filter((m) => m.kind === 'error');
    assert.equal(errors.length, 1, JSON.stringify(asked.messages));
    assert.match(errors[0]!.message, /credentials of profile "moto-dev" have expired/);
    assert.deepEqual(errors[0]!.actions, ['Sign In to AWS (SSO)', 'Show Log']);
    assert.ok(!(await clusterLabels(api)).includes('reliable-expired'), 'nothing created');
  });

  it('an error that signing in cannot cure offers no sign-in', async () => {
    world.proxy.injectFault({ operation: 'ListClusters', status: 403, code: 'AccessDeniedException', message: 'User is not authorized to perform: ecs:ListClusters' });
    await vscode.commands.executeCommand('ecsStudio.refreshClusters');
    const error = onlyError(await api.clusters.getChildren());
    assert.equal(error.getTreeItem().contextValue, 'ecs.error');
    world.proxy.clearFaults();
    await vscode.commands.executeCommand('ecsStudio.retryNode', error);
  });

  it('"Sign In to AWS (SSO)" for a profile with keys says what to do instead and opens nothing', async () => {
    const before = vscode.window.terminals.length;
    const { input, asked } = scriptedInput({});
    const answering = api.testing.useUserInput(input);
    try {
      await vscode.commands.executeCommand('ecsStudio.signIn');
    } finally {
      answering.dispose();
    }
    assert.equal(asked.messages.length, 1);
    assert.match(asked.messages[0]!.message, /"moto-dev" does not sign in with IAM Identity Center \(SSO\)\. Refresh its credentials/);
    assert.equal(vscode.window.terminals.length, before, 'no terminal opened');
  });

  it('"Sign In to AWS (SSO)" for an SSO profile opens a terminal running aws sso login for it, with no credential in it', async function () {
    this.timeout(30_000);
    const configFile = path.join(world.awsDir, 'config');
    const original = fs.readFileSync(configFile, 'utf8');
    fs.writeFileSync(configFile, original + ['[profile moto-sso]', 'sso_start_url = https://example.awsapps.com/start', 'sso_region = us-east-1',
      'sso_account_id = 123456789012', 'sso_role_name = Developer', `region = ${REGION}`].join('\n') + '\n');
    const opened = new Promise<vscode.Terminal>((resolve) => {
      const sub = vscode.window.onDidOpenTerminal((t) => { sub.dispose(); resolve(t); });
    });
    try {
      await choose(api, 'ecsStudio.selectProfile', 'moto-sso');
      await vscode.commands.executeCommand('ecsStudio.signIn');
      const terminal = await opened;
      try {
        assert.ok(vscode.window.terminals.includes(terminal));
        const options = terminal.creationOptions as vscode.TerminalOptions;
        assert.deepEqual({ name: terminal.name, shellPath: options.shellPath, shellArgs: options.shellArgs },
          { name: 'AWS sign-in (moto-sso)', shellPath: 'aws', shellArgs: ['sso', 'login', '--profile', 'moto-sso'] });
        const shown = JSON.stringify(options);
        assert.ok(!shown.includes(TEST_CREDENTIALS.secretAccessKey) && !shown.includes(TEST_CREDENTIALS.accessKeyId), 'no credential in the terminal');
      } finally {
        terminal.dispose();
      }
    } finally {
      await choose(api, 'ecsStudio.selectProfile', 'moto-dev');
      fs.writeFileSync(configFile, original);
    }
    assert.deepEqual((await clusterLabels(api)).sort(), CLUSTERS, 'back on moto-dev');
  });

  it('Cancel on the Problems scan\'s notification aborts its hung call; the view says "Cancelled.", the log has no error', async function () {
    this.timeout(30_000);
    await setRequestTimeout(undefined); // 30 s: only the cancellation can end the hung call in time
    const extensionLog = extensionLogFiles(api.testing.logUri.fsPath);
    assert.ok(extensionLog.length > 0, 'the extension writes a log');
    const logSizes = extensionLog.map((f) => fs.statSync(f).size);
    world.proxy.injectNetworkFault({ operation: 'ListClusters', kind: 'hang', times: 1 });
    const hung = world.proxy.nextHungCall('ListClusters');
    const refreshing = vscode.commands.executeCommand('ecsStudio.refreshProblems');
    const { closed } = await hung;
    const scans = api.testing.runningProgress().filter((p) => p.title === 'Looking for failing services…');
    assert.equal(scans.length, 1, `one cancellable scan on show: ${api.testing.runningProgress().map((p) => p.title).join(', ')}`);
    scans[0]!.cancel();
    await refreshing;
    await closed; // the SDK closed the hung connection: the call was aborted, not left to time out
    assert.deepEqual(api.testing.runningProgress(), [], 'the notification is gone');
    assert.deepEqual((await api.problems.getChildren()).map(label), ['Cancelled. Refresh to look for failing services again.']);
    const errors = extensionLog.flatMap((f, i) => fs.readFileSync(f).subarray(logSizes[i]).toString('utf8').split('\n')).filter((l) => /\[error\]/.test(l));
    assert.deepEqual(errors, [], 'no error in the extension\'s log');
    assert.equal(world.proxy.calls.filter((c) => c.operation === 'ListClusters' && c.fault === 'hang').length, 1, 'one attempt, not retried');
    // Refresh scans again, and this time it finds the clusters (none of them failing).
    await vscode.commands.executeCommand('ecsStudio.refreshProblems');
    assert.deepEqual((await api.problems.getChildren()).map(label), [`No problems found in the ${CLUSTERS.length} clusters of ${REGION}.`]);
  });

  it('the Problems view\'s own scan, held by a hung endpoint, gets the same cancellable notification; Cancel aborts it', async function () {
    this.timeout(30_000);
    await setRequestTimeout(undefined); // 30 s: only the cancellation can end the hung call in time
    const callsBefore = world.proxy.calls.length;
    world.proxy.injectNetworkFault({ operation: 'ListClusters', kind: 'hang', times: 1 });
    const hung = world.proxy.nextHungCall('ListClusters');
    api.problems.refresh(); // as a new connection does: the next load is the view's own scan, not Refresh's
    const loading = api.problems.getChildren();
    const { closed } = await hung;
    // The view's progress bar first; the notification once the scan is slow (a condition waited for, not a time asserted).
    const scan = await eventually(() => api.testing.runningProgress().find((p) => p.title === 'Looking for failing services…'));
    scan.cancel();
    await closed; // aborted, not left to the 30 s timeout
    await loading;
    await eventually(() => api.testing.runningProgress().length === 0 || undefined);
    assert.deepEqual((await api.problems.getChildren()).map(label), ['Cancelled. Refresh to look for failing services again.']);
    assert.equal(world.proxy.calls.slice(callsBefore).filter((c) => c.operation === 'ListClusters' && c.fault === 'hang').length, 1, 'one attempt, not retried');
    await vscode.commands.executeCommand('ecsStudio.refreshProblems');
    assert.deepEqual((await api.problems.getChildren()).map(label), [`No problems found in the ${CLUSTERS.length} clusters of ${REGION}.`]);
  });

  it('left no unhandled rejection of ours, and no error of ours in the extension host log', () => {
    assert.deepEqual(errors.found(), { unhandled: [], logErrors: [] });
  });
});

/** Waits (up to 10 s) for `probe` to give a value: a condition waited for, never a duration asserted. */
async function eventually<T>(probe: () => T | undefined | false): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the condition never held within 10 s');
}
