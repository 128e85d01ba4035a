/**
 * CloudWatch Logs groups, for the task definition form's "does the awslogs group exist?"
 * (LogsGateway reads log events; this reads groups).
 */
import { CloudWatchLogsClient, CreateLogGroupCommand, paginateDescribeLogGroups, ResourceAlreadyExistsException } from '@aws-sdk/client-cloudwatch-logs';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';
import { sdkPages } from './paging';

export class LogGroupsGateway {
  constructor(private readonly factory: ClientFactory) {}

  /** Whether a log group of exactly this name exists in the session's region. */
  async logGroupExists(name: string, options?: CallOptions): Promise<boolean> {
    return awsCall(this.factory.connection, 'logs:DescribeLogGroups', async () => {
      // The prefix narrows the list to this name and the groups that extend it ("/ecs/web", "/ecs/web-2").
      const pages = sdkPages(paginateDescribeLogGroups, { client: this.factory.get(CloudWatchLogsClient), pageSize: 50 }, { logGroupNamePrefix: name }, options);
      let read = 0;
      // Stops at the page that has the group, and after 20 pages of longer names at most.
      for await (const page of pages) {
        if ((page.logGroups ?? []).some((g) => g.logGroupName === name)) return true;
        if (++read >= 20) return false;
      }
      return false;
    });
  }

  /** Creates a log group; `exists` when AWS answers that it already does. */
  async createLogGroup(name: string, options?: CallOptions): Promise<'created' | 'exists'> {
    return awsCall(this.factory.connection, 'logs:CreateLogGroup', async () => {
      try {
        await this.factory.get(CloudWatchLogsClient).send(new CreateLogGroupCommand({ logGroupName: name }), sendOptions(options));
        return 'created';
      } catch (err) {
        if (err instanceof ResourceAlreadyExistsException) return 'exists';
        throw err;
      }
    });
  }
}
