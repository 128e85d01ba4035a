// The bundle loaded at activation stays small and free of SDK code (the AWS layer is a
// separate bundle loaded on first use). Reads dist/ as built by `npm run build`.
import * as assert from 'node:assert/strict';
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
  it('the activation bundle is under 200 KB', () => {
    const size = fs.statSync(path.join(dist, 'extension.js')).size;
    assert.ok(size < 200 * 1024, `dist/extension.js is ${(size / 1024).toFixed(1)} KB`);
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
});
