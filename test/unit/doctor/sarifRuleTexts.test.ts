// The SARIF rules' texts as code scanning shows them (src/doctor/sarifRules.ts): a stopped-task
// code's help (explanation, its fixes as a list, the documentation link) in plain text and
// Markdown, an analyzer code's help (what the doctor read, how to fix with the CLI), their tags
// and levels, and the rule names made from codes.
import * as assert from 'node:assert/strict';
import { ANALYSIS_CODE_INFO } from '../../../src/doctor/analysisCodes';
import { CODES } from '../../../src/doctor/codes';
import { doctorRules, ruleName } from '../../../src/doctor/sarifRules';

const rule = (id: string) => {
  const r = doctorRules().find((x) => x.id === id);
  assert.ok(r, id);
  return r;
};

const HOW = 'ECS Studio\'s doctor finds this in the service\'s configuration as the account shows it now, with or without a stopped task. '
  + 'The result names the resources that show it and the changes that fix it.';
const FIX = 'Run `ecs-studio doctor --cluster CLUSTER --service SERVICE --fix` to see the fix plan and apply it (it shows every change first '
  + 'and asks), or use the quick fix on the problem in VS Code.';

describe('doctor SARIF rules: texts', () => {
  it('a stopped-task code: explanation, the fixes as a list, the documentation, in text and Markdown', () => {
    const info = CODES.SPOT_INTERRUPTION;
    assert.equal(info.fixes.length, 2);
    const [first, second] = info.fixes;
    assert.deepEqual(rule('SPOT_INTERRUPTION'), {
      id: 'SPOT_INTERRUPTION',
      name: 'SpotInterruption',
      shortDescription: { text: 'Fargate Spot reclaimed the task' },
      fullDescription: { text: info.explanation },
      help: {
        text: `${info.explanation}\n\nFixes:\n- ${first}\n- ${second}\n\nDocumentation: ${info.docsUrl}`,
        markdown: `${info.explanation}\n\n**Fixes:**\n\n- ${first}\n- ${second}\n\n[Documentation](${info.docsUrl})`,
      },
      helpUri: info.docsUrl,
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['ecs', 'stopped-task'] },
    });
  });

  it('an analyzer code: its title as a sentence with what the doctor read, the CLI fix, the documentation', () => {
    const info = ANALYSIS_CODE_INFO.VPC_DNS_DISABLED;
    assert.deepEqual(rule('VPC_DNS_DISABLED'), {
      id: 'VPC_DNS_DISABLED',
      name: 'VpcDnsDisabled',
      shortDescription: { text: 'VPC DNS attributes are off' },
      fullDescription: { text: `VPC DNS attributes are off. ${HOW}` },
      help: {
        text: `VPC DNS attributes are off. ${HOW}\n\nFix: ${FIX}\n\nDocumentation: ${info.docsUrl}`,
        markdown: `VPC DNS attributes are off. ${HOW}\n\n**Fix:** ${FIX}\n\n[Documentation](${info.docsUrl})`,
      },
      helpUri: info.docsUrl,
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['ecs', 'configuration'] },
    });
  });

  it('every rule\'s level is its code\'s severity, info as note', () => {
    for (const r of doctorRules()) {
      const severity = r.id in CODES ? CODES[r.id as keyof typeof CODES].severity : ANALYSIS_CODE_INFO[r.id as keyof typeof ANALYSIS_CODE_INFO].severity;
      assert.equal(r.defaultConfiguration.level, severity === 'info' ? 'note' : severity, r.id);
    }
  });

  it('names: each word capitalised, the rest lower case, empty words (doubled or edge underscores) left out', () => {
    assert.equal(ruleName('ECR_UNREACHABLE'), 'EcrUnreachable');
    assert.equal(ruleName('A__B'), 'AB');
    assert.equal(ruleName('_X_'), 'X');
    assert.equal(ruleName(''), '');
  });
});
