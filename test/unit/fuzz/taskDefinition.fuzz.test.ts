// The task definition form and the JSON path on random and malformed input (issue 14): they
// never throw, and always give a request or errors, never both; a form that passes gives a
// request the JSON path accepts too; the JSON parser agrees with JSON.parse.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_JSON_DEPTH, parseJsonWithLocations, positionAt, positionsIn, toValue } from '../../../src/forms/jsonLocator';
import { planRegistration, requestJson } from '../../../src/forms/taskDefinitionForm';
import { validateRegisterRequestJson } from '../../../src/forms/validateTaskDefinition';
import type { JsonValidationResult } from '../../../src/forms/validateTaskDefinition';
import { DESCRIBED_ONLY_FIELDS } from '../../../src/model/ecsRequest';
import { isTaskDefinitionForm } from '../../../src/webviews/protocol';
import { TUTORIAL_REQUEST } from '../forms/builders';
import { jsonValue, NASTY, taskDefinitionForm } from './arbitraries';

function assertWellFormed(text: string, result: JsonValidationResult): void {
  assert.equal(result.errors.length > 0, result.request === undefined, 'a request exactly when there are no errors');
  for (const issue of [...result.errors, ...result.warnings]) {
    assert.equal(typeof issue.message, 'string');
    assert.ok(issue.message.length > 0);
    assert.ok(issue.offset >= 0 && issue.offset <= text.length, `offset ${issue.offset} of ${text.length}`);
    assert.ok(issue.length >= 0 && issue.offset + issue.length <= text.length, `range ${issue.offset}+${issue.length} of ${text.length}`);
    assert.ok(issue.line >= 1 && issue.column >= 1);
  }
}

/** The tutorial's request with one change: a field set to any JSON value, removed, or added. */
const mutatedRequest = fc.tuple(
  fc.constantFrom('family', 'cpu', 'memory', 'networkMode', 'requiresCompatibilities', 'runtimePlatform', 'containerDefinitions', 'executionRoleArn', 'tags', 'revision', 'status', 'bogus', 'containerDefinitions.0.portMappings', 'containerDefinitions.0.portMappings.0.containerPort', 'containerDefinitions.0.logConfiguration.options', 'containerDefinitions.0.logConfiguration.options.awslogs-group', 'containerDefinitions.0.environment', 'containerDefinitions.0.healthCheck', 'containerDefinitions.0.dockerLabels', 'containerDefinitions.0.name'),
  fc.option(jsonValue, { nil: undefined }),
).map(([path, value]) => {
  const request = JSON.parse(JSON.stringify(TUTORIAL_REQUEST)) as Record<string, unknown>;
  const keys = path.split('.');
  let target: Record<string, unknown> = request;
  for (const key of keys.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== 'object' || next === null) return request;
    target = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete target[last];
  else Object.defineProperty(target, last, { value, enumerable: true, writable: true, configurable: true });
  return request;
});

/** Text edits a person makes by mistake: a character deleted, one inserted, the end cut off. */
const edited = (text: string) => fc.tuple(fc.nat(text.length), fc.constantFrom('delete', 'insert', 'cut', 'none'), fc.constantFrom(',', '}', ']', '"', ':', '\'', '/', '\n', 'x', '0'))
  .map(([at, edit, ch]) => edit === 'delete' ? text.slice(0, at) + text.slice(at + 1) : edit === 'insert' ? text.slice(0, at) + ch + text.slice(at) : edit === 'cut' ? text.slice(0, at) : text);

const requestText = fc.tuple(mutatedRequest, fc.constantFrom(0, 2, '\t')).chain(([request, indent]) => edited(JSON.stringify(request, null, indent)));

describe('fuzz: the task definition form', () => {
  it('generates forms the host accepts from a webview', () => {
    fc.assert(fc.property(taskDefinitionForm, (form) => isTaskDefinitionForm(form)), { numRuns: 200 });
  });

  it('never throws; a request exactly when there are no errors (3,000 forms)', () => {
    let requests = 0;
    fc.assert(fc.property(taskDefinitionForm, (form) => {
      const plan = planRegistration(form);
      assert.equal(plan.errors.length > 0, plan.request === undefined);
      if (plan.request) requests++;
      for (const issue of [...plan.errors, ...plan.warnings]) assert.ok(typeof issue.path === 'string' && issue.message.length > 0);
    }), { numRuns: 3000 });
    assert.ok(requests > 0, 'some generated forms must be valid, or this proves nothing about requests');
  });

  it('a form that passes gives a request that the JSON path accepts as it is (valid forms only, 300)', () => {
    const validForm = taskDefinitionForm.filter((form) => planRegistration(form).request !== undefined);
    fc.assert(fc.property(validForm, (form) => {
      const request = planRegistration(form).request;
      assert.ok(request);
      const text = requestJson(request);
      const json = validateRegisterRequestJson(text);
      assert.deepEqual(json.errors.map((e) => `${e.path} ${e.code}: ${e.message}`), [], text);
      assert.deepEqual(json.request, JSON.parse(text));
    }), { numRuns: 300 });
  });
});

describe('fuzz: the JSON path', () => {
  it('the parser accepts exactly what JSON.parse accepts, and reads the same value (5,000 texts)', () => {
    const text = fc.oneof(
      jsonValue.map((v) => JSON.stringify(v)),
      jsonValue.chain((v) => edited(JSON.stringify(v, null, 1))),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.array(fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '1', '-', '.', 'e', 'true', 'nul', ' ', '\\', '"\\u12"'), { maxLength: 20 }).map((p) => p.join('')),
    ).filter((t) => !t.startsWith('\uFEFF')); // the parser skips a byte order mark; JSON.parse refuses it
    fc.assert(fc.property(text, (t) => {
      let expected: { ok: true; value: unknown } | { ok: false };
      try {
        expected = { ok: true, value: JSON.parse(t) };
      } catch {
        expected = { ok: false };
      }
      const parsed = parseJsonWithLocations(t);
      assert.equal(parsed.ok, expected.ok, parsed.ok ? 'accepted what JSON.parse refuses' : `refused what JSON.parse accepts: ${parsed.error.message}`);
      if (parsed.ok && expected.ok) assert.deepStrictEqual(toValue(parsed.root), expected.value);
    }), { numRuns: 5000 });
  });

  it('validation never throws, issues point inside the text, a request exactly when no errors (5,000 texts)', () => {
    const text = fc.oneof(requestText, fc.string({ unit: 'binary', maxLength: 200 }), jsonValue.map((v) => JSON.stringify(v)), fc.constantFrom(...NASTY));
    fc.assert(fc.property(text, (t) => {
      const result = validateRegisterRequestJson(t);
      assertWellFormed(t, result);
      if (result.request) {
        const parsed = JSON.parse(t) as Record<string, unknown>;
        for (const key of DESCRIBED_ONLY_FIELDS) delete parsed[key];
        assert.deepStrictEqual(result.request, parsed, 'the request is the text, less the described-only fields');
      }
    }), { numRuns: 5000 });
  });
});

describe('fuzz: what the JSON path fuzzing found (regressions)', () => {
  it('a text that ends just after a backslash in a string: the string never ends, and the range stays inside the text (it ran one past the end)', () => {
    for (const text of ['"\\', '{"family": "web\\']) {
      const result = validateRegisterRequestJson(text);
      assertWellFormed(text, result);
      assert.equal(result.errors.length, 1);
      assert.match(result.errors[0].message, /never ends/);
      assert.equal(result.errors[0].offset, text.lastIndexOf('"'));
    }
  });

  it('keeps a "__proto__" key as data, as JSON.parse does (it was dropped, or became the prototype)', () => {
    const text = JSON.stringify({ ...TUTORIAL_REQUEST, containerDefinitions: [{ ...TUTORIAL_REQUEST.containerDefinitions[0], dockerLabels: JSON.parse('{"__proto__": "x", "team": "web"}') as unknown }] });
    const result = validateRegisterRequestJson(text);
    assert.deepEqual(result.errors, []);
    const labels = (result.request?.containerDefinitions[0] as { dockerLabels?: Record<string, unknown> }).dockerLabels;
    assert.deepEqual(Object.keys(labels ?? {}), ['__proto__', 'team']);
    assert.equal(Object.getPrototypeOf(toValue(parseRoot('{"__proto__": {"polluted": true}}'))), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('deep nesting is a syntax error with a position, not a stack overflow (a 1 MB run of "[" threw RangeError)', () => {
    for (const text of ['['.repeat(1_000_000), '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)]) {
      const result = validateRegisterRequestJson(text);
      assert.equal(result.errors.length, 1);
      assert.equal(result.errors[0].code, 'JSON_SYNTAX');
      assert.match(result.errors[0].message, new RegExp(`more than ${MAX_JSON_DEPTH} deep`));
    }
    const justDeepEnough = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    assert.ok(parseJsonWithLocations(justDeepEnough).ok);
  });

  it('thousands of issues cost linear time (20,000 unknown fields took 49 s)', function () {
    this.timeout(60_000);
    const text = (n: number) => `{${Array.from({ length: n }, (_, i) => `"k${i}": 1`).join(',\n')}}`;
    const time = (t: string) => {
      const start = process.hrtime.bigint();
      const result = validateRegisterRequestJson(t);
      return { ns: Number(process.hrtime.bigint() - start), result };
    };
    time(text(2_000));
    const small = Math.min(time(text(2_000)).ns, time(text(2_000)).ns);
    const large = time(text(20_000));
    assert.equal(large.result.errors.filter((e) => e.code === 'UNKNOWN_FIELD').length, 20_000);
    assert.deepEqual([large.result.errors[19_999].line, large.result.errors[19_999].column], [20_000, 1]);
    // Linear is 10 times; quadratic was 100 times. 40 leaves room for a loaded machine.
    assert.ok(large.ns / small < 40, `20,000 fields: ${(large.ns / 1e6).toFixed(0)} ms, ${(large.ns / small).toFixed(0)} times 2,000`);
  });

  it('positionsIn gives what positionAt gives, for any text and offset (2,000 cases)', () => {
    const text = fc.array(fc.constantFrom('a', '\n', '\r', '\r\n', ' ', '\u2028', '\uD83D\uDCA5'), { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(fc.property(text, fc.nat(50), (t, offset) => {
      assert.deepEqual(positionsIn(t)(offset), positionAt(t, offset));
    }), { numRuns: 2000 });
  });
});

function parseRoot(text: string) {
  const parsed = parseJsonWithLocations(text);
  assert.ok(parsed.ok);
  return parsed.root;
}
