// The smallest network ACL change that lets blocked traffic through: one allow entry for exactly
// that traffic (TCP, its ports, its peer CIDR, its direction), numbered below the first entry
// that denies it so it is evaluated first, on a number no entry of that direction uses. The
// user's entries are never edited or deleted. The number is picked deterministically: the
// highest free number below the first deny (so the new entry sits right before it and every
// other entry keeps its place in the order); when only the final deny (*) stops the traffic, the
// first free number above the direction's highest entry.
//
// Pure module: no vscode, no AWS SDK.

import type { NetworkAcl } from '../model/network';
import { cidrOverlaps } from './netRules';

/** The highest rule number a network ACL entry may have (32767 is the final deny, *). */
export const MAX_ACL_RULE_NUMBER = 32766;

/** The first deny entry (by rule number) of a direction that covers part of TCP [from, to] for the peer. */
export function firstDenyEntry(acl: NetworkAcl, egress: boolean, from: number, to: number, cidr: string): number | undefined {
  return acl.entries
    .filter((e) => e.egress === egress && e.action === 'deny' && e.cidr !== undefined && (e.protocol === '-1' || e.protocol === 'tcp') &&
      e.fromPort <= to && from <= e.toPort && cidrOverlaps(e.cidr, cidr))
    .map((e) => e.ruleNumber)
    .filter((n) => n <= MAX_ACL_RULE_NUMBER)
    .sort((a, b) => a - b)[0];
}

export interface AclEntryChoice {
  readonly ruleNumber: number;
  /** The deny entry it must come before; undefined when the final deny (*) decides. */
  readonly beforeRule?: number;
}

/**
 * The rule number of a new allow entry for TCP [from, to] and the peer: below the first deny
 * entry that covers it (or, when only the final deny does, right above the direction's highest
 * entry), unused by the direction's entries (the caller adds the plan's other new entries to
 * the ACL first). Undefined when every number below the deny is taken.
 */
export function chooseAllowRuleNumber(acl: NetworkAcl, egress: boolean, from: number, to: number, cidr: string): AclEntryChoice | undefined {
  const used = new Set(acl.entries.filter((e) => e.egress === egress).map((e) => e.ruleNumber));
  const deny = firstDenyEntry(acl, egress, from, to, cidr);
  if (deny === undefined) {
    // Only the final deny stops it: any free number works; the one after the highest entry keeps the others' order.
    const highest = Math.max(0, ...[...used].filter((n) => n <= MAX_ACL_RULE_NUMBER));
    for (let n = highest + 1; n <= MAX_ACL_RULE_NUMBER; n++) if (!used.has(n)) return { ruleNumber: n };
    for (let n = highest - 1; n >= 1; n--) if (!used.has(n)) return { ruleNumber: n };
    return undefined;
  }
  for (let n = deny - 1; n >= 1; n--) if (!used.has(n)) return { ruleNumber: n, beforeRule: deny };
  return undefined;
}
