/**
 * The NAT gateway remedy's EC2 calls (src/doctor/pathRemedies.ts, src/aws/fixApplier.ts): the
 * VPC's NAT gateways and ECS Studio's Elastic IPs (reads the snapshot holds, so a plan knows what
 * is done), and the changes: allocate an Elastic IP, create a public NAT gateway with it and wait
 * until it is available, route 0.0.0.0/0 of a route table to it. Its own file so that
 * ec2Gateway.ts stays under 400 lines. Everything made is tagged Name=`ecs-studio-nat-<subnet>`,
 * which is how a second run finds it.
 */
import {
  AllocateAddressCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  DescribeAddressesCommand,
  EC2Client,
  paginateDescribeNatGateways,
  ReplaceRouteCommand,
  type Address,
  type NatGateway as SdkNatGateway,
} from '@aws-sdk/client-ec2';
import { nameTag, type ElasticIp, type NatGateway } from '../model/network';
import { awsCall, sendOptions, type CallOptions } from './call';
import type { ClientFactory } from './clientFactory';
import { listAll } from './paging';

/** AWS limits (EC2 API reference, DescribeNatGateways `MaxResults`). */
export const NAT_LIMITS = { describeNatGatewaysPageSize: 1000 } as const;

/** The prefix of the Name tag on what the NAT remedy makes. */
export const NAT_NAME_PREFIX = 'ecs-studio-nat-';

/** How long to wait for a new NAT gateway (AWS: usually a few minutes), and how often to look. */
export interface NatWaitTiming {
  readonly intervalMs: number;
  readonly timeoutMs: number;
}

export const NAT_WAIT: NatWaitTiming = { intervalMs: 5_000, timeoutMs: 10 * 60_000 };

function toNatGateway(n: SdkNatGateway): NatGateway {
  return {
    id: n.NatGatewayId ?? '',
    vpcId: n.VpcId ?? '',
    subnetId: n.SubnetId ?? '',
    state: n.State ?? 'pending',
    connectivityType: n.ConnectivityType ?? 'public',
    name: nameTag(n.Tags),
  };
}

function toElasticIp(a: Address): ElasticIp {
  return { allocationId: a.AllocationId ?? '', publicIp: a.PublicIp ?? '', associationId: a.AssociationId, name: nameTag(a.Tags) };
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('Cancelled.'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('Cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class NatGatewaysGateway {
  constructor(private readonly factory: ClientFactory, private readonly timing: NatWaitTiming = NAT_WAIT) {}

  private get client(): EC2Client {
    return this.factory.get(EC2Client);
  }

  /** The VPC's NAT gateways, every state (a deleted one lingers for about an hour). */
  async describeNatGateways(vpcId: string, options?: CallOptions): Promise<NatGateway[]> {
    return awsCall(this.factory.connection, 'ec2:DescribeNatGateways', async () => {
      const raw = await listAll(
        paginateDescribeNatGateways,
        { client: this.client, pageSize: NAT_LIMITS.describeNatGatewaysPageSize },
        { Filter: [{ Name: 'vpc-id', Values: [vpcId] }] },
        (page) => page.NatGateways,
        options,
      );
      return raw.map(toNatGateway);
    });
  }

  /** The account's Elastic IPs that ECS Studio's NAT remedy named (DescribeAddresses does not page). */
  async describeNatElasticIps(options?: CallOptions): Promise<ElasticIp[]> {
    return awsCall(this.factory.connection, 'ec2:DescribeAddresses', async () => {
      const out = await this.client.send(new DescribeAddressesCommand({
        Filters: [{ Name: 'domain', Values: ['vpc'] }, { Name: 'tag:Name', Values: [`${NAT_NAME_PREFIX}*`] }],
      }), sendOptions(options));
      return (out.Addresses ?? []).map(toElasticIp);
    });
  }

  /** A new Elastic IP (VPC scope) tagged Name=`name`. */
  async allocateElasticIp(name: string, options?: CallOptions): Promise<ElasticIp> {
    return awsCall(this.factory.connection, 'ec2:AllocateAddress', async () => {
      const out = await this.client.send(new AllocateAddressCommand({
        Domain: 'vpc',
        TagSpecifications: [{ ResourceType: 'elastic-ip', Tags: [{ Key: 'Name', Value: name }] }],
      }), sendOptions(options));
      if (!out.AllocationId) throw new Error('AllocateAddress returned no allocation id');
      return { allocationId: out.AllocationId, publicIp: out.PublicIp ?? '', associationId: undefined, name };
    });
  }

  /** A public NAT gateway in the subnet with the Elastic IP, tagged Name=`name`. */
  async createNatGateway(input: { subnetId: string; allocationId: string; name: string }, options?: CallOptions): Promise<NatGateway> {
    return awsCall(this.factory.connection, 'ec2:CreateNatGateway', async () => {
      const out = await this.client.send(new CreateNatGatewayCommand({
        SubnetId: input.subnetId,
        AllocationId: input.allocationId,
        ConnectivityType: 'public',
        TagSpecifications: [{ ResourceType: 'natgateway', Tags: [{ Key: 'Name', Value: input.name }] }],
      }), sendOptions(options));
      if (!out.NatGateway) throw new Error(`CreateNatGateway returned no gateway for ${input.subnetId}`);
      return toNatGateway(out.NatGateway);
    });
  }

  /** Waits until the NAT gateway is available; fails when it fails, or after the timing's timeout. */
  async waitAvailable(vpcId: string, natGatewayId: string, options?: CallOptions): Promise<void> {
    const deadline = Date.now() + this.timing.timeoutMs;
    for (;;) {
      const gateway = (await this.describeNatGateways(vpcId, options)).find((n) => n.id === natGatewayId);
      if (gateway?.state === 'available') return;
      if (gateway && (gateway.state === 'failed' || gateway.state === 'deleted' || gateway.state === 'deleting')) {
        throw new Error(`NAT gateway ${natGatewayId} is ${gateway.state}.`);
      }
      if (Date.now() >= deadline) throw new Error(`NAT gateway ${natGatewayId} is still ${gateway?.state ?? 'not listed'} after ${Math.round(this.timing.timeoutMs / 1000)} s.`);
      await delay(this.timing.intervalMs, options?.signal);
    }
  }

  /** 0.0.0.0/0 of the route table to the NAT gateway; `replace` when a (blackhole) default route is there. */
  async routeToNat(input: { routeTableId: string; natGatewayId: string; replace: boolean }, options?: CallOptions): Promise<void> {
    const request = { RouteTableId: input.routeTableId, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: input.natGatewayId };
    if (input.replace) {
      await awsCall(this.factory.connection, 'ec2:ReplaceRoute', () => this.client.send(new ReplaceRouteCommand(request), sendOptions(options)));
      return;
    }
    await awsCall(this.factory.connection, 'ec2:CreateRoute', () => this.client.send(new CreateRouteCommand(request), sendOptions(options)));
  }
}
