// The fixes of two causes that had none: an execution role whose trust policy does not let ECS
// tasks assume it (one statement added to the trust policy, the others kept; no fix over a Deny),
// and a network ACL that drops the HTTPS requests or their replies (one allow entry for exactly
// that traffic, numbered before the entry that denies it, on a free number; no entry edited).
// Each plan, applied to the snapshot, leaves nothing to fix.

import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/doctor/analyze';
import { planFixes, stepAlreadyDone } from '../../../src/doctor/fixPlan';
import { parsePolicyDocument, trustsService } from '../../../src/doctor/iamPolicy';
import { chooseAllowRuleNumber } from '../../../src/doctor/naclRemedy';
import { describePlan } from '../../../src/doctor/planText';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import { ecsTasksTrustChange, trustDeniesEcsTasks } from '../../../src/doctor/trustPolicy';
import type { AnalyzerFinding, FixStep } from '../../../src/doctor/types';
import type { NetworkAcl } from '../../../src/model/network';
import { applyToSnapshot } from './applyToSnapshot';
import { ACCOUNT, aclEntry, fixedTutorialSnapshot, IDS, VPC_ID, withChanges } from './snapshotBuilder';

const ROLE = 'ecsTaskExecutionRole';

function trust(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

const EC2_TRUST = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };

function withTrust(trustPolicy: string): ServiceSnapshot {
  const s = fixedTutorialSnapshot();
  return withChanges(s, { executionRole: { ...(s.executionRole as NonNullable<ServiceSnapshot['executionRole']>), trustPolicy } });
}

function finding(s: ServiceSnapshot, code: string): AnalyzerFinding {
  const f = analyze(s).find((x) => x.code === code);
  assert.ok(f, `no ${code} in ${analyze(s).map((x) => x.code).join(', ')}`);
  return f;
}

function onlyStep<K extends FixStep['kind']>(s: ServiceSnapshot, kind: K): Extract<FixStep, { kind: K }>[] {
  const plan = planFixes(analyze(s), s);
  const changes = plan.steps.filter((x) => x.kind !== 'forceNewDeployment');
  assert.ok(changes.length > 0, 'a plan');
  assert.ok(changes.every((x) => x.kind === kind), `only ${kind}: ${changes.map((x) => x.kind).join(', ')}`);
  return changes as Extract<FixStep, { kind: K }>[];
}

function assertCleanAfter(s: ServiceSnapshot): void {
  const plan = planFixes(analyze(s), s);
  const after = applyToSnapshot(plan, s);
  assert.deepEqual(analyze(after).filter((f) => f.severity === 'error').map((f) => f.id), []);
  assert.deepEqual(planFixes(analyze(after), after).steps, [], 'a second plan is empty');
}

describe('doctor: a trust policy that does not let ECS tasks assume the execution role', () => {
  it('keeps the role\'s statements and adds one for ecs-tasks.amazonaws.com with aws:SourceAccount', () => {
    const s = withTrust(trust(EC2_TRUST));
    assert.deepEqual(finding(s, 'EXECUTION_ROLE_TRUST').remedies, [{ kind: 'trustEcsTasks', roleName: ROLE }]);
    const [step] = onlyStep(s, 'updateAssumeRolePolicy');
    assert.equal(step.roleName, ROLE);
    const doc = JSON.parse(step.document) as { Version: string; Statement: object[] };
    assert.deepEqual(doc.Statement, [EC2_TRUST, {
      Sid: 'EcsStudioEcsTasksAssumeRole', Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
    }]);
    assert.equal(doc.Version, '2012-10-17');
    assertCleanAfter(s);
  });

  it('the plan shows the whole document under the step', () => {
    const s = withTrust(trust(EC2_TRUST));
    const lines = describePlan(planFixes(analyze(s), s));
    assert.match(lines[0], /^1\. Update the trust policy of role ecsTaskExecutionRole \(its statements kept\) with one statement letting ecs-tasks\.amazonaws\.com call sts:AssumeRole/);
    assert.ok(lines.some((l) => /^ {3}\s+"Service": "ec2\.amazonaws\.com"$/.test(l)), lines.join('\n'));
    assert.ok(lines.some((l) => /"aws:SourceAccount": "123456789012"/.test(l)));
  });

  it('reads a URL-encoded document (as IAM returns it) and keeps its statements', () => {
    const s = withTrust(encodeURIComponent(trust(EC2_TRUST)));
    const [step] = onlyStep(s, 'updateAssumeRolePolicy');
    assert.deepEqual((JSON.parse(step.document) as { Statement: object[] }).Statement[0], EC2_TRUST);
  });

  it('Service as an array without ecs-tasks is fixed; with it in the array nothing is found', () => {
    const without = withTrust(trust({ ...EC2_TRUST, Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] } }));
    assert.equal(onlyStep(without, 'updateAssumeRolePolicy').length, 1);
    const withIt = withTrust(trust({ ...EC2_TRUST, Principal: { Service: ['ec2.amazonaws.com', 'ecs-tasks.amazonaws.com'] } }));
    assert.equal(analyze(withIt).some((f) => f.code === 'EXECUTION_ROLE_TRUST'), false);
  });

  it('a wildcard principal already trusts ECS tasks: nothing to fix', () => {
    assert.equal(analyze(withTrust(trust({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }))).some((f) => f.code === 'EXECUTION_ROLE_TRUST'), false);
    assert.equal(analyze(withTrust(trust({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }))).some((f) => f.code === 'EXECUTION_ROLE_TRUST'), false);
  });

  it('an explicit Deny for ECS tasks gets no fix, and the finding says why', () => {
    const deny = { Effect: 'Deny', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' };
    const s = withTrust(trust(deny, { ...deny, Effect: 'Allow' }));
    const f = finding(s, 'EXECUTION_ROLE_TRUST');
    assert.deepEqual(f.remedies, []);
    assert.match(f.evidence.join('\n'), /explicitly denies sts:AssumeRole to ecs-tasks\.amazonaws\.com: the doctor does not override a Deny/);
    assert.deepEqual(planFixes(analyze(s), s).steps, []);
    // A Deny with a wildcard principal denies ECS tasks too; one for another service does not.
    assert.equal(trustDeniesEcsTasks({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sts:*' }] }), true);
    assert.equal(trustDeniesEcsTasks({ Statement: [{ Effect: 'Deny', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }), false);
  });

  it('ecsTasksTrustChange: trusted, denied, unreadable, or the new document; a role with no statements gets ours alone', () => {
    assert.equal(ecsTasksTrustChange(trust({ ...EC2_TRUST, Principal: { Service: 'ecs-tasks.amazonaws.com' } }), ACCOUNT).kind, 'trusted');
    assert.equal(ecsTasksTrustChange('{not json', ACCOUNT).kind, 'unreadable');
    const change = ecsTasksTrustChange(trust(), ACCOUNT);
    assert.equal(change.kind, 'add');
    const doc = parsePolicyDocument(change.kind === 'add' ? change.document : '');
    assert.ok(doc && trustsService(doc), 'the new document trusts ECS tasks (the analyzer accepts the SourceAccount condition)');
  });

  it('stepAlreadyDone: done once the snapshot\'s trust policy trusts ecs-tasks, whatever the statement', () => {
    const s = withTrust(trust(EC2_TRUST));
    const [step] = onlyStep(s, 'updateAssumeRolePolicy');
    assert.equal(stepAlreadyDone(step, s), false);
    assert.equal(stepAlreadyDone(step, withTrust(trust({ ...EC2_TRUST, Principal: { Service: 'ecs-tasks.amazonaws.com' } }))), true);
    assert.equal(stepAlreadyDone({ ...step, roleName: 'other' }, withTrust(trust({ ...EC2_TRUST, Principal: { Service: 'ecs-tasks.amazonaws.com' } }))), false);
  });
});

describe('doctor: a network ACL that drops the HTTPS traffic or its replies', () => {
  const ACL = 'acl-0custom';
  const customAcl = (entries: ReturnType<typeof aclEntry>[]): NetworkAcl => ({
    id: ACL, vpcId: VPC_ID, isDefault: false, subnetIds: [IDS.privateA, IDS.privateC], name: undefined, entries,
  });
  const withAcl = (acl: NetworkAcl): ServiceSnapshot => {
    const s = fixedTutorialSnapshot();
    return withChanges(s, { networkAcls: [...(s.networkAcls ?? []).map((a) => ({ ...a, subnetIds: a.subnetIds.filter((x) => !acl.subnetIds.includes(x)) })), acl] });
  };
  const DENY_REST = [aclEntry(32767, false, 'deny', '0.0.0.0/0'), aclEntry(32767, true, 'deny', '0.0.0.0/0')];

  it('the replies case: one inbound allow of TCP 1024-65535 from the peer, right before the deny, and nothing else', () => {
    const s = withAcl(customAcl([
      aclEntry(100, true, 'allow', '0.0.0.0/0'),
      aclEntry(90, false, 'deny', '0.0.0.0/0', 'tcp', 1024, 65535),
      aclEntry(100, false, 'allow', '0.0.0.0/0'),
      ...DENY_REST,
    ]));
    const f = finding(s, 'NACL_BLOCKS_REPLIES');
    assert.deepEqual(f.remedies, [{ kind: 'naclAllow', aclId: ACL, egress: false, fromPort: 1024, toPort: 65535, cidr: '0.0.0.0/0', ruleNumber: 89, beforeRule: 90 }]);
    const steps = onlyStep(s, 'createNetworkAclEntry');
    assert.equal(steps.length, 1);
    assert.match(describePlan(planFixes(analyze(s), s))[0],
      /^1\. Add entry 89 to network ACL acl-0custom: allow inbound TCP 1024-65535 from 0\.0\.0\.0\/0, before rule 90 that denies it; no other entry changed \(CreateNetworkAclEntry\)$/);
    assertCleanAfter(s);
  });

  it('egress: blocked HTTPS requests get one outbound allow of TCP 443 to the peer', () => {
    const s = withAcl(customAcl([
      aclEntry(50, true, 'deny', '0.0.0.0/0', 'tcp', 443, 443),
      aclEntry(100, true, 'allow', '0.0.0.0/0'),
      aclEntry(100, false, 'allow', '0.0.0.0/0'),
      ...DENY_REST,
    ]));
    assert.deepEqual(finding(s, 'NACL_BLOCKS_443').remedies, [{ kind: 'naclAllow', aclId: ACL, egress: true, fromPort: 443, toPort: 443, cidr: '0.0.0.0/0', ruleNumber: 49, beforeRule: 50 }]);
    assertCleanAfter(s);
  });

  it('only the final deny stops it: the first free number after the direction\'s highest entry', () => {
    const s = withAcl(customAcl([aclEntry(100, true, 'allow', '0.0.0.0/0'), aclEntry(100, false, 'allow', '0.0.0.0/0', 'tcp', 443, 443), ...DENY_REST]));
    const [step] = onlyStep(s, 'createNetworkAclEntry');
    assert.deepEqual([step.ruleNumber, step.beforeRule, step.egress], [101, undefined, false]);
    assert.match(describePlan(planFixes(analyze(s), s))[0], /before the final deny \(\*\)/);
    assertCleanAfter(s);
  });

  it('rule numbers: the highest free number below the deny; none when 1..N below it are all taken', () => {
    const acl = (n: number) => customAcl([
      ...Array.from({ length: n }, (_, i) => aclEntry(i + 1, false, 'allow', '192.0.2.0/24')),
      aclEntry(n + 1, false, 'deny', '0.0.0.0/0'),
    ]);
    assert.equal(chooseAllowRuleNumber(acl(0), false, 1024, 65535, '0.0.0.0/0'), undefined, 'a deny at 1 leaves no number before it');
    assert.equal(chooseAllowRuleNumber(acl(5), false, 1024, 65535, '0.0.0.0/0'), undefined);
    const gap = customAcl([aclEntry(1, false, 'allow', '192.0.2.0/24'), aclEntry(3, false, 'allow', '192.0.2.0/24'), aclEntry(4, false, 'deny', '0.0.0.0/0')]);
    assert.deepEqual(chooseAllowRuleNumber(gap, false, 1024, 65535, '0.0.0.0/0'), { ruleNumber: 2, beforeRule: 4 });
    // The other direction's numbers are free to reuse.
    assert.deepEqual(chooseAllowRuleNumber(customAcl([aclEntry(9, true, 'allow', '0.0.0.0/0'), aclEntry(10, false, 'deny', '0.0.0.0/0')]), false, 443, 443, '10.0.2.0/24'), { ruleNumber: 9, beforeRule: 10 });
    // A deny for other ports or another peer is not the one to come before.
    assert.equal(chooseAllowRuleNumber(customAcl([aclEntry(10, false, 'deny', '0.0.0.0/0', 'tcp', 22, 22), aclEntry(20, false, 'deny', '0.0.0.0/0')]), false, 443, 443, '10.0.2.0/24')?.beforeRule, 20);
    assert.equal(chooseAllowRuleNumber(customAcl([aclEntry(10, false, 'deny', '192.0.2.0/24'), aclEntry(20, false, 'deny', '0.0.0.0/0')]), false, 443, 443, '10.0.2.0/24')?.beforeRule, 20);
  });

  it('with every number below the deny taken the finding has no remedy and says to change the ACL by hand', () => {
    const s = withAcl(customAcl([
      aclEntry(100, true, 'allow', '0.0.0.0/0'),
      aclEntry(1, false, 'deny', '0.0.0.0/0', 'tcp', 1024, 65535),
      aclEntry(100, false, 'allow', '0.0.0.0/0'),
      ...DENY_REST,
    ]));
    const f = finding(s, 'NACL_BLOCKS_REPLIES');
    assert.deepEqual(f.remedies, []);
    assert.match(f.evidence.join('\n'), /Every rule number of acl-0custom below the entry denying inbound TCP 1024-65535 from 0\.0\.0\.0\/0 is in use/);
  });

  it('the endpoint side: inbound 443 from each task subnet and the replies out, each on its own number', () => {
    // The endpoint interfaces' subnets use this ACL too; the task subnets are the other private subnet each time.
    const s = withAcl(customAcl([
      aclEntry(100, true, 'allow', '0.0.0.0/0', 'tcp', 443, 443),
      aclEntry(100, false, 'allow', '0.0.0.0/0', 'tcp', 1024, 65535),
      ...DENY_REST,
    ]));
    const f = finding(s, 'NACL_BLOCKS_443');
    const entries = f.remedies.map((r) => (r.kind === 'naclAllow' ? `${r.egress ? 'out' : 'in'} ${r.fromPort}-${r.toPort} ${r.cidr} #${r.ruleNumber}` : r.kind));
    assert.deepEqual(entries, [
      'in 443-443 10.0.3.0/24 #101', 'out 1024-65535 10.0.3.0/24 #101',
      'in 443-443 10.0.2.0/24 #102', 'out 1024-65535 10.0.2.0/24 #102',
    ]);
    assertCleanAfter(s);
  });
});
