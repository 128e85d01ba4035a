import type { AwsSession } from '../awsModule';

/** What the nodes of the AWS views need besides their provider: the AWS session. */
export interface TreeEnv {
  session(): Promise<AwsSession>;
}
