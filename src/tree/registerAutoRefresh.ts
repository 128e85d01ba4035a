import * as vscode from 'vscode';
import { AutoRefresh } from './autoRefresh';

export const AUTO_REFRESH_SETTING = 'ecsStudio.autoRefreshSeconds';

/** Refreshes a view every `ecsStudio.autoRefreshSeconds` seconds while it is visible (off at 0). */
export function registerAutoRefresh(view: vscode.TreeView<unknown>, refresh: () => void): vscode.Disposable {
  const auto = new AutoRefresh(refresh);
  const read = () => auto.setIntervalSeconds(vscode.workspace.getConfiguration().get<number>(AUTO_REFRESH_SETTING, 0));
  read();
  auto.setVisible(view.visible);
  return vscode.Disposable.from(
    auto,
    view.onDidChangeVisibility((e) => auto.setVisible(e.visible)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(AUTO_REFRESH_SETTING)) read();
    }),
  );
}
