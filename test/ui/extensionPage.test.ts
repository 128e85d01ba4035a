// The extension's own page in the workbench (Extensions view -> ECS Studio), from the .vsix the
// tier installed: its icon shows and every README picture loads. The pictures are absolute links
// to the repository's raw files (`npm run package` rewrites them, see package.json); this machine
// is offline, so the browser's requests to raw.githubusercontent.com are answered from the
// working tree's files at the same path, as GitHub serves the pushed branch. A link to a file
// the repository does not have gets a 404 and its picture stays broken.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page, Route } from 'playwright-core';
import { REPO_ROOT } from '../support/codeServer';
import { openEcsStudio, runCommand, screenshot, ui } from './setup';

const RAW = 'https://raw.githubusercontent.com/ecs-studio/ecs-studio/main/';

/** The innermost frame of the only webview showing (the extension editor's README). */
async function webviewFrame(page: Page): Promise<Frame> {
  const outer = await (await page.waitForSelector('iframe.webview.ready', { timeout: 60_000 })).contentFrame();
  assert.ok(outer, 'the webview has no frame');
  const inner = await (await outer.waitForSelector('#active-frame', { timeout: 60_000 })).contentFrame();
  assert.ok(inner, 'the webview has no active frame');
  return inner;
}

describe('UI: the extension\'s page (Extensions view)', () => {
  const served: string[] = [];
  const refused: string[] = [];
  const handler = async (route: Route): Promise<void> => {
    const url = new URL(route.request().url());
    const file = path.join(REPO_ROOT, decodeURIComponent(url.pathname.replace(/^\/ecs-studio\/ecs-studio\/main\//, '')));
    if (url.pathname.startsWith('/ecs-studio/ecs-studio/main/') && file.startsWith(REPO_ROOT) && fs.existsSync(file)) {
      served.push(url.pathname);
      await route.fulfill({ path: file, contentType: file.endsWith('.png') ? 'image/png' : 'application/octet-stream' });
    } else {
      refused.push(url.pathname);
      await route.fulfill({ status: 404, body: 'Not Found' });
    }
  };

  before(async () => {
    await ui().page.context().route('https://raw.githubusercontent.com/**', handler);
  });

  after(async () => {
    await ui().page.context().unroute('https://raw.githubusercontent.com/**', handler);
    await runCommand(ui().page, 'View: Close All Editors').catch(() => undefined);
    // The suites after this one start from ECS Studio's side bar, not the Extensions view.
    await openEcsStudio(ui().page).catch(() => undefined);
  });

  it('shows the icon and every README picture of the installed .vsix', async () => {
    const { page } = ui();
    await runCommand(page, 'View: Close All Editors'); // the README's webview is then the only one
    await runCommand(page, 'Extensions: Show Installed Extensions');
    const item = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'ECS Studio' }).first();
    await item.waitFor({ state: 'visible', timeout: 60_000 });
    // The list's own icon: the package's icon.png, not the default placeholder.
    const listIcon = item.locator('img.icon').first();
    await listIcon.waitFor({ state: 'visible', timeout: 30_000 });
    await item.click();

    const editor = page.locator('.extension-editor');
    await editor.locator('.header .name', { hasText: 'ECS Studio' }).waitFor({ state: 'visible', timeout: 60_000 });
    const headerIcon = editor.locator('.header img.icon').first();
    await headerIcon.waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForFunction('(() => { const i = document.querySelector(".extension-editor .header img.icon"); return !!i && i.complete; })()', undefined, { timeout: 30_000 });
    const icon = await headerIcon.evaluate((img: { src: string; naturalWidth: number; naturalHeight: number }) => ({ src: img.src, naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight }));
    assert.match(decodeURIComponent(icon.src), /ecs-studio\.ecs-studio-[\d.]+\/media\/icon\.png/, `the header shows the package's icon, not ${icon.src}`);
    assert.deepEqual([icon.naturalWidth, icon.naturalHeight], [128, 128]);

    // The README webview: once it rendered its pictures, each finishes loading (or fails).
    const frame = await webviewFrame(page);
    await frame.waitForFunction('document.images.length > 0 && Array.from(document.images).every((i) => i.complete)', undefined, { timeout: 60_000 });
    const images = JSON.parse(await frame.evaluate<string>('JSON.stringify(Array.from(document.images).map((i) => ({ src: i.src, naturalWidth: i.naturalWidth })))')) as Array<{ src: string; naturalWidth: number }>;
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const expected = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => `${RAW}${m[1]!}`);
    assert.deepEqual(images.map((i) => i.src), expected, 'the README\'s pictures, in order, under the raw base');
    const broken = images.filter((i) => i.naturalWidth === 0).map((i) => i.src);
    assert.deepEqual(broken, [], `broken pictures (refused: ${JSON.stringify(refused)})`);
    assert.equal(refused.length, 0, JSON.stringify(refused));
    assert.ok(served.length >= new Set(expected).size, `served ${served.length} of ${new Set(expected).size}`);
    await screenshot(page, 'extension-page.png');
  });
});
