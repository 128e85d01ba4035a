// Seeds moto with the region the Problems view's scan is measured on: 50 clusters, each with
// one service, of which 3 have tasks that stopped with an error (their services are failing).
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateServiceCommand, RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import { mapConcurrent } from '../src/aws/batching';
import { TEST_CREDENTIALS } from '../test/support/moto';
import { ecsClient, seedClusters } from '../test/support/seed';

export const SCAN = {
  region: 'eu-west-2',
  clusters: 50,
  /** Clusters whose service has failed tasks. */
  failingClusters: ['scan-07', 'scan-23', 'scan-41'],
  service: 'web',
} as const;

export function scanClusterName(i: number): string {
  return `scan-${String(i).padStart(2, '0')}`;
}

export async function seedScanRegion(endpointUrl: string): Promise<void> {
  const ecs = ecsClient(endpointUrl, SCAN.region);
  const ec2 = new EC2Client({ region: SCAN.region, endpoint: endpointUrl, credentials: TEST_CREDENTIALS });
  try {
    const names = Array.from({ length: SCAN.clusters }, (_, i) => scanClusterName(i));
    await seedClusters(endpointUrl, names, SCAN.region);
    const taskDefinition = (await ecs.send(new RegisterTaskDefinitionCommand({
      family: 'scan-web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      containerDefinitions: [{ name: 'app', image: 'registry.example/app:missing', memory: 512, essential: true }],
    }))).taskDefinition!.taskDefinitionArn!;
    await mapConcurrent(names, 8, (cluster) =>
      ecs.send(new CreateServiceCommand({ cluster, serviceName: SCAN.service, taskDefinition, desiredCount: 0, launchType: 'FARGATE' })));
    const subnet = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets![0]!.SubnetId!;
    const securityGroup = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups![0]!.GroupId!;
    // moto never starts a service's tasks: start two as the service would, and stop them as ECS
    // does when the image cannot be pulled.
    await mapConcurrent(SCAN.failingClusters, 3, async (cluster) => {
      const run = await ecs.send(new RunTaskCommand({
        cluster, taskDefinition, launchType: 'FARGATE', group: `service:${SCAN.service}`, startedBy: 'ecs-svc/bench', count: 2,
        networkConfiguration: { awsvpcConfiguration: { subnets: [subnet], securityGroups: [securityGroup] } },
      }));
      await mapConcurrent(run.tasks ?? [], 2, (task) => ecs.send(new StopTaskCommand({
        cluster,
        task: task.taskArn!,
        reason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref registry.example/app:missing: not found',
      })));
    });
  } finally {
    ecs.destroy();
    ec2.destroy();
  }
}
