// Packs the command line as its own npm package, ecs-studio-cli (cli/package.json): the bundled
// dist/cli.js (every dependency inside, so the package has none), cli/README.md and the
// repository's LICENSE, staged in a temporary folder and packed there with `npm pack`. The root
// package.json is the VS Code extension (private); this one is what `npx ecs-studio-cli` and
// `npm install -g ecs-studio-cli` fetch, and what the GitHub Action (action.yml) runs.
//
//   node scripts/packCli.mjs [--bundle dist/cli.js] [--out dist]
//
// `npm run package:cli` builds the production bundle first. Prints the tarball's path on the
// last line of stdout. Fails when the bundle is missing or was built for another version.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { bundle: { type: 'string' }, out: { type: 'string' } } });
const bundle = path.resolve(values.bundle ?? path.join(root, 'dist', 'cli.js'));
const out = path.resolve(values.out ?? path.join(root, 'dist'));

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'cli', 'package.json'), 'utf8'));
const extensionVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
if (manifest.version !== extensionVersion) {
  throw new Error(`cli/package.json is version ${manifest.version}, package.json ${extensionVersion}: the CLI prints package.json's, so they must match`);
}
if (!fs.existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\` (or \`npm run package:cli\`) first`);
let code = fs.readFileSync(bundle, 'utf8');
if (!code.startsWith('#!/usr/bin/env node\n')) throw new Error(`${bundle} is not the CLI bundle (no #! line)`);
// A development build links its source map, which the package does not ship.
code = code.replace(/\n\/\/# sourceMappingURL=cli\.js\.map\s*$/, '\n');

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-cli-pack-'));
try {
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  fs.copyFileSync(path.join(root, 'cli', 'README.md'), path.join(stage, 'README.md'));
  fs.copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));
  fs.writeFileSync(path.join(stage, 'cli.js'), code, { mode: 0o755 });
  // `ecs-studio mcp` requires the MCP server's bundle beside cli.js (the other commands never load it).
  const server = path.join(path.dirname(bundle), 'mcpServer.js');
  if (!fs.existsSync(server)) throw new Error(`${server} is missing: run \`npm run build\` first`);
  fs.writeFileSync(path.join(stage, 'mcpServer.js'), fs.readFileSync(server, 'utf8').replace(/\n\/\/# sourceMappingURL=mcpServer\.js\.map\s*$/, '\n'));
  fs.mkdirSync(out, { recursive: true });
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], {
    cwd: stage, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  }));
  const tarball = path.join(out, packed.filename);
  console.log(`${packed.name}@${packed.version}: ${packed.entryCount} files, ${(packed.size / 1024).toFixed(1)} KB packed, ${(packed.unpackedSize / 1024).toFixed(1)} KB unpacked`);
  console.log(tarball);
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
