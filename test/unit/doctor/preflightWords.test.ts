// The words and shape of a preflight item (src/doctor/preflight.ts), exact: planned resources
// named "(new)" in place of their placeholder ids, the form change's text, and the optional
// parts (fix, alternatives, covers) present exactly when there is something to show.
import * as assert from 'node:assert/strict';
import { withPlannedResources, type PlannedResources } from '../../../src/doctor/planned';
import { preflight, type Preflight, type PreflightItem } from '../../../src/doctor/preflight';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import { TUTORIAL } from '../../support/tutorialWorld';
import { IDS, replaceGroup, svc, tutorialSnapshot, VPC_ID, withContainer, withNetwork, natWorld } from './snapshotBuilder';

const PORT = TUTORIAL.containerPort;


function newAlb(): PlannedResources {
  return {
    loadBalancer: { name: 'demo-alb', subnetIds: [IDS.publicA, IDS.publicC], securityGroup: { name: 'demo-alb-sg', ingress: [{ port: 80, cidr: '0.0.0.0/0' }] } },
    targetGroup: { name: 'demo-tg', port: PORT, healthCheckPath: '/', listenerPort: 80 },
  };
}

function behindNewAlb(s: ServiceSnapshot): ServiceSnapshot {
  return { ...s, launch: { ...s.launch, loadBalancers: [{ containerName: TUTORIAL.containerName, containerPort: PORT }] }, loadBalancing: [] };
}

function only(p: Preflight): PreflightItem {
  assert.equal(p.items.length, 1, p.items.map((i) => i.id).join(', '));
  return p.items[0]!;
}

describe('doctor/preflight: the words and parts of an item', () => {
  it('a planned target group is named "<name> (new)" in the detail, never by its placeholder', () => {
    const s = withContainer(withPlannedResources(behindNewAlb(natWorld()), newAlb()), { portMappings: [{ containerPort: 80, protocol: 'tcp' }] });
    const mismatch = only(preflight(s));
    assert.equal(mismatch.code, 'CONTAINER_PORT_MISMATCH');
    assert.deepEqual(mismatch.detail, [`The service sends demo-tg (new) traffic to ${TUTORIAL.containerName}:${PORT}, but ${TUTORIAL.containerName} maps only 80.`]);
  });

  it('a planned task group is named "<name> (new)", also where the analyzer wrote "<id> (<name>)"', () => {
    const s = withPlannedResources(withNetwork(natWorld(), { securityGroups: [] }), {
      serviceSecurityGroup: { name: 'demo-ecs-service-sg', ingress: [{ port: PORT, cidr: '192.168.0.0/16' }] },
    });
    const blocked = only(preflight(s));
    assert.deepEqual(blocked.detail, [
      `The task's group demo-ecs-service-sg (new) does not allow TCP ${PORT} from public-ecs-service-alb (sg-0alb, 10.0.0.0/24, 10.0.1.0/24).`,
      `demo-ecs-service-sg (new) allows inbound TCP ${PORT} from 192.168.0.0/16.`,
    ]);
    assert.deepEqual(blocked.formChange, {
      field: 'networking.newSecurityGroup.inboundFrom', value: 'loadBalancer',
      text: `Let the new group demo-ecs-service-sg allow TCP ${PORT} from the load balancer's security group instead of a CIDR block.`,
    });
    assert.equal('fix' in blocked, false, 'a form change, no AWS fix');
    assert.equal('alternatives' in blocked, false);
    assert.equal('covers' in blocked, false);
  });

  it('an existing task group blocking the load balancer: an AWS fix, no form change (only a planned group is the form\'s)', () => {
    const p = preflight(replaceGroup(natWorld(), IDS.serviceSg, { ingress: [] }));
    const blocked = only(p);
    assert.equal(blocked.code, 'SERVICE_SG_BLOCKS_LB');
    assert.equal('formChange' in blocked, false);
    assert.deepEqual(blocked.fix?.plan.steps.map((x) => x.kind), ['authorizeIngress']);
    assert.equal(blocked.fix?.summary, 'add 1 inbound rule');
  });

  it("an existing task group behind a planned ALB: the ALB's planned group is named \"<name> (new)\"", () => {
    const s = withPlannedResources(behindNewAlb(replaceGroup(natWorld(), IDS.serviceSg, { ingress: [] })), newAlb());
    const blocked = preflight(s).items.find((i) => i.code === 'SERVICE_SG_BLOCKS_LB');
    assert.deepEqual(blocked?.detail, [
      `The task's group sg-0service (demo-ecs-service-sg) does not allow TCP ${PORT} from demo-alb (demo-alb-sg (new), 10.0.0.0/24, 10.0.1.0/24).`,
      'sg-0service allows inbound nothing.',
    ]);
  });

  it('public subnets without a public IP: the form change says what it costs, the item covers the folded findings and names the endpoints', () => {
    const item = only(preflight(withNetwork(natWorld(), { subnets: [IDS.publicA, IDS.publicC], assignPublicIp: 'DISABLED' })));
    assert.deepEqual(item.formChange, {
      field: 'networking.assignPublicIp', value: true,
      text: 'Turn on "Assign public IP": the tasks then reach AWS through the subnets\' internet gateway. Nothing is created for it (it costs ~$3.65/month per task: $0.005 per public IPv4 address-hour (us-east-1 list price; check ap-northeast-2)).',
    });
    assert.equal('fix' in item, false);
    assert.deepEqual(item.covers, [`ENDPOINT_MISSING:${svc('ecr.api')}`, `ENDPOINT_MISSING:${svc('ecr.dkr')}`, `S3_GATEWAY_ENDPOINT_MISSING:${VPC_ID}`, `ENDPOINT_MISSING:${svc('logs')}`, `ENDPOINT_SG_BLOCKS_443:${VPC_ID}`]);
    assert.equal(item.alternatives?.length, 1, 'the preselected public IP is not listed as another way');
    assert.match(item.alternatives![0]!, /^create the VPC endpoints: Create interface endpoints .* Running cost: ~\$43\.80\/month \+ \$0\.01\/GB: .*\.$/);
  });

  it('isolated subnets: an endpoint item has a fix and the NAT gateway as its alternative, and covers nothing', () => {
    const { service: _service, stoppedTasks: _stopped, ...s } = tutorialSnapshot();
    const ecr = preflight(s).items.find((i) => i.id === `ENDPOINT_MISSING:${svc('ecr.api')}`);
    assert.ok(ecr?.fix);
    assert.equal(ecr.alternatives?.length, 1);
    assert.equal('covers' in ecr, false, 'the endpoints clear only their own finding');
    const logGroup = preflight(s).items.find((i) => i.code === 'LOG_GROUP_MISSING');
    assert.ok(logGroup?.fix);
    assert.equal('alternatives' in logGroup, false, 'no path cause, no alternatives');
  });
});
