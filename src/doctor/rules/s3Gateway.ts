// Section 2, the S3 gateway endpoint: ECR image layers and environment files come from Amazon S3,
// which a task without an internet path reaches only through a gateway endpoint on its subnets'
// route tables (an S3 interface endpoint does not serve ECR layer downloads).
//
// Pure module: no vscode, no AWS SDK.

import { endpointsFor, pathSentence, serviceName, usable, type Context, type Draft, type Need } from './context';

/**
 * The isolated task subnets' route tables lack the S3 gateway endpoint: S3_GATEWAY_ENDPOINT_MISSING
 * when the VPC has none, S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED when it has one that is not on those
 * tables (the fix associates it; nothing is created).
 */
export function s3GatewayEndpoint(ctx: Context, need: Need): Draft[] {
  if (!ctx.s.endpoints || !ctx.vpcId) return [];
  const dead = ctx.noInternet;
  const config = ctx.s.launch.awsvpcConfiguration;
  const deadPaths = dead.map((t) => pathSentence(t, config.assignPublicIp));
  const name = serviceName(ctx.region, need.key);
  const found = endpointsFor(ctx, need.key, need.kind).filter(usable);
  const offered = ctx.s.endpointServices ? ctx.s.endpointServices.includes(name) : undefined;
  if (dead.length === 0 || !ctx.s.routeTables) return [];
  const tables = [...new Set(dead.map((t) => t.cls.routeTableId).filter((x): x is string => !!x))];
  const uncovered = tables.filter((rt) => !found.some((e) => e.routeTableIds.includes(rt)));
  if (uncovered.length === 0) return [];
  const s3Interface = endpointsFor(ctx, need.key, 'Interface').filter(usable);
  const ids = found.map((e) => e.id).join(', ');
  const tableWord = `route table${uncovered.length === 1 ? '' : 's'} ${uncovered.join(', ')}`;
  const onTables = [...new Set(found.flatMap((e) => e.routeTableIds))];
  const subnetsOf = (rt: string) => dead.filter((t) => t.cls.routeTableId === rt).map((t) => t.id).join(', ');
  return [{
    code: found.length === 0 ? 'S3_GATEWAY_ENDPOINT_MISSING' : 'S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED',
    resource: ctx.vpcId,
    severity: need.severity,
    ...(found.length > 0 ? { title: `The S3 gateway endpoint ${ids} is not associated with ${tableWord}` } : {}),
    evidence: [
      ...deadPaths,
      found.length === 0
        ? `The VPC ${ctx.vpcId} has no \`${name}\` gateway endpoint; ${need.why}.`
        : `The \`${name}\` gateway endpoint${found.length > 1 ? 's' : ''} ${ids} ${onTables.length > 0 ? `${found.length > 1 ? 'are' : 'is'} on ${onTables.join(', ')} but not on` : `${found.length > 1 ? 'are' : 'is'} on no route table, so not on`} ${uncovered.map((rt) => `${rt} (task subnet${subnetsOf(rt).includes(',') ? 's' : ''} ${subnetsOf(rt)})`).join(', ')}; ${need.why}.`,
      ...(s3Interface.length > 0 ? [`${s3Interface.map((e) => e.id).join(', ')} is an S3 interface endpoint: it does not serve ECR image layer downloads.`] : []),
      ...(offered === false ? [`${ctx.region} does not list ${name} among its endpoint services.`] : []),
    ],
    affects: need.affects,
    remedies: [{ kind: 'gatewayEndpoint', serviceName: name, routeTableIds: uncovered }],
  }];
}
