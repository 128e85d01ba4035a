// What the service map tests share: findings made by hand (the map reads only a finding's code,
// severity, resource, title and evidence, so a test controls exactly which edge it lands on),
// the map of a snapshot with those findings, and lookups that say what was there when they fail.
import * as assert from 'node:assert/strict';
import type { DoctorCode } from '../../../../src/doctor/analysisCodes';
import type { Severity } from '../../../../src/doctor/codes';
import { buildServiceMap } from '../../../../src/doctor/map/buildMap';
import type { MapEdge, MapNode, ServiceMap } from '../../../../src/doctor/map/mapTypes';
import type { ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { AnalyzerFinding } from '../../../../src/doctor/types';

export function aFinding(code: DoctorCode, resource: string, fields: Partial<AnalyzerFinding> = {}): AnalyzerFinding {
  const severity: Severity = 'error';
  return { id: `${code}:${resource}`, code, severity, title: `${code} on ${resource}`, resource, evidence: [], docsUrl: '', affects: [], remedies: [], ...fields };
}

export function mapWith(s: ServiceSnapshot, findings: AnalyzerFinding[] = []): ServiceMap {
  return buildServiceMap(s, findings, 'c');
}

export function edgeOf(map: ServiceMap, from: string, to: string): MapEdge {
  const found = map.edges.find((e) => e.from === from && e.to === to);
  assert.ok(found, `no edge ${from} -> ${to}; edges: ${map.edges.map((e) => e.id).join(', ')}`);
  return found;
}

export function nodeOf(map: ServiceMap, id: string): MapNode {
  const found = map.nodes.find((n) => n.id === id);
  assert.ok(found, `no node ${id}; nodes: ${map.nodes.map((n) => n.id).join(', ')}`);
  return found;
}

/** The ids of the findings on the edge (empty unless broken). */
export function idsOn(map: ServiceMap, from: string, to: string): string[] {
  return [...edgeOf(map, from, to).findingIds].sort();
}
