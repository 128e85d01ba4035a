// What a user reads when one part of a request names another that isn't there (containers,
// volumes, dependency conditions, FireLens's pair), which tasks the "add FARGATE" hint leaves
// alone, and the secrets' reach and permission warnings word for word (mutation testing,
// docs/mutation.md).

import * as assert from 'node:assert/strict';
import { validateRegisterRequestJson } from '../../../src/forms/validateTaskDefinition';
import type { TaskDefinitionFacts } from '../../../src/forms/validateTaskDefinition';
import { ACCOUNT, ec2Request, EXECUTION_ROLE_ARN } from './builders';

type Json = Record<string, unknown>;


function check(request: Json, facts: TaskDefinitionFacts = {}) {
  return validateRegisterRequestJson(JSON.stringify(request, null, 2), facts);
}

function errors(request: Json): Array<[string, string, string]> {
  return check(request).errors.map((e) => [e.path, e.code, e.message]);
}

const CONDITIONS = 'START, COMPLETE, SUCCESS or HEALTHY';

describe('references and launch type texts', () => {
  describe('dependencies', () => {
    const on = (dependency: Json, init: Json = {}) => ec2Request([{ name: 'app', dependsOn: [dependency] }, { name: 'init', ...init }]);
    const at = 'containerDefinitions[0].dependsOn[0]';
    it('asks for a condition, and names the four', () => {
      assert.deepEqual(errors(on({ containerName: 'init' })), [
        [`${at}.condition`, 'DEPENDS_ON_CONDITION_REQUIRED', `Say when this container may start: condition ${CONDITIONS}.`],
      ]);
      assert.deepEqual(errors(on({ containerName: 'init', condition: 'started' })), [
        [`${at}.condition`, 'DEPENDS_ON_CONDITION_INVALID', `"started" isn't a dependency condition: use ${CONDITIONS}.`],
      ]);
    });
    for (const condition of ['SUCCESS', 'COMPLETE']) {
      it(`says an essential container can't be waited for with ${condition}`, () => {
        assert.deepEqual(errors(on({ containerName: 'init', condition })), [[`${at}.condition`, 'DEPENDS_ON_ESSENTIAL',
          `init is essential, so the task stops when it exits: it can't be waited for with ${condition}. Mark it "essential": false, or use START or HEALTHY.`]]);
      });
    }
    it('reports a dependency on a container that isn\'t there as unknown, not as essential', () => {
      assert.deepEqual(errors(on({ containerName: 'ghost', condition: 'SUCCESS' })), [[`${at}.containerName`, 'CONTAINER_REFERENCE_UNKNOWN',
        'dependsOn names the container "ghost", but there\'s no such container in containerDefinitions: add it, or name one of app or init.']]);
    });
  });

  describe('what a reference names', () => {
    it('asks for the name of a blank container or volume reference', () => {
      assert.deepEqual(errors(ec2Request([{ name: 'app', volumesFrom: [{ sourceContainer: '' }] }])), [
        ['containerDefinitions[0].volumesFrom[0].sourceContainer', 'CONTAINER_REFERENCE_REQUIRED', 'Name the container volumesFrom refers to.'],
      ]);
      assert.deepEqual(errors(ec2Request([{ name: 'app', mountPoints: [{ sourceVolume: ' ', containerPath: '/d' }] }], { volumes: [{ name: 'd' }] })), [
        ['containerDefinitions[0].mountPoints[0].sourceVolume', 'MOUNT_VOLUME_REQUIRED', 'Name the volume mountPoints refers to.'],
      ]);
    });
    it('lists the containers there are when no name is near', () => {
      assert.deepEqual(errors(ec2Request([{ name: 'app', volumesFrom: [{ sourceContainer: 'zzzzzz' }] }, { name: 'db' }, { name: 'cache' }])), [
        ['containerDefinitions[0].volumesFrom[0].sourceContainer', 'CONTAINER_REFERENCE_UNKNOWN',
          'volumesFrom names the container "zzzzzz", but there\'s no such container in containerDefinitions: add it, or name one of app, db or cache.'],
      ]);
    });
  });

  describe('FireLens', () => {
    it('says what a container logging with awsfirelens lacks, at each such container', () => {
      const app = (name: string) => ({ name, logConfiguration: { logDriver: 'awsfirelens', options: { Name: 'cloudwatch' } } });
      const message = 'The awsfirelens log driver sends logs through a FireLens log router: add a container with firelensConfiguration (for example amazon/aws-for-fluent-bit), or use another log driver.';
      assert.deepEqual(errors(ec2Request([app('a'), app('b')])), [
        ['containerDefinitions[0].logConfiguration.logDriver', 'FIRELENS_ROUTER_MISSING', message],
        ['containerDefinitions[1].logConfiguration.logDriver', 'FIRELENS_ROUTER_MISSING', message],
      ]);
    });
    it('says what a log router nothing uses lacks', () => {
      assert.deepEqual(errors(ec2Request([{ name: 'app' }, { name: 'r', firelensConfiguration: { type: 'fluentbit' } }])), [
        ['containerDefinitions[1].firelensConfiguration', 'FIRELENS_UNUSED',
          'A FireLens log router needs at least one container logging through it: set logDriver to awsfirelens there, or remove firelensConfiguration.'],
      ]);
    });
  });

  describe('the "add FARGATE" hint, by what keeps a task off Fargate', () => {
    const plain = (patch: Json = {}, container: Json = {}): Json => ({
      family: 'x', containerDefinitions: [{ name: 'app', image: 'nginx:1.27', memory: 256, ...container }], ...patch,
    });
    const hinted = (r: Json): string[] => check(r).warnings.filter((w) => w.code === 'COMPATIBILITY_MISSING').map((w) => w.message);
    it('says why, once, at requiresCompatibilities\' place', () => {
      const [w] = check(plain()).warnings;
      assert.deepEqual([w.path, w.code, w.message], ['requiresCompatibilities', 'COMPATIBILITY_MISSING',
        'Without requiresCompatibilities ECS checks this task definition for EC2 only, and Fargate will refuse it: add ["FARGATE"] to run it on Fargate.']);
    });
    it('hints for a Windows version Fargate runs in awsvpc mode, not for one it doesn\'t', () => {
      assert.equal(hinted(plain({ networkMode: 'awsvpc', runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } })).length, 1);
      assert.equal(hinted(plain({ networkMode: 'awsvpc', runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2016_FULL' } })).length, 0);
    });
    it('hints for a log driver Fargate takes, not for one it doesn\'t', () => {
      assert.equal(hinted(plain({}, { logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://s', 'splunk-token': 't' } } })).length, 1);
      assert.equal(hinted(plain({}, { logConfiguration: { logDriver: 'syslog' } })).length, 0);
      assert.equal(hinted(plain({}, { logConfiguration: { logDriver: 'journald' } })).length, 0);
    });
    it('doesn\'t hint when the launch types are set, even to an empty list', () => {
      assert.equal(hinted(plain({ requiresCompatibilities: ['EC2'] })).length, 0);
      assert.equal(hinted(plain({ requiresCompatibilities: [] })).length, 0);
    });
  });

  describe('secrets: permission and reach', () => {
    const withSecret = (valueFrom: string) => ec2Request([{ name: 'app', secrets: [{ name: 'DB', valueFrom }] }], { executionRoleArn: EXECUTION_ROLE_ARN });
    const warnings = (r: Json, facts: TaskDefinitionFacts) => check(r, facts).warnings.map((w) => [w.code, w.message]);
    const noActions: TaskDefinitionFacts = { executionRole: { role: EXECUTION_ROLE_ARN, attachedPolicies: [], allowedActions: [] } };
    it('names the action a parameter needs, and the endpoint in a Region left unknown', () => {
      assert.deepEqual(warnings(withSecret('/prod/db'), noActions), [
        ['EXECUTION_ROLE_SECRET_ACCESS', 'The execution role ecsTaskExecutionRole can\'t call ssm:GetParameters, so this secret can\'t be fetched and the task won\'t start: allow it for this parameter (and kms:Decrypt if a customer-managed key encrypts it).'],
        ['SECRETS_NEED_REACH', 'The task reads secrets from SSM Parameter Store before its containers start: in subnets without a NAT gateway it needs the com.amazonaws.REGION.ssm interface endpoint.'],
      ]);
    });
    it('takes the Region of the secret\'s ARN for the endpoint, and says nothing of Region or account when they match', () => {
      const arn = `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:db-AbCdEf`;
      assert.deepEqual(warnings(withSecret(arn), { region: 'eu-west-1', accountId: ACCOUNT }), [
        ['SECRETS_NEED_REACH', 'The task reads secrets from Secrets Manager before its containers start: in subnets without a NAT gateway it needs the com.amazonaws.eu-west-1.secretsmanager interface endpoint.'],
      ]);
      assert.deepEqual(warnings(withSecret(arn), {}).map((w) => w[0]), ['SECRETS_NEED_REACH']);
    });
    it('names the other Region and the other account', () => {
      const arn = 'arn:aws:secretsmanager:us-east-1:999999999999:secret:shared';
      assert.deepEqual(warnings(withSecret(arn), { region: 'eu-west-1', accountId: ACCOUNT }).slice(1), [
        ['SECRET_OTHER_REGION', 'This secret lives in us-east-1 but the task runs in eu-west-1: VPC endpoints only serve their own Region, so the task needs an internet path (NAT) to fetch it.'],
        ['SECRET_OTHER_ACCOUNT', 'This secret belongs to account 999999999999: its resource policy (and its KMS key\'s policy) must let your execution role read it.'],
      ]);
    });
    it('names the action a Secrets Manager secret needs', () => {
      assert.deepEqual(warnings(withSecret(`arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:db`), noActions)[0], ['EXECUTION_ROLE_SECRET_ACCESS',
        'The execution role ecsTaskExecutionRole can\'t call secretsmanager:GetSecretValue, so this secret can\'t be fetched and the task won\'t start: allow it for this secret (and kms:Decrypt if a customer-managed key encrypts it).']);
    });
    it('says nothing of Region or account for a parameter named without an ARN', () => {
      assert.deepEqual(warnings(withSecret('/prod/db'), { region: 'eu-west-1', accountId: ACCOUNT }).map((w) => w[0]), ['SECRETS_NEED_REACH']);
    });
  });

  describe('edges', () => {
    it('lists only the containers and volumes that have a name', () => {
      const request = ec2Request([{ name: 'app', volumesFrom: [{ sourceContainer: 'zzzzzz' }], mountPoints: [{ sourceVolume: 'qqqqqq', containerPath: '/d' }] }, { name: '' }],
        { volumes: [{ name: 'data' }, { name: '' }] });
      const messages = check(request).errors.filter((e) => e.code.endsWith('_UNKNOWN')).map((e) => e.message);
      assert.deepEqual(messages, [
        'mountPoints names the volume "qqqqqq", but there\'s no such volume in volumes: add it, or name one of data.',
        'volumesFrom names the container "zzzzzz", but there\'s no such container in containerDefinitions: add it, or name one of app.',
      ]);
    });
    it('says Fargate has no instance disk, at the volume\'s sourcePath', () => {
      const request = { family: 'x', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512',
        containerDefinitions: [{ name: 'app', image: 'nginx:1.27' }], volumes: [{ name: 'data', host: { sourcePath: '/var/data' } }] };
      assert.deepEqual(errors(request), [['volumes[0].host.sourcePath', 'FARGATE_HOST_PATH',
        'Fargate tasks have no instance disk to mount: remove sourcePath (the volume becomes storage the task\'s containers share), or use an EFS volume.']]);
    });
    it('still hints FARGATE for a log driver ECS doesn\'t know (that is its own error)', () => {
      const request = { family: 'x', containerDefinitions: [{ name: 'app', image: 'nginx:1.27', memory: 256, logConfiguration: { logDriver: 'foo' } }] };
      assert.deepEqual(check(request).warnings.map((w) => w.code), ['COMPATIBILITY_MISSING']);
    });
  });
});
