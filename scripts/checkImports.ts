// The import graph of src/: every import points down the layers of scripts/layers.json, and no
// file reaches itself through its imports (type-only imports count: a type in the wrong file is
// how cycles start). Run in the lint tier (test/support/runLint.ts); ESLint reports the same
// upward imports per file in the editor, this adds what a per-file rule cannot see: cycles.
//
//   node out/scripts/checkImports.js            check src/, print each violation, exit 1 on any
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

export interface LayerTable { layers: string[][]; pure: string[] }
/** File (relative to src, with '/') -> the files it imports (same form). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

export interface Violation { kind: 'upward' | 'sibling' | 'cycle' | 'unlayered'; message: string }

/** The top-level entry of a file under src: its first folder, or the file itself at the root. */
export function unitOf(file: string): string {
  const slash = file.indexOf('/');
  return slash < 0 ? file : file.slice(0, slash);
}

export function layerIndex(table: LayerTable): Map<string, number> {
  const index = new Map<string, number>();
  table.layers.forEach((units, rank) => units.forEach((unit) => index.set(unit, rank)));
  return index;
}

/** Imports that leave their folder for one at the same layer or above, and files in no layer. */
export function layerViolations(graph: ImportGraph, table: LayerTable): Violation[] {
  const rank = layerIndex(table);
  const out: Violation[] = [];
  for (const [from, targets] of graph) {
    const fromUnit = unitOf(from);
    const fromRank = rank.get(fromUnit);
    if (fromRank === undefined) {
      out.push({ kind: 'unlayered', message: `src/${from}: ${fromUnit} is in no layer of scripts/layers.json` });
      continue;
    }
    for (const to of targets) {
      const toUnit = unitOf(to);
      if (toUnit === fromUnit) continue;
      const toRank = rank.get(toUnit);
      if (toRank === undefined) continue; // reported as unlayered from its own side
      if (toRank < fromRank) {
        out.push({ kind: 'upward', message: `src/${from} imports src/${to}: ${fromUnit} (layer ${fromRank}) may not import ${toUnit} (layer ${toRank}, above it)` });
      } else if (toRank === fromRank) {
        out.push({ kind: 'sibling', message: `src/${from} imports src/${to}: ${fromUnit} and ${toUnit} share layer ${fromRank} and may not import each other` });
      }
    }
  }
  return out;
}

/** Strongly connected components of more than one file, or a file importing itself (Tarjan). */
export function cycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

export function cycleViolations(graph: ImportGraph): Violation[] {
  return cycles(graph).map((files) => ({ kind: 'cycle' as const, message: `import cycle: ${files.map((f) => `src/${f}`).join(' <-> ')}` }));
}

/** Reads every .ts file under `srcDir` and resolves its relative imports (type-only ones too). */
export function readImportGraph(srcDir: string): Map<string, string[]> {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  walk(srcDir);
  const rel = (file: string) => path.relative(srcDir, file).split(path.sep).join('/');
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const base = path.resolve(path.dirname(file), fileName);
      const resolved = [`${base}.ts`, path.join(base, 'index.ts'), base].find((c) => c.endsWith('.ts') && fs.existsSync(c));
      if (resolved && resolved.startsWith(srcDir + path.sep)) targets.add(rel(resolved));
    }
    graph.set(rel(file), [...targets].sort());
  }
  return graph;
}

export function readLayerTable(repo: string): LayerTable {
  return JSON.parse(fs.readFileSync(path.join(repo, 'scripts', 'layers.json'), 'utf8')) as LayerTable;
}

function main(): void {
  const repo = path.resolve(__dirname, '..', '..');
  const graph = readImportGraph(path.join(repo, 'src'));
  const violations = [...layerViolations(graph, readLayerTable(repo)), ...cycleViolations(graph)];
  for (const v of violations) console.log(`  ${v.kind}: ${v.message}`);
  const edges = [...graph.values()].reduce((n, t) => n + t.length, 0);
  console.log(`${graph.size} files, ${edges} imports: ${violations.length === 0 ? 'every import points down, no cycle' : `${violations.length} violation(s)`}`);
  process.exitCode = violations.length === 0 ? 0 : 1;
}

if (require.main === module) main();
