/**
 * Which of a plan's ingress permissions a security group lacks, so a second run sends only those:
 * EC2 refuses a whole AuthorizeSecurityGroupIngress (InvalidPermission.Duplicate) when any one of
 * its permissions is already on the group. A permission counts as present when a rule of the same
 * protocol (or all traffic) spans its ports and names its source group, or holds a CIDR
 * containing its CIDR (what the doctor's groupsAllowTcp counts as allowed).
 */
import { cidrContains } from '../doctor/netRules';
import { normaliseProtocol, type SecurityGroup, type SecurityGroupRule } from '../model/network';
import type { IpPermission } from '../model/serviceRequest';

function spans(rule: SecurityGroupRule, permission: IpPermission): boolean {
  if (rule.protocol !== '-1' && rule.protocol !== normaliseProtocol(permission.IpProtocol)) return false;
  const from = permission.FromPort ?? 0;
  const to = permission.ToPort ?? 65535;
  return rule.fromPort <= from && to <= rule.toPort;
}

/** The permissions (each cut down to its missing sources) the group does not have yet; empty when it has them all. */
export function missingPermissions(group: Pick<SecurityGroup, 'ingress'>, permissions: readonly IpPermission[] | undefined): IpPermission[] {
  return (permissions ?? []).flatMap((p) => {
    const rules = group.ingress.filter((r) => spans(r, p));
    const ranges = (p.IpRanges ?? []).filter((range) => !rules.some((r) => r.cidrs.some((c) => cidrContains(c, range.CidrIp ?? ''))));
    const pairs = (p.UserIdGroupPairs ?? []).filter((pair) => !rules.some((r) => r.groupIds.includes(pair.GroupId ?? '')));
    if (ranges.length === 0 && pairs.length === 0) return [];
    const { IpRanges: _ranges, UserIdGroupPairs: _pairs, ...rest } = p;
    return [{ ...rest, ...(ranges.length > 0 ? { IpRanges: ranges } : {}), ...(pairs.length > 0 ? { UserIdGroupPairs: pairs } : {}) }];
  });
}
