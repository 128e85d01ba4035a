// The analyzer's shared context, read directly: the sentence for each kind of subnet path, the AWS
// services each container's configuration needs (and the first reason kept when two containers
// need the same one), the task subnets and groups taken from the snapshot, which endpoint states
// count, which endpoints belong to the task's VPC, and a group's inbound rules in words.
// Each test builds its own snapshot.
import * as assert from 'node:assert/strict';
import {
  buildContext, describeIngress, endpointsFor, type Need, pathSentence, usable,
} from '../../../../src/doctor/rules/context';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { SecurityGroupRule, VpcEndpoint } from '../../../../src/model/network';
import { TUTORIAL } from '../../../support/tutorialWorld';
import {
  aGroup, aRoute, ALL_EGRESS, anInterfaceEndpoint, anS3GatewayEndpoint, IDS, REGION, tcp, tutorialSnapshot, VPC_ID,
  withChanges, withContainer, withLaunch, withNetwork, withTaskDefinition,
} from '../snapshotBuilder';

const PRIV_A = 'subnet-0priv1a (10.0.2.0/24, ap-northeast-2a)';
const PUB_A = 'subnet-0pub1a (10.0.0.0/24, ap-northeast-2a)';
const WEB = TUTORIAL.containerName;
const ECR_WHY = `container ${WEB} pulls ${IDS.image} from Amazon ECR`;

function privateTableRoutes(s: ServiceSnapshot, routes: ReturnType<typeof aRoute>[]): ServiceSnapshot {
  return withChanges(s, {
    routeTables: (s.routeTables ?? []).map((t) => (t.id === IDS.privateTable ? { ...t, routes: [aRoute('10.0.0.0/16', 'local'), ...routes] } : t)),
  });
}

function firstSubnet(s: ServiceSnapshot) {
  const [first] = buildContext(s).subnets;
  assert.ok(first, 'the context has a task subnet');
  return first;
}

function needs(s: ServiceSnapshot): Array<Pick<Need, 'key' | 'kind' | 'why' | 'severity' | 'affects'>> {
  return buildContext(s).needs.map((n) => ({ key: n.key, kind: n.kind, why: n.why, severity: n.severity, affects: n.affects }));
}

function rule(protocol: string, fromPort: number, toPort: number, source: Partial<SecurityGroupRule>): SecurityGroupRule {
  return { protocol, fromPort, toPort, cidrs: [], ipv6Cidrs: [], groupIds: [], prefixListIds: [], ...source };
}

describe('doctor/rules/context: the path sentence of each kind of subnet', () => {
  it('an isolated subnet with its own table names the table', () => {
    assert.equal(pathSentence(firstSubnet(tutorialSnapshot()), 'DISABLED'), `${PRIV_A} routes 0.0.0.0/0 nowhere (route table rtb-0private)`);
  });

  it('an isolated subnet on the main table says so', () => {
    const s = tutorialSnapshot();
    const noAssociation = withChanges(s, {
      routeTables: (s.routeTables ?? []).map((t) => (t.id === IDS.privateTable ? { ...t, subnetIds: [] } : t)),
    });
    assert.equal(pathSentence(firstSubnet(noAssociation), 'DISABLED'), `${PRIV_A} routes 0.0.0.0/0 nowhere (route table rtb-0main, the main table)`);
  });

  it('an isolated subnet whose default route is a blackhole quotes the dead route and nothing after it', () => {
    const s = privateTableRoutes(tutorialSnapshot(), [aRoute('0.0.0.0/0', 'nat-0gone', 'blackhole')]);
    assert.equal(
      pathSentence(firstSubnet(s), 'DISABLED'),
      `${PRIV_A} routes 0.0.0.0/0 nowhere (route table rtb-0private): its route to nat-0gone is a blackhole (the target no longer exists)`,
    );
  });

  it('a public subnet without a public IP says the tasks get none, with the setting as given', () => {
    const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA] });
    assert.equal(
      pathSentence(firstSubnet(s), 'DISABLED'),
      `${PUB_A} routes 0.0.0.0/0 to igw-0tutorial (route table rtb-0public), but the tasks get no public IP (assignPublicIp DISABLED)`,
    );
    assert.equal(
      pathSentence(firstSubnet(s), 'disabled'),
      `${PUB_A} routes 0.0.0.0/0 to igw-0tutorial (route table rtb-0public), but the tasks get no public IP (assignPublicIp disabled)`,
    );
  });

  it('a public subnet with a public IP is only its route', () => {
    const s = withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA], assignPublicIp: 'ENABLED' });
    assert.equal(pathSentence(firstSubnet(s), 'ENABLED'), `${PUB_A} routes 0.0.0.0/0 to igw-0tutorial (route table rtb-0public)`);
  });

  it('a NAT subnet is only its route, whatever the public IP setting', () => {
    const s = privateTableRoutes(tutorialSnapshot(), [aRoute('0.0.0.0/0', 'nat-0tutorial')]);
    for (const ip of ['DISABLED', 'ENABLED']) {
      assert.equal(pathSentence(firstSubnet(s), ip), `${PRIV_A} routes 0.0.0.0/0 to nat-0tutorial (route table rtb-0private)`);
    }
  });
});

describe('doctor/rules/context: which task subnets reach the internet', () => {
  it('isolated subnets do not, even with a public IP; NAT and unknown targets do; public ones only with a public IP', () => {
    const isolated = buildContext(withNetwork(tutorialSnapshot(), { assignPublicIp: 'ENABLED' }));
    assert.deepEqual(isolated.subnets.map((t) => [t.id, t.internet]), [[IDS.privateA, false], [IDS.privateC, false]]);
    assert.deepEqual(isolated.noInternet.map((t) => t.id), [IDS.privateA, IDS.privateC]);

    const nat = buildContext(privateTableRoutes(tutorialSnapshot(), [aRoute('0.0.0.0/0', 'nat-0tutorial')]));
    assert.deepEqual(nat.subnets.map((t) => t.internet), [true, true]);
    assert.deepEqual(nat.noInternet, []);

    const transit = buildContext(privateTableRoutes(tutorialSnapshot(), [aRoute('0.0.0.0/0', 'tgw-0abc')]));
    assert.deepEqual(transit.subnets.map((t) => [t.cls.kind, t.internet]), [['unknown-route', true], ['unknown-route', true]]);

    const publicNoIp = buildContext(withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA] }));
    assert.deepEqual(publicNoIp.subnets.map((t) => t.internet), [false]);
    const publicIp = buildContext(withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA], assignPublicIp: 'ENABLED' }));
    assert.deepEqual(publicIp.subnets.map((t) => t.internet), [true]);
  });

  it('a subnet the snapshot does not hold is left out, and without route tables no subnet is called cut off', () => {
    const s = withNetwork(tutorialSnapshot(), { subnets: ['subnet-0gone', IDS.privateC] });
    assert.deepEqual(buildContext(s).subnets.map((t) => t.id), [IDS.privateC]);
    const noTables = buildContext(withChanges(tutorialSnapshot(), { routeTables: undefined }));
    assert.equal(noTables.subnets.length, 2);
    assert.deepEqual(noTables.noInternet, []);
    const noSubnets = buildContext(withChanges(tutorialSnapshot(), { subnets: undefined }));
    assert.deepEqual(noSubnets.subnets, []);
  });

  it('the VPC is the snapshot\'s, else the first task subnet\'s, else unknown', () => {
    const withVpc = buildContext(tutorialSnapshot());
    assert.equal(withVpc.vpcId, VPC_ID);
    assert.equal(withVpc.vpcCidr, '10.0.0.0/16');
    const s = tutorialSnapshot();
    const fromSubnet = withChanges(s, { vpc: undefined, subnets: (s.subnets ?? []).map((x) => ({ ...x, vpcId: 'vpc-0fromsubnet' })) });
    assert.equal(buildContext(fromSubnet).vpcId, 'vpc-0fromsubnet');
    assert.equal(buildContext(fromSubnet).vpcCidr, undefined);
    assert.equal(buildContext(withChanges(s, { vpc: undefined, subnets: undefined })).vpcId, undefined);
  });

  it('the task groups are the service\'s, in its order, and unknown when groups were not read', () => {
    const s = withNetwork(tutorialSnapshot(), { securityGroups: [IDS.albSg, 'sg-0missing', IDS.serviceSg] });
    const ctx = buildContext(s);
    assert.deepEqual(ctx.taskGroupIds, [IDS.albSg, 'sg-0missing', IDS.serviceSg]);
    assert.deepEqual(ctx.taskGroups?.map((g) => g.id), [IDS.albSg, IDS.serviceSg]);
    assert.equal(buildContext(withChanges(s, { securityGroups: undefined })).taskGroups, undefined);
  });

  it('the operating system is the task definition\'s, Linux when it names none', () => {
    assert.equal(buildContext(tutorialSnapshot()).os, 'LINUX');
    const windows = withTaskDefinition(tutorialSnapshot(), { runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } });
    assert.equal(buildContext(windows).os, 'WINDOWS_SERVER_2022_CORE');
    assert.equal(buildContext(withTaskDefinition(tutorialSnapshot(), { runtimePlatform: undefined })).os, 'LINUX');
  });
});

describe('doctor/rules/context: the AWS services a task needs', () => {
  it('an image in this Region\'s ECR needs ecr.api, ecr.dkr and the S3 gateway; awslogs needs logs', () => {
    const ctx = buildContext(tutorialSnapshot());
    assert.equal(ctx.privateEcr, true);
    assert.deepEqual(ctx.internetImages, []);
    assert.deepEqual(needs(tutorialSnapshot()), [
      { key: 'ecr.api', kind: 'Interface', why: ECR_WHY, severity: 'error', affects: ['ECR_UNREACHABLE'] },
      { key: 'ecr.dkr', kind: 'Interface', why: ECR_WHY, severity: 'error', affects: ['ECR_UNREACHABLE'] },
      { key: 's3', kind: 'Gateway', why: `container ${WEB}'s image layers come from Amazon S3`, severity: 'error', affects: ['REGISTRY_LAYERS_UNREACHABLE'] },
      { key: 'logs', kind: 'Interface', why: `container ${WEB} logs to CloudWatch (awslogs)`, severity: 'error', affects: ['LOGS_UNREACHABLE', 'LOG_GROUP_MISSING'] },
    ]);
  });

  it('an image in another Region\'s ECR or a public registry needs the internet, not an endpoint', () => {
    for (const image of [IDS.image.replace(REGION, 'us-east-1'), 'nginx:1.27', 'public.ecr.aws/nginx/nginx:1']) {
      const s = withContainer(tutorialSnapshot(), { image, logConfiguration: undefined });
      const ctx = buildContext(s);
      assert.equal(ctx.privateEcr, false, image);
      assert.deepEqual(ctx.internetImages, [image]);
      assert.deepEqual(ctx.needs, [], image);
    }
  });

  it('an image that does not parse needs nothing and is not an internet image', () => {
    const ctx = buildContext(withContainer(tutorialSnapshot(), { image: 'Not An Image', logConfiguration: undefined }));
    assert.deepEqual([ctx.privateEcr, ctx.internetImages, ctx.needs], [false, [], []]);
  });

  it('another log driver needs no logs endpoint', () => {
    const s = withContainer(tutorialSnapshot(), { logConfiguration: { logDriver: 'fluentd', options: {} } });
    assert.deepEqual(needs(s).map((n) => n.key), ['ecr.api', 'ecr.dkr', 's3']);
  });

  it('secrets need Secrets Manager or SSM by their source; a source that does not parse needs nothing', () => {
    const secretArn = `arn:aws:secretsmanager:${REGION}:123456789012:secret:db-AbCdEf`;
    const paramArn = `arn:aws:ssm:${REGION}:123456789012:parameter/app/key`;
    const s = withContainer(tutorialSnapshot(), {
      image: 'nginx:1.27', logConfiguration: undefined,
      secrets: [{ name: 'BAD', valueFrom: 'arn:aws:' }, { name: 'DB', valueFrom: secretArn }, { name: 'KEY', valueFrom: paramArn }],
    });
    assert.deepEqual(needs(s), [
      { key: 'secretsmanager', kind: 'Interface', why: `container ${WEB} reads secret DB from ${secretArn}`, severity: 'error', affects: ['SECRETS_UNREACHABLE', 'ECR_UNREACHABLE'] },
      { key: 'ssm', kind: 'Interface', why: `container ${WEB} reads secret KEY from ${paramArn}`, severity: 'error', affects: ['SECRETS_UNREACHABLE', 'ECR_UNREACHABLE'] },
    ]);
  });

  it('private registry credentials need Secrets Manager', () => {
    const creds = `arn:aws:secretsmanager:${REGION}:123456789012:secret:dockerhub-AbCdEf`;
    const s = withContainer(tutorialSnapshot(), { image: 'nginx:1.27', logConfiguration: undefined, repositoryCredentials: { credentialsParameter: creds } });
    assert.deepEqual(needs(s), [
      { key: 'secretsmanager', kind: 'Interface', why: `container ${WEB} reads registry credentials from ${creds}`, severity: 'error', affects: ['SECRETS_UNREACHABLE', 'REGISTRY_UNREACHABLE'] },
    ]);
  });

  it('environment files need the S3 gateway; an empty list needs nothing', () => {
    const files = withContainer(tutorialSnapshot(), { image: 'nginx:1.27', logConfiguration: undefined, environmentFiles: [{ value: 'arn:aws:s3:::bucket/app.env', type: 's3' }] });
    assert.deepEqual(needs(files), [
      { key: 's3', kind: 'Gateway', why: `container ${WEB} downloads environment files from Amazon S3`, severity: 'error', affects: ['ENV_FILES_FAILED'] },
    ]);
    const none = withContainer(tutorialSnapshot(), { image: 'nginx:1.27', logConfiguration: undefined, environmentFiles: [] });
    assert.deepEqual(needs(none), []);
  });

  it('ECS Exec needs ssmmessages, as a warning that affects no startup', () => {
    const s = withLaunch(withContainer(tutorialSnapshot(), { image: 'nginx:1.27', logConfiguration: undefined }), { enableExecuteCommand: true });
    assert.deepEqual(needs(s), [
      { key: 'ssmmessages', kind: 'Interface', why: 'the service has ECS Exec on (enableExecuteCommand)', severity: 'warning', affects: [] },
    ]);
  });

  it('each need appears once, with the first container\'s reason', () => {
    const s = tutorialSnapshot();
    const [web] = s.taskDefinition.containers;
    const two = withTaskDefinition(s, { containers: [web, { ...web, name: 'sidecar', environmentFiles: [{ value: 'arn:aws:s3:::b/x.env', type: 's3' }] }] });
    const list = needs(two);
    assert.deepEqual(list.map((n) => n.key), ['ecr.api', 'ecr.dkr', 's3', 'logs']);
    assert.ok(list.every((n) => n.why.startsWith(`container ${WEB}`) && !n.why.includes('sidecar')), JSON.stringify(list));
  });
});

describe('doctor/rules/context: endpoints', () => {
  it('usable: every state but deleted, deleting, failed, rejected and expired', () => {
    const states = ['available', 'pending', 'pendingAcceptance', 'deleted', 'deleting', 'failed', 'rejected', 'expired'];
    assert.deepEqual(states.filter((state) => usable(anInterfaceEndpoint('logs', { state }))), ['available', 'pending', 'pendingAcceptance']);
  });

  it('endpointsFor: this VPC, this service name in this Region, this type', () => {
    const mine = anInterfaceEndpoint('logs');
    const endpoints: VpcEndpoint[] = [
      mine,
      anInterfaceEndpoint('logs', { id: 'vpce-0othervpc', vpcId: 'vpc-0other' }),
      anInterfaceEndpoint('logs', { id: 'vpce-0otherregion', serviceName: 'com.amazonaws.us-east-1.logs' }),
      anInterfaceEndpoint('logs', { id: 'vpce-0gateway', type: 'Gateway' }),
      anInterfaceEndpoint('ecr.api'),
      anS3GatewayEndpoint(),
    ];
    const ctx = buildContext(withChanges(tutorialSnapshot(), { endpoints }));
    assert.deepEqual(endpointsFor(ctx, 'logs', 'Interface').map((e) => e.id), [mine.id]);
    assert.deepEqual(endpointsFor(ctx, 's3', 'Gateway').map((e) => e.id), ['vpce-0s3']);
    assert.deepEqual(endpointsFor(ctx, 's3', 'Interface'), []);
    assert.deepEqual(endpointsFor(buildContext(withChanges(tutorialSnapshot(), { endpoints: undefined })), 'logs', 'Interface'), []);
  });
});

describe('doctor/rules/context: a group\'s inbound rules in words', () => {
  it('no rule is "nothing"', () => {
    assert.equal(describeIngress(aGroup('sg-1', 'empty', [])), 'nothing');
  });

  it('one port, a range, all traffic and every kind of source, joined in order', () => {
    const g = aGroup('sg-1', 'many', [
      tcp(80, 80, { cidrs: ['10.0.0.0/16', '192.168.0.0/24'] }),
      rule('udp', 1024, 65535, { groupIds: ['sg-0alb'], prefixListIds: ['pl-0abc'] }),
      { ...ALL_EGRESS, cidrs: [], ipv6Cidrs: ['::/0'] },
      tcp(443, 443, {}),
    ]);
    assert.equal(describeIngress(g),
      'TCP 80 from 10.0.0.0/16, 192.168.0.0/24; UDP 1024-65535 from sg-0alb, pl-0abc; all traffic from ::/0; TCP 443 from nowhere');
  });
});
