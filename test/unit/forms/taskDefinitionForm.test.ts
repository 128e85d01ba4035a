import * as assert from 'node:assert/strict';
import type { RegisterTaskDefinitionCommandInput, TaskDefinition } from '@aws-sdk/client-ecs';
import {
  TaskDefinitionFormError,
  buildRegisterRequest,
  fieldsTheFormDrops,
  formFromTaskDefinition,
  planRegistration,
  requestJson,
} from '../../../src/forms/taskDefinitionForm';
import { defaultTaskDefinitionForm } from '../../../src/forms/taskDefinitionFormModel';
import type { TaskDefinitionForm } from '../../../src/forms/taskDefinitionFormModel';
import {
  ECR_IMAGE,
  EXECUTION_ROLE_ARN,
  REGION,
  TUTORIAL_REQUEST,
  aContainer,
  aForm,
  aFormWithContainer,
  aHealthCheck,
  aLogging,
  aPort,
  tutorialForm,
} from './builders';

/** A task definition as DescribeTaskDefinition returns it for the tutorial's registration. */
function describedTutorial(): TaskDefinition {
  return {
    taskDefinitionArn: `arn:aws:ecs:${REGION}:123456789012:task-definition/demo-ecs-task:3`,
    family: 'demo-ecs-task',
    revision: 3,
    status: 'ACTIVE',
    executionRoleArn: EXECUTION_ROLE_ARN,
    networkMode: 'awsvpc',
    volumes: [],
    placementConstraints: [],
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }],
    compatibilities: ['EC2', 'FARGATE'],
    requiresCompatibilities: ['FARGATE'],
    runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
    cpu: '1024',
    memory: '3072',
    registeredAt: new Date('2024-05-01T00:00:00Z'),
    registeredBy: 'arn:aws:iam::123456789012:root',
    containerDefinitions: [{
      name: 'demo-service-container',
      image: ECR_IMAGE,
      cpu: 0,
      essential: true,
      portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
      environment: [],
      mountPoints: [],
      volumesFrom: [],
      systemControls: [],
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/demo-ecs-task',
          'awslogs-region': REGION,
          'awslogs-stream-prefix': 'ecs',
          'awslogs-create-group': 'true',
        },
        secretOptions: [],
      },
    }],
  };
}

function aRichForm(): TaskDefinitionForm {
  return aForm({
    family: 'shop-api',
    requiresCompatibilities: ['FARGATE'],
    cpu: '2048',
    memory: '8192',
    taskRoleArn: 'arn:aws:iam::123456789012:role/shop-api-task',
    containers: [
      aContainer({
        name: 'api',
        portMappings: [aPort({ containerPort: '8080', name: 'http', appProtocol: 'http' }), aPort({ containerPort: '9125', protocol: 'udp' })],
        environment: [{ name: 'PORT', value: '8080' }, { name: 'GREETING', value: 'hello world' }],
        secrets: [{ name: 'DB_PASSWORD', valueFrom: `arn:aws:secretsmanager:${REGION}:123456789012:secret:prod/db-AbCdEf` }],
        command: ['node', 'server.js'],
        entryPoint: ['docker-entrypoint.sh'],
        healthCheck: aHealthCheck({ startPeriod: '10' }),
        memoryReservation: '1024',
        logging: aLogging({ group: '/shop/api', streamPrefix: 'api', createGroup: false }),
      }),
      aContainer({ name: 'metrics', image: 'public.ecr.aws/aws-observability/aws-otel-collector:latest', essential: false, logging: aLogging({ driver: 'none' }) }),
    ],
    tags: [{ key: 'team', value: 'shop' }, { key: 'env', value: '' }],
  });
}

describe('taskDefinitionForm', () => {
  it('builds the tutorial\'s task definition as the exact RegisterTaskDefinition request', () => {
    assert.deepEqual(buildRegisterRequest(tutorialForm()), TUTORIAL_REQUEST);
    assert.deepEqual(planRegistration(tutorialForm()).request, TUTORIAL_REQUEST);
  });

  it('previews the request as JSON in reading order', () => {
    const json = requestJson(buildRegisterRequest(tutorialForm()));
    assert.deepEqual(JSON.parse(json), TUTORIAL_REQUEST);
    assert.deepEqual(Object.keys(JSON.parse(json)), [
      'family', 'requiresCompatibilities', 'networkMode', 'runtimePlatform', 'cpu', 'memory', 'executionRoleArn', 'containerDefinitions',
    ]);
    assert.ok(json.startsWith('{\n  "family": "demo-ecs-task",\n'));
  });

  it('produces a request the SDK accepts as RegisterTaskDefinition input', () => {
    // Compile-time check: the structural request type fits the SDK's.
    const input: RegisterTaskDefinitionCommandInput = buildRegisterRequest(aRichForm());
    assert.equal(input.family, 'shop-api');
  });

  it('writes every field the form holds', () => {
    assert.deepEqual(buildRegisterRequest(aRichForm()), {
      family: 'shop-api',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'X86_64' },
      cpu: '2048',
      memory: '8192',
      taskRoleArn: 'arn:aws:iam::123456789012:role/shop-api-task',
      executionRoleArn: EXECUTION_ROLE_ARN,
      containerDefinitions: [
        {
          name: 'api',
          image: ECR_IMAGE,
          essential: true,
          portMappings: [
            { containerPort: 8080, protocol: 'tcp', name: 'http', appProtocol: 'http' },
            { containerPort: 9125, protocol: 'udp' },
          ],
          command: ['node', 'server.js'],
          entryPoint: ['docker-entrypoint.sh'],
          environment: [{ name: 'PORT', value: '8080' }, { name: 'GREETING', value: 'hello world' }],
          secrets: [{ name: 'DB_PASSWORD', valueFrom: `arn:aws:secretsmanager:${REGION}:123456789012:secret:prod/db-AbCdEf` }],
          memoryReservation: 1024,
          healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'], interval: 30, timeout: 5, retries: 3, startPeriod: 10 },
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/shop/api', 'awslogs-region': REGION, 'awslogs-stream-prefix': 'api' },
          },
        },
        { name: 'metrics', image: 'public.ecr.aws/aws-observability/aws-otel-collector:latest', essential: false },
      ],
      tags: [{ key: 'team', value: 'shop' }, { key: 'env', value: '' }],
    });
  });

  it('turns "1 vCPU" and "3 GB" into the units ECS stores, and leaves blank rows out', () => {
    const form = aFormWithContainer({
      environment: [{ name: 'A', value: '1' }, { name: '', value: '' }],
      secrets: [{ name: '', valueFrom: '' }],
      command: ['npm', '', 'start', ''],
    }, { cpu: '1 vCPU', memory: '3 GB', tags: [{ key: '', value: '' }] });
    const request = buildRegisterRequest(form);
    assert.equal(request.cpu, '1024');
    assert.equal(request.memory, '3072');
    assert.deepEqual(request.containerDefinitions[0].environment, [{ name: 'A', value: '1' }]);
    assert.equal(request.containerDefinitions[0].secrets, undefined);
    assert.deepEqual(request.containerDefinitions[0].command, ['npm', 'start']);
    assert.equal(request.tags, undefined);
  });

  it('never builds a request from a form with errors', () => {
    const form = aFormWithContainer({ portMappings: [aPort({ containerPort: '99999' })] });
    assert.throws(() => buildRegisterRequest(form), (err: unknown) => {
      assert.ok(err instanceof TaskDefinitionFormError);
      assert.deepEqual(err.errors.map((e) => e.code), ['PORT_RANGE']);
      assert.match(err.message, /containers\[0\]\.portMappings\[0\]\.containerPort: Port 99999 is out of range/);
      return true;
    });
    const plan = planRegistration(form);
    assert.equal(plan.request, undefined);
    assert.equal(plan.errors.length, 1);
  });

  it('starts a new form like the console does', () => {
    const form = defaultTaskDefinitionForm({ region: REGION });
    assert.deepEqual(form.requiresCompatibilities, ['FARGATE']);
    assert.equal(form.networkMode, 'awsvpc');
    assert.equal(`${form.operatingSystemFamily}/${form.cpuArchitecture}`, 'LINUX/X86_64');
    assert.equal(`${form.cpu}/${form.memory}`, '1024/3072');
    assert.deepEqual(form.containers[0].logging, { driver: 'awslogs', group: '', region: REGION, streamPrefix: 'ecs', createGroup: true });
  });

  describe('formFromTaskDefinition', () => {
    it('prefills a new revision from the described tutorial task definition, losing nothing', () => {
      const described = describedTutorial();
      assert.deepEqual(fieldsTheFormDrops(described), []);
      const form = formFromTaskDefinition(described);
      assert.equal(form.family, 'demo-ecs-task');
      assert.equal(form.cpuArchitecture, 'ARM64');
      assert.deepEqual(form.containers[0].portMappings, [aPort({ containerPort: '8080' })]);
      assert.deepEqual(buildRegisterRequest(form), TUTORIAL_REQUEST);
    });

    it('round-trips with the request builder', () => {
      for (const form of [tutorialForm(), aRichForm()]) {
        const request = buildRegisterRequest(form);
        const again = formFromTaskDefinition(request, request.tags);
        assert.deepEqual(buildRegisterRequest(again), request);
        assert.deepEqual(formFromTaskDefinition(buildRegisterRequest(again), request.tags), again);
      }
    });

    it('reads tags from DescribeTaskDefinition\'s separate tags list', () => {
      const form = formFromTaskDefinition(describedTutorial(), [{ key: 'team', value: 'demo' }]);
      assert.deepEqual(form.tags, [{ key: 'team', value: 'demo' }]);
    });

    it('lists what the form can\'t carry into the new revision', () => {
      const described = describedTutorial();
      described.volumes = [{ name: 'data' }];
      described.ephemeralStorage = { sizeInGiB: 40 };
      const container = described.containerDefinitions![0];
      container.dependsOn = [{ containerName: 'init', condition: 'SUCCESS' }];
      container.cpu = 256;
      container.portMappings = [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }, { containerPortRange: '9000-9100' }];
      container.logConfiguration!.options!['mode'] = 'non-blocking';
      described.containerDefinitions!.push({ name: 'router', image: 'fluent/fluent-bit', logConfiguration: { logDriver: 'awsfirelens' } });
      assert.deepEqual(fieldsTheFormDrops(described), [
        'volumes',
        'ephemeralStorage',
        'containerDefinitions[0].cpu',
        'containerDefinitions[0].dependsOn',
        'containerDefinitions[0].portMappings[1].containerPortRange',
        'containerDefinitions[0].logConfiguration.options.mode',
        'containerDefinitions[1].logConfiguration',
      ]);
      const bridge = describedTutorial();
      bridge.networkMode = 'bridge';
      bridge.containerDefinitions![0].portMappings = [{ containerPort: 80, hostPort: 8080 }];
      assert.deepEqual(fieldsTheFormDrops(bridge), ['containerDefinitions[0].portMappings[0].hostPort']);
    });

    it('keeps an absent network mode absent and defaults the platform', () => {
      const form = formFromTaskDefinition({ family: 'legacy', containerDefinitions: [{ name: 'app', image: 'nginx', memoryReservation: 128 }] });
      assert.equal(form.networkMode, '');
      assert.deepEqual(form.requiresCompatibilities, []);
      assert.equal(form.operatingSystemFamily, 'LINUX');
      assert.equal(form.containers[0].logging.driver, 'none');
      assert.equal(form.containers[0].memoryReservation, '128');
    });
  });
});
