// Section 2, the task's side of the security groups: its groups let HTTPS out to every place it
// fetches from (the internet, each interface endpoint, the S3 prefix list). The endpoints' own
// groups are checked with the endpoints (interfaceEndpoints.ts), the load balancer's port with
// the load balancer (loadBalancer.ts).
//
// Pure module: no vscode, no AWS SDK.

import { ANYWHERE, groupsAllowTcp } from '../netRules';
import { endpointsFor, UNREACHABLE, usable, type Context, type Draft } from './context';

/** The task's own groups must let HTTPS out to every place it fetches from. */
export function taskEgress(ctx: Context): Draft[] {
  const groups = ctx.taskGroups;
  if (!groups || groups.length === 0 || ctx.subnets.length === 0) return [];
  const blocked: string[] = [];
  if (ctx.subnets.some((t) => t.internet) && (ctx.needs.length > 0 || ctx.internetImages.length > 0) &&
    !groupsAllowTcp(groups, 'egress', 443, { cidrs: [ANYWHERE] })) {
    blocked.push('the internet (0.0.0.0/0)');
  }
  for (const need of ctx.needs) {
    for (const e of endpointsFor(ctx, need.key, need.kind).filter(usable)) {
      if (need.kind === 'Gateway') {
        if (!groupsAllowTcp(groups, 'egress', 443, { cidrs: [ANYWHERE], prefixListsCount: true })) blocked.push(`${e.serviceName} (gateway endpoint ${e.id}, the S3 prefix list)`);
        continue;
      }
      const epCidrs = e.subnetIds.map((id) => ctx.s.subnets?.find((x) => x.id === id)?.cidrBlock).filter((c): c is string => !!c);
      if (!groupsAllowTcp(groups, 'egress', 443, { groupIds: e.securityGroupIds, cidrs: epCidrs.length > 0 ? epCidrs : [ctx.vpcCidr ?? ANYWHERE] })) {
        blocked.push(`${e.serviceName} (endpoint ${e.id})`);
      }
    }
  }
  if (blocked.length === 0) return [];
  return [{
    code: 'TASK_SG_BLOCKS_443',
    resource: groups[0].id,
    title: `The task's security group${groups.length === 1 ? '' : 's'} ${groups.map((g) => g.id).join(', ')} allow${groups.length === 1 ? 's' : ''} no outbound HTTPS (TCP 443) to ${blocked.join(', ')}`,
    evidence: [`The task's group${groups.length === 1 ? '' : 's'} ${groups.map((g) => `${g.id} (${g.name})`).join(', ')} allow${groups.length === 1 ? 's' : ''} no outbound TCP 443 to ${blocked.join(', ')}.`],
    affects: UNREACHABLE,
    remedies: [{ kind: 'taskEgress443', groupId: groups[0].id }],
  }];
}
