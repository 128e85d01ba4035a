// The edges of matching a line to a resource (src/doctor/sarifLocations.ts): what may stand
// before the key, the quotes around the value (matching pairs only), what may follow it, spaces
// around `:` and `=`, names holding regular-expression characters, Terraform blocks (only in
// `.tf` files, a new block ends the container definitions), the first line of several, and the
// workspace's files in order.
import * as assert from 'node:assert/strict';
import { findInWorkspace, findNamingLines, isInfrastructureFileName, type NamedResource } from '../../../src/doctor/sarifLocations';

const FAMILY: NamedResource = { kind: 'taskDefinitionFamily', name: 'app' };
const CONTAINER: NamedResource = { kind: 'containerName', name: 'web' };
const SERVICE: NamedResource = { kind: 'serviceName', name: 'svc' };

/** The line of `target` in a file of `text` (undefined: none). */
function lineOf(text: string | string[], target: NamedResource, path = 'x.yaml'): number | undefined {
  const joined = Array.isArray(text) ? text.join('\n') : text;
  return findNamingLines({ path, text: joined }, [target])[0]?.line;
}

describe('SARIF locations: one line', () => {
  it('the key at the line start, after spaces, a tab, a brace or a comma; not inside another word', () => {
    for (const line of ['family: app', '  family: app', '\tfamily: app', '{"family": "app"}', '{ "a": 1,"family": "app" }', '- Family: app']) {
      assert.equal(lineOf(line, FAMILY), 1, line);
    }
    for (const line of ['myfamily: app', '"subfamily": "app"', 'x.family: app']) assert.equal(lineOf(line, FAMILY), undefined, line);
  });

  it('the value bare, or in matching double or single quotes', () => {
    for (const line of ['family: app', 'family: "app"', "family: 'app'", "'family': 'app'"]) assert.equal(lineOf(line, FAMILY), 1, line);
    for (const line of ['family: "app\'', 'family: \'app"', 'family: "app', 'family: app"']) assert.equal(lineOf(line, FAMILY), undefined, line);
  });

  it('any spaces around the separator, or none', () => {
    for (const line of ['family:app', 'family   :   app', 'family = "app"', 'family="app"', 'family\t=\t"app"']) assert.equal(lineOf(line, FAMILY), 1, line);
    for (const line of ['family app', 'family - app']) assert.equal(lineOf(line, FAMILY), undefined, line);
  });

  it('after the value: the line end, spaces, a comma, a closing brace or bracket, a comment', () => {
    for (const line of ['family: app', 'family: app   ', '"family": "app",', '{"family":"app"}', 'family: "app"]', 'family: app # prod', 'family: app #']) {
      assert.equal(lineOf(line, FAMILY), 1, line);
    }
    for (const line of ['family: app-v2', 'family: app.v2', 'family: app and more', 'family: "app"x']) assert.equal(lineOf(line, FAMILY), undefined, line);
  });

  it('a name with regular-expression characters matches only itself', () => {
    for (const name of ['a.b', 'a*', 'a+b', 'a?', '^a$', 'a{1}', '(a)', 'a|b', '[a]', 'a\\b']) {
      const target: NamedResource = { kind: 'taskDefinitionFamily', name };
      assert.equal(lineOf([`family: x${name}`, `family: ${name}x`, `family: ${name}`], target), 3, name);
    }
    assert.equal(lineOf(['family: aXb', 'family: a.b'], { kind: 'taskDefinitionFamily', name: 'a.b' }), 2);
  });

  it('an empty name names nothing', () => {
    assert.deepEqual(findNamingLines({ path: 'x.json', text: '{"family": ""}' }, [{ kind: 'taskDefinitionFamily', name: '' }]), []);
  });

  it('each key spelling of a kind, and no other kind\'s key', () => {
    for (const line of ['family: app', 'Family: app']) assert.equal(lineOf(line, FAMILY), 1, line);
    for (const line of ['serviceName: svc', 'ServiceName: svc', 'service_name = "svc"']) assert.equal(lineOf(line, SERVICE), 1, line);
    for (const line of ['name: svc', 'Name: svc', 'service: svc', 'family: svc']) assert.equal(lineOf(line, SERVICE), undefined, line);
    for (const line of ['name: app', 'serviceName: app']) assert.equal(lineOf(line, FAMILY), undefined, line);
    for (const key of ['name', 'Name']) assert.equal(lineOf(['containerDefinitions:', `  - ${key}: web`], CONTAINER), 2, key);
    assert.equal(lineOf(['containerDefinitions:', '  - family: web'], CONTAINER), undefined);
  });
});

describe('SARIF locations: a file', () => {
  it('containers only after a line that opens container definitions, in each spelling', () => {
    for (const opener of ['"containerDefinitions": [', 'ContainerDefinitions:', '  container_definitions = jsonencode([', 'CONTAINERDEFINITIONS:']) {
      assert.equal(lineOf(['name: web', opener, 'name: web'], CONTAINER), 3, opener);
    }
    assert.equal(lineOf(['name: web', 'container-definitions:', 'name: web'], CONTAINER), undefined);
  });

  it('Terraform: a new block closes the container definitions', () => {
    const tf = ['resource "aws_ecs_task_definition" "t" {', '  container_definitions = file("c.json")', '}', 'resource "aws_cloudwatch_log_group" "g" {', '  name = "web"', '}'];
    assert.equal(lineOf(tf, CONTAINER, 'main.tf'), undefined);
    assert.equal(lineOf(tf, CONTAINER, 'main.TF'), undefined, 'the extension in capitals is Terraform too');
    assert.equal(lineOf(tf, CONTAINER, 'main.tf.json'), 5, 'not Terraform: no blocks, the definitions stay open');
  });

  it('Terraform: the service\'s `name` only inside an aws_ecs_service block, however indented or spaced', () => {
    for (const opener of ['resource "aws_ecs_service" "s" {', '  resource   "aws_ecs_service" "s" {', '\tresource\t"aws_ecs_service" {']) {
      assert.equal(lineOf([opener, '  name = "svc"'], SERVICE, 'main.tf'), 2, opener);
    }
    for (const opener of ['# resource "aws_ecs_service" "s" {', 'resource "aws_ecs_service_x" "s" {', 'resource "" "s" {', 'module "aws_ecs_service" {']) {
      assert.equal(lineOf([opener, '  name = "svc"'], SERVICE, 'main.tf'), undefined, opener);
    }
    assert.equal(lineOf(['resource "aws_ecs_service" "s" {', '  name = "svc"'], SERVICE, 'main.tf.yaml'), undefined, 'only in a .tf file');
    const twoBlocks = ['resource "aws_ecs_service" "s" {', '}', 'resource "aws_ecs_cluster" "c" {', '  name = "svc"'];
    assert.equal(lineOf(twoBlocks, SERVICE, 'main.tf'), undefined, 'a later block is not the service');
  });

  it('Terraform: a family or container named by `name` in the service block is not them', () => {
    const tf = ['resource "aws_ecs_service" "s" {', '  name = "app"', '}'];
    assert.deepEqual(findNamingLines({ path: 'main.tf', text: tf.join('\n') }, [FAMILY, { ...CONTAINER, name: 'app' }]), []);
  });

  it('the first line that names a target, one match per target, in line order', () => {
    const text = ['serviceName: svc', 'containerDefinitions:', '  - name: web', '  - name: web', 'family: app', 'family: app', 'serviceName: svc'].join('\n');
    assert.deepEqual(findNamingLines({ path: 'x.yaml', text }, [FAMILY, CONTAINER, SERVICE]), [
      { uri: 'x.yaml', line: 1, kind: 'serviceName', name: 'svc' },
      { uri: 'x.yaml', line: 3, kind: 'containerName', name: 'web' },
      { uri: 'x.yaml', line: 5, kind: 'taskDefinitionFamily', name: 'app' },
    ]);
  });

  it('two targets on one line, and a name only in a later line', () => {
    const text = ['# app svc', '{"family": "app", "serviceName": "svc"}'].join('\n');
    assert.deepEqual(findNamingLines({ path: 'x.json', text }, [SERVICE, FAMILY]).map((m) => [m.kind, m.line]), [['serviceName', 2], ['taskDefinitionFamily', 2]]);
  });
});

describe('SARIF locations: the workspace and file names', () => {
  it('each target from the first file that names it; a later file adds only what is still open', () => {
    const files = [
      { path: 'a.yaml', text: 'serviceName: svc' },
      { path: 'b.yaml', text: 'family: app\nserviceName: svc' },
      { path: 'c.yaml', text: 'serviceName: svc\nfamily: app\ncontainerDefinitions:\n  - name: web' },
    ];
    assert.deepEqual(findInWorkspace(files, [FAMILY, CONTAINER, SERVICE]).map((m) => [m.uri, m.line, m.kind]), [
      ['a.yaml', 1, 'serviceName'], ['b.yaml', 1, 'taskDefinitionFamily'], ['c.yaml', 4, 'containerName'],
    ]);
    assert.deepEqual(findInWorkspace(files, []), []);
  });

  it('two targets of one kind are looked for apart; one of the same name and another kind too', () => {
    const files = [{ path: 'a.yaml', text: 'containerDefinitions:\n  - name: web\n  - name: app\nfamily: app' }];
    assert.deepEqual(findInWorkspace(files, [CONTAINER, { ...CONTAINER, name: 'app' }, FAMILY]).map((m) => [m.line, m.kind, m.name]), [
      [2, 'containerName', 'web'], [3, 'containerName', 'app'], [4, 'taskDefinitionFamily', 'app'],
    ]);
  });

  it('infrastructure file names end in .json, .yaml, .yml, .template or .tf, any case', () => {
    for (const name of ['a.json', 'a.YAML', 'a.yml', 'a.Template', 'a.tf', 'dir.json.d/a.tf']) assert.ok(isInfrastructureFileName(name), name);
    for (const name of ['a.jsonc', 'a.yamll', 'a.tfstate', 'a.ym', 'json', 'a_json', 'a.tf.bak']) assert.ok(!isInfrastructureFileName(name), name);
  });
});
