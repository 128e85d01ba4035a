// Runs inside the VS Code extension host (through test/support/runExtensionTests.ts) and
// measures what activating ECS Studio costs there: the time of `activate()` and whether the
// AWS layer was loaded. Writes JSON to ECS_STUDIO_BENCH_OUT.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const out = process.env.ECS_STUDIO_BENCH_OUT;
  if (!out) throw new Error('ECS_STUDIO_BENCH_OUT is not set');
  const ext = vscode.extensions.getExtension<{ testing: { isAwsLoaded(): boolean } }>('ecs-studio.ecs-studio');
  if (!ext) throw new Error('ecs-studio.ecs-studio is not loaded');
  if (ext.isActive) throw new Error('the extension was already active: the measurement would be empty');
  const started = performance.now();
  const api = await ext.activate();
  const activationMs = performance.now() - started;
  fs.writeFileSync(out, JSON.stringify({ activationMs, awsLoaded: api.testing.isAwsLoaded() }));
  // The runner reads only lines tagged with ECS_STUDIO_TEST_OUTPUT_TAG (see test/extension/index.ts).
  const tag = process.env.ECS_STUDIO_TEST_OUTPUT_TAG ?? '';
  console.log(`${tag}activation ${activationMs.toFixed(1)} ms`);
  console.log(`${tag}1 passed, 0 failed`);
}
