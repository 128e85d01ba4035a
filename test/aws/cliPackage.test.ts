// The command line as its npm package (ecs-studio-cli, scripts/packCli.mjs): the tarball holds
// only the bundle, the MCP server's bundle, README, LICENSE and package.json, installs offline into a temporary prefix
// (it has no dependencies), and the installed `ecs-studio` runs --version, explain and doctor
// against moto on the tutorial's broken world, under the machine's Node (20 here) without the
// AWS SDK's Node-version notice; an MCP client lists the tools of the installed `ecs-studio mcp`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../support/moto';
import { packAndInstallCli, REPO, runProcess, type PackedCli, type ProcessRun } from '../support/packages';
import { seedTutorialWorld, TUTORIAL, TUTORIAL_STOP_REASONS } from '../support/tutorialWorld';
import { moto, resetMoto } from './setup';

const REGION = 'eu-west-2';
/**
 * What the tarball may weigh packed: 1.16 MB from the production bundles, 1.5 MB from development
 * ones (0.6 MB before `map` brought elkjs into cli.js and `mcp` its server bundle).
 */
const MAX_TARBALL_BYTES = 2 * 1024 * 1024;

describe('the ecs-studio-cli npm package, installed from its tarball', function () {
  this.timeout(180_000);
  let cli: PackedCli;
  let proxy: AwsLimitsProxy;

  function env(): NodeJS.ProcessEnv {
    return {
      PATH: `${path.dirname(cli.bin)}${path.delimiter}${process.env.PATH ?? ''}`,
      HOME: path.dirname(cli.tarball),
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: path.join(path.dirname(cli.tarball), 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(path.dirname(cli.tarball), 'credentials'),
    };
  }

  /** `ecs-studio ...` as found on the PATH, the way a pipeline calls it. */
  function ecsStudio(...args: string[]): Promise<ProcessRun> {
    return runProcess('ecs-studio', args, env());
  }

  before(async function () {
    cli = packAndInstallCli();
    console.log(`      ${path.basename(cli.tarball)}: ${cli.files.length} files, ${(cli.bytes / 1024).toFixed(1)} KB`);
    await resetMoto();
    await seedTutorialWorld(moto().url, { region: REGION });
    proxy = await startAwsLimitsProxy(moto().url);
  });

  after(async function () {
    await proxy?.stop();
    cli?.dispose();
  });

  it('holds only cli.js, mcpServer.js, README.md, LICENSE and package.json, under the size budget', function () {
    assert.deepEqual(cli.files, ['LICENSE', 'README.md', 'cli.js', 'mcpServer.js', 'package.json']);
    assert.ok(cli.bytes <= MAX_TARBALL_BYTES, `${cli.bytes} bytes`);
  });

  it('declares the bin, engines.node, no dependencies, and the extension\'s version', function () {
    const installed = path.join(path.dirname(cli.bin), '..', 'lib', 'node_modules', 'ecs-studio-cli');
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    const extension = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(manifest.bin, { 'ecs-studio': 'cli.js' });
    assert.deepEqual(manifest.engines, { node: '>=20' });
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.version, extension.version);
    assert.doesNotMatch(fs.readFileSync(path.join(installed, 'cli.js'), 'utf8').slice(-300), /sourceMappingURL/);
  });

  it('ecs-studio --version prints the package\'s version', async function () {
    const run = await ecsStudio('--version');
    assert.equal(run.status, 0, run.stderr);
    assert.equal(run.stdout.trim(), JSON.parse(fs.readFileSync(path.join(REPO, 'cli', 'package.json'), 'utf8')).version);
  });

  it('ecs-studio explain names the cause of a stopped task\'s reason', async function () {
    const run = await ecsStudio('explain', TUTORIAL_STOP_REASONS.ecr);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^ECR_UNREACHABLE \(error\): /);
    assert.equal(run.stderr, '');
  });

  it('ecs-studio doctor finds the tutorial\'s failures (exit 1), and stderr has no Node-version notice', async function () {
    const run = await ecsStudio('doctor', '--cluster', TUTORIAL.clusterName, '--service', TUTORIAL.serviceName, '--region', REGION, '--endpoint-url', proxy.url);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /ENDPOINT_MISSING/);
    assert.match(run.stdout, /LOG_GROUP_MISSING/);
    assert.doesNotMatch(run.stderr, /NodeVersionSupportWarning|upgrade to node/);
    assert.equal(run.stderr, '');
  });

  it('shows the SDK\'s notice again when the user asks for it (the switch is only a default)', async function () {
    if (Number(process.versions.node.split('.')[0]) >= 22) this.skip(); // the SDK warns only under Node < 22
    const run = await runProcess('ecs-studio', ['doctor', '--cluster', TUTORIAL.clusterName, '--service', TUTORIAL.serviceName, '--region', REGION, '--endpoint-url', proxy.url],
      { ...env(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /NodeVersionSupportWarning/);
  });

  it('the installed ecs-studio mcp serves the three tools to an MCP client', async function () {
    const { PATH, HOME, ...rest } = env();
    const transport = new StdioClientTransport({
      command: cli.bin, args: ['mcp', '--region', REGION, '--endpoint-url', proxy.url],
      env: { PATH: PATH ?? '', HOME: HOME ?? '', ...(rest as Record<string, string>) }, stderr: 'pipe',
    });
    const client = new Client({ name: 'ecs-studio-package-test', version: '0.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((t) => t.name).sort(), ['diagnose_service', 'explain_stop_reason', 'list_failing_services']);
    } finally {
      await client.close();
    }
  });
});
