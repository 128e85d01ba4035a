// Every code's words: the stopped-task codes (codes.ts) each have a title, an explanation, fix
// hints and a documentation link, all non-empty, and the explanation or the fixes speak of what
// the title names; the analyzer's codes (analysisCodes.ts) each have a title and a link. A code's
// texts are what a person reads in the Problems view, the report and the CLI; an emptied or
// swapped text must fail here (mutation testing, docs/mutation.md).
import * as assert from 'node:assert/strict';
import { ANALYSIS_CODE_INFO, ANALYSIS_CODES, isAnalysisCode } from '../../../src/doctor/analysisCodes';
import { CODES, DIAGNOSIS_CODES, codeInfo, isDiagnosisCode } from '../../../src/doctor/codes';

const SEVERITIES = ['error', 'warning', 'info'];
const FILLER = new Set(['the', 'and', 'for', 'its', 'not', 'can', 'cannot', 'could', 'from', 'was', 'were', 'with', 'this', 'that', 'has', 'have', 'task', 'tasks', 'container', 'containers']);

/** The title's words that carry meaning, cut to a stem: "exited" -> "exit", "unreachable" -> "unreac". */
function stems(title: string): string[] {
  return (title.toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .filter((w) => w.length >= 3 && !FILLER.has(w))
    .map((w) => w.replace(/(?:ing|ed|es|s)$/, '').slice(0, 6))
    .filter((w) => w.length >= 3);
}

function isGuideLink(url: string): boolean {
  return /^https:\/\/docs\.aws\.amazon\.com\/[A-Za-z0-9/_.#-]+$/.test(url);
}

describe('the doctor\'s code texts', () => {
  for (const code of DIAGNOSIS_CODES) {
    it(`${code}: title, explanation, fixes and link, about the same thing`, () => {
      const info = CODES[code];
      assert.equal(info.code, code);
      assert.equal(codeInfo(code), info);
      assert.ok(info.title.trim().length > 0, 'title');
      assert.ok(info.explanation.trim().length >= 40, `explanation: ${JSON.stringify(info.explanation)}`);
      assert.match(info.explanation, /[.)]$/, 'the explanation is a sentence');
      assert.ok(info.fixes.length > 0, 'at least one fix');
      for (const fix of info.fixes) assert.ok(fix.trim().length >= 10, `fix: ${JSON.stringify(fix)}`);
      assert.ok(isGuideLink(info.docsUrl), info.docsUrl);
      assert.ok(SEVERITIES.includes(info.severity));
      const body = `${info.explanation} ${info.fixes.join(' ')}`.toLowerCase();
      // The title's words, or the code's own (CAPACITY_UNAVAILABLE: "could not place" is told as "no capacity").
      assert.ok(stems(info.title).length > 0, `the title says something: ${info.title}`);
      const words = [...stems(info.title), ...stems(code.replace(/_/g, ' '))];
      assert.ok(words.some((w) => body.includes(w)), `the explanation or fixes of ${code} speak of none of ${JSON.stringify(words)} (title: ${info.title})`);
    });
  }

  it('no two stopped-task codes share a title or an explanation', () => {
    const titles = DIAGNOSIS_CODES.map((c) => CODES[c].title);
    const explanations = DIAGNOSIS_CODES.map((c) => CODES[c].explanation);
    assert.equal(new Set(titles).size, titles.length);
    assert.equal(new Set(explanations).size, explanations.length);
  });

  for (const code of ANALYSIS_CODES) {
    it(`${code}: a title and a documentation link`, () => {
      const info = ANALYSIS_CODE_INFO[code];
      assert.equal(info.code, code);
      assert.ok(info.title.trim().length >= 10, info.title);
      assert.ok(isGuideLink(info.docsUrl), info.docsUrl);
      assert.ok(SEVERITIES.includes(info.severity));
    });
  }

  it('tells the two code families apart, and knows no other names', () => {
    for (const c of DIAGNOSIS_CODES) assert.ok(isDiagnosisCode(c), c);
    for (const c of ANALYSIS_CODES) assert.ok(isAnalysisCode(c), c);
    for (const other of ['', 'ENDPOINT', 'ecr_unreachable', 'NOT_A_CODE']) {
      assert.equal(isDiagnosisCode(other), false, other);
      assert.equal(isAnalysisCode(other), false, other);
    }
  });
});
