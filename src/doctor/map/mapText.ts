// The service map's words as drawn: each edge's label with its state spelled out (colour is
// never the only sign), wrapped to a few short lines, the sentence a screen reader says for a
// node or an edge, and the sizes the layout reserves for the text.
//
// Pure module: no vscode, no AWS SDK.

import type { MapEdge, MapNode, ServiceMap } from './mapTypes';

export const LINE_HEIGHT = 15;
/** An estimate of the width of one character at the map's 12px font (the layout errs wide). */
const CHAR_WIDTH = 6.9;
const LABEL_LINE = 26;
const LABEL_LINES = 3;

export function textWidth(line: string): number {
  return Math.ceil(line.length * CHAR_WIDTH);
}

const MARK: Readonly<Record<MapEdge['state'], string>> = { ok: '✓', broken: '✗', unchecked: '? not checked:' };

/** Words wrapped to lines of at most `width` characters (a longer word is cut), at most `max` lines, the last ending in … when cut. */
export function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s/).filter(Boolean)) {
    const w = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else {
      line = line ? `${line} ${w}` : w;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1].slice(0, width - 1)}…`;
  return kept;
}

/** Service names as a label says them: `ecr.api`, not `com.amazonaws.ap-northeast-2.ecr.api`. */
export function shortNames(text: string): string {
  return text.replace(/com\.amazonaws\.[a-z0-9-]+\./g, '');
}

/**
 * The edge's label as drawn, wrapped: its state's mark, then a broken edge's finding codes (the
 * titles are in its tooltip, its spoken text and the list under the map), an unchecked edge's
 * reason, a working edge's text; and the groups or ACLs that block it.
 */
export function edgeLabelLines(e: MapEdge): string[] {
  const blockers = e.blockers.length > 0 ? ` [${e.blockers.join(', ')}]` : '';
  if (e.state === 'broken') return [MARK.broken, ...e.codes.map((c, i) => `${i === 0 ? '' : '+ '}${c}`)].join(' ').split(/ (?=\+ )/).concat(blockers ? wrap(blockers, LABEL_LINE, 1) : []);
  // Only an unchecked edge has a reason.
  const text = e.reason ?? e.label;
  return wrap(shortNames(`${MARK[e.state]} ${text}${blockers}`), LABEL_LINE, LABEL_LINES);
}

export function nodeSize(n: MapNode): { width: number; height: number } {
  const width = Math.max(textWidth(n.title) * 1.08, ...n.lines.map(textWidth)) + 20;
  return { width: Math.ceil(Math.min(Math.max(width, 120), 340)), height: 26 + n.lines.length * LINE_HEIGHT + 6 };
}

const STATE_WORDS: Readonly<Record<MapEdge['state'], string>> = { ok: 'working', broken: 'broken', unchecked: 'not checked' };

/** What a screen reader says for an edge: its state, its ends, its text; a broken one says Enter offers the fix. */
export function edgeSpeech(map: ServiceMap, e: MapEdge): string {
  const title = (id: string) => map.nodes.find((n) => n.id === id)?.title ?? id;
  const text = shortNames(e.reason ?? e.label);
  const blockers = e.blockers.length > 0 ? ` Blocked by ${e.blockers.join(', ')}.` : '';
  const action = e.state === 'broken' ? ' Press Enter to see the finding and its fix.' : '';
  return `${STATE_WORDS[e.state]} path from ${title(e.from)} to ${title(e.to)}: ${text}.${blockers}${action}`;
}

export function nodeSpeech(n: MapNode): string {
  return [n.title, ...n.lines].join('. ');
}
