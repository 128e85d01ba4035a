// The tutorial's world as seedTutorialWorld leaves it in moto, checked with describe calls
// through the SDK (and, where installed, the independent `aws` CLI).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
  type IpPermission,
  type RouteTable,
} from '@aws-sdk/client-ec2';
import { BatchGetImageCommand, ECRClient } from '@aws-sdk/client-ecr';
import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedTutorialWorld, seedUnusedImage, TUTORIAL, TUTORIAL_STOP_REASONS, UNUSED_IMAGE, type TutorialWorld } from '../support/tutorialWorld';
import { moto, resetMoto } from './setup';

interface Clients {
  ec2: EC2Client;
  elb: ElasticLoadBalancingV2Client;
  ecr: ECRClient;
  iam: IAMClient;
  ecs: ECSClient;
  logs: CloudWatchLogsClient;
}

function clientsFor(region: string): Clients {
  const config = { endpoint: moto().url, region, credentials: TEST_CREDENTIALS };
  return {
    ec2: new EC2Client(config),
    elb: new ElasticLoadBalancingV2Client(config),
    ecr: new ECRClient(config),
    iam: new IAMClient(config),
    ecs: new ECSClient(config),
    logs: new CloudWatchLogsClient(config),
  };
}

function destroy(clients: Clients | undefined): void {
  for (const client of Object.values(clients ?? {})) (client as { destroy(): void }).destroy();
}

async function routeTable(ec2: EC2Client, id: string): Promise<RouteTable> {
  const { RouteTables } = await ec2.send(new DescribeRouteTablesCommand({ RouteTableIds: [id] }));
  assert.equal(RouteTables?.length, 1);
  return RouteTables[0];
}

async function ingressOf(ec2: EC2Client, groupId: string): Promise<{ ingress: IpPermission[]; egress: IpPermission[]; name?: string; vpcId?: string }> {
  const { SecurityGroups } = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }));
  const group = SecurityGroups?.[0];
  return { ingress: group?.IpPermissions ?? [], egress: group?.IpPermissionsEgress ?? [], name: group?.GroupName, vpcId: group?.VpcId };
}

/** `tcp PORT from CIDR` for each rule, to compare rule sets whole. */
function rules(permissions: IpPermission[]): string[] {
  return permissions.flatMap((p) => (p.IpRanges ?? []).map((r) => `${p.IpProtocol} ${p.FromPort ?? ''}-${p.ToPort ?? ''} from ${r.CidrIp}`)).sort();
}

async function describeTasks(ecs: ECSClient, world: TutorialWorld, arns: string[]): Promise<Task[]> {
  const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: world.clusterArn, tasks: arns }));
  // moto returns tasks in its own order; put them back in the order asked for.
  return arns.map((arn) => {
    const task = tasks?.find((t) => t.taskArn === arn);
    assert.ok(task, `DescribeTasks did not return ${arn}`);
    return task;
  });
}

async function taskArns(ecs: ECSClient, world: TutorialWorld, desiredStatus: 'RUNNING' | 'STOPPED'): Promise<string[]> {
  const { taskArns: arns } = await ecs.send(new ListTasksCommand({ cluster: world.clusterArn, serviceName: TUTORIAL.serviceName, desiredStatus }));
  // moto ignores serviceName: keep the service's tasks by group (harmless on AWS).
  const tasks = arns?.length ? await describeTasks(ecs, world, arns) : [];
  return tasks.filter((t) => t.group === TUTORIAL.taskGroup).map((t) => t.taskArn ?? '');
}

async function primaryDeploymentId(ecs: ECSClient, world: TutorialWorld): Promise<string | undefined> {
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster: world.clusterArn, services: [world.serviceArn] }));
  return services?.[0]?.deployments?.find((d) => d.status === 'PRIMARY')?.id;
}

async function vpcEndpoints(ec2: EC2Client, world: TutorialWorld) {
  const { VpcEndpoints } = await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [world.vpcId] }] }));
  return VpcEndpoints ?? [];
}

async function logGroupNames(logs: CloudWatchLogsClient): Promise<string[]> {
  const { logGroups } = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: TUTORIAL.logGroupName }));
  return (logGroups ?? []).map((g) => g.logGroupName ?? '');
}

/** The `aws` CLI, when this machine has one: an independent client to check the seed with. */
const awsCli = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;

/** The CLI's environment: the test credentials, and none of the developer's profiles. */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  delete env.AWS_PROFILE;
  delete env.AWS_DEFAULT_PROFILE;
  delete env.AWS_SESSION_TOKEN;
  return env;
}

describe('tutorial world: the broken service (seedTutorialWorld, default options)', () => {
  let world: TutorialWorld;
  let aws: Clients;

  before(async function () {
    this.timeout(60_000);
    await resetMoto();
    world = await seedTutorialWorld(moto().url);
    aws = clientsFor(TUTORIAL.region);
  });

  after(() => destroy(aws));

  it('builds demo-service-vpc, 10.0.0.0/16, with DNS support and DNS hostnames on', async () => {
    assert.equal(world.region, 'ap-northeast-2');
    assert.match(world.accountId, /^\d{12}$/);
    const { Vpcs } = await aws.ec2.send(new DescribeVpcsCommand({ VpcIds: [world.vpcId] }));
    assert.equal(Vpcs?.[0]?.CidrBlock, '10.0.0.0/16');
    assert.deepEqual(Vpcs?.[0]?.Tags, [{ Key: 'Name', Value: 'demo-service-vpc' }]);
    const support = await aws.ec2.send(new DescribeVpcAttributeCommand({ VpcId: world.vpcId, Attribute: 'enableDnsSupport' }));
    const hostnames = await aws.ec2.send(new DescribeVpcAttributeCommand({ VpcId: world.vpcId, Attribute: 'enableDnsHostnames' }));
    assert.equal(support.EnableDnsSupport?.Value, true);
    assert.equal(hostnames.EnableDnsHostnames?.Value, true);
  });

  it('has two public and two private subnets in AZs a and c, named as the VPC wizard names them', async () => {
    const ids = [...world.publicSubnetIds, ...world.privateSubnetIds];
    const { Subnets } = await aws.ec2.send(new DescribeSubnetsCommand({ SubnetIds: ids }));
    const byId = new Map((Subnets ?? []).map((s) => [s.SubnetId, s]));
    const seen = ids.map((id) => {
      const s = byId.get(id);
      return [s?.VpcId === world.vpcId, s?.CidrBlock, s?.AvailabilityZone, s?.Tags?.find((t) => t.Key === 'Name')?.Value];
    });
    assert.deepEqual(seen, [
      [true, '10.0.0.0/24', 'ap-northeast-2a', 'demo-service-subnet-public1-ap-northeast-2a'],
      [true, '10.0.1.0/24', 'ap-northeast-2c', 'demo-service-subnet-public2-ap-northeast-2c'],
      [true, '10.0.2.0/24', 'ap-northeast-2a', 'demo-service-subnet-private1-ap-northeast-2a'],
      [true, '10.0.3.0/24', 'ap-northeast-2c', 'demo-service-subnet-private2-ap-northeast-2c'],
    ]);
  });

  it('routes the public subnets to the internet gateway and gives the private ones no default route and no NAT', async () => {
    const { InternetGateways } = await aws.ec2.send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [world.igwId] }));
    assert.deepEqual(InternetGateways?.[0]?.Attachments?.map((a) => a.VpcId), [world.vpcId]);

    const pub = await routeTable(aws.ec2, world.routeTableIds.public);
    assert.deepEqual(pub.Associations?.map((a) => a.SubnetId).sort(), [...world.publicSubnetIds].sort());
    assert.ok(pub.Routes?.some((r) => r.DestinationCidrBlock === '0.0.0.0/0' && r.GatewayId === world.igwId));

    const priv = await routeTable(aws.ec2, world.routeTableIds.private);
    assert.deepEqual(priv.Associations?.map((a) => a.SubnetId).sort(), [...world.privateSubnetIds].sort());
    assert.deepEqual(priv.Routes?.map((r) => `${r.DestinationCidrBlock} -> ${r.GatewayId ?? r.NatGatewayId}`), ['10.0.0.0/16 -> local']);
  });

  it('lets 80 into the ALB from the author only, and 8080 into the service from the VPC, with no 443 rule yet', async () => {
    const alb = await ingressOf(aws.ec2, world.albSgId);
    assert.equal(alb.name, 'public-ecs-service-alb-sg');
    assert.deepEqual(rules(alb.ingress), ['tcp 80-80 from 203.0.113.24/32']);

    const service = await ingressOf(aws.ec2, world.serviceSgId);
    assert.equal(service.name, 'demo-ecs-service-sg');
    assert.equal(service.vpcId, world.vpcId);
    assert.deepEqual(rules(service.ingress), ['tcp 8080-8080 from 10.0.0.0/16']);
    assert.deepEqual(rules(service.egress), ['-1 - from 0.0.0.0/0']);
  });

  it('puts the internet-facing ALB in the public subnets, with HTTP:80 forwarding to the ip target group on 8080', async () => {
    const { LoadBalancers } = await aws.elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [world.albArn] }));
    const lb = LoadBalancers?.[0];
    assert.equal(lb?.LoadBalancerName, 'public-ecs-service-alb');
    assert.equal(lb?.Scheme, 'internet-facing');
    assert.equal(lb?.Type, 'application');
    assert.deepEqual(lb?.SecurityGroups, [world.albSgId]);
    assert.deepEqual(lb?.AvailabilityZones?.map((z) => z.SubnetId).sort(), [...world.publicSubnetIds].sort());

    const { TargetGroups } = await aws.elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [world.targetGroupArn] }));
    const tg = TargetGroups?.[0];
    assert.deepEqual(
      [tg?.TargetGroupName, tg?.TargetType, tg?.Protocol, tg?.Port, tg?.VpcId, tg?.HealthCheckPath, tg?.LoadBalancerArns],
      ['demo-ecs-alb-target-group', 'ip', 'HTTP', 8080, world.vpcId, '/', [world.albArn]],
    );

    const { Listeners } = await aws.elb.send(new DescribeListenersCommand({ LoadBalancerArn: world.albArn }));
    assert.equal(Listeners?.length, 1);
    assert.equal(Listeners[0].ListenerArn, world.listenerArn);
    assert.deepEqual([Listeners[0].Protocol, Listeners[0].Port], ['HTTP', 80]);
    assert.deepEqual(Listeners[0].DefaultActions?.map((a) => [a.Type, a.TargetGroupArn]), [['forward', world.targetGroupArn]]);
  });

  it('holds an OCI image index tagged latest that declares linux/arm64, under its true digest', async () => {
    assert.equal(world.imageUri, `${world.accountId}.dkr.ecr.ap-northeast-2.amazonaws.com/demo-service:latest`);
    assert.equal(world.repositoryUri, world.imageUri.replace(/:latest$/, ''));
    const { images, failures } = await aws.ecr.send(new BatchGetImageCommand({ repositoryName: 'demo-service', imageIds: [{ imageTag: 'latest' }] }));
    assert.deepEqual(failures, []);
    const manifest = images?.[0]?.imageManifest ?? '';
    const index = JSON.parse(manifest) as { mediaType: string; manifests: { digest: string; platform: { os: string; architecture: string } }[] };
    assert.equal(images?.[0]?.imageId?.imageDigest, `sha256:${createHash('sha256').update(manifest).digest('hex')}`);
    assert.equal(images?.[0]?.imageId?.imageDigest, world.imageDigest);
    assert.equal(index.mediaType, 'application/vnd.oci.image.index.v1+json');
    assert.deepEqual(index.manifests.map((m) => `${m.platform.os}/${m.platform.architecture}`), ['linux/arm64', 'unknown/unknown']);

    // The manifests the index lists are in the repository too, each under its own digest.
    const children = await aws.ecr.send(new BatchGetImageCommand({
      repositoryName: 'demo-service', imageIds: index.manifests.map((m) => ({ imageDigest: m.digest })),
    }));
    assert.deepEqual(children.images?.map((i) => i.imageId?.imageDigest), index.manifests.map((m) => m.digest));
  });

  it('takes the demo image nothing uses yet beside it: demo-web:1.0 for linux/amd64 and linux/arm64, under its true digest', async () => {
    const pushed = await seedUnusedImage(moto().url);
    assert.equal(pushed.imageUri, `${world.accountId}.dkr.ecr.ap-northeast-2.amazonaws.com/${UNUSED_IMAGE.repositoryName}:${UNUSED_IMAGE.tag}`);
    const { images } = await aws.ecr.send(new BatchGetImageCommand({ repositoryName: UNUSED_IMAGE.repositoryName, imageIds: [{ imageTag: UNUSED_IMAGE.tag }] }));
    const manifest = images?.[0]?.imageManifest ?? '';
    assert.equal(images?.[0]?.imageId?.imageDigest, `sha256:${createHash('sha256').update(manifest).digest('hex')}`);
    assert.equal(pushed.imageDigest, images?.[0]?.imageId?.imageDigest);
    const index = JSON.parse(manifest) as { manifests: { digest: string; platform: { os: string; architecture: string } }[] };
    assert.deepEqual(index.manifests.map((m) => `${m.platform.os}/${m.platform.architecture}`), ['linux/amd64', 'linux/arm64', 'unknown/unknown']);
    assert.equal(new Set(index.manifests.map((m) => m.digest)).size, 3, 'each platform has its own manifest');
    // The tutorial's own image is untouched by the second push.
    const tutorial = await aws.ecr.send(new BatchGetImageCommand({ repositoryName: 'demo-service', imageIds: [{ imageTag: 'latest' }] }));
    assert.equal(tutorial.images?.[0]?.imageId?.imageDigest, world.imageDigest);
  });

  it('has ecsTaskExecutionRole trusting ecs-tasks.amazonaws.com, with AmazonECSTaskExecutionRolePolicy attached', async () => {
    const { Role } = await aws.iam.send(new GetRoleCommand({ RoleName: 'ecsTaskExecutionRole' }));
    assert.equal(Role?.Arn, world.executionRoleArn);
    // AWS URL-encodes the document, moto does not: accept both.
    const raw = Role?.AssumeRolePolicyDocument ?? '';
    const trust = JSON.parse(raw.startsWith('%') ? decodeURIComponent(raw) : raw) as { Statement: { Principal: { Service: string }; Action: string }[] };
    assert.deepEqual(trust.Statement.map((s) => [s.Principal.Service, s.Action]), [['ecs-tasks.amazonaws.com', 'sts:AssumeRole']]);
    const { AttachedPolicies } = await aws.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'ecsTaskExecutionRole' }));
    assert.deepEqual(AttachedPolicies?.map((p) => p.PolicyArn), ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy']);
  });

  it('has demo-ecs-cluster on Fargate and the demo-ecs-task definition of the console form', async () => {
    const { clusters } = await aws.ecs.send(new DescribeClustersCommand({ clusters: [world.clusterArn] }));
    assert.equal(clusters?.[0]?.clusterName, 'demo-ecs-cluster');
    assert.deepEqual(clusters?.[0]?.capacityProviders, ['FARGATE', 'FARGATE_SPOT']);

    const { taskDefinition: td } = await aws.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: world.taskDefinitionArn }));
    assert.equal(td?.family, 'demo-ecs-task');
    assert.deepEqual(td?.requiresCompatibilities, ['FARGATE']);
    assert.equal(td?.networkMode, 'awsvpc');
    assert.deepEqual(td?.runtimePlatform, { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' });
    assert.deepEqual([td?.cpu, td?.memory, td?.executionRoleArn], ['1024', '3072', world.executionRoleArn]);
    const container = td?.containerDefinitions?.[0];
    assert.equal(td?.containerDefinitions?.length, 1);
    assert.equal(container?.name, 'demo-service-container');
    assert.equal(container?.image, world.imageUri);
    assert.deepEqual(container?.portMappings?.map((p) => [p.containerPort, p.protocol]), [[8080, 'tcp']]);
    assert.ok(container?.memoryReservation, 'moto RunTask needs memory or memoryReservation on a container');
    assert.equal(container?.logConfiguration?.logDriver, 'awslogs');
    assert.deepEqual(container?.logConfiguration?.options, {
      'awslogs-group': '/ecs/demo-ecs-task',
      'awslogs-create-group': 'true',
      'awslogs-region': 'ap-northeast-2',
      'awslogs-stream-prefix': 'ecs',
    });
  });

  it('runs demo-ecs-service on Fargate LATEST in the private subnets without a public IP, behind the target group', async () => {
    const { services } = await aws.ecs.send(new DescribeServicesCommand({ cluster: world.clusterArn, services: ['demo-ecs-service'] }));
    const service = services?.[0];
    assert.equal(service?.serviceArn, world.serviceArn);
    assert.deepEqual(
      [service?.taskDefinition, service?.desiredCount, service?.launchType, service?.platformVersion],
      [world.taskDefinitionArn, 1, 'FARGATE', 'LATEST'],
    );
    assert.deepEqual(service?.networkConfiguration, {
      awsvpcConfiguration: { subnets: world.privateSubnetIds, securityGroups: [world.serviceSgId], assignPublicIp: 'DISABLED' },
    });
    assert.deepEqual(service?.loadBalancers, [{ targetGroupArn: world.targetGroupArn, containerName: 'demo-service-container', containerPort: 8080 }]);
  });

  it("stopped the service's two tasks with the tutorial's messages, ECR first, then CloudWatch", async () => {
    assert.equal(world.stoppedTaskArns.length, 2);
    assert.deepEqual(await taskArns(aws.ecs, world, 'STOPPED'), world.stoppedTaskArns);
    const tasks = await describeTasks(aws.ecs, world, world.stoppedTaskArns);
    assert.deepEqual(tasks.map((t) => t.stoppedReason), [TUTORIAL_STOP_REASONS.ecr, TUTORIAL_STOP_REASONS.logs]);
    assert.match(tasks[0].stoppedReason ?? '', /^ResourceInitializationError: unable to pull secrets or registry auth: .*dial tcp 54\.180\.184\.245:443: i\/o timeout$/);
    assert.match(tasks[1].stoppedReason ?? '', /^ResourceInitializationError: failed to validate logger args: .* : signal: killed$/);
    for (const task of tasks) {
      assert.deepEqual([task.group, task.lastStatus, task.desiredStatus, task.launchType], ['service:demo-ecs-service', 'STOPPED', 'STOPPED', 'FARGATE']);
      assert.equal(task.taskDefinitionArn, world.taskDefinitionArn);
      assert.match(task.startedBy ?? '', /^ecs-svc\/\d+$/);
    }
    // The CloudWatch failure belongs to the current deployment, the ECR one to the one before it.
    assert.equal(tasks[1].startedBy, await primaryDeploymentId(aws.ecs, world));
    assert.notEqual(tasks[0].startedBy, tasks[1].startedBy);
  });

  it('runs no task, has no VPC endpoint and no log group yet (awslogs-create-group never got to run)', async () => {
    assert.deepEqual(world.runningTaskArns, []);
    assert.deepEqual(await taskArns(aws.ecs, world, 'RUNNING'), []);
    assert.equal(world.endpointIds, undefined);
    assert.deepEqual(await vpcEndpoints(aws.ec2, world), []);
    assert.equal(world.logGroupName, '/ecs/demo-ecs-task');
    assert.equal(world.logGroupExists, false);
    assert.deepEqual(await logGroupNames(aws.logs), []);
  });

  it('refuses to seed the same region twice, before creating anything', async () => {
    await assert.rejects(seedTutorialWorld(moto().url), /ap-northeast-2 already holds the tutorial's world \(demo-service-vpc is vpc-/);
    const { Vpcs } = await aws.ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['demo-service-vpc'] }] }));
    assert.deepEqual(Vpcs?.map((v) => v.VpcId), [world.vpcId]);
  });

  if (awsCli) {
    it('shows the same service to the independent aws CLI', function () {
      this.timeout(30_000);
      const cli = spawnSync('aws', [
        '--endpoint-url', moto().url, '--region', 'ap-northeast-2', '--output', 'json',
        'ecs', 'describe-services', '--cluster', 'demo-ecs-cluster', '--services', 'demo-ecs-service',
      ], {
        encoding: 'utf8',
        env: cliEnv(),
      });
      assert.equal(cli.status, 0, cli.stderr);
      const { services } = JSON.parse(cli.stdout) as { services: { serviceArn: string; networkConfiguration: unknown; loadBalancers: unknown }[] };
      assert.equal(services[0]?.serviceArn, world.serviceArn);
      assert.deepEqual(services[0]?.networkConfiguration, {
        awsvpcConfiguration: { subnets: world.privateSubnetIds, securityGroups: [world.serviceSgId], assignPublicIp: 'DISABLED' },
      });
    });
  }
});

describe('tutorial world: the end state (seedTutorialWorld withFixes)', () => {
  let world: TutorialWorld;
  let aws: Clients;

  before(async function () {
    this.timeout(60_000);
    await resetMoto();
    world = await seedTutorialWorld(moto().url, { withFixes: true });
    aws = clientsFor(TUTORIAL.region);
  });

  after(() => destroy(aws));

  it('adds exactly the ecr.api, ecr.dkr and logs interface endpoints and the S3 gateway endpoint', async () => {
    const endpoints = await vpcEndpoints(aws.ec2, world);
    const summary = endpoints.map((e) => ({
      id: e.VpcEndpointId,
      service: e.ServiceName,
      type: e.VpcEndpointType,
      state: e.State,
      privateDns: e.VpcEndpointType === 'Interface' ? e.PrivateDnsEnabled : undefined,
      subnets: [...(e.SubnetIds ?? [])].sort(),
      groups: (e.Groups ?? []).map((g) => g.GroupId),
      routeTables: e.RouteTableIds ?? [],
    })).sort((a, b) => (a.service ?? '').localeCompare(b.service ?? ''));
    const privateSubnets = [...world.privateSubnetIds].sort();
    const iface = (id: string | undefined, service: string) => ({
      id, service, type: 'Interface', state: 'available', privateDns: true, subnets: privateSubnets, groups: [world.serviceSgId], routeTables: [],
    });
    assert.deepEqual(summary, [
      iface(world.endpointIds?.ecrApi, 'com.amazonaws.ap-northeast-2.ecr.api'),
      iface(world.endpointIds?.ecrDkr, 'com.amazonaws.ap-northeast-2.ecr.dkr'),
      iface(world.endpointIds?.logs, 'com.amazonaws.ap-northeast-2.logs'),
      {
        id: world.endpointIds?.s3, service: 'com.amazonaws.ap-northeast-2.s3', type: 'Gateway', state: 'available',
        privateDns: undefined, subnets: [], groups: [], routeTables: [world.routeTableIds.private],
      },
    ]);
  });

  it("gives the service's group the tutorial's 443 rule and the private route table an S3 route, still no default route", async () => {
    const service = await ingressOf(aws.ec2, world.serviceSgId);
    assert.deepEqual(rules(service.ingress), ['tcp 443-443 from 10.0.0.0/16', 'tcp 8080-8080 from 10.0.0.0/16']);
    const priv = await routeTable(aws.ec2, world.routeTableIds.private);
    assert.ok(!priv.Routes?.some((r) => r.DestinationCidrBlock === '0.0.0.0/0'));
    assert.ok(priv.Routes?.some((r) => r.DestinationPrefixListId && r.GatewayId === world.endpointIds?.s3));
  });

  it('has the log group the first healthy task created', async () => {
    assert.equal(world.logGroupExists, true);
    assert.deepEqual(await logGroupNames(aws.logs), ['/ecs/demo-ecs-task']);
  });

  it("runs one task of the current deployment, which stays RUNNING however often it is described", async () => {
    assert.equal(world.runningTaskArns.length, 1);
    assert.deepEqual(await taskArns(aws.ecs, world, 'RUNNING'), world.runningTaskArns);
    const deploymentId = await primaryDeploymentId(aws.ecs, world);
    for (let i = 0; i < 5; i++) {
      const [task] = await describeTasks(aws.ecs, world, world.runningTaskArns);
      assert.deepEqual([task.lastStatus, task.desiredStatus, task.group, task.startedBy], ['RUNNING', 'RUNNING', 'service:demo-ecs-service', deploymentId]);
    }
  });

  it('keeps the two failures as history, from earlier deployments', async () => {
    assert.deepEqual(await taskArns(aws.ecs, world, 'STOPPED'), world.stoppedTaskArns);
    const tasks = await describeTasks(aws.ecs, world, world.stoppedTaskArns);
    assert.deepEqual(tasks.map((t) => t.stoppedReason), [TUTORIAL_STOP_REASONS.ecr, TUTORIAL_STOP_REASONS.logs]);
    const deploymentId = await primaryDeploymentId(aws.ecs, world);
    assert.ok(tasks.every((t) => t.startedBy !== deploymentId));
  });

  it('seeds a second region beside it, reusing the global role; stoppedTasks: false leaves no task', async function () {
    this.timeout(30_000);
    const other = await seedTutorialWorld(moto().url, { region: 'us-west-2', stoppedTasks: false });
    const west = clientsFor('us-west-2');
    try {
      assert.equal(other.region, 'us-west-2');
      assert.equal(other.executionRoleArn, world.executionRoleArn);
      assert.notEqual(other.vpcId, world.vpcId);
      assert.match(other.clusterArn, /^arn:aws:ecs:us-west-2:/);
      assert.deepEqual([other.stoppedTaskArns, other.runningTaskArns], [[], []]);
      const { taskArns: all } = await west.ecs.send(new ListTasksCommand({ cluster: other.clusterArn }));
      assert.deepEqual(all, []);
      const { Subnets } = await west.ec2.send(new DescribeSubnetsCommand({ SubnetIds: other.privateSubnetIds }));
      assert.deepEqual(Subnets?.map((s) => s.AvailabilityZone).sort(), ['us-west-2a', 'us-west-2c']);
    } finally {
      destroy(west);
    }
  });
});
