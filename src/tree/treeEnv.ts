import type { AwsSession } from '../awsModule';

/** What tree nodes need from their view: the AWS session, change notification, progress. */
export interface TreeEnv {
  session(): Promise<AwsSession>;
  /** Asks the view to re-read a node's children (undefined: the roots). */
  changed(node: import('./treeNode').TreeNode | undefined): void;
  /** Shows a load in the view's progress bar. */
  withProgress<R>(task: () => Promise<R>): Thenable<R>;
  /** True when the doctor's latest check of the service found no problem (its past failures are history). */
  checkedClean?(service: import('../model/ecs').Service): boolean;
}
