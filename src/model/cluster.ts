/** An ECS cluster as the views need it: plain data, no SDK types. */
export interface Cluster {
  readonly arn: string;
  readonly name: string;
  readonly status: string;
  readonly runningTasksCount: number;
  readonly pendingTasksCount: number;
  readonly activeServicesCount: number;
  readonly registeredContainerInstancesCount: number;
  readonly capacityProviders: readonly string[];
}

/** Who the credentials belong to (STS GetCallerIdentity). */
export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}

/** One page of a list call: the items and the token for the next page, if any. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextToken: string | undefined;
}

/** The cluster name of a cluster ARN (arn:aws:ecs:REGION:ACCOUNT:cluster/NAME), or the input. */
export function clusterNameFromArn(arn: string): string {
  const slash = arn.lastIndexOf('/');
  return arn.startsWith('arn:') && slash >= 0 ? arn.slice(slash + 1) : arn;
}
