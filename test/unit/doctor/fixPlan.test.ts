import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/doctor/analyze';
import {
  ENDPOINT_SG_NAME,
  pendingSteps,
  planFixes,
  stepAlreadyDone,
  subnetsOnePerZone,
} from '../../../src/doctor/fixPlan';
import { describePlan, describeStep } from '../../../src/doctor/planText';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import type { FixStep } from '../../../src/doctor/types';
import { TUTORIAL } from '../../support/tutorialWorld';
import { applyToSnapshot, CREATED_SG_ID } from './applyToSnapshot';
import {
  aGroup,
  anInterfaceEndpoint,
  aSubnet,
  fixedTutorialSnapshot,
  IDS,
  replaceGroup,
  svc,
  tcp,
  tutorialSnapshot,
  VPC_ID,
  withChanges,
  withNetwork,
} from './snapshotBuilder';

function errors(s: ServiceSnapshot): string[] {
  return analyze(s).filter((f) => f.severity === 'error').map((f) => f.id);
}

function planFor(s: ServiceSnapshot) {
  return planFixes(analyze(s), s);
}

const SG_REF = { ref: 'endpointSecurityGroup' } as const;
const PRIVATE = [IDS.privateA, IDS.privateC];
const ZONES = ['ap-northeast-2a', 'ap-northeast-2c'];

describe('doctor/fixPlan', () => {
  describe('the tutorial world', () => {
    it('lists exactly the steps: group, 443 rule, three interface endpoints, the S3 gateway, the log group, a new deployment', () => {
      const plan = planFor(tutorialSnapshot());
      const expected: FixStep[] = [
        { kind: 'createSecurityGroup', produces: 'endpointSecurityGroup', vpcId: VPC_ID, groupName: ENDPOINT_SG_NAME, description: 'HTTPS from 10.0.0.0/16 to the VPC endpoints of ECS tasks (made by ECS Studio)' },
        { kind: 'authorizeIngress', groupId: SG_REF, protocol: 'tcp', port: 443, cidr: '10.0.0.0/16', description: 'HTTPS from the VPC to the endpoints' },
        { kind: 'createInterfaceEndpoint', serviceName: svc('ecr.api'), vpcId: VPC_ID, subnetIds: PRIVATE, availabilityZones: ZONES, securityGroupIds: [SG_REF], privateDns: true },
        { kind: 'createInterfaceEndpoint', serviceName: svc('ecr.dkr'), vpcId: VPC_ID, subnetIds: PRIVATE, availabilityZones: ZONES, securityGroupIds: [SG_REF], privateDns: true },
        { kind: 'createInterfaceEndpoint', serviceName: svc('logs'), vpcId: VPC_ID, subnetIds: PRIVATE, availabilityZones: ZONES, securityGroupIds: [SG_REF], privateDns: true },
        { kind: 'createGatewayEndpoint', serviceName: svc('s3'), vpcId: VPC_ID, routeTableIds: [IDS.privateTable] },
        { kind: 'createLogGroup', logGroupName: TUTORIAL.logGroupName, region: TUTORIAL.region },
        { kind: 'forceNewDeployment', cluster: IDS.clusterArn, service: TUTORIAL.serviceName },
      ];
      assert.deepEqual(plan.steps, expected);
    });

    it('reads as sentences a person can check', () => {
      assert.deepEqual(describePlan(planFor(tutorialSnapshot())), [
        '1. Create security group ecs-studio-endpoints-443 in vpc-0tutorial (HTTPS from 10.0.0.0/16 to the VPC endpoints of ECS tasks (made by ECS Studio))',
        '2. Allow inbound TCP 443 from 10.0.0.0/16 on the new security group ecs-studio-endpoints-443',
        `3. Create interface endpoint com.amazonaws.ap-northeast-2.ecr.api in ${IDS.privateA} (ap-northeast-2a), ${IDS.privateC} (ap-northeast-2c) with security group ecs-studio-endpoints-443, private DNS on`,
        `4. Create interface endpoint com.amazonaws.ap-northeast-2.ecr.dkr in ${IDS.privateA} (ap-northeast-2a), ${IDS.privateC} (ap-northeast-2c) with security group ecs-studio-endpoints-443, private DNS on`,
        `5. Create interface endpoint com.amazonaws.ap-northeast-2.logs in ${IDS.privateA} (ap-northeast-2a), ${IDS.privateC} (ap-northeast-2c) with security group ecs-studio-endpoints-443, private DNS on`,
        `6. Create gateway endpoint com.amazonaws.ap-northeast-2.s3 in vpc-0tutorial on route table ${IDS.privateTable}`,
        '7. Create CloudWatch log group /ecs/demo-ecs-task in ap-northeast-2',
        '8. Start a new deployment of service demo-ecs-service (force new deployment) so tasks start with the fixes',
      ]);
    });

    it('applied, leaves no errors (and no findings); planning again gives an empty plan', () => {
      const before = tutorialSnapshot();
      const plan = planFor(before);
      const after = applyToSnapshot(plan, before);
      assert.deepEqual(errors(after), []);
      assert.deepEqual(analyze(after), []);
      assert.deepEqual(planFor(after).steps, []);
    });

    it('re-running the same plan changes nothing: every step is done, the deployment is not repeated', () => {
      const before = tutorialSnapshot();
      const plan = planFor(before);
      const after = applyToSnapshot(plan, before);
      assert.deepEqual(pendingSteps(plan, after), []);
      for (const step of plan.steps.filter((s) => s.kind !== 'forceNewDeployment')) assert.ok(stepAlreadyDone(step, after), describeStep(step));
      assert.deepEqual(applyToSnapshot({ steps: pendingSteps(plan, after) }, after), after);
    });

    it('the tutorial end state needs no plan', () => {
      assert.deepEqual(planFor(fixedTutorialSnapshot()).steps, []);
    });
  });

  describe('the endpoint security group', () => {
    it('reuses an existing group that allows 443 from the VPC CIDR (the tutorial way: the service group)', () => {
      const s = replaceGroup(tutorialSnapshot(), IDS.serviceSg, {
        ingress: [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] }), tcp(443, 443, { cidrs: ['10.0.0.0/16'] })],
      });
      const plan = planFor(s);
      assert.ok(!plan.steps.some((x) => x.kind === 'createSecurityGroup' || x.kind === 'authorizeIngress'));
      const endpoints = plan.steps.filter((x) => x.kind === 'createInterfaceEndpoint');
      assert.equal(endpoints.length, 3);
      for (const e of endpoints) assert.deepEqual(e.kind === 'createInterfaceEndpoint' && e.securityGroupIds, [IDS.serviceSg]);
      assert.deepEqual(errors(applyToSnapshot(plan, s)), []);
    });

    it('else reuses a group that admits 443 from the task group', () => {
      const s = withChanges(tutorialSnapshot(), { securityGroups: [...(tutorialSnapshot().securityGroups ?? []), aGroup('sg-0fromtask', 'from-task', [tcp(443, 443, { groupIds: [IDS.serviceSg] })])] });
      const plan = planFor(s);
      assert.ok(!plan.steps.some((x) => x.kind === 'createSecurityGroup'));
      const endpoint = plan.steps.find((x) => x.kind === 'createInterfaceEndpoint');
      assert.deepEqual(endpoint?.kind === 'createInterfaceEndpoint' && endpoint.securityGroupIds, ['sg-0fromtask']);
      assert.deepEqual(errors(applyToSnapshot(plan, s)), []);
    });

    it("uses ECS Studio's group when it exists, adding only the missing rule", () => {
      const s = withChanges(tutorialSnapshot(), { securityGroups: [...(tutorialSnapshot().securityGroups ?? []), aGroup(CREATED_SG_ID, ENDPOINT_SG_NAME, [])] });
      const plan = planFor(s);
      assert.deepEqual(plan.steps.slice(0, 2).map((x) => x.kind), ['authorizeIngress', 'createInterfaceEndpoint']);
      assert.deepEqual(errors(applyToSnapshot(plan, s)), []);
    });

    it('an endpoint whose group lacks 443 gets the rule on that group', () => {
      const s = replaceGroup(fixedTutorialSnapshot(), IDS.serviceSg, { ingress: [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] })] });
      const plan = planFor(s);
      assert.deepEqual(plan.steps, [
        { kind: 'authorizeIngress', groupId: IDS.serviceSg, protocol: 'tcp', port: 443, cidr: '10.0.0.0/16', description: 'HTTPS from the VPC to the endpoints' },
        { kind: 'forceNewDeployment', cluster: IDS.clusterArn, service: TUTORIAL.serviceName },
      ]);
      assert.deepEqual(errors(applyToSnapshot(plan, s)), []);
    });
  });

  describe('planning', () => {
    it('puts interface endpoints in one subnet per Availability Zone of the task subnets', () => {
      const s = withChanges(tutorialSnapshot(), { subnets: [...(tutorialSnapshot().subnets ?? []), aSubnet('subnet-0priv3a', '10.0.4.0/24', 'a')] });
      const three = withNetwork(s, { subnets: [IDS.privateA, 'subnet-0priv3a', IDS.privateC] });
      assert.deepEqual(subnetsOnePerZone(three), { subnetIds: [IDS.privateA, IDS.privateC], availabilityZones: ZONES });
    });

    it('a preflight (no service yet) has no deployment step', () => {
      const s = withChanges(tutorialSnapshot(), { service: undefined, stoppedTasks: [] });
      const plan = planFor(s);
      assert.ok(plan.steps.length > 0);
      assert.ok(!plan.steps.some((x) => x.kind === 'forceNewDeployment'));
    });

    it('orders DNS attributes first and the deployment last; one step per change across findings', () => {
      const s = tutorialSnapshot();
      const vpc = s.vpc;
      assert.ok(vpc);
      const plan = planFor(withChanges(s, { vpc: { ...vpc, dnsHostnames: false }, executionRole: { ...(s.executionRole as NonNullable<ServiceSnapshot['executionRole']>), attachedPolicyArns: [] } }));
      const kinds = plan.steps.map((x) => x.kind);
      assert.equal(kinds[0], 'modifyVpcAttribute');
      assert.equal(kinds[kinds.length - 1], 'forceNewDeployment');
      assert.ok(kinds.indexOf('attachRolePolicy') > kinds.indexOf('createLogGroup'));
      assert.equal(kinds.filter((k) => k === 'createSecurityGroup').length, 1);
      assert.equal(kinds.filter((k) => k === 'createInterfaceEndpoint').length, 3);
      const after = applyToSnapshot(plan, withChanges(s, { vpc: { ...vpc, dnsHostnames: false }, executionRole: { ...(s.executionRole as NonNullable<ServiceSnapshot['executionRole']>), attachedPolicyArns: [] } }));
      assert.deepEqual(errors(after), []);
      assert.deepEqual(planFor(after).steps, []);
    });

    it('public subnets without a public IP: the plan turns it on, then redeploys', () => {
      const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA, IDS.publicC] });
      const plan = planFixes(analyze(s).filter((f) => f.code === 'PUBLIC_SUBNET_NO_PUBLIC_IP'), s);
      assert.deepEqual(plan.steps.map((x) => x.kind), ['setAssignPublicIp', 'forceNewDeployment']);
      assert.equal(describeStep(plan.steps[0]), 'Update service demo-ecs-service to give its tasks a public IP (assignPublicIp ENABLED)');
      const after = applyToSnapshot(plan, s);
      assert.ok(!analyze(after).some((f) => f.code === 'PUBLIC_SUBNET_NO_PUBLIC_IP' || f.code === 'ENDPOINT_MISSING'));
    });

    it('private DNS, task egress and load balancer ingress fixes clear their findings', () => {
      const base = fixedTutorialSnapshot();
      const s = replaceGroup(
        withChanges(base, { endpoints: (base.endpoints ?? []).map((e) => (e.serviceName === svc('logs') ? anInterfaceEndpoint('logs', { privateDnsEnabled: false }) : e)) }),
        IDS.serviceSg,
        { ingress: [tcp(443, 443, { cidrs: ['10.0.0.0/16'] })], egress: [tcp(80, 80, { cidrs: ['0.0.0.0/0'] })] },
      );
      const plan = planFor(s);
      assert.deepEqual(plan.steps.map((x) => x.kind), ['authorizeIngress', 'authorizeEgress', 'enableEndpointPrivateDns', 'forceNewDeployment']);
      assert.deepEqual(describePlan(plan).slice(0, 3), [
        `1. Allow inbound TCP 8080 from ${IDS.albSg} on ${IDS.serviceSg}`,
        `2. Allow outbound TCP 443 to 0.0.0.0/0 on ${IDS.serviceSg}`,
        '3. Turn on private DNS for endpoint vpce-0logs (com.amazonaws.ap-northeast-2.logs)',
      ]);
      const after = applyToSnapshot(plan, s);
      assert.deepEqual(analyze(after), []);
      assert.deepEqual(planFor(after).steps, []);
    });

    it('describes every kind of step', () => {
      const steps: FixStep[] = [
        { kind: 'modifyVpcAttribute', vpcId: VPC_ID, attribute: 'enableDnsHostnames', value: true },
        { kind: 'modifyVpcAttribute', vpcId: VPC_ID, attribute: 'enableDnsSupport', value: true },
        { kind: 'attachRolePolicy', roleName: 'ecsTaskExecutionRole', policyArn: TUTORIAL.executionPolicyArn },
        { kind: 'createInterfaceEndpoint', serviceName: svc('ecr.dkr'), vpcId: VPC_ID, subnetIds: ['subnet-a', 'subnet-c'], availabilityZones: ZONES, securityGroupIds: ['sg-123'], privateDns: true },
      ];
      assert.deepEqual(steps.map(describeStep), [
        'Turn on DNS hostnames (enableDnsHostnames) on vpc-0tutorial',
        'Turn on DNS resolution (enableDnsSupport) on vpc-0tutorial',
        'Attach AmazonECSTaskExecutionRolePolicy to role ecsTaskExecutionRole',
        'Create interface endpoint com.amazonaws.ap-northeast-2.ecr.dkr in subnet-a (ap-northeast-2a), subnet-c (ap-northeast-2c) with security group sg-123, private DNS on',
      ]);
    });
  });
});
