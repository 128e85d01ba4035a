// Malformed answers from AWS (issue 14): what the SDK hands over may lack any field, and an enum
// may hold a value this build has never seen. The mappers to the model and the labels the views
// build from it never throw on such input: they show what they can.
import * as assert from 'node:assert/strict';
import type { Service as SdkService, Task as SdkTask } from '@aws-sdk/client-ecs';
import type { NetworkAcl as SdkNetworkAcl, RouteTable as SdkRouteTable, SecurityGroup as SdkSecurityGroup, Subnet as SdkSubnet, Vpc as SdkVpc, VpcEndpoint as SdkVpcEndpoint } from '@aws-sdk/client-ec2';
import fc from 'fast-check';
import { toNetworkAcl, toRouteTable, toSecurityGroup, toSubnet, toVpc, toVpcEndpoint } from '../../../src/aws/ec2Mapping';
import { toService, toTask } from '../../../src/aws/ecsMapping';
import { ago, containerDescription, firstLine, primaryDeployment, serviceCounts, serviceDescription, shortTaskId, stoppedTaskSummary } from '../../../src/model/labels';
import { endpointPlacement, endpointShortName, rulePeers, rulePortsLabel } from '../../../src/model/networkLabels';
import { classifySubnet } from '../../../src/model/subnetKind';

/**
 * Variants of a complete example: any key may be missing, any text may be another value (an
 * enum value this build does not know), any number another number, any list shorter or longer.
 */
function partialOf(example: unknown): fc.Arbitrary<unknown> {
  if (typeof example === 'string') return fc.oneof(fc.constant(example), fc.string({ maxLength: 20 }), fc.constantFrom('', 'UNKNOWN_TO_THIS_BUILD', 'arn:', '/'));
  if (typeof example === 'number') return fc.oneof(fc.constant(example), fc.integer(), fc.constantFrom(-1, 0, 65535, 2 ** 31));
  if (typeof example === 'boolean') return fc.boolean();
  if (example instanceof Date) return fc.oneof(fc.constant(example), fc.date({ noInvalidDate: false }));
  if (Array.isArray(example)) return example.length === 0 ? fc.constant([]) : fc.array(partialOf(example[0]), { maxLength: 3 });
  if (typeof example === 'object' && example !== null) {
    return fc.record(Object.fromEntries(Object.entries(example).map(([k, v]) => [k, partialOf(v)])), { requiredKeys: [] });
  }
  return fc.constant(example);
}

const ARN = 'arn:aws:ecs:ap-northeast-2:123456789012';
const SERVICE: SdkService = {
  serviceArn: `${ARN}:service/demo-ecs-cluster/demo-ecs-service`, serviceName: 'demo-ecs-service', clusterArn: `${ARN}:cluster/demo-ecs-cluster`,
  status: 'ACTIVE', desiredCount: 1, runningCount: 0, pendingCount: 0, launchType: 'FARGATE', platformVersion: 'LATEST',
  capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }], taskDefinition: `${ARN}:task-definition/demo-ecs-task:1`,
  deployments: [{ id: 'ecs-svc/1', status: 'PRIMARY', taskDefinition: `${ARN}:task-definition/demo-ecs-task:1`, desiredCount: 1, runningCount: 0, pendingCount: 0, failedTasks: 2, rolloutState: 'IN_PROGRESS', rolloutStateReason: 'ECS deployment in progress', createdAt: new Date(0), updatedAt: new Date(0) }],
  events: [{ id: 'e1', createdAt: new Date(0), message: '(service demo-ecs-service) was unable to place a task.' }],
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a'], securityGroups: ['sg-0a'], assignPublicIp: 'DISABLED' } },
  loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/tg/0123', containerName: 'web', containerPort: 8080 }],
  enableExecuteCommand: false, healthCheckGracePeriodSeconds: 60, createdAt: new Date(0),
};
const TASK: SdkTask = {
  taskArn: `${ARN}:task/demo-ecs-cluster/0123456789abcdef0123456789abcdef`, clusterArn: `${ARN}:cluster/demo-ecs-cluster`, taskDefinitionArn: `${ARN}:task-definition/demo-ecs-task:1`,
  group: 'service:demo-ecs-service', startedBy: 'ecs-svc/1', lastStatus: 'STOPPED', desiredStatus: 'STOPPED', healthStatus: 'UNKNOWN', launchType: 'FARGATE',
  platformVersion: '1.4.0', availabilityZone: 'ap-northeast-2a', cpu: '1024', memory: '3072', stopCode: 'TaskFailedToStart',
  stoppedReason: 'ResourceInitializationError: unable to pull secrets or registry auth: ... i/o timeout', createdAt: new Date(0), startedAt: new Date(0), stoppingAt: new Date(0), stoppedAt: new Date(0),
  containers: [{ name: 'web', image: 'nginx:1.27', lastStatus: 'STOPPED', exitCode: 1, reason: 'CannotPullContainerError', healthStatus: 'UNHEALTHY', runtimeId: 'abc' }],
  attachments: [{ type: 'ElasticNetworkInterface', details: [{ name: 'subnetId', value: 'subnet-0a' }, { name: 'privateIPv4Address', value: '10.0.2.10' }] }],
};
const VPC: SdkVpc = { VpcId: 'vpc-0a', CidrBlock: '10.0.0.0/16', State: 'available', IsDefault: false, Tags: [{ Key: 'Name', Value: 'demo' }], CidrBlockAssociationSet: [{ CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } }] };
const SUBNET: SdkSubnet = { SubnetId: 'subnet-0a', VpcId: 'vpc-0a', AvailabilityZone: 'ap-northeast-2a', AvailabilityZoneId: 'apne2-az1', CidrBlock: '10.0.2.0/24', MapPublicIpOnLaunch: false, DefaultForAz: false, AvailableIpAddressCount: 250, State: 'available', Tags: [{ Key: 'Name', Value: 'private' }] };
const ROUTE_TABLE: SdkRouteTable = {
  RouteTableId: 'rtb-0a', VpcId: 'vpc-0a', Tags: [{ Key: 'Name', Value: 'private' }],
  Associations: [{ Main: false, SubnetId: 'subnet-0a', RouteTableId: 'rtb-0a', AssociationState: { State: 'associated' } }],
  Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' }, { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0a', State: 'blackhole' }, { DestinationPrefixListId: 'pl-0a', GatewayId: 'vpce-0a', State: 'active' }],
};
const ENDPOINT: SdkVpcEndpoint = { VpcEndpointId: 'vpce-0a', VpcEndpointType: 'Interface', VpcId: 'vpc-0a', ServiceName: 'com.amazonaws.ap-northeast-2.ecr.api', State: 'Available', PrivateDnsEnabled: true, SubnetIds: ['subnet-0a'], RouteTableIds: ['rtb-0a'], Groups: [{ GroupId: 'sg-0a', GroupName: 'endpoints' }], PolicyDocument: '{}', Tags: [] };
const GROUP: SdkSecurityGroup = {
  GroupId: 'sg-0a', GroupName: 'demo', Description: 'demo', VpcId: 'vpc-0a',
  IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.0.0.0/16' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }], UserIdGroupPairs: [{ GroupId: 'sg-0b' }], PrefixListIds: [{ PrefixListId: 'pl-0a' }] }],
  IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
};
const ACL: SdkNetworkAcl = { NetworkAclId: 'acl-0a', VpcId: 'vpc-0a', IsDefault: true, Associations: [{ SubnetId: 'subnet-0a', NetworkAclId: 'acl-0a' }], Entries: [{ RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 443, To: 443 } }], Tags: [] };

const RUNS = 1000;

describe('fuzz: malformed answers from AWS', () => {
  it(`services and their labels: missing fields, unknown enum values (${RUNS} cases)`, () => {
    fc.assert(fc.property(partialOf(SERVICE), (raw) => {
      const service = toService(raw as SdkService);
      assert.equal(typeof service.name, 'string');
      assert.equal(typeof serviceDescription(service), 'string');
      assert.match(serviceCounts(service), /\d/);
      primaryDeployment(service);
      for (const event of service.events) firstLine(event.message);
    }), { numRuns: RUNS });
  });

  it(`tasks, their containers and labels (${RUNS} cases)`, () => {
    fc.assert(fc.property(partialOf(TASK), (raw) => {
      const task = toTask(raw as SdkTask);
      assert.equal(typeof task.id, 'string');
      assert.equal(typeof stoppedTaskSummary(task), 'string');
      assert.equal(typeof shortTaskId(task.id), 'string');
      for (const c of task.containers) assert.equal(typeof containerDescription(c), 'string');
      for (const date of [task.createdAt, task.stoppedAt]) ago(date, new Date(0));
    }), { numRuns: RUNS });
  });

  it(`the network: VPCs, subnets and their kind, route tables, endpoints, groups, ACLs (${RUNS} cases)`, () => {
    const world = fc.record({
      vpc: partialOf(VPC), subnets: fc.array(partialOf(SUBNET), { maxLength: 3 }), tables: fc.array(partialOf(ROUTE_TABLE), { maxLength: 3 }),
      endpoint: partialOf(ENDPOINT), group: partialOf(GROUP), acl: partialOf(ACL),
    });
    fc.assert(fc.property(world, (w) => {
      toVpc(w.vpc as SdkVpc);
      toNetworkAcl(w.acl as SdkNetworkAcl);
      const tables = (w.tables as SdkRouteTable[]).map(toRouteTable);
      for (const subnet of (w.subnets as SdkSubnet[]).map(toSubnet)) {
        const kind = classifySubnet(subnet, tables);
        assert.equal(typeof kind.kind, 'string');
      }
      const endpoint = toVpcEndpoint(w.endpoint as SdkVpcEndpoint);
      endpointPlacement(endpoint);
      assert.equal(typeof endpointShortName(endpoint.serviceName), 'string');
      const group = toSecurityGroup(w.group as SdkSecurityGroup);
      for (const rule of [...group.ingress, ...group.egress]) {
        rulePortsLabel(rule);
        assert.ok(Array.isArray(rulePeers(rule)));
      }
    }), { numRuns: RUNS });
  });
});
