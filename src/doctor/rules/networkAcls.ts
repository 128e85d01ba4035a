// Section 3: the subnets' network ACLs, task side and endpoint side.
//
// NACLs are stateless, so a task making HTTPS calls needs, on its own subnet's ACL, outbound
// TCP 443 and inbound TCP on its ephemeral ports (Linux 32768-60999, Windows 49152-65535; AWS
// recommends allowing 1024-65535 to cover every client). The interface endpoint's subnet sees
// the same connection from the other side: inbound 443 and outbound ephemeral. AWS's
// connectivity page states the endpoint-side pair ("outbound 1024-65535, inbound 443"), the
// design doc the task-side pair; both are right for their side, and the analyzer checks both
// whenever the task and an endpoint interface sit in different subnets (traffic inside one
// subnet never passes its ACL).
//
// The finding says which: NACL_BLOCKS_443 when the ACL stops the HTTPS requests themselves,
// NACL_BLOCKS_REPLIES when the requests pass and only the replies on the ephemeral ports are
// dropped (the usual mistake with a stateless ACL); its title names the ACL, the ports and the peer.
//
// Pure module: no vscode, no AWS SDK.

import type { NetworkAcl } from '../../model/network';
import { chooseAllowRuleNumber } from '../naclRemedy';
import { aclAllowsTcp, aclForSubnet, ANYWHERE, describeAclEntry, ephemeralRange, parseCidr } from '../netRules';
import type { Remedy } from '../types';
import { endpointsFor, subnetLabel, UNREACHABLE, usable, type Context, type Draft } from './context';

/** Section 3: the subnets' network ACLs, task side and endpoint side. */
export function naclRules(ctx: Context): Draft[] {
  const acls = ctx.s.networkAcls;
  if (!acls || !ctx.vpcId || ctx.subnets.length === 0) return [];
  const eph = ephemeralRange(ctx.os);
  const byAcl = new Map<string, Blocked[]>();
  const note = (acl: NetworkAcl, kind: Blocked['kind'], what: string, sentence: string, allow: Allow) =>
    byAcl.set(acl.id, [...(byAcl.get(acl.id) ?? []), { kind, what, sentence, acl, allow }]);
  const interfaceEps = ctx.needs.filter((n) => n.kind === 'Interface').flatMap((n) => endpointsFor(ctx, n.key, 'Interface').filter(usable));
  const needsS3 = ctx.needs.some((n) => n.key === 's3');

  for (const t of ctx.subnets) {
    const acl = aclForSubnet(t.id, ctx.vpcId, acls);
    if (!acl) continue;
    const peers = new Map<string, string>();
    if (t.internet || needsS3 || ctx.internetImages.length > 0) peers.set(ANYWHERE, t.internet ? 'the internet' : 'Amazon S3 (through the gateway endpoint)');
    if (!t.internet) {
      for (const e of interfaceEps) {
        for (const sid of e.subnetIds) {
          if (sid === t.id) continue; // traffic inside one subnet never passes its ACL
          const cidr = ctx.s.subnets?.find((x) => x.id === sid)?.cidrBlock;
          if (cidr && !peers.has(cidr)) peers.set(cidr, `endpoint interfaces in ${sid}`);
        }
      }
    }
    for (const [cidr, what] of peers) {
      const out = aclAllowsTcp(acl, true, 443, 443, cidr);
      if (!out.allowed) note(acl, 'requests', `outbound TCP 443 from task subnet ${t.id} to ${cidr} (${what})`, `${acl.id} on task subnet ${subnetLabel(t.subnet)} blocks outbound TCP 443 to ${cidr} (${what}) at ${describeAclEntry(out.blockingEntry)}.`, { egress: true, fromPort: 443, toPort: 443, cidr });
      const back = aclAllowsTcp(acl, false, eph.from, eph.to, cidr);
      if (!back.allowed) note(acl, 'replies', `on ports ${back.blockedPorts} from ${cidr} (${what}) to task subnet ${t.id}`, `${acl.id} on task subnet ${subnetLabel(t.subnet)} drops the replies: inbound TCP ${back.blockedPorts} from ${cidr} (${what}) at ${describeAclEntry(back.blockingEntry)}; allow inbound TCP 1024-65535 (ACLs are stateless).`, { egress: false, ...REPLY_PORTS, cidr });
    }
  }
  // The endpoint side: its subnet's ACL sees inbound 443 and outbound ephemeral replies.
  const done = new Set<string>();
  for (const e of interfaceEps) {
    for (const sid of e.subnetIds) {
      const acl = aclForSubnet(sid, ctx.vpcId, acls);
      const epSubnet = ctx.s.subnets?.find((x) => x.id === sid);
      if (!acl || !epSubnet) continue;
      for (const t of ctx.noInternet) {
        if (t.id === sid) continue;
        const key = `${acl.id}|${t.subnet.cidrBlock}`;
        if (done.has(key)) continue;
        done.add(key);
        const inbound = aclAllowsTcp(acl, false, 443, 443, t.subnet.cidrBlock);
        if (!inbound.allowed) note(acl, 'requests', `inbound TCP 443 from task subnet ${t.id} (${t.subnet.cidrBlock}) into endpoint subnet ${sid}`, `${acl.id} on endpoint subnet ${subnetLabel(epSubnet)} blocks inbound TCP 443 from task subnet ${t.subnet.cidrBlock} at ${describeAclEntry(inbound.blockingEntry)}.`, { egress: false, fromPort: 443, toPort: 443, cidr: t.subnet.cidrBlock });
        const reply = aclAllowsTcp(acl, true, eph.from, eph.to, t.subnet.cidrBlock);
        if (!reply.allowed) note(acl, 'replies', `on ports ${reply.blockedPorts} from endpoint subnet ${sid} to task subnet ${t.id} (${t.subnet.cidrBlock})`, `${acl.id} on endpoint subnet ${subnetLabel(epSubnet)} drops the replies: outbound TCP ${reply.blockedPorts} to task subnet ${t.subnet.cidrBlock} at ${describeAclEntry(reply.blockingEntry)}; allow outbound TCP 1024-65535.`, { egress: true, ...REPLY_PORTS, cidr: t.subnet.cidrBlock });
      }
    }
  }
  return [...byAcl].map(([aclId, blocked]) => {
    const requests = blocked.filter((b) => b.kind === 'requests');
    const replies = blocked.filter((b) => b.kind === 'replies');
    const parts = [
      ...(requests.length > 0 ? [`blocks HTTPS: ${requests.map((b) => b.what).join('; ')}`] : []),
      ...(replies.length > 0 ? [`drops the replies ${replies.map((b) => b.what).join('; ')}`] : []),
    ];
    const { remedies, full } = allowRemedies(blocked);
    return {
      code: requests.length > 0 ? 'NACL_BLOCKS_443' as const : 'NACL_BLOCKS_REPLIES' as const,
      resource: aclId,
      title: `Network ACL ${aclId} ${parts.join(' and ')}`,
      evidence: [...blocked.map((b) => b.sentence), ...full],
      affects: UNREACHABLE,
      remedies,
    };
  });
}

/** The ports AWS recommends a stateless ACL allow for replies: every client's ephemeral range. */
const REPLY_PORTS = { fromPort: 1024, toPort: 65535 } as const;

/** The traffic an allow entry must let through to undo one block. */
interface Allow {
  readonly egress: boolean;
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidr: string;
}

/** One thing an ACL stops: the HTTPS request, or the reply on the ephemeral ports; `what` names ports and peer. */
interface Blocked {
  readonly kind: 'requests' | 'replies';
  readonly what: string;
  readonly sentence: string;
  readonly acl: NetworkAcl;
  readonly allow: Allow;
}

/** How many addresses a CIDR holds (0 when unreadable). */
function width(cidr: string): number {
  const r = parseCidr(cidr);
  return r ? r.end - r.start + 1 : 0;
}

/**
 * One allow entry per blocked traffic, widest peer first, each on its own free rule number below
 * the entry denying it; traffic an earlier new entry already lets through gets none (the ACL is
 * evaluated again with the new entries in). A sentence for each that has no free number left.
 */
function allowRemedies(blocked: readonly Blocked[]): { remedies: Remedy[]; full: string[] } {
  const remedies: Remedy[] = [];
  const full: string[] = [];
  const widestFirst = [...blocked].sort((a, b) => width(b.allow.cidr) - width(a.allow.cidr));
  const added = new Map<string, NetworkAcl>();
  for (const { acl: original, allow } of widestFirst) {
    const acl = added.get(original.id) ?? original;
    if (aclAllowsTcp(acl, allow.egress, allow.fromPort, allow.toPort, allow.cidr).allowed) continue;
    const choice = chooseAllowRuleNumber(acl, allow.egress, allow.fromPort, allow.toPort, allow.cidr);
    if (!choice) {
      full.push(`Every rule number of ${acl.id} below the entry denying ${allow.egress ? 'outbound' : 'inbound'} TCP ${allow.fromPort}-${allow.toPort} ${allow.egress ? 'to' : 'from'} ${allow.cidr} is in use: no entry can be added before it; change the ACL's entries by hand.`);
      continue;
    }
    remedies.push({ kind: 'naclAllow', aclId: acl.id, ...allow, ruleNumber: choice.ruleNumber, ...(choice.beforeRule !== undefined ? { beforeRule: choice.beforeRule } : {}) });
    const entry = { ruleNumber: choice.ruleNumber, egress: allow.egress, protocol: 'tcp', action: 'allow' as const, cidr: allow.cidr, ipv6Cidr: undefined, fromPort: allow.fromPort, toPort: allow.toPort };
    added.set(acl.id, { ...acl, entries: [...acl.entries, entry].sort((a, b) => a.ruleNumber - b.ruleNumber) });
  }
  return { remedies, full };
}
