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

import { aclAllowsTcp, aclForSubnet, ANYWHERE, describeAclEntry, ephemeralRange } from '../netRules';
import { endpointsFor, subnetLabel, UNREACHABLE, usable, type Context, type Draft } from './context';

/** Section 3: the subnets' network ACLs, task side and endpoint side. */
export function naclRules(ctx: Context): Draft[] {
  const acls = ctx.s.networkAcls;
  if (!acls || !ctx.vpcId || ctx.subnets.length === 0) return [];
  const eph = ephemeralRange(ctx.os);
  const byAcl = new Map<string, Blocked[]>();
  const note = (aclId: string, kind: Blocked['kind'], what: string, sentence: string) =>
    byAcl.set(aclId, [...(byAcl.get(aclId) ?? []), { kind, what, sentence }]);
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
      if (!out.allowed) note(acl.id, 'requests', `outbound TCP 443 from task subnet ${t.id} to ${cidr} (${what})`, `${acl.id} on task subnet ${subnetLabel(t.subnet)} blocks outbound TCP 443 to ${cidr} (${what}) at ${describeAclEntry(out.blockingEntry)}.`);
      const back = aclAllowsTcp(acl, false, eph.from, eph.to, cidr);
      if (!back.allowed) note(acl.id, 'replies', `on ports ${back.blockedPorts} from ${cidr} (${what}) to task subnet ${t.id}`, `${acl.id} on task subnet ${subnetLabel(t.subnet)} drops the replies: inbound TCP ${back.blockedPorts} from ${cidr} (${what}) at ${describeAclEntry(back.blockingEntry)}; allow inbound TCP 1024-65535 (ACLs are stateless).`);
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
        if (!inbound.allowed) note(acl.id, 'requests', `inbound TCP 443 from task subnet ${t.id} (${t.subnet.cidrBlock}) into endpoint subnet ${sid}`, `${acl.id} on endpoint subnet ${subnetLabel(epSubnet)} blocks inbound TCP 443 from task subnet ${t.subnet.cidrBlock} at ${describeAclEntry(inbound.blockingEntry)}.`);
        const reply = aclAllowsTcp(acl, true, eph.from, eph.to, t.subnet.cidrBlock);
        if (!reply.allowed) note(acl.id, 'replies', `on ports ${reply.blockedPorts} from endpoint subnet ${sid} to task subnet ${t.id} (${t.subnet.cidrBlock})`, `${acl.id} on endpoint subnet ${subnetLabel(epSubnet)} drops the replies: outbound TCP ${reply.blockedPorts} to task subnet ${t.subnet.cidrBlock} at ${describeAclEntry(reply.blockingEntry)}; allow outbound TCP 1024-65535.`);
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
    return {
      code: requests.length > 0 ? 'NACL_BLOCKS_443' as const : 'NACL_BLOCKS_REPLIES' as const,
      resource: aclId,
      title: `Network ACL ${aclId} ${parts.join(' and ')}`,
      evidence: blocked.map((b) => b.sentence),
      affects: UNREACHABLE,
      remedies: [],
    };
  });
}

/** One thing an ACL stops: the HTTPS request, or the reply on the ephemeral ports; `what` names ports and peer. */
interface Blocked {
  readonly kind: 'requests' | 'replies';
  readonly what: string;
  readonly sentence: string;
}
