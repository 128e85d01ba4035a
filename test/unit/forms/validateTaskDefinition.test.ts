import * as assert from 'node:assert/strict';
import { validateTaskDefinitionForm } from '../../../src/forms/validateTaskDefinition';
import type { TaskDefinitionFacts } from '../../../src/forms/validateTaskDefinition';
import { planRegistration } from '../../../src/forms/taskDefinitionForm';
import { defaultTaskDefinitionForm } from '../../../src/forms/taskDefinitionFormModel';
import {
  ECR_IMAGE,
  EXECUTION_ROLE_ARN,
  REGION,
  aContainer,
  aForm,
  aFormWithContainer,
  aHealthCheck,
  aLogging,
  aPort,
  assertBlocked,
  assertNoErrors,
  assertWarned,
  errorsOf,
  findIssue,
  tutorialForm,
} from './builders';

const SM_ARN = `arn:aws:secretsmanager:${REGION}:123456789012:secret:prod/db-password-AbCdEf`;
const SSM_ARN = `arn:aws:ssm:${REGION}:123456789012:parameter/prod/api-key`;

describe('validateTaskDefinitionForm', () => {
  it('accepts the builders\' form and the tutorial\'s', () => {
    assertNoErrors(validateTaskDefinitionForm(aForm()));
    const tutorial = validateTaskDefinitionForm(tutorialForm());
    assert.deepEqual(tutorial, { errors: [], warnings: [] });
  });

  it('says what a fresh form still needs, each next to its field', () => {
    const errors = validateTaskDefinitionForm(defaultTaskDefinitionForm({ region: REGION })).errors;
    assert.deepEqual(errors.map((e) => [e.path, e.code]), [
      ['family', 'FAMILY_REQUIRED'],
      ['containers[0].name', 'CONTAINER_NAME_REQUIRED'],
      ['containers[0].image', 'IMAGE_REQUIRED'],
      ['executionRoleArn', 'EXECUTION_ROLE_REQUIRED_LOGS'],
    ]);
    assert.equal(planRegistration(defaultTaskDefinitionForm()).request, undefined);
  });

  describe('family', () => {
    it('allows up to 255 letters, digits, hyphens and underscores', () => {
      assertNoErrors(validateTaskDefinitionForm(aForm({ family: `A_b-9${'x'.repeat(250)}` })));
    });
    it('refuses a missing, long or oddly spelled family', () => {
      assertBlocked(aForm({ family: '' }), 'family', 'FAMILY_REQUIRED', 'Name the task definition family, for example demo-ecs-task.');
      assertBlocked(aForm({ family: 'x'.repeat(256) }), 'family', 'FAMILY_TOO_LONG', 'The family name is 256 characters long: ECS allows up to 255.');
      assertBlocked(aForm({ family: 'my task.v2' }), 'family', 'FAMILY_INVALID',
        'The family name can\'t contain a space and ".": use letters, digits, hyphens (-) and underscores (_).');
      assertBlocked(aForm({ family: 'web:1' }), 'family', 'FAMILY_INVALID');
    });
  });

  describe('containers', () => {
    it('needs at least one container', () => {
      assertBlocked(aForm({ containers: [] }), 'containers', 'CONTAINERS_REQUIRED', 'Add a container: a task definition needs at least one.');
    });
    it('checks container names like families, and keeps them unique', () => {
      assertBlocked(aFormWithContainer({ name: '' }), 'containers[0].name', 'CONTAINER_NAME_REQUIRED', 'Name the container, for example web.');
      assertBlocked(aFormWithContainer({ name: 'x'.repeat(256) }), 'containers[0].name', 'CONTAINER_NAME_TOO_LONG');
      assertBlocked(aFormWithContainer({ name: 'web/app' }), 'containers[0].name', 'CONTAINER_NAME_INVALID',
        'The container name can\'t contain "/": use letters, digits, hyphens (-) and underscores (_).');
      assertBlocked(aForm({ containers: [aContainer({ name: 'web' }), aContainer({ name: 'web', portMappings: [] })] }),
        'containers[1].name', 'CONTAINER_NAME_DUPLICATE', 'Another container is already named web: container names must be unique in a task definition.');
    });
    it('needs one essential container', () => {
      assertBlocked(aForm({ containers: [aContainer({ essential: false }), aContainer({ name: 'sidecar', essential: false })] }),
        'containers[0].essential', 'ESSENTIAL_REQUIRED',
        'At least one container must be essential (when it stops, the task stops): mark web as essential.');
      assertNoErrors(validateTaskDefinitionForm(aForm({ containers: [aContainer({ essential: false }), aContainer({ name: 'sidecar' })] })));
    });
  });

  describe('image', () => {
    const valid = [
      ECR_IMAGE,
      `123456789012.dkr.ecr.${REGION}.amazonaws.com/team/demo-service@sha256:${'a'.repeat(64)}`,
      '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/app:v1',
      'nginx',
      'nginx:1.27-alpine',
      'bitnami/redis:7.2',
      'docker.io/library/nginx:latest',
      'public.ecr.aws/nginx/nginx:stable',
      'ghcr.io/org/app:sha-1a2b3c',
      'registry.example.com:5000/team/app:Build_7',
      'localhost:5000/app',
      'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019',
    ];
    for (const image of valid) {
      it(`accepts ${image}`, () => assertNoErrors(validateTaskDefinitionForm(aFormWithContainer({ image }))));
    }
    const invalid: Array<[image: string, code: string, message?: string]> = [
      ['', 'IMAGE_REQUIRED'],
      ['my app:latest', 'IMAGE_SPACES', 'The image reference has a space: image references can\'t contain spaces.'],
      ['MyCompany/app:1', 'IMAGE_UPPERCASE', 'Repository names must be lowercase: "MyCompany" has capital letters (try "mycompany").'],
      [`123456789012.dkr.ecr.${REGION}.amazonaws.com/Demo-Service:latest`, 'IMAGE_UPPERCASE'],
      ['nginx:', 'IMAGE_TAG', 'The image reference ends with ":" but no tag: add a tag such as latest, or remove the ":".'],
      ['nginx:-latest', 'IMAGE_TAG'],
      ['nginx@sha256:abc', 'IMAGE_DIGEST', 'A sha256 digest is exactly 64 hex characters (0-9, a-f); this one has 3.'],
      [`nginx@md5:${'a'.repeat(32)}`, 'IMAGE_DIGEST'],
      ['12345.dkr.ecr.ap-northeast-2.amazonaws.com/app:1', 'IMAGE_REGISTRY'],
      ['app//web', 'IMAGE_INVALID'],
      ['-app', 'IMAGE_INVALID'],
      [`registry.example.com/${'a'.repeat(250)}`, 'IMAGE_TOO_LONG'],
    ];
    for (const [image, code, message] of invalid) {
      it(`refuses ${JSON.stringify(image.length > 40 ? `${image.slice(0, 40)}...` : image)} (${code})`, () => {
        assertBlocked(aFormWithContainer({ image }), 'containers[0].image', code, message);
      });
    }
  });

  describe('ports', () => {
    it('accepts ports 1 and 65535, tcp and udp, names and app protocols', () => {
      assertNoErrors(validateTaskDefinitionForm(aFormWithContainer({
        portMappings: [aPort({ containerPort: '1' }), aPort({ containerPort: '65535', protocol: 'udp' }), aPort({ containerPort: '9090', name: 'grpc-api', appProtocol: 'grpc' })],
      })));
    });
    it('ignores a blank row at the end of the table', () => {
      const form = aFormWithContainer({ portMappings: [aPort(), aPort({ containerPort: '' })] });
      assertNoErrors(validateTaskDefinitionForm(form));
      assert.equal(planRegistration(form).request?.containerDefinitions[0].portMappings?.length, 1);
    });
    it('refuses ports out of range or not numbers', () => {
      assertBlocked(aFormWithContainer({ portMappings: [aPort(), aPort({ containerPort: '70000' })] }),
        'containers[0].portMappings[1].containerPort', 'PORT_RANGE', 'Port 70000 is out of range: use a number from 1 to 65535.');
      assertBlocked(aFormWithContainer({ portMappings: [aPort({ containerPort: '0' })] }), 'containers[0].portMappings[0].containerPort', 'PORT_RANGE');
      assertBlocked(aFormWithContainer({ portMappings: [aPort({ containerPort: '80a' })] }),
        'containers[0].portMappings[0].containerPort', 'PORT_INVALID', 'The port must be a whole number; "80a" isn\'t one.');
      assertBlocked(aFormWithContainer({ portMappings: [aPort({ containerPort: '', name: 'http' })] }),
        'containers[0].portMappings[0].containerPort', 'PORT_REQUIRED', 'Enter the port the container listens on, for example 8080.');
    });
    it('refuses the same container port twice for one protocol, and takes it once for tcp and once for udp', () => {
      assertBlocked(aFormWithContainer({ portMappings: [aPort(), aPort()] }),
        'containers[0].portMappings[1].containerPort', 'PORT_DUPLICATE', 'Port 8080/tcp is already mapped in this container: map each port once per protocol.');
      assertBlocked(aFormWithContainer({ portMappings: [aPort({ protocol: 'udp' }), aPort({ protocol: 'udp' })] }),
        'containers[0].portMappings[1].containerPort', 'PORT_DUPLICATE');
      // 53/tcp and 53/udp: RegisterTaskDefinition takes both (a DNS server needs them).
      assertNoErrors(validateTaskDefinitionForm(aFormWithContainer({ portMappings: [aPort(), aPort({ protocol: 'udp' })] })));
    });
    it('refuses one port in two containers of an awsvpc task', () => {
      assertBlocked(aForm({ containers: [aContainer({ portMappings: [aPort()] }), aContainer({ name: 'sidecar', portMappings: [aPort()] })] }),
        'containers[1].portMappings[0].containerPort', 'PORT_CONFLICT',
        'Port 8080/tcp is also used by the web container: in awsvpc mode all containers share one network, so each port can be used once per task.');
      assertNoErrors(validateTaskDefinitionForm(aForm({ containers: [aContainer({ portMappings: [aPort()] }), aContainer({ name: 'sidecar', portMappings: [aPort({ protocol: 'udp' })] })] })));
      assertNoErrors(validateTaskDefinitionForm(aForm({
        requiresCompatibilities: ['EC2'], networkMode: 'bridge',
        containers: [aContainer({ portMappings: [aPort()] }), aContainer({ name: 'sidecar', portMappings: [aPort()] })],
      })));
    });
    it('checks port names and application protocols', () => {
      assertBlocked(aFormWithContainer({ portMappings: [aPort({ name: 'Web Port' })] }), 'containers[0].portMappings[0].name', 'PORT_NAME_INVALID',
        'A port name uses lowercase letters, digits, _ and -; "Web Port" has "W", a space and "P".');
      assertBlocked(aFormWithContainer({ portMappings: [aPort({ name: '-http' })] }), 'containers[0].portMappings[0].name', 'PORT_NAME_INVALID',
        'A port name can\'t start with a hyphen.');
      assertBlocked(aFormWithContainer({ portMappings: [aPort({ name: 'p'.repeat(65) })] }), 'containers[0].portMappings[0].name', 'PORT_NAME_INVALID');
      assertBlocked(aForm({ containers: [aContainer({ portMappings: [aPort({ name: 'http' })] }), aContainer({ name: 'admin', portMappings: [aPort({ containerPort: '9000', name: 'http' })] })] }),
        'containers[1].portMappings[0].name', 'PORT_NAME_DUPLICATE',
        'The port name http is already used by the web container: port names must be unique in the task definition.');
      const warning = assertWarned(aFormWithContainer({ portMappings: [aPort({ appProtocol: 'http' })] }), 'containers[0].portMappings[0].appProtocol', 'APP_PROTOCOL_WITHOUT_NAME');
      assert.match(warning.message, /give this port a name/);
    });
  });

  describe('execution role and task role', () => {
    it('accepts role ARNs in every partition, with paths, and task role names', () => {
      for (const arn of [
        EXECUTION_ROLE_ARN,
        'arn:aws-cn:iam::123456789012:role/ecsTaskExecutionRole',
        'arn:aws-us-gov:iam::123456789012:role/service-role/ecs/exec-role',
      ]) {
        assertNoErrors(validateTaskDefinitionForm(aForm({ executionRoleArn: arn, taskRoleArn: arn })));
      }
      assert.deepEqual(validateTaskDefinitionForm(aForm({ taskRoleArn: 'my-app-role' })), { errors: [], warnings: [] });
    });
    it('refuses malformed role ARNs with the reason', () => {
      const cases: Array<[string, string]> = [
        ['arn:aws:iam:us-east-1:123456789012:role/x', 'The execution role ARN has a Region (us-east-1), but IAM ARNs have none: arn:aws:iam::ACCOUNT:role/NAME.'],
        ['arn:aws:iam::12345:role/x', 'The execution role ARN\'s account "12345" must be 12 digits.'],
        ['arn:aws:iam::123456789012:user/alice', 'The execution role ARN names an IAM user, not a role: it should read ...:role/NAME.'],
        ['arn:aws:s3:::bucket/role', 'The execution role ARN points at s3, not IAM: use the role\'s ARN, like arn:aws:iam::123456789012:role/ecsTaskExecutionRole.'],
        ['arn:azure:iam::123456789012:role/x', 'The execution role ARN starts with arn:azure: the partition must be aws, aws-cn or aws-us-gov.'],
        ['arn:aws:iam::123456789012:role/bad name', 'The role name "bad name" can\'t contain a space: IAM role names use letters, digits and + = , . @ _ -.'],
      ];
      for (const [arn, message] of cases) assertBlocked(aForm({ executionRoleArn: arn }), 'executionRoleArn', 'EXECUTION_ROLE_INVALID', message);
      assertBlocked(aForm({ taskRoleArn: 'role with space' }), 'taskRoleArn', 'TASK_ROLE_INVALID',
        'The task role name can\'t contain a space: IAM role names use letters, digits and + = , . @ _ -.');
    });
    it('warns when the execution role is a bare name, and suggests the ARN', () => {
      const w = assertWarned(aForm({ executionRoleArn: 'ecsTaskExecutionRole' }), 'executionRoleArn', 'EXECUTION_ROLE_NOT_ARN', { accountId: '123456789012', region: REGION });
      assert.equal(w.message, 'ECS expects the execution role as a full ARN: use arn:aws:iam::123456789012:role/ecsTaskExecutionRole.');
    });
    it('needs an execution role for awslogs, secrets and private ECR on Fargate', () => {
      assertBlocked(aForm({ executionRoleArn: '' }), 'executionRoleArn', 'EXECUTION_ROLE_REQUIRED_LOGS',
        'Sending logs to CloudWatch (awslogs, in web) needs a task execution role: choose one, such as ecsTaskExecutionRole with AmazonECSTaskExecutionRolePolicy.');
      assertBlocked(aFormWithContainer({ image: 'nginx:1.27', logging: aLogging({ driver: 'none' }), secrets: [{ name: 'DB_PASSWORD', valueFrom: SM_ARN }] }, { executionRoleArn: '' }),
        'executionRoleArn', 'EXECUTION_ROLE_REQUIRED_SECRETS', 'ECS fetches the secrets of web with the task execution role: choose a role that can read them.');
      assertBlocked(aFormWithContainer({ logging: aLogging({ driver: 'none' }) }, { executionRoleArn: '' }), 'executionRoleArn', 'EXECUTION_ROLE_REQUIRED_ECR',
        'On Fargate, pulling web\'s image from a private ECR repository needs a task execution role: choose one, such as ecsTaskExecutionRole.');
      assertNoErrors(validateTaskDefinitionForm(aFormWithContainer({ image: 'nginx:1.27', logging: aLogging({ driver: 'none' }) }, { executionRoleArn: '' })));      // On EC2 the instance's role writes the logs and pulls from ECR: no execution role needed.
      assertNoErrors(validateTaskDefinitionForm(aForm({ executionRoleArn: '', requiresCompatibilities: ['EC2'], networkMode: 'bridge', containers: [aContainer({ memoryReservation: '512' })] })));
    });
  });

  describe('platform', () => {
    it('runs ARM64 on Linux only', () => {
      assertBlocked(aForm({ operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE', cpuArchitecture: 'ARM64' }), 'cpuArchitecture', 'ARM64_NEEDS_LINUX',
        'ARM64 runs Linux containers only: choose X86_64 for Windows Server 2022 Core, or Linux for ARM64.');
    });
    it('offers Windows Server 2019 and 2022 on Fargate, others only on EC2', () => {
      assertBlocked(aForm({ operatingSystemFamily: 'WINDOWS_SERVER_2016_FULL' }), 'operatingSystemFamily', 'FARGATE_WINDOWS_VERSION',
        'Fargate runs Windows Server 2019 and 2022 (Full or Core), not Windows Server 2016 Full: choose one of those, or run on EC2.');
      assertNoErrors(validateTaskDefinitionForm(aForm({ requiresCompatibilities: ['EC2'], operatingSystemFamily: 'WINDOWS_SERVER_2016_FULL' })));
    });
    it('needs awsvpc on Fargate', () => {
      assertBlocked(aForm({ networkMode: 'bridge' }), 'networkMode', 'NETWORK_MODE_FARGATE', 'Fargate tasks need the awsvpc network mode, not bridge.');
      assertBlocked(aForm({ networkMode: '' }), 'networkMode', 'NETWORK_MODE_FARGATE');
      assertBlocked(aForm({ requiresCompatibilities: [] }), 'requiresCompatibilities', 'COMPATIBILITY_REQUIRED', 'Choose where the task runs: Fargate or EC2.');
    });
    it('applies the Fargate rules when both EC2 and Fargate are required', () => {
      assertBlocked(aForm({ requiresCompatibilities: ['EC2', 'FARGATE'], cpu: '256', memory: '4096' }), 'memory', 'FARGATE_MEMORY');
    });
  });

  describe('memory reservation', () => {
    it('must fit the task memory and be at least 6 MiB', () => {
      assertNoErrors(validateTaskDefinitionForm(aFormWithContainer({ memoryReservation: '3072' })));
      assertBlocked(aFormWithContainer({ memoryReservation: '4096' }), 'containers[0].memoryReservation', 'MEMORY_RESERVATION_EXCEEDS_TASK',
        'This container reserves 4096 MiB, more than the task\'s 3 GB (3072 MiB): lower the reservation or raise the task memory.');
      assertBlocked(aFormWithContainer({ memoryReservation: '4' }), 'containers[0].memoryReservation', 'MEMORY_RESERVATION_TOO_SMALL',
        'Reserve at least 6 MiB: Docker won\'t start a container with less.');
      assertBlocked(aFormWithContainer({ memoryReservation: '1.5' }), 'containers[0].memoryReservation', 'MEMORY_RESERVATION_INVALID',
        'The memory reservation (MiB) must be a whole number; "1.5" isn\'t one.');
    });
    it('must fit the task memory when added up', () => {
      assertBlocked(aForm({ containers: [aContainer({ memoryReservation: '2048' }), aContainer({ name: 'sidecar', portMappings: [], memoryReservation: '2048' })] }),
        'memory', 'MEMORY_RESERVATIONS_EXCEED_TASK',
        'The containers reserve 4096 MiB together, more than the task\'s 3 GB (3072 MiB): lower the reservations or raise the task memory.');
    });
    it('is required per container on EC2 without a task memory', () => {
      assertBlocked(aForm({ requiresCompatibilities: ['EC2'], memory: '' }), 'containers[0].memoryReservation', 'CONTAINER_MEMORY_REQUIRED');
      assertNoErrors(validateTaskDefinitionForm(aFormWithContainer({ memoryReservation: '256' }, { requiresCompatibilities: ['EC2'], memory: '' })));
    });
  });

  describe('environment and secrets', () => {
    it('accepts variables, Secrets Manager ARNs (with JSON keys) and SSM ARNs or names', () => {
      const form = aFormWithContainer({
        environment: [{ name: 'PORT', value: '8080' }, { name: 'EMPTY', value: '' }, { name: '', value: '' }],
        secrets: [
          { name: 'DB_PASSWORD', valueFrom: SM_ARN },
          { name: 'DB_USER', valueFrom: `${SM_ARN}:username::` },
          { name: 'API_KEY', valueFrom: SSM_ARN },
          { name: 'FLAG', valueFrom: '/prod/feature-flag' },
        ],
      });
      assertNoErrors(validateTaskDefinitionForm(form));
    });
    it('refuses nameless, invalid and repeated variable names', () => {
      assertBlocked(aFormWithContainer({ environment: [{ name: '', value: 'x' }] }), 'containers[0].environment[0].name', 'ENV_NAME_REQUIRED',
        'Give this environment variable a name, or remove the row.');
      assertBlocked(aFormWithContainer({ environment: [{ name: 'MY VAR', value: 'x' }] }), 'containers[0].environment[0].name', 'ENV_NAME_INVALID',
        'An environment variable name can\'t contain a space.');
      assertBlocked(aFormWithContainer({ environment: [{ name: 'A=B', value: 'x' }] }), 'containers[0].environment[0].name', 'ENV_NAME_INVALID');
      assertBlocked(aFormWithContainer({ environment: [{ name: 'PORT', value: '1' }, { name: 'PORT', value: '2' }] }), 'containers[0].environment[1].name', 'ENV_NAME_DUPLICATE',
        'PORT is already set above: keep one of them.');
    });
    it('refuses repeated secret names and sources that aren\'t Secrets Manager or SSM', () => {
      assertBlocked(aFormWithContainer({ secrets: [{ name: 'TOKEN', valueFrom: SM_ARN }, { name: 'TOKEN', valueFrom: SSM_ARN }] }),
        'containers[0].secrets[1].name', 'SECRET_NAME_DUPLICATE', 'A secret named TOKEN is already listed: secret names must be unique in a container.');
      const cases: Array<[string, string, string?]> = [
        ['', 'SECRET_VALUE_FROM_REQUIRED'],
        ['arn:aws:s3:::my-bucket/secret.txt', 'SECRET_VALUE_FROM_INVALID',
          'This ARN points at s3: secrets come from Secrets Manager or SSM Parameter Store. Use a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME) or an SSM parameter ARN (arn:aws:ssm:REGION:ACCOUNT:parameter/NAME) or name (/my/parameter).'],
        ['arn:aws:secretsmanager:cn-north-1:123456789012:secret:x', 'SECRET_VALUE_FROM_INVALID',
          'The secret ARN says arn:aws but its Region cn-north-1 belongs to arn:aws-cn.'],
        ['arn:aws:secretsmanager:ap-northeast-2:1234:secret:x', 'SECRET_VALUE_FROM_INVALID', 'The secret ARN\'s account "1234" must be 12 digits.'],
        ['arn:aws:secretsmanager:seoul:123456789012:secret:x', 'SECRET_VALUE_FROM_INVALID'],
        ['arn:aws:ssm:ap-northeast-2:123456789012:document/x', 'SECRET_VALUE_FROM_INVALID', 'An SSM parameter ARN continues with parameter/NAME after the account.'],
        [`${SM_ARN}:key:AWSCURRENT:0123`, 'SECRET_VALUE_FROM_INVALID', 'Give either a version stage or a version id after the secret name, not both.'],
        ['my secret', 'SECRET_VALUE_FROM_INVALID'],
      ];
      for (const [valueFrom, code, message] of cases) {
        assertBlocked(aFormWithContainer({ secrets: [{ name: 'TOKEN', valueFrom }] }), 'containers[0].secrets[0].valueFrom', code, message);
      }
    });
    it('warns when a secret shadows an environment variable', () => {
      assertWarned(aFormWithContainer({ environment: [{ name: 'TOKEN', value: 'x' }], secrets: [{ name: 'TOKEN', valueFrom: SM_ARN }] }),
        'containers[0].secrets[0].name', 'SECRET_SHADOWS_ENV');
    });
  });

  describe('health check', () => {
    it('accepts a CMD-SHELL or CMD check within ECS limits', () => {
      assertNoErrors(validateTaskDefinitionForm(aFormWithContainer({ healthCheck: aHealthCheck() })));
      assertNoErrors(validateTaskDefinitionForm(aFormWithContainer({
        healthCheck: aHealthCheck({ command: ['CMD', '/bin/check', '--fast'], interval: '5', timeout: '2', retries: '10', startPeriod: '300' }),
      })));
      assertNoErrors(validateTaskDefinitionForm(aFormWithContainer({ healthCheck: aHealthCheck({ interval: '300', timeout: '60', retries: '1', startPeriod: '0' }) })));
    });
    it('needs a command that starts with CMD or CMD-SHELL', () => {
      assertBlocked(aFormWithContainer({ healthCheck: aHealthCheck({ command: [] }) }), 'containers[0].healthCheck.command', 'HEALTH_CHECK_COMMAND_REQUIRED',
        'Enter the health check command, for example CMD-SHELL, curl -f http://localhost:8080/ || exit 1.');
      assertBlocked(aFormWithContainer({ healthCheck: aHealthCheck({ command: ['CMD-SHELL', ''] }) }), 'containers[0].healthCheck.command[1]', 'HEALTH_CHECK_COMMAND_REQUIRED',
        'Add the command to run after CMD-SHELL, for example CMD-SHELL, curl -f http://localhost:8080/ || exit 1.');
      assertBlocked(aFormWithContainer({ healthCheck: aHealthCheck({ command: ['curl -f http://localhost/'] }) }), 'containers[0].healthCheck.command[0]', 'HEALTH_CHECK_COMMAND_PREFIX',
        'A health check command starts with CMD (run a program directly) or CMD-SHELL (run it in the container\'s shell), then the command; this one starts with "curl -f http://localhost/".');
      assertBlocked(aFormWithContainer({ healthCheck: aHealthCheck({ command: ['cmd-shell', 'true'] }) }), 'containers[0].healthCheck.command[0]', 'HEALTH_CHECK_COMMAND_PREFIX',
        'Write CMD-SHELL in capitals: ECS only recognises CMD and CMD-SHELL.');
    });
    it('keeps interval, timeout, retries and start period in range', () => {
      const cases: Array<[Partial<ReturnType<typeof aHealthCheck>>, string, string, string]> = [
        [{ interval: '4' }, 'interval', 'HEALTH_CHECK_INTERVAL', 'The health check interval must be 5 to 300 seconds; 4 is too low.'],
        [{ interval: '301' }, 'interval', 'HEALTH_CHECK_INTERVAL', 'The health check interval must be 5 to 300 seconds; 301 is too high.'],
        [{ timeout: '1' }, 'timeout', 'HEALTH_CHECK_TIMEOUT', 'The health check timeout must be 2 to 60 seconds; 1 is too low.'],
        [{ timeout: '61' }, 'timeout', 'HEALTH_CHECK_TIMEOUT', 'The health check timeout must be 2 to 60 seconds; 61 is too high.'],
        [{ retries: '0' }, 'retries', 'HEALTH_CHECK_RETRIES', 'The number of health check retries must be 1 to 10; 0 is too low.'],
        [{ retries: '11' }, 'retries', 'HEALTH_CHECK_RETRIES', 'The number of health check retries must be 1 to 10; 11 is too high.'],
        [{ startPeriod: '301' }, 'startPeriod', 'HEALTH_CHECK_START_PERIOD', 'The health check start period must be 0 to 300 seconds; 301 is too high.'],
        [{ interval: 'often' }, 'interval', 'HEALTH_CHECK_INTERVAL', 'The health check interval must be a whole number; "often" isn\'t one.'],
      ];
      for (const [patch, field, code, message] of cases) {
        assertBlocked(aFormWithContainer({ healthCheck: aHealthCheck(patch) }), `containers[0].healthCheck.${field}`, code, message);
      }
    });
    it('isn\'t checked while switched off', () => {
      assertNoErrors(validateTaskDefinitionForm(aFormWithContainer({ healthCheck: aHealthCheck({ enabled: false, command: [], interval: '1' }) })));
    });
  });

  describe('logging', () => {
    it('defaults the group to /ecs/FAMILY and needs a Region and, on Fargate, a stream prefix', () => {
      assertBlocked(aFormWithContainer({ logging: aLogging({ region: '' }) }), 'containers[0].logging.region', 'LOG_REGION_REQUIRED',
        'Choose the Region the logs go to, usually the task\'s own.');
      assertBlocked(aFormWithContainer({ logging: aLogging({ region: 'Seoul' }) }), 'containers[0].logging.region', 'LOG_REGION_INVALID',
        '"Seoul" isn\'t a Region name like ap-northeast-2.');
      assertBlocked(aFormWithContainer({ logging: aLogging({ streamPrefix: '' }) }), 'containers[0].logging.streamPrefix', 'LOG_STREAM_PREFIX_REQUIRED');
      assertBlocked(aFormWithContainer({ logging: aLogging({ streamPrefix: 'a:b' }) }), 'containers[0].logging.streamPrefix', 'LOG_STREAM_PREFIX_INVALID',
        'A log stream prefix can\'t contain ":".');
      assertBlocked(aFormWithContainer({ logging: aLogging({ group: 'my logs' }) }), 'containers[0].logging.group', 'LOG_GROUP_INVALID',
        'A log group name can\'t contain a space: use letters, digits and . - _ / #.');
      assertNoErrors(validateTaskDefinitionForm(aFormWithContainer({ logging: aLogging({ streamPrefix: '' }) }, { requiresCompatibilities: ['EC2'] })));
    });
    it('doesn\'t pile a log group error onto a missing family', () => {
      const errors = errorsOf(aForm({ family: '' }));
      assert.deepEqual(errors.map((e) => e.code), ['FAMILY_REQUIRED']);
    });
  });

  describe('tags', () => {
    it('accepts up to 50 tags within the key and value limits', () => {
      const tags = Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
      tags[0] = { key: 'k'.repeat(128), value: 'v'.repeat(256) };
      tags[1] = { key: 'team name', value: 'web+api@example.com:/=_-.' };
      assertNoErrors(validateTaskDefinitionForm(aForm({ tags })));
    });
    it('refuses too many tags, long or reserved keys and values, and repeats', () => {
      assertBlocked(aForm({ tags: Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' })) }), 'tags', 'TAGS_TOO_MANY',
        'There are 51 tags: a task definition can have at most 50.');
      assertBlocked(aForm({ tags: [{ key: 'k'.repeat(129), value: '' }] }), 'tags[0].key', 'TAG_KEY_TOO_LONG', 'The tag key is 129 characters long: the limit is 128.');
      assertBlocked(aForm({ tags: [{ key: 'k', value: 'v'.repeat(257) }] }), 'tags[0].value', 'TAG_VALUE_TOO_LONG', 'The tag value is 257 characters long: the limit is 256.');
      assertBlocked(aForm({ tags: [{ key: 'AWS:team', value: 'x' }] }), 'tags[0].key', 'TAG_RESERVED', 'Tag keys starting with aws: are reserved for AWS: choose another key.');
      assertBlocked(aForm({ tags: [{ key: 'team', value: 'aws:x' }] }), 'tags[0].value', 'TAG_RESERVED');
      assertBlocked(aForm({ tags: [{ key: 'team', value: '1' }, { key: 'team', value: '2' }] }), 'tags[1].key', 'TAG_KEY_DUPLICATE',
        'The tag team is already set: each key can appear once.');
      assertBlocked(aForm({ tags: [{ key: 'cost#center', value: '' }] }), 'tags[0].key', 'TAG_KEY_INVALID');
      assertBlocked(aForm({ tags: [{ key: '', value: 'orphan' }] }), 'tags[0].key', 'TAG_KEY_REQUIRED');
    });
  });

  describe('warnings from what the account holds', () => {
    const tutorialFacts: TaskDefinitionFacts = {
      region: REGION,
      accountId: '123456789012',
      imagePlatforms: { [ECR_IMAGE]: [{ os: 'linux', architecture: 'arm64' }] },
      logGroups: { [REGION]: ['/ecs/demo-ecs-task'] },
      executionRole: { role: 'ecsTaskExecutionRole', attachedPolicies: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'], allowedActions: ['logs:CreateLogGroup'] },
    };

    it('stays quiet when the account matches the task definition', () => {
      assert.deepEqual(planRegistration(tutorialForm(), tutorialFacts).warnings, []);
    });

    it('warns when the image is built for another architecture', () => {
      const facts = { ...tutorialFacts, imagePlatforms: { [ECR_IMAGE]: [{ os: 'linux', architecture: 'amd64' }] } };
      const w = assertWarned(tutorialForm(), 'containers[0].image', 'IMAGE_PLATFORM_MISMATCH', facts);
      assert.equal(w.message, 'This image is built for linux/amd64, but the task runs Linux/ARM64: it will fail to start ("exec format error" or "descriptor matching platform"). '
        + 'Build it for linux/arm64 (docker buildx build --platform linux/arm64) or choose X86_64 here.');
      assert.deepEqual(planRegistration(tutorialForm(), { ...facts, imagePlatforms: { [ECR_IMAGE]: [{ os: 'linux', architecture: 'amd64' }, { os: 'linux', architecture: 'arm64', variant: 'v8' }] } }).warnings, []);
    });

    it('warns when the log group is missing and nothing will create it', () => {
      const form = tutorialForm();
      form.containers[0].logging.createGroup = false;
      const w = assertWarned(form, 'containers[0].logging.group', 'LOG_GROUP_MISSING', { ...tutorialFacts, logGroups: { [REGION]: [] } });
      assert.equal(w.message, 'The log group /ecs/demo-ecs-task doesn\'t exist in ap-northeast-2 and create-group is off: the task will stop with "cannot find the log group". Create the group, or turn create-group on.');
      assert.deepEqual(planRegistration(tutorialForm(), { ...tutorialFacts, logGroups: { [REGION]: [] } }).warnings, []);
    });

    it('warns when the execution role lacks the managed policy, CreateLogGroup or secret access', () => {
      const bare = { ...tutorialFacts, executionRole: { role: EXECUTION_ROLE_ARN, attachedPolicies: [], allowedActions: [] } };
      const w = assertWarned(tutorialForm(), 'executionRoleArn', 'EXECUTION_ROLE_POLICY_MISSING', bare);
      assert.match(w.message, /doesn't have AmazonECSTaskExecutionRolePolicy/);
      assertWarned(tutorialForm(), 'containers[0].logging.createGroup', 'LOG_CREATE_GROUP_DENIED', bare);

      const managedOnly = { ...tutorialFacts, executionRole: { attachedPolicies: ['AmazonECSTaskExecutionRolePolicy'] } };
      assertWarned(tutorialForm(), 'containers[0].logging.createGroup', 'LOG_CREATE_GROUP_DENIED', managedOnly);
      const form = tutorialForm();
      form.containers[0].secrets = [{ name: 'DB_PASSWORD', valueFrom: SM_ARN }];
      const s = assertWarned(form, 'containers[0].secrets[0].valueFrom', 'EXECUTION_ROLE_SECRET_ACCESS', managedOnly);
      assert.match(s.message, /can't call secretsmanager:GetSecretValue/);
      const allowed = { ...tutorialFacts, executionRole: { ...tutorialFacts.executionRole, allowedActions: ['logs:CreateLogGroup', 'secretsmanager:Get*'] } };
      assert.equal(planRegistration(form, allowed).warnings.some((x) => x.code === 'EXECUTION_ROLE_SECRET_ACCESS'), false);
    });

    it('ignores facts about a different role', () => {
      const other = { ...tutorialFacts, executionRole: { role: 'someOtherRole', attachedPolicies: [] } };
      assert.deepEqual(planRegistration(tutorialForm(), other).warnings, []);
    });

    it('says a secret needs Secrets Manager or SSM reach, once per service', () => {
      const form = tutorialForm();
      form.containers[0].secrets = [
        { name: 'A', valueFrom: SM_ARN }, { name: 'B', valueFrom: `${SM_ARN}:key::` }, { name: 'C', valueFrom: '/prod/c' },
      ];
      const plan = planRegistration(form, { region: REGION });
      const reach = plan.warnings.filter((w) => w.code === 'SECRETS_NEED_REACH');
      assert.deepEqual(reach.map((w) => w.path), ['containers[0].secrets[0].valueFrom', 'containers[0].secrets[2].valueFrom']);
      assert.equal(reach[0].message, 'The task reads secrets from Secrets Manager before its containers start: in subnets without a NAT gateway it needs the com.amazonaws.ap-northeast-2.secretsmanager interface endpoint.');
      assert.match(reach[1].message, /com\.amazonaws\.ap-northeast-2\.ssm interface endpoint/);
    });

    it('warns about secrets in another Region or account', () => {
      const form = tutorialForm();
      form.containers[0].secrets = [{ name: 'A', valueFrom: 'arn:aws:secretsmanager:us-east-1:999999999999:secret:shared' }];
      const plan = planRegistration(form, tutorialFacts);
      findIssue(plan.warnings, 'containers[0].secrets[0].valueFrom', 'SECRET_OTHER_REGION');
      findIssue(plan.warnings, 'containers[0].secrets[0].valueFrom', 'SECRET_OTHER_ACCOUNT');
      assert.ok(plan.request);
    });

    it('warns when the execution role doesn\'t exist', () => {
      assertWarned(tutorialForm(), 'executionRoleArn', 'EXECUTION_ROLE_NOT_FOUND', { executionRole: { role: 'ecsTaskExecutionRole', exists: false } });
    });
  });
});
