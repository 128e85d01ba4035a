// Copies the README's screenshots from the UI tier's build folder (test-results/screenshots/,
// git-ignored) into docs/images/. The UI tests never write tracked files; this deliberate step
// does, after `npm run test:ui` made fresh ones and you looked at them:
//   npm run test:ui && npm run screenshots:update && git diff --stat docs/images
// Only images the README shows are copied; a missing one fails (nothing is copied then).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'test-results', 'screenshots');
const images = path.join(root, 'docs', 'images');

const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const shown = [...new Set([...readme.matchAll(/\(docs\/images\/([\w.-]+\.png)\)/g)].map((m) => m[1]))].sort();
if (shown.length === 0) {
  console.error('README.md shows no docs/images/*.png: nothing to update.');
  process.exit(1);
}
const missing = shown.filter((name) => !fs.existsSync(path.join(built, name)));
if (missing.length > 0) {
  console.error(`Not in ${path.relative(root, built)}/ (run \`npm run test:ui\` first): ${missing.join(', ')}`);
  process.exit(1);
}
fs.mkdirSync(images, { recursive: true });
for (const name of shown) {
  const from = path.join(built, name);
  const to = path.join(images, name);
  const same = fs.existsSync(to) && fs.readFileSync(from).equals(fs.readFileSync(to));
  if (!same) fs.copyFileSync(from, to);
  console.log(`${same ? 'unchanged' : 'updated  '} docs/images/${name}`);
}
const unused = fs.readdirSync(images).filter((name) => name.endsWith('.png') && !shown.includes(name));
if (unused.length > 0) console.log(`Not shown by README.md (left as they are): ${unused.join(', ')}`);
