import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { CallerIdentity } from '../model/cluster';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';

export class StsGateway {
  constructor(private readonly factory: ClientFactory) {}

  async getCallerIdentity(options?: CallOptions): Promise<CallerIdentity> {
    return awsCall(this.factory.connection, 'sts:GetCallerIdentity', async () => {
      const out = await this.factory.get(STSClient).send(new GetCallerIdentityCommand({}), sendOptions(options));
      return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
    });
  }
}
