// The load balancing part of the doctor's snapshot: each target group the service names, wired to
// its load balancers, listeners and rules (elbv2Gateway.loadBalancerWiring), and its targets'
// health. Both need only the service's loadBalancers, so they start with the first reads.

import type { SnapshotLaunch, TargetGroupHealth } from '../doctor/snapshot';
import { isPlannedId } from '../doctor/planned';
import type { LoadBalancerWiring } from '../model/network';
import { mapConcurrent } from './batching';
import type { AwsSession } from './session';
import { gapReason, type Gaps } from './snapshotGaps';
import { cached, CONCURRENCY, type CollectOptions } from './snapshotReads';

/** The target groups the service names that exist already (a preflight's planned one does not). */
function targetGroupArns(launch: SnapshotLaunch): string[] {
  return [...new Set((launch.loadBalancers ?? []).flatMap((lb) => (lb.targetGroupArn && !isPlannedId(lb.targetGroupArn) ? [lb.targetGroupArn] : [])))];
}

export async function collectLoadBalancing(session: AwsSession, launch: SnapshotLaunch, gaps: Gaps, options: CollectOptions): Promise<LoadBalancerWiring[] | undefined> {
  // A planned target group (a preflight's) is not in AWS yet: withPlannedResources wires it.
  const arns = targetGroupArns(launch);
  if (arns.length === 0) return [];
  const wirings = await mapConcurrent(arns, CONCURRENCY, async (arn) => {
    const read = await gaps.read('loadBalancing', arn, () =>
      cached(session, options, `wiring:${arn}`, async () => (await session.elbv2.loadBalancerWiring(arn, options)) ?? 'missing' as const));
    if (read === 'missing') gaps.add('loadBalancing', arn, 'the target group does not exist');
    return read === 'missing' ? undefined : read;
  });
  return wirings.filter((w): w is LoadBalancerWiring => w !== undefined);
}

/**
 * DescribeTargetHealth of each target group the service names, a few at once. A target group
 * that does not exist is the wiring read's gap, not a second one here.
 */
export async function collectTargetHealth(session: AwsSession, launch: SnapshotLaunch, gaps: Gaps, options: CollectOptions): Promise<TargetGroupHealth[] | undefined> {
  const arns = targetGroupArns(launch);
  const results = await mapConcurrent(arns, CONCURRENCY, async (targetGroupArn): Promise<TargetGroupHealth | undefined> => {
    const read = await gaps.attempt(() => session.elbv2.describeTargetHealth(targetGroupArn, options));
    if ('value' in read) return { targetGroupArn, targets: read.value };
    if (!/^TargetGroupNotFound/.test(read.error.code ?? '')) gaps.add('targetHealth', targetGroupArn, gapReason(read.error));
    return undefined;
  });
  const read = results.filter((r): r is TargetGroupHealth => r !== undefined);
  // All unread: leave the field out (no evidence), as for the log groups.
  return read.length === 0 && arns.length > 0 ? undefined : read;
}

