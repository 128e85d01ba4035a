// Seeds moto with the tutorial's fixed world (every start requirement met: its doctor finds
// nothing) and then breaks the load balancer health check, one class of fault per world:
//
// - `unservedPort`: the target group checks port 8081, which no container maps (the service's
//   traffic goes to 8080). The check can never pass; the fix checks the traffic port.
// - `blockedPort`: the task definition's container also maps 8081 (a management port), the
//   target group checks it, and the service's group opens only 8080 (from the VPC). The fix opens
//   8081 from the load balancer's group.
// - `healthy`: as `blockedPort`, with 8081 open from the load balancer's group: the healthy
//   variant of the class, which the doctor must pass.
//
// Each world has one task of the service stopped as AWS stops it when the load balancer marks
// it unhealthy. moto registers no ECS task in a target group, so DescribeTargetHealth answers
// with no targets: the rules judge the settings; a test that needs the load balancer's verdict
// (reason codes moto never makes) sets it on the AWS-limits proxy (setTargetHealth).
//
// Everything goes through the real AWS SDK, as the product's calls do.
import { AuthorizeSecurityGroupIngressCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeTaskDefinitionCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client, ModifyTargetGroupCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { TEST_CREDENTIALS } from '../moto';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../tutorialWorld';

export type HealthCheckFault = 'unservedPort' | 'blockedPort' | 'healthy';

/** The port the broken worlds' target group checks: not the traffic port (TUTORIAL.containerPort). */
export const HEALTH_CHECK_PORT = 8081;

export interface HealthCheckWorld extends TutorialWorld {
  readonly fault: HealthCheckFault;
  /** The task definition the service runs now (a second revision in `blockedPort` and `healthy`). */
  readonly serviceTaskDefinitionArn: string;
  /** The task stopped for failed ELB health checks. */
  readonly elbStoppedTaskArn: string;
}

/** The reason ECS gives a task the load balancer marked unhealthy. */
export function elbStopReason(targetGroupArn: string): string {
  return `Task failed ELB health checks in (target-group ${targetGroupArn})`;
}

/** The tutorial's fixed world in `region`, with the health check broken as `fault` says. */
export async function seedHealthCheckWorld(endpointUrl: string, options: { region: string; fault: HealthCheckFault }): Promise<HealthCheckWorld> {
  const world = await seedTutorialWorld(endpointUrl, { region: options.region, withFixes: true, stoppedTasks: false });
  const config = { endpoint: endpointUrl, region: options.region, credentials: TEST_CREDENTIALS };
  const ecs = new ECSClient(config);
  const elb = new ElasticLoadBalancingV2Client(config);
  const ec2 = new EC2Client(config);
  try {
    let taskDefinitionArn = world.taskDefinitionArn;
    if (options.fault !== 'unservedPort') {
      taskDefinitionArn = await withManagementPort(ecs, world.taskDefinitionArn);
      await ecs.send(new UpdateServiceCommand({ cluster: world.clusterArn, service: TUTORIAL.serviceName, taskDefinition: taskDefinitionArn }));
    }
    await elb.send(new ModifyTargetGroupCommand({ TargetGroupArn: world.targetGroupArn, HealthCheckPort: String(HEALTH_CHECK_PORT) }));
    if (options.fault === 'healthy') {
      await ec2.send(new AuthorizeSecurityGroupIngressCommand({
        GroupId: world.serviceSgId,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: HEALTH_CHECK_PORT, ToPort: HEALTH_CHECK_PORT, UserIdGroupPairs: [{ GroupId: world.albSgId, Description: 'health checks from the ALB' }] }],
      }));
    }
    const elbStoppedTaskArn = await stopForHealthChecks(ecs, world, taskDefinitionArn);
    return { ...world, fault: options.fault, serviceTaskDefinitionArn: taskDefinitionArn, elbStoppedTaskArn };
  } finally {
    for (const client of [ecs, elb, ec2]) client.destroy();
  }
}

/** A new revision of the task definition whose container also maps HEALTH_CHECK_PORT. */
async function withManagementPort(ecs: ECSClient, taskDefinitionArn: string): Promise<string> {
  const { taskDefinition: td } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: taskDefinitionArn }));
  if (!td) throw new Error(`DescribeTaskDefinition returned nothing for ${taskDefinitionArn}`);
  const input: RegisterTaskDefinitionCommandInput = {
    family: td.family,
    requiresCompatibilities: td.requiresCompatibilities,
    networkMode: td.networkMode,
    runtimePlatform: td.runtimePlatform,
    cpu: td.cpu,
    memory: td.memory,
    executionRoleArn: td.executionRoleArn,
    containerDefinitions: (td.containerDefinitions ?? []).map((c) => ({
      ...c,
      portMappings: [
        ...(c.portMappings ?? []),
        { name: `${c.name ?? 'app'}-${HEALTH_CHECK_PORT}-tcp`, containerPort: HEALTH_CHECK_PORT, hostPort: HEALTH_CHECK_PORT, protocol: 'tcp', appProtocol: 'http' },
      ],
    })),
  };
  const { taskDefinition } = await ecs.send(new RegisterTaskDefinitionCommand(input));
  if (!taskDefinition?.taskDefinitionArn) throw new Error('RegisterTaskDefinition returned no ARN');
  return taskDefinition.taskDefinitionArn;
}

/** A task of the service (RunTask in the service's group, as moto never starts one), stopped as ECS stops an unhealthy target. */
async function stopForHealthChecks(ecs: ECSClient, world: TutorialWorld, taskDefinition: string): Promise<string> {
  const { tasks, failures } = await ecs.send(new RunTaskCommand({
    cluster: world.clusterArn, taskDefinition, launchType: 'FARGATE', platformVersion: '1.4.0', count: 1, group: TUTORIAL.taskGroup,
    networkConfiguration: { awsvpcConfiguration: { subnets: world.privateSubnetIds, securityGroups: [world.serviceSgId], assignPublicIp: 'DISABLED' } },
  }));
  const arn = tasks?.[0]?.taskArn;
  if (!arn) throw new Error(`RunTask made no task (failures: ${JSON.stringify(failures ?? [])})`);
  await ecs.send(new StopTaskCommand({ cluster: world.clusterArn, task: arn, reason: elbStopReason(world.targetGroupArn) }));
  return arn;
}
