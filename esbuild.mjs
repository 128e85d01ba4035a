// Bundles the extension. Two entries for the extension host:
//   dist/extension.js  loaded at activation: wiring, tree, commands. No @aws-sdk code.
//   dist/aws.js        the AWS layer (src/aws), loaded on first use through src/awsModule.ts,
//                      with the ECS and STS clients; dist/sdk/<client>.js: the other clients, each
//                      loaded on its first use (scripts/lazySdk.mjs; --watch keeps one dist/aws.js).
// and one for the command line (added by the CLI): dist/cli.js, with dist/mcpServer.js beside it for `mcp`.
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { copyFileSync, mkdirSync } from 'node:fs';
import { buildSplitAwsLayer } from './scripts/lazySdk.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// Codicons for the webviews, shipped next to their scripts (the .vsix has no node_modules).
mkdirSync('dist/webview', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/webview/${file}`);

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  external: ['vscode'],
  logLevel: 'warning',
  legalComments: 'none',
  metafile: true,
};

const awsLayer = { ...common, entryPoints: { aws: 'src/aws/index.ts' }, outdir: 'dist' };
const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  // The forms' hosts (task definition, service), loaded on first use (src/webviews/loadFormsHost.ts).
  { ...common, entryPoints: { formsHost: 'src/webviews/formsHost.ts' }, outdir: 'dist' },
  // The service map's host and its layout library (elkjs), loaded on first use (src/webviews/loadMapHost.ts).
  { ...common, entryPoints: { mapHost: 'src/webviews/mapHost.ts' }, outdir: 'dist' },
  // The command line (src/cli): the doctor without VS Code, the package's `bin`. Not in the .vsix.
  {
    ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', external: [],
    banner: { js: '#!/usr/bin/env node' },
    define: { __ECS_STUDIO_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  },
  // `ecs-studio mcp`'s server (src/cli/mcpServer.ts, with @modelcontextprotocol/sdk), required by
  // dist/cli.js only for `mcp`: the other commands neither load nor parse it.
  { ...common, entryPoints: { mcpServer: 'src/cli/mcpServer.ts' }, outdir: 'dist', external: [] },
  // The webview scripts (task definition form, service form, service map): browser IIFEs (no Node, no vscode), in dist/webview.
  {
    ...common, platform: 'browser', format: 'iife', target: 'es2022', external: [],
    entryPoints: { taskDefinitionForm: 'media/taskDefinitionForm/main.ts', serviceForm: 'media/serviceForm/main.ts', serviceMap: 'media/serviceMap/main.ts' }, outdir: 'dist/webview',
  },
];

if (watch) {
  for (const options of [...builds, awsLayer]) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
} else {
  rmSync('dist/sdk', { recursive: true, force: true });
  const results = (await Promise.all([...builds.map((options) => esbuild.build(options)), buildSplitAwsLayer(common, 'src/aws/index.ts')])).flat();
  // What went into each bundle: the bundle test reads it to prove activation ships no SDK code.
  const inputs = Object.fromEntries(
    results.flatMap((r) => Object.entries(r.metafile.outputs))
      .filter(([file]) => file.endsWith('.js'))
      .map(([file, output]) => [file, { bytes: output.bytes, inputs: Object.keys(output.inputs) }]),
  );
  writeFileSync('dist/bundles.json', JSON.stringify(inputs, null, 2));
  chmodSync('dist/cli.js', 0o755); // runnable as ./dist/cli.js, as npm links the bin
  for (const result of results) {
    for (const [file, output] of Object.entries(result.metafile.outputs)) {
      if (file.endsWith('.js')) {
        console.log(`${file.padEnd(24)} ${(output.bytes / 1024).toFixed(1).padStart(8)} KB`);
      }
    }
  }
}
