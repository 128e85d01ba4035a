/**
 * The service maps of this window, one panel per service (opening it again reveals it), and the
 * one opened or focused last (extension tests drive its host). The panel's host loads on first
 * use through loadMapHost.ts, with the layout library.
 */
import * as vscode from 'vscode';
import { loadMapHost } from './loadMapHost';
import { OpenFormPanels } from './openFormPanels';
import { SERVICE_MAP_VIEW_TYPE } from './serviceMapProtocol';
import type { MapSource, ServiceMapPanel } from './serviceMapPanel';

export interface ServiceMapsDeps {
  readonly log: vscode.LogOutputChannel;
  readonly extensionUri: vscode.Uri;
}

export class ServiceMaps implements vscode.Disposable {
  private readonly panels = new OpenFormPanels<ServiceMapPanel>();
  private readonly byService = new Map<string, ServiceMapPanel>();

  constructor(private readonly deps: ServiceMapsDeps) {}

  /** The map opened or focused last. */
  get active(): ServiceMapPanel | undefined {
    return this.panels.latest;
  }

  /** Opens the map of the service `id` names (or reveals the open one); `title` names its tab. */
  open(id: string, title: string, source: MapSource): ServiceMapPanel {
    const open = this.byService.get(id);
    if (open) {
      open.reveal();
      return open;
    }
    const panel = vscode.window.createWebviewPanel(SERVICE_MAP_VIEW_TYPE, title, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: false,
      enableFindWidget: true,
    });
    const host = new (loadMapHost().ServiceMapPanel)(panel, {
      log: this.deps.log,
      extensionUri: this.deps.extensionUri,
      source,
      onDidDispose: (p) => {
        this.panels.remove(p);
        if (this.byService.get(id) === p) this.byService.delete(id);
      },
    }, title);
    this.panels.add(panel, host);
    this.byService.set(id, host);
    return host;
  }

  dispose(): void {
    this.panels.dispose();
  }
}
