// Validates a SARIF log against the official SARIF 2.1.0 JSON schemas, vendored in
// test/fixtures/sarif/ (see the README there for where they come from): the draft-07 copy of the
// OASIS repository and the OASIS Standard's Errata 01 schema (draft-04, compiled as draft-07 after
// renaming `id` to `$id`: it uses no keyword whose meaning changed). Offline; ajv is a dev dependency.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'sarif');

export const SARIF_SCHEMA_FILES = ['sarif-schema-2.1.0.json', 'sarif-schema-2.1.0-errata01.json'] as const;

let validators: Array<{ file: string; validate: ValidateFunction }> | undefined;

/**
 * The formats the schemas use (ajv-formats is not a dependency): an absolute URI parses as a URL,
 * a URI reference has no character a URI cannot hold unescaped, a date-time is RFC 3339.
 */
const FORMATS: Record<string, (value: string) => boolean> = {
  uri: (value) => URL.canParse(value) && !/[\s<>"{}|\\^`]/.test(value),
  'uri-reference': (value) => !/[\s<>"{}|\\^`]/.test(value),
  'date-time': (value) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(value) && !Number.isNaN(Date.parse(value)),
};

function compile(file: string): ValidateFunction {
  const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as Record<string, unknown>;
  if (typeof schema.id === 'string') {
    schema.$id = schema.id;
    delete schema.id;
    delete schema.$schema;
  }
  // strict: false, as the schemas' draft-04 leftovers are not ajv's strict vocabulary.
  // unicodeRegExp: false, as the schema's `language` pattern (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`,
  // with a stray `]`) is a valid ECMAScript regular expression only without the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, check);
  return ajv.compile(schema);
}

/** Every schema's complaints about `log` ("schema-file: /runs/0/results/3 must have required property 'message'"); empty when valid. */
export function sarifSchemaErrors(log: unknown): string[] {
  validators ??= SARIF_SCHEMA_FILES.map((file) => ({ file, validate: compile(file) }));
  return validators.flatMap(({ file, validate }) =>
    validate(log) ? [] : (validate.errors ?? []).map((e) => `${file}: ${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
}
