import * as vscode from 'vscode';
import { effectiveProfileName } from '../model/connection';
import type { ConnectionStore } from './connectionStore';

/** "$(cloud) profile@region" in the status bar; a click chooses the profile. */
export function registerConnectionStatusBar(connections: ConnectionStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('ecsStudio.connection', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('ECS Studio connection');
  item.command = 'ecsStudio.selectProfile';
  const render = () => {
    const profile = effectiveProfileName({ profile: connections.profile });
    const region = connections.knownRegion;
    item.text = `$(cloud) ${profile}@${region ?? '…'}`;
    const endpoint = connections.endpointUrl;
    const tooltip = new vscode.MarkdownString(
      vscode.l10n.t('**ECS Studio** uses profile `{0}` in region `{1}`.', profile, region ?? vscode.l10n.t('(from the profile)')),
    );
    if (endpoint) tooltip.appendMarkdown('\n\n' + vscode.l10n.t('Endpoint override: `{0}`', endpoint));
    tooltip.appendMarkdown('\n\n' + vscode.l10n.t('Click to choose another profile.'));
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: vscode.l10n.t('ECS Studio: profile {0}, region {1}', profile, region ?? '') };
    item.show();
  };
  render();
  return vscode.Disposable.from(item, connections.onDidChange(render), connections.onDidResolveRegion(render));
}
