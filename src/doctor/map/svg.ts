// The service map as SVG, from the graph and its layout: nodes as boxes with their lines, edges
// as polylines with their labels. Colours come from classes: MAP_CSS maps them to VS Code's
// theme variables (with fallbacks, so an exported file reads anywhere); the webview adopts the
// same sheet, an exported file embeds it. State shows three ways: colour, line pattern (thick
// for broken, dashed for unchecked) and the label's mark (✓ ✗ ?). Every node and edge is
// focusable, with what it says for a screen reader; a broken edge is a button.
//
// Pure module: no vscode, no AWS SDK. No Node API either: the webview bundles it.

import type { MapLayout } from './layout';
import type { ServiceMap } from './mapTypes';
import { edgeSpeech, LINE_HEIGHT, nodeSpeech } from './mapText';

export const MAP_CSS = `
.service-map { font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: 12px; }
.service-map .bg { fill: var(--vscode-editor-background, #ffffff); }
.service-map .node rect { fill: var(--vscode-editorWidget-background, #f3f3f3); stroke: var(--vscode-editorWidget-border, #8a8a8a); stroke-width: 1; }
.service-map .node.awsService rect, .service-map .node.registry rect { fill: var(--vscode-textBlockQuote-background, #eef3f8); }
.service-map .node text { fill: var(--vscode-editor-foreground, #1f1f1f); }
.service-map .node .title { font-weight: 600; font-size: 12.5px; }
.service-map .node .line { fill: var(--vscode-descriptionForeground, #5a5a5a); }
.service-map .edge path { fill: none; stroke-width: 1.6; }
.service-map .edge.ok path { stroke: var(--vscode-charts-green, #2e7d32); }
.service-map .edge.broken path { stroke: var(--vscode-errorForeground, #d32f2f); stroke-width: 3; }
.service-map .edge.unchecked path { stroke: var(--vscode-disabledForeground, #757575); stroke-dasharray: 6 4; }
.service-map .arrow.ok { fill: var(--vscode-charts-green, #2e7d32); }
.service-map .arrow.broken { fill: var(--vscode-errorForeground, #d32f2f); }
.service-map .arrow.unchecked { fill: var(--vscode-disabledForeground, #757575); }
.service-map .edge .label rect { fill: var(--vscode-editor-background, #ffffff); opacity: 0.92; }
.service-map .edge .label text { fill: var(--vscode-editor-foreground, #1f1f1f); font-size: 11px; }
.service-map .edge.broken .label text { fill: var(--vscode-errorForeground, #d32f2f); font-weight: 600; }
.service-map .edge.unchecked .label text { fill: var(--vscode-descriptionForeground, #5a5a5a); font-style: italic; }
.service-map .edge.broken { cursor: pointer; }
.service-map [tabindex]:focus { outline: none; }
.service-map [tabindex]:focus > rect, .service-map .edge:focus .label rect { stroke: var(--vscode-focusBorder, #0078d4); stroke-width: 2.5; }
.service-map .edge.selected .label rect { stroke: var(--vscode-focusBorder, #0078d4); stroke-width: 2; }
`;

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export interface SvgOptions {
  /** Put MAP_CSS in the file (an export); the webview adopts it instead (its CSP allows no inline style). */
  readonly embedStyle: boolean;
}

export function toSvg(map: ServiceMap, layout: MapLayout, options: SvgOptions): string {
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="service-map" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="group" aria-labelledby="service-map-title">`);
  out.push(`<title id="service-map-title">${esc(`Service map of ${map.title}`)}</title>`);
  if (options.embedStyle) out.push(`<style>${MAP_CSS}</style>`);
  out.push('<defs>');
  for (const state of ['ok', 'broken', 'unchecked']) {
    out.push(`<marker id="arrow-${state}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow ${state}" d="M0,0 L10,5 L0,10 z"/></marker>`);
  }
  out.push('</defs>');
  out.push(`<rect class="bg" x="0" y="0" width="${layout.width}" height="${layout.height}"/>`);
  out.push('<g class="edges">');
  map.edges.forEach((e, i) => {
    const place = layout.edges[e.id];
    if (!place || place.points.length < 2) return;
    const d = place.points.map((p, k) => `${k === 0 ? 'M' : 'L'}${n(p.x)},${n(p.y)}`).join(' ');
    const role = e.state === 'broken' ? 'button' : 'img';
    out.push(`<g class="edge ${e.state}" id="edge-${i}" data-edge="${esc(e.id)}" tabindex="0" role="${role}" aria-label="${esc(edgeSpeech(map, e))}">`);
    out.push(`<title>${esc(edgeSpeech(map, e))}</title>`);
    out.push(`<path d="${d}" marker-end="url(#arrow-${e.state})"/>`);
    if (place.label) {
      const l = place.label;
      out.push(`<g class="label"><rect x="${n(l.x)}" y="${n(l.y)}" width="${n(l.width)}" height="${n(l.height)}" rx="3"/><text>`);
      l.lines.forEach((line, k) => out.push(`<tspan x="${n(l.x + 5)}" y="${n(l.y + 3 + (k + 1) * LINE_HEIGHT - 4)}">${esc(line)}</tspan>`));
      out.push('</text></g>');
    }
    out.push('</g>');
  });
  out.push('</g>');
  out.push('<g class="nodes">');
  map.nodes.forEach((node, i) => {
    const b = layout.nodes[node.id];
    if (!b) return;
    out.push(`<g class="node ${node.kind}" id="node-${i}" data-node="${esc(node.id)}" tabindex="0" role="img" aria-label="${esc(nodeSpeech(node))}">`);
    out.push(`<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.width)}" height="${n(b.height)}" rx="${node.kind === 'awsService' || node.kind === 'internet' ? 12 : 4}"/>`);
    out.push(`<text><tspan class="title" x="${n(b.x + 10)}" y="${n(b.y + 18)}">${esc(node.title)}</tspan>`);
    node.lines.forEach((line, k) => out.push(`<tspan class="line" x="${n(b.x + 10)}" y="${n(b.y + 20 + (k + 1) * LINE_HEIGHT)}">${esc(line)}</tspan>`));
    out.push('</text></g>');
  });
  out.push('</g></svg>');
  return `${out.join('\n')}\n`;
}
