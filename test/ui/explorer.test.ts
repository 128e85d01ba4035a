// The explorer as a person uses it: open each view by clicking, expand the tutorial's service
// down to its stopped tasks, a task definition to its revision, a VPC to its subnets. The
// screenshots are the README's.
import type { Locator, Page } from 'playwright-core';
import { seedTutorialWorld } from '../support/tutorialWorld';
import { openEcsStudio, refreshView, screenshot, ui, widenSideBar } from './setup';

function view(page: Page, name: string): Locator {
  return page.locator('.pane').filter({ has: page.locator(`.pane-header[aria-label^="${name}"]`) });
}

/** Clicks a tree item (by its accessible name) to expand it, and waits for a child to appear. */
async function expand(scope: Locator, item: RegExp, child: RegExp): Promise<void> {
  const node = scope.getByRole('treeitem', { name: item }).first();
  await node.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await node.getAttribute('aria-expanded')) !== 'true') await node.click();
  await scope.getByRole('treeitem', { name: child }).first().waitFor({ state: 'visible', timeout: 30_000 });
}

async function openView(page: Page, name: string): Promise<Locator> {
  const header = page.locator(`.pane-header[aria-label^="${name}"]`);
  await header.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  return view(page, name);
}

/** Collapses a view again, so later tests see it as a person who just opened it would. */
async function collapseAll(page: Page, name: string): Promise<void> {
  const pane = view(page, name);
  await pane.locator('.pane-header').hover();
  const button = pane.locator('.pane-header .action-label[aria-label="Collapse All"]');
  if (await button.count()) await button.first().click();
}

describe('UI: the explorer on the tutorial world', () => {
  before(async function () {
    this.timeout(120_000);
    const { moto, region } = ui();
    await seedTutorialWorld(moto.url, { region });
  });

  it("expands the tutorial's service to its stopped tasks and their reasons", async () => {
    const { page } = ui();
    await openEcsStudio(page);
    await widenSideBar(page, 640);
    const clusters = await openView(page, 'Clusters');
    // The view may have loaded before the world was seeded: refresh it from its title bar.
    await refreshView(page, 'Clusters');
    await expand(clusters, /^demo-ecs-cluster/, /^demo-ecs-service/);
    await expand(clusters, /^demo-ecs-service/, /^Stopped tasks/);
    await expand(clusters, /^Stopped tasks/, /ResourceInitializationError: unable to pull secrets or registry auth/);
    await clusters.getByRole('treeitem', { name: /ResourceInitializationError: failed to validate logger args/ }).waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'explorer-stopped-tasks.png');
    await collapseAll(page, 'Clusters');
  });

  it('shows the task definition revision with its size and architecture', async () => {
    const { page } = ui();
    const taskDefinitions = await openView(page, 'Task Definitions');
    await expand(taskDefinitions, /^demo-ecs-task/, /demo-ecs-task:1/);
    await taskDefinitions.getByRole('treeitem', { name: /demo-ecs-task:1.*1 vCPU.*3 GB/ }).waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'task-definitions-view.png');
    await collapseAll(page, 'Task Definitions');
  });

  it("shows the VPC's public and isolated subnets", async () => {
    const { page } = ui();
    // Give the Network view the room: fold the other two views, as a person would.
    for (const other of ['Clusters', 'Task Definitions']) {
      const header = page.locator(`.pane-header[aria-label^="${other}"]`);
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    const network = await openView(page, 'Network');
    await expand(network, /^VPCs/, /demo-service-vpc/);
    await expand(network, /demo-service-vpc/, /^Subnets/);
    await expand(network, /^Subnets/, /public/);
    await network.getByRole('treeitem', { name: /isolated/ }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'network-view.png');
    await collapseAll(page, 'Network');
    for (const other of ['Clusters', 'Task Definitions']) await page.locator(`.pane-header[aria-label^="${other}"]`).click();
  });
});
