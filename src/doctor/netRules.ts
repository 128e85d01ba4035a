// Small, exact network predicates the analyzer builds on: IPv4 CIDR containment, security group
// rules that admit TCP on a port from a source, and network ACL evaluation (first match by rule
// number, stateless). Pure module: no vscode, no AWS SDK.

import type { NetworkAcl, NetworkAclEntry, SecurityGroup, SecurityGroupRule } from '../model/network';

export interface Ipv4Range {
  readonly start: number;
  readonly end: number;
}

/** `10.0.2.0/24` -> its first and last address as numbers; undefined for anything else (IPv6, junk). */
export function parseCidr(cidr: string): Ipv4Range | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const address = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  const size = 2 ** (32 - bits);
  const start = Math.floor(address / size) * size;
  return { start, end: start + size - 1 };
}

/** True when `outer` holds every address of `inner`. */
export function cidrContains(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  return !!o && !!i && o.start <= i.start && i.end <= o.end;
}

export function cidrOverlaps(a: string, b: string): boolean {
  const x = parseCidr(a);
  const y = parseCidr(b);
  return !!x && !!y && x.start <= y.end && y.start <= x.end;
}

/** The internet, as a peer: any public address. Only a 0.0.0.0/0 entry is sure to cover it. */
export const ANYWHERE = '0.0.0.0/0';

// ---- security groups ------------------------------------------------------------------------

function ruleCoversTcpPort(rule: SecurityGroupRule, port: number): boolean {
  if (rule.protocol === '-1') return true;
  return rule.protocol === 'tcp' && rule.fromPort <= port && port <= rule.toPort;
}

/** Where traffic comes from (ingress) or goes to (egress): members of groups, and/or addresses. */
export interface Peer {
  /** The peer's security groups (a rule naming one of them admits it). */
  readonly groupIds?: readonly string[];
  /** The peer's addresses: every one must be covered by a rule's CIDRs. */
  readonly cidrs?: readonly string[];
  /** A rule naming any prefix list is taken to cover the peer (e.g. the S3 prefix list). */
  readonly prefixListsCount?: boolean;
}

/**
 * True when the union of `groups`' rules in one direction lets TCP `port` through for the peer:
 * a rule names one of the peer's groups, or the peer's CIDRs are each covered by some rule's CIDR.
 */
export function groupsAllowTcp(groups: readonly SecurityGroup[], direction: 'ingress' | 'egress', port: number, peer: Peer): boolean {
  const rules = groups.flatMap((g) => (direction === 'ingress' ? g.ingress : g.egress)).filter((r) => ruleCoversTcpPort(r, port));
  if (peer.groupIds && rules.some((r) => r.groupIds.some((id) => peer.groupIds?.includes(id)))) return true;
  if (peer.prefixListsCount && rules.some((r) => r.prefixListIds.length > 0)) return true;
  const cidrs = peer.cidrs ?? [];
  if (cidrs.length === 0) return false;
  return cidrs.every((c) => rules.some((r) => r.cidrs.some((rc) => cidrContains(rc, c))));
}

// ---- network ACLs ---------------------------------------------------------------------------

/** The ACL serving a subnet: the one associated with it, else the VPC's default ACL. */
export function aclForSubnet(subnetId: string, vpcId: string, acls: readonly NetworkAcl[]): NetworkAcl | undefined {
  return acls.find((a) => a.subnetIds.includes(subnetId)) ?? acls.find((a) => a.isDefault && a.vpcId === vpcId);
}

function entryMatchesTcp(e: NetworkAclEntry): boolean {
  return e.protocol === '-1' || e.protocol === 'tcp';
}

export interface AclVerdict {
  readonly allowed: boolean;
  /** The entry that decided the first blocked port (undefined: the implicit deny, or allowed). */
  readonly blockingEntry?: NetworkAclEntry;
  /** The first blocked port range, "443" or "32768-40000". */
  readonly blockedPorts?: string;
}

/**
 * Does the ACL let TCP ports [from, to] through in one direction for a peer CIDR? Entries are
 * evaluated by rule number, first match wins, and an entry only matches when its CIDR holds the
 * whole peer CIDR; a deny entry that overlaps the peer partly counts as blocking (some addresses
 * of the peer would be refused). IPv6 entries are ignored: the checks are about IPv4 paths.
 */
export function aclAllowsTcp(acl: NetworkAcl, egress: boolean, from: number, to: number, peer: string): AclVerdict {
  const entries = acl.entries.filter((e) => e.egress === egress && e.cidr !== undefined && entryMatchesTcp(e))
    .slice().sort((a, b) => a.ruleNumber - b.ruleNumber);
  // Split [from, to] at every entry boundary, so each piece is decided by one entry.
  const cuts = new Set<number>([from, to + 1]);
  for (const e of entries) {
    if (e.fromPort > from && e.fromPort <= to) cuts.add(e.fromPort);
    if (e.toPort + 1 > from && e.toPort + 1 <= to) cuts.add(e.toPort + 1);
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const lo = points[i];
    const hi = points[i + 1] - 1;
    const decider = entries.find((e) => e.fromPort <= lo && hi <= e.toPort &&
      (cidrContains(e.cidr ?? '', peer) || (e.action === 'deny' && cidrOverlaps(e.cidr ?? '', peer))));
    if (!decider || decider.action === 'deny') {
      return { allowed: false, ...(decider ? { blockingEntry: decider } : {}), blockedPorts: lo === hi ? `${lo}` : `${lo}-${hi}` };
    }
  }
  return { allowed: true };
}

/** "rule 90 (deny tcp 443 to 0.0.0.0/0)" or "the final deny (*)". */
export function describeAclEntry(entry: NetworkAclEntry | undefined): string {
  if (!entry) return 'the final deny rule (*), no earlier rule allowing it';
  const ports = entry.protocol === '-1' ? 'all traffic' : `${entry.protocol} ${entry.fromPort === entry.toPort ? entry.fromPort : `${entry.fromPort}-${entry.toPort}`}`;
  const rule = entry.ruleNumber === 32767 ? '*' : String(entry.ruleNumber);
  return `rule ${rule} (${entry.action} ${ports} ${entry.egress ? 'to' : 'from'} ${entry.cidr ?? '?'})`;
}

/** The ephemeral ports a task's client connections use (Linux kernel default; Windows: 49152-65535). */
export function ephemeralRange(os: string | undefined): { from: number; to: number } {
  return (os ?? '').startsWith('WINDOWS') ? { from: 49152, to: 65535 } : { from: 32768, to: 60999 };
}
