// The preflight of a service not made yet, on built snapshots of the tutorial's world: what the
// service form shows while choices are made, each item with its field and its one remedy.
import * as assert from 'node:assert/strict';
import { plannedId, withPlannedResources, type PlannedResources } from '../../../src/doctor/planned';
import { preflight, preflightField, preflightPlan, type Preflight, type PreflightItem } from '../../../src/doctor/preflight';
import { TUTORIAL } from '../../support/tutorialWorld';
import {
  aWiring, fixedTutorialSnapshot, IDS, replaceGroup, svc, tcp, tutorialSnapshot, VPC_ID, withContainer, withNetwork,
  beforeCreation, natWorld,
} from './snapshotBuilder';

const PORT = TUTORIAL.containerPort;



function item(p: Preflight, id: string): PreflightItem {
  const found = p.items.find((i) => i.id === id);
  assert.ok(found, `no item ${id} among ${p.items.map((i) => i.id).join(', ')}`);
  return found;
}

function ids(p: Preflight, severity = 'error'): string[] {
  return p.items.filter((i) => i.severity === severity).map((i) => i.id).sort();
}

const NEW_ALB: PlannedResources = {
  loadBalancer: { name: 'demo-alb', subnetIds: [IDS.publicA, IDS.publicC], securityGroup: { name: 'demo-alb-sg', ingress: [{ port: 80, cidr: '0.0.0.0/0' }] } },
  targetGroup: { name: 'demo-tg', port: PORT, healthCheckPath: '/', listenerPort: 80 },
};

describe('doctor/preflight', () => {
  it("flags the tutorial's private subnets before creation: ECR, S3 layers and CloudWatch Logs, the 443 rule, the log group", () => {
    const p = preflight(beforeCreation());
    assert.deepEqual(ids(p), [
      `ENDPOINT_MISSING:${svc('ecr.api')}`,
      `ENDPOINT_MISSING:${svc('ecr.dkr')}`,
      `ENDPOINT_MISSING:${svc('logs')}`,
      `ENDPOINT_SG_BLOCKS_443:${VPC_ID}`,
      `LOG_GROUP_MISSING:${REGION()}:${TUTORIAL.logGroupName}`,
      `S3_GATEWAY_ENDPOINT_MISSING:${VPC_ID}`,
    ].sort());
    const ecr = item(p, `ENDPOINT_MISSING:${svc('ecr.api')}`);
    assert.equal(ecr.field, 'networking.subnetIds');
    assert.ok(ecr.detail.some((d) => d.includes(IDS.privateA) && d.includes('routes 0.0.0.0/0 nowhere')), ecr.detail.join('\n'));
    assert.equal(ecr.formChange, undefined);
    assert.deepEqual(ecr.fix?.plan.steps.map((s) => s.kind), ['createSecurityGroup', 'authorizeIngress', 'createInterfaceEndpoint']);
    assert.ok(ecr.fix?.lines.some((l) => l.includes(`Create interface endpoint ${svc('ecr.api')}`)), ecr.fix?.lines.join('\n'));
    assert.equal(item(p, `S3_GATEWAY_ENDPOINT_MISSING:${VPC_ID}`).fix?.plan.steps[0]?.kind, 'createGatewayEndpoint');
    assert.equal(item(p, `ENDPOINT_SG_BLOCKS_443:${VPC_ID}`).field, 'networking.securityGroups');
    assert.equal(item(p, `LOG_GROUP_MISSING:${REGION()}:${TUTORIAL.logGroupName}`).field, 'taskDefinition');
    // Nothing to redeploy: the service does not exist yet.
    assert.ok(p.items.every((i) => !i.fix?.plan.steps.some((s) => s.kind === 'forceNewDeployment' || s.kind === 'setAssignPublicIp')));
  });

  it('ids are stable across runs, and the checked items make ONE plan (the endpoints group once)', () => {
    const first = preflight(beforeCreation());
    assert.deepEqual(preflight(beforeCreation()).items.map((i) => i.id), first.items.map((i) => i.id));
    const chosen = [`ENDPOINT_MISSING:${svc('ecr.api')}`, `ENDPOINT_MISSING:${svc('ecr.dkr')}`, `ENDPOINT_SG_BLOCKS_443:${VPC_ID}`];
    const plan = preflightPlan(first, chosen);
    assert.deepEqual(plan.steps.map((s) => s.kind), ['createSecurityGroup', 'authorizeIngress', 'createInterfaceEndpoint', 'createInterfaceEndpoint']);
    assert.deepEqual(preflightPlan(first, []).steps, []);
  });

  it('a subnet with a NAT gateway is clean', () => {
    const p = preflight(natWorld());
    assert.deepEqual(p.items.map((i) => i.id), []);
  });

  it('public subnets without a public IP: one item, whose one remedy is the public IP switch (nothing created), the endpoints only named as the costlier alternative', () => {
    const p = preflight(withNetwork(natWorld(), { subnets: [IDS.publicA, IDS.publicC], assignPublicIp: 'DISABLED' }));
    assert.deepEqual(ids(p), ['PUBLIC_SUBNET_NO_PUBLIC_IP:demo-ecs-task'.replace('demo-ecs-task', TUTORIAL.taskFamily)]);
    const [only] = p.items;
    assert.equal(only.field, 'networking.assignPublicIp');
    assert.deepEqual({ field: only.formChange?.field, value: only.formChange?.value }, { field: 'networking.assignPublicIp', value: true });
    assert.equal(only.fix, undefined, 'no AWS change: the form switch is the remedy');
    assert.ok(only.covers?.includes(`ENDPOINT_MISSING:${svc('ecr.api')}`), String(only.covers));
    assert.ok(only.covers?.includes(`S3_GATEWAY_ENDPOINT_MISSING:${VPC_ID}`), String(only.covers));
    assert.ok(p.items.every((i) => !i.fix?.plan.steps.some((s) => s.kind === 'createInterfaceEndpoint')), 'no second remedy offered');
    assert.match(only.alternatives?.[0] ?? '', /^create the VPC endpoints: Create interface endpoints .*ecr\.api.* Running cost: ~\$43\.80\/month \+ \$0\.01\/GB: 3 interface endpoints × 2 AZs/);
    assert.match(only.formChange?.text ?? '', /it costs ~\$3\.65\/month per task/);
    // With the switch on, nothing is left.
    assert.deepEqual(preflight(withNetwork(natWorld(), { subnets: [IDS.publicA, IDS.publicC], assignPublicIp: 'ENABLED' })).items.map((i) => i.id), []);
  });

  it('isolated subnets of a VPC with a public subnet: each endpoint item fixes with its endpoint and names the NAT gateway as the other way, with its cost', () => {
    const p = preflight(beforeCreation());
    const ecr = item(p, `ENDPOINT_MISSING:${svc('ecr.api')}`);
    assert.deepEqual(ecr.fix?.plan.steps.map((x) => x.kind).filter((k) => k === 'createInterfaceEndpoint'), ['createInterfaceEndpoint']);
    assert.ok(p.items.every((i) => !i.fix?.plan.steps.some((x) => x.kind === 'createNatGateway')), 'the NAT gateway is named, never planned');
    assert.equal(ecr.alternatives?.length, 1);
    assert.match(ecr.alternatives?.[0] ?? '', /^route the task subnets through a NAT gateway: Allocate an Elastic IP, create one NAT gateway in public subnet subnet-0pub1a .* Running cost: ~\$36\.50\/month \+ \$0\.045\/GB/);
  });

  it("a planned new group with the load balancer's port is clean: no blocked port, no 443 egress issue", () => {
    const s = withPlannedResources(withNetwork(natWorld(), { securityGroups: [] }), {
      serviceSecurityGroup: { name: 'demo-ecs-service-sg', ingress: [{ port: PORT, sourceGroupId: IDS.albSg }] },
    });
    assert.deepEqual(s.launch.awsvpcConfiguration.securityGroups, [plannedId('serviceSecurityGroup')]);
    assert.deepEqual(preflight(s).items.map((i) => i.id), []);
  });

  it('a planned new group behind a planned new ALB, target group and listener is clean in the fixed tutorial world', () => {
    const base = beforeCreation(fixedTutorialSnapshot());
    const s = withPlannedResources(
      { ...withNetwork(base, { securityGroups: [IDS.serviceSg] }), launch: { ...base.launch, loadBalancers: [{ containerName: TUTORIAL.containerName, containerPort: PORT }] }, loadBalancing: [] },
      { ...NEW_ALB, serviceSecurityGroup: { name: 'demo-sg', ingress: [{ port: PORT, sourceGroupId: plannedId('loadBalancerSecurityGroup') }] } },
    );
    assert.equal(s.launch.loadBalancers?.[0]?.targetGroupArn, plannedId('targetGroup'));
    assert.deepEqual(preflight(s).items.map((i) => i.id), []);
  });

  it('a planned new group without the port from the load balancer: a form change, not an AWS fix', () => {
    const s = withPlannedResources(withNetwork(natWorld(), { securityGroups: [] }), {
      serviceSecurityGroup: { name: 'demo-ecs-service-sg', ingress: [{ port: PORT, cidr: '192.168.0.0/16' }] },
    });
    const p = preflight(s);
    const blocked = item(p, `SERVICE_SG_BLOCKS_LB:${plannedId('serviceSecurityGroup')}:${PORT}`);
    assert.equal(blocked.fix, undefined);
    assert.deepEqual({ field: blocked.formChange?.field, value: blocked.formChange?.value }, { field: 'networking.newSecurityGroup.inboundFrom', value: 'loadBalancer' });
    assert.ok(blocked.detail[0]?.includes('demo-ecs-service-sg (new)'), blocked.detail[0]);
    assert.ok(!blocked.detail.join(' ').includes('planned:'), 'placeholders are worded');
  });

  it("an existing task group without the port from the ALB's group: the fix opens it from that group", () => {
    const p = preflight(replaceGroup(natWorld(), IDS.serviceSg, { ingress: [tcp(443, 443, { cidrs: [TUTORIAL.vpcCidr] })] }));
    const blocked = item(p, `SERVICE_SG_BLOCKS_LB:${IDS.serviceSg}:${PORT}`);
    assert.equal(blocked.field, 'networking.securityGroups');
    assert.equal(blocked.formChange, undefined);
    assert.deepEqual(blocked.fix?.plan.steps, [{
      kind: 'authorizeIngress', groupId: IDS.serviceSg, protocol: 'tcp', port: PORT, sourceGroupId: IDS.albSg, description: 'The load balancer to the container port',
    }]);
  });

  it("an existing task group behind a planned ALB: the fix names the new ALB's group as a reference the creation fills in", () => {
    const base = replaceGroup(natWorld(), IDS.serviceSg, { ingress: [] });
    const s = withPlannedResources({ ...base, launch: { ...base.launch, loadBalancers: [{ containerName: TUTORIAL.containerName, containerPort: PORT }] }, loadBalancing: [] }, NEW_ALB);
    const blocked = item(preflight(s), `SERVICE_SG_BLOCKS_LB:${IDS.serviceSg}:${PORT}`);
    assert.deepEqual(blocked.fix?.plan.steps[0], {
      kind: 'authorizeIngress', groupId: IDS.serviceSg, protocol: 'tcp', port: PORT, sourceGroupId: { ref: 'loadBalancerSecurityGroup' },
      description: 'The load balancer to the container port',
    });
    assert.match(blocked.fix?.lines[0] ?? '', /from the new load balancer's security group on sg-0service/);
  });

  it('an instance target group and a container port the task definition lacks are flagged with their reasons', () => {
    const s = natWorld();
    const wrongType = preflight({ ...s, loadBalancing: (s.loadBalancing ?? []).map((w) => ({ ...w, targetGroup: { ...w.targetGroup, targetType: 'instance' } })) });
    const notIp = item(wrongType, `TARGET_GROUP_NOT_IP:${IDS.targetGroupArn}`);
    assert.equal(notIp.field, 'loadBalancing');
    assert.match(notIp.detail[0] ?? '', /target type instance.*must be ip/);

    const noPort = preflight(withContainer(s, { portMappings: [{ containerPort: 80, protocol: 'tcp' }] }));
    const mismatch = item(noPort, `CONTAINER_PORT_MISMATCH:${IDS.targetGroupArn}:${TUTORIAL.containerName}`);
    assert.equal(mismatch.field, 'containerPort');
    assert.match(mismatch.detail[0] ?? '', new RegExp(`${TUTORIAL.containerName}:${PORT}, but ${TUTORIAL.containerName} maps only 80`));
  });

  it('a planned target group no listener forwards to is flagged', () => {
    const s = natWorld();
    const alb = aWiring().loadBalancers[0];
    const launch = { ...s.launch, loadBalancers: [{ containerName: TUTORIAL.containerName, containerPort: PORT }] };
    const planned = { targetGroup: { name: 'demo-tg', port: PORT, healthCheckPath: '/', loadBalancerArn: IDS.albArn } };
    const none = item(preflight(withPlannedResources({ ...s, launch }, planned, alb)), `TARGET_GROUP_NO_LISTENER:${plannedId('targetGroup')}`);
    assert.equal(none.field, 'loadBalancing');
    assert.match(none.detail[0] ?? '', /Target group demo-tg is attached to no load balancer/);
    // With a new listener on the existing ALB it is wired; an ALB that was not read stays "not checked", never "no listener".
    const wired = preflight(withPlannedResources({ ...s, launch }, { targetGroup: { ...planned.targetGroup, listenerPort: 8081 } }, alb));
    assert.deepEqual(wired.items.map((i) => i.id), []);
    const unread = preflight(withPlannedResources({ ...s, launch }, planned));
    assert.deepEqual(unread.items.map((i) => i.code), ['COULD_NOT_CHECK']);
  });

  it("a load balancer group that cannot send to the tasks' port is flagged on the load balancing part", () => {
    const p = preflight(replaceGroup(natWorld(), IDS.albSg, { egress: [tcp(80, 80, { cidrs: ['0.0.0.0/0'] })] }));
    const blocked = item(p, `LB_SG_BLOCKS_TASKS:${IDS.albArn}:${PORT}`);
    assert.equal(blocked.field, 'loadBalancing');
    assert.deepEqual(blocked.fix?.plan.steps.map((s) => `${s.kind} ${'port' in s ? s.port : ''}`), [`authorizeEgress ${PORT}`]);
  });

  it("the task definition's other needs: an SSM secret's endpoint, the image's architecture, the execution role's policy", () => {
    const secret = withContainer(beforeCreation(), { secrets: [{ name: 'DB_PASSWORD', valueFrom: `arn:aws:ssm:${REGION()}:123456789012:parameter/db` }] });
    const ssm = item(preflight(secret), `ENDPOINT_MISSING:${svc('ssm')}`);
    assert.equal(ssm.field, 'networking.subnetIds');
    assert.ok(ssm.detail.some((d) => d.includes('reads secret DB_PASSWORD')), ssm.detail.join('\n'));

    const x86 = preflight({ ...natWorld(), taskDefinition: { ...natWorld().taskDefinition, runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' } } });
    const arch = x86.items.find((i) => i.code === 'IMAGE_PLATFORM_MISMATCH');
    assert.equal(arch?.field, 'taskDefinition');
    assert.equal(arch?.severity, 'error');

    const role = natWorld().executionRole;
    assert.ok(role);
    const bare = preflight({ ...natWorld(), executionRole: { ...role, attachedPolicyArns: [] } });
    const policy = bare.items.find((i) => i.code === 'EXECUTION_ROLE_MISSING_POLICY');
    assert.equal(policy?.field, 'taskDefinition');
    assert.deepEqual(policy?.fix?.plan.steps.map((s) => s.kind), ['attachRolePolicy']);
  });

  it('fields: ECS Exec endpoint, gaps and the rest', () => {
    assert.equal(preflightField({ code: 'ENDPOINT_MISSING', resource: svc('ssmmessages') }), 'enableExecuteCommand');
    assert.equal(preflightField({ code: 'COULD_NOT_CHECK', resource: 'securityGroups:vpc-1' }), 'networking.securityGroups');
    assert.equal(preflightField({ code: 'COULD_NOT_CHECK', resource: 'routeTables:vpc-1' }), 'networking.subnetIds');
    assert.equal(preflightField({ code: 'IMAGE_PLATFORM_MISMATCH', resource: IDS.image }), 'taskDefinition');
  });
});

function REGION(): string {
  return tutorialSnapshot().region;
}
