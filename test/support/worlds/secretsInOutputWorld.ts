// The tutorial's world with a task definition that uses secrets: a new revision whose container
// takes DB_PASSWORD from Secrets Manager and API_KEY from an SSM parameter, and the service
// moved to it. For the tests that prove secret values are never fetched (issue 14).
import { DescribeTaskDefinitionCommand, ECSClient, RegisterTaskDefinitionCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { TEST_CREDENTIALS } from '../moto';
import { TUTORIAL, type TutorialWorld } from '../tutorialWorld';

export interface SecretsWorld {
  readonly taskDefinitionArn: string;
  readonly secretArn: string;
  readonly parameterArn: string;
}

export async function useSecretsInTutorialService(endpoint: string, world: TutorialWorld): Promise<SecretsWorld> {
  const ecs = new ECSClient({ endpoint, region: world.region, credentials: TEST_CREDENTIALS });
  try {
    const secretArn = `arn:aws:secretsmanager:${world.region}:${world.accountId}:secret:demo/db-password-AbCdEf`;
    const parameterArn = `arn:aws:ssm:${world.region}:${world.accountId}:parameter/demo/api-key`;
    const { taskDefinition: td } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: world.taskDefinitionArn }));
    if (!td?.containerDefinitions) throw new Error(`${world.taskDefinitionArn} has no containers`);
    const registered = await ecs.send(new RegisterTaskDefinitionCommand({
      family: td.family,
      requiresCompatibilities: td.requiresCompatibilities,
      networkMode: td.networkMode,
      cpu: td.cpu,
      memory: td.memory,
      executionRoleArn: td.executionRoleArn,
      runtimePlatform: td.runtimePlatform,
      containerDefinitions: td.containerDefinitions.map((c, i) => (i === 0 ? { ...c, secrets: [{ name: 'DB_PASSWORD', valueFrom: secretArn }, { name: 'API_KEY', valueFrom: parameterArn }] } : c)),
    }));
    const taskDefinitionArn = registered.taskDefinition?.taskDefinitionArn ?? '';
    await ecs.send(new UpdateServiceCommand({ cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName, taskDefinition: taskDefinitionArn }));
    return { taskDefinitionArn, secretArn, parameterArn };
  } finally {
    ecs.destroy();
  }
}
