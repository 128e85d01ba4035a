// The extension's .vsix as `npm run package` builds it for the Marketplace and Open VSX (built in
// a temporary copy of the working tree): exactly the intended files under a size budget, a
// README whose pictures are absolute links to files the repository has, a 128x128 PNG icon, and
// the manifest fields the galleries read. No AWS here: it sits in this tier for its build time.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildVsix, REPO, type BuiltVsix } from '../support/packages';

/** What a release may weigh: today about 0.85 MB and 31 files. */
// 0.8 MB before the service map; its lazily loaded host (dist/mapHost.js) carries elkjs, the layout engine.
const MAX_BYTES = 1.5 * 1024 * 1024;
const MAX_FILES = 40;
const RAW_IMAGES = 'https://raw.githubusercontent.com/ecs-studio/ecs-studio/main/';
/** VS Code's extension categories (the Marketplace rejects others). */
const VSCODE_CATEGORIES = [
  'Programming Languages', 'Snippets', 'Linters', 'Themes', 'Debuggers', 'Formatters', 'Keymaps', 'SCM Providers', 'Other',
  'Extension Packs', 'Language Packs', 'Data Science', 'Machine Learning', 'Visualization', 'Notebooks', 'Education', 'Testing', 'AI', 'Chat',
];

interface Manifest {
  name: string;
  publisher: string;
  version: string;
  icon?: string;
  preview?: boolean;
  license?: string;
  categories?: string[];
  keywords?: string[];
  repository?: { url: string };
  bugs?: { url: string };
  homepage?: string;
  galleryBanner?: { color: string; theme: string };
  enabledApiProposals?: string[];
  contributes: { walkthroughs: Array<{ steps: Array<{ media: { markdown?: string } }> }> };
}

/** The lazily loaded SDK chunks scripts/lazySdk.mjs declares (dist/sdk/<name>.js). */
function lazySdkChunks(): string[] {
  const text = fs.readFileSync(path.join(REPO, 'scripts', 'lazySdk.mjs'), 'utf8');
  const block = /export const LAZY_CLIENTS = \{([^}]*)\}/.exec(text)?.[1] ?? '';
  return [...block.matchAll(/^\s*(\w+):/gm)].map((m) => m[1]!);
}

function intendedEntries(manifest: Manifest): string[] {
  const walkthroughs = manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((s) => s.media.markdown)).filter((m): m is string => !!m);
  return [
    '[Content_Types].xml', 'extension.vsixmanifest',
    ...['LICENSE.txt', 'changelog.md', 'readme.md', 'package.json', 'package.nls.json'],
    ...['aws.js', 'extension.js', 'formsHost.js', 'mapHost.js'].map((f) => `dist/${f}`),
    ...lazySdkChunks().map((c) => `dist/sdk/${c}.js`),
    ...['codicon.css', 'codicon.ttf', 'serviceForm.js', 'serviceMap.js', 'taskDefinitionForm.js'].map((f) => `dist/webview/${f}`),
    'media/ecs-studio.svg', 'media/icon.png', 'media/schemas/taskdef.schema.json', 'media/serviceForm/form.css', 'media/serviceMap/map.css', 'media/taskDefinitionForm/form.css',
    ...walkthroughs,
  ].map((e) => (e.startsWith('[') || e.startsWith('extension.') ? e : `extension/${e}`)).sort();
}

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'not a PNG');
  assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the .vsix (npm run package)', function () {
  this.timeout(300_000);
  let vsix: BuiltVsix;
  let manifest: Manifest;

  before(function () {
    vsix = buildVsix();
    manifest = JSON.parse(vsix.read('extension/package.json').toString('utf8')) as Manifest;
    console.log(`      .vsix: ${vsix.entries.length} files, ${(vsix.bytes / 1024).toFixed(1)} KB`);
  });

  after(function () {
    vsix?.dispose();
  });

  it('holds exactly the intended files: bundles, media, README, CHANGELOG, LICENSE; no source, map, test or image', function () {
    assert.deepEqual([...vsix.entries].sort(), intendedEntries(manifest));
  });

  it(`stays under ${MAX_BYTES / 1024 / 1024} MB and ${MAX_FILES} files`, function () {
    assert.ok(vsix.bytes <= MAX_BYTES, `${vsix.bytes} bytes`);
    assert.ok(vsix.entries.length <= MAX_FILES, `${vsix.entries.length} files`);
  });

  it('shows the README\'s pictures from absolute links to images the repository has (none relative, none shipped)', function () {
    const readme = vsix.read('extension/readme.md').toString('utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    const source = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    assert.equal(images.length, [...source.matchAll(/!\[[^\]]*\]\(/g)].length, 'every picture of README.md');
    for (const url of images) {
      assert.ok(url.startsWith(RAW_IMAGES), url);
      const file = url.slice(RAW_IMAGES.length);
      assert.ok(fs.existsSync(path.join(REPO, file)), `${file} is not in the repository`);
    }
    // Links to other files of the repository are absolute too (the page has no files beside it).
    assert.deepEqual([...readme.matchAll(/\]\((?!https?:|#|mailto:)([^)]+)\)/g)].map((m) => m[1]), []);
  });

  it('has a 128x128 PNG icon and the gallery fields: repository, bugs, homepage, license, preview, real categories', function () {
    assert.equal(manifest.icon, 'media/icon.png');
    assert.deepEqual(pngSize(vsix.read('extension/media/icon.png')), { width: 128, height: 128 });
    assert.match(manifest.repository?.url ?? '', /^https:\/\/github\.com\/ecs-studio\/ecs-studio\.git$/);
    assert.match(manifest.bugs?.url ?? '', /^https:\/\/github\.com\/ecs-studio\/ecs-studio\/issues$/);
    assert.match(manifest.homepage ?? '', /^https:\/\//);
    assert.equal(manifest.license, 'MIT');
    assert.equal(manifest.preview, /^0\./.test(manifest.version), 'preview while the version is 0.x');
    assert.ok((manifest.categories ?? []).length > 0);
    for (const c of manifest.categories ?? []) assert.ok(VSCODE_CATEGORIES.includes(c), c);
    assert.ok((manifest.keywords ?? []).length > 0 && (manifest.keywords ?? []).length <= 30);
    assert.equal(manifest.enabledApiProposals, undefined, 'Open VSX and the Marketplace refuse proposed APIs');
    const xml = vsix.read('extension.vsixmanifest').toString('utf8');
    assert.match(xml, /<Icon>extension\/media\/icon\.png<\/Icon>/);
    assert.match(xml, /Microsoft\.VisualStudio\.Code\.EnabledApiProposals" Value=""/);
    assert.match(vsix.read('extension/LICENSE.txt').toString('utf8'), /^MIT License/);
  });
});
