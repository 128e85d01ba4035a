// Draws the extension's Marketplace / Open VSX icon, media/icon.png (128x128 PNG), from the
// activity-bar glyph media/ecs-studio.svg: the glyph in white on a rounded orange square, so it
// reads on the galleries' light and dark pages. Rendered by headless Chromium (Debian's, through
// playwright-core, as the UI tests launch it). Run `npm run icon` after changing the glyph and
// commit media/icon.png (the package only ships the PNG; nothing draws it at build time).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const SIZE = 128;
const BACKGROUND = '#c2410c'; // orange, dark enough for white strokes; reads on the dark galleryBanner (#232f3e) and on light pages
const OUT = 'media/icon.png';

const glyph = readFileSync('media/ecs-studio.svg', 'utf8')
  .replace(/width="24" height="24"/, 'width="88" height="88"');
if (!glyph.includes('width="88"')) throw new Error('media/ecs-studio.svg no longer has width="24" height="24": adjust makeIcon.mjs');

const html = `<!DOCTYPE html><html><head><style>
  html, body { margin: 0; width: ${SIZE}px; height: ${SIZE}px; background: transparent; }
  .tile { width: ${SIZE}px; height: ${SIZE}px; border-radius: 24px; background: ${BACKGROUND};
          display: flex; align-items: center; justify-content: center; color: #ffffff; }
</style></head><body><div class="tile">${glyph}</div></body></html>`;

const browser = await chromium.launch({ executablePath: process.env.ECS_STUDIO_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(html);
  await page.screenshot({ path: OUT, omitBackground: true, clip: { x: 0, y: 0, width: SIZE, height: SIZE } });
  console.log(`${OUT}: ${SIZE}x${SIZE}`);
} finally {
  await browser.close();
}
