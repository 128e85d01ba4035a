// The service map in the packaged extension, used like a person on the tutorial's broken world:
// "Show Service Map" from the palette, the red paths drawn in the webview, a click on one offers
// its finding's fix, the fix of every problem from the palette, and the map redrawn green. Each
// state screenshotted at 1400x900 in the dark and the light theme (the README's pictures).
//
// The world is seeded in a region no other UI test uses; the test switches ECS Studio to it and
// back at the end, and leaves the theme and the window size as it found them.
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

/** Preferences: Color Theme, like a person: the theme typed, Enter, and the workbench repainted in it. */
async function colorTheme(page: Page, name: 'Dark Modern' | 'Light Modern'): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  const widget = page.locator('.quick-input-widget');
  await widget.locator('input[type="text"]').pressSequentially(name);
  await widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  await page.locator(`.monaco-workbench.${name === 'Dark Modern' ? 'vs-dark' : 'vs'}`).waitFor({ state: 'attached', timeout: 15_000 });
}

/** Both themes' screenshots of what shows now, the dark one first; the theme ends dark. */
async function bothThemes(page: Page, name: string): Promise<void> {
  await page.mouse.move(SIZE.width - 5, SIZE.height - 40);
  await colorTheme(page, 'Dark Modern');
  await screenshot(page, `${name}-dark.png`);
  await colorTheme(page, 'Light Modern');
  await screenshot(page, `${name}-light.png`);
  await colorTheme(page, 'Dark Modern');
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
    await colorTheme(page, 'Dark Modern').catch(() => undefined);
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
    await map.locator('svg.service-map').evaluate((svg) => svg.closest('.map')?.scrollTo(0, 0));
    await bothThemes(page, 'service-map-fixed');
  });
});
