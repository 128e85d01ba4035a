// Seeds moto with a large account for the benchmark: one cluster with 1,000 services and 3,000
// running tasks (250 of them in one service), and 200 task definition families.
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateServiceCommand, RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import { mapConcurrent } from '../src/aws/batching';
import { TEST_CREDENTIALS } from '../test/support/moto';
import { ecsClient, seedClusters } from '../test/support/seed';

export const LARGE = {
  region: 'us-east-1',
  cluster: 'big-cluster',
  services: 1000,
  tasks: 3000,
  /** The service whose tasks the benchmark lists. */
  busyService: 'svc-0000',
  busyServiceTasks: 250,
  families: 200,
  /** Tasks of another service stopped with an error (they stay among the 3,000). */
  stoppedTasks: 5,
} as const;

export function serviceName(i: number): string {
  return `svc-${String(i).padStart(4, '0')}`;
}

export async function seedLargeAccount(endpointUrl: string): Promise<void> {
  const ecs = ecsClient(endpointUrl, LARGE.region);
  const ec2 = new EC2Client({ region: LARGE.region, endpoint: endpointUrl, credentials: TEST_CREDENTIALS });
  try {
    await seedClusters(endpointUrl, [LARGE.cluster], LARGE.region);
    const families = Array.from({ length: LARGE.families }, (_, i) => `family-${String(i).padStart(3, '0')}`);
    const arns = await mapConcurrent(families, 8, async (family) => {
      const out = await ecs.send(new RegisterTaskDefinitionCommand({
        family,
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:latest', memory: 512, essential: true }],
      }));
      return out.taskDefinition!.taskDefinitionArn!;
    });
    const taskDefinition = arns[0]!;
    await mapConcurrent(Array.from({ length: LARGE.services }, (_, i) => serviceName(i)), 8, (name) =>
      ecs.send(new CreateServiceCommand({ cluster: LARGE.cluster, serviceName: name, taskDefinition, desiredCount: 0, launchType: 'FARGATE' })));

    // moto never starts a service's tasks: start them as the service would (group "service:NAME").
    const subnet = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets![0]!.SubnetId!;
    const securityGroup = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups![0]!.GroupId!;
    const batches: Array<{ service: string; count: number }> = [];
    for (let left = LARGE.busyServiceTasks; left > 0; left -= 10) batches.push({ service: LARGE.busyService, count: Math.min(10, left) });
    const rest = LARGE.tasks - LARGE.busyServiceTasks;
    for (let i = 0; i < rest / 10; i++) batches.push({ service: serviceName(1 + (i % (LARGE.services - 1))), count: 10 });
    const runs = await mapConcurrent(batches, 4, ({ service, count }) => ecs.send(new RunTaskCommand({
      cluster: LARGE.cluster,
      taskDefinition,
      launchType: 'FARGATE',
      group: `service:${service}`,
      startedBy: 'ecs-svc/bench',
      count,
      networkConfiguration: { awsvpcConfiguration: { subnets: [subnet], securityGroups: [securityGroup] } },
    })));
    // A few failed tasks in another service, so the failing-service marker has something to read.
    const failed = (runs.at(-1)?.tasks ?? []).slice(0, LARGE.stoppedTasks);
    await mapConcurrent(failed, 4, (task) => ecs.send(new StopTaskCommand({
      cluster: LARGE.cluster,
      task: task.taskArn!,
      reason: 'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref registry.example/app:missing: not found',
    })));
  } finally {
    ecs.destroy();
    ec2.destroy();
  }
}
