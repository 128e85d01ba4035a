import type { AwsSession } from '../awsModule';

/** What tree nodes need from their view: the AWS session, change notification, progress. */
export interface TreeEnv {
  session(): Promise<AwsSession>;
  /** Asks the view to re-read a node's children (undefined: the roots). */
  changed(node: import('./treeNode').TreeNode | undefined): void;
  /** Shows a load in the view's progress bar. */
  withProgress<R>(task: () => Promise<R>): Thenable<R>;
}
