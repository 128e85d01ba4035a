// examine is where a finding gets its fix: the analyzer only says what is wrong and which
// remedies would help; examine asks the planner for each finding's own plan and the combined one.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/doctor/analyze';
import { attachFixes, examine } from '../../../src/doctor/examine';
import { planFixes } from '../../../src/doctor/fixPlan';
import { joinStoppedTasks } from '../../../src/doctor/stoppedTasks';
import { TUTORIAL } from '../../support/tutorialWorld';
import { fixedTutorialSnapshot, IDS, replaceGroup, tcp, tutorialSnapshot } from './snapshotBuilder';

describe('doctor/examine', () => {
  it('analyze gives remedies and no plan; attachFixes gives each fixable finding the plan that clears it alone', () => {
    const s = tutorialSnapshot();
    const findings = analyze(s);
    assert.ok(findings.some((f) => f.remedies.length > 0));
    assert.ok(findings.every((f) => f.fix === undefined), 'analyze plans nothing');
    const fixed = attachFixes(findings, s);
    assert.deepEqual(fixed.map((f) => f.id), findings.map((f) => f.id), 'same findings, same order');
    for (const [i, f] of fixed.entries()) {
      const alone = planFixes([findings[i]], s);
      if (alone.steps.length > 0) assert.deepEqual(f.fix, alone, f.id);
      else assert.equal(f.fix, undefined, f.id);
      // Each alternative gets the plan that takes that way out; nothing else changes.
      for (const alt of f.alternatives ?? []) assert.deepEqual(alt.fix, planFixes([{ ...findings[i], remedies: alt.remedies }], s), `${f.id} ${alt.name}`);
      const bare = (x: typeof f) => ({ ...x, fix: undefined, alternatives: x.alternatives?.map((alt) => ({ ...alt, fix: undefined })) });
      assert.deepEqual(bare(f), bare(findings[i]));
    }
    assert.ok(fixed.some((f) => (f.alternatives ?? []).length > 1), 'the tutorial world offers alternatives');
  });

  it('a finding whose remedy is already done in the snapshot gets no fix', () => {
    // The endpoint group admits 443 from nowhere, so the finding stands; its remedy opens 443
    // from the VPC CIDR on that group, which this snapshot already shows on the same group.
    const s = replaceGroup(fixedTutorialSnapshot(), IDS.serviceSg, { ingress: [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] })] });
    const [blocked] = analyze(s).filter((f) => f.code === 'ENDPOINT_SG_BLOCKS_443');
    assert.ok(blocked, 'the endpoint group blocks 443');
    const done = replaceGroup(s, IDS.serviceSg, { ingress: [tcp(8080, 8080, { cidrs: ['10.0.0.0/16'] }), tcp(443, 443, { cidrs: ['10.0.0.0/16'] })] });
    assert.equal(attachFixes([blocked], done)[0].fix, undefined);
    assert.ok(attachFixes([blocked], s)[0].fix);
  });

  it('examine: findings with their fixes, the stopped tasks joined with them, one plan for all', () => {
    const s = tutorialSnapshot();
    const e = examine(s, TUTORIAL.clusterName, TUTORIAL.serviceName);
    const findings = attachFixes(analyze(s), s);
    assert.deepEqual(e.findings, findings);
    assert.deepEqual(e.stoppedTasks, joinStoppedTasks(findings, s));
    assert.deepEqual(e.plan, planFixes(findings, s));
    assert.ok(e.stoppedTasks.some((d) => d.causes.some((c) => c.fix)), 'the causes of a stopped task carry their fixes');
    assert.equal(e.cluster, TUTORIAL.clusterName);
    assert.equal(e.service, TUTORIAL.serviceName);
  });
});
