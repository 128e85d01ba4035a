/**
 * Security groups as the service creator (src/aws/serviceCreator.ts) makes them: the plan's
 * requests (src/model/serviceRequest.ts, shaped like the SDK inputs) sent as they are, and the
 * lookups that let a second run find what a first one made. Its own file so that ec2Gateway.ts
 * (reads, and the doctor's one-rule changes) stays one concern and under 400 lines.
 */
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import type { SecurityGroup } from '../model/network';
import type { AuthorizeSecurityGroupIngressRequest, CreateSecurityGroupRequest } from '../model/serviceRequest';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';
import type { Ec2Gateway } from './ec2Gateway';

/** EC2's answer when every permission of an AuthorizeSecurityGroupIngress is already on the group. */
const DUPLICATE_PERMISSION = 'InvalidPermission.Duplicate';

export class SecurityGroupsGateway {
  constructor(private readonly factory: ClientFactory, private readonly ec2: Ec2Gateway) {}

  private get client(): EC2Client {
    return this.factory.get(EC2Client);
  }

  /**
   * The group of this name in the VPC, or undefined. EC2 keeps group names unique in a VPC
   * regardless of case, so the name is compared that way (one DescribeSecurityGroups of the VPC).
   */
  async findByName(vpcId: string, groupName: string, options?: CallOptions): Promise<SecurityGroup | undefined> {
    const wanted = groupName.toLowerCase();
    return (await this.ec2.describeSecurityGroups({ vpcId }, options)).find((g) => g.name.toLowerCase() === wanted);
  }

  /** The group with this id, rules included, or undefined. */
  async byId(groupId: string, options?: CallOptions): Promise<SecurityGroup | undefined> {
    return (await this.ec2.describeSecurityGroups({ ids: [groupId] }, options))[0];
  }

  /** CreateSecurityGroup with the plan's request (name, description, VPC, tags); returns the GroupId. */
  async create(request: CreateSecurityGroupRequest, options?: CallOptions): Promise<string> {
    return awsCall(this.factory.connection, 'ec2:CreateSecurityGroup', async () => {
      const out = await this.client.send(new CreateSecurityGroupCommand(request), sendOptions(options));
      if (!out.GroupId) throw new Error(`CreateSecurityGroup returned no id for ${request.GroupName}`);
      return out.GroupId;
    });
  }

  /**
   * AuthorizeSecurityGroupIngress with the plan's permissions. `exists` when EC2 answers that
   * they are already there (InvalidPermission.Duplicate): what was wanted is in place.
   */
  async authorizeIngress(request: AuthorizeSecurityGroupIngressRequest, options?: CallOptions): Promise<'created' | 'exists'> {
    return awsCall(this.factory.connection, 'ec2:AuthorizeSecurityGroupIngress', async () => {
      try {
        await this.client.send(new AuthorizeSecurityGroupIngressCommand(request), sendOptions(options));
        return 'created';
      } catch (err) {
        if ((err as { name?: unknown } | null)?.name === DUPLICATE_PERMISSION) return 'exists';
        throw err;
      }
    });
  }
}
