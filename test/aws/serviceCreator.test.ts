// The service form's Create against moto, through the AWS-limits proxy: the tutorial's service
// made with everything new (an internet-facing ALB with its group open on 80, an `ip` target group
// on 8080, an HTTP listener, the service's group open to the ALB's), each resource checked with a
// describe call; a CreateService refused by an injected fault, then a second run that completes
// without a duplicate; a plan on an existing ALB and target group that creates only the service,
// with the doctor's fixes run before it; abort between steps and within one.
import * as assert from 'node:assert/strict';
import {
  DescribeSecurityGroupsCommand,
  DescribeVpcEndpointsCommand,
  EC2Client,
  type SecurityGroup as SdkSecurityGroup,
} from '@aws-sdk/client-ec2';
import { DescribeServicesCommand, ECSClient, ListServicesCommand } from '@aws-sdk/client-ecs';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { AwsError, createService, createSession, describeCreationOutcome, loadBalancerUrl, type AwsSession } from '../../src/aws';
import type { CreationProgress, ServiceCreationOutcome } from '../../src/aws/serviceCreator';
import { collectPreflightSnapshot } from '../../src/aws/snapshotCollector';
import { analyze } from '../../src/doctor/analyze';
import { planFixes } from '../../src/doctor/fixPlan';
import { buildServiceCreationPlan, type ServiceCreationPlan } from '../../src/forms/serviceCreationPlan';
import { defaultServiceForm, type ServiceForm } from '../../src/forms/serviceFormModel';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedTutorialWorldWithoutService, TUTORIAL, type TutorialWorldWithoutService } from '../support/tutorialWorld';
import { moto, resetMoto } from './setup';

const REGION = TUTORIAL.region;

interface Names {
  service: string;
  serviceSg: string;
  alb: string;
  albSg: string;
  tg: string;
}

/** The tutorial's names, with the ALB made along with the service as the console's wizard offers. */
const TUTORIAL_NAMES: Names = {
  service: TUTORIAL.serviceName, serviceSg: TUTORIAL.serviceSgName, alb: TUTORIAL.albName, albSg: TUTORIAL.albSgName, tg: TUTORIAL.targetGroupName,
};

/** The tutorial's service with a new internet-facing ALB in the public subnets, the tasks in the private ones. */
function newAlbForm(world: TutorialWorldWithoutService, names: Names): ServiceForm {
  const form = defaultServiceForm();
  return {
    ...form,
    cluster: TUTORIAL.clusterName,
    taskDefinitionFamily: TUTORIAL.taskFamily,
    taskDefinitionRevision: '1',
    serviceName: names.service,
    containerName: TUTORIAL.containerName,
    containerPort: String(TUTORIAL.containerPort),
    networking: {
      ...form.networking,
      vpcId: world.vpcId,
      subnetIds: [...world.privateSubnetIds],
      securityGroupIds: [],
      newSecurityGroup: { create: true, name: names.serviceSg, description: '', inboundFrom: 'loadBalancer', inboundCidr: '' },
    },
    loadBalancing: {
      ...form.loadBalancing,
      kind: 'new',
      loadBalancerName: names.alb,
      loadBalancerSubnetIds: [...world.publicSubnetIds],
      loadBalancerSecurityGroupName: names.albSg,
      ingressCidr: '0.0.0.0/0',
      listenerPort: '80',
      targetGroupName: names.tg,
      healthCheckPath: '/',
    },
  };
}

const WRITE = /^(Create|Authorize|Modify|Update|Delete|Register)/;

describe('createService: the service form\'s plan against moto, through the AWS-limits proxy', function () {
  let world: TutorialWorldWithoutService;
  let proxy: AwsLimitsProxy;
  let aws: AwsSession;
  let ec2: EC2Client;
  let elb: ElasticLoadBalancingV2Client;
  let ecs: ECSClient;
  let plan: ServiceCreationPlan;

  const writes = (): string[] => proxy.calls.filter((c) => WRITE.test(c.operation)).map((c) => `${c.operation} ${c.status}`);

  async function groups(): Promise<SdkSecurityGroup[]> {
    return (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [world.vpcId] }] }))).SecurityGroups ?? [];
  }

  /** How many of each kind of resource exist: what a duplicate would show. */
  async function inventory(): Promise<Record<string, number>> {
    const [sgs, { LoadBalancers = [] }, { TargetGroups = [] }, { serviceArns = [] }] = await Promise.all([
      groups(),
      elb.send(new DescribeLoadBalancersCommand({})),
      elb.send(new DescribeTargetGroupsCommand({})),
      ecs.send(new ListServicesCommand({ cluster: TUTORIAL.clusterName, maxResults: 100 })),
    ]);
    const listeners = await Promise.all(LoadBalancers.map(async (lb) =>
      (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).Listeners ?? []));
    const counts: Record<string, number> = {
      'security groups': sgs.length,
      'ingress permissions': sgs.reduce((n, g) => n + (g.IpPermissions ?? []).reduce((m, p) => m + (p.IpRanges ?? []).length + (p.UserIdGroupPairs ?? []).length, 0), 0),
      'load balancers': LoadBalancers.length,
      'target groups': TargetGroups.length,
      listeners: listeners.flat().length,
      services: serviceArns.length,
    };
    return counts;
  }

  before(async function () {
    this.timeout(120_000);
    await resetMoto();
    world = await seedTutorialWorldWithoutService(moto().url, { region: REGION });
    proxy = await startAwsLimitsProxy(moto().url);
    aws = createSession({ profile: undefined, region: REGION, endpointUrl: proxy.url }, {
      userAgent: ['ecs-studio-test', '0.0.0'], credentials: async () => TEST_CREDENTIALS, maxAttempts: 1,
    });
    const config = { endpoint: proxy.url, region: REGION, credentials: TEST_CREDENTIALS };
    ec2 = new EC2Client(config);
    elb = new ElasticLoadBalancingV2Client(config);
    ecs = new ECSClient(config);
    plan = buildServiceCreationPlan(newAlbForm(world, TUTORIAL_NAMES));
  });

  after(async () => {
    aws?.dispose();
    for (const client of [ec2, elb, ecs]) client?.destroy();
    await proxy?.stop();
  });

  let firstRun: ServiceCreationOutcome;

  it('an injected CreateService failure reports every resource before it as created and the service as failed, its message redacted', async function () {
    const before = await inventory();
    proxy.resetCalls();
    proxy.injectFault({
      operation: 'CreateService',
      status: 400,
      code: 'InvalidParameterException',
      message: 'Unable to assume the service linked role. Request signed with Credential=AKIAIOSFODNN7EXAMPLE/20261204/ap-northeast-2/ecs/aws4_request',
    });
    const progress: string[] = [];
    firstRun = await createService(aws, plan, { onProgress: (p: CreationProgress) => progress.push(`${p.index} ${p.phase}`) });

    assert.deepEqual(firstRun.steps.map((s) => `${s.kind} ${s.status}`), [
      'createSecurityGroup created', 'authorizeIngress created', 'createSecurityGroup created', 'authorizeIngress created',
      'createLoadBalancer created', 'createTargetGroup created', 'createListener created', 'createService failed',
    ], describeCreationOutcome(firstRun).join('\n'));
    assert.equal(firstRun.complete, false);
    assert.equal(firstRun.cancelled, false);
    assert.equal(firstRun.failed?.key, `service/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}`);
    assert.equal(firstRun.failed?.field, 'serviceName');
    const error = firstRun.failed?.error;
    assert.ok(error instanceof AwsError, String(error));
    assert.equal(error.code, 'InvalidParameterException');
    assert.match(error.message, /Unable to assume the service linked role/);
    assert.doesNotMatch(error.message, /AKIAIOSFODNN7EXAMPLE/);
    assert.equal(firstRun.serviceArn, undefined);
    assert.deepEqual(progress, plan.steps.flatMap((_, i) => [`${i} started`, `${i} ${i === 7 ? 'failed' : 'created'}`]));
    assert.deepEqual(writes(), [
      'CreateSecurityGroup 200', 'AuthorizeSecurityGroupIngress 200', 'CreateSecurityGroup 200', 'AuthorizeSecurityGroupIngress 200',
      'CreateLoadBalancer 200', 'CreateTargetGroup 200', 'CreateListener 200', 'CreateService 400',
    ]);
    const after = await inventory();
    assert.deepEqual(
      Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)])),
      { 'security groups': 2, 'ingress permissions': 2, 'load balancers': 1, 'target groups': 1, listeners: 1, services: 0 },
    );
    assert.match(describeCreationOutcome(firstRun).at(-1) ?? '', /^Stopped at the first failure: 7 created, 0 already there, 1 not done\./);
  });

  it('a second run finds what the first made, creates only the service, and duplicates nothing', async function () {
    const before = await inventory();
    proxy.resetCalls();
    const second = await createService(aws, plan);
    assert.deepEqual(second.steps.map((s) => s.status), [...Array(7).fill('existed'), 'created'], describeCreationOutcome(second).join('\n'));
    assert.equal(second.complete, true);
    assert.deepEqual(second.steps.slice(0, 7).map((s) => s.resourceId), firstRun.steps.slice(0, 7).map((s) => s.resourceId));
    assert.deepEqual(second.ids, firstRun.ids);
    assert.ok(second.serviceArn?.endsWith(`/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}`), second.serviceArn);
    assert.deepEqual(writes(), ['CreateService 200']);
    const after = await inventory();
    assert.deepEqual(after, { ...before, services: before.services + 1 });

    const third = await createService(aws, plan);
    assert.deepEqual(third.steps.map((s) => s.status), Array(8).fill('existed'), 'a third run changes nothing');
    assert.deepEqual(writes(), ['CreateService 200']);
    assert.deepEqual(await inventory(), after);
  });

  it('made each resource as the plan says (describe calls)', async function () {
    const { loadBalancerSecurityGroup: albSg, serviceSecurityGroup: serviceSg, loadBalancer: albArn, targetGroup: tgArn } = firstRun.ids;
    assert.ok(albSg && serviceSg && albArn && tgArn, JSON.stringify(firstRun.ids));

    const sgs = await groups();
    const alb = sgs.find((g) => g.GroupId === albSg);
    assert.equal(alb?.GroupName, TUTORIAL.albSgName);
    assert.deepEqual(alb?.IpPermissions?.map((p) => [p.IpProtocol, p.FromPort, p.ToPort, p.IpRanges?.map((r) => r.CidrIp), p.UserIdGroupPairs?.length ?? 0]),
      [['tcp', 80, 80, ['0.0.0.0/0'], 0]]);
    const service = sgs.find((g) => g.GroupId === serviceSg);
    assert.equal(service?.GroupName, TUTORIAL.serviceSgName);
    assert.deepEqual(service?.IpPermissions?.map((p) => [p.IpProtocol, p.FromPort, p.ToPort, p.UserIdGroupPairs?.map((u) => u.GroupId), p.IpRanges?.length ?? 0]),
      [['tcp', 8080, 8080, [albSg], 0]]);

    const [lb] = (await elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [albArn] }))).LoadBalancers ?? [];
    assert.equal(lb?.LoadBalancerName, TUTORIAL.albName);
    assert.equal(lb?.Scheme, 'internet-facing');
    assert.equal(lb?.Type, 'application');
    assert.equal(lb?.VpcId, world.vpcId);
    assert.deepEqual(lb?.SecurityGroups, [albSg]);
    assert.deepEqual(lb?.AvailabilityZones?.map((z) => z.SubnetId).sort(), [...world.publicSubnetIds].sort());

    const [tg] = (await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [tgArn] }))).TargetGroups ?? [];
    assert.equal(tg?.TargetGroupName, TUTORIAL.targetGroupName);
    assert.deepEqual([tg?.TargetType, tg?.Protocol, tg?.Port, tg?.VpcId, tg?.HealthCheckProtocol, tg?.HealthCheckPath],
      ['ip', 'HTTP', TUTORIAL.containerPort, world.vpcId, 'HTTP', '/']);

    const listeners = (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: albArn }))).Listeners ?? [];
    assert.deepEqual(listeners.map((l) => [l.Port, l.Protocol, l.DefaultActions?.map((a) => [a.Type, a.TargetGroupArn])]),
      [[80, 'HTTP', [['forward', tgArn]]]]);

    const [svc] = (await ecs.send(new DescribeServicesCommand({ cluster: TUTORIAL.clusterName, services: [TUTORIAL.serviceName] }))).services ?? [];
    assert.equal(svc?.status, 'ACTIVE');
    assert.equal(svc?.desiredCount, 1);
    assert.equal(svc?.launchType, 'FARGATE');
    assert.match(svc?.taskDefinition ?? '', new RegExp(`task-definition/${TUTORIAL.taskFamily}:1$`));
    assert.deepEqual(svc?.networkConfiguration?.awsvpcConfiguration, {
      subnets: [...world.privateSubnetIds], securityGroups: [serviceSg], assignPublicIp: 'DISABLED',
    });
    assert.deepEqual(svc?.loadBalancers, [{ targetGroupArn: tgArn, containerName: TUTORIAL.containerName, containerPort: TUTORIAL.containerPort }]);
  });

  it('loadBalancerUrl gives the ALB\'s DNS name and listener port, by ARN or by cluster and name', async function () {
    const { LoadBalancers = [] } = await elb.send(new DescribeLoadBalancersCommand({ Names: [TUTORIAL.albName] }));
    const dnsName = LoadBalancers[0]?.DNSName;
    assert.ok(dnsName);
    const byName = await loadBalancerUrl(aws, { cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName });
    assert.deepEqual(byName && [byName.url, byName.dnsName, byName.port, byName.protocol, byName.loadBalancerName],
      [`http://${dnsName}/`, dnsName, 80, 'http', TUTORIAL.albName]);
    const [arn] = (await ecs.send(new ListServicesCommand({ cluster: TUTORIAL.clusterName }))).serviceArns ?? [];
    assert.ok(arn);
    assert.equal((await loadBalancerUrl(aws, arn))?.url, `http://${dnsName}/`);
  });

  it('a plan on the existing ALB and target group creates only the service, after the doctor\'s fixes', async function () {
    const { serviceSecurityGroup: serviceSg, loadBalancer: albArn, targetGroup: tgArn } = firstRun.ids;
    assert.ok(serviceSg && albArn && tgArn);
    const [listener] = (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: albArn }))).Listeners ?? [];
    const base = newAlbForm(world, { ...TUTORIAL_NAMES, service: 'demo-ecs-service-2' });
    const form: ServiceForm = {
      ...base,
      networking: { ...base.networking, securityGroupIds: [serviceSg], newSecurityGroup: { ...base.networking.newSecurityGroup, create: false } },
      loadBalancing: {
        ...base.loadBalancing, kind: 'existing', loadBalancerArn: albArn, listenerChoice: 'existing', listenerArn: listener?.ListenerArn ?? '',
        targetGroupChoice: 'existing', targetGroupArn: tgArn,
      },
    };
    const existingPlan = buildServiceCreationPlan(form);
    assert.deepEqual(existingPlan.steps.map((s) => s.kind), ['createService']);

    // The doctor's preflight of that service: the private subnets have no way to ECR, S3 or Logs.
    const snapshot = await collectPreflightSnapshot(aws, {
      taskDefinition: `${TUTORIAL.taskFamily}:1`, subnets: world.privateSubnetIds, securityGroups: [serviceSg], assignPublicIp: 'DISABLED',
      loadBalancers: [{ targetGroupArn: tgArn, containerName: TUTORIAL.containerName, containerPort: TUTORIAL.containerPort }],
    });
    const fixPlan = planFixes(analyze(snapshot), snapshot);
    assert.ok(fixPlan.steps.some((s) => s.kind === 'createInterfaceEndpoint'), fixPlan.steps.map((s) => s.kind).join(', '));

    const before = await inventory();
    proxy.resetCalls();
    const outcome = await createService(aws, existingPlan, { fixes: [{ plan: fixPlan, snapshot }] });
    assert.deepEqual(outcome.steps.map((s) => `${s.kind} ${s.status}`),
      [...fixPlan.steps.map(() => 'fix created'), 'createService created'], describeCreationOutcome(outcome).join('\n'));
    assert.deepEqual(outcome.steps.slice(0, -1).map((s) => s.key), fixPlan.steps.map((s, i) => `fix/1.${i + 1}/${s.kind}`));
    const serviceWrites = writes().filter((w) => /^Create(Service|LoadBalancer|TargetGroup|Listener) /.test(w));
    assert.deepEqual(serviceWrites, ['CreateService 200'], 'no load balancer, target group or listener made');
    assert.equal(writes().at(-1), 'CreateService 200', 'the service comes after every fix');
    const after = await inventory();
    assert.deepEqual([after['load balancers'], after['target groups'], after.listeners, after.services],
      [before['load balancers'], before['target groups'], before.listeners, before.services + 1]);
    const endpoints = (await ec2.send(new DescribeVpcEndpointsCommand({ Filters: [{ Name: 'vpc-id', Values: [world.vpcId] }] }))).VpcEndpoints ?? [];
    assert.deepEqual(endpoints.map((e) => e.ServiceName?.split('.').slice(3).join('.')).sort(), ['ecr.api', 'ecr.dkr', 'logs', 's3']);

    const fresh = await collectPreflightSnapshot(aws, {
      taskDefinition: `${TUTORIAL.taskFamily}:1`, subnets: world.privateSubnetIds, securityGroups: [serviceSg], assignPublicIp: 'DISABLED',
      loadBalancers: [{ targetGroupArn: tgArn, containerName: TUTORIAL.containerName, containerPort: TUTORIAL.containerPort }],
    });
    assert.deepEqual(planFixes(analyze(fresh), fresh).steps, [], 'the doctor finds nothing left to fix');
  });

  it('creates a new cluster first, and a second run finds it ACTIVE instead of creating it again', async function () {
    // The VPC's default group: moto's CreateService answers HTTP 500 to an awsvpc configuration without groups.
    const defaultGroup = (await groups()).find((g) => g.GroupName === 'default')?.GroupId;
    assert.ok(defaultGroup);
    const form: ServiceForm = {
      ...defaultServiceForm(),
      cluster: 'demo-new-cluster',
      createCluster: true,
      taskDefinitionFamily: TUTORIAL.taskFamily,
      serviceName: 'demo-no-lb',
      networking: { ...defaultServiceForm().networking, vpcId: world.vpcId, subnetIds: [world.privateSubnetIds[0]], securityGroupIds: [defaultGroup] },
    };
    const clusterPlan = buildServiceCreationPlan(form);
    assert.deepEqual(clusterPlan.steps.map((s) => s.kind), ['createCluster', 'createService']);
    proxy.resetCalls();
    const first = await createService(aws, clusterPlan);
    assert.deepEqual(first.steps.map((s) => s.status), ['created', 'created'], describeCreationOutcome(first).join('\n'));
    assert.match(first.steps[0].resourceId ?? '', /:cluster\/demo-new-cluster$/);
    const second = await createService(aws, clusterPlan);
    assert.deepEqual(second.steps.map((s) => s.status), ['existed', 'existed']);
    assert.deepEqual(writes(), ['CreateCluster 200', 'CreateService 200']);

    assert.equal(await loadBalancerUrl(aws, { cluster: 'demo-new-cluster', service: 'demo-no-lb' }), undefined, 'no load balancer, no URL');
    await assert.rejects(loadBalancerUrl(aws, { cluster: 'demo-new-cluster', service: 'no-such-service' }), /no-such-service was not found in cluster demo-new-cluster/);
    await assert.rejects(loadBalancerUrl(aws, 'arn:aws:ecs:ap-northeast-2:123456789012:service/demo-no-lb'), /name the cluster and the service instead/);
  });

  describe('abort', () => {
    const names: Names = { service: 'abort-service', serviceSg: 'abort-service-sg', alb: 'abort-alb', albSg: 'abort-alb-sg', tg: 'abort-tg' };

    it('between steps: what ran is reported, the rest is not run and nothing more is sent', async function () {
      const abortPlan = buildServiceCreationPlan(newAlbForm(world, names));
      const controller = new AbortController();
      let callsAtAbort = -1;
      proxy.resetCalls();
      const outcome = await createService(aws, abortPlan, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.index === 0 && p.phase === 'created') {
            controller.abort();
            callsAtAbort = proxy.calls.length;
          }
        },
      });
      assert.deepEqual(outcome.steps.map((s) => s.status), ['created', ...Array(7).fill('not-run')]);
      assert.equal(outcome.cancelled, true);
      assert.equal(outcome.complete, false);
      assert.equal(outcome.failed, undefined);
      assert.equal(proxy.calls.length, callsAtAbort, 'no call after the abort');
      assert.deepEqual((await groups()).filter((g) => g.GroupName?.startsWith('abort-')).map((g) => g.GroupName), [names.albSg]);
      assert.match(describeCreationOutcome(outcome).at(-1) ?? '', /^Cancelled: 1 created, 0 already there, 7 not done\./);
    });

    it('within a step: that step fails as cancelled, its change is not made, the rest is not run', async function () {
      const abortPlan = buildServiceCreationPlan(newAlbForm(world, names));
      const controller = new AbortController();
      const outcome = await createService(aws, abortPlan, {
        signal: controller.signal,
        onProgress: (p) => { if (p.index === 1 && p.phase === 'started') controller.abort(); },
      });
      assert.deepEqual(outcome.steps.map((s) => s.status), ['existed', 'failed', ...Array(6).fill('not-run')]);
      assert.equal(outcome.cancelled, true);
      const error = outcome.failed?.error;
      assert.ok(error instanceof AwsError && error.kind === 'cancelled', String(error));
      const group = (await groups()).find((g) => g.GroupName === names.albSg);
      assert.deepEqual(group?.IpPermissions, [], 'the 80 rule was not added');
    });
  });
});
