/** The nodes of the Problems view: a failing service, then its problems (the diagnostics of its report). */
import * as vscode from 'vscode';
import { countsAsProblem } from '../doctor/severity';
import type { ReportProblem } from '../doctor/serviceReport';
import { summarizePlan } from '../doctor/planText';
import { describePlan } from '../doctor/planText';
import { awsErrorInfo } from '../util/awsErrorInfo';
import { contextValue } from '../tree/contextValues';
import { ErrorNode, PlaceholderNode } from '../tree/messageNodes';
import { TreeNode, type NodeProvider } from '../tree/treeNode';
import type { HistoryStore } from '../history/historyStore';
import type { CheckResults, Diagnosis } from './checkResults';
import { rememberedNodes } from './rememberedNodes';
import { problemRange } from './doctorDiagnostics';
import { reportUri, serviceKeyId, type ServiceKey } from './reportUri';

function severityIcon(severity: ReportProblem['severity']): vscode.ThemeIcon {
  switch (severity) {
    case 'error': return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
    case 'warning': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'info': return new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground'));
  }
}

export class ProblemServiceNode extends TreeNode {
  readonly id: string;
  /** The last check failed with this (shown as an error node with a retry). */
  error: unknown;

  constructor(
    provider: NodeProvider,
    readonly key: ServiceKey,
    private readonly results: CheckResults,
    private readonly check: (node: ProblemServiceNode) => void,
    private readonly history?: HistoryStore,
  ) {
    super(provider);
    this.id = `problems:${serviceKeyId(key)}`;
  }

  get diagnosis(): Diagnosis | undefined {
    return this.results.get(this.key);
  }

  getTreeItem(): vscode.TreeItem {
    const d = this.diagnosis;
    const item = new vscode.TreeItem(this.key.service, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    const problems = d?.report.problems.filter(countsAsProblem) ?? [];
    const errors = problems.filter((p) => p.severity === 'error').length;
    if (!d) {
      item.description = this.error ? vscode.l10n.t('{0} · check failed', this.key.cluster) : vscode.l10n.t('{0} · checking…', this.key.cluster);
      item.iconPath = this.error ? severityIcon('error') : new vscode.ThemeIcon('loading~spin');
    } else {
      item.description = problems.length === 1
        ? vscode.l10n.t('{0} · 1 problem', this.key.cluster)
        : vscode.l10n.t('{0} · {1} problems', this.key.cluster, problems.length);
      item.iconPath = problems.length === 0 ? new vscode.ThemeIcon('pass') : severityIcon(errors > 0 ? 'error' : 'warning');
    }
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${this.key.service}** · ${this.key.cluster} · ${this.key.region}\n\n`);
    if (d && d.report.plan.steps.length > 0) {
      tooltip.appendMarkdown(vscode.l10n.t('Fix all: {0}', summarizePlan(d.report.plan)) + '\n\n');
    }
    if (d) tooltip.appendMarkdown(vscode.l10n.t('Checked at {0}.', d.checkedAt.toLocaleTimeString()));
    item.tooltip = tooltip;
    item.command = { command: 'ecsStudio.openServiceReport', title: vscode.l10n.t('Open Service Report'), arguments: [{ key: this.key }] };
    item.contextValue = contextValue('problemService', d && d.report.plan.steps.length > 0 && 'fixable');
    return item;
  }

  override getChildren(): TreeNode[] {
    const d = this.diagnosis;
    if (!d) {
      if (this.error) {
        const info = awsErrorInfo(this.error);
        return [new ErrorNode(this, this.id, vscode.l10n.t('Could not check the service'), info.message, () => this.check(this))];
      }
      if (!this.results.isChecking(this.key)) this.check(this);
      return [new PlaceholderNode(this, this.id, vscode.l10n.t('Checking…'))];
    }
    const problems = d.report.problems;
    // After the problems: the service's failures ECS no longer returns, as remembered.
    const remembered = this.history ? rememberedNodes(this, this.history.file.rememberedBeyond(d)) : [];
    if (problems.length === 0) return [new PlaceholderNode(this, this.id, vscode.l10n.t('No problems found.')), ...remembered];
    return [...problems.map((p) => new ProblemNode(this, p)), ...remembered];
  }
}

export class ProblemNode extends TreeNode {
  readonly id: string;
  readonly key: ServiceKey;
  readonly problemId: string;

  constructor(parent: ProblemServiceNode, readonly problem: ReportProblem) {
    super(parent);
    this.id = `${parent.id}/${problem.id}`;
    this.key = parent.key;
    this.problemId = problem.id;
  }

  getTreeItem(): vscode.TreeItem {
    const p = this.problem;
    const item = new vscode.TreeItem(p.title, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = p.code;
    item.iconPath = severityIcon(p.severity);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${p.code}**: `).appendText(p.title).appendMarkdown('\n\n');
    for (const e of p.evidence) tooltip.appendText(e).appendMarkdown('\n\n');
    if (p.fix) {
      tooltip.appendMarkdown(`**${vscode.l10n.t('Fix')}**\n\n`);
      for (const step of describePlan(p.fix)) tooltip.appendText(step).appendMarkdown('\n\n');
    }
    item.tooltip = tooltip;
    item.command = {
      command: 'vscode.open',
      title: vscode.l10n.t('Show in Report'),
      arguments: [reportUri(this.key), { selection: problemRange(p), preview: true } satisfies vscode.TextDocumentShowOptions],
    };
    item.contextValue = contextValue('problem', p.fix && 'fixable');
    item.accessibilityInformation = { label: `${p.severity} ${p.code}: ${p.title}` };
    return item;
  }
}
