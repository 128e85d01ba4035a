import * as assert from 'node:assert/strict';
import { DeregisterTaskDefinitionCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { TreeNode } from '../../src/tree/treeNode';
import { TEST_CREDENTIALS } from '../support/moto';
import { TUTORIAL, type TutorialWorld } from '../support/tutorialWorld';
import {
  EXPLORER_REGION,
  allChildren,
  byLabel,
  connectToExplorerRegion,
  contextValueOf,
  description,
  explorerTutorial,
  isLoadMore,
  label,
  tooltip,
} from './explorerWorld';
import { activateExtension, type AwsWorld } from './world';

/** More families than a page of 100 holds, besides the tutorial's. */
const BATCH_FAMILIES = Array.from({ length: 120 }, (_, i) => `batch-job-${String(i).padStart(3, '0')}`);
/** A family with more revisions than the view's page of 20; its newest is deregistered. */
const WEB_FAMILY = 'web-api';
const WEB_REVISIONS = 25;

function calls(world: AwsWorld, operation: string): number {
  return world.proxy.calls.filter((c) => c.operation === operation).length;
}

describe('Task Definitions view', () => {
  let api: EcsStudioApi;
  let world: AwsWorld;
  let tutorial: TutorialWorld;

  before(async function () {
    this.timeout(120_000);
    ({ world, tutorial } = await explorerTutorial());
    const ecs = new ECSClient({ endpoint: world.moto.url, region: EXPLORER_REGION, credentials: TEST_CREDENTIALS });
    try {
      for (let i = 0; i < BATCH_FAMILIES.length; i += 8) {
        await Promise.all(BATCH_FAMILIES.slice(i, i + 8).map((family) => ecs.send(new RegisterTaskDefinitionCommand({
          family,
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '256',
          memory: '512',
          containerDefinitions: [{ name: 'job', image: `registry.example/${family}:1`, memoryReservation: 128 }],
        }))));
      }
      // One after another, so moto numbers them 1..25.
      for (let rev = 1; rev <= WEB_REVISIONS; rev++) {
        await ecs.send(new RegisterTaskDefinitionCommand({
          family: WEB_FAMILY,
          cpu: '512',
          memory: '1024',
          runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
          containerDefinitions: [{ name: 'web', image: `registry.example/web-api:v${rev}`, memory: 512, portMappings: [{ containerPort: 80 }] }],
        }));
      }
      await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: `${WEB_FAMILY}:${WEB_REVISIONS}` }));
    } finally {
      ecs.destroy();
    }
    api = await activateExtension();
    await connectToExplorerRegion(api, world);
  });

  after(async () => {
    if (api?.taskDefinitions.showInactive) await vscode.commands.executeCommand('ecsStudio.hideInactiveRevisions');
  });

  it('lists the first 100 families, then the rest after "Load more"', async () => {
    await vscode.commands.executeCommand('ecsStudio.refreshTaskDefinitions');
    world.proxy.resetCalls();
    const first = await api.taskDefinitions.getChildren();
    assert.equal(first.length, 101, '100 families and a "Load more" item');
    assert.ok(isLoadMore(first[100]));
    assert.equal(calls(world, 'ListTaskDefinitionFamilies'), 1);
    assert.equal(calls(world, 'DescribeTaskDefinition'), 0, 'revisions are described only when a family is expanded');

    const all = await allChildren(api.taskDefinitions);
    assert.deepEqual(all.map(label).sort(), [...BATCH_FAMILIES, TUTORIAL.taskFamily, WEB_FAMILY].sort());
    assert.equal(calls(world, 'ListTaskDefinitionFamilies'), 2);
    assert.equal(contextValueOf(all[0]!), 'ecs.taskDefinitionFamily');
    assert.ok(world.proxy.calls.every((c) => c.status === 200), 'AWS-sized pages only');
  });

  it('shows the tutorial\'s revision with its size, architecture and image, and its container', async () => {
    const family = byLabel(await allChildren(api.taskDefinitions), TUTORIAL.taskFamily);
    world.proxy.resetCalls();
    const revisions = await api.taskDefinitions.getChildren(family);
    assert.deepEqual(revisions.map(label), [`${TUTORIAL.taskFamily}:1`]);
    const revision = revisions[0]!;
    assert.equal(description(revision), '1 vCPU · 3 GB · ARM64');
    assert.match(tooltip(revision), new RegExp(`${TUTORIAL.containerName}.*${escapeRegExp(tutorial.imageUri)}`));
    assert.match(tooltip(revision), /ecsTaskExecutionRole/);
    assert.equal(contextValueOf(revision), 'ecs.taskDefinition+active');
    assert.equal(calls(world, 'ListTaskDefinitions'), 1);
    assert.equal(calls(world, 'DescribeTaskDefinition'), 1);
    assert.equal(api.taskDefinitions.getParent(revision), family);

    const containers = await api.taskDefinitions.getChildren(revision);
    assert.deepEqual(containers.map(label), [TUTORIAL.containerName]);
    const container = containers[0]!;
    assert.equal(description(container), `${tutorial.imageUri} · 8080/tcp (http)`);
    assert.match(tooltip(container), /awslogs `\/ecs\/demo-ecs-task`/);
    assert.equal(contextValueOf(container), 'ecs.containerDefinition+essential+awslogs');
    assert.equal(api.taskDefinitions.getParent(container), revision);
  });

  it('lists a family\'s ACTIVE revisions newest first, 20 described at a time', async () => {
    const family = byLabel(await allChildren(api.taskDefinitions), WEB_FAMILY);
    world.proxy.resetCalls();
    const first = await api.taskDefinitions.getChildren(family);
    assert.equal(first.length, 21, '20 revisions and a "Load more" item');
    assert.deepEqual(first.slice(0, 20).map(label), Array.from({ length: 20 }, (_, i) => `${WEB_FAMILY}:${WEB_REVISIONS - 1 - i}`));
    assert.equal(calls(world, 'DescribeTaskDefinition'), 20);
    assert.equal(description(first[0]!), '0.5 vCPU · 1 GB · X86_64');
    assert.match(tooltip(first[0]!), /registry\.example\/web-api:v24/);

    const all = await allChildren(api.taskDefinitions, family);
    assert.deepEqual(all.map(label), Array.from({ length: 24 }, (_, i) => `${WEB_FAMILY}:${WEB_REVISIONS - 1 - i}`));
    const containers = await api.taskDefinitions.getChildren(all[23]!);
    assert.deepEqual(containers.map((c) => [label(c), description(c)]), [['web', 'registry.example/web-api:v1 · 80/tcp']]);
  });

  it('shows INACTIVE revisions after the ACTIVE ones with "Show Inactive Revisions", and hides them again', async () => {
    await vscode.commands.executeCommand('ecsStudio.showInactiveRevisions');
    assert.equal(api.taskDefinitions.showInactive, true);
    let family = byLabel(await allChildren(api.taskDefinitions), WEB_FAMILY);
    const shown = await allChildren(api.taskDefinitions, family);
    assert.equal(shown.length, WEB_REVISIONS);
    const inactive = shown[shown.length - 1]!;
    assert.equal(label(inactive), `${WEB_FAMILY}:${WEB_REVISIONS}`);
    assert.equal(description(inactive), '0.5 vCPU · 1 GB · X86_64 · INACTIVE');
    assert.equal(contextValueOf(inactive), 'ecs.taskDefinition+inactive');

    await vscode.commands.executeCommand('ecsStudio.hideInactiveRevisions');
    assert.equal(api.taskDefinitions.showInactive, false);
    family = byLabel(await allChildren(api.taskDefinitions), WEB_FAMILY);
    const hidden = await allChildren(api.taskDefinitions, family);
    assert.equal(hidden.length, WEB_REVISIONS - 1);
    assert.ok(!hidden.map(label).includes(`${WEB_FAMILY}:${WEB_REVISIONS}`));
  });

  it('keeps ids across a refresh, and reloads a family on its own', async () => {
    const before = (await allChildren(api.taskDefinitions)).map((n) => n.id);
    await vscode.commands.executeCommand('ecsStudio.refreshTaskDefinitions');
    const families = await allChildren(api.taskDefinitions);
    assert.deepEqual(families.map((n) => n.id), before);

    const family = byLabel(families, TUTORIAL.taskFamily);
    const revisionIds = (await api.taskDefinitions.getChildren(family)).map((n) => n.id);
    world.proxy.resetCalls();
    await vscode.commands.executeCommand('ecsStudio.refreshNode', family);
    const again: TreeNode[] = await api.taskDefinitions.getChildren(family);
    assert.deepEqual(again.map((n) => n.id), revisionIds);
    assert.equal(calls(world, 'ListTaskDefinitions'), 1, 'the family read its revisions again');
    assert.equal(calls(world, 'ListTaskDefinitionFamilies'), 0, 'and nothing else');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
