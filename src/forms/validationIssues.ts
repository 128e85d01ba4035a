// What any form validator reports: issues at a path, errors and warnings. Rules push raw issues
// (their path still as segments) onto a Report; finish() words each path for the caller and
// drops repeats, keeping the order the rules found them in. Used by the task definition and the
// service validators alike.

import type { PathSegment } from '../util/wording';

export interface Issue {
  /** Where the problem is, e.g. `containers[0].portMappings[1].containerPort`. */
  path: string;
  /** What a colleague would say about it. */
  message: string;
  /** Stable identifier, e.g. `FARGATE_MEMORY`. */
  code: string;
}

export interface ValidationResult {
  errors: Issue[];
  warnings: Issue[];
}

export type Segs = PathSegment[];

export interface RawIssue {
  severity: 'error' | 'warning';
  path: Segs;
  code: string;
  message: string;
  /** The issue is about the property name itself (unknown or repeated key), not its value. */
  onKey?: boolean;
}

export class Report {
  readonly issues: RawIssue[] = [];

  error(path: Segs, code: string, message: string, onKey = false): void {
    this.issues.push({ severity: 'error', path, code, message, onKey });
  }

  warning(path: Segs, code: string, message: string, onKey = false): void {
    this.issues.push({ severity: 'warning', path, code, message, onKey });
  }
}

export function finish(report: Report, toPath: (segs: Segs) => string): ValidationResult {
  const seen = new Set<string>();
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  for (const issue of report.issues) {
    const path = toPath(issue.path);
    const key = `${issue.severity}|${path}|${issue.code}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (issue.severity === 'error' ? errors : warnings).push({ path, message: issue.message, code: issue.code });
  }
  return { errors, warnings };
}
