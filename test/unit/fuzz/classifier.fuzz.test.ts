// The classifier on bad input (issue 14): it never throws, whatever the text; its time grows
// linearly with the text up to 1 MB (`ecs-studio explain -` reads whatever is piped to it, and a
// stopped reason is whatever a container wrote); and no regular expression of its rules can
// backtrack catastrophically (checked statically, see regexRisks.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { classify, classifyMessage, explainAll } from '../../../src/doctor/classify';
import { isDiagnosisCode } from '../../../src/doctor/codes';
import { CORPUS } from '../doctor/corpus';
import { backtrackingRisks, regexesOf } from './regexRisks';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** The classifier's sources: classify.ts and every classify*.ts beside it (its rule table, its fragments). */
const CLASSIFIER_FILES = fs.readdirSync(path.join(ROOT, 'src', 'doctor'))
  .filter((f) => /^classify\w*\.ts$/.test(f))
  .map((f) => path.join('src', 'doctor', f));

/** Words and punctuation the rules look for, so generated text reaches deep into the rule table. */
const FRAGMENTS = [
  ...new Set(CORPUS.flatMap((e) => e.text.split(/(\s+|[:()"'.,/])/)).filter((w) => w.length > 0)),
  'arn:aws:ssm:', 'arn:aws:secretsmanager:', 'amazonaws.com', '.', '-', 'log-group:', 'Reason:', '(service ', '(task ',
  'target-group ', 'exit code ', 'dial tcp ', '\n', '\t', '\u2019', '\u2026', '\u0000', '\uD800',
];

const message = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join('')),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(' ')),
);

function assertFinding(finding: ReturnType<typeof classifyMessage>): void {
  assert.ok(isDiagnosisCode(finding.code), finding.code);
  assert.equal(typeof finding.title, 'string');
  assert.ok(Array.isArray(finding.fixes));
  if (finding.details.exitCode !== undefined) assert.ok(Number.isInteger(finding.details.exitCode));
}

describe('fuzz: the classifier', () => {
  it('never throws on generated messages and always gives a known code (2,000 cases)', () => {
    fc.assert(fc.property(message, (text) => {
      const finding = classifyMessage(text);
      assertFinding(finding);
      assert.equal(finding.raw, text);
    }), { numRuns: 2000 });
  });

  it('never throws on generated tasks: any mix of reason, stop code and containers (1,000 cases)', () => {
    const container = fc.record({ name: fc.string({ maxLength: 20 }), reason: fc.option(message, { nil: undefined }), exitCode: fc.option(fc.integer(), { nil: undefined }), lastStatus: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: ['name'] });
    const task = fc.record({ stoppedReason: message, stopCode: fc.oneof(fc.constantFrom('TaskFailedToStart', 'EssentialContainerExited', 'UserInitiated', 'SpotInterruption', 'ServiceSchedulerInitiated', ''), fc.string()), containers: fc.array(container, { maxLength: 4 }) }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(task, { maxLength: 5 }), (tasks) => {
      const explanation = explainAll(tasks);
      assert.equal(explanation.findings.length, tasks.length);
      for (const finding of explanation.findings) assertFinding(finding);
    }), { numRuns: 1000 });
  });

  describe('linear time up to 1 MB', () => {
    // Each family is a shape that made a pattern rescan: the ratio of a 1 MB input's time to a
    // 10 KB input's is about 100 when linear, 10,000 when quadratic (the 100 KB "a-a-a..." took
    // 45 s before the fix). 1,000 leaves room for a loaded machine without letting quadratic pass.
    const families: Record<string, (n: number) => string> = {
      'a run of dots after log-group:': (n) => `log-group:${'.'.repeat(n)}x`,
      'host-like labels "a.a.a..."': (n) => 'a.'.repeat(n / 2),
      'dashed words "a-a-a..."': (n) => 'a-'.repeat(n / 2),
      'repeated ARN prefixes': (n) => 'arn:aws:ssm:x:parameter'.repeat(n / 23),
      'the corpus, repeated': (n) => CORPUS.map((e) => e.text).join('\n').repeat(Math.ceil(n / 20_000)).slice(0, n),
    };
    const time = (text: string): number => {
      const start = process.hrtime.bigint();
      classifyMessage(text);
      classify({ stoppedReason: text, containers: [{ name: 'app', reason: text }] });
      return Number(process.hrtime.bigint() - start);
    };
    for (const [name, make] of Object.entries(families)) {
      it(`${name}: 1 MB costs less than 1,000 times 10 KB`, function () {
        this.timeout(120_000);
        const small = make(10_000);
        const large = make(1_000_000);
        assert.ok(large.length >= 990_000, `${large.length}`);
        time(small); // warm up the regular expressions
        const smallNs = Math.min(time(small), time(small), time(small));
        const largeNs = time(large);
        const ratio = largeNs / Math.max(smallNs, 1);
        assert.ok(ratio < 1000, `1 MB took ${(largeNs / 1e6).toFixed(0)} ms, ${ratio.toFixed(0)} times 10 KB (${(smallNs / 1e6).toFixed(2)} ms)`);
      });
    }
  });

  describe('no regular expression of the classifier backtracks badly', () => {
    it('finds every regular expression in the classifier (literals and String.raw builds)', () => {
      const found = CLASSIFIER_FILES.flatMap((f) => regexesOf(path.join(ROOT, f)));
      assert.ok(found.length > 200, `only ${found.length} found`);
      assert.ok(found.some((r) => r.source.includes('amazonaws\\.com(?:\\.cn)?')), 'the AWS host pattern, built from constants');
    });

    it('each one is free of nested unbounded quantifiers and unanchored leading runs', () => {
      const risky = CLASSIFIER_FILES.flatMap((f) => regexesOf(path.join(ROOT, f)))
        .map((r) => ({ ...r, risks: backtrackingRisks(r.source, r.flags) }))
        .filter((r) => r.risks.length > 0)
        .map((r) => `${r.where} /${r.source}/${r.flags}: ${r.risks.join('; ')}`);
      assert.deepEqual(risky, []);
    });

    it('the check itself: flags the two shapes that were quadratic, passes bounded and anchored ones', () => {
      assert.deepEqual(backtrackingRisks(String.raw`\b((?:[a-z0-9-]+\.)+amazonaws\.com)\b`, 'i'), ['nested unbounded quantifiers in (?:[a-z0-9-]+\\.)+']);
      assert.deepEqual(backtrackingRisks(String.raw`['"\`.,;:)]+$`, ''), ['unanchored leading [\'"\\`.,;:)]+ followed by more']);
      assert.deepEqual(backtrackingRisks('(a+)+$', ''), ['nested unbounded quantifiers in (a+)+', 'unanchored leading (a+)+ followed by more']);
      assert.deepEqual(backtrackingRisks(String.raw`\b((?:[a-z0-9-]{1,63}\.){1,10}amazonaws\.com)\b`, 'i'), []);
      assert.deepEqual(backtrackingRisks(String.raw`^['"]+x`, ''), []);
      assert.deepEqual(backtrackingRisks(String.raw`\s+`, 'g'), []);
    });
  });
});
