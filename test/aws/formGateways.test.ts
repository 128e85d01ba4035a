// The task definition form's gateways against moto: roles trusting ECS tasks (moto returns the
// trust policy as plain JSON; the URL-encoded form AWS returns is unit-tested), creating the
// execution role, ECR repositories and images with the platforms of the tutorial's arm64
// index, log group existence, registering and reading a revision back with its tags.
import * as assert from 'node:assert/strict';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { AttachRolePolicyCommand, CreatePolicyCommand, CreateRoleCommand, GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { createSession, type AwsSession } from '../../src/aws';
import type { Connection } from '../../src/model/connection';
import { TEST_CREDENTIALS } from '../support/moto';
import { TUTORIAL, seedTutorialWorld, type TutorialWorld } from '../support/tutorialWorld';
import { moto, resetMoto } from './setup';

const REGION = 'eu-west-3';

describe('task definition form gateways', () => {
  let session: AwsSession;
  let tutorial: TutorialWorld;
  let iam: IAMClient;

  before(async function () {
    this.timeout(60_000);
    await resetMoto();
    tutorial = await seedTutorialWorld(moto().url, { region: REGION, stoppedTasks: false });
    const connection: Connection = { profile: undefined, region: REGION, endpointUrl: moto().url };
    session = createSession(connection, { userAgent: ['ecs-studio', '0.0.0-test'], credentials: async () => TEST_CREDENTIALS });
    iam = new IAMClient({ endpoint: moto().url, region: REGION, credentials: TEST_CREDENTIALS });
    await iam.send(new CreateRoleCommand({
      RoleName: 'lambda-only',
      AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    }));
  });

  after(() => {
    session?.dispose();
    iam?.destroy();
  });

  it('lists only the roles ECS tasks may assume', async () => {
    const roles = await session.iam.listEcsTaskRoles();
    const names = roles.map((r) => r.name);
    assert.ok(names.includes(TUTORIAL.executionRoleName), names.join(', '));
    assert.ok(!names.includes('lambda-only'));
    assert.equal(roles.find((r) => r.name === TUTORIAL.executionRoleName)?.arn, tutorial.executionRoleArn);
  });

  it('reads a role\'s attached policies, and says when a role does not exist', async () => {
    const policies = await session.iam.listAttachedPolicies(TUTORIAL.executionRoleName);
    assert.deepEqual(policies.map((p) => p.arn), [TUTORIAL.executionPolicyArn]);
    assert.equal(await session.iam.getRole('no-such-role'), undefined);
  });

  it('creates an execution role trusted by ECS tasks, with the managed policy', async () => {
    const role = await session.iam.createTaskExecutionRole('formGatewayExecutionRole');
    assert.match(role.arn, /^arn:aws:iam::\d{12}:role\/formGatewayExecutionRole$/);
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'formGatewayExecutionRole' }));
    assert.match(decodeURIComponent(Role?.AssumeRolePolicyDocument ?? ''), /ecs-tasks\.amazonaws\.com/);
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'formGatewayExecutionRole' }));
    assert.deepEqual(attached.AttachedPolicies?.map((p) => p.PolicyName), ['AmazonECSTaskExecutionRolePolicy']);
    assert.ok((await session.iam.listEcsTaskRoles()).some((r) => r.name === 'formGatewayExecutionRole'));
  });

  it('reads what a role\'s inline and attached policies allow', async () => {
    const policy = (action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
    await session.iam.createTaskExecutionRole('formGatewaySecretsRole');
    await iam.send(new PutRolePolicyCommand({ RoleName: 'formGatewaySecretsRole', PolicyName: 'read-secrets', PolicyDocument: policy('secretsmanager:GetSecretValue') }));
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'read-parameters', PolicyDocument: policy('ssm:GetParameters') }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'formGatewaySecretsRole', PolicyArn: Policy?.Arn }));
    const actions = await session.iam.roleAllowedActions('formGatewaySecretsRole');
    assert.deepEqual([...actions].sort(), ['secretsmanager:GetSecretValue', 'ssm:GetParameters']);
    assert.deepEqual(await session.iam.roleAllowedActions(TUTORIAL.executionRoleName), [], 'the managed policy is left to the rules');
  });

  it('lists repositories and tagged images, newest first, with the index\'s platforms', async () => {
    const repositories = await session.ecr.listRepositories();
    assert.deepEqual(repositories.map((r) => r.name), [TUTORIAL.repositoryName]);
    assert.equal(`${repositories[0].uri}:latest`, tutorial.imageUri);
    const images = await session.ecr.listImages(TUTORIAL.repositoryName);
    assert.deepEqual(images.map((i) => i.tags), [['latest']]);
    assert.equal(images[0].digest, tutorial.imageDigest);
    assert.deepEqual(images[0].platforms, [{ os: 'linux', architecture: 'arm64' }]);
    assert.deepEqual(await session.ecr.imagePlatforms(TUTORIAL.repositoryName, { tag: 'latest' }), [{ os: 'linux', architecture: 'arm64' }]);
    assert.equal(await session.ecr.imagePlatforms('no-such-repository', { tag: 'latest' }), undefined);
  });

  it('tells whether a log group exists (by its exact name)', async () => {
    const logs = new CloudWatchLogsClient({ endpoint: moto().url, region: REGION, credentials: TEST_CREDENTIALS });
    try {
      await logs.send(new CreateLogGroupCommand({ logGroupName: '/ecs/form-gateway-task' }));
    } finally {
      logs.destroy();
    }
    assert.equal(await session.logGroups.logGroupExists('/ecs/form-gateway-task'), true);
    assert.equal(await session.logGroups.logGroupExists('/ecs/nothing-here'), false);
    assert.equal(await session.logGroups.logGroupExists('/ecs'), false, 'a prefix of a group is not the group');
  });

  it('registers a task definition and reads it back with its tags', async () => {
    const registered = await session.registration.registerTaskDefinition({
      family: 'form-gateway-task',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27', essential: true, memoryReservation: 128 }],
      tags: [{ key: 'team', value: 'web' }],
    });
    assert.equal(registered.family, 'form-gateway-task');
    assert.equal(registered.revision, 1);
    const back = await session.registration.describeWithTags(registered.arn);
    assert.equal(back.taskDefinition.containerDefinitions?.[0]?.image, 'nginx:1.27');
    assert.deepEqual(back.tags, [{ key: 'team', value: 'web' }]);
  });
});
