/**
 * The service map's heavy half, bundled apart (dist/mapHost.js) and loaded on first use through
 * loadMapHost.ts: the panel host, the graph, and the layout library (elkjs). Activation and the
 * forms never load it.
 */
export { ServiceMapPanel } from './serviceMapPanel';
export type { MapCheck, MapSource, ServiceMapPanelDeps } from './serviceMapPanel';
