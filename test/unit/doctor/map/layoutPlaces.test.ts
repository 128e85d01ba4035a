// Where ELK puts a small map (one layout run): each node keeps the size
// its text needs, each label the size of its lines (bold capitals wider on a broken edge) and the
// lines themselves, every edge runs from the bottom of its source to the top of its target (the
// map lays out downwards), each label sits by its edge, and everything lies inside the drawing,
// a margin in from each side. Then the command line's drawing of a whole service in both formats.
import * as assert from 'node:assert/strict';
import { examine } from '../../../../src/doctor/examine';
import { buildServiceMap } from '../../../../src/doctor/map/buildMap';
import { layoutMap, type Box, type MapLayout } from '../../../../src/doctor/map/layout';
import { edgeLabelLines, nodeSize } from '../../../../src/doctor/map/mapText';
import type { ServiceMap } from '../../../../src/doctor/map/mapTypes';
import { toMermaid } from '../../../../src/doctor/map/mermaid';
import { renderServiceMap } from '../../../../src/doctor/map/renderMap';
import { MAP_CSS } from '../../../../src/doctor/map/svg';
import { TUTORIAL } from '../../../support/tutorialWorld';
import { tutorialSnapshot } from '../snapshotBuilder';

const MARGIN = 16;

const MAP: ServiceMap = {
  title: 't',
  nodes: [
    { id: 'a', kind: 'tasks', title: 'Tasks in subnet-1', lines: ['zone a', 'private'] },
    { id: 'b', kind: 'endpoint', title: 'Endpoint logs', lines: ['vpce-1'] },
    { id: 'c', kind: 'awsService', title: 'CloudWatch Logs', lines: ['logs'] },
    { id: 'd', kind: 'registry', title: 'Registry docker.io', lines: [] },
  ],
  edges: [
    { id: 'a->b', from: 'a', to: 'b', state: 'broken', label: 'x', findingIds: ['f'], codes: ['ENDPOINT_SG_BLOCKS_443'], blockers: ['sg-1'] },
    { id: 'b->c', from: 'b', to: 'c', state: 'ok', label: 'PrivateLink', findingIds: [], codes: [], blockers: [] },
    { id: 'a->d', from: 'a', to: 'd', state: 'unchecked', label: 'not checked: r', reason: 'the route tables were not read.', findingIds: [], codes: [], blockers: [] },
  ],
};

const near = (a: number, b: number) => Math.abs(a - b) <= 0.5;

describe('service map: layout', () => {
  // One layout, inside the test: Stryker's per-test coverage does not count a before() hook's run.
  it('ELK\'s layout of a small map: sizes kept, label lines and sizes, edges from bottom to top with their labels beside, all inside the margins', async function () {
    this.timeout(20_000);
    const layout: MapLayout = await layoutMap(MAP);

    // Each node keeps the size its text needs.
    for (const n of MAP.nodes) {
      const b = layout.nodes[n.id];
      assert.deepEqual({ width: b.width, height: b.height }, nodeSize(n), n.id);
    }

    // Each label: its lines as drawn, 10 pixels wider than its widest line (30% more for a broken edge's capitals), 15 pixels a line plus 6.
    const label = (id: string) => layout.edges[id].label;
    assert.deepEqual(label('a->b'), { ...label('a->b'), width: Math.ceil(166 * 1.3) + 10, height: 36, lines: ['✗ ENDPOINT_SG_BLOCKS_443', '[sg-1]'] });
    assert.deepEqual(label('b->c'), { ...label('b->c'), width: 100, height: 21, lines: ['✓ PrivateLink'] });
    assert.deepEqual(label('a->d')?.lines, edgeLabelLines(MAP.edges[2]));
    assert.equal(label('a->d')?.width, Math.ceil(24 * 6.9) + 10);

    // Each edge runs from its source's bottom to its target's top (the map lays out downwards), its label beside it.
    const within = (x: number, b: Box) => x >= b.x && x <= b.x + b.width;
    for (const e of MAP.edges) {
      const { points, label: l } = layout.edges[e.id];
      const [from, to] = [layout.nodes[e.from], layout.nodes[e.to]];
      const [first, last] = [points[0], points[points.length - 1]];
      assert.ok(near(first.y, from.y + from.height) && within(first.x, from), `${e.id} starts on ${e.from}: ${JSON.stringify(first)} ${JSON.stringify(from)}`);
      assert.ok(near(last.y, to.y) && within(last.x, to), `${e.id} ends on ${e.to}: ${JSON.stringify(last)} ${JSON.stringify(to)}`);
      assert.ok(l, e.id);
      assert.ok(l.y >= from.y + from.height && l.y + l.height <= to.y, `${e.id}: label between its ends`);
      assert.ok(points.some((p) => near(p.y, l.y)), `${e.id}: the edge bends where its label starts`);
      const gap = Math.min(...points.map((p) => Math.min(Math.abs(p.x - l.x), Math.abs(p.x - (l.x + l.width)))));
      assert.ok(gap <= 10, `${e.id}: label ${gap} pixels from its edge`);
    }

    // Everything lies inside the drawing, at least the margin in from each side; its size is whole pixels.
    const boxes: Box[] = [...Object.values(layout.nodes), ...Object.values(layout.edges).flatMap((e) => (e.label ? [e.label] : []))];
    for (const b of boxes) {
      assert.ok(b.x >= MARGIN && b.y >= MARGIN, JSON.stringify(b));
      assert.ok(b.x + b.width <= layout.width - MARGIN && b.y + b.height <= layout.height - MARGIN, `${JSON.stringify(b)} in ${layout.width}x${layout.height}`);
    }
    assert.ok(Number.isInteger(layout.width) && Number.isInteger(layout.height), `${layout.width}x${layout.height}`);
    // Centred: as much room right of the rightmost thing as left of the leftmost (within the rounding up), the same below as above.
    const [left, top] = [Math.min(...boxes.map((b) => b.x)), Math.min(...boxes.map((b) => b.y))];
    const [right, bottom] = [Math.max(...boxes.map((b) => b.x + b.width)), Math.max(...boxes.map((b) => b.y + b.height))];
    assert.ok(Math.abs(layout.width - right - left) < 1 && Math.abs(layout.height - bottom - top) < 1, `${left},${top} to ${right},${bottom} in ${layout.width}x${layout.height}`);
  });

  it('the command line: Mermaid is the map\'s Mermaid text; SVG is a whole file with its style and every node and edge', async function () {
    this.timeout(20_000);
    const s = tutorialSnapshot();
    const findings = examine(s, TUTORIAL.clusterName, TUTORIAL.serviceName).findings;
    const map = buildServiceMap(s, findings, TUTORIAL.clusterName);
    assert.equal(await renderServiceMap(s, findings, TUTORIAL.clusterName, 'mermaid'), toMermaid(map));
    const svg = await renderServiceMap(s, findings, TUTORIAL.clusterName, 'svg');
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), svg.slice(0, 100));
    assert.ok(svg.includes(`<style>${MAP_CSS}</style>`));
    assert.equal(svg.match(/ data-node="/g)?.length, map.nodes.length);
    assert.equal(svg.match(/ data-edge="/g)?.length, map.edges.length);
    assert.ok(svg.includes(`<title id="service-map-title">Service map of ${TUTORIAL.serviceName} (${TUTORIAL.clusterName}, ${TUTORIAL.region})</title>`));
  });
});
