// The tutorial's fixed world whose private subnets (tasks and endpoint interfaces) get a custom
// network ACL that lets every request out and in but denies the replies on the ephemeral ports:
// inbound TCP 1024-65535 denied at rule 90, before rule 100 allowing all traffic. A stateless
// ACL's usual mistake; the task's calls to ECR time out, as the tutorial's did.
import {
  CreateNetworkAclCommand,
  CreateNetworkAclEntryCommand,
  DescribeNetworkAclsCommand,
  EC2Client,
  ReplaceNetworkAclAssociationCommand,
} from '@aws-sdk/client-ec2';
import { TEST_CREDENTIALS } from '../moto';
import { seedTutorialWorld, TUTORIAL_STOP_REASONS, type TutorialWorld } from '../tutorialWorld';
import { stopServiceTask } from './serviceTask';

export const REPLIES_DENY_RULE = 90;

export interface RepliesBlockedWorld extends TutorialWorld {
  aclId: string;
  stoppedTaskArn: string;
}

export async function seedRepliesBlockedWorld(endpointUrl: string, options: { region?: string } = {}): Promise<RepliesBlockedWorld> {
  const world = await seedTutorialWorld(endpointUrl, { ...options, withFixes: true, stoppedTasks: false });
  const ec2 = new EC2Client({ endpoint: endpointUrl, region: world.region, credentials: TEST_CREDENTIALS });
  try {
    const { NetworkAcl } = await ec2.send(new CreateNetworkAclCommand({
      VpcId: world.vpcId, TagSpecifications: [{ ResourceType: 'network-acl', Tags: [{ Key: 'Name', Value: 'demo-service-acl-private' }] }],
    }));
    const aclId = NetworkAcl?.NetworkAclId;
    if (!aclId) throw new Error('CreateNetworkAcl returned no id');
    const entry = (RuleNumber: number, Egress: boolean, RuleAction: 'allow' | 'deny', Protocol: string, ports?: [number, number]) =>
      ec2.send(new CreateNetworkAclEntryCommand({
        NetworkAclId: aclId, RuleNumber, Egress, RuleAction, Protocol, CidrBlock: '0.0.0.0/0', ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}),
      }));
    await entry(REPLIES_DENY_RULE, false, 'deny', '6', [1024, 65535]);
    await entry(100, false, 'allow', '-1');
    await entry(100, true, 'allow', '-1');
    const { NetworkAcls } = await ec2.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'association.subnet-id', Values: world.privateSubnetIds }] }));
    const associations = (NetworkAcls ?? []).flatMap((a) => a.Associations ?? []).filter((a) => a.SubnetId && world.privateSubnetIds.includes(a.SubnetId));
    if (associations.length !== world.privateSubnetIds.length) throw new Error(`Found ${associations.length} ACL associations for the private subnets`);
    for (const a of associations) await ec2.send(new ReplaceNetworkAclAssociationCommand({ AssociationId: a.NetworkAclAssociationId, NetworkAclId: aclId }));
    return { ...world, aclId, stoppedTaskArn: await stopServiceTask(endpointUrl, world, TUTORIAL_STOP_REASONS.ecr) };
  } finally {
    ec2.destroy();
  }
}
