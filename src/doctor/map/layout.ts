// Where the service map's nodes and edges go: ELK's layered layout (elkjs), left to right, from
// the sizes the text needs (mapText.ts). The result is plain coordinates that svg.ts draws; no
// coordinate is placed by hand.
//
// Pure module: no vscode, no AWS SDK.

import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { ServiceMap } from './mapTypes';
import { edgeLabelLines, LINE_HEIGHT, nodeSize, textWidth } from './mapText';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface EdgePlace {
  /** The polyline, start to end. */
  readonly points: ReadonlyArray<{ readonly x: number; readonly y: number }>;
  readonly label?: Box & { readonly lines: readonly string[] };
}

export interface MapLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: Readonly<Record<string, Box>>;
  readonly edges: Readonly<Record<string, EdgePlace>>;
}

const MARGIN = 16;
/** A broken edge's label is bold capitals (finding codes): wider than the estimate for plain text. */
const BOLD_CAPS = 1.3;

const OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'POLYLINE',
  'elk.layered.spacing.nodeNodeBetweenLayers': '40',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.edgeEdge': '14',
  'elk.layered.spacing.edgeNodeBetweenLayers': '20',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.edgeLabels.inline': 'false',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** Lays the map out with ELK; the coordinates start at a margin from 0,0. */
export async function layoutMap(map: ServiceMap): Promise<MapLayout> {
  const elk = new ELK();
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: OPTIONS,
    children: map.nodes.map((n) => ({ id: n.id, ...nodeSize(n) })),
    edges: map.edges.map((e): ElkExtendedEdge => {
      const lines = edgeLabelLines(e);
      return {
        id: e.id, sources: [e.from], targets: [e.to],
        // ELK places a label only when it has text (its size is given, ELK does not measure it); centred is its default.
        labels: [{ text: lines.join('\n'), width: Math.ceil(Math.max(...lines.map(textWidth)) * (e.state === 'broken' ? BOLD_CAPS : 1)) + 10, height: lines.length * LINE_HEIGHT + 6 }],
      };
    }),
  };
  const out = await elk.layout(graph);
  const nodes: Record<string, Box> = {};
  for (const c of out.children ?? []) nodes[c.id] = { x: (c.x ?? 0) + MARGIN, y: (c.y ?? 0) + MARGIN, width: c.width ?? 0, height: c.height ?? 0 };
  const edges: Record<string, EdgePlace> = {};
  for (const e of out.edges ?? []) {
    const section = e.sections?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: p.x + MARGIN, y: p.y + MARGIN })) : [];
    const l = e.labels?.[0];
    edges[e.id] = {
      points,
      ...(l ? { label: { x: (l.x ?? 0) + MARGIN, y: (l.y ?? 0) + MARGIN, width: l.width ?? 0, height: l.height ?? 0, lines: (l.text ?? '').split('\n') } } : {}),
    };
  }
  return { width: Math.ceil((out.width ?? 0) + 2 * MARGIN), height: Math.ceil((out.height ?? 0) + 2 * MARGIN), nodes, edges };
}
