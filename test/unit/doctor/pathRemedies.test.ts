// One cause, several ways out (src/doctor/pathRemedies.ts): which alternatives a finding lists
// for each kind of task subnet, which one is preselected, and that the combined plan of all the
// findings takes exactly one of them. Then the NAT gateway's steps: planned, idempotent, and the
// world clean once they ran.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/doctor/analyze';
import { attachFixes } from '../../../src/doctor/examine';
import { natName, offeredAlternatives, pendingSteps, planFixes, stepAlreadyDone } from '../../../src/doctor/fixPlan';
import { describeStep, summarizePlan } from '../../../src/doctor/planText';
import { ALTERNATIVE_NAMES } from '../../../src/doctor/pathRemedies';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import { joinStoppedTasks } from '../../../src/doctor/stoppedTasks';
import type { AlternativeName, AnalyzerFinding, FixPlan, FixStep, FixStepKind } from '../../../src/doctor/types';
import type { Route } from '../../../src/model/network';
import { applyToSnapshot } from './applyToSnapshot';
import { aRoute, aRouteTable, IDS, svc, tutorialSnapshot, VPC_ID, withChanges, withContainer, withNetwork } from './snapshotBuilder';
import { TUTORIAL } from '../../support/tutorialWorld';

const NAT_STEPS: readonly FixStepKind[] = ['allocateElasticIp', 'createNatGateway', 'addNatRoute'];

function kinds(plan: FixPlan): FixStepKind[] {
  return plan.steps.map((s) => s.kind);
}

function plan(s: ServiceSnapshot, choice?: AlternativeName): FixPlan {
  return planFixes(analyze(s), s, choice);
}

function errors(s: ServiceSnapshot): string[] {
  return analyze(s).filter((f) => f.severity === 'error').map((f) => f.id);
}

/** Which remedies a plan takes for the path cause: never more than one. */
function remediesTaken(p: FixPlan): string[] {
  const k = kinds(p);
  return [
    ...(k.includes('setAssignPublicIp') ? ['publicIp'] : []),
    ...(k.some((x) => NAT_STEPS.includes(x)) ? ['natGateway'] : []),
    ...(k.some((x) => x === 'createInterfaceEndpoint' || x === 'createGatewayEndpoint') ? ['vpcEndpoints'] : []),
  ];
}

/** Tasks in the tutorial's public subnets (0.0.0.0/0 to the internet gateway), without a public IP. */
function publicNoIp(): ServiceSnapshot {
  return withChanges(withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA, IDS.publicC], assignPublicIp: 'DISABLED' }), {
    service: { ...tutorialSnapshot().service!, desiredCount: 2 },
  });
}

/** The tutorial as it is: isolated private subnets, and public subnets with an IGW route a NAT gateway can go in. */
function isolatedWithPublic(): ServiceSnapshot {
  return tutorialSnapshot();
}

/** No subnet of the VPC routes to an internet gateway: no place for a NAT gateway. */
function isolatedOnly(): ServiceSnapshot {
  const s = tutorialSnapshot();
  return withChanges(s, {
    routeTables: (s.routeTables ?? []).map((t) => (t.id === IDS.publicTable ? aRouteTable(IDS.publicTable, { subnetIds: [IDS.publicA, IDS.publicC], routes: [aRoute(TUTORIAL.vpcCidr, 'local')] }) : t)),
  });
}

/** One public subnet without a public IP and one isolated subnet. */
function mixed(): ServiceSnapshot {
  return withNetwork(tutorialSnapshot(), { subnets: [IDS.publicA, IDS.privateA], assignPublicIp: 'DISABLED' });
}

function withAlternatives(s: ServiceSnapshot): AnalyzerFinding[] {
  return analyze(s).filter((f) => f.alternatives);
}

describe('doctor/pathRemedies: one cause, several ways out', () => {
  describe('public subnets with an internet gateway, tasks without a public IP', () => {
    it('one finding lists the public IP (preselected) and the VPC endpoints, with what each changes and costs; the endpoint findings fold into it', () => {
      const findings = analyze(publicNoIp());
      const [f] = withAlternatives(publicNoIp());
      assert.ok(f);
      assert.equal(f.code, 'PUBLIC_SUBNET_NO_PUBLIC_IP');
      assert.deepEqual(f.alternatives?.map((a) => [a.name, a.preselected]), [['publicIp', true], ['vpcEndpoints', false]]);
      const [ip, endpoints] = f.alternatives!;
      assert.deepEqual(f.remedies, [{ kind: 'assignPublicIp' }], 'the finding holds the preselected remedy only');
      assert.equal(ip!.price, '~$3.65/month per task');
      assert.match(ip!.cost, /\(\$7\.30 for 2 tasks\): \$0\.005 per public IPv4 address-hour \(us-east-1 list price; check ap-northeast-2\)/);
      assert.match(ip!.changes, /assignPublicIp ENABLED.*igw-0tutorial.*Nothing is created/);
      assert.equal(endpoints!.price, '~$43.80/month + $0.01/GB');
      assert.match(endpoints!.cost, /3 interface endpoints × 2 AZs at \$0\.01 per AZ-hour; the S3 gateway endpoint has no charge/);
      assert.match(endpoints!.changes, /ecr\.api, .*ecr\.dkr, .*logs in ap-northeast-2a, ap-northeast-2c and the S3 gateway endpoint on route table rtb-0public/);
      // Not "missing": the tasks are meant to use the internet gateway.
      assert.ok(!findings.some((x) => x.code === 'ENDPOINT_MISSING' || x.code === 'S3_GATEWAY_ENDPOINT_MISSING' || x.code === 'ENDPOINT_SG_BLOCKS_443'), findings.map((x) => x.id).join(', '));
      assert.ok(ip!.clears?.includes(`ENDPOINT_MISSING:${svc('ecr.dkr')}`), String(ip!.clears));
      assert.match(f.evidence.join('\n'), /With a public IP the tasks need no VPC endpoint: it also clears what the endpoint checks found \(ENDPOINT_MISSING com\.amazonaws\.ap-northeast-2\.ecr\.api; /);
      assert.doesNotMatch(`${f.title}\n${f.evidence.join('\n')}`, /is missing/);
      assert.deepEqual(offeredAlternatives(findings), ['publicIp', 'vpcEndpoints']);
    });

    it('the plan gives the tasks a public IP and creates no endpoint; --remedy vpcEndpoints creates the endpoints and no public IP', () => {
      const s = publicNoIp();
      assert.deepEqual(kinds(plan(s)), ['createLogGroup', 'setAssignPublicIp', 'forceNewDeployment']);
      const endpoints = plan(s, 'vpcEndpoints');
      assert.deepEqual(remediesTaken(endpoints), ['vpcEndpoints']);
      assert.ok(!kinds(endpoints).includes('setAssignPublicIp'));
      assert.deepEqual(errors(applyToSnapshot(plan(s), s)), [], 'the public IP alone removes the cause');
      assert.deepEqual(errors(applyToSnapshot(endpoints, s)), [], 'the endpoints alone remove it too');
      assert.deepEqual(kinds(plan(s, 'natGateway')), kinds(plan(s)), 'a way not offered changes nothing: the preselected plan');
    });

    it('an image only the internet serves: the public IP is the only way out', () => {
      const s = withContainer(publicNoIp(), { image: 'public.ecr.aws/nginx/nginx:latest' });
      const [f] = withAlternatives(s);
      assert.deepEqual(f?.alternatives?.map((a) => a.name), ['publicIp']);
    });
  });

  describe('isolated subnets, the VPC has a public subnet', () => {
    it('the endpoint findings list the VPC endpoints (preselected) and a NAT gateway in a public subnet of a task zone', () => {
      const found = withAlternatives(isolatedWithPublic());
      assert.deepEqual(found.map((f) => f.id), [
        `ENDPOINT_MISSING:${svc('ecr.api')}`, `ENDPOINT_MISSING:${svc('ecr.dkr')}`, `S3_GATEWAY_ENDPOINT_MISSING:${VPC_ID}`,
        `ENDPOINT_MISSING:${svc('logs')}`, `ENDPOINT_SG_BLOCKS_443:${VPC_ID}`,
      ]);
      for (const f of found) assert.deepEqual(f.alternatives?.map((a) => [a.name, a.preselected]), [['vpcEndpoints', true], ['natGateway', false]], f.id);
      const nat = found[0]!.alternatives![1]!;
      assert.deepEqual(nat.remedies, [{ kind: 'natGateway', subnetId: IDS.publicA, availabilityZone: 'ap-northeast-2a', routeTableIds: [IDS.privateTable] }]);
      assert.equal(nat.price, '~$36.50/month + $0.045/GB');
      assert.match(nat.changes, /one NAT gateway in public subnet subnet-0pub1a .* route 0\.0\.0\.0\/0 of route table rtb-0private to it.*One gateway serves every zone/);
      assert.deepEqual(found[0]!.remedies, [{ kind: 'interfaceEndpoint', serviceName: svc('ecr.api') }], 'each finding keeps its own endpoint');
    });

    it('the plan creates the endpoints; --remedy natGateway allocates an Elastic IP, creates the NAT gateway and routes the task table to it, and nothing else of the cause', () => {
      const s = isolatedWithPublic();
      assert.deepEqual(remediesTaken(plan(s)), ['vpcEndpoints']);
      const nat = plan(s, 'natGateway');
      assert.deepEqual(kinds(nat), ['allocateElasticIp', 'createNatGateway', 'addNatRoute', 'createLogGroup', 'forceNewDeployment']);
      assert.deepEqual(nat.steps.slice(0, 3), [
        { kind: 'allocateElasticIp', vpcId: VPC_ID, natSubnetId: IDS.publicA, name: natName(IDS.publicA) },
        { kind: 'createNatGateway', vpcId: VPC_ID, subnetId: IDS.publicA, availabilityZone: 'ap-northeast-2a', name: 'ecs-studio-nat-subnet-0pub1a' },
        { kind: 'addNatRoute', vpcId: VPC_ID, routeTableId: IDS.privateTable, natSubnetId: IDS.publicA },
      ]);
      assert.deepEqual(errors(applyToSnapshot(nat, s)), [], 'the NAT gateway alone removes the cause');
    });

    it('a stopped task of the cause offers the same ways, each planned for all its causes', () => {
      const s = isolatedWithPublic();
      const findings = attachFixes(analyze(s), s);
      const ecr = joinStoppedTasks(findings, s).find((d) => d.finding.code === 'ECR_UNREACHABLE');
      assert.deepEqual(ecr?.alternatives?.map((a) => a.name), ['vpcEndpoints', 'natGateway']);
      assert.deepEqual(remediesTaken(ecr!.alternatives![1]!.fix!), ['natGateway']);
      assert.deepEqual(remediesTaken(ecr!.fix!), ['vpcEndpoints']);
    });

    it('an image only the internet serves: endpoints cannot serve it, so the NAT gateway is preselected and alone', () => {
      const s = withContainer(isolatedWithPublic(), { image: 'docker.io/library/nginx:latest' });
      const found = withAlternatives(s);
      assert.ok(found.some((f) => f.code === 'REGISTRY_UNREACHABLE'));
      for (const f of found) assert.deepEqual(f.alternatives?.map((a) => [a.name, a.preselected]), [['natGateway', true]], f.id);
      assert.deepEqual(remediesTaken(plan(s)), ['natGateway']);
      assert.deepEqual(errors(applyToSnapshot(plan(s), s)), []);
    });
  });

  describe('isolated subnets, no public subnet in the VPC', () => {
    it('no NAT gateway is offered (there is nowhere to put it): the endpoints are the one way, no alternatives listed', () => {
      const s = isolatedOnly();
      assert.deepEqual(withAlternatives(s), []);
      assert.deepEqual(offeredAlternatives(analyze(s)), []);
      assert.deepEqual(remediesTaken(plan(s)), ['vpcEndpoints']);
      assert.deepEqual(remediesTaken(plan(s, 'natGateway')), ['vpcEndpoints']);
    });

    it('a 0.0.0.0/0 route to a deleted internet gateway (blackhole) is no public subnet either', () => {
      const s = tutorialSnapshot();
      const dead: Route = { ...aRoute('0.0.0.0/0', IDS.igw), state: 'blackhole' };
      const blackholed = withChanges(s, {
        routeTables: (s.routeTables ?? []).map((t) => (t.id === IDS.publicTable ? aRouteTable(IDS.publicTable, { subnetIds: [IDS.publicA, IDS.publicC], routes: [aRoute(TUTORIAL.vpcCidr, 'local'), dead] }) : t)),
      });
      assert.deepEqual(withAlternatives(blackholed), []);
    });
  });

  describe('mixed: a public subnet without a public IP and an isolated subnet', () => {
    it('only the endpoints serve both: the public IP is not planned (it would be a second remedy), and no alternative is listed', () => {
      const s = mixed();
      const f = analyze(s).find((x) => x.code === 'PUBLIC_SUBNET_NO_PUBLIC_IP');
      assert.ok(f);
      assert.deepEqual(f.remedies, []);
      assert.match(f.evidence.join(' '), /subnet-0priv1a has no internet route at all.*a public IP as well would be a second remedy for the same cause/);
      assert.deepEqual(withAlternatives(s), []);
      assert.deepEqual(remediesTaken(plan(s)), ['vpcEndpoints']);
      assert.deepEqual(errors(applyToSnapshot(plan(s), s)), []);
    });
  });

  it('the combined plan never takes two ways out of one cause, whatever the world and the choice', () => {
    const worlds: Array<[string, ServiceSnapshot]> = [
      ['public, no public IP', publicNoIp()],
      ['isolated, public subnet', isolatedWithPublic()],
      ['isolated only', isolatedOnly()],
      ['mixed', mixed()],
      ['isolated, internet image', withContainer(isolatedWithPublic(), { image: 'docker.io/library/nginx:latest' })],
    ];
    for (const [name, s] of worlds) {
      for (const choice of [undefined, ...ALTERNATIVE_NAMES]) {
        const p = plan(s, choice);
        assert.ok(remediesTaken(p).length <= 1, `${name}, ${choice ?? 'preselected'}: ${kinds(p).join(', ')}`);
        // Each finding's own fix and every stopped task's plan hold one way too.
        const findings = attachFixes(analyze(s), s);
        for (const f of findings) assert.ok(remediesTaken(f.fix ?? { steps: [] }).length <= 1, `${name} ${f.id}`);
        for (const d of joinStoppedTasks(findings, s)) assert.ok(remediesTaken(d.fix ?? { steps: [] }).length <= 1, `${name} ${d.task.id}`);
      }
    }
  });

  describe('the NAT gateway steps', () => {
    /** Built in each test: code run at describe level is attributed to no test (mutation testing). */
    function natSteps(): { s: ServiceSnapshot; eip: FixStep; nat: FixStep; route: FixStep } {
      const s = isolatedWithPublic();
      const [eip, nat, route] = plan(s, 'natGateway').steps as [FixStep, FixStep, FixStep];
      return { s, eip, nat, route };
    }

    it('say what they do', () => {
      const { s, eip, nat, route } = natSteps();
      assert.equal(describeStep(eip), 'Allocate an Elastic IP named ecs-studio-nat-subnet-0pub1a for the NAT gateway in subnet-0pub1a');
      assert.equal(describeStep(nat), 'Create a public NAT gateway named ecs-studio-nat-subnet-0pub1a in public subnet subnet-0pub1a (ap-northeast-2a) with that Elastic IP, and wait until it is available');
      assert.equal(describeStep(route), 'Route 0.0.0.0/0 of route table rtb-0private to the NAT gateway in subnet-0pub1a');
      assert.equal(summarizePlan(plan(s, 'natGateway')), 'create 1 log group, 1 NAT gateway; allocate 1 Elastic IP; add 1 route to the NAT gateway; then redeploy');
    });

    it('each is done exactly when the snapshot shows its effect', () => {
      const { s, eip, nat, route } = natSteps();
      const natGw = (state: string, connectivityType = 'public') => ({ id: 'nat-1', vpcId: VPC_ID, subnetId: IDS.publicA, state, connectivityType, name: undefined });
      const address = (associationId: string | undefined, name = natName(IDS.publicA)) => ({ allocationId: 'eipalloc-1', publicIp: '203.0.113.1', associationId, name });
      assert.equal(stepAlreadyDone(eip, s), false);
      assert.equal(stepAlreadyDone(eip, withChanges(s, { elasticIps: [address(undefined)] })), true, 'allocated, waiting for its gateway');
      assert.equal(stepAlreadyDone(eip, withChanges(s, { elasticIps: [address('eipassoc-9')] })), false, 'in use by something else');
      assert.equal(stepAlreadyDone(eip, withChanges(s, { elasticIps: [address(undefined, 'someone-elses')] })), false);
      assert.equal(stepAlreadyDone(eip, withChanges(s, { natGateways: [natGw('available')] })), true, 'the gateway it is for exists');
      assert.equal(stepAlreadyDone(nat, s), false);
      assert.equal(stepAlreadyDone(nat, withChanges(s, { natGateways: [natGw('pending')] })), true);
      assert.equal(stepAlreadyDone(nat, withChanges(s, { natGateways: [natGw('available')] })), true);
      assert.equal(stepAlreadyDone(nat, withChanges(s, { natGateways: [natGw('failed')] })), false);
      assert.equal(stepAlreadyDone(nat, withChanges(s, { natGateways: [natGw('deleted')] })), false);
      assert.equal(stepAlreadyDone(nat, withChanges(s, { natGateways: [natGw('available', 'private')] })), false, 'a private NAT gateway reaches no internet');
      const tableWith = (r: Route) => withChanges(s, {
        routeTables: (s.routeTables ?? []).map((t) => (t.id === IDS.privateTable ? { ...t, routes: [...t.routes, r] } : t)),
      });
      assert.equal(stepAlreadyDone(route, s), false);
      assert.equal(stepAlreadyDone(route, tableWith(aRoute('0.0.0.0/0', 'nat-1'))), true);
      assert.equal(stepAlreadyDone(route, tableWith({ ...aRoute('0.0.0.0/0', 'nat-1'), state: 'blackhole' })), false);
    });

    it('a second plan after the first ran is empty; a half-run plan resumes where it stopped', () => {
      const { s } = natSteps();
      const first = plan(s, 'natGateway');
      const after = applyToSnapshot(first, s);
      assert.deepEqual(plan(after, 'natGateway').steps, []);
      assert.deepEqual(plan(after).steps, [], 'and the preselected plan too: the cause is gone');
      const half = applyToSnapshot({ steps: first.steps.slice(0, 1) }, s);
      assert.deepEqual(pendingSteps(first, half).map((x) => x.kind), ['createNatGateway', 'addNatRoute', 'createLogGroup', 'forceNewDeployment']);
    });
  });
});
