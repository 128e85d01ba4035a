// A task of the tutorial's service that ECS stopped with a given reason: started as the service
// would have (its group, its current deployment, its network) and stopped with the reason
// verbatim, for worlds whose fault shows in a stopped task's reason.
import { DescribeServicesCommand, ECSClient, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import { TEST_CREDENTIALS } from '../moto';
import { TUTORIAL, type TutorialWorld } from '../tutorialWorld';

/** Runs one task of the service's current deployment and stops it with `reason`; returns its ARN. */
export async function stopServiceTask(endpointUrl: string, world: TutorialWorld, reason: string): Promise<string> {
  const ecs = new ECSClient({ endpoint: endpointUrl, region: world.region, credentials: TEST_CREDENTIALS });
  try {
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: TUTORIAL.clusterName, services: [TUTORIAL.serviceName] }));
    const service = services?.[0];
    const deployment = service?.deployments?.find((d) => d.status === 'PRIMARY')?.id;
    if (!service?.networkConfiguration || !deployment) throw new Error('The tutorial service has no network configuration or deployment');
    const { tasks } = await ecs.send(new RunTaskCommand({
      cluster: TUTORIAL.clusterName, taskDefinition: TUTORIAL.taskFamily, launchType: 'FARGATE', platformVersion: '1.4.0', count: 1,
      group: TUTORIAL.taskGroup, startedBy: deployment, networkConfiguration: service.networkConfiguration,
    }));
    const arn = tasks?.[0]?.taskArn;
    if (!arn) throw new Error('RunTask returned no task');
    await ecs.send(new StopTaskCommand({ cluster: TUTORIAL.clusterName, task: arn, reason }));
    return arn;
  } finally {
    ecs.destroy();
  }
}
