import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listProfiles, profileRegion } from '../../../src/aws/profiles';

describe('profiles', () => {
  const saved = { config: process.env.AWS_CONFIG_FILE, credentials: process.env.AWS_SHARED_CREDENTIALS_FILE };
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-profiles-'));
    process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(dir, 'credentials');
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [key, value] of [['AWS_CONFIG_FILE', saved.config], ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('lists profiles of both files with their kind and region, default first, no sso-session sections', async () => {
    fs.writeFileSync(process.env.AWS_CONFIG_FILE!, [
      '[default]', 'region = us-east-1',
      '[profile work]', 'sso_session = corp', 'sso_account_id = 123456789012', 'sso_role_name = Dev', 'region = ap-northeast-2',
      '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1',
      '[profile deploy]', 'role_arn = arn:aws:iam::123456789012:role/deploy', 'source_profile = default',
      '[profile tool]', 'credential_process = /usr/bin/get-creds',
    ].join('\n'));
    fs.writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE!, [
      '[default]', 'aws_access_key_id = AKIAEXAMPLE', 'aws_secret_access_key = secret',
      '[ci]', 'aws_access_key_id = AKIAEXAMPLE2', 'aws_secret_access_key = secret2',
    ].join('\n'));
    const profiles = await listProfiles();
    assert.deepEqual(profiles.map((p) => p.name), ['default', 'ci', 'deploy', 'tool', 'work']);
    const byName = Object.fromEntries(profiles.map((p) => [p.name, p]));
    assert.equal(byName.default?.kind, 'keys');
    assert.equal(byName.work?.kind, 'sso');
    assert.equal(byName.deploy?.kind, 'role');
    assert.equal(byName.tool?.kind, 'process');
    assert.equal(byName.work?.region, 'ap-northeast-2');
    assert.equal(await profileRegion('work'), 'ap-northeast-2');
    assert.equal(await profileRegion('nope'), undefined);
    assert.doesNotMatch(JSON.stringify(profiles), /secret|AKIA/);
  });

  it('sees a file changed after the first read', async () => {
    fs.writeFileSync(process.env.AWS_CONFIG_FILE!, '[profile a]\nregion = us-west-2\n');
    assert.deepEqual((await listProfiles()).map((p) => p.name), ['a']);
    fs.writeFileSync(process.env.AWS_CONFIG_FILE!, '[profile a]\nregion = us-west-2\n[profile b]\nregion = eu-west-1\n');
    assert.deepEqual((await listProfiles()).map((p) => p.name), ['a', 'b']);
  });

  it('returns no profiles when neither file exists', async () => {
    assert.deepEqual(await listProfiles(), []);
  });
});
