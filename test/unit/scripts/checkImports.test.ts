// The import-graph check of the lint tier: it must fail on an upward import, an import between
// two folders of one layer, a file in no layer, and a cycle (type-only imports included).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  cycleViolations, cycles, layerViolations, readImportGraph, readLayerTable, type LayerTable,
} from '../../../scripts/checkImports';

const TABLE: LayerTable = { layers: [['extension.ts'], ['commands'], ['tree', 'webviews'], ['model']], pure: ['model'] };
const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('checkImports', () => {
  it('accepts imports that point down or stay in their folder', () => {
    const ok = graph({
      'extension.ts': ['commands/a.ts', 'model/m.ts'],
      'commands/a.ts': ['commands/b.ts', 'tree/t.ts'],
      'commands/b.ts': [],
      'tree/t.ts': ['model/m.ts'],
      'model/m.ts': [],
    });
    assert.deepEqual(layerViolations(ok, TABLE), []);
    assert.deepEqual(cycleViolations(ok), []);
  });

  it('reports an upward import with both files and layers', () => {
    const up = graph({ 'tree/t.ts': ['commands/a.ts'], 'commands/a.ts': [] });
    const violations = layerViolations(up, TABLE);
    assert.equal(violations.length, 1);
    assert.equal(violations[0]?.kind, 'upward');
    assert.match(violations[0]!.message, /src\/tree\/t\.ts imports src\/commands\/a\.ts: tree \(layer 2\) may not import commands \(layer 1/);
  });

  it('reports an import between two folders of one layer', () => {
    const sideways = graph({ 'tree/t.ts': ['webviews/w.ts'], 'webviews/w.ts': [] });
    assert.deepEqual(layerViolations(sideways, TABLE).map((v) => v.kind), ['sibling']);
  });

  it('reports a file whose folder is in no layer', () => {
    const stray = graph({ 'explorer/x.ts': ['model/m.ts'], 'model/m.ts': [] });
    assert.deepEqual(layerViolations(stray, TABLE).map((v) => v.kind), ['unlayered']);
  });

  it('finds a cycle inside one folder, which the layer rule cannot see', () => {
    const loop = graph({ 'model/a.ts': ['model/b.ts'], 'model/b.ts': ['model/c.ts'], 'model/c.ts': ['model/a.ts'], 'model/d.ts': ['model/a.ts'] });
    assert.deepEqual(layerViolations(loop, TABLE), []);
    assert.deepEqual(cycles(loop), [['model/a.ts', 'model/b.ts', 'model/c.ts']]);
    assert.match(cycleViolations(loop)[0]!.message, /src\/model\/a\.ts <-> src\/model\/b\.ts <-> src\/model\/c\.ts/);
  });

  it('finds a file that imports itself', () => {
    assert.deepEqual(cycles(graph({ 'model/a.ts': ['model/a.ts'] })), [['model/a.ts']]);
  });

  describe('reading a source tree', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-imports-'));
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
      };
      write('model/a.ts', "import type { B } from './b';\nexport type A = B;\n");
      write('model/b.ts', "import { a } from './a';\nimport * as fs from 'node:fs';\nexport type B = typeof a;\n");
      write('tree/index.ts', "export * from '../model/a';\n");
      write('commands/c.ts', "import { x } from '../tree';\nconst later = () => import('../model/b');\n");
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('resolves relative, index, re-export, dynamic and type-only imports, and skips packages', () => {
      const read = readImportGraph(dir);
      assert.deepEqual(Object.fromEntries(read), {
        'commands/c.ts': ['model/b.ts', 'tree/index.ts'],
        'model/a.ts': ['model/b.ts'],
        'model/b.ts': ['model/a.ts'],
        'tree/index.ts': ['model/a.ts'],
      });
      assert.deepEqual(cycles(read), [['model/a.ts', 'model/b.ts']]);
    });
  });

  it('every folder and root file of src/ is in the repository layer table', () => {
    const repo = path.resolve(__dirname, '..', '..', '..', '..');
    const table = readLayerTable(repo);
    const listed = new Set(table.layers.flat());
    const units = fs.readdirSync(path.join(repo, 'src'), { withFileTypes: true })
      .filter((e) => e.isDirectory() || e.name.endsWith('.ts'))
      .map((e) => e.name);
    assert.deepEqual(units.filter((u) => !listed.has(u)), []);
    assert.ok(table.pure.every((u) => listed.has(u)), 'every pure folder is a layer');
  });
});
