// The service map drawn: Mermaid text (links by state, escaped labels, one linkStyle per link),
// ELK's layout (every node and edge placed, no two nodes overlapping) and the SVG (each node and
// edge focusable with its spoken text, a broken edge a button, the state in the label's mark
// as well as in the colour).
import * as assert from 'node:assert/strict';
import { examine } from '../../../../src/doctor/examine';
import { buildServiceMap } from '../../../../src/doctor/map/buildMap';
import { layoutMap, type Box } from '../../../../src/doctor/map/layout';
import { edgeLabelLines, wrap } from '../../../../src/doctor/map/mapText';
import type { ServiceMap } from '../../../../src/doctor/map/mapTypes';
import { toMermaid } from '../../../../src/doctor/map/mermaid';
import { toSvg } from '../../../../src/doctor/map/svg';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import { TUTORIAL } from '../../../support/tutorialWorld';
import { fixedTutorialSnapshot, IDS, tutorialSnapshot } from '../snapshotBuilder';

function mapOf(s: ServiceSnapshot): ServiceMap {
  return buildServiceMap(s, examine(s, TUTORIAL.clusterName, TUTORIAL.serviceName).findings, TUTORIAL.clusterName);
}

function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('service map: drawing', () => {
  it('Mermaid: broken links thick with ✗ and the finding, working ones ✓, one red or green linkStyle each', () => {
    const map = mapOf(tutorialSnapshot());
    const text = toMermaid(map);
    const links = text.split('\n').filter((l) => /^\s+n\d+ (==>|-->|-\.->)\|/.test(l));
    assert.equal(links.length, map.edges.length);
    assert.equal(links.filter((l) => l.includes('==>|"✗ ENDPOINT_MISSING: ')).length, 6);
    assert.equal(links.filter((l) => l.includes('-->|"✓ ')).length, map.edges.filter((e) => e.state === 'ok').length);
    const styles = text.split('\n').filter((l) => l.startsWith('  linkStyle '));
    assert.deepEqual(styles.map((l) => Number(l.split(' ')[3])), map.edges.map((_, i) => i));
    assert.equal(styles.filter((l) => l.includes('#d32f2f,stroke-width:3px')).length, map.edges.filter((e) => e.state === 'broken').length);
  });

  it('Mermaid: quotes, angle brackets and pipes in the text cannot end a label', () => {
    const map: ServiceMap = {
      title: 't',
      nodes: [{ id: 'a', kind: 'tasks', title: 'A "quoted" <b>', lines: [] }, { id: 'b', kind: 'awsService', title: 'B', lines: ['x|y'] }],
      edges: [{ id: 'a->b', from: 'a', to: 'b', state: 'unchecked', label: 'l', reason: 'not "read" | <gap>', findingIds: [], codes: [], blockers: [] }],
    };
    const text = toMermaid(map);
    assert.ok(text.includes('n0["A #quot;quoted#quot; #lt;b#gt;"]'), text);
    assert.ok(text.includes('n1(["B<br/>x#124;y"])'), text);
    assert.ok(text.includes('n0 -.->|"? not checked: not #quot;read#quot; #124; #lt;gap#gt;"| n1'), text);
  });

  it('labels: a broken edge shows ✗ and its codes, with the blocking groups; long text wraps to at most three lines', () => {
    assert.deepEqual(edgeLabelLines({ id: 'x', from: 'a', to: 'b', state: 'broken', label: 'ignored', findingIds: ['f', 'g'], codes: ['ENDPOINT_MISSING', 'ENDPOINT_SG_BLOCKS_443'], blockers: ['sg-1'] }),
      ['✗ ENDPOINT_MISSING', '+ ENDPOINT_SG_BLOCKS_443', '[sg-1]']);
    assert.deepEqual(wrap('one two three four five six seven', 9, 2), ['one two', 'three…']);
    assert.deepEqual(wrap('short', 9, 2), ['short']);
  });

  it('ELK places every node and edge of the tutorial, and no two nodes overlap', async function () {
    this.timeout(20_000);
    for (const s of [tutorialSnapshot(), fixedTutorialSnapshot()]) {
      const map = mapOf(s);
      const layout = await layoutMap(map);
      const boxes = map.nodes.map((n) => layout.nodes[n.id]);
      assert.ok(boxes.every((b) => b && b.width > 0 && b.height > 0), 'every node placed');
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlap(boxes[i], boxes[j]), `${map.nodes[i].id} overlaps ${map.nodes[j].id}`);
      for (const e of map.edges) assert.ok((layout.edges[e.id]?.points.length ?? 0) >= 2, `edge ${e.id} routed`);
      assert.ok(boxes.every((b) => b.x + b.width <= layout.width && b.y + b.height <= layout.height), 'inside the drawing');
    }
  });

  it('SVG: each node and edge focusable with its text for screen readers; broken edges are buttons that say Enter fixes', async function () {
    this.timeout(20_000);
    const map = mapOf(tutorialSnapshot());
    const svg = toSvg(map, await layoutMap(map), { embedStyle: false });
    assert.ok(!svg.includes('<style>'), 'the webview adopts the style; no inline style');
    const edges = svg.match(/<g class="edge [^"]+"[^>]*>/g) ?? [];
    assert.equal(edges.length, map.edges.length);
    for (const g of edges) assert.match(g, /tabindex="0" role="(button|img)" aria-label="(working|broken|not checked) path from /);
    const broken = edges.filter((g) => g.includes('class="edge broken"'));
    assert.equal(broken.length, map.edges.filter((e) => e.state === 'broken').length);
    for (const g of broken) assert.match(g, /role="button" aria-label="broken path from Tasks in subnet-0priv[12][ac] to .*Press Enter to see the finding and its fix\."/);
    const nodes = svg.match(/<g class="node [^"]+"[^>]*>/g) ?? [];
    assert.equal(nodes.length, map.nodes.length);
    assert.ok(nodes.some((g) => g.includes(`aria-label="Tasks in ${IDS.privateA}. ${TUTORIAL.region}a · 10.0.2.0/24. private subnet, no internet route`)), nodes.join('\n'));
    assert.ok(svg.includes('>✗ ENDPOINT_MISSING</tspan>'), 'the mark and the code are drawn, not only the colour');
  });
});
