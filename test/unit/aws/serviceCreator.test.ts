// The service creator's pure parts (which permissions a group lacks, the order steps run and are
// reported in, the outcome in words) and the cases moto cannot show: a DRAINING service of the
// same name, a step the host spliced into the plan, a secret in a non-AWS error.
import * as assert from 'node:assert/strict';
import { CreateServiceCommand, DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { CreateTargetGroupCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { createSession, type AwsSession } from '../../../src/aws';
import { missingPermissions } from '../../../src/aws/ingressRules';
import { createService, creationSteps, describeCreationOutcome, type CreationFix } from '../../../src/aws/serviceCreator';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import type { ServiceCreationPlan, ServiceCreationStep } from '../../../src/forms/serviceCreationPlan';
import type { SecurityGroupRule } from '../../../src/model/network';

function rule(patch: Partial<SecurityGroupRule>): SecurityGroupRule {
  return { protocol: 'tcp', fromPort: 80, toPort: 80, cidrs: [], ipv6Cidrs: [], groupIds: [], prefixListIds: [], ...patch };
}

const SERVICE_STEP: ServiceCreationStep = {
  kind: 'createService',
  key: 'service/demo-ecs-cluster/demo-ecs-service',
  field: 'serviceName',
  summary: 'Create service demo-ecs-service',
  request: {
    cluster: 'demo-ecs-cluster',
    serviceName: 'demo-ecs-service',
    taskDefinition: 'demo-ecs-task:1',
    desiredCount: 1,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: [{ ref: 'serviceSecurityGroup' }], assignPublicIp: 'DISABLED' } },
  },
};

const GROUP_STEP: ServiceCreationStep = {
  kind: 'createSecurityGroup',
  produces: 'serviceSecurityGroup',
  key: 'security-group/vpc-1/demo-ecs-service-sg',
  field: 'networking.newSecurityGroup.name',
  summary: 'Create security group demo-ecs-service-sg',
  request: { GroupName: 'demo-ecs-service-sg', Description: 'tasks', VpcId: 'vpc-1' },
};

const FIX: CreationFix = {
  plan: { steps: [{ kind: 'createLogGroup', logGroupName: '/ecs/demo-ecs-task', region: 'ap-northeast-2' }, { kind: 'createGatewayEndpoint', serviceName: 'com.amazonaws.ap-northeast-2.s3', vpcId: 'vpc-1', routeTableIds: ['rtb-1'] }] },
  snapshot: {} as ServiceSnapshot,
};

describe('missingPermissions', () => {
  const http = { IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080 };

  it('finds nothing missing when a rule spans the port and holds the CIDR, a wider CIDR, or the group', () => {
    const group = { ingress: [rule({ fromPort: 8000, toPort: 9000, cidrs: ['10.0.0.0/8'], groupIds: ['sg-alb'] })] };
    assert.deepEqual(missingPermissions(group, [{ ...http, IpRanges: [{ CidrIp: '10.0.0.0/16' }], UserIdGroupPairs: [{ GroupId: 'sg-alb' }] }]), []);
    assert.deepEqual(missingPermissions({ ingress: [rule({ protocol: '-1', fromPort: 0, toPort: 65535, cidrs: ['0.0.0.0/0'] })] },
      [{ ...http, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }]), []);
  });

  it('keeps only the sources that are missing, so EC2 does not refuse the whole call as a duplicate', () => {
    const group = { ingress: [rule({ fromPort: 8080, toPort: 8080, cidrs: ['10.0.0.0/16'] })] };
    assert.deepEqual(missingPermissions(group, [{ ...http, IpRanges: [{ CidrIp: '10.0.0.0/16' }, { CidrIp: '192.168.0.0/24', Description: 'office' }], UserIdGroupPairs: [{ GroupId: 'sg-alb' }] }]),
      [{ ...http, IpRanges: [{ CidrIp: '192.168.0.0/24', Description: 'office' }], UserIdGroupPairs: [{ GroupId: 'sg-alb' }] }]);
  });

  it('counts a rule on another port, protocol or narrower CIDR as missing', () => {
    const wanted = [{ ...http, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }];
    assert.deepEqual(missingPermissions({ ingress: [rule({ fromPort: 80, toPort: 80, cidrs: ['10.0.0.0/16'] })] }, wanted), wanted);
    assert.deepEqual(missingPermissions({ ingress: [rule({ protocol: 'udp', fromPort: 8080, toPort: 8080, cidrs: ['10.0.0.0/16'] })] }, wanted), wanted);
    assert.deepEqual(missingPermissions({ ingress: [rule({ fromPort: 8080, toPort: 8080, cidrs: ['10.0.1.0/24'] })] }, wanted), wanted);
  });
});

describe('creationSteps', () => {
  it('puts every step of the doctor\'s fixes right before the service, with keys a second run finds again', () => {
    const plan: ServiceCreationPlan = { steps: [GROUP_STEP, SERVICE_STEP] };
    const steps = creationSteps(plan, [FIX]);
    assert.deepEqual(steps.map((s) => [s.kind, s.key]), [
      ['createSecurityGroup', 'security-group/vpc-1/demo-ecs-service-sg'],
      ['fix', 'fix/1.1/createLogGroup'],
      ['fix', 'fix/1.2/createGatewayEndpoint'],
      ['createService', 'service/demo-ecs-cluster/demo-ecs-service'],
    ]);
    assert.equal(steps[1].summary, 'Create CloudWatch log group /ecs/demo-ecs-task in ap-northeast-2');
    assert.deepEqual(creationSteps(plan).map((s) => s.kind), ['createSecurityGroup', 'createService']);
  });
});

describe('createService where moto cannot go', () => {
  let aws: AwsSession;
  let ecs: ReturnType<typeof mockClient>;

  before(() => {
    // In before, not at load: mocking ECSClient mocks every instance until restored.
    ecs = mockClient(ECSClient);
    // Nothing listens there: every call this suite makes is answered by the mock.
    aws = createSession({ profile: undefined, region: 'ap-northeast-2', endpointUrl: 'http://127.0.0.1:9' }, {
      userAgent: ['ecs-studio-test', '0.0.0'], credentials: async () => ({ accessKeyId: 'testing', secretAccessKey: 'testing' }), maxAttempts: 1,
    });
  });

  afterEach(() => ecs.reset());

  after(() => {
    ecs?.restore();
    aws?.dispose();
  });

  it('refuses to create over a DRAINING service of the same name, saying why, and sends no CreateService', async () => {
    ecs.on(DescribeServicesCommand).resolves({ services: [{ serviceName: 'demo-ecs-service', serviceArn: 'arn:aws:ecs:ap-northeast-2:123456789012:service/demo-ecs-cluster/demo-ecs-service', status: 'DRAINING' }] });
    const plan: ServiceCreationPlan = { steps: [{ ...SERVICE_STEP, request: { ...SERVICE_STEP.request, networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], securityGroups: ['sg-1'] } } } }] };
    const outcome = await createService(aws, plan);
    assert.deepEqual(outcome.steps.map((s) => s.status), ['failed']);
    assert.match(outcome.failed?.error?.message ?? '', /is DRAINING .*only once it is INACTIVE/);
    assert.equal(ecs.commandCalls(CreateServiceCommand).length, 0);
    assert.deepEqual(describeCreationOutcome(outcome), [
      `FAILED   Create service demo-ecs-service: ${outcome.failed?.error?.message ?? ''}`,
      'Stopped at the first failure: 0 created, 0 already there, 1 not done. Create again to finish: what exists is reused.',
    ]);
  });

  it('fails a placeholder no earlier step produced, and a step the host spliced in, without sending anything', async () => {
    ecs.on(DescribeServicesCommand).resolves({ services: [] });
    const unresolved = await createService(aws, { steps: [SERVICE_STEP] });
    assert.equal(unresolved.failed?.error?.name, 'UnresolvedRefError');
    assert.equal(ecs.commandCalls(CreateServiceCommand).length, 0);
    const extra = { kind: 'extra', key: 'endpoint/logs', field: 'networking.subnetIds', summary: 'Create endpoint logs', payload: {} } as const;
    const spliced = await createService(aws, { steps: [extra, SERVICE_STEP] } as unknown as ServiceCreationPlan);
    assert.deepEqual(spliced.steps.map((s) => s.status), ['failed', 'not-run']);
    assert.match(spliced.failed?.error?.message ?? '', /options\.fixes/);
    assert.deepEqual(ecs.calls().map((c) => c.args[0].constructor.name), ['DescribeServicesCommand'], 'only the first run\'s lookup');
  });

  it('refuses to reuse a target group of the same name that is of another type, port or VPC', async () => {
    const elb = mockClient(ElasticLoadBalancingV2Client);
    try {
      elb.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [{
        TargetGroupName: 'demo-tg', TargetGroupArn: 'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/demo-tg/1', TargetType: 'instance', Port: 8080, VpcId: 'vpc-1',
      }] });
      const step: ServiceCreationStep = {
        kind: 'createTargetGroup', produces: 'targetGroup', key: 'target-group/demo-tg', field: 'loadBalancing.targetGroupName', summary: 'Create target group demo-tg',
        request: { Name: 'demo-tg', TargetType: 'ip', Protocol: 'HTTP', Port: 8080, VpcId: 'vpc-1', HealthCheckProtocol: 'HTTP', HealthCheckPath: '/' },
      };
      const outcome = await createService(aws, { steps: [step, SERVICE_STEP] });
      assert.deepEqual(outcome.steps.map((s) => s.status), ['failed', 'not-run']);
      assert.equal(outcome.failed?.field, 'loadBalancing.targetGroupName');
      assert.match(outcome.failed?.error?.message ?? '', /demo-tg already exists \(type instance, port 8080, vpc-1\): choose another name/);
      assert.equal(elb.commandCalls(CreateTargetGroupCommand).length, 0);
      assert.equal(outcome.ids.targetGroup, undefined);
    } finally {
      elb.restore();
    }
  });

  it('redacts a credential from an error that did not come from AWS', async () => {
    ecs.on(DescribeServicesCommand).rejects(new Error('proxy said: aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'));
    const plan: ServiceCreationPlan = { steps: [{ ...SERVICE_STEP, request: { ...SERVICE_STEP.request, networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } } }] };
    const outcome = await createService(aws, plan);
    assert.doesNotMatch(outcome.failed?.error?.message ?? '', /wJalrXUtnFEMI/);
    assert.match(outcome.failed?.error?.message ?? '', /\*\*\*\*/);
  });
});
