// Small helpers that turn values into the phrases the validation messages use.

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['containers', 0, 'portMappings', 1, 'containerPort']` -> `containers[0].portMappings[1].containerPort`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** `['a', 'b', 'c']` -> `a, b or c`. */
export function listPhrase(items: readonly string[], conjunction = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Names the characters of `text` that `allowed` rejects: `a space and "."`. */
export function describeBadCharacters(text: string, allowed: RegExp): string {
  const seen = new Set<string>();
  for (const ch of text) {
    if (!allowed.test(ch)) seen.add(ch);
  }
  const names = [...seen].map((ch) => {
    if (ch === ' ') return 'a space';
    if (ch === '\t') return 'a tab';
    if (ch === '\n' || ch === '\r') return 'a line break';
    return JSON.stringify(ch);
  });
  return listPhrase(names, 'and');
}

export function quote(text: string): string {
  return JSON.stringify(text);
}

/** A whole number typed into a text box: '' -> absent, '42' -> 42, anything else -> invalid. */
export type ParsedNumber = { kind: 'absent' } | { kind: 'ok'; value: number } | { kind: 'invalid'; text: string };

export function parseWholeNumber(text: string): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'absent' };
  if (!/^\d{1,15}$/.test(trimmed)) return { kind: 'invalid', text };
  return { kind: 'ok', value: Number(trimmed) };
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
