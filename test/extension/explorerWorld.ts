// The tutorial's world, seeded once per run into the explorer suites' own region, and the
// small helpers both explorer suites use to walk a view through its provider.
//
// Region: the Clusters suite uses ap-northeast-2; the Task Definitions and Network suites
// share EXPLORER_REGION, seeded once (seedTutorialWorld refuses a region seeded before).
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { TreeNode } from '../../src/tree/treeNode';
import { seedTutorialWorld, type TutorialWorld } from '../support/tutorialWorld';
import { awsWorld, scriptedInput, setEndpoint, type AwsWorld } from './world';

export const EXPLORER_REGION = 'eu-central-1';

let seeded: Promise<TutorialWorld> | undefined;

/** The tutorial's world (without the fixes) in EXPLORER_REGION, seeded on first use. */
export async function explorerTutorial(): Promise<{ world: AwsWorld; tutorial: TutorialWorld }> {
  const world = await awsWorld();
  seeded ??= seedTutorialWorld(world.moto.url, { region: EXPLORER_REGION });
  return { world, tutorial: await seeded };
}

/** Answers one quick pick of a command with `answer`. */
export async function choose(api: EcsStudioApi, command: string, answer: string): Promise<void> {
  const answering = api.testing.useUserInput(scriptedInput({ pick: () => answer }).input);
  try {
    await vscode.commands.executeCommand(command);
  } finally {
    answering.dispose();
  }
}

/** Points the extension at the proxy, profile moto-dev, in `region`. */
export async function connectTo(api: EcsStudioApi, world: AwsWorld, region: string): Promise<void> {
  await setEndpoint(world.proxy.url);
  await choose(api, 'ecsStudio.selectProfile', 'moto-dev');
  await choose(api, 'ecsStudio.selectRegion', region);
}

/** Points the extension at the proxy, profile moto-dev, region EXPLORER_REGION. */
export function connectToExplorerRegion(api: EcsStudioApi, world: AwsWorld): Promise<void> {
  return connectTo(api, world, EXPLORER_REGION);
}

export function label(node: TreeNode): string {
  const l = node.getTreeItem().label;
  return typeof l === 'string' ? l : l?.label ?? '';
}

export function description(node: TreeNode): string {
  const d = node.getTreeItem().description;
  return typeof d === 'string' ? d : '';
}

/** The tooltip's text, with Markdown's escapes (backslashes, &nbsp; for spaces) undone. */
export function tooltip(node: TreeNode): string {
  const t = node.getTreeItem().tooltip;
  const text = typeof t === 'string' ? t : t?.value ?? '';
  return text.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

export function contextValueOf(node: TreeNode): string {
  return node.getTreeItem().contextValue ?? '';
}

/** The node with this label among `nodes`; fails with the labels there are. */
export function byLabel(nodes: readonly TreeNode[], wanted: string): TreeNode {
  const found = nodes.find((n) => label(n) === wanted);
  if (!found) throw new Error(`no "${wanted}" among: ${nodes.map(label).join(', ')}`);
  return found;
}

export function isLoadMore(node: TreeNode | undefined): boolean {
  return node?.getTreeItem().command?.command === 'ecsStudio.loadMore';
}

/** Every child of a node, clicking "Load more…" (through its command) until the list ends. */
export async function allChildren(provider: vscode.TreeDataProvider<TreeNode>, node?: TreeNode): Promise<TreeNode[]> {
  let children = (await provider.getChildren(node)) ?? [];
  for (let guard = 0; isLoadMore(children[children.length - 1]); guard++) {
    if (guard > 50) throw new Error('"Load more" never ends');
    await vscode.commands.executeCommand('ecsStudio.loadMore', children[children.length - 1]);
    children = (await provider.getChildren(node)) ?? [];
  }
  return children;
}
