// The service map as Mermaid flowchart text, for a pull request or a README: one node per map
// node, one link per edge (solid for working, thick and marked ✗ for broken with its finding,
// dotted and marked ? for unchecked with the reason), coloured by linkStyle.
//
// Pure module: no vscode, no AWS SDK.

import type { MapNode, ServiceMap } from './mapTypes';

/** Mermaid's entity codes for the characters its quoted labels cannot hold. */
function quote(text: string): string {
  return text.replace(/&/g, '#amp;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\|/g, '#124;');
}

function shape(n: MapNode, id: string): string {
  const text = `"${[n.title, ...n.lines].map(quote).join('<br/>')}"`;
  switch (n.kind) {
    case 'internet': return `${id}((${text}))`;
    case 'awsService': case 'registry': return `${id}([${text}])`;
    case 'endpoint': return `${id}[[${text}]]`;
    case 'internetGateway': case 'natGateway': case 'noWayOut': case 'otherWayOut': return `${id}{{${text}}}`;
    default: return `${id}[${text}]`;
  }
}

const COLOURS = { ok: '#2e7d32', broken: '#d32f2f', unchecked: '#757575' } as const;

export function toMermaid(map: ServiceMap): string {
  const ids = new Map(map.nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart LR', `  %% ${quote(map.title)}: ✓ working, ✗ broken (finding), ? not checked (reason)`];
  for (const n of map.nodes) lines.push(`  ${shape(n, ids.get(n.id) ?? n.id)}`);
  const styles: string[] = [];
  for (const e of map.edges) {
    const from = ids.get(e.from);
    const to = ids.get(e.to);
    if (!from || !to) continue;
    const blockers = e.blockers.length > 0 ? ` [${e.blockers.join(', ')}]` : '';
    if (e.state === 'broken') lines.push(`  ${from} ==>|"✗ ${quote(e.label)}${quote(blockers)}"| ${to}`);
    else if (e.state === 'unchecked') lines.push(`  ${from} -.->|"? not checked: ${quote(e.reason ?? e.label)}"| ${to}`);
    else lines.push(`  ${from} -->|"✓ ${quote(e.label)}"| ${to}`);
    styles.push(`  linkStyle ${styles.length} stroke:${COLOURS[e.state]}${e.state === 'broken' ? ',stroke-width:3px' : ''}${e.state === 'unchecked' ? ',stroke-dasharray:5 5' : ''}`);
  }
  return `${[...lines, ...styles].join('\n')}\n`;
}
