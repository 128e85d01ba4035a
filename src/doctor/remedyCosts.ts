// What the remedies for "no path to AWS services" cost to run, in words a menu can show. List
// prices of US East (N. Virginia), where AWS's pricing pages state them; other Regions differ
// (most by a few percent, some by more), so every sentence says where the figure is from.
//
// Sources (README, "Remedies and what they cost"):
//   https://aws.amazon.com/vpc/pricing/          NAT gateway per hour and per GB; public IPv4 per hour
//   https://aws.amazon.com/privatelink/pricing/  interface endpoint per AZ-hour and per GB
// A gateway endpoint (S3) has no charge. A month is 730 hours, as AWS's pricing examples count it.
//
// Pure module: no vscode, no AWS SDK.

export const HOURS_PER_MONTH = 730;

export const PRICES = {
  /** Every public IPv4 address, in use or not, per hour. */
  publicIpv4Hour: 0.005,
  /** A NAT gateway, per hour provisioned. */
  natGatewayHour: 0.045,
  /** Data a NAT gateway processes, per GB. */
  natGatewayGb: 0.045,
  /** An interface endpoint, per Availability Zone it has an interface in, per hour. */
  interfaceEndpointAzHour: 0.01,
  /** Data an interface endpoint processes, per GB (first PB a month). */
  interfaceEndpointGb: 0.01,
} as const;

const SOURCE = 'us-east-1 list price';

/** A running cost: the fixed part a month, a few words for a menu, and the sentence with its unit prices. */
export interface Cost {
  readonly monthlyUsd: number;
  readonly short: string;
  readonly text: string;
}

function usd(n: number): string {
  return `$${n.toFixed(2)}`;
}

/** The per-month cost of `n` public IPv4 addresses. */
export function publicIpCost(tasks: number, region: string): Cost {
  const each = PRICES.publicIpv4Hour * HOURS_PER_MONTH;
  const n = Math.max(1, tasks);
  return {
    monthlyUsd: each * n,
    short: `~${usd(each)}/month per task`,
    text: `~${usd(each)}/month per task${n > 1 ? ` (${usd(each * n)} for ${n} tasks)` : ''}: $${PRICES.publicIpv4Hour} per public IPv4 address-hour (${SOURCE}; check ${region})`,
  };
}

/** One NAT gateway and its Elastic IP, per month, plus its per-GB charge. */
export function natGatewayCost(region: string): Cost {
  const monthly = (PRICES.natGatewayHour + PRICES.publicIpv4Hour) * HOURS_PER_MONTH;
  return {
    monthlyUsd: monthly,
    short: `~${usd(monthly)}/month + $${PRICES.natGatewayGb}/GB`,
    text: `~${usd(monthly)}/month + $${PRICES.natGatewayGb}/GB: $${PRICES.natGatewayHour} per NAT gateway-hour and its Elastic IP at $${PRICES.publicIpv4Hour}/hour (${SOURCE}; check ${region})`,
  };
}

/** `interfaces` new interface endpoints with an interface in each of `zones` zones, and any gateway endpoints (free). */
export function endpointsCost(interfaces: number, zones: number, gateway: boolean, region: string): Cost {
  const z = Math.max(1, zones);
  const monthly = interfaces * z * PRICES.interfaceEndpointAzHour * HOURS_PER_MONTH;
  const parts = interfaces > 0
    ? [`~${usd(monthly)}/month + $${PRICES.interfaceEndpointGb}/GB: ${interfaces} interface endpoint${interfaces === 1 ? '' : 's'} × ${z} AZ${z === 1 ? '' : 's'} at $${PRICES.interfaceEndpointAzHour} per AZ-hour`]
    : ['no charge'];
  if (gateway) parts.push('the S3 gateway endpoint has no charge');
  const short = interfaces > 0 ? `~${usd(monthly)}/month + $${PRICES.interfaceEndpointGb}/GB` : 'no charge';
  return { monthlyUsd: monthly, short, text: `${parts.join('; ')} (${SOURCE}; check ${region})` };
}
