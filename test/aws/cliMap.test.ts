// `ecs-studio map` as a user runs it (dist/cli.js in a child process) against moto's tutorial
// world: the Mermaid text names the broken paths with their findings before the fix, and none
// after `doctor --fix --yes`; --format svg --output FILE writes a self-contained SVG.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../support/tutorialWorld';
import { cliRunner, type CliRunner, type Run } from './cliRunner';
import { moto, resetMoto } from './setup';

/** A region no other aws suite uses. */
const REGION = 'af-south-1';

describe('ecs-studio map (dist/cli.js)', function () {
  let runner: CliRunner;
  let world: TutorialWorld;

  function cli(command: string, ...extra: string[]): Run {
    return runner.run([command, '--cluster', TUTORIAL.clusterName, '--service', TUTORIAL.serviceName, '--region', REGION, '--endpoint-url', moto().url, ...extra]);
  }

  /** The Mermaid links: `✗ CODE: title` of each broken one, the ends by their node text. */
  function brokenLinks(mermaid: string): string[] {
    return mermaid.split('\n').filter((l) => l.includes('==>|')).map((l) => l.replace(/^\s*n\d+ ==>\|"(.*)"\| n\d+$/, '$1'));
  }

  before(async function () {
    this.timeout(120_000);
    await resetMoto();
    world = await seedTutorialWorld(moto().url, { region: REGION, stoppedTasks: false });
    runner = cliRunner();
  });

  after(function () {
    runner?.dispose();
  });

  it('draws the tutorial as Mermaid: each private subnet\'s paths to ECR, S3 and CloudWatch Logs broken, with their findings', function () {
    const run = cli('map');
    assert.equal(run.status, 0, run.stderr);
    const text = run.stdout;
    assert.match(text, /^flowchart LR\n/);
    for (const subnet of world.privateSubnetIds) assert.ok(text.includes(`Tasks in ${subnet}`), `no node for ${subnet}:\n${text}`);
    assert.ok(text.includes(`Load balancer ${TUTORIAL.albName}`), text);
    const broken = brokenLinks(text);
    const missing = ['ecr.api', 'ecr.dkr', 'logs'].map((k) => `✗ ENDPOINT_MISSING: The interface endpoint com.amazonaws.${REGION}.${k} is missing`);
    for (const m of missing) assert.equal(broken.filter((b) => b.startsWith(m)).length, world.privateSubnetIds.length, `${m} once per task subnet in:\n${broken.join('\n')}`);
    assert.equal(broken.filter((b) => b.startsWith('✗ S3_GATEWAY_ENDPOINT_MISSING')).length, world.privateSubnetIds.length, broken.join('\n'));
    assert.equal(broken.length, 4 * world.privateSubnetIds.length, broken.join('\n'));
    // The front works: the balancer forwards to the target group, which reaches the tasks.
    assert.match(text, /-->\|"✓ HTTP:80 forward"\|/);
  });

  it('after doctor --fix, the map has no broken path: the tasks reach each service through its endpoint', function () {
    this.timeout(120_000);
    const fix = cli('doctor', '--fix', '--yes');
    assert.equal(fix.status, 0, `${fix.stdout}\n${fix.stderr}`);
    const run = cli('map');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(brokenLinks(run.stdout), []);
    assert.match(run.stdout, /\[\["Endpoint ecr\.api<br\/>vpce-/);
    assert.match(run.stdout, /-->\|"✓ PrivateLink"\|/);
  });

  it('--format svg --output FILE writes an SVG with its style inside and every edge focusable', function () {
    const file = path.join(runner.home, 'map.svg');
    const run = cli('map', '--format', 'svg', '--output', file);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /Wrote the map of service .* to .*map\.svg\./);
    const svg = fs.readFileSync(file, 'utf8');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" class="service-map"/);
    assert.match(svg, /<style>[^<]*--vscode-charts-green, #2e7d32/);
    const edges = svg.match(/<g class="edge (ok|broken|unchecked)"[^>]*tabindex="0"/g) ?? [];
    assert.ok(edges.length >= 8, `${edges.length} edges`);
  });

  it('a bad --format is a usage error (exit 2) and draws nothing', function () {
    const run = cli('map', '--format', 'png');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--format takes mermaid or svg, not 'png'/);
    assert.equal(run.stdout, '');
  });
});
