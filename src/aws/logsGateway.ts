/** CloudWatch Logs reads, in plain model types. */
import { CloudWatchLogsClient, GetLogEventsCommand, ResourceNotFoundException } from '@aws-sdk/client-cloudwatch-logs';
import type { LogEvent } from '../model/containerLogs';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';

/** AWS limits (CloudWatch Logs API reference). */
export const LOGS_LIMITS = {
  /** GetLogEvents: up to 10,000 events (and 1 MB) per call. */
  getLogEventsMax: 10_000,
} as const;

export interface LogEventsQuery {
  readonly group: string;
  readonly stream: string;
  readonly limit: number;
  /** A token from an earlier page (nextBackwardToken for older events). */
  readonly nextToken?: string | undefined;
}

export interface LogEventsPage {
  /** Oldest first. */
  readonly events: readonly LogEvent[];
  /** Asks for the events before this page; AWS returns the token it was given when there are none. */
  readonly nextBackwardToken: string | undefined;
  readonly nextForwardToken: string | undefined;
}

export class LogsGateway {
  constructor(private readonly factory: ClientFactory) {}

  private get client(): CloudWatchLogsClient {
    return this.factory.get(CloudWatchLogsClient);
  }

  /**
   * The latest `limit` events of a stream (startFromHead false), or the page a token asks for.
   * Undefined when the group or the stream does not exist (yet).
   */
  async getLogEvents(query: LogEventsQuery, options?: CallOptions): Promise<LogEventsPage | undefined> {
    return awsCall(this.factory.connection, 'logs:GetLogEvents', async () => {
      try {
        const out = await this.client.send(
          new GetLogEventsCommand({
            logGroupName: query.group,
            logStreamName: query.stream,
            limit: Math.min(query.limit, LOGS_LIMITS.getLogEventsMax),
            startFromHead: false,
            ...(query.nextToken ? { nextToken: query.nextToken } : {}),
          }),
          sendOptions(options),
        );
        return {
          events: (out.events ?? []).map((e) => ({ timestamp: e.timestamp, message: e.message ?? '' })),
          nextBackwardToken: out.nextBackwardToken,
          nextForwardToken: out.nextForwardToken,
        };
      } catch (err) {
        if (err instanceof ResourceNotFoundException) return undefined;
        throw err;
      }
    });
  }
}
