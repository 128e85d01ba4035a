// A small JSON parser that keeps where every value sits in the text, so validation issues found
// on the parsed value can be put back on the right line. Strict JSON (RFC 8259): no comments,
// no trailing commas. Syntax errors come back with a person-readable message and a position.

import type { PathSegment } from '../util/wording';

interface NodeBase {
  /** Offset of the value's first character. */
  offset: number;
  /** Length of the value's text. */
  length: number;
}

export interface JsonProperty {
  key: string;
  keyOffset: number;
  keyLength: number;
  value: JsonNode;
}

export type JsonNode =
  | (NodeBase & { type: 'object'; properties: JsonProperty[] })
  | (NodeBase & { type: 'array'; items: JsonNode[] })
  | (NodeBase & { type: 'string'; value: string })
  | (NodeBase & { type: 'number'; value: number })
  | (NodeBase & { type: 'boolean'; value: boolean })
  | (NodeBase & { type: 'null'; value: null });

export interface TextPosition {
  /** 1-based, as editors show it. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface JsonSyntaxError extends TextPosition {
  message: string;
  offset: number;
  length: number;
}

export type JsonParseResult = { ok: true; root: JsonNode } | { ok: false; error: JsonSyntaxError };

export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) {
      line++;
      lineStart = i + 1;
    } else if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) !== 10) {
        line++;
        lineStart = i + 1;
      }
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * positionAt for many offsets of one text: the line starts are found once, then each offset is a
 * binary search (positionAt per issue made a text with thousands of issues quadratic).
 */
export function positionsIn(text: string): (offset: number) => TextPosition {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */ || (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    const end = Math.min(offset, text.length);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= end) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: end - starts[lo] + 1 };
  };
}

/** Deeper than any request: past this the parser stops with a message, not a stack overflow. */
export const MAX_JSON_DEPTH = 256;

class SyntaxProblem extends Error {
  constructor(message: string, readonly offset: number, readonly length = 1) {
    super(message);
  }
}

function describeToken(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the text';
  const ch = text[offset];
  if (ch === '\n' || ch === '\r') return 'a line break';
  return JSON.stringify(ch);
}

class Parser {
  private pos = 0;
  /** How many objects and lists are open. */
  private depth = 0;
  /** Offset of the last comma seen, to point at it when it turns out to be a trailing comma. */
  private lastComma = 0;

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  parseDocument(): JsonNode {
    this.skipWhitespace();
    if (this.pos >= this.text.length) throw new SyntaxProblem('The text is empty: paste a RegisterTaskDefinition request, a JSON object starting with {.', 0, 0);
    const root = this.parseValue('the document');
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      throw new SyntaxProblem(`Unexpected ${describeToken(this.text, this.pos)} after the end of the JSON value: there should be nothing after the closing bracket.`, this.pos);
    }
    return root;
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') this.pos++;
      else if (ch === '/' && (this.text[this.pos + 1] === '/' || this.text[this.pos + 1] === '*')) {
        throw new SyntaxProblem('Comments aren\'t allowed in JSON: remove them.', this.pos, 2);
      } else break;
    }
  }

  private parseValue(context: string): JsonNode {
    this.skipWhitespace();
    const start = this.pos;
    const ch = this.text[this.pos];
    if (ch === '{' || ch === '[') {
      if (this.depth >= MAX_JSON_DEPTH) throw new SyntaxProblem(`The JSON nests objects and lists more than ${MAX_JSON_DEPTH} deep: a task definition never does.`, this.pos);
      this.depth++;
      const node = ch === '{' ? this.parseObject() : this.parseArray();
      this.depth--;
      return node;
    }
    if (ch === '"') {
      const value = this.parseString();
      return { type: 'string', value, offset: start, length: this.pos - start };
    }
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return this.parseNumber();
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        if (value === null) return { type: 'null', value, offset: start, length: word.length };
        return { type: 'boolean', value, offset: start, length: word.length };
      }
    }
    if (ch === undefined) throw new SyntaxProblem(`The JSON ends where ${context} should have a value: it looks cut off.`, this.pos, 0);
    if (ch === '\'') throw new SyntaxProblem('JSON strings use double quotes ("), not single quotes.', this.pos);
    if (ch === '}' || ch === ']') throw new SyntaxProblem(`Expected a value for ${context} but found ${describeToken(this.text, this.pos)}.`, this.pos);
    const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.pos));
    if (word) throw new SyntaxProblem(`${JSON.stringify(word[0])} isn't a JSON value: put text in double quotes.`, this.pos, word[0].length);
    throw new SyntaxProblem(`Expected a value for ${context} but found ${describeToken(this.text, this.pos)}.`, this.pos);
  }

  private parseObject(): JsonNode {
    const start = this.pos;
    const properties: JsonProperty[] = [];
    const node = (): JsonNode => ({ type: 'object', properties, offset: start, length: this.pos - start });
    if (this.opensEmpty('}')) return node();
    for (;;) {
      this.skipWhitespace();
      const keyOffset = this.pos;
      const ch = this.text[this.pos];
      if (ch !== '"') {
        if (ch === '}' && properties.length > 0) throw new SyntaxProblem('Remove the comma before "}": JSON doesn\'t allow a trailing comma.', this.lastComma);
        if (ch === undefined) throw new SyntaxProblem('The JSON ends inside an object: a "}" is missing.', this.pos, 0);
        if (ch === '\'') throw new SyntaxProblem('Property names use double quotes ("), not single quotes.', this.pos);
        throw new SyntaxProblem(`Expected a property name in double quotes but found ${describeToken(this.text, this.pos)}.`, this.pos);
      }
      const key = this.parseString();
      const keyLength = this.pos - keyOffset;
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') {
        throw new SyntaxProblem(`Expected ":" after the property name ${JSON.stringify(key)} but found ${describeToken(this.text, this.pos)}.`, this.pos, this.pos < this.text.length ? 1 : 0);
      }
      this.pos++;
      const value = this.parseValue(`the property ${JSON.stringify(key)}`);
      properties.push({ key, keyOffset, keyLength, value });
      this.skipWhitespace();
      const after = this.afterItem('}');
      if (after === 'more') continue;
      if (after === 'closed') return node();
      const next = this.text[this.pos];
      if (next === undefined) throw new SyntaxProblem('The JSON ends inside an object: a "}" is missing.', this.pos, 0);
      if (next === '"') {
        // Point just after the value that needs the comma: that's the line a person has to fix.
        throw new SyntaxProblem(`A comma is missing after the value of ${JSON.stringify(key)}.`, value.offset + value.length, 0);
      }
      throw new SyntaxProblem(`Expected "," or "}" after the value of ${JSON.stringify(key)} but found ${describeToken(this.text, this.pos)}.`, this.pos);
    }
  }

  private parseArray(): JsonNode {
    const start = this.pos;
    const items: JsonNode[] = [];
    const node = (): JsonNode => ({ type: 'array', items, offset: start, length: this.pos - start });
    if (this.opensEmpty(']')) return node();
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] === ']' && items.length > 0) {
        throw new SyntaxProblem('Remove the comma before "]": JSON doesn\'t allow a trailing comma.', this.lastComma);
      }
      items.push(this.parseValue('the list'));
      this.skipWhitespace();
      const after = this.afterItem(']');
      if (after === 'more') continue;
      if (after === 'closed') return node();
      const next = this.text[this.pos];
      if (next === undefined) throw new SyntaxProblem('The JSON ends inside a list: a "]" is missing.', this.pos, 0);
      throw new SyntaxProblem(`Expected "," or "]" in the list but found ${describeToken(this.text, this.pos)}.`, this.pos);
    }
  }

  /** Steps past the opening `{` or `[`; true when `close` follows at once (an empty object or list, consumed). */
  private opensEmpty(close: '}' | ']'): boolean {
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] !== close) return false;
    this.pos++;
    return true;
  }

  /**
   * After a property or item: a comma means another follows ('more'), `close` ends the object or
   * list ('closed'); both are consumed. Anything else is left where it is for the caller to word.
   */
  private afterItem(close: '}' | ']'): 'more' | 'closed' | undefined {
    const next = this.text[this.pos];
    if (next === ',') {
      this.lastComma = this.pos;
      this.pos++;
      return 'more';
    }
    if (next !== close) return undefined;
    this.pos++;
    return 'closed';
  }

  private parseString(): string {
    const start = this.pos;
    this.pos++; // opening quote
    let out = '';
    for (;;) {
      if (this.pos >= this.text.length) throw new SyntaxProblem('This string never ends: a closing " is missing.', start, 1);
      const ch = this.text[this.pos];
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (ch === '\n' || ch === '\r') throw new SyntaxProblem('This string runs into a line break: a closing " is missing, or write the line break as \\n.', start, 1);
      if (ch.charCodeAt(0) < 0x20) throw new SyntaxProblem('Control characters must be escaped inside JSON strings (\\t, \\n, \\u0000).', this.pos);
      if (ch === '\\') {
        const esc = this.text[this.pos + 1];
        if (esc === undefined) throw new SyntaxProblem('This string never ends: a closing " is missing.', start, 1);
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (esc in simple) {
          out += simple[esc];
          this.pos += 2;
          continue;
        }
        if (esc === 'u') {
          const hex = this.text.slice(this.pos + 2, this.pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxProblem('\\u must be followed by 4 hex digits.', this.pos, 2);
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 6;
          continue;
        }
        throw new SyntaxProblem(`${JSON.stringify('\\' + esc)} isn't a JSON escape: write a backslash as \\\\.`, this.pos, 2);
      }
      out += ch;
      this.pos++;
    }
  }

  private parseNumber(): JsonNode {
    const start = this.pos;
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!m) throw new SyntaxProblem(`${describeToken(this.text, this.pos)} doesn't start a valid JSON number.`, this.pos);
    const after = this.text[this.pos + m[0].length];
    if (after !== undefined && /[\w.]/.test(after)) {
      const bad = /^[-\w.+]+/.exec(this.text.slice(this.pos))?.[0] ?? m[0];
      throw new SyntaxProblem(`${JSON.stringify(bad)} isn't a valid JSON number${/^-?0\d/.test(bad) ? ' (no leading zeros)' : ''}: put text in double quotes.`, this.pos, bad.length);
    }
    this.pos += m[0].length;
    return { type: 'number', value: Number(m[0]), offset: start, length: m[0].length };
  }
}

export function parseJsonWithLocations(text: string): JsonParseResult {
  try {
    return { ok: true, root: new Parser(text).parseDocument() };
  } catch (err) {
    if (err instanceof SyntaxProblem) {
      const position = positionAt(text, err.offset);
      return {
        ok: false,
        error: {
          message: `${err.message.replace(/\.$/, '')} (line ${position.line}, column ${position.column}).`,
          offset: err.offset,
          length: err.length,
          ...position,
        },
      };
    }
    throw err;
  }
}

/** The plain value of a node (objects keep the last of duplicate keys, as JSON.parse does). */
export function toValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      // defineProperty, not `out[key] =`: a "__proto__" key is data in JSON (JSON.parse keeps it),
      // where assignment would drop it or, given an object, make it the prototype.
      for (const p of node.properties) Object.defineProperty(out, p.key, { value: toValue(p.value), enumerable: true, writable: true, configurable: true });
      return out;
    }
    case 'array':
      return node.items.map(toValue);
    default:
      return node.value;
  }
}

/** Each large object's properties by key, built on first use (nodes never change after parsing). */
const PROPERTY_INDEX = new WeakMap<JsonNode, Map<string, JsonProperty>>();

/** The last property with this key (JSON.parse semantics). */
export function propertyOf(node: JsonNode | undefined, key: string): JsonProperty | undefined {
  if (!node || node.type !== 'object') return undefined;
  if (node.properties.length <= 16) {
    for (let i = node.properties.length - 1; i >= 0; i--) {
      if (node.properties[i].key === key) return node.properties[i];
    }
    return undefined;
  }
  // A scan per lookup made an object with thousands of keys (each an issue) quadratic.
  let index = PROPERTY_INDEX.get(node);
  if (!index) {
    index = new Map();
    for (const p of node.properties) index.set(p.key, p);
    PROPERTY_INDEX.set(node, index);
  }
  return index.get(key);
}

export function childOf(node: JsonNode | undefined, segment: PathSegment): JsonNode | undefined {
  if (!node) return undefined;
  if (typeof segment === 'number') return node.type === 'array' ? node.items[segment] : undefined;
  return propertyOf(node, segment)?.value;
}

export interface TextRange {
  offset: number;
  length: number;
}

/**
 * Where to show an issue about `path`: the value when it exists (its property name when `onKey`,
 * or when the value is an object or list); otherwise the name of the deepest property that does
 * exist on the way (so "family is missing" lands on the opening brace of the document, and a
 * missing option lands on `"options"`).
 */
export function locate(root: JsonNode, path: readonly PathSegment[], onKey = false): TextRange {
  let node: JsonNode = root;
  let range: TextRange = { offset: root.offset, length: 1 };
  for (const segment of path) {
    if (typeof segment === 'string') {
      const property = propertyOf(node, segment);
      if (!property) return range;
      node = property.value;
      range = { offset: property.keyOffset, length: property.keyLength };
    } else {
      const child = childOf(node, segment);
      if (!child) return range;
      node = child;
      range = { offset: child.offset, length: child.type === 'object' || child.type === 'array' ? 1 : child.length };
    }
  }
  if (onKey || node.type === 'object' || node.type === 'array') {
    // Containers: keep the property name (or opening bracket) rather than the whole block.
    return range;
  }
  return { offset: node.offset, length: node.length };
}
