// The service map in the packaged extension, used like a person on the tutorial's broken world:
// "Show Service Map" from the palette, the red paths drawn in the webview, a click on one offers
// its finding's fix, the fix of every problem from the palette, and the map redrawn green. Each
// state screenshotted at 1400x900 in the dark and the light theme (the README's pictures).
//
// The world is seeded in a region no other UI test uses; the test switches ECS Studio to it and
// back at the end, and leaves the theme (toggled twice) and the window size as it found them.
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../support/tutorialWorld';
import { pickQuickItem, runCommand, screenshot, selectRegion, ui } from './setup';

const REGION = 'ap-southeast-2';
const SIZE = { width: 1400, height: 900 };

/** The map's webview (its inner frame). */
function mapFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Whether the workbench shows a dark theme now. */
async function isDark(page: Page): Promise<boolean> {
  return (await page.locator('.monaco-workbench.vs-dark').count()) > 0;
}

/** Preferences: Toggle between Light/Dark Themes from the palette, and the workbench repainted. */
async function toggleTheme(page: Page): Promise<void> {
  const dark = await isDark(page);
  await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
  await page.locator(`.monaco-workbench.${dark ? 'vs' : 'vs-dark'}`).waitFor({ state: 'attached', timeout: 30_000 });
}

/** A screenshot of what shows now (the map scrolled to the AWS services) in each theme; the theme ends as it was. */
async function bothThemes(page: Page, name: string): Promise<void> {
  await page.mouse.move(SIZE.width - 5, SIZE.height - 40);
  for (let i = 0; i < 2; i++) {
    // The AWS services the tasks reach in view, with the paths to them: what the doctor judges.
    await mapFrame(page).locator('.node.awsService').first().scrollIntoViewIfNeeded();
    await screenshot(page, `${name}-${(await isDark(page)) ? 'dark' : 'light'}.png`);
    await toggleTheme(page);
  }
}

describe('UI: the service map', () => {
  let tutorial: TutorialWorld;
  let original: { width: number; height: number } | null = null;

  before(async function () {
    this.timeout(120_000);
    tutorial = await seedTutorialWorld(ui().moto.url, { region: REGION, stoppedTasks: false });
  });

  after(async function () {
    this.timeout(120_000);
    if (!tutorial) return;
    const { page, region } = ui();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Notifications: Clear All Notifications');
    if (original) await page.setViewportSize(original);
    await runCommand(page, 'View: Show Explorer');
    await selectRegion(page, region);
  });

  it('draws the broken paths in red with their findings, offers the fix on a click, and redraws green after the fix', async function () {
    this.timeout(300_000);
    const { page } = ui();
    original = page.viewportSize();
    await page.setViewportSize(SIZE);
    await selectRegion(page, REGION);
    await runCommand(page, 'View: Close Primary Side Bar');

    await runCommand(page, 'ECS Studio: Show Service Map');
    await pickQuickItem(page, 'Cluster', TUTORIAL.clusterName);
    await pickQuickItem(page, 'Service', TUTORIAL.serviceName);
    const map = mapFrame(page);
    await map.locator('svg.service-map').waitFor({ state: 'visible', timeout: 90_000 });
    const red = map.locator('.edge.broken');
    await red.first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.equal(await red.count(), 4 * tutorial.privateSubnetIds.length, 'each private subnet\'s paths to ECR API, ECR, S3 and Logs');
    assert.match(await red.first().getAttribute('aria-label') ?? '', /^broken path from Tasks in subnet-.* Press Enter to see the finding and its fix\.$/);
    assert.equal(await map.locator('.broken-list li').count(), await red.count(), 'the broken paths listed under the map');
    await bothThemes(page, 'service-map-broken');

    // A click on a red path: its findings to choose from (then the quick fix's own plan).
    await map.locator('.edge.broken', { has: map.locator('title', { hasText: 'to Amazon ECR API' }) }).first().locator('.label rect').click();
    const pick = page.locator('.quick-input-widget .quick-input-title', { hasText: 'This path is broken by 2 findings' });
    await pick.waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Escape');
    await pick.waitFor({ state: 'hidden', timeout: 10_000 });

    // Every problem fixed at once, from the palette; the map redraws by itself.
    await runCommand(page, 'ECS Studio: Fix All Problems of Service');
    await pickQuickItem(page, 'Cluster', TUTORIAL.clusterName);
    await pickQuickItem(page, 'Service', TUTORIAL.serviceName);
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    await dialog.getByRole('button', { name: /^Apply \d+ Changes$/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await red.first().waitFor({ state: 'detached', timeout: 120_000 });
    assert.ok(await map.locator('.edge.ok').count() > 10, 'the paths through the endpoints drawn green');
    assert.equal(await map.locator('h2', { hasText: 'No broken path' }).count(), 1);
    await runCommand(page, 'Notifications: Clear All Notifications');
    await bothThemes(page, 'service-map-fixed');
  });
});
