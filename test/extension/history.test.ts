// The failure history on the tutorial's world: the service's failed stopped tasks are seen in the
// Clusters view, then ECS forgets them (the proxy plays the hour ECS keeps a stopped task). The
// Clusters view's Stopped tasks, the Problems view and the report still show them, marked as
// remembered, until "Clear Remembered Failures" (after its confirmation) forgets them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import { reportUri } from '../../src/problems/reportUri';
import type { TreeNode } from '../../src/tree/treeNode';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../support/tutorialWorld';
import { byLabel, connectTo, contextValueOf, description, label, tooltip } from './explorerWorld';
import { activateExtension, awsWorld, scriptedInput, type AwsWorld } from './world';

const REGION = 'ap-south-1';

describe('Remembered failures after ECS forgets them', () => {
  let api: EcsStudioApi;
  let world: AwsWorld;
  let tutorial: TutorialWorld;

  before(async function () {
    this.timeout(120_000);
    world = await awsWorld();
    tutorial = await seedTutorialWorld(world.moto.url, { region: REGION });
    api = await activateExtension();
    await connectTo(api, world, REGION);
  });

  async function stoppedTasks(): Promise<TreeNode[]> {
    const cluster = byLabel(await api.clusters.getChildren(), TUTORIAL.clusterName);
    const service = byLabel(await api.clusters.getChildren(cluster), TUTORIAL.serviceName);
    return api.clusters.getChildren(byLabel(await api.clusters.getChildren(service), 'Stopped tasks'));
  }

  const taskArnOf = (node: TreeNode): string | undefined => (node as TreeNode & { arn?: string }).arn;

  it('lists a failed task ECS no longer returns in Stopped tasks, as remembered with its time', async function () {
    this.timeout(60_000);
    const seen = await stoppedTasks();
    assert.deepEqual(seen.map(taskArnOf).sort(), [...tutorial.stoppedTaskArns].sort());
    assert.ok(seen.every((n) => contextValueOf(n) === 'ecs.task+stopped'), 'ECS still returns them: not remembered');
    await api.testing.historySettled();

    world.proxy.forgetStoppedTasks(tutorial.stoppedTaskArns);
    await vscode.commands.executeCommand('ecsStudio.refreshClusters');
    const remembered = await stoppedTasks();
    assert.deepEqual(remembered.map(taskArnOf).sort(), [...tutorial.stoppedTaskArns].sort());
    for (const node of remembered) {
      assert.equal(contextValueOf(node), 'ecs.task+remembered');
      assert.match(description(node), /^remembered · stopped \d+ (s|min) ago · (ECR_UNREACHABLE|LOGS_UNREACHABLE)$/);
      assert.match(tooltip(node), /Remembered failure/);
      assert.match(tooltip(node), /ResourceInitializationError/);
    }
  });

  it('lists the service in the Problems view with its remembered failures, and the report adds them', async function () {
    this.timeout(120_000);
    await vscode.commands.executeCommand('ecsStudio.refreshProblems');
    const roots = await api.problems.getChildren();
    const service = byLabel(roots, TUTORIAL.serviceName);
    assert.equal(description(service), `${TUTORIAL.clusterName} · remembered: 2`);
    const failures = await api.problems.getChildren(service);
    assert.deepEqual(failures.map(contextValueOf), ['ecs.rememberedFailure', 'ecs.rememberedFailure']);
    assert.ok(failures.every((n) => /\(task [0-9a-f]{8}\)$/.test(label(n))), failures.map(label).join(' | '));

    const report = await vscode.workspace.openTextDocument(reportUri({ region: REGION, cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName }));
    const text = report.getText();
    assert.match(text, /^## Stopped tasks \(0\)$/m, 'ECS returns none of them');
    assert.match(text, /^## Remembered failures \(2\)/m);
    for (const arn of tutorial.stoppedTaskArns) assert.match(text, new RegExp(`^task ${arn.split('/').pop()!} · stopped .* · remembered`, 'm'));
  });

  it('forgets them after Clear Remembered Failures, once confirmed', async () => {
    const { input, asked } = scriptedInput({ confirm: () => undefined });
    let answering = api.testing.useUserInput(input);
    try {
      await vscode.commands.executeCommand('ecsStudio.clearHistory');
    } finally {
      answering.dispose();
    }
    assert.match(asked.messages[0]?.message ?? '', /^Forget \d+ remembered failures of \d+ services? in 1 account and \d+ regions?\?$/);
    assert.equal((await stoppedTasks()).length, 2, 'dismissed: nothing forgotten');

    const confirmed = scriptedInput({ confirm: (_m, actions) => actions[0] });
    answering = api.testing.useUserInput(confirmed.input);
    try {
      await vscode.commands.executeCommand('ecsStudio.clearHistory');
    } finally {
      answering.dispose();
    }
    assert.deepEqual(confirmed.asked.messages.map((m) => m.actions), [['Forget']]);
    assert.deepEqual((await stoppedTasks()).map(label), ['No recently stopped tasks']);
    for (const root of await api.problems.getChildren()) {
      const kinds = (await api.problems.getChildren(root)).map(contextValueOf);
      assert.ok(!kinds.includes('ecs.rememberedFailure'), `${label(root)} lists no remembered failure: ${kinds.join(', ')}`);
    }
  });
});
