// Walks every level of the Clusters view on the tutorial's world: cluster -> standalone tasks
// and services -> tasks, stopped tasks (with their reasons), deployments, events -> containers.
import * as assert from 'node:assert/strict';
import { RunTaskCommand } from '@aws-sdk/client-ecs';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { TreeNode } from '../../src/tree/treeNode';
import { ecsClient } from '../support/seed';
import { seedTutorialWorld, TUTORIAL_STOP_REASONS, type TutorialWorld } from '../support/tutorialWorld';
import { activateExtension, awsWorld, scriptedInput, setEndpoint, type AwsWorld } from './world';

const REGION = 'ap-southeast-2';

function item(node: TreeNode): vscode.TreeItem {
  return node.getTreeItem();
}

function label(node: TreeNode): string {
  const l = item(node).label;
  return typeof l === 'string' ? l : l?.label ?? '';
}

async function children(api: EcsStudioApi, node?: TreeNode): Promise<TreeNode[]> {
  return api.clusters.getChildren(node);
}

async function child(api: EcsStudioApi, parent: TreeNode | undefined, name: string | RegExp): Promise<TreeNode> {
  const all = await children(api, parent);
  const found = all.find((n) => (typeof name === 'string' ? label(n) === name : name.test(label(n))));
  assert.ok(found, `no child ${String(name)} under ${parent ? label(parent) : 'the root'}: ${all.map(label).join(', ')}`);
  return found;
}

describe("Clusters view on the tutorial's world", () => {
  let api: EcsStudioApi;
  let world: AwsWorld;
  let tutorial: TutorialWorld;
  let standaloneTaskArn: string;

  before(async function () {
    this.timeout(120_000);
    world = await awsWorld();
    tutorial = await seedTutorialWorld(world.moto.url, { region: REGION });
    const ecs = ecsClient(world.moto.url, REGION);
    try {
      const out = await ecs.send(new RunTaskCommand({
        cluster: tutorial.clusterArn, taskDefinition: tutorial.taskDefinitionArn, launchType: 'FARGATE', group: 'family:demo-ecs-task', startedBy: 'me',
        networkConfiguration: { awsvpcConfiguration: { subnets: tutorial.privateSubnetIds, securityGroups: [tutorial.serviceSgId] } },
      }));
      standaloneTaskArn = out.tasks![0]!.taskArn!;
    } finally {
      ecs.destroy();
    }
    api = await activateExtension();
    await setEndpoint(world.proxy.url);
    for (const [command, answer] of [['ecsStudio.selectProfile', 'moto-dev'], ['ecsStudio.selectRegion', REGION]] as const) {
      const answering = api.testing.useUserInput(scriptedInput({ pick: () => answer }).input);
      try {
        await vscode.commands.executeCommand(command);
      } finally {
        answering.dispose();
      }
    }
  });

  it('shows the cluster with its standalone tasks and its service, marked failing', async () => {
    const cluster = await child(api, undefined, 'demo-ecs-cluster');
    assert.equal(item(cluster).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    // The services show first; the failing marker follows and re-renders the marked service.
    const marked = new Promise<void>((resolve) => {
      const listener = api.clusters.onDidChangeTreeData((node) => {
        if (node && label(node) === 'demo-ecs-service') {
          listener.dispose();
          resolve();
        }
      });
    });
    const names = (await children(api, cluster)).map(label);
    const shown = (await children(api, cluster)).find((n) => label(n) === 'demo-ecs-service');
    // When the marker answered before the services showed, the service is marked already.
    if (!/\+failing/.test(shown ? item(shown).contextValue ?? '' : '')) await marked;
    assert.deepEqual(names, ['Standalone tasks', 'demo-ecs-service']);
    const service = await child(api, cluster, 'demo-ecs-service');
    assert.match(item(service).contextValue ?? '', /^ecs\.service\+active\+failing\+loadbalanced$/);
    assert.match(String(item(service).description), /^0\/1 running/);
  });

  it('lists the standalone task under the cluster, not the service', async () => {
    const cluster = await child(api, undefined, 'demo-ecs-cluster');
    const standalone = await child(api, cluster, 'Standalone tasks');
    const tasks = await children(api, standalone);
    assert.deepEqual(tasks.map((t) => (t as TreeNode & { task?: { arn: string } }).task?.arn), [standaloneTaskArn]);
    const service = await child(api, cluster, 'demo-ecs-service');
    const running = await child(api, service, 'Tasks');
    assert.deepEqual((await children(api, running)).map(label), ['No running tasks']);
  });

  it("labels the service's stopped tasks with the first line of their reasons, and shows their containers", async () => {
    const cluster = await child(api, undefined, 'demo-ecs-cluster');
    const service = await child(api, cluster, 'demo-ecs-service');
    assert.deepEqual((await children(api, service)).map(label), ['Tasks', 'Stopped tasks', 'Deployments', 'Events']);
    const stopped = await children(api, await child(api, service, 'Stopped tasks'));
    assert.equal(stopped.length, 2);
    const descriptions = stopped.map((t) => String(item(t).description)).sort();
    const expected = [TUTORIAL_STOP_REASONS.ecr, TUTORIAL_STOP_REASONS.logs].map((r) => r.slice(0, 40)).sort();
    assert.ok(descriptions.every((d, i) => d.startsWith(expected[i]!)), descriptions.join(' | '));
    assert.match(item(stopped[0]!).contextValue ?? '', /^ecs\.task\+stopped$/);
    const tooltip = item(stopped[0]!).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /ResourceInitializationError/);
    const containers = await children(api, stopped[0]!);
    assert.deepEqual(containers.map(label), ['demo-service-container']);
    assert.match(((item(containers[0]!).tooltip as vscode.MarkdownString).value), new RegExp(tutorial.imageUri.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('shows the deployment and the (empty) events', async () => {
    const cluster = await child(api, undefined, 'demo-ecs-cluster');
    const service = await child(api, cluster, 'demo-ecs-service');
    const deployments = await children(api, await child(api, service, 'Deployments'));
    assert.equal(deployments.length, 1);
    assert.match(label(deployments[0]!), /^PRIMARY · demo-ecs-task:1$/);
    assert.deepEqual((await children(api, await child(api, service, 'Events'))).map(label), ['No events']);
  });

  it('keeps the nodes and their ids across a refresh of the service', async () => {
    const cluster = await child(api, undefined, 'demo-ecs-cluster');
    const service = await child(api, cluster, 'demo-ecs-service');
    const before = (await children(api, await child(api, service, 'Stopped tasks'))).map((n) => n.id).sort();
    await vscode.commands.executeCommand('ecsStudio.refreshClusters');
    const again = await child(api, await child(api, undefined, 'demo-ecs-cluster'), 'demo-ecs-service');
    const after = (await children(api, await child(api, again, 'Stopped tasks'))).map((n) => n.id).sort();
    assert.deepEqual(after, before);
    assert.equal(again.id, service.id);
  });
});
