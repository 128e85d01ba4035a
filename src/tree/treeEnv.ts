import type { AwsSession } from '../awsModule';
import type { HistoryStore } from '../history/historyStore';

/** What the nodes of the AWS views need besides their provider: the AWS session, and the failure history. */
export interface TreeEnv {
  session(): Promise<AwsSession>;
  /** Remembers the failed tasks the view reads, and shows those ECS has since forgotten. */
  readonly history?: HistoryStore;
}
