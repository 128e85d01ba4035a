/**
 * The protocol between tree nodes and the item commands that work on any resource (copy ARN,
 * open in the console, view as JSON): a node that stands for one AWS resource exposes
 * `readonly arn: string`, and `clusterArn` when its ARN may be an old-format service ARN that
 * does not name its cluster. Nodes of every view (clusters, task definitions, network) take
 * part by adding the getter; nothing else is needed.
 */
import { parseResourceArn, type ResourceRef } from '../model/resources';

export interface ResourceNode {
  readonly arn: string;
  readonly clusterArn?: string;
}

/** The ARN of a node that has one. */
export function arnOf(node: unknown): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const arn = (node as { arn?: unknown }).arn;
  return typeof arn === 'string' && arn.startsWith('arn:') ? arn : undefined;
}

/** What a node's ARN points at, when ECS Studio knows that kind of resource. */
export function resourceOf(node: unknown): ResourceRef | undefined {
  const arn = arnOf(node);
  if (!arn) return undefined;
  const clusterArn = (node as { clusterArn?: unknown }).clusterArn;
  return parseResourceArn(arn, typeof clusterArn === 'string' ? clusterArn : undefined);
}
