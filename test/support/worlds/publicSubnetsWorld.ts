// The tutorial's world with its service moved to the PUBLIC subnets (0.0.0.0/0 to the internet
// gateway) and the public IP left off: the tasks reach no AWS service, and the smallest fix is
// the public IP alone (no endpoint, no NAT gateway). The doctor's "ways out" tests seed it.
import { ECSClient, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { TEST_CREDENTIALS } from '../moto';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../tutorialWorld';

export type PublicSubnetsWorld = TutorialWorld;

/** The tutorial's world (no stopped tasks), its service in the public subnets with assignPublicIp DISABLED. */
export async function seedPublicSubnetsWorld(endpointUrl: string, options: { region?: string } = {}): Promise<PublicSubnetsWorld> {
  const world = await seedTutorialWorld(endpointUrl, { ...options, stoppedTasks: false });
  const ecs = new ECSClient({ endpoint: endpointUrl, region: world.region, credentials: TEST_CREDENTIALS });
  try {
    await ecs.send(new UpdateServiceCommand({
      cluster: TUTORIAL.clusterName,
      service: TUTORIAL.serviceName,
      networkConfiguration: {
        awsvpcConfiguration: { subnets: [...world.publicSubnetIds], securityGroups: [world.serviceSgId], assignPublicIp: 'DISABLED' },
      },
    }));
  } finally {
    ecs.destroy();
  }
  return world;
}
