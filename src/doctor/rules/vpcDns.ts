// Section 2: the VPC's DNS attributes. Without enableDnsSupport no AWS name resolves; without
// enableDnsHostnames the interface endpoints' private DNS names do not, so the task never uses them.
//
// Pure module: no vscode, no AWS SDK.

import type { Remedy } from '../types';
import { endpointsFor, UNREACHABLE, usable, type Context, type Draft } from './context';

/** VPC_DNS_DISABLED: one finding for the VPC, one remedy per attribute to turn on. */
export function vpcDns(ctx: Context): Draft[] {
  const vpc = ctx.s.vpc;
  if (!vpc) return [];
  const usesInterface = ctx.needs.some((n) => n.kind === 'Interface' &&
    (ctx.noInternet.length > 0 || endpointsFor(ctx, n.key, 'Interface').some((e) => usable(e) && e.privateDnsEnabled)));
  const evidence: string[] = [];
  const off: Array<'enableDnsSupport' | 'enableDnsHostnames'> = [];
  if (vpc.dnsSupport === false) {
    evidence.push(`${vpc.id} has enableDnsSupport off: the Amazon-provided DNS server does not answer, so the task cannot resolve ECR, CloudWatch or any other AWS service name.`);
    off.push('enableDnsSupport');
  }
  if (vpc.dnsHostnames === false && usesInterface) {
    evidence.push(`${vpc.id} has enableDnsHostnames off: interface endpoints' private DNS names do not resolve, so the task never reaches them.`);
    off.push('enableDnsHostnames');
  }
  if (evidence.length === 0) return [];
  const remedies: Remedy[] = off.map((attribute) => ({ kind: 'vpcDns', attribute }));
  return [{ code: 'VPC_DNS_DISABLED', resource: vpc.id, title: `${vpc.id} has ${off.join(' and ')} off`, evidence, affects: UNREACHABLE, remedies }];
}
