// The tutorial's fixed world plus a secret its task reads that the execution role cannot: the
// service's task definition gains a revision whose container takes DB_PASSWORD from a JSON key of
// a Secrets Manager secret, run by an execution role with only AmazonECSTaskExecutionRolePolicy
// (as the console makes ecsTaskExecutionRole). With `customerKey`, the secret is encrypted with a
// customer managed KMS key, so the role needs kms:Decrypt on it too; with `parameter`, the
// container also takes API_KEY from an SSM SecureString parameter named without an ARN (under
// that key when there is one). The VPC gains the secretsmanager (and ssm) interface endpoints,
// so the role is the one thing in the way.
//
// Everything goes through the real AWS SDK against moto, as the product's calls do.
import { CreateVpcEndpointCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeTaskDefinitionCommand, ECSClient, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { AttachRolePolicyCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { TEST_CREDENTIALS } from '../moto';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../tutorialWorld';

export const SECRETS_WORLD = {
  secretName: 'demo/db-credentials',
  /** The container's variable, read from the secret's JSON key `password`. */
  variable: 'DB_PASSWORD',
  jsonKey: 'password',
  /** The execution role of the new revision: trusted by ECS tasks, the managed policy attached, nothing else. */
  executionRoleName: 'demoSecretsExecutionRole',
  /** With `parameter`: the SSM SecureString the container reads as API_KEY, named without an ARN. */
  parameterName: '/demo/api-key',
  parameterVariable: 'API_KEY',
} as const;

export interface SecretsWorld extends TutorialWorld {
  /** The secret's full ARN (with its random suffix), as the policy must name it. */
  secretArn: string;
  /** The container's `valueFrom`: the secret ARN and the JSON key. */
  valueFrom: string;
  /** The customer managed key's ARN, with `customerKey`. */
  kmsKeyArn?: string;
  /** The revision the service now runs. */
  secretsTaskDefinitionArn: string;
  secretsExecutionRoleArn: string;
}

export interface SecretsWorldOptions {
  region: string;
  /** Encrypt the secret with a customer managed KMS key. */
  customerKey?: boolean;
  /** Also read an SSM SecureString parameter (API_KEY). */
  parameter?: boolean;
}

function need<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`seedSecretsWorld: ${what} missing from the response`);
  return value;
}

/** Seeds the tutorial's fixed world in `region`, then the secret, the role and the revision that reads it. */
export async function seedSecretsWorld(endpointUrl: string, options: SecretsWorldOptions): Promise<SecretsWorld> {
  const world = await seedTutorialWorld(endpointUrl, { region: options.region, withFixes: true, stoppedTasks: false });
  const config = { endpoint: endpointUrl, region: options.region, credentials: TEST_CREDENTIALS };
  const iam = new IAMClient(config);
  const kms = new KMSClient(config);
  const secrets = new SecretsManagerClient(config);
  const ecs = new ECSClient(config);
  const ec2 = new EC2Client(config);
  const ssm = new SSMClient(config);
  try {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    const role = await iam.send(new CreateRoleCommand({ RoleName: SECRETS_WORLD.executionRoleName, AssumeRolePolicyDocument: JSON.stringify(trust) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: SECRETS_WORLD.executionRoleName, PolicyArn: TUTORIAL.executionPolicyArn }));
    const roleArn = need(role.Role?.Arn, 'CreateRole Arn');

    const kmsKeyArn = options.customerKey
      ? need((await kms.send(new CreateKeyCommand({ Description: 'demo secrets key' }))).KeyMetadata?.Arn, 'CreateKey Arn')
      : undefined;
    const secret = await secrets.send(new CreateSecretCommand({
      Name: SECRETS_WORLD.secretName,
      // A made-up value: the doctor never reads it.
      SecretString: JSON.stringify({ username: 'app', [SECRETS_WORLD.jsonKey]: 'not-a-real-password' }),
      ...(kmsKeyArn ? { KmsKeyId: kmsKeyArn } : {}),
    }));
    const secretArn = need(secret.ARN, 'CreateSecret ARN');
    const valueFrom = `${secretArn}:${SECRETS_WORLD.jsonKey}::`;

    if (options.parameter) {
      await ssm.send(new PutParameterCommand({
        Name: SECRETS_WORLD.parameterName, Type: 'SecureString', Value: 'not-a-real-key', ...(kmsKeyArn ? { KeyId: kmsKeyArn } : {}),
      }));
    }
    for (const service of ['secretsmanager', ...(options.parameter ? ['ssm'] : [])]) {
      await ec2.send(new CreateVpcEndpointCommand({
        VpcId: world.vpcId, VpcEndpointType: 'Interface', ServiceName: `com.amazonaws.${options.region}.${service}`,
        SubnetIds: world.privateSubnetIds, SecurityGroupIds: [world.serviceSgId], PrivateDnsEnabled: true,
      }));
    }
    const secretsOfContainer = [
      { name: SECRETS_WORLD.variable, valueFrom },
      ...(options.parameter ? [{ name: SECRETS_WORLD.parameterVariable, valueFrom: SECRETS_WORLD.parameterName }] : []),
    ];

    const { taskDefinition: td } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: world.taskDefinitionArn }));
    const current = need(td, 'DescribeTaskDefinition taskDefinition');
    const registered = await ecs.send(new RegisterTaskDefinitionCommand({
      family: need(current.family, 'family'),
      networkMode: current.networkMode,
      requiresCompatibilities: current.requiresCompatibilities,
      runtimePlatform: current.runtimePlatform,
      cpu: current.cpu,
      memory: current.memory,
      executionRoleArn: roleArn,
      containerDefinitions: (current.containerDefinitions ?? []).map((c) => ({ ...c, secrets: secretsOfContainer })),
    }));
    const secretsTaskDefinitionArn = need(registered.taskDefinition?.taskDefinitionArn, 'RegisterTaskDefinition arn');
    await ecs.send(new UpdateServiceCommand({ cluster: world.clusterArn, service: TUTORIAL.serviceName, taskDefinition: secretsTaskDefinitionArn }));
    return { ...world, secretArn, valueFrom, ...(kmsKeyArn ? { kmsKeyArn } : {}), secretsTaskDefinitionArn, secretsExecutionRoleArn: roleArn };
  } finally {
    for (const client of [iam, kms, secrets, ecs, ec2, ssm]) client.destroy();
  }
}
