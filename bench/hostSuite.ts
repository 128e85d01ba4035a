// Runs inside the VS Code extension host, loaded by bench/hostRuns.ts as the extension-test
// suite of whichever extension is under development in this window: ECS Studio or the empty
// extension (bench/fixtures/emptyExtension). Measures, in this fresh extension host:
//   - module load: the require of the extension's main file (what the host does first);
//   - activate: `extension.activate()` once the module is loaded (the host's own work for any
//     extension, plus the extension's activate());
//   - for ECS Studio, then: the Clusters view's first rows, cold (no AWS layer loaded yet), as
//     the view asks for them when shown (the provider's getChildren at the root), against the
//     endpoint in AWS_ENDPOINT_URL.
// Writes JSON to ECS_STUDIO_BENCH_OUT/<extension host pid>.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../src/api';

export const ECS_STUDIO_ID = 'ecs-studio.ecs-studio';
export const EMPTY_ID = 'ecs-studio-bench.empty-extension';

export interface HostMeasure {
  readonly extension: string;
  readonly loadMs: number;
  readonly activateMs: number;
  /** ECS Studio: its own activate() (measured inside it); the rest of activateMs is the host's. */
  readonly ownActivateMs?: number;
  /** ECS Studio: whether the AWS layer was loaded by activation (it must not be). */
  readonly awsLoadedByActivation?: boolean;
  /** ECS Studio: the Clusters view's first rows, from no AWS layer loaded. */
  readonly clustersMs?: number;
  /** ECS Studio: the labels of the rows shown (cluster names, or the error row). */
  readonly clusterRows?: string[];
}

export async function run(): Promise<void> {
  const outDir = process.env.ECS_STUDIO_BENCH_OUT;
  if (!outDir) throw new Error('ECS_STUDIO_BENCH_OUT is not set');
  const ext = vscode.extensions.getExtension(ECS_STUDIO_ID) ?? vscode.extensions.getExtension(EMPTY_ID);
  if (!ext) throw new Error(`neither ${ECS_STUDIO_ID} nor ${EMPTY_ID} is loaded`);
  if (ext.isActive) throw new Error(`${ext.id} was already active: the measurement would be empty`);
  const main = path.join(ext.extensionPath, String(ext.packageJSON.main));

  let t = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(main); // the host's own require of the same file finds it loaded
  const loadMs = performance.now() - t;
  t = performance.now();
  const api = (await ext.activate()) as EcsStudioApi | undefined;
  const activateMs = performance.now() - t;
  let measure: HostMeasure = { extension: ext.id, loadMs, activateMs };

  if (ext.id === ECS_STUDIO_ID && api) {
    const awsLoadedByActivation = api.testing.isAwsLoaded();
    t = performance.now();
    const rows = await api.clusters.getChildren();
    const clustersMs = performance.now() - t;
    const clusterRows = rows.map((node) => String(node.getTreeItem().label));
    measure = { ...measure, ownActivateMs: api.testing.activateMs(), awsLoadedByActivation, clustersMs, clusterRows };
  }
  fs.writeFileSync(path.join(outDir, `${process.pid}.json`), JSON.stringify(measure));
  const tag = process.env.ECS_STUDIO_TEST_OUTPUT_TAG ?? '';
  console.log(`${tag}${JSON.stringify(measure)}`);
  console.log(`${tag}1 passed, 0 failed`);
}
