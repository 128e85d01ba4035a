// Malformed answers from AWS reach the real views (issue 14): the proxy rewrites ECS's answers as a
// newer or a different AWS might send them (fields missing, enum values this build has never
// seen, lists cut short, odd numbers), and the Clusters view, walked to its leaves, builds every
// item without throwing: it shows what it can, or an error item with Retry. The unit tier fuzzes
// the mappers and labels; this runs the tree items themselves, in VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import fc from 'fast-check';
import type { EcsStudioApi } from '../../src/api';
import type { TreeNode } from '../../src/tree/treeNode';
import { seedTutorialWorld } from '../support/tutorialWorld';
import { connectTo, label } from './explorerWorld';
import { watchExtensionErrors } from './hostLog';
import { activateExtension, awsWorld, EXTENSION_ID, type AwsWorld } from './world';

const REGION = 'us-east-2';
const CASES = 100;
/** The ECS answers the Clusters view builds its items from. */
const REWRITTEN = ['DescribeClusters', 'DescribeServices', 'DescribeTasks', 'DescribeTaskDefinition'];

/** A small seeded generator, so a failing case is replayed from fast-check's seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The answer as another AWS might send it: keys dropped, unknown enum values, lists cut, odd numbers. */
function mangle(value: unknown, next: () => number, depth = 0): unknown {
  if (Array.isArray(value)) return value.slice(0, next() < 0.2 ? Math.floor(next() * value.length) : value.length).map((v) => mangle(v, next, depth + 1));
  if (typeof value === 'string') {
    const roll = next();
    if (/^[A-Z][A-Z_]+$/.test(value) && roll < 0.4) return 'UNKNOWN_TO_THIS_BUILD';
    return roll < 0.05 ? '' : value;
  }
  if (typeof value === 'number') {
    const roll = next();
    return roll < 0.1 ? -1 : roll < 0.15 ? 2 ** 31 : value;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      // The answer's own lists (`services`, `tasks`) stay: their members lose fields.
      if (depth > 0 && next() < 0.25) continue;
      out[key] = mangle(v, next, depth + 1);
    }
    return out;
  }
  return value;
}

interface Seen {
  items: number;
  errors: string[];
  /** Context values' kind and first flag (`ecs.task+stopped`). */
  kinds: Set<string>;
}

/** Every node of the view under `node`, each item built; error items counted. */
async function walk(api: EcsStudioApi, node: TreeNode | undefined, depth: number, seen: Seen): Promise<void> {
  const children = (await api.clusters.getChildren(node)) ?? [];
  for (const child of children) {
    const item = child.getTreeItem();
    assert.equal(typeof label(child), 'string');
    seen.items++;
    seen.kinds.add((item.contextValue ?? '').split('+').slice(0, 2).join('+'));
    if (item.command?.command === 'ecsStudio.retryNode') seen.errors.push(label(child));
    if (depth < 6 && item.collapsibleState !== vscode.TreeItemCollapsibleState.None && item.command?.command !== 'ecsStudio.loadMore') {
      await walk(api, child, depth + 1, seen);
    }
  }
}

describe('malformed answers from AWS in the views', () => {
  let api: EcsStudioApi;
  let world: AwsWorld;
  let errors: ReturnType<typeof watchExtensionErrors>;

  before(async function () {
    this.timeout(90_000);
    world = await awsWorld();
    // With the fixes: a running task beside the two stopped ones, so every kind of task item is built.
    await seedTutorialWorld(world.moto.url, { region: REGION, withFixes: true });
    api = await activateExtension();
    errors = watchExtensionErrors(api.testing.logUri.fsPath, vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, EXTENSION_ID);
    await connectTo(api, world, REGION);
  });

  after(() => {
    for (const operation of REWRITTEN) world.proxy.rewriteAnswers(operation, undefined);
    errors?.stop();
  });

  it('the whole Clusters view, as ECS answers it, reaches the tasks and their containers', async function () {
    this.timeout(60_000);
    api.clusters.refresh();
    const seen: Seen = { items: 0, errors: [], kinds: new Set() };
    await walk(api, undefined, 0, seen);
    assert.deepEqual(seen.errors, []);
    // The walk reaches every kind of item the rewritten answers feed.
    for (const kind of ['ecs.cluster', 'ecs.service', 'ecs.task+running', 'ecs.task+stopped', 'ecs.container']) {
      assert.ok([...seen.kinds].some((k) => k.startsWith(kind)), `the walk reaches ${kind}: ${[...seen.kinds].join(', ')}`);
    }
  });

  it(`builds every item of the Clusters view from ${CASES} rewritten answers without throwing; an answer it cannot read is an error item with Retry`, async function () {
    this.timeout(300_000);
    let rewrittenCalls = 0;
    await fc.assert(fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (seed) => {
      const next = random(seed);
      for (const operation of REWRITTEN) {
        world.proxy.rewriteAnswers(operation, (body) => {
          rewrittenCalls++;
          return mangle(body, next);
        });
      }
      api.clusters.refresh();
      const seen: Seen = { items: 0, errors: [], kinds: new Set() };
      await walk(api, undefined, 0, seen);
      assert.ok(seen.items >= 1, 'the view shows something: items, or an error item');
    }), { numRuns: CASES });
    assert.ok(rewrittenCalls >= CASES, `the answers were rewritten (${rewrittenCalls} calls)`);
    for (const operation of REWRITTEN) world.proxy.rewriteAnswers(operation, undefined);
  });

  it('left no unhandled rejection of ours, and no error of ours in the extension host log', () => {
    assert.deepEqual(errors.found(), { unhandled: [], logErrors: [] });
  });
});
