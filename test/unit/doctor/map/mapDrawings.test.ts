// The service map drawn from a hand-made graph and layout (no ELK): the whole Mermaid text (a
// shape per node kind, a link style per state, escaped labels, links to unknown nodes left out)
// and the SVG's parts (coordinates rounded to a tenth, the label's lines placed line by line,
// rounded corners for services and the internet, edges and nodes without a place left out, the
// style embedded only in an exported file, text escaped).
import * as assert from 'node:assert/strict';
import type { MapLayout } from '../../../../src/doctor/map/layout';
import type { MapEdge, MapNode, MapNodeKind, ServiceMap } from '../../../../src/doctor/map/mapTypes';
import { toMermaid } from '../../../../src/doctor/map/mermaid';
import { MAP_CSS, toSvg } from '../../../../src/doctor/map/svg';

function aNode(id: string, kind: MapNodeKind, lines: string[] = []): MapNode {
  return { id, kind, title: `T ${id}`, lines };
}

function anEdge(from: string, to: string, fields: Partial<MapEdge> = {}): MapEdge {
  return { id: `${from}->${to}`, from, to, state: 'ok', label: 'HTTPS 443', findingIds: [], codes: [], blockers: [], ...fields };
}

const KINDS: MapNodeKind[] = ['internet', 'loadBalancer', 'targetGroup', 'tasks', 'internetGateway', 'natGateway', 'noWayOut', 'otherWayOut', 'endpoint', 'awsService', 'registry'];

describe('service map: drawings', () => {
  it('Mermaid: one shape per node kind, each state its own link and style, blockers in brackets, a link to an unknown node left out', () => {
    const map: ServiceMap = {
      title: 'web & "api" (c, r)',
      nodes: KINDS.map((k, i) => aNode(k, k, i === 3 ? ['zone a', 'a<b>'] : [])),
      edges: [
        anEdge('internet', 'loadBalancer', { label: 'HTTP:80' }),
        anEdge('tasks', 'awsService', { state: 'broken', label: 'ENDPOINT_MISSING: x | y', blockers: ['sg-1', 'acl-2'] }),
        anEdge('tasks', 'ghost', { state: 'broken', label: 'gone' }),
        anEdge('tasks', 'noWayOut', { state: 'broken', label: 'VPC_DNS_DISABLED: off' }),
        anEdge('tasks', 'registry', { state: 'unchecked', label: 'not checked: the label' }),
        anEdge('tasks', 'endpoint', { state: 'unchecked', label: 'not checked: r', reason: 'the route tables were not read.' }),
      ],
    };
    assert.equal(toMermaid(map), [
      'flowchart LR',
      '  %% web #amp; #quot;api#quot; (c, r): ✓ working, ✗ broken (finding), ? not checked (reason)',
      '  n0(("T internet"))',
      '  n1["T loadBalancer"]',
      '  n2["T targetGroup"]',
      '  n3["T tasks<br/>zone a<br/>a#lt;b#gt;"]',
      '  n4{{"T internetGateway"}}',
      '  n5{{"T natGateway"}}',
      '  n6{{"T noWayOut"}}',
      '  n7{{"T otherWayOut"}}',
      '  n8[["T endpoint"]]',
      '  n9(["T awsService"])',
      '  n10(["T registry"])',
      '  n0 -->|"✓ HTTP:80"| n1',
      '  n3 ==>|"✗ ENDPOINT_MISSING: x #124; y [sg-1, acl-2]"| n9',
      '  n3 ==>|"✗ VPC_DNS_DISABLED: off"| n6',
      '  n3 -.->|"? not checked: not checked: the label"| n10',
      '  n3 -.->|"? not checked: the route tables were not read."| n8',
      '  linkStyle 0 stroke:#2e7d32',
      '  linkStyle 1 stroke:#d32f2f,stroke-width:3px',
      '  linkStyle 2 stroke:#d32f2f,stroke-width:3px',
      '  linkStyle 3 stroke:#757575,stroke-dasharray:5 5',
      '  linkStyle 4 stroke:#757575,stroke-dasharray:5 5',
      '',
    ].join('\n'));
  });

  it('Mermaid: a link from an unknown node is left out too, and its style with it', () => {
    const map: ServiceMap = { title: 't', nodes: [aNode('a', 'tasks')], edges: [anEdge('ghost', 'a'), anEdge('a', 'a')] };
    assert.equal(toMermaid(map), 'flowchart LR\n  %% t: ✓ working, ✗ broken (finding), ? not checked (reason)\n  n0["T a"]\n  n0 -->|"✓ HTTPS 443"| n0\n  linkStyle 0 stroke:#2e7d32\n');
  });

  const map: ServiceMap = {
    title: 'web <&> (c, r)',
    nodes: [aNode('a', 'tasks', ['zone "a"', 'it\'s']), aNode('gone', 'natGateway'), aNode('b', 'awsService'), aNode('i', 'internet'), aNode('e', 'endpoint')],
    edges: [
      anEdge('a', 'b', { state: 'broken', label: 'ENDPOINT_MISSING: x', codes: ['ENDPOINT_MISSING'], blockers: ['sg-1'] }),
      anEdge('a', 'gone'),
      anEdge('i', 'a'),
      anEdge('e', 'b', { state: 'unchecked', label: 'not checked: r', reason: 'r.' }),
      anEdge('a', 'e'),
    ],
  };
  const layout: MapLayout = {
    width: 400.4, height: 300,
    nodes: {
      a: { x: 16.04, y: 16.05, width: 120, height: 62 },
      b: { x: 200.26, y: 150, width: 130, height: 32 },
      i: { x: 16, y: 200, width: 120, height: 32 },
      e: { x: 250, y: 16, width: 140, height: 32 },
    },
    edges: {
      'a->b': { points: [{ x: 76.04, y: 78.05 }, { x: 100.35, y: 110 }, { x: 265.26, y: 150 }], label: { x: 90, y: 100.25, width: 150, height: 36, lines: ['✗ ENDPOINT_MISSING', '[sg-1]'] } },
      'a->gone': { points: [{ x: 1, y: 1 }, { x: 2, y: 2 }] },
      'i->a': { points: [{ x: 76, y: 200 }] },
      'e->b': { points: [{ x: 300, y: 48 }, { x: 280, y: 150 }] },
    },
  };

  it('SVG: a broken edge is a button with its spoken text, its polyline rounded to tenths, its label lines 15 pixels apart', () => {
    const svg = toSvg(map, layout, { embedStyle: false });
    const speech = 'broken path from T a to T b: ENDPOINT_MISSING: x. Blocked by sg-1. Press Enter to see the finding and its fix.';
    assert.ok(svg.includes([
      `<g class="edge broken" id="edge-0" data-edge="a-&#62;b" tabindex="0" role="button" aria-label="${speech}">`,
      `<title>${speech}</title>`,
      '<path d="M76,78.1 L100.4,110 L265.3,150" marker-end="url(#arrow-broken)"/>',
      '<g class="label"><rect x="90" y="100.3" width="150" height="36" rx="3"/><text>',
      '<tspan x="95" y="114.3">✗ ENDPOINT_MISSING</tspan>',
      '<tspan x="95" y="129.3">[sg-1]</tspan>',
      '</text></g>',
      '</g>',
    ].join('\n')), svg);
  });

  it('SVG: a working or unchecked edge is an image, drawn without a label when it has no place for one; one with fewer than two points is left out', () => {
    const svg = toSvg(map, layout, { embedStyle: false });
    assert.ok(svg.includes([
      '<g class="edge ok" id="edge-1" data-edge="a-&#62;gone" tabindex="0" role="img" aria-label="working path from T a to T gone: HTTPS 443.">',
      '<title>working path from T a to T gone: HTTPS 443.</title>',
      '<path d="M1,1 L2,2" marker-end="url(#arrow-ok)"/>',
      '</g>',
      '<g class="edge unchecked" id="edge-3" data-edge="e-&#62;b" tabindex="0" role="img" aria-label="not checked path from T e to T b: r..">',
    ].join('\n')), svg);
    assert.ok(!svg.includes('id="edge-2"'), 'one point is no line');
    assert.ok(!svg.includes('id="edge-4"'), 'no place, no line');
  });

  it('SVG: nodes as boxes with their title and lines, rounded for services and the internet, escaped; a node without a place left out', () => {
    const svg = toSvg(map, layout, { embedStyle: false });
    assert.ok(svg.includes([
      '</g>',
      '</g>',
      '<g class="nodes">',
      '<g class="node tasks" id="node-0" data-node="a" tabindex="0" role="img" aria-label="T a. zone &#34;a&#34;. it&#39;s">',
      '<rect x="16" y="16.1" width="120" height="62" rx="4"/>',
      '<text><tspan class="title" x="26" y="34.1">T a</tspan>',
      '<tspan class="line" x="26" y="51.1">zone &#34;a&#34;</tspan>',
      '<tspan class="line" x="26" y="66.1">it&#39;s</tspan>',
      '</text></g>',
      '<g class="node awsService" id="node-2" data-node="b" tabindex="0" role="img" aria-label="T b">',
      '<rect x="200.3" y="150" width="130" height="32" rx="12"/>',
      '<text><tspan class="title" x="210.3" y="168">T b</tspan>',
      '</text></g>',
      '<g class="node internet" id="node-3" data-node="i" tabindex="0" role="img" aria-label="T i">',
      '<rect x="16" y="200" width="120" height="32" rx="12"/>',
    ].join('\n')), svg);
    assert.ok(svg.includes('<g class="node endpoint" id="node-4" data-node="e" tabindex="0" role="img" aria-label="T e">\n<rect x="250" y="16" width="140" height="32" rx="4"/>'), svg);
    assert.ok(!svg.includes('node-1'), 'the node without a box is not drawn');
    assert.ok(svg.endsWith('</text></g>\n</g></svg>\n'), svg.slice(-60));
  });

  it('SVG: the head: size, title, the three arrow markers, the background; the style only in an exported file', () => {
    const svg = toSvg(map, layout, { embedStyle: false });
    const head = [
      '<svg xmlns="http://www.w3.org/2000/svg" class="service-map" viewBox="0 0 400.4 300" width="400.4" height="300" role="group" aria-labelledby="service-map-title">',
      '<title id="service-map-title">Service map of web &#60;&#38;&#62; (c, r)</title>',
    ].join('\n');
    const defs = [
      '<defs>',
      ...['ok', 'broken', 'unchecked'].map((s) => `<marker id="arrow-${s}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow ${s}" d="M0,0 L10,5 L0,10 z"/></marker>`),
      '</defs>',
      '<rect class="bg" x="0" y="0" width="400.4" height="300"/>',
      '<g class="edges">',
    ].join('\n');
    assert.ok(svg.startsWith(`${head}\n${defs}\n`), svg.slice(0, 900));
    assert.ok(!svg.includes('<style>'));
    const file = toSvg(map, layout, { embedStyle: true });
    assert.ok(file.startsWith(`${head}\n<style>${MAP_CSS}</style>\n${defs}\n`), file.slice(0, 900));
  });
});
