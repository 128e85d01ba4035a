// The service map drawn whole, for the command line and for Export SVG: the graph from the
// doctor's examination, laid out by ELK, as Mermaid text or as a self-contained SVG file.
//
// Pure module: no vscode, no AWS SDK.

import type { ServiceSnapshot } from '../snapshot';
import type { AnalyzerFinding } from '../types';
import { buildServiceMap } from './buildMap';
import { layoutMap } from './layout';
import type { ServiceMap } from './mapTypes';
import { toMermaid } from './mermaid';
import { toSvg } from './svg';

export type MapFormat = 'mermaid' | 'svg';

/** A map as a file: SVG with its style inside (theme colours where VS Code gives them, fallbacks elsewhere). */
export async function mapSvgFile(map: ServiceMap): Promise<string> {
  return toSvg(map, await layoutMap(map), { embedStyle: true });
}

export async function renderServiceMap(snapshot: ServiceSnapshot, findings: readonly AnalyzerFinding[], cluster: string, format: MapFormat): Promise<string> {
  const map = buildServiceMap(snapshot, findings, cluster);
  return format === 'mermaid' ? toMermaid(map) : mapSvgFile(map);
}
