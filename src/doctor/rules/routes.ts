// Section 1, routes and gateways: the task subnets exist, and each reaches AWS services through
// an internet gateway (with a public IP), a NAT gateway, or only its VPC endpoints. Images that
// only the internet serves (Docker Hub, another Region's ECR) need one of the first two.
//
// Pure module: no vscode, no AWS SDK.

import type { DiagnosisCode } from '../codes';
import { endpointsFor, pathSentence, subnetLabel, UNREACHABLE, usable, type Context, type Draft } from './context';

/** TASK_SUBNET_NOT_FOUND: the service names a subnet that does not exist. */
export function missingSubnets(ctx: Context): Draft[] {
  if (!ctx.s.subnets) return [];
  return ctx.s.launch.awsvpcConfiguration.subnets
    .filter((id) => !ctx.s.subnets?.some((x) => x.id === id))
    .map((id) => ({
      code: 'TASK_SUBNET_NOT_FOUND' as const, resource: id, affects: ['CAPACITY_UNAVAILABLE', 'TASK_FAILED_TO_START'] as DiagnosisCode[], remedies: [],
      evidence: [`The service's awsvpcConfiguration names ${id}, which does not exist in ${ctx.region}${ctx.vpcId ? ` (VPC ${ctx.vpcId})` : ''}.`],
    }));
}

/** Section 1: public subnets without a public IP, and images only the internet serves. */
export function networkPath(ctx: Context): Draft[] {
  const drafts: Draft[] = [];
  const config = ctx.s.launch.awsvpcConfiguration;
  const publicNoIp = ctx.subnets.filter((t) => t.cls.kind === 'public' && config.assignPublicIp !== 'ENABLED');
  const missingAnyEndpoint = ctx.needs.some((n) => n.severity === 'error' && endpointsFor(ctx, n.key, n.kind).filter(usable).length === 0);
  const unknown = ctx.subnets.filter((t) => t.cls.kind === 'unknown-route');
  if (unknown.length > 0 && (ctx.needs.length > 0 || ctx.internetImages.length > 0)) {
    drafts.push({
      code: 'NETWORK_PATH_UNKNOWN',
      resource: unknown.map((t) => t.id).join(','),
      evidence: [...unknown.map((t) => `${subnetLabel(t.subnet)} ${t.cls.reason}.`), 'The doctor assumes these subnets reach AWS services; if tasks time out, check what is behind that target.'],
      affects: [],
      remedies: [],
    });
  }
  if (publicNoIp.length > 0 && (missingAnyEndpoint || ctx.internetImages.length > 0)) {
    drafts.push({
      code: 'PUBLIC_SUBNET_NO_PUBLIC_IP',
      resource: ctx.s.service?.arn ?? ctx.s.taskDefinition.family,
      title: `The tasks in public subnet${publicNoIp.length === 1 ? '' : 's'} ${publicNoIp.map((t) => t.id).join(', ')} get no public IP, so the internet gateway does not serve them`,
      evidence: [
        ...publicNoIp.map((t) => pathSentence(t, config.assignPublicIp)),
        'Without a public IP a task in a public subnet reaches nothing through the internet gateway; only VPC endpoints would serve it.',
      ],
      affects: UNREACHABLE,
      remedies: ctx.s.service ? [{ kind: 'assignPublicIp' }] : [],
    });
  }
  if (ctx.internetImages.length > 0 && ctx.subnets.length > 0) {
    const dead = ctx.noInternet;
    if (dead.length > 0) {
      drafts.push({
        code: 'REGISTRY_UNREACHABLE',
        resource: ctx.internetImages[0],
        evidence: [
          ...dead.map((t) => pathSentence(t, config.assignPublicIp)),
          `${ctx.internetImages.join(', ')} ${ctx.internetImages.length === 1 ? 'is' : 'are'} not in this Region's Amazon ECR: only an internet path (NAT, or a public IP in a public subnet) reaches ${ctx.internetImages.length === 1 ? 'it' : 'them'}; no VPC endpoint can.`,
        ],
        affects: ['REGISTRY_UNREACHABLE', 'REGISTRY_RATE_LIMITED'],
        remedies: publicNoIp.length > 0 && ctx.s.service ? [{ kind: 'assignPublicIp' }] : [],
      });
    }
  }
  return drafts;
}
