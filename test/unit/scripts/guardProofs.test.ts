// The list `npm run prove-guards` breaks (scripts/guardProofs.json) stays in step with the code:
// each guarded text is in its file exactly once, and each guard names a tier and a test to run.
// (Running the breaks takes a build per guard: that is the script's job, not the unit tier's.)
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');

interface Guard { guard: string; file: string; find: string; replace: string; tier: string; grep: string }

describe('scripts/guardProofs.json', () => {
  const guards = JSON.parse(fs.readFileSync(path.join(root, 'scripts', 'guardProofs.json'), 'utf8')) as Guard[];

  it('breaks each guarded text, found exactly once in its file, and runs a test of a known tier', () => {
    assert.ok(guards.length >= 10, `${guards.length} guards`);
    for (const g of guards) {
      const text = fs.readFileSync(path.join(root, g.file), 'utf8');
      assert.equal(text.split(g.find).length - 1, 1, `${g.guard}: the guarded text is in ${g.file} exactly once`);
      assert.notEqual(g.replace, g.find, `${g.guard}: the break changes something`);
      assert.ok(['unit', 'aws', 'extension', 'ui'].includes(g.tier), `${g.guard}: tier ${g.tier}`);
      // Mocha reads the grep as a regular expression: characters that mean something there would select nothing.
      assert.doesNotMatch(g.grep, /[()[\]{}*+?^$|\\]/, `${g.guard}: the grep "${g.grep}" is read literally`);
    }
  });
});
