import * as vscode from 'vscode';
import { problemRange } from '../problems/doctorDiagnostics';
import { parseServiceReportPath, REPORT_SCHEME, serviceKeyId, type ServiceKey } from '../problems/reportUri';
import type { MapSource } from '../webviews/serviceMapPanel';
import type { CommandContext } from './commandContext';
import { fixProblem } from './fixProblem';
import { checkWithProgress, serviceKeyTarget } from './problemTargets';

/**
 * ECS Studio: Show Service Map. Opens the service's map (checking it first when it was not
 * checked yet); the map redraws on each new check of the service, so a fix turns red edges
 * green. A broken edge shows its finding in the report and offers the fix through the quick
 * fix's own command path (fixProblem: the same plan, the same confirmation).
 */
export async function showServiceMap(ctx: CommandContext, arg?: unknown): Promise<void> {
  // From the report's title bar: the report's own service.
  const fromReport = arg instanceof vscode.Uri && arg.scheme === REPORT_SCHEME ? parseServiceReportPath(arg.path) : undefined;
  const key = fromReport ?? await serviceKeyTarget(ctx, arg);
  if (!key) return;
  ctx.serviceMaps.open(serviceKeyId(key), vscode.l10n.t('Map: {0}', key.service), mapSource(ctx, key));
}

function mapSource(ctx: CommandContext, key: ServiceKey): MapSource {
  const changed = new vscode.EventEmitter<void>();
  return {
    latest: () => {
      const d = ctx.checkResults.get(key);
      return d && { cluster: key.cluster, snapshot: d.snapshot, findings: d.findings, checkedAt: d.checkedAt };
    },
    onDidChange: (listener, thisArg, disposables) => {
      const relay = ctx.checkResults.onDidChange((changedKey) => {
        if (!changedKey || serviceKeyId(changedKey) === serviceKeyId(key)) changed.fire();
      });
      const subscription = changed.event(listener, thisArg);
      const both = vscode.Disposable.from(relay, subscription);
      disposables?.push(both);
      return both;
    },
    refresh: async () => {
      await checkWithProgress(ctx, key);
    },
    openFindings: async (findingIds) => {
      const diagnosis = ctx.checkResults.get(key);
      const problems = findingIds.flatMap((id) => diagnosis?.report.problems.filter((p) => p.id === `finding:${id}`) ?? []);
      if (!diagnosis || problems.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This problem is gone: the latest check of service {0} did not find it.', key.service));
        return;
      }
      let problem = problems[0];
      if (problems.length > 1) {
        const items = problems.map((p) => ({ label: `${p.code}: ${p.title}`, problem: p }));
        const chosen = await ctx.userInput.input.pick(items, { title: vscode.l10n.t('This path is broken by {0} findings', problems.length), placeHolder: vscode.l10n.t('Choose the finding to see and fix') });
        if (!chosen) return;
        problem = chosen.problem;
      }
      // The finding, selected in the report beside the map; then its fix, as the quick fix offers it.
      await vscode.window.showTextDocument(diagnosis.uri, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true, selection: problemRange(problem) });
      await fixProblem(ctx, { key, problemId: problem.id });
    },
    saveSvg: async (svg, suggestedName) => {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const options: vscode.SaveDialogOptions = {
        title: vscode.l10n.t('Export the service map as SVG'),
        filters: { SVG: ['svg'] },
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, suggestedName) } : {}),
      };
      const input = ctx.userInput.input;
      const uri = input.saveFile ? await input.saveFile(options) : await vscode.window.showSaveDialog(options);
      if (!uri) return undefined;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(svg));
      void vscode.window.showInformationMessage(vscode.l10n.t('Saved the map of service {0} to {1}.', key.service, uri.fsPath));
      return uri.fsPath;
    },
  };
}
