// The NAT gateway remedy's wait, on answers moto cannot give (its NAT gateways are available at
// once): a gateway that is pending for a while, one that fails, one that never comes up.
// aws-sdk-client-mock answers the EC2 calls; the timing is injected, so nothing sleeps.
import * as assert from 'node:assert/strict';
import { DescribeNatGatewaysCommand, EC2Client, type DescribeNatGatewaysCommandOutput, type NatGatewayState } from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { ClientFactory } from '../../../src/aws/clientFactory';
import { NatGatewaysGateway } from '../../../src/aws/natGatewaysGateway';

const gateway = (state: NatGatewayState): Partial<DescribeNatGatewaysCommandOutput> =>
  ({ NatGateways: [{ NatGatewayId: 'nat-1', VpcId: 'vpc-1', SubnetId: 'subnet-pub', State: state, ConnectivityType: 'public' }] });

describe('aws/natGatewaysGateway: waiting for a new NAT gateway', () => {
  let ec2: ReturnType<typeof mockClient>;
  let factory: ClientFactory;

  before(() => {
    ec2 = mockClient(EC2Client);
    factory = new ClientFactory({ profile: undefined, region: 'ap-northeast-2', endpointUrl: 'http://127.0.0.1:9' }, {
      userAgent: ['ecs-studio-test', '0.0.0'], credentials: async () => ({ accessKeyId: 'testing', secretAccessKey: 'testing' }), maxAttempts: 1,
    });
  });

  afterEach(() => ec2.reset());

  after(() => {
    ec2?.restore();
    factory?.destroy();
  });

  it('looks again while the gateway is pending, and returns once it is available', async () => {
    ec2.on(DescribeNatGatewaysCommand).resolvesOnce(gateway('pending')).resolvesOnce(gateway('pending')).resolves(gateway('available'));
    await new NatGatewaysGateway(factory, { intervalMs: 0, timeoutMs: 60_000 }).waitAvailable('vpc-1', 'nat-1');
    assert.equal(ec2.commandCalls(DescribeNatGatewaysCommand).length, 3);
  });

  it('fails with the state when the gateway fails', async () => {
    ec2.on(DescribeNatGatewaysCommand).resolvesOnce(gateway('pending')).resolves(gateway('failed'));
    await assert.rejects(new NatGatewaysGateway(factory, { intervalMs: 0, timeoutMs: 60_000 }).waitAvailable('vpc-1', 'nat-1'), /NAT gateway nat-1 is failed\./);
  });

  it('gives up after the timeout, saying what it saw', async () => {
    ec2.on(DescribeNatGatewaysCommand).resolves(gateway('pending'));
    await assert.rejects(new NatGatewaysGateway(factory, { intervalMs: 0, timeoutMs: 0 }).waitAvailable('vpc-1', 'nat-1'), /NAT gateway nat-1 is still pending after 0 s\./);
  });

  it('stops when cancelled', async () => {
    ec2.on(DescribeNatGatewaysCommand).resolves(gateway('pending'));
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(new NatGatewaysGateway(factory, { intervalMs: 60_000, timeoutMs: 600_000 }).waitAvailable('vpc-1', 'nat-1', { signal: controller.signal }));
  });
});
