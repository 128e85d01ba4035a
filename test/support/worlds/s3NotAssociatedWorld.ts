// The tutorial's fixed world with its S3 gateway endpoint moved off the private route table (to
// the public one): the endpoint exists, but the task subnets' table does not route S3 through
// it, so the image layers (on S3) cannot be fetched. The fix associates the endpoint with the
// private table; a second endpoint would be one too many.
import { EC2Client, ModifyVpcEndpointCommand } from '@aws-sdk/client-ec2';
import { TEST_CREDENTIALS } from '../moto';
import { seedTutorialWorld, type TutorialWorld } from '../tutorialWorld';

export type S3NotAssociatedWorld = TutorialWorld & { s3EndpointId: string };

export async function seedS3NotAssociatedWorld(endpointUrl: string, options: { region?: string } = {}): Promise<S3NotAssociatedWorld> {
  const world = await seedTutorialWorld(endpointUrl, { ...options, withFixes: true, stoppedTasks: false });
  const s3EndpointId = world.endpointIds?.s3;
  if (!s3EndpointId) throw new Error('The fixed tutorial world has no S3 gateway endpoint');
  const ec2 = new EC2Client({ endpoint: endpointUrl, region: world.region, credentials: TEST_CREDENTIALS });
  try {
    await ec2.send(new ModifyVpcEndpointCommand({
      VpcEndpointId: s3EndpointId, AddRouteTableIds: [world.routeTableIds.public], RemoveRouteTableIds: [world.routeTableIds.private],
    }));
  } finally {
    ec2.destroy();
  }
  return { ...world, s3EndpointId };
}
