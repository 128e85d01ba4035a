// Root hooks of the UI tier (loaded first by `node out/test/support/runMocha.js ui`): one
// workbench for the whole tier, as a person would use it. Packages the extension into a .vsix
// (`npm run package`), starts moto and the AWS-limits proxy in front of it, starts code-server
// with the .vsix installed and the extension pointed at the proxy, and opens the workbench in
// headless Chromium. Tests get it all from `ui()`; they seed moto directly. Everything is
// stopped in the root `after` hook, on SIGINT/SIGTERM, and on exit.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as assert from 'node:assert/strict';
import type { FrameLocator, Page } from 'playwright-core';
import {
  REPO_ROOT, ensureCodeServer, launchChromium, onTerminationSignal, startCodeServer,
  type CodeServer, type LaunchedChromium,
} from '../support/codeServer';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS, startMoto, type MotoServer } from '../support/moto';

export const VSIX = path.join(REPO_ROOT, 'dist', 'ecs-studio.vsix');
/** The UI tier's build output (git-ignored): failure screenshots, and screenshots/. */
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
/**
 * Where screenshots go. Tests never write tracked files: `npm run screenshots:update`
 * (scripts/updateScreenshots.mjs) copies the README's ones from here into docs/images/.
 */
export const SCREENSHOTS_DIR = path.join(RESULTS_DIR, 'screenshots');

/** Saves a screenshot of the workbench in test-results/screenshots/ (README images keep their docs/images name). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const file = path.join(SCREENSHOTS_DIR, name);
  await page.screenshot({ path: file, animations: 'disabled' });
  console.log(`      screenshot: ${path.relative(REPO_ROOT, file)}`);
}
const REGION = 'us-east-1';
const WORKBENCH_TIMEOUT_MS = 90_000;

export interface UiWorld {
  /** Where tests seed and check AWS resources. */
  moto: MotoServer;
  /** What the extension talks to: moto with AWS's paging limits and stopped tasks' stop times. */
  proxy: AwsLimitsProxy;
  server: CodeServer;
  page: Page;
  region: string;
}

let moto: MotoServer | undefined;
let proxy: AwsLimitsProxy | undefined;
let server: CodeServer | undefined;
let chromium: LaunchedChromium | undefined;
let world: UiWorld | undefined;
let anyFailed = false;

/** The running workbench; only valid inside tests (after the root `before` hook). */
export function ui(): UiWorld {
  if (!world) throw new Error('the UI tier did not start (see the "before all" hook failure)');
  return world;
}

async function stopAll(): Promise<void> {
  await chromium?.close();
  await server?.stop();
  await proxy?.stop();
  await moto?.stop();
}

const offSignals = onTerminationSignal(stopAll);

/** `npm run package`: the production bundle in a .vsix, exactly what users install. */
function packageExtension(): void {
  fs.rmSync(VSIX, { force: true });
  const res = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
  if (res.status !== 0 || !fs.existsSync(VSIX)) {
    throw new Error(`npm run package failed (${res.status ?? res.error?.message}):\n${`${res.stdout}${res.stderr}`.slice(-4_000)}`);
  }
}

before(async function () {
  this.timeout(25 * 60_000); // the first run also installs code-server (3-5 min)
  await ensureCodeServer();
  packageExtension();
  moto = await startMoto();
  // The extension tier's proxy, for the same reasons: moto never sets a stopped task's
  // `stoppedAt`, which AWS always does and the doctor reads to tell a failure of the current
  // deployment from one before it (without it, a fixed service kept its old failures as
  // problems), and moto ignores AWS's paging and batch limits.
  proxy = await startAwsLimitsProxy(moto.url);
  server = await startCodeServer({
    installVsix: VSIX,
    env: {
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_REGION: REGION,
      AWS_ENDPOINT_URL: proxy.url,
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    settings: {
      'ecsStudio.endpointUrl': proxy.url,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      // The run folder is inside this repository: no "open the repository?" toast in screenshots.
      'git.openRepositoryInParentFolders': 'never',
    },
  });
  const workspace = path.join(server.runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  chromium = await launchChromium({ viewport: { width: 1280, height: 800 } });
  const { page } = chromium;
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
  // VS Code's walkthrough service starts with the Welcome page, which most people see at start
  // (the default workbench.startupEditor). A step's context key already true when the service
  // starts never ticks that step in the session (VS Code counts it as seen, not as done): with
  // startupEditor 'none' the service would start only when a test opens the walkthrough, after
  // other tests had set the keys. Start it here, as a person's first window does.
  await runCommand(page, 'Help: Welcome');
  await page.locator('.gettingStartedContainer').first().waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
  await runCommand(page, 'View: Close All Editors');
  world = { moto, proxy, server, page, region: REGION };
});

afterEach(async function () {
  const test = this.currentTest;
  if (test?.state !== 'failed' || !world) return;
  anyFailed = true;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `failed-${test.fullTitle().replace(/[^\w.-]+/g, '_').slice(0, 120)}.png`);
  await world.page.screenshot({ path: file }).then(() => console.log(`      screenshot: ${path.relative(REPO_ROOT, file)}`), () => undefined);
});

after(async function () {
  this.timeout(60_000);
  try {
    await stopAll();
    // The run folder (.vscode-test/runs/<id>: code-server.log, settings) is kept after a failure.
    if (world && !anyFailed && process.env.ECS_STUDIO_KEEP_RUN !== '1') fs.rmSync(world.server.runDir, { recursive: true, force: true });
    else if (server) console.log(`      code-server run folder: ${path.relative(REPO_ROOT, server.runDir)}`);
  } finally {
    offSignals();
  }
});

/**
 * Shows the ECS Studio side bar. Clicking its activity-bar item when it is already showing would
 * hide it again, so this looks first, as a person would.
 */
export async function openEcsStudio(page: Page): Promise<void> {
  const sidebar = page.locator('.part.sidebar');
  const title = (await sidebar.isVisible()) ? await sidebar.locator('.composite.title').first().textContent().catch(() => '') : '';
  if (title?.includes('ECS Studio')) return;
  // Its activity-bar item is not clicked: the problems badge covers it and takes the pointer.
  await runCommand(page, 'View: Show ECS Studio');
  await sidebar.locator('.composite.title', { hasText: 'ECS Studio' }).first().waitFor({ state: 'visible', timeout: 30_000 });
}

/** Clicks the Refresh button in a view's title bar (it shows when the header is hovered). */
export async function refreshView(page: Page, viewName: string): Promise<void> {
  const header = page.locator(`.pane-header[aria-label^="${viewName}"]`);
  await header.hover();
  await header.locator('.action-label[aria-label="Refresh"]').first().click();
}

/** Drags the side bar's edge like a person, so the screenshot shows whole descriptions. */
export async function widenSideBar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width + 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
  // Leave the sash, or it stays highlighted in the screenshot.
  await page.mouse.move(box.x + width + 200, y);
  await page.locator('.monaco-sash.hover, .monaco-sash.active').first().waitFor({ state: 'detached', timeout: 5_000 });
  // Cosmetic only: the view is checked above, so a sash that did not move is no failure.
  await page.waitForFunction(
    `(document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0) >= ${width - 40}`,
    undefined, { timeout: 5_000 },
  ).catch(() => console.log('      (the side bar kept its width)'));
}

/**
 * Runs a command from the palette like a person: Ctrl+Shift+P, type, Enter. The palette lists
 * the commands known when it opens; right after the workbench starts, the extension's may not
 * be registered yet, so a palette without the command is closed and opened again.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.locator('.part.activitybar [aria-label^="ECS Studio"]').first().waitFor({ state: 'visible', timeout: 60_000 });
  const input = page.locator('.quick-input-widget input[type="text"]');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+Shift+P');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.pressSequentially(title);
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 10_000 });
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: 10_000 });
      continue;
    }
    await page.keyboard.press('Enter');
    return;
  }
}

/**
 * Answers a quick pick a command shows (known by its title, e.g. "Cluster"): types the item's
 * label to filter the list, waits until that item is the highlighted one, and presses Enter.
 */
export async function pickQuickItem(page: Page, title: string, label: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: 60_000 });
  await widget.locator('input[type="text"]').pressSequentially(label);
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
  await widget.locator('.quick-input-list .monaco-list-row.focused .label-name', { hasText: exact }).waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * ECS Studio: Select Region from the palette, and waits for the status bar to show it. Right
 * after an editor closes, the palette's Enter was seen to land before the command's quick pick
 * could show: the command is asked again (up to 3 times) when no "Select Region" pick shows.
 */
export async function selectRegion(page: Page, region: string): Promise<void> {
  const title = page.locator('.quick-input-widget .quick-input-title', { hasText: 'Select Region' });
  for (let attempt = 1; ; attempt++) {
    await runCommand(page, 'ECS Studio: Select Region');
    try {
      await title.waitFor({ state: 'visible', timeout: 10_000 });
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await pickQuickItem(page, 'Select Region', region);
  await page.locator('.part.statusbar [id$="ecsStudio.connection"]', { hasText: `@${region}` }).waitFor({ state: 'visible', timeout: 30_000 });
}

/** Chooses the option of a form's select whose text contains `text`, once the host has offered it. */
export async function chooseOption(form: FrameLocator, selectId: string, text: string | RegExp): Promise<void> {
  const option = form.locator(`#${selectId} option`, { hasText: text }).first();
  await option.waitFor({ state: 'attached', timeout: 30_000 });
  const value = await option.getAttribute('value');
  assert.ok(value !== null, `option ${String(text)} of #${selectId} has no value`);
  await form.locator(`#${selectId}`).selectOption(value);
}
