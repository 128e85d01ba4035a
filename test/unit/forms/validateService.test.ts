import * as assert from 'node:assert/strict';
import { defaultServiceForm } from '../../../src/forms/serviceFormModel';
import { validateServiceForm } from '../../../src/forms/validateService';
import {
  ALB_ARN,
  LISTENER_ARN,
  OTHER_VPC,
  SERVICE_SG,
  SUBNET,
  TG_ARN,
  VPC,
  aPortMapping,
  aServiceForm,
  aTargetGroup,
  aTaskContainer,
  assertServiceAccepted,
  assertServiceBlocked,
  newAlbServiceForm,
  serviceErrors,
  tutorialFacts,
  tutorialLoadBalancer,
  tutorialServiceForm,
  tutorialTaskDefinition,
  withPart,
} from './serviceBuilders';

const sg = (n: number): string => `sg-${String(n).padStart(17, '0')}`;
const subnetIds = (n: number): string[] => Array.from({ length: n }, (_, i) => `subnet-${String(i).padStart(17, '0')}`);

describe('validateServiceForm', () => {
  it('accepts the builders\' form, the tutorial\'s service and a new load balancer, with their facts', () => {
    assertServiceAccepted(aServiceForm());
    assertServiceAccepted(aServiceForm(), tutorialFacts());
    assert.deepEqual(validateServiceForm(tutorialServiceForm(), tutorialFacts()), { errors: [], warnings: [] });
    assertServiceAccepted(newAlbServiceForm(), tutorialFacts({ loadBalancer: undefined, targetGroup: undefined }));
  });

  it('says what a fresh form still needs, each next to its field', () => {
    assert.deepEqual(serviceErrors(defaultServiceForm()), [
      ['cluster', 'CLUSTER_REQUIRED'],
      ['taskDefinitionFamily', 'TASK_DEFINITION_REQUIRED'],
      ['serviceName', 'SERVICE_NAME_REQUIRED'],
      ['networking.vpcId', 'VPC_REQUIRED'],
      ['networking.subnetIds', 'SUBNETS_REQUIRED'],
    ]);
  });

  describe('names', () => {
    it('takes 1 to 255 letters, digits, hyphens and underscores, with no rule on the first one', () => {
      assertServiceAccepted(aServiceForm({ serviceName: 'a' }));
      assertServiceAccepted(aServiceForm({ serviceName: `S_9-${'x'.repeat(251)}` }));
      assertServiceAccepted(aServiceForm({ serviceName: '_svc' }));
      assertServiceBlocked(aServiceForm({ serviceName: 'x'.repeat(256) }), 'serviceName', 'SERVICE_NAME_TOO_LONG',
        'The service name is 256 characters long: ECS allows up to 255.');
      assertServiceBlocked(aServiceForm({ serviceName: 'my service.v2' }), 'serviceName', 'SERVICE_NAME_INVALID',
        'The service name can\'t contain a space and ".": use letters, digits, hyphens (-) and underscores (_).');
    });
    it('refuses a name the cluster already uses', () => {
      assertServiceBlocked(aServiceForm({ serviceName: 'other-service' }), 'serviceName', 'SERVICE_NAME_TAKEN',
        'The cluster already has a service named other-service: service names are unique in a cluster.', tutorialFacts());
    });
    it('checks a new cluster\'s name like a service\'s', () => {
      assertServiceAccepted(aServiceForm({ cluster: 'new-cluster', createCluster: true }));
      assertServiceBlocked(aServiceForm({ cluster: 'new cluster', createCluster: true }), 'cluster', 'CLUSTER_NAME_INVALID');
      assertServiceBlocked(aServiceForm({ cluster: 'c'.repeat(256), createCluster: true }), 'cluster', 'CLUSTER_NAME_TOO_LONG');
    });
  });

  describe('task definition', () => {
    it('refuses a revision that is not a whole number from 1', () => {
      assertServiceAccepted(aServiceForm({ taskDefinitionRevision: '' }));
      assertServiceBlocked(aServiceForm({ taskDefinitionRevision: '0' }), 'taskDefinitionRevision', 'TASK_DEFINITION_REVISION_INVALID');
    });
    it('refuses a task definition Fargate can\'t run, saying why', () => {
      assertServiceBlocked(aServiceForm(), 'taskDefinitionFamily', 'TASK_DEFINITION_NETWORK_MODE',
        'demo-ecs-task:1 uses the bridge network mode: Fargate runs only awsvpc task definitions. Register a revision with network mode awsvpc.',
        tutorialFacts({ taskDefinition: tutorialTaskDefinition({ networkMode: 'bridge' }) }));
      assertServiceBlocked(aServiceForm(), 'taskDefinitionFamily', 'TASK_DEFINITION_NOT_FARGATE',
        'demo-ecs-task:1 is for EC2, not Fargate: register a revision that requires FARGATE compatibility.',
        tutorialFacts({ taskDefinition: tutorialTaskDefinition({ requiresCompatibilities: ['EC2'] }) }));
      assertServiceBlocked(aServiceForm(), 'taskDefinitionFamily', 'TASK_DEFINITION_NOT_FARGATE', undefined,
        tutorialFacts({ taskDefinition: tutorialTaskDefinition({ requiresCompatibilities: [], compatibilities: ['EC2'] }) }));
      assertServiceAccepted(aServiceForm(), tutorialFacts({ taskDefinition: tutorialTaskDefinition({ requiresCompatibilities: [], compatibilities: ['EC2', 'FARGATE'] }) }));
    });
  });

  describe('desired count', () => {
    it('takes 0 and more, whole numbers only', () => {
      assertServiceAccepted(aServiceForm({ desiredCount: '0' }));
      assertServiceAccepted(aServiceForm({ desiredCount: '2147483647' }));
      assertServiceBlocked(aServiceForm({ desiredCount: '' }), 'desiredCount', 'DESIRED_COUNT_REQUIRED');
      assertServiceBlocked(aServiceForm({ desiredCount: '-1' }), 'desiredCount', 'DESIRED_COUNT_INVALID');
      assertServiceBlocked(aServiceForm({ desiredCount: '1.5' }), 'desiredCount', 'DESIRED_COUNT_INVALID');
      assertServiceBlocked(aServiceForm({ desiredCount: '2147483648' }), 'desiredCount', 'DESIRED_COUNT_INVALID');
    });
  });

  describe('compute', () => {
    const strategy = (rows: Array<[provider: 'FARGATE' | 'FARGATE_SPOT', base: string, weight: string]>) =>
      withPart(aServiceForm(), 'compute', { kind: 'capacityProviderStrategy', strategy: rows.map(([provider, base, weight]) => ({ provider, base, weight })) });

    it('takes weights 0-1000 and one base 0-100000', () => {
      assertServiceAccepted(strategy([['FARGATE', '100000', '1000'], ['FARGATE_SPOT', '0', '0']]));
      assertServiceAccepted(strategy([['FARGATE_SPOT', '', '1']]));
      assertServiceBlocked(strategy([['FARGATE', '0', '1001']]), 'compute.strategy[0].weight', 'WEIGHT_INVALID');
      assertServiceBlocked(strategy([['FARGATE', '100001', '1']]), 'compute.strategy[0].base', 'BASE_INVALID');
    });
    it('allows a base on one provider only', () => {
      assertServiceBlocked(strategy([['FARGATE', '1', '1'], ['FARGATE_SPOT', '2', '3']]), 'compute.strategy[1].base', 'BASE_MORE_THAN_ONE',
        'Only one capacity provider of a strategy can have a base: FARGATE already has one. Set this base to 0.');
    });
    it('needs a weight above 0, no duplicate, and the providers of the cluster', () => {
      assertServiceBlocked(strategy([['FARGATE', '1', '0'], ['FARGATE_SPOT', '0', '']]), 'compute.strategy[0].weight', 'WEIGHT_ALL_ZERO');
      assertServiceBlocked(strategy([['FARGATE', '0', '1'], ['FARGATE', '0', '1']]), 'compute.strategy[1].provider', 'PROVIDER_DUPLICATE');
      assertServiceBlocked(strategy([]), 'compute.strategy', 'STRATEGY_EMPTY');
      assertServiceBlocked(strategy([['FARGATE_SPOT', '0', '1']]), 'compute.strategy[0].provider', 'PROVIDER_NOT_IN_CLUSTER',
        'The cluster has no FARGATE_SPOT capacity provider (it has FARGATE): add it to the cluster, or use the FARGATE launch type.',
        tutorialFacts({ clusterCapacityProviders: ['FARGATE'] }));
    });
    it('checks the platform version', () => {
      assertServiceAccepted(withPart(aServiceForm(), 'compute', { platformVersion: '1.4.0' }));
      assertServiceBlocked(withPart(aServiceForm(), 'compute', { platformVersion: 'latest-ish' }), 'compute.platformVersion', 'PLATFORM_VERSION_INVALID');
    });
  });

  describe('deployment', () => {
    const deploy = (min: string, max: string) => withPart(aServiceForm(), 'deployment', { minimumHealthyPercent: min, maximumPercent: max });
    it('takes a minimum of 0-100 and a maximum of 100 and more, above the minimum', () => {
      assertServiceAccepted(deploy('0', '100'));
      assertServiceAccepted(deploy('99', '100'));
      assertServiceAccepted(deploy('100', '400'));
      assertServiceBlocked(deploy('101', '200'), 'deployment.minimumHealthyPercent', 'MIN_HEALTHY_INVALID');
      assertServiceBlocked(deploy('50', '99'), 'deployment.maximumPercent', 'MAX_PERCENT_INVALID');
      assertServiceBlocked(deploy('100', '100'), 'deployment.maximumPercent', 'MAX_NOT_ABOVE_MIN');
    });
    it('needs a grace period of 0-2147483647 seconds with a load balancer, and ignores it without one', () => {
      const grace = (text: string) => withPart(tutorialServiceForm(), 'deployment', { healthCheckGracePeriod: text });
      assertServiceAccepted(grace('0'), tutorialFacts());
      assertServiceAccepted(grace('2147483647'), tutorialFacts());
      assertServiceBlocked(grace('2147483648'), 'deployment.healthCheckGracePeriod', 'GRACE_PERIOD_INVALID', undefined, tutorialFacts());
      assertServiceBlocked(grace(''), 'deployment.healthCheckGracePeriod', 'GRACE_PERIOD_REQUIRED', undefined, tutorialFacts());
      assertServiceAccepted(withPart(aServiceForm(), 'deployment', { healthCheckGracePeriod: 'soon' }));
    });
  });

  describe('networking', () => {
    it('takes 1 to 16 subnets of the chosen VPC', () => {
      assertServiceAccepted(withPart(aServiceForm(), 'networking', { subnetIds: subnetIds(16) }));
      assertServiceBlocked(withPart(aServiceForm(), 'networking', { subnetIds: subnetIds(17) }), 'networking.subnetIds', 'SUBNETS_TOO_MANY',
        '17 subnets are chosen: a service can use at most 16.');
      assertServiceBlocked(withPart(aServiceForm(), 'networking', { subnetIds: [SUBNET.privateA, SUBNET.privateA] }), 'networking.subnetIds[1]', 'SUBNET_DUPLICATE');
      const facts = tutorialFacts({ subnets: [...tutorialFacts().subnets ?? [], { id: 'subnet-0elsewhere', vpcId: OTHER_VPC, availabilityZone: 'ap-northeast-2b', kind: 'public' }] });
      assertServiceBlocked(withPart(aServiceForm(), 'networking', { subnetIds: [SUBNET.privateA, 'subnet-0elsewhere'] }), 'networking.subnetIds[1]', 'SUBNET_OTHER_VPC',
        `subnet-0elsewhere is in ${OTHER_VPC}, not ${VPC}: all of a service's subnets must be in one VPC.`, facts);
      assertServiceBlocked(withPart(aServiceForm(), 'networking', { subnetIds: ['subnet-0gone'] }), 'networking.subnetIds[0]', 'SUBNET_UNKNOWN', undefined, tutorialFacts());
    });
    it('takes at most 5 security groups, the new one counted', () => {
      assertServiceAccepted(withPart(aServiceForm(), 'networking', { securityGroupIds: [1, 2, 3, 4, 5].map(sg) }));
      assertServiceBlocked(withPart(aServiceForm(), 'networking', { securityGroupIds: [1, 2, 3, 4, 5, 6].map(sg) }), 'networking.securityGroupIds', 'SECURITY_GROUPS_TOO_MANY');
      const withNew = (n: number) => withPart(aServiceForm(), 'networking', {
        securityGroupIds: Array.from({ length: n }, (_, i) => sg(i + 1)),
        newSecurityGroup: { create: true, name: 'svc-sg', description: '', inboundFrom: 'cidr', inboundCidr: '10.0.0.0/16' },
      });
      assertServiceAccepted({ ...withNew(4), containerName: 'web', containerPort: '8080' });
      assertServiceBlocked({ ...withNew(5), containerName: 'web', containerPort: '8080' }, 'networking.securityGroupIds', 'SECURITY_GROUPS_TOO_MANY',
        '6 security groups are chosen (with the new one): a service can use at most 5.');
    });
    it('warns, without refusing, that a new group\'s name is taken in the VPC and that group will be used', () => {
      const facts = tutorialFacts({ securityGroups: [{ id: 'sg-0samename', name: 'Demo-ECS-Service-SG', vpcId: VPC }, { id: 'sg-0elsewhere', name: 'public-ecs-service-alb-sg', vpcId: OTHER_VPC }] });
      const result = validateServiceForm(tutorialServiceForm(), facts);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.warnings, [{
        path: 'networking.newSecurityGroup.name', code: 'SECURITY_GROUP_EXISTS',
        message: `${VPC} already has a security group named Demo-ECS-Service-SG (sg-0samename): Create will use it and add the rule to it instead of making a new one.`,
      }]);
      assert.deepEqual(validateServiceForm(newAlbServiceForm(), { ...facts, loadBalancer: undefined, targetGroup: undefined }).warnings.map((w) => w.path),
        ['networking.newSecurityGroup.name'], 'a group of the same name in another VPC is another group');
    });
    it('refuses a group of another VPC', () => {
      const facts = tutorialFacts({ securityGroups: [{ id: SERVICE_SG, name: 'elsewhere', vpcId: OTHER_VPC }] });
      assertServiceBlocked(aServiceForm(), 'networking.securityGroupIds[0]', 'SECURITY_GROUP_OTHER_VPC', undefined, facts);
    });
    it('checks the new group\'s name and its inbound rule', () => {
      const group = (patch: object) => ({ ...withPart(aServiceForm(), 'networking', {
        newSecurityGroup: { create: true, name: 'svc-sg', description: '', inboundFrom: 'cidr', inboundCidr: '10.0.0.0/16', ...patch },
      }), containerName: 'web', containerPort: '8080' });
      assertServiceAccepted(group({ name: 'n'.repeat(255) }));
      assertServiceBlocked(group({ name: 'n'.repeat(256) }), 'networking.newSecurityGroup.name', 'SECURITY_GROUP_NAME_TOO_LONG');
      assertServiceBlocked(group({ name: 'sg-web' }), 'networking.newSecurityGroup.name', 'SECURITY_GROUP_NAME_PREFIX');
      assertServiceBlocked(group({ name: 'web<1>' }), 'networking.newSecurityGroup.name', 'SECURITY_GROUP_NAME_INVALID');
      assertServiceBlocked(group({ name: '' }), 'networking.newSecurityGroup.name', 'SECURITY_GROUP_NAME_REQUIRED');
      assertServiceAccepted(group({ inboundCidr: '0.0.0.0/0' }));
      assertServiceAccepted(group({ inboundCidr: '10.0.0.0/32' }));
      assertServiceBlocked(group({ inboundCidr: '10.0.0.0/33' }), 'networking.newSecurityGroup.inboundCidr', 'CIDR_INVALID');
      assertServiceBlocked(group({ inboundCidr: '10.0.0.256/16' }), 'networking.newSecurityGroup.inboundCidr', 'CIDR_INVALID');
      assertServiceBlocked(group({ inboundFrom: 'loadBalancer' }), 'networking.newSecurityGroup.inboundFrom', 'INGRESS_NEEDS_LOAD_BALANCER');
    });
  });

  describe('container and port', () => {
    it('refuses a container the task definition doesn\'t have', () => {
      assertServiceBlocked({ ...tutorialServiceForm(), containerName: 'web' }, 'containerName', 'CONTAINER_NOT_IN_TASK_DEFINITION',
        'demo-ecs-task:1 has no container named web: its containers are demo-service-container.', tutorialFacts());
    });
    it('refuses a port the container doesn\'t map, naming the ones it does', () => {
      assertServiceBlocked({ ...tutorialServiceForm(), containerPort: '80' }, 'containerPort', 'CONTAINER_PORT_NOT_MAPPED',
        'demo-service-container in demo-ecs-task:1 has no port mapping for 80: it maps 8080. Choose one of those, or add 80 to the task definition.', tutorialFacts());
      const noPorts = tutorialFacts({ taskDefinition: tutorialTaskDefinition({ containers: [aTaskContainer({ portMappings: [] })] }) });
      assertServiceBlocked(tutorialServiceForm(), 'containerPort', 'CONTAINER_PORT_NOT_MAPPED',
        'demo-service-container in demo-ecs-task:1 has no port mapping for 8080: it maps no ports. Add a port mapping to the task definition.', noPorts);
      const udp = tutorialFacts({ taskDefinition: tutorialTaskDefinition({ containers: [aTaskContainer({ portMappings: [aPortMapping(8080, 'udp')] })] }) });
      assertServiceBlocked(tutorialServiceForm(), 'containerPort', 'CONTAINER_PORT_UDP', undefined, udp);
    });
    it('takes ports 1-65535, and needs them with a load balancer', () => {
      const ports = tutorialFacts({ taskDefinition: tutorialTaskDefinition({ containers: [aTaskContainer({ portMappings: [aPortMapping(1), aPortMapping(65535)] })] }) });
      assertServiceAccepted({ ...tutorialServiceForm(), containerPort: '1' }, ports);
      assertServiceAccepted({ ...tutorialServiceForm(), containerPort: '65535' }, ports);
      assertServiceBlocked({ ...tutorialServiceForm(), containerPort: '0' }, 'containerPort', 'CONTAINER_PORT_INVALID');
      assertServiceBlocked({ ...tutorialServiceForm(), containerPort: '65536' }, 'containerPort', 'CONTAINER_PORT_INVALID');
      assertServiceBlocked({ ...tutorialServiceForm(), containerName: '', containerPort: '' }, 'containerName', 'CONTAINER_REQUIRED');
      assertServiceAccepted({ ...aServiceForm(), containerName: '', containerPort: '' });
    });
  });

  describe('an existing load balancer', () => {
    it('refuses an instance target group, with the reason', () => {
      assertServiceBlocked(tutorialServiceForm(), 'loadBalancing.targetGroupArn', 'TARGET_GROUP_NOT_IP',
        'demo-ecs-alb-target-group has target type instance: Fargate tasks use the awsvpc network mode and register by IP address, ' +
        'so ECS needs a target group of type ip. A group\'s type can\'t be changed: create a new target group (type ip) instead.',
        tutorialFacts({ targetGroup: aTargetGroup({ targetType: 'instance' }) }));
    });
    it('refuses a target group or load balancer of another VPC', () => {
      assertServiceBlocked(tutorialServiceForm(), 'loadBalancing.targetGroupArn', 'TARGET_GROUP_OTHER_VPC', undefined,
        tutorialFacts({ targetGroup: aTargetGroup({ vpcId: OTHER_VPC }) }));
      assertServiceBlocked(tutorialServiceForm(), 'loadBalancing.loadBalancerArn', 'LOAD_BALANCER_OTHER_VPC', undefined,
        tutorialFacts({ loadBalancer: tutorialLoadBalancer({ vpcId: OTHER_VPC }) }));
      assertServiceBlocked(tutorialServiceForm(), 'loadBalancing.loadBalancerArn', 'LOAD_BALANCER_NOT_APPLICATION', undefined,
        tutorialFacts({ loadBalancer: tutorialLoadBalancer({ type: 'network' }) }));
    });
    it('refuses a target group the chosen listener doesn\'t forward to', () => {
      const other = `${TG_ARN.slice(0, -4)}ffff`;
      assertServiceBlocked(withPart(tutorialServiceForm(), 'loadBalancing', { targetGroupArn: other }), 'loadBalancing.targetGroupArn', 'TARGET_GROUP_NOT_FORWARDED',
        'The HTTP listener on port 80 of public-ecs-service-alb doesn\'t forward to spare-tg, so it would receive no traffic ' +
        '(and ECS refuses a target group no load balancer uses): choose the group that listener forwards to, or a new listener port.',
        tutorialFacts({ targetGroup: aTargetGroup({ arn: other, name: 'spare-tg', loadBalancerArns: [] }) }));
      const byRule = tutorialFacts({
        targetGroup: aTargetGroup({ arn: other, name: 'spare-tg' }),
        loadBalancer: { ...tutorialLoadBalancer(), rules: [{ listenerArn: LISTENER_ARN, actions: [{ type: 'forward', order: 1, targetGroupArns: [other] }] }] },
      });
      assertServiceAccepted(withPart(tutorialServiceForm(), 'loadBalancing', { targetGroupArn: other }), byRule);
    });
    it('with a new listener port: refuses a taken port and a group of another load balancer', () => {
      const newListener = (port: string) => withPart(tutorialServiceForm(), 'loadBalancing', { listenerChoice: 'new', listenerPort: port });
      assertServiceAccepted(newListener('8080'), tutorialFacts());
      assertServiceBlocked(newListener('80'), 'loadBalancing.listenerPort', 'LISTENER_PORT_TAKEN',
        'public-ecs-service-alb already has a listener on port 80 (HTTP): choose that listener, or another port.', tutorialFacts());
      assertServiceBlocked(newListener('8080'), 'loadBalancing.targetGroupArn', 'TARGET_GROUP_ON_OTHER_LOAD_BALANCER', undefined,
        tutorialFacts({ targetGroup: aTargetGroup({ loadBalancerArns: [ALB_ARN.replace('public-ecs', 'other-ecs')] }) }));
    });
    it('needs a new listener for a new target group', () => {
      assertServiceBlocked(withPart(tutorialServiceForm(), 'loadBalancing', { targetGroupChoice: 'new', targetGroupName: 'fresh-tg' }),
        'loadBalancing.targetGroupChoice', 'NEW_TARGET_GROUP_NEEDS_NEW_LISTENER', undefined, tutorialFacts());
    });
  });

  describe('a new load balancer', () => {
    const facts = tutorialFacts({ loadBalancer: undefined, targetGroup: undefined });
    const alb = (patch: object) => withPart(newAlbServiceForm(), 'loadBalancing', patch);
    it('takes names of 1-32 letters, digits and inner hyphens, not internal-', () => {
      assertServiceAccepted(alb({ loadBalancerName: 'a'.repeat(32), targetGroupName: 'b'.repeat(32) }), facts);
      assertServiceAccepted(alb({ loadBalancerName: 'a', targetGroupName: 'internal-tg' }), facts);
      assertServiceBlocked(alb({ loadBalancerName: 'a'.repeat(33) }), 'loadBalancing.loadBalancerName', 'LOAD_BALANCER_NAME_TOO_LONG',
        'The load balancer name is 33 characters long: Elastic Load Balancing allows up to 32.', facts);
      assertServiceBlocked(alb({ loadBalancerName: 'internal-web' }), 'loadBalancing.loadBalancerName', 'LOAD_BALANCER_NAME_INTERNAL_PREFIX', undefined, facts);
      assertServiceBlocked(alb({ loadBalancerName: '-web' }), 'loadBalancing.loadBalancerName', 'LOAD_BALANCER_NAME_HYPHEN', undefined, facts);
      assertServiceBlocked(alb({ loadBalancerName: 'web-' }), 'loadBalancing.loadBalancerName', 'LOAD_BALANCER_NAME_HYPHEN', undefined, facts);
      assertServiceBlocked(alb({ loadBalancerName: 'web_alb' }), 'loadBalancing.loadBalancerName', 'LOAD_BALANCER_NAME_INVALID', undefined, facts);
      assertServiceBlocked(alb({ targetGroupName: 'b'.repeat(33) }), 'loadBalancing.targetGroupName', 'TARGET_GROUP_NAME_TOO_LONG', undefined, facts);
    });
    it('needs public subnets in two Availability Zones, one per zone', () => {
      assertServiceBlocked(alb({ loadBalancerSubnetIds: [SUBNET.publicA] }), 'loadBalancing.loadBalancerSubnetIds', 'ALB_SUBNETS_TOO_FEW_ZONES',
        'An Application Load Balancer needs subnets in at least two Availability Zones: only one zone is chosen. Choose a public subnet in each of two zones.', facts);
      assertServiceBlocked(alb({ loadBalancerSubnetIds: [SUBNET.publicA, SUBNET.publicC, SUBNET.natA] }), 'loadBalancing.loadBalancerSubnetIds[2]', 'ALB_SUBNETS_SAME_ZONE', undefined, facts);
      assertServiceBlocked(alb({ loadBalancerSubnetIds: [SUBNET.publicA, SUBNET.privateC] }), 'loadBalancing.loadBalancerSubnetIds[1]', 'ALB_SUBNET_NOT_PUBLIC',
        `${SUBNET.privateC} is isolated: an internet-facing load balancer needs public subnets, whose route table sends 0.0.0.0/0 to an internet gateway.`, facts);
      assertServiceBlocked(alb({ loadBalancerSubnetIds: [] }), 'loadBalancing.loadBalancerSubnetIds', 'ALB_SUBNETS_TOO_FEW_ZONES', undefined, facts);
    });
    it('takes listener ports 1-65535, a CIDR and a health check path starting with /', () => {
      assertServiceAccepted(alb({ listenerPort: '1' }), facts);
      assertServiceAccepted(alb({ listenerPort: '65535', healthCheckPath: '/health' }), facts);
      assertServiceBlocked(alb({ listenerPort: '0' }), 'loadBalancing.listenerPort', 'LISTENER_PORT_INVALID', undefined, facts);
      assertServiceBlocked(alb({ listenerPort: '65536' }), 'loadBalancing.listenerPort', 'LISTENER_PORT_INVALID', undefined, facts);
      assertServiceBlocked(alb({ ingressCidr: '203.0.113.7' }), 'loadBalancing.ingressCidr', 'CIDR_INVALID', undefined, facts);
      assertServiceBlocked(alb({ healthCheckPath: 'health' }), 'loadBalancing.healthCheckPath', 'HEALTH_CHECK_PATH_INVALID',
        'The health check path must start with /, for example / or /health; "health" doesn\'t.', facts);
    });
    it('needs two different group names', () => {
      assertServiceBlocked(alb({ loadBalancerSecurityGroupName: 'DEMO-ECS-SERVICE-SG' }), 'loadBalancing.loadBalancerSecurityGroupName', 'SECURITY_GROUP_NAME_SAME', undefined, facts);
    });
  });

  describe('tags', () => {
    const tagged = (n: number) => aServiceForm({ tags: [...Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: 'v' })), { key: '', value: '' }] });
    it('takes up to 50 tags, ignoring blank rows', () => {
      assertServiceAccepted(tagged(50));
      assertServiceBlocked(tagged(51), 'tags', 'TAGS_TOO_MANY');
    });
    it('refuses reserved and repeated keys', () => {
      assertServiceBlocked(aServiceForm({ tags: [{ key: 'aws:owner', value: 'x' }] }), 'tags[0].key', 'TAG_RESERVED');
      assertServiceBlocked(aServiceForm({ tags: [{ key: 'team', value: 'a' }, { key: 'team', value: 'b' }] }), 'tags[1].key', 'TAG_KEY_DUPLICATE');
      assertServiceBlocked(aServiceForm({ tags: [{ key: '', value: 'orphan' }] }), 'tags[0].key', 'TAG_KEY_REQUIRED');
    });
  });
});
