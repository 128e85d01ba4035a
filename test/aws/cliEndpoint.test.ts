// The command line sends every call to --endpoint-url (or AWS_ENDPOINT_URL), the credential
// chain's own STS call of a role profile included: `node dist/cli.js` runs in a child process
// with the stray-connection guard required first (strayConnectionsHook.js), which refuses and
// records any connection to anything but loopback; the AWS-limits proxy in front of moto
// records the calls that arrived.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../support/moto';
import type { StrayAttempt } from '../support/strayConnections';
import { moto } from './setup';

const BUILT_CLI = path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
const HOOK = path.resolve(__dirname, '..', 'support', 'strayConnectionsHook.js');
const REGION = 'ap-southeast-2';
const SSO_REGION = 'eu-west-1';

interface GuardedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Connections the guard refused (anything but loopback). */
  stray: StrayAttempt[];
}

describe('ecs-studio command line: the endpoint is honoured by every call', function () {
  let home: string;
  let proxy: AwsLimitsProxy;

  /**
   * Runs the CLI under the guard, with the profile files in `home` and no keys in the
   * environment. Asynchronously: the proxy answering it runs in this process.
   */
  async function guardedCli(args: string[], env: Record<string, string> = {}): Promise<GuardedRun> {
    const strayLog = path.join(home, `stray-${Date.now()}-${Math.random().toString(16).slice(2)}.jsonl`);
    const child = spawn(process.execPath, ['--require', HOOK, BUILT_CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_CONFIG_FILE: path.join(home, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(home, 'credentials'),
        ECS_STUDIO_STRAY_LOG: strayLog,
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    const status = await new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    const stray = fs.existsSync(strayLog)
      ? fs.readFileSync(strayLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as StrayAttempt)
      : [];
    return { status, stdout, stderr, stray };
  }

  const doctorArgs = (...extra: string[]): string[] =>
    ['doctor', '--cluster', 'no-such-cluster', '--service', 'no-such-service', '--region', REGION, ...extra];

  before(async function () {
    if (!fs.existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` first.`);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-cli-endpoint-'));
    fs.writeFileSync(path.join(home, 'credentials'), [
      '[source]', `aws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}`, `aws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}`,
    ].join('\n') + '\n');
    fs.writeFileSync(path.join(home, 'config'), [
      '[profile role]', 'role_arn = arn:aws:iam::123456789012:role/ecs-studio-cli-test', 'source_profile = source', `region = ${REGION}`,
    ].join('\n') + '\n');
    // A legacy IAM Identity Center profile whose portal is in another region than the profile's.
    const startUrl = 'https://ecs-studio-test.awsapps.com/start';
    const cache = path.join(home, '.aws', 'sso', 'cache');
    fs.mkdirSync(cache, { recursive: true });
    fs.writeFileSync(path.join(cache, `${createHash('sha1').update(startUrl).digest('hex')}.json`), JSON.stringify({
      accessToken: 'test-sso-access-token', expiresAt: '2099-01-01T00:00:00Z', region: SSO_REGION, startUrl,
    }));
    fs.appendFileSync(path.join(home, 'config'), [
      '[profile sso]', `sso_start_url = ${startUrl}`, `sso_region = ${SSO_REGION}`, 'sso_account_id = 123456789012',
      'sso_role_name = Developer', `region = ${REGION}`,
    ].join('\n') + '\n');
    proxy = await startAwsLimitsProxy(moto().url);
  });

  after(async function () {
    await proxy?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  beforeEach(() => proxy.resetCalls());

  it("sends a role profile's AssumeRole and then the doctor's reads to --endpoint-url", async function () {
    const run = await guardedCli(doctorArgs('--profile', 'role', '--endpoint-url', proxy.url));
    assert.deepEqual(run.stray, [], `no connection outside loopback; stderr:\n${run.stderr}`);
    const operations = proxy.calls.map((c) => `${c.service}:${c.operation}`);
    const assumeRole = operations.indexOf('sts:AssumeRole');
    assert.ok(assumeRole >= 0, `the proxy saw the credential chain's AssumeRole: ${operations.join(', ')}`);
    assert.ok(operations.slice(assumeRole + 1).some((op) => op.startsWith('ecs:')), `then the doctor's ECS reads: ${operations.join(', ')}`);
    // The service does not exist: a clear error, exit 2, and nothing else reached.
    assert.equal(run.status, 2, run.stderr);
  });

  it('uses AWS_ENDPOINT_URL when --endpoint-url is not given, for the role profile too', async function () {
    const run = await guardedCli(doctorArgs('--profile', 'role'), { AWS_ENDPOINT_URL: proxy.url });
    assert.deepEqual(run.stray, [], `no connection outside loopback; stderr:\n${run.stderr}`);
    assert.ok(proxy.calls.some((c) => c.operation === 'AssumeRole'), 'AssumeRole reached the proxy');
    assert.equal(run.status, 2, run.stderr);
  });

  it("sends an IAM Identity Center profile's GetRoleCredentials (the SSO portal call) to --endpoint-url", async function () {
    // The SSO profile has a cached, unexpired token (see before()): the SDK's only call is the
    // portal's GetRoleCredentials. A small loopback server stands for the endpoint and records it.
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url?.split('?')[0]}`);
      if (req.url?.startsWith('/federation/credentials')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ roleCredentials: {
          accessKeyId: TEST_CREDENTIALS.accessKeyId, secretAccessKey: TEST_CREDENTIALS.secretAccessKey, sessionToken: 'token', expiration: Date.now() + 3_600_000,
        } }));
        return;
      }
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'ClientException', message: 'not this test' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const run = await guardedCli(doctorArgs('--profile', 'sso', '--endpoint-url', url));
      assert.deepEqual(run.stray, [], `no connection outside loopback; stderr:\n${run.stderr}`);
      assert.ok(seen.includes('GET /federation/credentials'), `the endpoint got GetRoleCredentials: ${seen.join(', ')}`);
      assert.ok(seen.some((s) => s.startsWith('POST /')), `then the doctor's first call: ${seen.join(', ')}`);
      assert.equal(run.status, 2, run.stderr);
    } finally {
      server.close();
    }
  });

  it("without an endpoint, asks the SSO portal of the profile's sso_region (not the region it works in)", async function () {
    const run = await guardedCli(doctorArgs('--profile', 'sso'));
    assert.deepEqual([...new Set(run.stray.map((a) => a.host))], [`portal.sso.${SSO_REGION}.amazonaws.com`], run.stderr);
  });

  it('the guard does catch a call that leaves: without an endpoint the CLI reaches for AWS and is refused', async function () {
    const run = await guardedCli(doctorArgs('--profile', 'role'));
    assert.ok(run.stray.some((a) => /(^|\.)amazonaws\.com$/.test(a.host)), `a refused connection to AWS: ${JSON.stringify(run.stray)}`);
    assert.equal(proxy.calls.length, 0);
    assert.equal(run.status, 2);
  });
});
