// The packaged extension in a real workbench: open the ECS Studio view from the activity bar,
// as a person would, and see the clusters moto holds.
import * as assert from 'node:assert/strict';
import { seedClusters } from '../support/seed';
import { openEcsStudio, refreshView, screenshot, ui, widenSideBar } from './setup';

const CLUSTERS = ['demo-ecs-cluster', 'staging', 'batch-jobs'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('UI smoke: the Clusters view', () => {
  before(async () => {
    const { moto, region } = ui();
    await seedClusters(moto.url, CLUSTERS, region);
  });

  it('opens from the activity bar and lists the clusters moto holds', async () => {
    const { page } = ui();
    await openEcsStudio(page);
    // Other tests may have shown the view before these clusters existed.
    await refreshView(page, 'Clusters');

    const clustersView = page.locator('.pane').filter({ has: page.locator('.pane-header[aria-label^="Clusters"]') });
    await clustersView.getByRole('treeitem', { name: /demo-ecs-cluster/ }).waitFor({ state: 'visible', timeout: 60_000 });
    for (const name of CLUSTERS) {
      await clustersView.getByRole('treeitem', { name: new RegExp(`^${escapeRegExp(name)}\\b`) }).waitFor({ state: 'visible', timeout: 10_000 });
    }
    const labels = await clustersView.getByRole('treeitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
    assert.deepEqual(
      CLUSTERS.map((name) => labels.filter((label) => label.startsWith(name)).length),
      [1, 1, 1],
      `each cluster once in the Clusters view; its items: ${JSON.stringify(labels)}`,
    );
    assert.equal(labels.length, CLUSTERS.length, `only the seeded clusters; items: ${JSON.stringify(labels)}`);

    await widenSideBar(page, 560);
    await screenshot(page, 'clusters-view.png');
  });
});
