// Snapshot builders for the analyzer and fix plan tests: the tutorial's world
// (/work/shared/design/tutorial-world.md, the same names and values test/support/tutorialWorld.ts
// seeds into moto) is the default, broken as the tutorial found it; `fixedTutorialSnapshot` is its
// end state. A test changes only the part it is about, with the small builders below.
import { classify } from '../../../src/doctor/classify';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import type {
  LoadBalancerWiring,
  NetworkAcl,
  NetworkAclEntry,
  Route,
  RouteTable,
  SecurityGroup,
  SecurityGroupRule,
  Subnet,
  VpcEndpoint,
} from '../../../src/model/network';
import { routeTargetKind } from '../../../src/model/network';
import { TUTORIAL, TUTORIAL_STOP_REASONS } from '../../support/tutorialWorld';

export const REGION = TUTORIAL.region;
export const ACCOUNT = '123456789012';
export const VPC_ID = 'vpc-0tutorial';
export const IDS = {
  publicA: 'subnet-0pub1a',
  publicC: 'subnet-0pub2c',
  privateA: 'subnet-0priv1a',
  privateC: 'subnet-0priv2c',
  mainTable: 'rtb-0main',
  publicTable: 'rtb-0public',
  privateTable: 'rtb-0private',
  igw: 'igw-0tutorial',
  defaultAcl: 'acl-0default',
  defaultSg: 'sg-0default',
  albSg: 'sg-0alb',
  serviceSg: 'sg-0service',
  albArn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/${TUTORIAL.albName}/50dc6c495c0c9188`,
  listenerArn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/${TUTORIAL.albName}/50dc6c495c0c9188/f2f7dc8efc522ab2`,
  targetGroupArn: `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/${TUTORIAL.targetGroupName}/73e2d6bc24d8a067`,
  roleArn: `arn:aws:iam::${ACCOUNT}:role/${TUTORIAL.executionRoleName}`,
  image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${TUTORIAL.repositoryName}:${TUTORIAL.imageTag}`,
  clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${TUTORIAL.clusterName}`,
  serviceArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}`,
} as const;

export function svc(name: string): string {
  return `com.amazonaws.${REGION}.${name}`;
}

// ---- small builders -----------------------------------------------------------------------------

export function aSubnet(id: string, cidrBlock: string, az: string, fields: Partial<Subnet> = {}): Subnet {
  return {
    id, vpcId: VPC_ID, cidrBlock, ipv6CidrBlocks: [], availabilityZone: `${REGION}${az}`, availabilityZoneId: `apne2-az${az === 'a' ? 1 : 3}`,
    name: undefined, mapPublicIpOnLaunch: false, availableIpAddressCount: 250, defaultForAz: false, state: 'available', ...fields,
  };
}

export function aRoute(destination: string, target: string, state = 'active'): Route {
  const destinationKind = destination.startsWith('pl-') ? 'prefix-list' : destination.includes(':') ? 'ipv6' : 'ipv4';
  return { destination, destinationKind, target, targetKind: routeTargetKind(target), state };
}

export function aRouteTable(id: string, fields: Partial<RouteTable> = {}): RouteTable {
  return { id, vpcId: VPC_ID, main: false, subnetIds: [], routes: [aRoute(TUTORIAL.vpcCidr, 'local')], name: undefined, ...fields };
}

export function tcp(from: number, to: number, source: Partial<Pick<SecurityGroupRule, 'cidrs' | 'groupIds' | 'prefixListIds'>>): SecurityGroupRule {
  return { protocol: 'tcp', fromPort: from, toPort: to, cidrs: [], ipv6Cidrs: [], groupIds: [], prefixListIds: [], ...source };
}

export const ALL_EGRESS: SecurityGroupRule = { protocol: '-1', fromPort: 0, toPort: 65535, cidrs: ['0.0.0.0/0'], ipv6Cidrs: [], groupIds: [], prefixListIds: [] };

export function aGroup(id: string, name: string, ingress: SecurityGroupRule[], egress: SecurityGroupRule[] = [ALL_EGRESS]): SecurityGroup {
  return { id, name, vpcId: VPC_ID, description: name, ingress, egress };
}

export function aclEntry(ruleNumber: number, egress: boolean, action: 'allow' | 'deny', cidr: string, protocol = '-1', fromPort = 0, toPort = 65535): NetworkAclEntry {
  return { ruleNumber, egress, protocol, action, cidr, ipv6Cidr: undefined, fromPort, toPort };
}

/** The VPC's default ACL: allow all both ways, then the final deny. */
export function defaultAcl(subnetIds: string[] = []): NetworkAcl {
  return {
    id: IDS.defaultAcl, vpcId: VPC_ID, isDefault: true, subnetIds, name: undefined,
    entries: [
      aclEntry(100, false, 'allow', '0.0.0.0/0'), aclEntry(32767, false, 'deny', '0.0.0.0/0'),
      aclEntry(100, true, 'allow', '0.0.0.0/0'), aclEntry(32767, true, 'deny', '0.0.0.0/0'),
    ],
  };
}

export function anInterfaceEndpoint(name: string, fields: Partial<VpcEndpoint> = {}): VpcEndpoint {
  return {
    id: `vpce-0${name.replace('.', '')}`, vpcId: VPC_ID, serviceName: svc(name), type: 'Interface', state: 'available', privateDnsEnabled: true,
    subnetIds: [IDS.privateA, IDS.privateC], securityGroupIds: [IDS.serviceSg], routeTableIds: [], name: undefined, ...fields,
  };
}

export function anS3GatewayEndpoint(fields: Partial<VpcEndpoint> = {}): VpcEndpoint {
  return {
    id: 'vpce-0s3', vpcId: VPC_ID, serviceName: svc('s3'), type: 'Gateway', state: 'available', privateDnsEnabled: false,
    subnetIds: [], securityGroupIds: [], routeTableIds: [IDS.privateTable], name: undefined, ...fields,
  };
}

export function aWiring(fields: { targetGroup?: Partial<LoadBalancerWiring['targetGroup']>; noListener?: boolean; noLoadBalancer?: boolean } = {}): LoadBalancerWiring {
  const loadBalancer = {
    arn: IDS.albArn, name: TUTORIAL.albName, type: 'application', scheme: 'internet-facing', vpcId: VPC_ID, state: 'active', stateReason: undefined,
    dnsName: `${TUTORIAL.albName}-1234567890.${REGION}.elb.amazonaws.com`, securityGroupIds: [IDS.albSg],
    availabilityZones: [{ zoneName: `${REGION}a`, subnetId: IDS.publicA }, { zoneName: `${REGION}c`, subnetId: IDS.publicC }],
    subnetIds: [IDS.publicA, IDS.publicC], ipAddressType: 'ipv4',
  };
  const targetGroup = {
    arn: IDS.targetGroupArn, name: TUTORIAL.targetGroupName, protocol: 'HTTP', port: TUTORIAL.containerPort, targetType: 'ip', vpcId: VPC_ID,
    healthCheckEnabled: true, healthCheckProtocol: 'HTTP', healthCheckPath: '/', healthCheckPort: 'traffic-port', healthCheckMatcher: '200',
    healthCheckIntervalSeconds: 30, healthCheckTimeoutSeconds: 5, healthyThresholdCount: 5, unhealthyThresholdCount: 2,
    loadBalancerArns: fields.noLoadBalancer ? [] : [IDS.albArn], ...fields.targetGroup,
  };
  const listener = {
    arn: IDS.listenerArn, loadBalancerArn: IDS.albArn, port: 80, protocol: 'HTTP',
    defaultActions: [{ type: 'forward', order: 1, targetGroupArns: [IDS.targetGroupArn] }],
  };
  return {
    targetGroup,
    loadBalancers: fields.noLoadBalancer ? [] : [loadBalancer],
    forwards: fields.noListener || fields.noLoadBalancer ? [] : [{ listener, byDefaultAction: true, rules: [] }],
  };
}

const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: '', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** The trust policy as AWS's GetRole returns it (moto returns it plain). */
export const TRUST_URL_ENCODED = encodeURIComponent(TRUST);

// ---- the tutorial -------------------------------------------------------------------------------

/** The tutorial's world as it was when the first task failed: the default snapshot of these tests. */
export function tutorialSnapshot(): ServiceSnapshot {
  return {
    region: REGION,
    accountId: ACCOUNT,
    service: { name: TUTORIAL.serviceName, arn: IDS.serviceArn, clusterArn: IDS.clusterArn },
    taskDefinition: {
      arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/${TUTORIAL.taskFamily}:1`,
      family: TUTORIAL.taskFamily,
      revision: 1,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
      cpu: '1024',
      memory: '3072',
      executionRoleArn: IDS.roleArn,
      containers: [{
        name: TUTORIAL.containerName,
        image: IDS.image,
        essential: true,
        portMappings: [{ containerPort: TUTORIAL.containerPort, protocol: 'tcp' }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': TUTORIAL.logGroupName,
            'awslogs-create-group': 'true',
            'awslogs-region': REGION,
            'awslogs-stream-prefix': 'ecs',
          },
        },
      }],
    },
    launch: {
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      awsvpcConfiguration: { subnets: [IDS.privateA, IDS.privateC], securityGroups: [IDS.serviceSg], assignPublicIp: 'DISABLED' },
      loadBalancers: [{ targetGroupArn: IDS.targetGroupArn, containerName: TUTORIAL.containerName, containerPort: TUTORIAL.containerPort }],
      enableExecuteCommand: false,
    },
    vpc: {
      id: VPC_ID, cidrBlock: TUTORIAL.vpcCidr, cidrBlocks: [TUTORIAL.vpcCidr], ipv6CidrBlocks: [], isDefault: false, state: 'available',
      name: TUTORIAL.vpcName, dnsSupport: true, dnsHostnames: true,
    },
    subnets: [
      aSubnet(IDS.publicA, '10.0.0.0/24', 'a'),
      aSubnet(IDS.publicC, '10.0.1.0/24', 'c'),
      aSubnet(IDS.privateA, '10.0.2.0/24', 'a'),
      aSubnet(IDS.privateC, '10.0.3.0/24', 'c'),
    ],
    routeTables: [
      aRouteTable(IDS.mainTable, { main: true }),
      aRouteTable(IDS.publicTable, { subnetIds: [IDS.publicA, IDS.publicC], routes: [aRoute(TUTORIAL.vpcCidr, 'local'), aRoute('0.0.0.0/0', IDS.igw)] }),
      aRouteTable(IDS.privateTable, { subnetIds: [IDS.privateA, IDS.privateC] }),
    ],
    endpoints: [],
    securityGroups: [
      aGroup(IDS.defaultSg, 'default', [{ ...ALL_EGRESS, cidrs: [], groupIds: [IDS.defaultSg] }]),
      aGroup(IDS.albSg, TUTORIAL.albSgName, [tcp(80, 80, { cidrs: [TUTORIAL.authorCidr] })]),
      aGroup(IDS.serviceSg, TUTORIAL.serviceSgName, [tcp(TUTORIAL.containerPort, TUTORIAL.containerPort, { cidrs: [TUTORIAL.vpcCidr] })]),
    ],
    networkAcls: [defaultAcl([IDS.publicA, IDS.publicC, IDS.privateA, IDS.privateC])],
    endpointServices: ['ecr.api', 'ecr.dkr', 's3', 'logs', 'secretsmanager', 'ssm', 'ssmmessages', 'ecs', 'sts'].map(svc),
    executionRole: {
      arn: IDS.roleArn,
      name: TUTORIAL.executionRoleName,
      exists: true,
      trustPolicy: TRUST,
      attachedPolicyArns: [TUTORIAL.executionPolicyArn],
      policyDocuments: [],
    },
    images: [{
      image: IDS.image, repositoryExists: true, found: true,
      platforms: [{ os: 'linux', architecture: 'arm64' }, { os: 'unknown', architecture: 'unknown' }],
    }],
    logGroups: [{ name: TUTORIAL.logGroupName, region: REGION, exists: false }],
    loadBalancing: [aWiring()],
    stoppedTasks: [
      { task: { arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${TUTORIAL.clusterName}/1111`, id: '1111', stoppedReason: TUTORIAL_STOP_REASONS.ecr }, finding: classify({ stoppedReason: TUTORIAL_STOP_REASONS.ecr }) },
      { task: { arn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${TUTORIAL.clusterName}/2222`, id: '2222', stoppedReason: TUTORIAL_STOP_REASONS.logs }, finding: classify({ stoppedReason: TUTORIAL_STOP_REASONS.logs }) },
    ],
    gaps: [],
  };
}

/**
 * The tutorial's end state, as seedTutorialWorld({ withFixes: true }) makes it: the three
 * interface endpoints in the private subnets guarded by the service's group, which gained 443
 * from the VPC; the S3 gateway endpoint on the private route table; the log group.
 */
export function fixedTutorialSnapshot(): ServiceSnapshot {
  const s = tutorialSnapshot();
  return {
    ...s,
    endpoints: [anInterfaceEndpoint('ecr.api'), anInterfaceEndpoint('ecr.dkr'), anInterfaceEndpoint('logs'), anS3GatewayEndpoint()],
    securityGroups: (s.securityGroups ?? []).map((g) => (g.id === IDS.serviceSg
      ? { ...g, ingress: [...g.ingress, tcp(443, 443, { cidrs: [TUTORIAL.vpcCidr] })] }
      : g)),
    logGroups: [{ name: TUTORIAL.logGroupName, region: REGION, exists: true }],
  };
}

/** Copy with a change: `withChanges(s, { vpc: {...} })`, for readability in tests. */
export function withChanges(s: ServiceSnapshot, changes: Partial<ServiceSnapshot>): ServiceSnapshot {
  return { ...s, ...changes };
}

export function withContainer(s: ServiceSnapshot, patch: Partial<ServiceSnapshot['taskDefinition']['containers'][number]>): ServiceSnapshot {
  const [first, ...rest] = s.taskDefinition.containers;
  return { ...s, taskDefinition: { ...s.taskDefinition, containers: [{ ...first, ...patch }, ...rest] } };
}

export function withTaskDefinition(s: ServiceSnapshot, patch: Partial<ServiceSnapshot['taskDefinition']>): ServiceSnapshot {
  return { ...s, taskDefinition: { ...s.taskDefinition, ...patch } };
}

export function withLaunch(s: ServiceSnapshot, patch: Partial<ServiceSnapshot['launch']>): ServiceSnapshot {
  return { ...s, launch: { ...s.launch, ...patch } };
}

export function withNetwork(s: ServiceSnapshot, patch: Partial<ServiceSnapshot['launch']['awsvpcConfiguration']>): ServiceSnapshot {
  return withLaunch(s, { awsvpcConfiguration: { ...s.launch.awsvpcConfiguration, ...patch } });
}

export function replaceGroup(s: ServiceSnapshot, id: string, patch: Partial<SecurityGroup>): ServiceSnapshot {
  return { ...s, securityGroups: (s.securityGroups ?? []).map((g) => (g.id === id ? { ...g, ...patch } : g)) };
}

/** The tutorial's snapshot as a preflight sees it: no service yet, no stopped tasks. */
export function beforeCreation(s: ServiceSnapshot = tutorialSnapshot()): ServiceSnapshot {
  const { service: _service, stoppedTasks: _stopped, ...rest } = s;
  return rest;
}

/** Before creation, the private subnets routed through a NAT gateway, the log group made. */
export function natWorld(): ServiceSnapshot {
  const s = beforeCreation();
  return {
    ...s,
    routeTables: (s.routeTables ?? []).map((t) => (t.id === IDS.privateTable
      ? aRouteTable(IDS.privateTable, { subnetIds: [IDS.privateA, IDS.privateC], routes: [aRoute(TUTORIAL.vpcCidr, 'local'), aRoute('0.0.0.0/0', 'nat-0tutorial')] })
      : t)),
    logGroups: [{ name: TUTORIAL.logGroupName, region: s.region, exists: true }],
  };
}
