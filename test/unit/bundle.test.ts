// The bundle loaded at activation stays small and free of SDK code (the AWS layer is a
// separate bundle loaded on first use), and the AWS layer holds only the clients the Clusters
// view needs: the others are bundles of their own, loaded on first use (scripts/lazySdk.mjs).
// Reads dist/ as built by `npm run build`.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const dist = path.resolve(__dirname, '..', '..', '..', 'dist');

interface BundleInfo { bytes: number; inputs: string[] }

function bundles(): Record<string, BundleInfo> {
  const file = path.join(dist, 'bundles.json');
  assert.ok(fs.existsSync(file), `${file} is missing: run "npm run build" first`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, BundleInfo>;
}

describe('bundles', () => {
  it('the activation bundle, as the .vsix ships it (minified), is under 200 KB', async function () {
    this.timeout(30_000);
    // The production options of esbuild.mjs, built in memory: dist/ holds the development build.
    const esbuild = await import('esbuild');
    const built = await esbuild.build({
      entryPoints: [path.join(dist, '..', 'src', 'extension.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
      minify: true, external: ['vscode'], legalComments: 'none', write: false, logLevel: 'silent',
    });
    const size = built.outputFiles[0]!.contents.length;
    assert.ok(size < 200 * 1024, `dist/extension.js (production) is ${(size / 1024).toFixed(1)} KB`);
  });

  it('the activation bundle contains no @aws-sdk or @smithy code', () => {
    const { inputs } = bundles()['dist/extension.js'] ?? { inputs: [] };
    assert.ok(inputs.length > 0, 'no inputs recorded for dist/extension.js');
    const sdk = inputs.filter((i) => /node_modules\/@(aws-sdk|smithy|aws-crypto)\//.test(i));
    assert.deepEqual(sdk, []);
    const text = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
    assert.doesNotMatch(text, /require\(["']@aws-sdk\//);
  });

  it('the AWS layer is its own bundle, loaded through src/awsModule.ts', () => {
    const all = bundles();
    assert.ok(all['dist/aws.js']?.inputs.some((i) => i.includes('node_modules/@aws-sdk/client-ecs/')), 'dist/aws.js holds the ECS client');
    assert.ok(all['dist/extension.js']?.inputs.includes('src/awsModule.ts'));
  });

  const LAZY = { ec2: 'client-ec2', elbv2: 'client-elastic-load-balancing-v2', iam: 'client-iam', logs: 'client-cloudwatch-logs', ecr: 'client-ecr', secretsmanager: 'client-secrets-manager', ssm: 'client-ssm' };
  const sdkPackage = (inputs: string[], pkg: string): string[] => inputs.filter((i) => i.includes(`node_modules/@aws-sdk/${pkg}/`));

  it('the AWS layer holds the ECS and STS clients, and each other client is a bundle of its own', () => {
    const all = bundles();
    const layer = all['dist/aws.js']?.inputs ?? [];
    assert.ok(sdkPackage(layer, 'client-ecs').length > 0, 'dist/aws.js holds the ECS client');
    assert.ok(sdkPackage(layer, 'client-sts').length > 0, 'dist/aws.js holds the STS client');
    for (const [chunk, pkg] of Object.entries(LAZY)) {
      assert.deepEqual(sdkPackage(layer, pkg), [], `dist/aws.js holds none of @aws-sdk/${pkg}`);
      const own = all[`dist/sdk/${chunk}.js`]?.inputs ?? [];
      assert.ok(sdkPackage(own, pkg).length > 0, `dist/sdk/${chunk}.js holds @aws-sdk/${pkg}`);
      // What the layer already holds is taken from it, not copied.
      assert.deepEqual(own.filter((i) => /node_modules\/@smithy\/core\//.test(i) && !i.startsWith('lazy-sdk-shared:')), [], `dist/sdk/${chunk}.js copies no @smithy/core`);
    }
  });

  it('loading the AWS layer loads no client bundle; a client bundle loads on its own and shares the layer\'s core', () => {
    const script = `
      const path = require('node:path');
      const dist = ${JSON.stringify(dist)};
      const layer = require(path.join(dist, 'aws.js'));
      const before = Object.keys(require.cache).filter((f) => f.includes(path.join(dist, 'sdk'))).length;
      const ec2 = require(path.join(dist, 'sdk', 'ec2.js'));
      console.log(JSON.stringify({ before, ec2Client: typeof ec2.EC2Client, shared: Object.keys(layer.__sdkShared).length, session: typeof layer.createSession }));
    `;
    const res = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    const out = JSON.parse(res.stdout) as { before: number; ec2Client: string; shared: number; session: string };
    assert.deepEqual({ before: out.before, ec2Client: out.ec2Client, session: out.session }, { before: 0, ec2Client: 'function', session: 'function' });
    assert.ok(out.shared > 0, 'dist/aws.js shares its SDK core with the client bundles');
  });
});
