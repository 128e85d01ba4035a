// The service map's back half, from the tasks to the AWS services (backEnd.ts): a node per
// service the task definition needs (its title, short name and purpose), the endpoints that
// serve a subnet (interface with private DNS, or any when there is no way out; gateway on the
// subnet's route table, or the first when there is no way out), each endpoint's lines, which
// findings break the edge to an endpoint and which groups or ACLs they name, and the findings on
// a service edge with neither endpoint nor way out.
import * as assert from 'node:assert/strict';
import { TUTORIAL } from '../../../support/tutorialWorld';
import {
  ACCOUNT, anInterfaceEndpoint, anS3GatewayEndpoint, defaultAcl, fixedTutorialSnapshot, IDS, REGION, svc, tutorialSnapshot, VPC_ID, withChanges, withContainer, withLaunch,
} from '../snapshotBuilder';
import { aFinding, edgeOf, idsOn, mapWith, nodeOf } from './mapFixtures';

const PRIV_A = `tasks:${IDS.privateA}`;

const NAT_TABLES = fixedTutorialSnapshot().routeTables?.map((t) => (t.id === IDS.privateTable ? { ...t, routes: [...t.routes, { destination: '0.0.0.0/0', destinationKind: 'ipv4' as const, target: 'nat-0abc', targetKind: 'nat-gateway' as const, state: 'active' }] } : t));

describe('service map: endpoints and services', () => {
  it('a node per service the task definition needs, each with its short name and why the task needs it', () => {
    const secrets = [
      { name: 'A', valueFrom: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:db-AbCdEf` },
      { name: 'B', valueFrom: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/app/b` },
    ];
    const s = withLaunch(withContainer(fixedTutorialSnapshot(), { secrets }), { enableExecuteCommand: true });
    const services = mapWith(s).nodes.filter((n) => n.kind === 'awsService');
    assert.deepEqual(services.map((n) => [n.id, n.title, ...n.lines]), [
      ['aws:ecr.api', 'Amazon ECR API', 'ecr.api', 'image pull: authorization'],
      ['aws:ecr.dkr', 'Amazon ECR registry', 'ecr.dkr', 'image pull: manifests'],
      ['aws:s3', 'Amazon S3', 's3', 'image layers, environment files'],
      ['aws:logs', 'CloudWatch Logs', 'logs', 'container logs (awslogs)'],
      ['aws:secretsmanager', 'Secrets Manager', 'secretsmanager', 'secrets at start'],
      ['aws:ssm', 'SSM Parameter Store', 'ssm', 'parameters at start'],
      ['aws:ssmmessages', 'SSM messages (ECS Exec)', 'ssmmessages', 'ECS Exec sessions'],
    ]);
  });

  it('the back half\'s nodes in the order walked: tasks, way out, then each service after the endpoints that serve it', () => {
    const ids = mapWith(fixedTutorialSnapshot()).nodes.map((n) => n.id).slice(3);
    assert.deepEqual(ids, [
      PRIV_A, 'out:none', 'aws:ecr.api', 'ep:vpce-0ecrapi', 'aws:ecr.dkr', 'ep:vpce-0ecrdkr', 'aws:s3', 'ep:vpce-0s3', 'aws:logs', 'ep:vpce-0logs', `tasks:${IDS.privateC}`,
    ]);
  });

  it('an interface endpoint\'s lines: its id, each group\'s 443 rule (or that it was not read), private DNS and state; the edges HTTPS 443 then PrivateLink', () => {
    const ep = anInterfaceEndpoint('logs', { securityGroupIds: [IDS.serviceSg, 'sg-gone'], privateDnsEnabled: false, state: 'pending' });
    const map = mapWith(withChanges(fixedTutorialSnapshot(), { endpoints: [ep] }));
    assert.deepEqual(nodeOf(map, 'ep:vpce-0logs'), {
      id: 'ep:vpce-0logs', kind: 'endpoint', title: 'Endpoint logs',
      lines: ['vpce-0logs', `${IDS.serviceSg}: TCP 443 from ${TUTORIAL.vpcCidr}`, 'sg-gone: not read', 'private DNS off · pending'],
    });
    assert.equal(edgeOf(map, PRIV_A, 'ep:vpce-0logs').label, 'HTTPS 443');
    assert.equal(edgeOf(map, 'ep:vpce-0logs', 'aws:logs').label, 'PrivateLink');
    assert.equal(nodeOf(mapWith(fixedTutorialSnapshot()), 'ep:vpce-0ecrapi').title, 'Endpoint ecr.api');
  });

  it('a gateway endpoint\'s lines: its id and route tables (or none); the edges the S3 prefix list of the subnet\'s table, then gateway', () => {
    const map = mapWith(fixedTutorialSnapshot());
    assert.deepEqual(nodeOf(map, 'ep:vpce-0s3'), { id: 'ep:vpce-0s3', kind: 'endpoint', title: 'Gateway endpoint s3', lines: ['vpce-0s3', `route tables ${IDS.privateTable}`] });
    assert.equal(edgeOf(map, PRIV_A, 'ep:vpce-0s3').label, `S3 prefix list (${IDS.privateTable})`);
    assert.equal(edgeOf(map, 'ep:vpce-0s3', 'aws:s3').label, 'gateway');
    const loose = mapWith(withChanges(fixedTutorialSnapshot(), { endpoints: [anS3GatewayEndpoint({ routeTableIds: [] })] }));
    assert.deepEqual(nodeOf(loose, 'ep:vpce-0s3').lines, ['vpce-0s3', 'route tables none']);
    const two = mapWith(withChanges(fixedTutorialSnapshot(), { endpoints: [anS3GatewayEndpoint({ routeTableIds: [IDS.publicTable, IDS.privateTable] })] }));
    assert.deepEqual(nodeOf(two, 'ep:vpce-0s3').lines, ['vpce-0s3', `route tables ${IDS.publicTable}, ${IDS.privateTable}`]);
  });

  it('a gateway endpoint off the subnet\'s table: drawn (the first) when the subnet has no way out; with a NAT the tasks go out instead', () => {
    const loose = [anS3GatewayEndpoint({ routeTableIds: ['rtb-other'] }), anS3GatewayEndpoint({ id: 'vpce-0s3b', routeTableIds: [] })];
    const isolated = mapWith(withChanges(fixedTutorialSnapshot(), { endpoints: loose }), [aFinding('S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED', IDS.privateTable)]);
    assert.deepEqual(isolated.edges.filter((e) => e.to.startsWith('ep:')).map((e) => `${e.id} ${e.state}`), [
      `${PRIV_A}->ep:vpce-0s3 broken`, `tasks:${IDS.privateC}->ep:vpce-0s3 broken`,
    ]);
    const mixed = mapWith(withChanges(fixedTutorialSnapshot(), { endpoints: [...loose, anS3GatewayEndpoint({ id: 'vpce-0s3c' })] }));
    assert.deepEqual(mixed.edges.filter((e) => e.from === PRIV_A && e.to.startsWith('ep:vpce-0s3')).map((e) => e.to), ['ep:vpce-0s3c']);
    const nat = mapWith(withChanges(fixedTutorialSnapshot(), { endpoints: loose, routeTables: NAT_TABLES }));
    assert.ok(!nat.edges.some((e) => e.to.startsWith('ep:')));
    edgeOf(nat, 'out:nat-0abc', 'aws:s3');
    const onTable = mapWith(withChanges(fixedTutorialSnapshot(), { endpoints: [...loose, anS3GatewayEndpoint({ id: 'vpce-0s3c' })], routeTables: NAT_TABLES }));
    assert.deepEqual(onTable.edges.filter((e) => e.to.startsWith('ep:') || e.to === 'aws:s3').map((e) => e.id), [
      `${PRIV_A}->ep:vpce-0s3c`, 'ep:vpce-0s3c->aws:s3', `tasks:${IDS.privateC}->ep:vpce-0s3c`,
    ]);
  });

  it('an interface endpoint without private DNS serves only a subnet with no way out; a deleted one serves none', () => {
    const noDns = anInterfaceEndpoint('logs', { privateDnsEnabled: false });
    edgeOf(mapWith(withChanges(fixedTutorialSnapshot(), { endpoints: [noDns] })), PRIV_A, 'ep:vpce-0logs');
    const nat = mapWith(withChanges(fixedTutorialSnapshot(), { endpoints: [noDns, anInterfaceEndpoint('ecr.api')], routeTables: NAT_TABLES }));
    assert.ok(!nat.edges.some((e) => e.to === 'ep:vpce-0logs'));
    edgeOf(nat, 'out:nat-0abc', 'aws:logs');
    edgeOf(nat, PRIV_A, 'ep:vpce-0ecrapi');
    const deleted = mapWith(withChanges(fixedTutorialSnapshot(), { endpoints: [anInterfaceEndpoint('logs', { state: 'deleted' })] }));
    assert.ok(!deleted.nodes.some((n) => n.id === 'ep:vpce-0logs'));
  });

  it('the edge to an endpoint is broken by that endpoint\'s faults, the task group\'s egress to it, VPC DNS and its subnets\' ACLs; not by others', () => {
    const logs = anInterfaceEndpoint('logs', { subnetIds: [IDS.privateA, IDS.publicA], securityGroupIds: ['sg-0ep'] });
    const acls = [defaultAcl([IDS.privateA, IDS.privateC]), { ...defaultAcl([IDS.publicA]), id: 'acl-0pub', isDefault: false }];
    const s = withChanges(fixedTutorialSnapshot(), { endpoints: [logs, anS3GatewayEndpoint()], networkAcls: acls });
    const egress = aFinding('TASK_SG_BLOCKS_443', IDS.serviceSg, { title: `${IDS.serviceSg} sends nothing to ${svc('logs')} (${logs.id})` });
    const on = [
      aFinding('ENDPOINT_SG_BLOCKS_443', logs.id), aFinding('ENDPOINT_PRIVATE_DNS_DISABLED', logs.id), aFinding('ENDPOINT_NOT_AVAILABLE', logs.id),
      egress, aFinding('VPC_DNS_DISABLED', VPC_ID), aFinding('NACL_BLOCKS_443', 'acl-0pub'), aFinding('NACL_BLOCKS_REPLIES', 'acl-0pub'),
    ];
    const off = [
      aFinding('ENDPOINT_SG_BLOCKS_443', 'vpce-other'), aFinding('ENDPOINT_NOT_AVAILABLE', 'vpce-other'),
      aFinding('TASK_SG_BLOCKS_443', 'sg-x', { title: `to ${svc('logs')} only` }), aFinding('TASK_SG_BLOCKS_443', 'sg-y', { title: `to ${logs.id} only` }),
      aFinding('S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED', 'rtb-x'), aFinding('NACL_BLOCKS_REPLIES', 'acl-0other'), aFinding('LOG_GROUP_MISSING', 'g'),
    ];
    const map = mapWith(s, [...on, ...off]);
    const e = edgeOf(map, PRIV_A, `ep:${logs.id}`);
    assert.deepEqual([...e.findingIds].sort(), on.map((f) => f.id).sort());
    assert.deepEqual(e.blockers, ['sg-0ep', IDS.serviceSg, 'acl-0pub']);
    // The gateway endpoint on the subnet's table: VPC DNS and "not associated" are not its faults.
    assert.deepEqual(idsOn(map, PRIV_A, 'ep:vpce-0s3'), []);
    assert.deepEqual(idsOn(map, `ep:${logs.id}`, 'aws:logs'), ['LOG_GROUP_MISSING:g']);
  });

  it('the ACL of an endpoint\'s subnet: the one naming it, else the VPC\'s default; none read or none serving it, no ACL', () => {
    const logs = anInterfaceEndpoint('logs', { subnetIds: [IDS.privateA, IDS.publicA], securityGroupIds: ['sg-0ep'] });
    const finding = aFinding('NACL_BLOCKS_443', IDS.defaultAcl);
    const privateAcl = { ...defaultAcl([IDS.privateA, IDS.privateC]), id: 'acl-0priv', isDefault: false };
    // The task subnet has its own ACL; the endpoint's other subnet falls back to the VPC's default.
    const byDefault = withChanges(fixedTutorialSnapshot(), { endpoints: [logs], networkAcls: [privateAcl, defaultAcl([])] });
    assert.deepEqual(idsOn(mapWith(byDefault, [finding]), PRIV_A, 'ep:vpce-0logs'), [finding.id]);
    const privateOnly = withChanges(byDefault, { networkAcls: [privateAcl] });
    assert.deepEqual(idsOn(mapWith(privateOnly, [finding]), PRIV_A, 'ep:vpce-0logs'), []);
    assert.deepEqual(idsOn(mapWith(withChanges(byDefault, { networkAcls: undefined }), [finding]), PRIV_A, 'ep:vpce-0logs'), []);
  });

  it('the names on a broken endpoint edge: the endpoint\'s groups, then the task subnet\'s own ACL', () => {
    const acl = { ...defaultAcl([IDS.privateA, IDS.privateC]), id: 'acl-0priv', isDefault: false };
    const ep = anInterfaceEndpoint('logs', { securityGroupIds: ['sg-ep1', 'sg-ep2'] });
    const s = withChanges(fixedTutorialSnapshot(), { endpoints: [ep], networkAcls: [acl] });
    const map = mapWith(s, [aFinding('ENDPOINT_SG_BLOCKS_443', ep.id), aFinding('NACL_BLOCKS_REPLIES', 'acl-0priv'), aFinding('ENDPOINT_PRIVATE_DNS_DISABLED', ep.id)]);
    assert.deepEqual(edgeOf(map, PRIV_A, `ep:${ep.id}`).blockers, ['sg-ep1', 'sg-ep2', 'acl-0priv']);
  });

  it('an endpoint whose groups could not be read: its edge unchecked with the doctor\'s evidence', () => {
    const unread = aFinding('COULD_NOT_CHECK', 'securityGroups:vpce-0logs', { severity: 'warning', evidence: ['The groups of vpce-0logs were not read: AccessDenied.', 'second'] });
    const others = [aFinding('COULD_NOT_CHECK', 'securityGroups:vpce-other', { evidence: ['other'] }), aFinding('NETWORK_PATH_UNKNOWN', 'securityGroups:vpce-0ecrapi', { evidence: ['not this'] })];
    const map = mapWith(fixedTutorialSnapshot(), [unread, ...others]);
    const e = edgeOf(map, PRIV_A, 'ep:vpce-0logs');
    assert.deepEqual([e.state, e.reason], ['unchecked', 'The groups of vpce-0logs were not read: AccessDenied.']);
    assert.equal(edgeOf(map, PRIV_A, 'ep:vpce-0ecrapi').state, 'ok');
  });

  it('no endpoint and no way out: each service edge broken by what is missing for that service, and the log group on the logs edge', () => {
    const findings = [
      aFinding('ENDPOINT_MISSING', svc('ecr.api')), aFinding('S3_GATEWAY_ENDPOINT_MISSING', VPC_ID), aFinding('S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED', IDS.privateTable),
      aFinding('ENDPOINT_SG_BLOCKS_443', VPC_ID), aFinding('ENDPOINT_SG_BLOCKS_443', 'vpc-other'), aFinding('PUBLIC_SUBNET_NO_PUBLIC_IP', IDS.publicA),
      aFinding('LOG_GROUP_MISSING', TUTORIAL.logGroupName), aFinding('VPC_DNS_DISABLED', VPC_ID),
    ];
    const map = mapWith(tutorialSnapshot(), findings);
    const id = (code: string, resource: string) => `${code}:${resource}`;
    const everywhere = id('PUBLIC_SUBNET_NO_PUBLIC_IP', IDS.publicA);
    assert.deepEqual(idsOn(map, PRIV_A, 'aws:ecr.api'), [id('ENDPOINT_MISSING', svc('ecr.api')), id('ENDPOINT_SG_BLOCKS_443', VPC_ID), everywhere].sort());
    assert.deepEqual(idsOn(map, PRIV_A, 'aws:ecr.dkr'), [id('ENDPOINT_SG_BLOCKS_443', VPC_ID), everywhere].sort());
    assert.deepEqual(idsOn(map, PRIV_A, 'aws:s3'), [id('S3_GATEWAY_ENDPOINT_MISSING', VPC_ID), id('S3_GATEWAY_ENDPOINT_NOT_ASSOCIATED', IDS.privateTable), everywhere].sort());
    assert.deepEqual(idsOn(map, PRIV_A, 'aws:logs'), [id('ENDPOINT_SG_BLOCKS_443', VPC_ID), everywhere, id('LOG_GROUP_MISSING', TUTORIAL.logGroupName)].sort());
  });

  it('no endpoint, no way out and no finding for it: unchecked, saying so; endpoints not read: unchecked with the gap\'s reason', () => {
    const quiet = edgeOf(mapWith(tutorialSnapshot()), PRIV_A, 'aws:ecr.api');
    assert.deepEqual([quiet.state, quiet.reason], ['unchecked', 'no endpoint serves this subnet and it has no way out, yet the doctor named no finding for it.']);
    for (const [gaps, reason] of [
      [[], 'the VPC endpoints were not read.'],
      [[{ subject: 'routeTables', reason: 'no' }, { subject: 'endpoints', reason: 'AccessDenied' }], 'the VPC endpoints were not read (AccessDenied).'],
    ] as const) {
      assert.equal(edgeOf(mapWith(withChanges(tutorialSnapshot(), { endpoints: undefined, gaps })), PRIV_A, 'aws:s3').reason, reason);
    }
  });
});
