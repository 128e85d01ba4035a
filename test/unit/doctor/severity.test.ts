// Which findings count as problems (src/doctor/severity.ts): the status bar, the Problems view
// and "apply fix" count errors and warnings, never info. Those callers live in the extension
// tier, so the unit tier pins the rule itself here.
import * as assert from 'node:assert/strict';
import { countsAsProblem, type Severity } from '../../../src/doctor/severity';

describe('doctor/severity countsAsProblem', () => {
  const cases: [Severity, boolean][] = [['error', true], ['warning', true], ['info', false]];
  for (const [severity, expected] of cases) {
    it(`${severity} ${expected ? 'counts' : 'does not count'} as a problem`, () => {
      assert.equal(countsAsProblem({ severity }), expected);
    });
  }
});
