// A fix plan in words, step by step: each kind of step the way the confirmation shows it (sources
// that are groups, planned resources, one or several route tables, partial health check changes,
// network ACL entries before a deny or the final one, grants gathered by action), and the menu
// summary with every kind of step once and twice. Each test builds its own steps.
import * as assert from 'node:assert/strict';
import { describePlan, describeStep, summarizePlan } from '../../../../src/doctor/planText';
import type { FixStep } from '../../../../src/doctor/types';

const VPC = 'vpc-0a';

function ingress(source: Partial<Extract<FixStep, { kind: 'authorizeIngress' }>>): FixStep {
  return { kind: 'authorizeIngress', groupId: 'sg-0svc', protocol: 'tcp', port: 8080, description: 'd', ...source };
}

function gateway(routeTableIds: string[], existingEndpointId?: string): FixStep {
  return { kind: 'createGatewayEndpoint', serviceName: 'com.amazonaws.r.s3', vpcId: VPC, routeTableIds, ...(existingEndpointId ? { existingEndpointId } : {}) };
}

function acl(fields: Partial<Extract<FixStep, { kind: 'createNetworkAclEntry' }>>): FixStep {
  return { kind: 'createNetworkAclEntry', aclId: 'acl-0a', ruleNumber: 90, egress: false, fromPort: 443, toPort: 443, cidr: '10.0.0.0/16', ...fields };
}

/** One step of every kind, the way a plan could hold it. */
function everyKind(): FixStep[] {
  return [
    { kind: 'modifyVpcAttribute', vpcId: VPC, attribute: 'enableDnsSupport', value: true },
    { kind: 'createSecurityGroup', produces: 'endpointSecurityGroup', vpcId: VPC, groupName: 'g', description: 'd' },
    ingress({ cidr: '10.0.0.0/16' }),
    { kind: 'authorizeEgress', groupId: 'sg-0svc', protocol: 'tcp', port: 443, cidr: '10.0.0.0/16', description: 'd' },
    { kind: 'createInterfaceEndpoint', serviceName: 'com.amazonaws.r.logs', vpcId: VPC, subnetIds: ['subnet-1'], availabilityZones: ['ra'], securityGroupIds: ['sg-1'], privateDns: true },
    { kind: 'enableEndpointPrivateDns', endpointId: 'vpce-1', serviceName: 'com.amazonaws.r.logs' },
    gateway(['rtb-1']),
    { kind: 'createLogGroup', logGroupName: '/ecs/x', region: 'r' },
    { kind: 'setAssignPublicIp', cluster: 'c', service: 's', subnets: [], securityGroups: [], assignPublicIp: 'ENABLED' },
    { kind: 'attachRolePolicy', roleName: 'role', policyArn: 'arn:aws:iam::aws:policy/service-role/P' },
    { kind: 'putRolePolicy', roleName: 'role', policyName: 'p', grants: [], document: '{}', update: false },
    { kind: 'modifyTargetGroupHealthCheck', targetGroupArn: 'arn:tg', targetGroupName: 'tg', healthCheckPort: 'traffic-port' },
    { kind: 'allocateElasticIp', vpcId: VPC, natSubnetId: 'subnet-0pub', name: 'n' },
    { kind: 'createNatGateway', vpcId: VPC, subnetId: 'subnet-0pub', availabilityZone: 'ra', name: 'n' },
    { kind: 'addNatRoute', vpcId: VPC, routeTableId: 'rtb-1', natSubnetId: 'subnet-0pub' },
    { kind: 'updateAssumeRolePolicy', roleName: 'role', document: '{}' },
    acl({}),
  ];
}

describe('doctor/planText: each step in words', () => {
  it('an inbound rule names its source: a CIDR, a group, or a group the plan creates', () => {
    assert.equal(describeStep(ingress({ cidr: '10.0.0.0/16' })), 'Allow inbound TCP 8080 from 10.0.0.0/16 on sg-0svc');
    assert.equal(describeStep(ingress({ sourceGroupId: 'sg-0alb' })), 'Allow inbound TCP 8080 from sg-0alb on sg-0svc');
    assert.equal(describeStep(ingress({ sourceGroupId: { ref: 'loadBalancerSecurityGroup' }, groupId: { ref: 'serviceSecurityGroup' } })),
      "Allow inbound TCP 8080 from the new load balancer's security group on the service's new security group");
    assert.equal(describeStep(ingress({ cidr: '10.0.0.0/16', groupId: { ref: 'endpointSecurityGroup' } })),
      'Allow inbound TCP 8080 from 10.0.0.0/16 on the new security group ecs-studio-endpoints-443');
  });

  it('an outbound rule names its CIDR and group', () => {
    assert.equal(describeStep({ kind: 'authorizeEgress', groupId: { ref: 'loadBalancerSecurityGroup' }, protocol: 'tcp', port: 8080, cidr: '10.0.0.0/16', description: 'd' }),
      "Allow outbound TCP 8080 to 10.0.0.0/16 on the new load balancer's security group");
  });

  it('an interface endpoint names its subnets with their zones and its groups, the plan\'s own group by its name', () => {
    const step: FixStep = {
      kind: 'createInterfaceEndpoint', serviceName: 'com.amazonaws.r.ecr.api', vpcId: VPC, subnetIds: ['subnet-1', 'subnet-2', 'subnet-3'],
      availabilityZones: ['ra', 'rc'], securityGroupIds: [{ ref: 'endpointSecurityGroup' }, 'sg-0x', { ref: 'serviceSecurityGroup' }], privateDns: true,
    };
    assert.equal(describeStep(step), 'Create interface endpoint com.amazonaws.r.ecr.api in subnet-1 (ra), subnet-2 (rc), subnet-3 ' +
      "with security group ecs-studio-endpoints-443, sg-0x, the service's new security group, private DNS on");
  });

  it('a gateway endpoint says table or tables, and whether it is created or associated', () => {
    assert.equal(describeStep(gateway(['rtb-1'])), 'Create gateway endpoint com.amazonaws.r.s3 in vpc-0a on route table rtb-1');
    assert.equal(describeStep(gateway(['rtb-1', 'rtb-2'])), 'Create gateway endpoint com.amazonaws.r.s3 in vpc-0a on route tables rtb-1, rtb-2');
    assert.equal(describeStep(gateway(['rtb-1'], 'vpce-0s3')),
      'Associate gateway endpoint vpce-0s3 (com.amazonaws.r.s3) with route table rtb-1 (ModifyVpcEndpoint; nothing created)');
    assert.equal(describeStep(gateway(['rtb-1', 'rtb-2'], 'vpce-0s3')),
      'Associate gateway endpoint vpce-0s3 (com.amazonaws.r.s3) with route tables rtb-1, rtb-2 (ModifyVpcEndpoint; nothing created)');
  });

  it('a health check change names only what changes', () => {
    const base = { kind: 'modifyTargetGroupHealthCheck', targetGroupArn: 'arn:tg', targetGroupName: 'tg' } as const;
    assert.equal(describeStep({ ...base, healthCheckProtocol: 'HTTPS' }), 'Change the health check of target group tg: protocol HTTPS (ModifyTargetGroup)');
    assert.equal(describeStep({ ...base, healthCheckPort: 'traffic-port', healthCheckProtocol: 'HTTP' }),
      'Change the health check of target group tg: port traffic-port (the port the tasks receive traffic on), protocol HTTP (ModifyTargetGroup)');
  });

  it('a network ACL entry: direction, one port or a range, before the denying rule or the final deny', () => {
    assert.equal(describeStep(acl({})),
      'Add entry 90 to network ACL acl-0a: allow inbound TCP 443 from 10.0.0.0/16, before the final deny (*); no other entry changed (CreateNetworkAclEntry)');
    assert.equal(describeStep(acl({ egress: true, fromPort: 1024, toPort: 65535, beforeRule: 100, cidr: '0.0.0.0/0' })),
      'Add entry 90 to network ACL acl-0a: allow outbound TCP 1024-65535 to 0.0.0.0/0, before rule 100 that denies it; no other entry changed (CreateNetworkAclEntry)');
    assert.equal(describeStep(acl({ beforeRule: 0 })),
      'Add entry 90 to network ACL acl-0a: allow inbound TCP 443 from 10.0.0.0/16, before rule 0 that denies it; no other entry changed (CreateNetworkAclEntry)');
  });

  it('an inline policy gathers the resources of each action, in the order the actions come', () => {
    const step: FixStep = {
      kind: 'putRolePolicy', roleName: 'role', policyName: 'ecs-studio', update: true, document: '{"Version":"2012-10-17"}',
      grants: [
        { action: 'secretsmanager:GetSecretValue', resource: 'arn:s1' },
        { action: 'kms:Decrypt', resource: 'arn:k1' },
        { action: 'secretsmanager:GetSecretValue', resource: 'arn:s2' },
      ],
    };
    assert.equal(describeStep(step),
      'Update inline policy ecs-studio on role role (its other statements kept), granting secretsmanager:GetSecretValue on arn:s1, arn:s2; kms:Decrypt on arn:k1');
    assert.equal(describeStep({ ...step, update: false, grants: [step.grants[1]] }), 'Add inline policy ecs-studio on role role, granting kms:Decrypt on arn:k1');
  });

  it('a plan numbers its steps and shows a policy document indented under its step, as it is when it is not JSON', () => {
    const put: FixStep = { kind: 'putRolePolicy', roleName: 'r', policyName: 'p', update: false, grants: [{ action: 'a:B', resource: '*' }], document: '{"Version":"2012-10-17"}' };
    const trust: FixStep = { kind: 'updateAssumeRolePolicy', roleName: 'r', document: 'not json' };
    assert.deepEqual(describePlan({ steps: [{ kind: 'createLogGroup', logGroupName: '/x', region: 'r' }, put, trust] }), [
      '1. Create CloudWatch log group /x in r',
      '2. Add inline policy p on role r, granting a:B on *',
      '   {',
      '     "Version": "2012-10-17"',
      '   }',
      '3. Update the trust policy of role r (its statements kept) with one statement letting ecs-tasks.amazonaws.com call sts:AssumeRole (UpdateAssumeRolePolicy)',
      '   not json',
    ]);
  });
});

describe('doctor/planText: the summary of a plan', () => {
  it('every kind of step once, grouped by verb in a fixed order', () => {
    assert.equal(summarizePlan({ steps: [...everyKind(), { kind: 'forceNewDeployment', cluster: 'c', service: 's' }] }), [
      'create 1 interface endpoint, 1 gateway endpoint, 1 security group, 1 log group, 1 NAT gateway',
      'add 1 inbound rule, 1 outbound rule, 1 route to the NAT gateway, 1 network ACL entry',
      'turn on 1 endpoint private DNS, 1 VPC DNS attribute, public IP for the tasks',
      'attach 1 role policy',
      'put 1 inline role policy',
      'change 1 target group health check',
      'allocate 1 Elastic IP',
      'update 1 role trust policy',
      'then redeploy',
    ].join('; '));
  });

  it('every kind of step twice, in the plural; the public IP is never counted', () => {
    const twice = everyKind().flatMap((s) => [s, s]);
    assert.equal(summarizePlan({ steps: twice }), [
      'create 2 interface endpoints, 2 gateway endpoints, 2 security groups, 2 log groups, 2 NAT gateways',
      'add 2 inbound rules, 2 outbound rules, 2 routes to the NAT gateway, 2 network ACL entries',
      'turn on 2 endpoint private DNS settings, 2 VPC DNS attributes, public IP for the tasks',
      'attach 2 role policies',
      'put 2 inline role policies',
      'change 2 target group health checks',
      'allocate 2 Elastic IPs',
      'update 2 role trust policies',
    ].join('; '));
  });
});
