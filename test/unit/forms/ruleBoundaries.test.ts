// Every numeric limit of the task definition rules pinned at its boundary, from both sides:
// the value at the limit passes and the next one is refused, with the message naming the length
// or the number (mutation testing, docs/mutation.md, found these limits unpinned).
import * as assert from 'node:assert/strict';
import { closest } from '../../../src/forms/jsonFieldReader';
import { validateTaskDefinitionForm } from '../../../src/forms/validateTaskDefinition';
import type { Issue } from '../../../src/forms/validationIssues';
import { aForm, aFormWithContainer, aLogging, aPort } from './builders';

function codesAt(issues: readonly Issue[], path: string): string[] {
  return issues.filter((i) => i.path === path).map((i) => i.code);
}

describe('task definition rules at their limits', () => {
  describe('EC2 task CPU: 128 to 196608 units', () => {
    const cases: Array<[string, boolean]> = [
      ['127', false], ['128', true], ['129', true], ['196607', true], ['196608', true], ['196609', false],
    ];
    for (const [cpu, ok] of cases) {
      it(`${ok ? 'accepts' : 'refuses'} ${cpu}`, () => {
        const errors = validateTaskDefinitionForm(aForm({ requiresCompatibilities: ['EC2'], networkMode: 'awsvpc', cpu, memory: '' })).errors;
        const range = errors.filter((e) => e.code === 'TASK_CPU_RANGE');
        assert.equal(range.length, ok ? 0 : 1, JSON.stringify(errors));
        if (!ok) {
          assert.equal(range[0].path, 'cpu');
          assert.equal(range[0].message, `Task CPU on EC2 goes from 128 units (0.125 vCPU) to 196608 units (192 vCPU); ${cpu} is outside that.`);
        }
      });
    }
    it('leaves a Fargate size to the Fargate table (no EC2 range error for 64 on Fargate)', () => {
      assert.deepEqual(codesAt(validateTaskDefinitionForm(aForm({ cpu: '64' })).errors, 'cpu').filter((c) => c === 'TASK_CPU_RANGE'), []);
    });
  });

  describe('the awslogs group name: up to 512 of letters, digits and . - _ / #', () => {
    const path = 'containers[0].logging.group';
    it('accepts 512 characters', () => {
      const name = `/${'a'.repeat(511)}`;
      assert.deepEqual(codesAt(validateTaskDefinitionForm(aFormWithContainer({ logging: aLogging({ group: name }) })).errors, path), []);
    });
    it('refuses 513 characters, saying how long it is', () => {
      const name = `/${'a'.repeat(512)}`;
      const errors = validateTaskDefinitionForm(aFormWithContainer({ logging: aLogging({ group: name }) })).errors;
      const e = errors.find((i) => i.path === path);
      assert.ok(e, JSON.stringify(errors));
      assert.equal(e.code, 'LOG_GROUP_INVALID');
      assert.equal(e.message, 'The log group name is 513 characters long: CloudWatch allows up to 512.');
    });
    it('names the bad character, not the length, of a short name', () => {
      const e = validateTaskDefinitionForm(aFormWithContainer({ logging: aLogging({ group: '/ecs/a b' }) })).errors.find((i) => i.path === path);
      assert.ok(e);
      assert.doesNotMatch(e.message, /characters long/);
    });
  });

  describe('a port name: up to 64 characters', () => {
    const path = 'containers[0].portMappings[0].name';
    it('accepts 64 characters', () => {
      assert.deepEqual(codesAt(validateTaskDefinitionForm(aFormWithContainer({ portMappings: [aPort({ name: 'p'.repeat(64) })] })).errors, path), []);
    });
    it('refuses 65 characters, saying how long it is', () => {
      const e = validateTaskDefinitionForm(aFormWithContainer({ portMappings: [aPort({ name: 'p'.repeat(65) })] })).errors.find((i) => i.path === path);
      assert.ok(e);
      assert.deepEqual([e.code, e.message], ['PORT_NAME_INVALID', 'The port name is 65 characters long: ECS allows up to 64.']);
    });
  });

  describe('the family name: up to 255 characters', () => {
    it('accepts 255 and refuses 256', () => {
      assert.deepEqual(codesAt(validateTaskDefinitionForm(aForm({ family: 'f'.repeat(255) })).errors, 'family'), []);
      const e = validateTaskDefinitionForm(aForm({ family: 'f'.repeat(256) })).errors.find((i) => i.path === 'family');
      assert.ok(e);
      assert.deepEqual([e.code, e.message], ['FAMILY_TOO_LONG', 'The family name is 256 characters long: ECS allows up to 255.']);
    });
  });

  describe('tags: 50 per task definition, keys up to 128 characters, values up to 256 (counted as characters, not UTF-16 units)', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    it('accepts 50 tags and refuses 51', () => {
      assert.deepEqual(validateTaskDefinitionForm(aForm({ tags: tags(50) })).errors, []);
      const e = validateTaskDefinitionForm(aForm({ tags: tags(51) })).errors.find((i) => i.code === 'TAGS_TOO_MANY');
      assert.equal(e?.message, 'There are 51 tags: a task definition can have at most 50.');
    });
    it('accepts a 128-character key and a 256-character value, each of letters outside the BMP too', () => {
      const wide = '\u{1D400}'; // one character, two UTF-16 units
      assert.deepEqual(validateTaskDefinitionForm(aForm({ tags: [{ key: `${wide}${'k'.repeat(127)}`, value: `${wide}${'v'.repeat(255)}` }] })).errors, []);
    });
    it('refuses a 129-character key and a 257-character value, saying how long', () => {
      const errors = validateTaskDefinitionForm(aForm({ tags: [{ key: 'k'.repeat(129), value: 'v'.repeat(257) }] })).errors;
      assert.deepEqual(errors.map((e) => [e.path, e.code, e.message]), [
        ['tags[0].key', 'TAG_KEY_TOO_LONG', 'The tag key is 129 characters long: the limit is 128.'],
        ['tags[0].value', 'TAG_VALUE_TOO_LONG', 'The tag value is 257 characters long: the limit is 256.'],
      ]);
    });
  });

  describe('the "did you mean" cutoff: at most max(2, length/4) edits away', () => {
    const words = ['awslogs-stream-prefix', 'essential', 'data'];
    const cases: Array<[string, string | undefined, string]> = [
      ['essentail', 'essential', 'two edits (a swap) on a 9-letter word'],
      ['esential', 'essential', 'one edit'],
      ['ESSENTIAL', 'essential', 'case is ignored'],
      ['essenxxal', 'essential', 'two substitutions'],
      ['essxxxial', undefined, 'three edits on a 9-letter word (limit 2)'],
      ['dxxa', 'data', 'two edits on a short word (the floor of 2)'],
      ['xxxa', undefined, 'three edits on a short word'],
      // 21 letters: the limit is floor(21/4) = 5 edits.
      ['awslogs-strxxxxxrefix', 'awslogs-stream-prefix', 'five edits on a 21-letter word'],
      ['awslogs-sxxxxxxprefix', undefined, 'six edits on a 21-letter word'],
    ];
    for (const [typed, want, why] of cases) {
      it(`${typed} -> ${want ?? '(no guess)'}: ${why}`, () => {
        assert.equal(closest(typed, words), want);
      });
    }
    it('keeps the nearest of several candidates, the first on a tie', () => {
      assert.equal(closest('cat', ['bat', 'cab', 'cut']), 'bat');
      // One edit each: a deletion, a substitution.
      assert.equal(closest('cart', ['cat', 'card']), 'cat');
      assert.equal(closest('cart', ['card', 'cat']), 'card');
      assert.equal(closest('abc', []), undefined);
    });
    it('measures insertions and deletions at either end', () => {
      assert.equal(closest('xessential', ['essential', 'zzzzzzzzz']), 'essential');
      assert.equal(closest('essentialx', ['zzzzzzzzz', 'essential']), 'essential');
      assert.equal(closest('ssential', ['zzzzzzzz', 'essential']), 'essential');
    });
  });
});
