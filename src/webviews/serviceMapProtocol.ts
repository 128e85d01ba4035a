/**
 * The service map webview's messages, both ways, and the host's check of what the webview sends
 * (a message of any other shape is dropped). The host draws nothing it did not lay out itself:
 * it sends the map and its layout, the webview renders them with the pure SVG renderer
 * (src/doctor/map/svg.ts). No vscode import and no Node API: it bundles for the browser.
 */
import type { MapLayout } from '../doctor/map/layout';
import type { ServiceMap } from '../doctor/map/mapTypes';

export const SERVICE_MAP_VIEW_TYPE = 'ecsStudio.serviceMap';

/** What the host posts. */
export type MapHostMessage =
  /** The map to draw, from the check made at `checkedAt` (ISO time). */
  | { type: 'map'; map: ServiceMap; layout: MapLayout; checkedAt: string }
  /** A line to show over the map: "Checking service…", an error. Empty: none. */
  | { type: 'status'; text: string }
  /** The broken edge whose finding the host is showing. */
  | { type: 'selected'; edgeId: string };

/** What the webview may post. */
export type MapWebviewMessage =
  | { type: 'ready' }
  /** A broken edge was clicked or chosen with Enter: show its finding and offer its fix. */
  | { type: 'openEdge'; edgeId: string }
  | { type: 'export' }
  | { type: 'refresh' };

/** Edge ids are `<node>-><node>`, node ids ARNs and resource ids: long, never this long. */
const MAX_EDGE_ID = 4096;

/** The message if it is one the map's webview may send, exactly; undefined otherwise. */
export function parseMapWebviewMessage(value: unknown): MapWebviewMessage | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'export':
    case 'refresh':
      return { type: m.type };
    case 'openEdge':
      return typeof m.edgeId === 'string' && m.edgeId.length > 0 && m.edgeId.length <= MAX_EDGE_ID ? { type: 'openEdge', edgeId: m.edgeId } : undefined;
    default:
      return undefined;
  }
}
