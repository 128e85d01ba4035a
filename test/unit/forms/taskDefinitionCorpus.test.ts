// Real task definitions from public sources (AWS's documentation and samples, the ECS agent's
// tests, issue threads: each file names its source), run through both checks a person meets:
// "Register Task Definition from JSON" (validateRegisterRequestJson) and the JSON schema the
// editor applies to task definition files. What AWS accepts must pass both with no error; what
// AWS refuses must get an error on the field AWS names.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { validateRegisterRequestJson } from '../../../src/forms/validateTaskDefinition';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const corpusDir = path.join(root, 'test', 'unit', 'forms', 'taskDefinitionCorpus');

interface CorpusEntry {
  /** Where the document comes from. */
  source: string;
  about: string;
  expect: 'accepted' | { rejectedAt: string; awsSays: string };
  document: unknown;
}

function loadCorpus(): Array<{ name: string; entry: CorpusEntry }> {
  return fs.readdirSync(corpusDir).filter((f) => f.endsWith('.json')).sort().map((f) => ({
    name: f.replace(/\.json$/, ''),
    entry: JSON.parse(fs.readFileSync(path.join(corpusDir, f), 'utf8')) as CorpusEntry,
  }));
}

const schema = JSON.parse(fs.readFileSync(path.join(root, 'media', 'schemas', 'taskdef.schema.json'), 'utf8')) as object;
const validateSchema = new Ajv({ allErrors: true, strict: false }).compile(schema);

function schemaErrors(document: unknown): string[] {
  return validateSchema(document) ? [] : (validateSchema.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

describe('task definitions written by others (corpus)', () => {
  const corpus = loadCorpus();

  it('holds enough real documents of each kind', () => {
    assert.ok(corpus.length >= 40, `${corpus.length} documents`);
    for (const { name, entry } of corpus) {
      assert.match(entry.source, /^https:\/\//, `${name} names its source`);
    }
    const accepted = corpus.filter((c) => c.entry.expect === 'accepted').length;
    assert.ok(accepted >= 30 && corpus.length - accepted >= 8, `${accepted} accepted, ${corpus.length - accepted} rejected`);
  });

  for (const { name, entry } of corpus) {
    const text = JSON.stringify(entry.document, null, 2);
    if (entry.expect === 'accepted') {
      it(`accepts ${name}: ${entry.about}`, () => {
        const result = validateRegisterRequestJson(text);
        assert.deepEqual(result.errors.map((e) => `${e.path} ${e.code}: ${e.message}`), [], `${name} (${entry.source})`);
        assert.ok(result.request, 'it would be registered');
        assert.deepEqual(schemaErrors(entry.document), [], `the schema, on ${name}`);
      });
    } else {
      const expected = entry.expect;
      it(`refuses ${name} at ${expected.rejectedAt}, as AWS does ("${expected.awsSays}")`, () => {
        const result = validateRegisterRequestJson(text);
        assert.ok(result.errors.some((e) => e.path === expected.rejectedAt),
          `expected an error at ${expected.rejectedAt}, got ${JSON.stringify(result.errors.map((e) => `${e.path} ${e.code}`))}`);
        assert.equal(result.request, undefined, 'nothing is registered');
      });
    }
  }
});
