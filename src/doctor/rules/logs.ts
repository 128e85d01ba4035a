// Section 3, logs: the log group named in awslogs-group exists, or ECS can create it.
//
// awslogs-create-group: the awslogs driver ECS uses creates the group only when CreateLogStream
// answers that the group does not exist, and then calls logs:CreateLogGroup, which the managed
// AmazonECSTaskExecutionRolePolicy does not grant. So "create-group true, group absent, role
// without logs:CreateLogGroup" fails the task ("failed to create Cloudwatch log group:
// AccessDeniedException"): reported as LOG_GROUP_MISSING, an error, fixed by creating the group
// (no IAM change). With the group present, create-group needs no extra permission.
//
// Pure module: no vscode, no AWS SDK.

import type { Remedy } from '../types';
import { isAwslogs, type Context, type Draft } from './context';
import { roleName, roleVerdict } from './executionRole';
import { notCollected } from './gaps';

/** Section 3: the log group exists, or ECS can create it. */
export function logGroups(ctx: Context): Draft[] {
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  for (const c of ctx.s.taskDefinition.containers.filter(isAwslogs)) {
    const options = c.logConfiguration?.options ?? {};
    const name = options['awslogs-group'];
    if (!name) continue;
    const region = options['awslogs-region'] ?? ctx.region;
    if (seen.has(`${region}|${name}`)) continue;
    seen.add(`${region}|${name}`);
    if (!ctx.s.logGroups) {
      drafts.push(...notCollected(ctx, 'logGroups'));
      continue;
    }
    const info = ctx.s.logGroups.find((g) => g.name === name && g.region === region);
    if (!info || info.exists) continue;
    const createGroup = (options['awslogs-create-group'] ?? '').toLowerCase() === 'true';
    const base = `Log group ${name} does not exist in ${region}; container ${c.name} logs to it (awslogs).`;
    const remedies: Remedy[] = [{ kind: 'logGroup', name, region }];
    if (!createGroup) {
      drafts.push({ code: 'LOG_GROUP_MISSING', resource: `${region}:${name}`, evidence: [base, 'awslogs-create-group is not "true", so ECS will not create it.'], affects: ['LOG_GROUP_MISSING', 'LOGS_UNREACHABLE'], remedies });
      continue;
    }
    const verdict = roleVerdict(ctx, ['logs:CreateLogGroup']);
    if (verdict && verdict.missing.length === 0) continue;
    const roleText = ctx.s.executionRole?.name ?? ctx.s.taskDefinition.executionRoleArn ?? 'the execution role';
    const unsure = !verdict || verdict.unknownPolicies.length > 0;
    drafts.push({
      code: 'LOG_GROUP_MISSING',
      resource: `${region}:${name}`,
      severity: unsure ? 'warning' : 'error',
      evidence: [
        base,
        `awslogs-create-group is "true", but ${roleText} ${unsure ? 'may not be' : 'is not'} allowed logs:CreateLogGroup` +
          `${ctx.s.executionRole?.attachedPolicyArns ? ` (attached: ${ctx.s.executionRole.attachedPolicyArns.map(roleName).join(', ') || 'nothing'})` : ''}: ` +
          'the task would stop with "failed to create Cloudwatch log group: AccessDeniedException" once it reaches CloudWatch Logs.',
      ],
      affects: ['LOG_GROUP_MISSING', 'LOGS_ACCESS_DENIED', 'LOGS_UNREACHABLE'],
      remedies,
    });
  }
  return drafts;
}
