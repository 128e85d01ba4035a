// The texts a user reads when a request names a launch type, operating system, CPU architecture
// or network mode ECS doesn't know, or one that doesn't fit the others (Windows, Fargate, links);
// the name, tag and environment variable messages; an image built for another platform; and how
// the report keeps the rules' order and drops repeats (mutation testing, docs/mutation.md).

import * as assert from 'node:assert/strict';
import { validateRegisterRequestJson } from '../../../src/forms/validateTaskDefinition';
import type { JsonIssue } from '../../../src/forms/validateTaskDefinition';
import { operatingSystemLabel } from '../../../src/forms/taskPlatformRules';
import { Report, finish } from '../../../src/forms/validationIssues';
import { EXECUTION_ROLE_ARN } from './builders';

type Json = Record<string, unknown>;

function ec2(patch: Json = {}, container: Json = {}): Json {
  return {
    family: 'texts',
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 128, ...container }],
    ...patch,
  };
}

function fargate(patch: Json = {}, container: Json = {}): Json {
  return {
    family: 'texts',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '1024',
    memory: '2048',
    executionRoleArn: EXECUTION_ROLE_ARN,
    containerDefinitions: [{ name: 'web', image: 'nginx:1.27', ...container }],
    ...patch,
  };
}

function check(request: Json, facts = {}): { errors: JsonIssue[]; warnings: JsonIssue[] } {
  return validateRegisterRequestJson(JSON.stringify(request, null, 2), facts);
}

function errors(request: Json): Array<[string, string, string]> {
  return check(request).errors.map((e) => [e.path, e.code, e.message]);
}

describe('platform, name and tag texts', () => {
  describe('values ECS doesn\'t know', () => {
    it('names an unknown launch type at its place in the list', () => {
      assert.deepEqual(errors(ec2({ requiresCompatibilities: ['EC2', 'fargate'] })), [
        ['requiresCompatibilities[1]', 'COMPATIBILITY_INVALID', '"fargate" isn\'t a launch type ECS knows: use EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES.'],
      ]);
    });
    it('names an unknown operating system and CPU architecture', () => {
      assert.deepEqual(errors(ec2({ runtimePlatform: { operatingSystemFamily: 'linux', cpuArchitecture: 'AMD64' } })), [
        ['runtimePlatform.operatingSystemFamily', 'OS_INVALID', '"linux" isn\'t an operating system ECS knows: use LINUX or a WINDOWS_SERVER_... value.'],
        ['runtimePlatform.cpuArchitecture', 'ARCH_INVALID', '"AMD64" isn\'t a CPU architecture ECS knows: use X86_64 or ARM64.'],
      ]);
      assert.deepEqual(errors(ec2({ runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' } })), []);
    });
    it('names an unknown network mode, and says nothing more about it on Fargate', () => {
      assert.deepEqual(errors(fargate({ networkMode: 'vpc' })), [
        ['networkMode', 'NETWORK_MODE_INVALID', '"vpc" isn\'t a network mode: use awsvpc, bridge, host or none.'],
      ]);
    });
    it('tells Fargate without a network mode that ECS would use bridge', () => {
      const request = fargate();
      delete request.networkMode;
      assert.deepEqual(errors(request), [
        ['networkMode', 'NETWORK_MODE_FARGATE', 'Fargate tasks need the awsvpc network mode: set it (without one ECS uses bridge, which Fargate rejects).'],
      ]);
    });
  });

  describe('Windows', () => {
    const windows = { operatingSystemFamily: 'WINDOWS_SERVER_2019_CORE' };
    for (const mode of ['bridge', 'host', 'none']) {
      it(`refuses the ${mode} network mode`, () => {
        assert.deepEqual(errors(ec2({ networkMode: mode, runtimePlatform: windows })), [
          ['networkMode', 'NETWORK_MODE_WINDOWS', `Windows tasks use awsvpc or the default network mode, not ${mode}.`],
        ]);
      });
    }
    it('takes awsvpc and the default network mode, and Linux in bridge mode', () => {
      assert.deepEqual(errors(ec2({ networkMode: 'awsvpc', runtimePlatform: windows })), []);
      assert.deepEqual(errors(ec2({ runtimePlatform: windows })), []);
      assert.deepEqual(errors(ec2({ networkMode: 'bridge' })), []);
    });
    it('labels each operating system as people write it, and an unknown one as written', () => {
      assert.equal(operatingSystemLabel('WINDOWS_SERVER_2022_CORE'), 'Windows Server 2022 Core');
      assert.equal(operatingSystemLabel('LINUX'), 'Linux');
      assert.equal(operatingSystemLabel('PLAN9'), 'PLAN9');
    });
  });

  describe('links', () => {
    const linked = (mode: string) => ec2({ networkMode: mode }, { links: ['db'] });
    const withDb = (request: Json) => ({
      ...request,
      containerDefinitions: [...(request.containerDefinitions as Json[]), { name: 'db', image: 'postgres:16', memory: 128 }],
    });
    it('says containers reach each other on localhost in awsvpc mode', () => {
      assert.deepEqual(errors(withDb(linked('awsvpc'))), [['containerDefinitions[0].links[0]', 'LINKS_NETWORK_MODE',
        'links only work in the bridge network mode; in awsvpc mode the task\'s containers reach each other on localhost: remove links.']]);
    });
    for (const mode of ['host', 'none']) {
      it(`says containers use the host's or no network in ${mode} mode`, () => {
        assert.deepEqual(errors(withDb(linked(mode))), [['containerDefinitions[0].links[0]', 'LINKS_NETWORK_MODE',
          `links only work in the bridge network mode; in ${mode} mode containers use the host's or no network: remove links.`]]);
      });
    }
    it('takes links in bridge mode', () => {
      assert.deepEqual(errors(withDb(linked('bridge'))), []);
    });
    it('says there are no volumes to name when the task has none', () => {
      assert.deepEqual(errors(ec2({ volumes: [] }, { mountPoints: [{ sourceVolume: 'zzzzzzzz', containerPath: '/data' }] })), [
        ['containerDefinitions[0].mountPoints[0].sourceVolume', 'MOUNT_VOLUME_UNKNOWN',
          'mountPoints names the volume "zzzzzzzz", but there\'s no such volume in volumes: add it, or name one of the task\'s volumes (there are none).'],
      ]);
    });
  });

  describe('names, tags and environment variables', () => {
    it('counts a container name up to 255 characters', () => {
      assert.deepEqual(errors(ec2({}, { name: 'c'.repeat(255) })), []);
      assert.deepEqual(errors(ec2({}, { name: 'c'.repeat(256) })), [
        ['containerDefinitions[0].name', 'CONTAINER_NAME_TOO_LONG', 'The container name is 256 characters long: ECS allows up to 255.'],
      ]);
    });
    it('reserves aws: in keys and values whatever its case, and names a value\'s bad character', () => {
      const tagged = (key: string, value: string) => ec2({ tags: [{ key, value }] });
      assert.deepEqual(errors(tagged('AWS:team', 'x')), [
        ['tags[0].key', 'TAG_RESERVED', 'Tag keys starting with aws: are reserved for AWS: choose another key.'],
      ]);
      assert.deepEqual(errors(tagged('team', 'Aws:x')), [['tags[0].value', 'TAG_RESERVED', 'Tag values starting with aws: are reserved for AWS.']]);
      assert.deepEqual(errors(tagged('team', 'a;b')), [['tags[0].value', 'TAG_VALUE_INVALID',
        'A tag value can\'t contain ";": use letters, digits, spaces and _ . : / = + - @.']]);
      assert.deepEqual(errors(tagged('t;m', 'x')), [['tags[0].key', 'TAG_KEY_INVALID',
        'A tag key can\'t contain ";": use letters, digits, spaces and _ . : / = + - @.']]);
      assert.deepEqual(errors(tagged('team aws:', 'x aws: _.:/=+-@ é 7')), []);
    });
    it('refuses a repeated tag key, and an empty value is fine', () => {
      assert.deepEqual(errors(ec2({ tags: [{ key: 'team', value: '' }, { key: 'team', value: 'b' }] })), [
        ['tags[1].key', 'TAG_KEY_DUPLICATE', 'The tag team is already set: each key can appear once.'],
      ]);
    });
    it('names the bad characters of an environment variable and a secret', () => {
      assert.deepEqual(errors(ec2({}, { environment: [{ name: 'A=B', value: '1' }] })), [
        ['containerDefinitions[0].environment[0].name', 'ENV_NAME_INVALID', 'An environment variable name can\'t contain "=".'],
      ]);
      const secret = (name: string) => ec2({ executionRoleArn: EXECUTION_ROLE_ARN }, { secrets: [{ name, valueFrom: '/prod/db' }] });
      assert.deepEqual(errors(secret('DB PASS')), [['containerDefinitions[0].secrets[0].name', 'SECRET_NAME_INVALID',
        'A secret\'s name becomes an environment variable, so it can\'t contain a space.']]);
      assert.deepEqual(errors(secret('  ')), [['containerDefinitions[0].secrets[0].name', 'SECRET_NAME_REQUIRED',
        'Give this secret the environment variable name the container will see it as.']]);
      assert.deepEqual(errors(secret('DB_PASS')), []);
    });
  });

  describe('an image built for another platform', () => {
    const image = 'nginx:1.27';
    const warning = (platform: Json, built: Array<Record<string, string>>) => {
      const w = check(fargate({ runtimePlatform: platform }), { imagePlatforms: { [image]: built } }).warnings
        .filter((i) => i.code === 'IMAGE_PLATFORM_MISMATCH');
      return w.map((i) => [i.path, i.message]);
    };
    it('tells a Linux/ARM64 task how to build for it, or to choose X86_64', () => {
      assert.deepEqual(warning({ cpuArchitecture: 'ARM64' }, [{ os: 'linux', architecture: 'amd64' }, { os: 'linux', architecture: 'arm', variant: 'v7' }]), [[
        'containerDefinitions[0].image',
        'This image is built for linux/amd64 and linux/arm/v7, but the task runs Linux/ARM64: it will fail to start ("exec format error" or "descriptor matching platform"). Build it for linux/arm64 (docker buildx build --platform linux/arm64) or choose X86_64 here.',
      ]]);
    });
    it('tells a Linux/X86_64 task to choose ARM64 for an ARM image', () => {
      const [[, message]] = warning({}, [{ os: 'linux', architecture: 'arm64' }]);
      assert.match(message, /the task runs Linux\/X86_64: .* Build it for linux\/amd64 \(docker buildx build --platform linux\/amd64\) or choose ARM64 here\.$/);
    });
    it('tells a Windows task only to build for windows/amd64', () => {
      const [[, message]] = warning({ operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' }, [{ os: 'linux', architecture: 'amd64' }]);
      assert.match(message, /the task runs Windows Server 2022 Core\/X86_64: .*\. Build it for windows\/amd64\.$/);
    });
    it('matches the platform whatever its case, and says nothing without platforms', () => {
      assert.deepEqual(warning({ cpuArchitecture: 'ARM64' }, [{ os: 'Linux', architecture: 'ARM64' }]), []);
      assert.deepEqual(warning({ cpuArchitecture: 'ARM64' }, []), []);
    });
  });

  describe('the report', () => {
    it('keeps the order issues were found in, and drops an exact repeat only', () => {
      const report = new Report();
      report.error(['b'], 'B', 'second');
      report.warning(['a'], 'A', 'first warning');
      report.error(['a'], 'A', 'first');
      report.error(['b'], 'B', 'second');
      report.error(['b'], 'B', 'other text');
      report.warning(['b'], 'B', 'second');
      const result = finish(report, (segs) => segs.join('.'));
      assert.deepEqual(result.errors, [
        { path: 'b', code: 'B', message: 'second' },
        { path: 'a', code: 'A', message: 'first' },
        { path: 'b', code: 'B', message: 'other text' },
      ]);
      assert.deepEqual(result.warnings, [
        { path: 'a', code: 'A', message: 'first warning' },
        { path: 'b', code: 'B', message: 'second' },
      ]);
    });
    it('marks an issue about a property name as on its key, and others not', () => {
      const report = new Report();
      report.error(['x'], 'X', 'm');
      report.warning(['y'], 'Y', 'm', true);
      assert.deepEqual(report.issues.map((i) => [i.severity, i.onKey]), [['error', false], ['warning', true]]);
    });
  });
});
