// How bad a finding is, and which ones count as problems. Tiny on purpose: VS Code's activation
// bundle needs it, and not the classifier's tables.
//
// Pure module: no vscode, no AWS SDK.

export type Severity = 'error' | 'warning' | 'info';

/** Errors and warnings: what the status bar and the Problems view count as problems. */
export function countsAsProblem(finding: { readonly severity: Severity }): boolean {
  return finding.severity === 'error' || finding.severity === 'warning';
}
