// The JSON path's rules for what a request names and shapes beyond the form: volumes and
// containers named by mountPoints, volumesFrom, links, dependsOn and proxyConfiguration; port
// ranges; secretOptions and awslogs option names; FireLens's pair; launch-type hints; and
// pasted describe-task-definition output, unwrapped with one note.

import * as assert from 'node:assert/strict';
import { validateRegisterRequestJson } from '../../../src/forms/validateTaskDefinition';
import type { JsonIssue } from '../../../src/forms/validateTaskDefinition';
import { ACCOUNT, ec2Request, EXECUTION_ROLE_ARN, fargateRequest, REGION, TUTORIAL_REQUEST } from './builders';

type Json = Record<string, unknown>;



function check(request: Json): { errors: JsonIssue[]; warnings: JsonIssue[]; text: string } {
  const text = JSON.stringify(request, null, 2);
  return { ...validateRegisterRequestJson(text), text };
}

function errorsOf(request: Json): Array<[string, string]> {
  return check(request).errors.map((e) => [e.path, e.code]);
}

describe('validateRegisterRequestJson: what a request names', () => {
  it('needs each mount point\'s volume in volumes, with a guess at a near name', () => {
    const request = ec2Request([{ name: 'app', mountPoints: [{ sourceVolume: 'fsx-windows-dir', containerPath: 'C:\\data' }] }],
      { volumes: [{ name: 'fsx-windows-vol' }] });
    const [e] = check(request).errors;
    assert.deepEqual([e.path, e.code], ['containerDefinitions[0].mountPoints[0].sourceVolume', 'MOUNT_VOLUME_UNKNOWN']);
    assert.equal(e.message, 'mountPoints names the volume "fsx-windows-dir", but there\'s no such volume in volumes: did you mean fsx-windows-vol?');
    assert.deepEqual(errorsOf(ec2Request([{ name: 'app', mountPoints: [{ sourceVolume: 'fsx-windows-vol', containerPath: 'C:\\data' }] }], { volumes: [{ name: 'fsx-windows-vol' }] })), []);
    assert.deepEqual(errorsOf(ec2Request([{ name: 'app', mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] }])),
      [['containerDefinitions[0].mountPoints[0].sourceVolume', 'MOUNT_VOLUME_UNKNOWN']], 'no volumes at all');
  });

  it('needs the containers named by volumesFrom, links (name or name:alias), dependsOn and proxyConfiguration', () => {
    const request = ec2Request([
      { name: 'app', links: ['db:database', 'cache'], volumesFrom: [{ sourceContainer: 'dta' }], dependsOn: [{ containerName: 'init', condition: 'START' }] },
      { name: 'db' },
      { name: 'data', essential: false },
    ], { proxyConfiguration: { type: 'APPMESH', containerName: 'envoy', properties: [] } });
    assert.deepEqual(errorsOf(request), [
      ['proxyConfiguration.containerName', 'CONTAINER_REFERENCE_UNKNOWN'],
      ['containerDefinitions[0].volumesFrom[0].sourceContainer', 'CONTAINER_REFERENCE_UNKNOWN'],
      ['containerDefinitions[0].links[1]', 'CONTAINER_REFERENCE_UNKNOWN'],
      ['containerDefinitions[0].dependsOn[0].containerName', 'CONTAINER_REFERENCE_UNKNOWN'],
    ]);
    assert.match(check(request).errors[1].message, /did you mean data\?$/);
    const fixed = ec2Request([
      { name: 'app', links: ['db:database'], volumesFrom: [{ sourceContainer: 'data' }], dependsOn: [{ containerName: 'data', condition: 'START' }] },
      { name: 'db' },
      { name: 'data', essential: false },
      { name: 'envoy' },
    ], { proxyConfiguration: { type: 'APPMESH', containerName: 'envoy', properties: [] } });
    assert.deepEqual(errorsOf(fixed), []);
  });

  it('takes links in bridge mode only', () => {
    const linked = (networkMode: string): Array<[string, string]> => errorsOf(ec2Request([{ name: 'app', links: ['db'] }, { name: 'db' }], { networkMode }));
    assert.deepEqual(linked('bridge'), []);
    assert.deepEqual(linked('awsvpc'), [['containerDefinitions[0].links[0]', 'LINKS_NETWORK_MODE']]);
    assert.deepEqual(linked('host'), [['containerDefinitions[0].links[0]', 'LINKS_NETWORK_MODE']]);
    assert.deepEqual(errorsOf(ec2Request([{ name: 'app', links: [] }], { networkMode: 'awsvpc' })), [], 'an empty list, as describe output has it');
  });

  it('takes the four dependency conditions, and SUCCESS or COMPLETE only on a container that isn\'t essential', () => {
    const on = (condition: unknown, essential?: boolean): Array<[string, string]> => errorsOf(ec2Request([
      { name: 'app', dependsOn: [{ containerName: 'init', condition }] },
      { name: 'init', ...(essential === undefined ? {} : { essential }) },
    ]));
    assert.deepEqual(on('START'), []);
    assert.deepEqual(on('HEALTHY'), []);
    assert.deepEqual(on('SUCCESS', false), []);
    assert.deepEqual(on('COMPLETE', false), []);
    assert.deepEqual(on('SUCCESS'), [['containerDefinitions[0].dependsOn[0].condition', 'DEPENDS_ON_ESSENTIAL']]);
    assert.deepEqual(on('COMPLETE', true), [['containerDefinitions[0].dependsOn[0].condition', 'DEPENDS_ON_ESSENTIAL']]);
    assert.deepEqual(on('started'), [['containerDefinitions[0].dependsOn[0].condition', 'DEPENDS_ON_CONDITION_INVALID']]);
    assert.deepEqual(on(null), [['containerDefinitions[0].dependsOn[0].condition', 'DEPENDS_ON_CONDITION_REQUIRED']]);
  });

  it('pairs awsfirelens with a log router, both ways', () => {
    const router = { name: 'log_router', firelensConfiguration: { type: 'fluentbit' } };
    const app = { name: 'app', logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch' } } };
    assert.deepEqual(errorsOf(ec2Request([app, router])), []);
    assert.deepEqual(errorsOf(ec2Request([app])), [['containerDefinitions[0].logConfiguration.logDriver', 'FIRELENS_ROUTER_MISSING']]);
    assert.deepEqual(errorsOf(ec2Request([{ name: 'app' }, router])), [['containerDefinitions[1].firelensConfiguration', 'FIRELENS_UNUSED']]);
  });
});

describe('validateRegisterRequestJson: ports, logs and launch types beyond the form', () => {
  it('maps containerPortRange instead of containerPort, in awsvpc and bridge mode', () => {
    const range = (r: unknown, extra: Json = {}): Array<[string, string]> => errorsOf(fargateRequest({ portMappings: [{ containerPortRange: r, protocol: 'udp' }, ...(extra.ports as Json[] ?? [])] }, extra.task as Json));
    assert.deepEqual(range('49160-49200'), []);
    assert.deepEqual(range('1-65535'), []);
    assert.deepEqual(range('8000-8000'), [['containerDefinitions[0].portMappings[0].containerPortRange', 'PORT_RANGE_INVALID']]);
    assert.deepEqual(range('0-10'), [['containerDefinitions[0].portMappings[0].containerPortRange', 'PORT_RANGE_INVALID']]);
    assert.deepEqual(range('8000-65536'), [['containerDefinitions[0].portMappings[0].containerPortRange', 'PORT_RANGE_INVALID']]);
    assert.deepEqual(range('8000:8100'), [['containerDefinitions[0].portMappings[0].containerPortRange', 'PORT_RANGE_INVALID']]);
    // A port inside the range, for the same protocol, is mapped twice; for the other protocol it isn't.
    assert.deepEqual(range('8000-8100', { ports: [{ containerPort: 8050, protocol: 'udp' }] }), [['containerDefinitions[0].portMappings[1].containerPort', 'PORT_DUPLICATE']]);
    assert.deepEqual(range('8000-8100', { ports: [{ containerPort: 8050, protocol: 'tcp' }] }), []);
    assert.deepEqual(errorsOf(ec2Request([{ name: 'app', portMappings: [{ containerPortRange: '8000-8100' }] }], { networkMode: 'host' })),
      [['containerDefinitions[0].portMappings[0].containerPortRange', 'PORT_RANGE_NETWORK_MODE']]);
    assert.deepEqual(errorsOf(fargateRequest({ portMappings: [{ protocol: 'tcp' }] })), [['containerDefinitions[0].portMappings[0].containerPort', 'PORT_REQUIRED']]);
  });

  it('lets memory equal memoryReservation, not fall below it', () => {
    assert.deepEqual(errorsOf(ec2Request([{ name: 'app', memory: 512, memoryReservation: 512 }])), []);
    assert.deepEqual(errorsOf(ec2Request([{ name: 'app', memory: 511, memoryReservation: 512 }])), [['containerDefinitions[0].memory', 'CONTAINER_MEMORY_BELOW_RESERVATION']]);
  });

  it('needs an execution role for awslogs on Fargate only', () => {
    const awslogs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app', 'awslogs-region': REGION, 'awslogs-stream-prefix': 'ecs' } };
    assert.deepEqual(errorsOf(ec2Request([{ name: 'app', logConfiguration: awslogs }])), []);
    assert.deepEqual(errorsOf(ec2Request([{ name: 'app', logConfiguration: awslogs }], { requiresCompatibilities: ['EXTERNAL'] })), []);
    assert.deepEqual(errorsOf(fargateRequest({ logConfiguration: awslogs }, { executionRoleArn: undefined })), [['executionRoleArn', 'EXECUTION_ROLE_REQUIRED_LOGS']]);
  });

  it('checks secretOptions like secrets, and they need the execution role', () => {
    const splunk = (secretOptions: unknown): Json => ec2Request([{ name: 'app', logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://splunk:8088' }, secretOptions } }]);
    const arn = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:splunk-token-AbCdEf`;
    assert.deepEqual(errorsOf(splunk([{ name: 'splunk-token', valueFrom: arn }])), [['executionRoleArn', 'EXECUTION_ROLE_REQUIRED_SECRETS']]);
    assert.deepEqual(errorsOf({ ...splunk([{ name: 'splunk-token', valueFrom: arn }]), executionRoleArn: EXECUTION_ROLE_ARN }), []);
    assert.deepEqual(errorsOf({ ...splunk([{ name: '', valueFrom: 'arn:aws:s3:::bucket/key' }]), executionRoleArn: EXECUTION_ROLE_ARN }), [
      ['containerDefinitions[0].logConfiguration.secretOptions[0].name', 'LOG_SECRET_OPTION_NAME_REQUIRED'],
      ['containerDefinitions[0].logConfiguration.secretOptions[0].valueFrom', 'SECRET_VALUE_FROM_INVALID'],
    ]);
    assert.deepEqual(errorsOf({ ...splunk([{ name: 'splunk-token', value: arn }]), executionRoleArn: EXECUTION_ROLE_ARN })[0], ['containerDefinitions[0].logConfiguration.secretOptions[0].value', 'UNKNOWN_FIELD']);
  });

  it('knows the awslogs options (ECS\'s and Docker\'s), and guesses at a typo', () => {
    const options = (extra: Json): JsonIssue[] => check(ec2Request([{ name: 'app', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app', 'awslogs-region': REGION, ...extra } } }])).errors;
    assert.deepEqual(options({ 'awslogs-datetime-format': '%Y-%m-%d', mode: 'non-blocking', 'max-buffer-size': '25m', 'awslogs-create-group': 'True', tag: '{{.Name}}' }), []);
    const [typo] = options({ 'awslogs-stream-prefx': 'ecs' });
    assert.deepEqual([typo.path, typo.code, typo.message], ['containerDefinitions[0].logConfiguration.options["awslogs-stream-prefx"]', 'LOG_OPTION_UNKNOWN', '"awslogs-stream-prefx" isn\'t an awslogs option: did you mean awslogs-stream-prefix?']);
    assert.deepEqual(options({ 'awslogs-create-group': 'yes' }).map((e) => e.code), ['LOG_CREATE_GROUP_INVALID']);
  });

  it('refuses a host path on Fargate', () => {
    const request = fargateRequest({ mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] }, { volumes: [{ name: 'data', host: { sourcePath: '/var/data' } }] });
    assert.deepEqual(errorsOf(request), [['volumes[0].host.sourcePath', 'FARGATE_HOST_PATH']]);
    assert.deepEqual(errorsOf({ ...request, volumes: [{ name: 'data', host: {} }] }), [], 'a bind mount without a host path is task storage');
  });

  it('doesn\'t ask for FARGATE on a task that can\'t run there', () => {
    const plain = { family: 'x', containerDefinitions: [{ name: 'app', image: 'nginx:1.27', memory: 256 }] };
    const warned = (r: Json): boolean => check(r).warnings.some((w) => w.code === 'COMPATIBILITY_MISSING');
    assert.ok(warned(plain));
    assert.ok(warned({ ...plain, networkMode: 'awsvpc' }));
    assert.ok(!warned({ ...plain, networkMode: 'bridge' }));
    assert.ok(!warned({ ...plain, containerDefinitions: [{ ...plain.containerDefinitions[0], resourceRequirements: [{ type: 'GPU', value: '1' }] }] }));
    assert.ok(!warned({ ...plain, runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2019_CORE' } }), 'Windows in the default network mode');
    assert.ok(!warned({ ...plain, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == g4dn.xlarge' }] }));
  });
});

describe('validateRegisterRequestJson: pasted describe output', () => {
  const described = {
    taskDefinitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/demo-ecs-task:3`,
    ...TUTORIAL_REQUEST,
    revision: 3,
    status: 'ACTIVE',
    requiresAttributes: [{ name: 'ecs.capability.execution-role-awslogs' }],
    compatibilities: ['EC2', 'FARGATE'],
    registeredAt: '2024-05-01T10:00:00.000Z',
    registeredBy: `arn:aws:iam::${ACCOUNT}:user/dev`,
  };

  it('unwraps {"taskDefinition": ..., "tags": [...]}, keeps the tags and says so once', () => {
    const tags = [{ key: 'team', value: 'web' }];
    const text = JSON.stringify({ taskDefinition: described, tags }, null, 2);
    const result = validateRegisterRequestJson(text);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.request, { ...TUTORIAL_REQUEST, tags });
    assert.equal(result.notes.length, 1);
    const note = result.notes[0];
    assert.deepEqual([note.path, note.code, note.line], ['taskDefinition', 'DESCRIBED_OUTPUT', 2]);
    assert.equal(note.message, 'This is describe-task-definition output: registering its taskDefinition with its tags, without taskDefinitionArn, revision, status, requiresAttributes, compatibilities, registeredAt and registeredBy (they describe the registered revision).');
  });

  it('puts problems inside the wrapper on their lines', () => {
    const text = JSON.stringify({ taskDefinition: { ...described, cpu: '3' } }, null, 2);
    const result = validateRegisterRequestJson(text);
    const [e] = result.errors;
    assert.deepEqual([e.path, e.code], ['cpu', 'FARGATE_CPU']);
    assert.equal(text.slice(e.offset, e.offset + e.length), '"3"');
    assert.equal(result.request, undefined);
  });

  it('takes null for whatever the console leaves unset', () => {
    const text = JSON.stringify({
      ...TUTORIAL_REQUEST, pidMode: null, ipcMode: null, proxyConfiguration: null, placementConstraints: null, volumes: null,
      containerDefinitions: TUTORIAL_REQUEST.containerDefinitions.map((c) => ({ ...c, links: null, mountPoints: null, volumesFrom: null, dependsOn: null, healthCheck: null, firelensConfiguration: null, memory: null, secrets: null, logConfiguration: { ...c.logConfiguration, secretOptions: null } })),
    });
    assert.deepEqual(validateRegisterRequestJson(text).errors, []);
  });
});
