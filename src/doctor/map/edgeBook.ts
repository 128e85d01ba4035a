// The service map's edges as buildMap.ts collects them: one edge per pair of nodes, the findings
// that break it and the reason it went unchecked merged in as the paths are walked, and the
// state derived at the end (a blocking finding: broken; else a reason: unchecked; else ok).
// Which findings block, and which groups or ACLs each names, is decided here too.
//
// Pure module: no vscode, no AWS SDK.

import type { DoctorCode } from '../analysisCodes';
import type { AnalyzerFinding } from '../types';
import type { MapEdge } from './mapTypes';

/** Recommendations: they name a path but do not stop it (a zone crossed, a short grace period). */
const NOT_BLOCKING: ReadonlySet<DoctorCode> = new Set<DoctorCode>(['ENDPOINT_AZ_COVERAGE', 'HEALTH_CHECK_GRACE_PERIOD_SHORT', 'NETWORK_PATH_UNKNOWN', 'COULD_NOT_CHECK']);

/** Whether a finding stops the path it is drawn on: an error or a warning that is not a recommendation. */
export function blocks(f: AnalyzerFinding): boolean {
  return f.severity !== 'info' && !NOT_BLOCKING.has(f.code);
}

interface Draft {
  from: string;
  to: string;
  label: string;
  findings: AnalyzerFinding[];
  reasons: string[];
  blockers: string[];
}

export interface EdgeInput {
  /** What goes over it, shown while it works; none for an edge that is only ever broken or unchecked. */
  readonly label?: string;
  readonly findings?: readonly AnalyzerFinding[];
  /** Why it could not be checked; ignored when a finding breaks it. */
  readonly reason?: string;
  readonly blockers?: readonly string[];
}

export class EdgeBook {
  private readonly drafts = new Map<string, Draft>();

  /** Adds the edge, or merges into the one already there (its label stays). */
  add(from: string, to: string, input: EdgeInput): void {
    const id = `${from}->${to}`;
    const draft = this.drafts.get(id) ?? { from, to, label: input.label ?? '', findings: [], reasons: [], blockers: [] };
    for (const f of input.findings ?? []) if (blocks(f) && !draft.findings.some((x) => x.id === f.id)) draft.findings.push(f);
    if (input.reason && !draft.reasons.includes(input.reason)) draft.reasons.push(input.reason);
    for (const b of input.blockers ?? []) if (!draft.blockers.includes(b)) draft.blockers.push(b);
    this.drafts.set(id, draft);
  }

  /** The edges, in the order first added; the findings worst first, blockers only on broken edges. */
  edges(): MapEdge[] {
    return [...this.drafts.values()].map((d): MapEdge => {
      const id = `${d.from}->${d.to}`;
      const findings = [...d.findings].sort((a, b) => rank(a) - rank(b));
      if (findings.length > 0) {
        const more = findings.length > 1 ? ` (+${findings.length - 1} more)` : '';
        return {
          id, from: d.from, to: d.to, state: 'broken', label: `${findings[0].code}: ${findings[0].title}${more}`,
          findingIds: findings.map((f) => f.id), codes: [...new Set(findings.map((f) => f.code))], blockers: d.blockers,
        };
      }
      if (d.reasons.length > 0) {
        const reason = d.reasons.join(' ');
        return { id, from: d.from, to: d.to, state: 'unchecked', label: `not checked: ${reason}`, findingIds: [], codes: [], reason, blockers: [] };
      }
      return { id, from: d.from, to: d.to, state: 'ok', label: d.label, findingIds: [], codes: [], blockers: [] };
    });
  }
}

/** Errors before warnings (an info finding never breaks an edge: `blocks`). */
function rank(f: AnalyzerFinding): number {
  return f.severity === 'error' ? 0 : 1;
}
