/**
 * The host of one service's map webview: lays the map out from the doctor's latest check
 * (buildMap.ts, layout.ts) and posts it; redraws when the check changes (a fix, a refresh);
 * answers a broken edge with its finding and fix, Export SVG with a save dialog, Refresh with a
 * new check. What the service and the doctor are comes in through `MapSource` (the command
 * builds it from the check results), so this file knows no command and no Problems view.
 * Bundled apart (dist/mapHost.js, through loadMapHost.ts): the layout library loads on first use.
 */
import type * as vscode from 'vscode';
import { buildServiceMap } from '../doctor/map/buildMap';
import { layoutMap, type MapLayout } from '../doctor/map/layout';
import type { ServiceMap } from '../doctor/map/mapTypes';
import { toSvg } from '../doctor/map/svg';
import type { ServiceSnapshot } from '../doctor/snapshot';
import type { AnalyzerFinding } from '../doctor/types';
import { awsErrorInfo } from '../util/awsErrorInfo';
import { FormChannel } from './formChannel';
import { parseMapWebviewMessage, type MapHostMessage, type MapWebviewMessage } from './serviceMapProtocol';
import { showFormPage } from './webviewHtml';

/** The doctor's latest check of the service the map draws. */
export interface MapCheck {
  readonly cluster: string;
  readonly snapshot: ServiceSnapshot;
  readonly findings: readonly AnalyzerFinding[];
  readonly checkedAt: Date;
}

/** The service behind a map, and what the map may ask of the rest of the extension. */
export interface MapSource {
  /** The latest check, or undefined when there is none yet. */
  latest(): MapCheck | undefined;
  /** Fires when the service's check changes (a fix re-checks it, a refresh). */
  readonly onDidChange: vscode.Event<void>;
  /** Checks the service again (the map redraws through onDidChange). */
  refresh(): Promise<void>;
  /** Shows the findings of a broken edge and offers the fix (the quick fix's plan and confirmation). */
  openFindings(findingIds: readonly string[]): Promise<void>;
  /** Asks where to save the SVG and writes it; resolves to where, or undefined when cancelled. */
  saveSvg(svg: string, suggestedName: string): Promise<string | undefined>;
}

export interface ServiceMapPanelDeps {
  readonly log: vscode.LogOutputChannel;
  readonly extensionUri: vscode.Uri;
  readonly source: MapSource;
  readonly onDidDispose: (panel: ServiceMapPanel) => void;
}

export class ServiceMapPanel implements vscode.Disposable {
  private readonly channel: FormChannel<MapHostMessage, MapWebviewMessage>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;
  private drawn: { map: ServiceMap; layout: MapLayout; check: MapCheck } | undefined;
  /** Draws in order: a newer check's drawing never lands before an older one's. */
  private drawing: Promise<void> = Promise.resolve();

  constructor(private readonly panel: vscode.WebviewPanel, private readonly deps: ServiceMapPanelDeps, title: string) {
    this.channel = new FormChannel(panel.webview, deps.log, 'service map', parseMapWebviewMessage, (m) => this.handle(m));
    showFormPage(panel, deps.extensionUri, { title, styles: [['media', 'serviceMap', 'map.css']], script: ['dist', 'webview', 'serviceMap.js'] });
    this.subscriptions.push(
      this.channel.listen(),
      deps.source.onDidChange(() => void this.redraw()),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The map drawn last (extension tests read it). */
  get current(): ServiceMap | undefined {
    return this.drawn?.map;
  }

  /** Handles one message from the webview as postMessage delivers it; returns what the host posted (extension tests drive it so). */
  receive(raw: unknown): Promise<MapHostMessage[]> {
    return this.channel.receive(raw);
  }

  /** The page as set on the webview (extension tests read its Content Security Policy). */
  get html(): string {
    return this.panel.webview.html;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Lays out the latest check and posts it; resolves when posted. */
  redraw(): Promise<void> {
    this.drawing = this.drawing.then(() => this.draw()).catch((err: unknown) => this.fail(err));
    return this.drawing;
  }

  private async draw(): Promise<void> {
    const check = this.deps.source.latest();
    if (!check) {
      await this.channel.post({ type: 'status', text: 'Checking the service…' });
      await this.deps.source.refresh();
      return;
    }
    if (this.drawn?.check.snapshot === check.snapshot && this.drawn.check.findings === check.findings) {
      await this.post(this.drawn);
      return;
    }
    const map = buildServiceMap(check.snapshot, check.findings, check.cluster);
    const layout = await layoutMap(map);
    this.drawn = { map, layout, check };
    await this.post(this.drawn);
  }

  private async post(drawn: { map: ServiceMap; layout: MapLayout; check: MapCheck }): Promise<void> {
    await this.channel.post({ type: 'map', map: drawn.map, layout: drawn.layout, checkedAt: drawn.check.checkedAt.toISOString() });
    await this.channel.post({ type: 'status', text: '' });
  }

  private async fail(err: unknown): Promise<void> {
    const message = awsErrorInfo(err).message;
    this.deps.log.error(`service map: ${message}`);
    await this.channel.post({ type: 'status', text: message });
  }

  private async handle(message: MapWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.channel.markReady();
        await this.redraw();
        return;
      case 'refresh':
        await this.channel.post({ type: 'status', text: 'Checking the service…' });
        try {
          await this.deps.source.refresh();
        } catch (err) {
          await this.fail(err);
        }
        return;
      case 'export': {
        if (!this.drawn) return;
        const svg = toSvg(this.drawn.map, this.drawn.layout, { embedStyle: true });
        const name = `${this.drawn.check.snapshot.service?.name ?? this.drawn.check.snapshot.taskDefinition.family}-map.svg`;
        const saved = await this.deps.source.saveSvg(svg, name);
        if (saved) this.deps.log.info(`Exported the service map to ${saved}`);
        return;
      }
      case 'openEdge': {
        // Only an edge of the map on show, and only a broken one, names findings.
        const edge = this.drawn?.map.edges.find((e) => e.id === message.edgeId);
        if (!edge || edge.state !== 'broken') {
          this.deps.log.warn(`service map: no broken edge ${message.edgeId.slice(0, 200)} on the map`);
          return;
        }
        await this.channel.post({ type: 'selected', edgeId: edge.id });
        await this.deps.source.openFindings(edge.findingIds);
        return;
      }
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.channel.close();
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
    this.deps.onDidDispose(this);
  }
}
