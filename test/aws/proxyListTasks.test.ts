// The proxy makes moto's ListTasks behave like AWS's: only the named service's tasks, and only
// RUNNING ones unless another desiredStatus is asked for.
import * as assert from 'node:assert/strict';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient, ListTasksCommand, RegisterTaskDefinitionCommand, RunTaskCommand, StopTaskCommand } from '@aws-sdk/client-ecs';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../support/moto';
import { ecsClient, seedClusters } from '../support/seed';
import { moto, resetMoto } from './setup';

const REGION = 'us-west-1';

describe('awsLimitsProxy: ListTasks as AWS answers it', () => {
  let proxy: AwsLimitsProxy;
  let viaProxy: ECSClient;
  let direct: ECSClient;
  const arns: Record<string, string[]> = { a: [], b: [] };

  before(async function () {
    this.timeout(60_000);
    await resetMoto();
    direct = ecsClient(moto().url, REGION);
    const ec2 = new EC2Client({ region: REGION, endpoint: moto().url, credentials: TEST_CREDENTIALS });
    try {
      await seedClusters(moto().url, ['c'], REGION);
      const td = await direct.send(new RegisterTaskDefinitionCommand({
        family: 'f', requiresCompatibilities: ['FARGATE'], networkMode: 'awsvpc', cpu: '256', memory: '512',
        containerDefinitions: [{ name: 'app', image: 'nginx', memory: 512 }],
      }));
      const subnet = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets![0]!.SubnetId!;
      const sg = (await ec2.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups![0]!.GroupId!;
      for (const [service, n] of [['a', 2], ['b', 1]] as const) {
        for (let i = 0; i < n; i++) {
          const out = await direct.send(new RunTaskCommand({
            cluster: 'c', taskDefinition: td.taskDefinition!.taskDefinitionArn!, launchType: 'FARGATE', group: `service:${service}`,
            networkConfiguration: { awsvpcConfiguration: { subnets: [subnet], securityGroups: [sg] } },
          }));
          arns[service]!.push(out.tasks![0]!.taskArn!);
        }
      }
      await direct.send(new StopTaskCommand({ cluster: 'c', task: arns.a![0]!, reason: 'test' }));
    } finally {
      ec2.destroy();
    }
    proxy = await startAwsLimitsProxy(moto().url);
    viaProxy = ecsClient(proxy.url, REGION);
  });

  after(async () => {
    viaProxy?.destroy();
    direct?.destroy();
    await proxy?.stop();
  });

  const list = async (client: ECSClient, input: { serviceName?: string; desiredStatus?: 'RUNNING' | 'STOPPED' }) =>
    ((await client.send(new ListTasksCommand({ cluster: 'c', ...input }))).taskArns ?? []).sort();

  it('moto alone lists every task of the cluster, stopped ones included', async () => {
    assert.equal((await list(direct, { serviceName: 'a' })).length, 3);
  });

  it("lists only the named service's running tasks by default", async () => {
    assert.deepEqual(await list(viaProxy, { serviceName: 'a' }), [arns.a![1]!]);
    assert.deepEqual(await list(viaProxy, { serviceName: 'b' }), arns.b);
  });

  it('lists the stopped ones when asked', async () => {
    assert.deepEqual(await list(viaProxy, { serviceName: 'a', desiredStatus: 'STOPPED' }), [arns.a![0]!]);
  });

  it('lists all running tasks of the cluster without a service name', async () => {
    assert.deepEqual(await list(viaProxy, {}), [arns.a![1]!, ...arns.b!].sort());
  });
});
