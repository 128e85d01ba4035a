// The primitives of reading a RegisterTaskDefinition request typed as JSON: a field of each type
// read out of its node, or reported at its JSON path when it can't be (the wrong type, with the
// value written the right way; an unknown field, with the closest known name; a repeated key).
// readRegisterRequestJson.ts and readLogConfigurationJson.ts read the request with them.
// Pure module: no vscode, no AWS SDK.

import { quote } from '../util/wording';
import { propertyOf } from './jsonLocator';
import type { JsonNode } from './jsonLocator';
import { field } from './taskSpec';
import type { Field, SecretSpec } from './taskSpec';
import type { Report, Segs } from './validationIssues';

/** The candidate nearest to `word` (a likely typo), if near enough. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(word.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** How a message names a JSON value of each type. */
export const TYPE_NAMES: Record<JsonNode['type'], string> = {
  object: 'an object', array: 'a list', string: 'text', number: 'a number', boolean: 'true/false', null: 'null',
};

/** A value where text belongs, written as the text it should be: 8080 becomes "8080"; anything else "...". */
export function asText(node: JsonNode): string {
  return node.type === 'number' || node.type === 'boolean' ? `"${String(node.value)}"` : '"..."';
}

/** Reads typed fields out of JSON nodes, reporting each that can't be read at its path. */
export class JsonFieldReader {
  constructor(readonly report: Report) {}

  checkKeys(node: JsonNode, path: Segs, known: Set<string>, what: string, described?: Set<string>): void {
    if (node.type !== 'object') return;
    const seen = new Set<string>();
    for (const p of node.properties) {
      if (seen.has(p.key)) {
        this.report.warning([...path, p.key], 'JSON_DUPLICATE_KEY', `${p.key} appears twice in ${what}: only the last one counts.`, true);
      }
      seen.add(p.key);
      if (known.has(p.key)) continue;
      // Left out of the request; the caller says so once (describedOutput.ts).
      if (described?.has(p.key)) continue;
      const guess = closest(p.key, known);
      this.report.error([...path, p.key], 'UNKNOWN_FIELD', `${quote(p.key)} isn't a field of ${what}${guess ? `: did you mean ${guess}?` : '.'}`, true);
    }
  }

  typeError(node: JsonNode, path: Segs, what: string, expected: string, example: string): void {
    this.report.error(path, 'JSON_TYPE', `${what} must be ${expected}, like ${example}, not ${TYPE_NAMES[node.type]}.`);
  }

  string(parent: JsonNode | undefined, key: string, path: Segs, example: string): Field<string> {
    const p = propertyOf(parent, key);
    const at = [...path, key];
    if (!p) return field<string>(undefined, at);
    if (p.value.type === 'string') return field(p.value.value, at);
    if (p.value.type === 'null') return field<string>(undefined, at);
    this.typeError(p.value, at, key, 'text in double quotes', example);
    return { value: undefined, path: at, unreadable: true };
  }

  integer(parent: JsonNode | undefined, key: string, path: Segs, example: string): Field<number> {
    const p = propertyOf(parent, key);
    const at = [...path, key];
    if (!p || p.value.type === 'null') return field<number>(undefined, at);
    if (p.value.type === 'number' && Number.isInteger(p.value.value)) return field(p.value.value, at);
    if (p.value.type === 'string' && /^\d+$/.test(p.value.value)) {
      this.report.error(at, 'JSON_TYPE', `${key} must be a number without quotes: write ${p.value.value}, not "${p.value.value}".`);
    } else if (p.value.type === 'number') {
      this.report.error(at, 'JSON_TYPE', `${key} must be a whole number, like ${example}.`);
    } else {
      this.typeError(p.value, at, key, 'a whole number', example);
    }
    return { value: undefined, path: at, unreadable: true };
  }

  boolean(parent: JsonNode | undefined, key: string, path: Segs): Field<boolean> {
    const p = propertyOf(parent, key);
    const at = [...path, key];
    if (!p || p.value.type === 'null') return field<boolean>(undefined, at);
    if (p.value.type === 'boolean') return field(p.value.value, at);
    this.typeError(p.value, at, key, 'true or false (without quotes)', 'true');
    return { value: undefined, path: at, unreadable: true };
  }

  /** A list property; items that aren't `itemType` are reported and left out. */
  list(parent: JsonNode | undefined, key: string, path: Segs, itemType: JsonNode['type'], example: string): { node?: JsonNode; items: Array<{ node: JsonNode; path: Segs }>; unreadable: boolean } {
    const p = propertyOf(parent, key);
    const at = [...path, key];
    if (!p || p.value.type === 'null') return { items: [], unreadable: false };
    if (p.value.type !== 'array') {
      this.typeError(p.value, at, key, 'a list in [ ]', example);
      return { items: [], unreadable: true };
    }
    const items: Array<{ node: JsonNode; path: Segs }> = [];
    let unreadable = false;
    p.value.items.forEach((item, i) => {
      if (item.type === itemType) items.push({ node: item, path: [...at, i] });
      else {
        unreadable = true;
        this.report.error([...at, i], 'JSON_TYPE', `Each entry of ${key} must be ${TYPE_NAMES[itemType]}, not ${TYPE_NAMES[item.type]}.`);
      }
    });
    return { node: p.value, items, unreadable };
  }

  object(parent: JsonNode | undefined, key: string, path: Segs, example: string): JsonNode | undefined {
    const p = propertyOf(parent, key);
    if (!p || p.value.type === 'null') return undefined;
    if (p.value.type !== 'object') {
      this.typeError(p.value, [...path, key], key, 'an object in { }', example);
      return undefined;
    }
    return p.value;
  }

  stringList(parent: JsonNode | undefined, key: string, path: Segs, example: string): { field: Field<string[]>; paths: Segs[] } {
    const list = this.list(parent, key, path, 'string', example);
    const values = list.items.map((i) => (i.node.type === 'string' ? i.node.value : ''));
    return {
      field: { value: list.node ? values : undefined, path: [...path, key], unreadable: list.unreadable },
      paths: list.items.map((i) => i.path),
    };
  }

  /** A list of { name, valueFrom }: a container's secrets, or a log configuration's secretOptions. */
  secretList(parent: JsonNode | undefined, key: string, path: Segs): SecretSpec[] {
    return this.list(parent, key, path, 'object', '[{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:..." }]').items.map(({ node: s, path: sp }) => {
      this.checkKeys(s, sp, new Set(['name', 'valueFrom']), key === 'secrets' ? 'a secret' : `an entry of ${key}`);
      const valueFrom = this.string(s, 'valueFrom', sp, '"arn:aws:secretsmanager:..."');
      return { path: sp, name: this.string(s, 'name', sp, '"DB_PASSWORD"'), valueFrom };
    });
  }
}
