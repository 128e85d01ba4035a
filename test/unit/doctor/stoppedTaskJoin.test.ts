// How a stopped task is joined with the analysis (stoppedTasks.ts), with findings made by hand so
// each test controls exactly which causes there are: which findings count as causes, the order of
// a failed health check's causes (first broken link of the path first), the "Missing in" line of
// missing endpoints, the lead, the plan and the alternatives (preselected first, each with the
// plan of all the causes taking it), and the check as the target group configures it.
import * as assert from 'node:assert/strict';
import { classify } from '../../../src/doctor/classify';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import { joinStoppedTasks } from '../../../src/doctor/stoppedTasks';
import type { AnalyzerFinding, RemedyAlternative } from '../../../src/doctor/types';
import type { TargetGroup } from '../../../src/model/network';
import { aFinding } from './map/mapFixtures';
import { IDS, tutorialSnapshot, withChanges, withLaunch } from './snapshotBuilder';

const ECR_STOP = 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed caused by: Post "https://api.ecr.ap-northeast-2.amazonaws.com/": dial tcp 10.0.0.1:443: i/o timeout';
const ELB_STOP = `Task failed ELB health checks in (target-group ${IDS.targetGroupArn})`;

function stopped(s: ServiceSnapshot, reason: string): ServiceSnapshot {
  return withChanges(s, { stoppedTasks: [{ task: { arn: 'arn:aws:ecs:ap-northeast-2:123456789012:task/demo-ecs-cluster/9999', id: '9999' }, finding: classify({ stoppedReason: reason }) }] });
}

function join(s: ServiceSnapshot, findings: AnalyzerFinding[]) {
  const [j] = joinStoppedTasks(findings, s);
  assert.ok(j, 'one diagnosis per stopped task');
  return j;
}

function alternative(name: RemedyAlternative['name'], preselected: boolean, remedies: RemedyAlternative['remedies'] = []): RemedyAlternative {
  return { name, title: name, changes: '', cost: '', price: '', monthlyUsd: 0, remedies, preselected } as RemedyAlternative;
}

const ecrCause = (code: AnalyzerFinding['code'], resource: string, fields: Partial<AnalyzerFinding> = {}) =>
  aFinding(code, resource, { affects: ['ECR_UNREACHABLE'], evidence: [`${resource} is the cause.`], ...fields });

describe('doctor/stoppedTasks: which findings explain a stopped task', () => {
  it('only errors and warnings that affect the task\'s code count; info and COULD_NOT_CHECK never do', () => {
    const s = stopped(tutorialSnapshot(), ECR_STOP);
    const j = join(s, [
      ecrCause('ENDPOINT_MISSING', 'com.amazonaws.ap-northeast-2.ecr.api'),
      ecrCause('ENDPOINT_MISSING', 'com.amazonaws.ap-northeast-2.ecr.dkr', { severity: 'info' }),
      ecrCause('COULD_NOT_CHECK', 'routes'),
      ecrCause('TASK_SG_BLOCKS_443', 'sg-1', { severity: 'warning' }),
      aFinding('LOG_GROUP_MISSING', '/ecs/x', { affects: ['LOGS_UNREACHABLE'] }),
    ]);
    assert.deepEqual(j.causes.map((c) => `${c.code}:${c.resource}`), ['ENDPOINT_MISSING:com.amazonaws.ap-northeast-2.ecr.api', 'TASK_SG_BLOCKS_443:sg-1']);
    assert.equal(j.explained, true);
  });

  it('missing endpoints make one "Missing in" line (the S3 gateway by its name), the other causes a line each without a lead', () => {
    const s = stopped(tutorialSnapshot(), ECR_STOP);
    const j = join(s, [
      ecrCause('TASK_SG_BLOCKS_443', 'sg-1'),
      ecrCause('ENDPOINT_MISSING', 'com.amazonaws.ap-northeast-2.ecr.dkr'),
      ecrCause('S3_GATEWAY_ENDPOINT_MISSING', 'vpc'),
    ]);
    assert.deepEqual(j.evidence, [
      `Missing in ${s.vpc!.id}: com.amazonaws.ap-northeast-2.ecr.dkr, com.amazonaws.ap-northeast-2.s3 (gateway).`,
      'TASK_SG_BLOCKS_443 on sg-1: sg-1 is the cause.',
    ]);
  });

  it('without the VPC read, the line says "the task VPC"', () => {
    const s = withChanges(stopped(tutorialSnapshot(), ECR_STOP), { vpc: undefined });
    assert.deepEqual(join(s, [ecrCause('ENDPOINT_MISSING', 'com.amazonaws.ap-northeast-2.logs')]).evidence, ['Missing in the task VPC: com.amazonaws.ap-northeast-2.logs.']);
  });

  it('no cause: an error says the cause may be gone or out of sight, with no plan and no alternatives', () => {
    const j = join(stopped(tutorialSnapshot(), ECR_STOP), []);
    assert.equal(j.explained, false);
    assert.deepEqual(j.evidence, ['The current configuration shows no cause for this: it may have been fixed after the task stopped, or the cause is outside what the doctor reads.']);
    assert.equal('fix' in j, false);
    assert.equal('alternatives' in j, false);
  });

  it('causes whose remedies make no step give no fix; a remedy that makes steps gives the plan', () => {
    const s = stopped(tutorialSnapshot(), ECR_STOP);
    assert.equal('fix' in join(s, [ecrCause('TASK_SG_BLOCKS_443', 'sg-1')]), false);
    const j = join(s, [ecrCause('ENDPOINT_MISSING', 'com.amazonaws.ap-northeast-2.ecr.api', { remedies: [{ kind: 'interfaceEndpoint', serviceName: 'com.amazonaws.ap-northeast-2.ecr.api' }] })]);
    assert.ok(j.fix && j.fix.steps.some((x) => x.kind === 'createInterfaceEndpoint'), JSON.stringify(j.fix?.steps.map((x) => x.kind)));
  });

  it('alternatives: each once, preselected first, with a plan only when it makes steps', () => {
    const s = stopped(tutorialSnapshot(), ECR_STOP);
    const alts = [alternative('publicIp', false, [{ kind: 'assignPublicIp' }]), alternative('vpcEndpoints', true, [{ kind: 'interfaceEndpoint', serviceName: 'com.amazonaws.ap-northeast-2.ecr.api' }]), alternative('natGateway', false)];
    const j = join(s, [
      ecrCause('ENDPOINT_MISSING', 'com.amazonaws.ap-northeast-2.ecr.api', { alternatives: alts }),
      ecrCause('ENDPOINT_MISSING', 'com.amazonaws.ap-northeast-2.ecr.dkr', { alternatives: alts }),
    ]);
    assert.deepEqual(j.alternatives?.map((a) => `${a.name}:${a.preselected}`), ['vpcEndpoints:true', 'publicIp:false', 'natGateway:false']);
    const byName = new Map(j.alternatives!.map((a) => [a.name, a]));
    assert.equal(byName.get('natGateway')!.fix, undefined, 'an alternative whose plan is empty carries none');
    assert.ok(byName.get('publicIp')!.fix!.steps.length > 0);
  });
});

describe('doctor/stoppedTasks: a failed ELB health check', () => {
  const elbCause = (code: AnalyzerFinding['code'], resource = code.toLowerCase()) =>
    aFinding(code, resource, { affects: ['ELB_HEALTH_CHECK_FAILED'], evidence: ['why.'] });

  function elbWorld(tg: Partial<TargetGroup> = {}, grace?: number): ServiceSnapshot {
    const s = stopped(tutorialSnapshot(), ELB_STOP);
    const withTg = withChanges(s, { loadBalancing: s.loadBalancing!.map((w) => ({ ...w, targetGroup: { ...w.targetGroup, ...tg } })) });
    return grace === undefined ? withTg : withLaunch(withTg, { healthCheckGracePeriodSeconds: grace });
  }

  it('the causes follow the health check path, first broken link first and leading; equal ranks keep their order; TARGETS_UNHEALTHY never leads', () => {
    const s = elbWorld();
    const j = join(s, [
      elbCause('TARGETS_UNHEALTHY'),
      elbCause('HEALTH_CHECK_PORT_BLOCKED', 'b'),
      elbCause('HEALTH_CHECK_PORT_BLOCKED', 'a'),
      elbCause('CONTAINER_PORT_MISMATCH'),
    ]);
    assert.deepEqual(j.causes.map((c) => `${c.code}:${c.resource}`), ['CONTAINER_PORT_MISMATCH:container_port_mismatch', 'HEALTH_CHECK_PORT_BLOCKED:b', 'HEALTH_CHECK_PORT_BLOCKED:a', 'TARGETS_UNHEALTHY:targets_unhealthy']);
    assert.deepEqual(j.evidence.slice(0, 4), [
      'First broken link: CONTAINER_PORT_MISMATCH on container_port_mismatch: why.',
      'HEALTH_CHECK_PORT_BLOCKED on b: why.',
      'HEALTH_CHECK_PORT_BLOCKED on a: why.',
      'TARGETS_UNHEALTHY on targets_unhealthy: why.',
    ]);
    const alone = join(s, [elbCause('TARGETS_UNHEALTHY')]);
    assert.equal(alone.evidence[0], 'TARGETS_UNHEALTHY on targets_unhealthy: why.');
  });

  it('a task stopped for another reason keeps the analysis order and no lead', () => {
    const s = stopped(tutorialSnapshot(), ECR_STOP);
    const j = join(s, [ecrCause('TASK_SG_BLOCKS_443', 'sg-2'), ecrCause('CONTAINER_PORT_MISMATCH', 'c')]);
    assert.deepEqual(j.evidence, ['TASK_SG_BLOCKS_443 on sg-2: sg-2 is the cause.', 'CONTAINER_PORT_MISMATCH on c: c is the cause.']);
  });

  it('the check as configured: traffic port (the service\'s container port, else the group\'s port), timing only with both numbers, defaults, grace period', () => {
    const checkLine = (s: ServiceSnapshot) => join(s, [elbCause('HEALTH_CHECK_PORT_BLOCKED')]).evidence[1];
    assert.equal(checkLine(elbWorld({ healthCheckPort: 'traffic-port', healthCheckIntervalSeconds: 10, unhealthyThresholdCount: 3, healthCheckMatcher: '200-399' }, 30)),
      'Target group demo-ecs-alb-target-group checks HTTP / on the traffic port (8080), expecting 200-399; 3 failures 10 s apart mark a target unhealthy; the service\'s grace period is 30 s.');
    const bare = elbWorld({ healthCheckPort: undefined, healthCheckProtocol: undefined, healthCheckPath: undefined, healthCheckMatcher: undefined, healthCheckIntervalSeconds: undefined, unhealthyThresholdCount: 2, port: 9000 });
    const noServicePort = withLaunch(bare, { loadBalancers: [] });
    assert.equal(checkLine(noServicePort),
      'Target group demo-ecs-alb-target-group checks HTTP / on the traffic port (9000), expecting 200; the service\'s grace period is not set (0 s).');
    assert.equal(checkLine(withLaunch(elbWorld({ port: undefined }), { loadBalancers: [] })).includes('on the traffic port (?)'), true);
    assert.equal(checkLine(elbWorld({ healthCheckPort: '8081', healthCheckProtocol: 'HTTPS', healthCheckPath: '/up' })).startsWith('Target group demo-ecs-alb-target-group checks HTTPS /up on port 8081, expecting'), true);
  });
});
