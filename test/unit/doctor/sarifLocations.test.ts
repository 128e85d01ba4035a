// Where a workspace file names a service's resources (src/doctor/sarifLocations.ts): the line of
// the family, a container or the service in task definition JSON, CloudFormation (JSON, YAML),
// CDK-synthesized templates and Terraform, and what is not a match.
import * as assert from 'node:assert/strict';
import { findInWorkspace, findNamingLines, isInfrastructureFileName, preferredMatch, type NamedResource } from '../../../src/doctor/sarifLocations';

const FAMILY: NamedResource = { kind: 'taskDefinitionFamily', name: 'demo-ecs-task' };
const CONTAINER: NamedResource = { kind: 'containerName', name: 'web' };
const SERVICE: NamedResource = { kind: 'serviceName', name: 'demo-ecs-service' };
const ALL = [FAMILY, CONTAINER, SERVICE];

function lines(path: string, text: string, targets = ALL): Record<string, number> {
  return Object.fromEntries(findNamingLines({ path, text }, targets).map((m) => [m.kind, m.line]));
}

describe('SARIF locations: the line that names a resource', () => {
  it('a task definition JSON: family and container', () => {
    const text = JSON.stringify({ family: 'demo-ecs-task', containerDefinitions: [{ name: 'web', image: 'x' }] }, null, 2);
    assert.deepEqual(lines('task-definition.json', text), { taskDefinitionFamily: 2, containerName: 5 });
  });

  it('a CloudFormation YAML template: Family, the container Name under ContainerDefinitions, ServiceName', () => {
    const text = [
      'Resources:', '  TaskDef:', '    Type: AWS::ECS::TaskDefinition', '    Properties:', '      Family: demo-ecs-task',
      '      ContainerDefinitions:', '        - Name: web', '          Image: nginx', '  Service:', '    Type: AWS::ECS::Service',
      '    Properties:', "      ServiceName: 'demo-ecs-service'",
    ].join('\n');
    assert.deepEqual(lines('template.yaml', text), { taskDefinitionFamily: 5, containerName: 7, serviceName: 12 });
  });

  it('a CDK-synthesized JSON template (CRLF line ends)', () => {
    const text = ['{', ' "Resources": {', '  "TaskDef": {', '   "Properties": {', '    "ContainerDefinitions": [', '     { "Name": "web" }', '    ],', '    "Family": "demo-ecs-task"', '   }', '  },',
      '  "Svc": { "Properties": { "ServiceName": "demo-ecs-service" } }', ' }', '}'].join('\r\n');
    assert.deepEqual(lines('cdk.out/Stack.template.json', text), { containerName: 6, taskDefinitionFamily: 8, serviceName: 11 });
  });

  it('Terraform: family, a container in container_definitions, the name of an aws_ecs_service', () => {
    const text = [
      'resource "aws_ecs_task_definition" "app" {', '  family = "demo-ecs-task"', '  container_definitions = jsonencode([{', '    name  = "web"', '  }])', '}',
      'resource "aws_cloudwatch_log_group" "g" {', '  name = "demo-ecs-service"', '}',
      'resource "aws_ecs_service" "svc" {', '  name            = "demo-ecs-service"', '}',
    ].join('\n');
    // The log group named like the service is not the service.
    assert.deepEqual(lines('main.tf', text), { taskDefinitionFamily: 2, containerName: 4, serviceName: 11 });
  });

  it('not a match: another value that starts the same, a name outside container definitions, a value under another key', () => {
    const text = [
      '{', '  "family": "demo-ecs-task-v2",', '  "name": "web",', '  "description": "demo-ecs-service",', '  "cluster": "demo-ecs-task"', '}',
    ].join('\n');
    assert.deepEqual(lines('x.json', text), {});
  });

  it('names are case-sensitive; keys take their usual spellings', () => {
    assert.deepEqual(lines('x.json', '{ "family": "Demo-Ecs-Task" }'), {});
    assert.deepEqual(lines('x.yml', 'Family: "demo-ecs-task" # the app'), { taskDefinitionFamily: 1 });
  });

  it('a file that does not contain a name is not read line by line (and names nothing)', () => {
    assert.deepEqual(findNamingLines({ path: 'a.json', text: '{"family": "other"}' }, ALL), []);
  });

  it('file names worth reading', () => {
    for (const name of ['task-definition.json', 'a.yaml', 'b.yml', 'stack.template', 'main.tf', 'X.JSON']) assert.ok(isInfrastructureFileName(name), name);
    for (const name of ['main.ts', 'README.md', 'tf', 'a.json.bak']) assert.ok(!isInfrastructureFileName(name), name);
  });
});

describe('SARIF locations: the workspace', () => {
  const files = [
    { path: 'a/task-definition.json', text: '{\n  "family": "demo-ecs-task"\n}' },
    { path: 'b/other.json', text: '{\n\n  "family": "demo-ecs-task",\n  "serviceName": "demo-ecs-service"\n}' },
  ];

  it('takes the first file that names each resource', () => {
    assert.deepEqual(findInWorkspace(files, ALL), [
      { uri: 'a/task-definition.json', line: 2, kind: 'taskDefinitionFamily', name: 'demo-ecs-task' },
      { uri: 'b/other.json', line: 4, kind: 'serviceName', name: 'demo-ecs-service' },
    ]);
    assert.deepEqual(findInWorkspace([], ALL), []);
  });

  it('prefers kinds in the order asked; a container counts only when it is the one asked for', () => {
    const matches = [
      { uri: 'f', line: 1, kind: 'taskDefinitionFamily' as const, name: 'demo-ecs-task' },
      { uri: 'f', line: 5, kind: 'containerName' as const, name: 'web' },
    ];
    assert.equal(preferredMatch(matches, ['containerName', 'taskDefinitionFamily'], 'web')?.line, 5);
    assert.equal(preferredMatch(matches, ['containerName', 'taskDefinitionFamily'], 'sidecar')?.line, 1);
    assert.equal(preferredMatch(matches, ['containerName', 'taskDefinitionFamily'])?.line, 1);
    assert.equal(preferredMatch(matches, ['serviceName']), undefined);
  });
});
