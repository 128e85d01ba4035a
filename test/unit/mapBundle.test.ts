// The service map's layout library (elkjs) loads only with the map: it is in dist/mapHost.js
// (and the command line's bundle), never in the activation bundle nor in the forms' host.
// Reads dist/bundles.json as built by `npm run build`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const file = path.resolve(__dirname, '..', '..', '..', 'dist', 'bundles.json');

describe('bundles: the service map', () => {
  it('elkjs is in dist/mapHost.js and dist/cli.js only; the webview script is small and has no layout library', () => {
    assert.ok(fs.existsSync(file), `${file} is missing: run "npm run build" first`);
    const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { bytes: number; inputs: string[] }>;
    const withElk = Object.entries(all).filter(([, b]) => b.inputs.some((i) => i.includes('node_modules/elkjs/'))).map(([name]) => name).sort();
    assert.deepEqual(withElk, ['dist/cli.js', 'dist/mapHost.js']);
    assert.ok(all['dist/mapHost.js']?.inputs.includes('src/webviews/serviceMapPanel.ts'));
    const script = all['dist/webview/serviceMap.js'];
    assert.ok(script && script.bytes < 40 * 1024, `dist/webview/serviceMap.js is ${script?.bytes} bytes`);
  });
});
