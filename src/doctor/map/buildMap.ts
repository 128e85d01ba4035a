// The service map from the doctor's snapshot and its findings: the front half (internet, load
// balancer, target group, frontEnd.ts), the back half (tasks by subnet, ways out, VPC endpoints,
// AWS services, backEnd.ts), and the edges between them, each ok, broken by the findings that
// stop it, or unchecked with the reason (edgeBook.ts). Nothing is read that the doctor did not.
//
// Pure module: no vscode, no AWS SDK.

import { buildContext } from '../rules/context';
import type { ServiceSnapshot } from '../snapshot';
import type { AnalyzerFinding } from '../types';
import { backEnd, tasksId } from './backEnd';
import { EdgeBook } from './edgeBook';
import { frontEnd } from './frontEnd';
import type { ServiceMap } from './mapTypes';

/** The map of one service (or a preflight's task definition and network) as the doctor sees it. */
export function buildServiceMap(snapshot: ServiceSnapshot, findings: readonly AnalyzerFinding[], cluster?: string): ServiceMap {
  const ctx = buildContext(snapshot);
  const book = new EdgeBook();
  const taskNodes = snapshot.launch.awsvpcConfiguration.subnets.map(tasksId);
  const front = frontEnd(ctx, findings, taskNodes, book);
  const back = backEnd(ctx, findings, book);
  const name = snapshot.service?.name ?? snapshot.taskDefinition.family;
  return {
    title: `${name} (${[cluster, snapshot.region].filter(Boolean).join(', ')})`,
    nodes: [...front, ...back],
    edges: book.edges(),
  };
}
