// The AWS layer's load alone, cold: a fresh Node process requires dist/aws.js (and then, on its
// own, the biggest client bundle, dist/sdk/ec2.js, which the Clusters view never needs).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { median } from './stats';

export interface LayerLoadMeasure {
  readonly awsMs: number;
  /** Client bundles loaded by requiring dist/aws.js (none: each loads on its first use). */
  readonly chunksLoadedWithLayer: number;
  /** dist/sdk/ec2.js's own load once dist/aws.js is loaded; undefined when it is not a bundle of its own. */
  readonly ec2Ms: number | undefined;
}

const SCRIPT = `
const { performance } = require('node:perf_hooks');
const [aws, ec2] = process.argv.slice(1);
let t = performance.now();
require(aws);
const awsMs = performance.now() - t;
const chunksLoadedWithLayer = Object.keys(require.cache).filter((f) => f.includes('/dist/sdk/')).length;
let ec2Ms;
if (require('node:fs').existsSync(ec2)) { t = performance.now(); require(ec2); ec2Ms = performance.now() - t; }
console.log(JSON.stringify({ awsMs, chunksLoadedWithLayer, ec2Ms }));
`;

export function measureLayerLoad(repo: string, runs: number): LayerLoadMeasure {
  const results: LayerLoadMeasure[] = [];
  for (let i = 0; i < runs; i++) {
    const res = spawnSync(process.execPath, ['-e', SCRIPT, path.join(repo, 'dist', 'aws.js'), path.join(repo, 'dist', 'sdk', 'ec2.js')], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`loading dist/aws.js failed: ${res.stderr}`);
    results.push(JSON.parse(res.stdout) as LayerLoadMeasure);
  }
  const ec2 = results.map((r) => r.ec2Ms).filter((v): v is number => v !== undefined);
  return {
    awsMs: median(results.map((r) => r.awsMs)),
    chunksLoadedWithLayer: Math.max(...results.map((r) => r.chunksLoadedWithLayer)),
    ec2Ms: ec2.length > 0 && fs.existsSync(path.join(repo, 'dist', 'sdk', 'ec2.js')) ? median(ec2) : undefined,
  };
}
