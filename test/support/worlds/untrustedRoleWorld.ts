// The tutorial's fixed world whose execution role (ecsTaskExecutionRole) trusts only
// ec2.amazonaws.com, as a role copied from an EC2 instance profile would: ECS cannot assume it,
// and the service's last task stopped with ECS's own words for that. IAM is global in moto's
// account: seed after a reset (the fix gives the role back its trust in ecs-tasks).
import { IAMClient, UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { TEST_CREDENTIALS } from '../moto';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../tutorialWorld';
import { stopServiceTask } from './serviceTask';

export const EC2_ONLY_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'Ec2', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
} as const;

/** The stopped reason ECS gives a task whose execution role it cannot assume (as the console shows it). */
export function roleAssumeReason(roleArn: string): string {
  return `ECS was unable to assume the role '${roleArn}' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.`;
}

export interface UntrustedRoleWorld extends TutorialWorld {
  /** The task stopped because ECS could not assume the role. */
  roleStoppedTaskArn: string;
}

export async function seedUntrustedRoleWorld(endpointUrl: string, options: { region?: string } = {}): Promise<UntrustedRoleWorld> {
  const world = await seedTutorialWorld(endpointUrl, { ...options, withFixes: true, stoppedTasks: false });
  const iam = new IAMClient({ endpoint: endpointUrl, region: world.region, credentials: TEST_CREDENTIALS });
  try {
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: TUTORIAL.executionRoleName, PolicyDocument: JSON.stringify(EC2_ONLY_TRUST) }));
  } finally {
    iam.destroy();
  }
  return { ...world, roleStoppedTaskArn: await stopServiceTask(endpointUrl, world, roleAssumeReason(world.executionRoleArn)) };
}
