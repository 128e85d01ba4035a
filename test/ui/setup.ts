// Root hooks of the UI tier (loaded first by `node out/test/support/runMocha.js ui`): one
// workbench for the whole tier, as a person would use it. Packages the extension into a .vsix
// (`npm run package`), starts moto, starts code-server with the .vsix installed and the
// extension pointed at moto, and opens the workbench in headless Chromium. Tests get it all
// from `ui()`. Everything is stopped in the root `after` hook, on SIGINT/SIGTERM, and on exit.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  REPO_ROOT, ensureCodeServer, launchChromium, onTerminationSignal, startCodeServer,
  type CodeServer, type LaunchedChromium,
} from '../support/codeServer';
import { TEST_CREDENTIALS, startMoto, type MotoServer } from '../support/moto';

export const VSIX = path.join(REPO_ROOT, 'dist', 'ecs-studio.vsix');
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
const REGION = 'us-east-1';
const WORKBENCH_TIMEOUT_MS = 90_000;

export interface UiWorld {
  moto: MotoServer;
  server: CodeServer;
  page: Page;
  region: string;
}

let moto: MotoServer | undefined;
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
  server = await startCodeServer({
    installVsix: VSIX,
    env: {
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_REGION: REGION,
      AWS_ENDPOINT_URL: moto.url,
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    settings: {
      'ecsStudio.endpointUrl': moto.url,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
    },
  });
  const workspace = path.join(server.runDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  chromium = await launchChromium({ viewport: { width: 1280, height: 800 } });
  const { page } = chromium;
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
  world = { moto, server, page, region: REGION };
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
  await page.locator('.part.activitybar [aria-label^="ECS Studio"]').first().click();
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
