/**
 * The service map's webview: draws the map the host sends with the pure SVG renderer
 * (src/doctor/map/svg.ts) and its theme-coloured sheet, lists the broken paths under it, and
 * posts back a broken edge chosen by click, Enter or Space, Export SVG and Refresh. It draws
 * only what the host laid out; every text goes through the renderer's escaping.
 */
import { MAP_CSS, toSvg } from '../../src/doctor/map/svg';
import { edgeSpeech } from '../../src/doctor/map/mapText';
import type { MapHostMessage, MapWebviewMessage } from '../../src/webviews/serviceMapProtocol';

interface VsCodeApi {
  postMessage(message: MapWebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const sheet = new CSSStyleSheet();
sheet.replaceSync(MAP_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const app = document.getElementById('app') ?? document.body;
app.replaceChildren();
const header = el('header', { class: 'bar' });
const title = el('h1', {}, 'Service map');
const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
const refresh = el('button', { type: 'button', class: 'secondary' }, 'Refresh');
const exportSvg = el('button', { type: 'button' }, 'Export SVG');
header.append(title, status, refresh, exportSvg);
const legend = el('p', { class: 'legend' });
legend.append(
  el('span', { class: 'key ok' }, '✓ working (green)'),
  el('span', { class: 'key broken' }, '✗ broken: its finding (red, thick); Enter or click to fix'),
  el('span', { class: 'key unchecked' }, '? not checked: the reason (grey, dashed)'),
);
const mapBox = el('div', { class: 'map', id: 'map' });
const brokenHeading = el('h2', {}, 'Broken paths');
const brokenList = el('ul', { class: 'broken-list' });
app.append(header, legend, mapBox, brokenHeading, brokenList);
app.setAttribute('aria-busy', 'true');

refresh.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
exportSvg.addEventListener('click', () => vscode.postMessage({ type: 'export' }));

function openEdge(edgeId: string): void {
  vscode.postMessage({ type: 'openEdge', edgeId });
}

function brokenEdgeOf(target: EventTarget | null): string | undefined {
  const g = target instanceof Element ? target.closest('.edge.broken') : null;
  return g?.getAttribute('data-edge') ?? undefined;
}

mapBox.addEventListener('click', (event) => {
  const id = brokenEdgeOf(event.target);
  if (id) openEdge(id);
});
mapBox.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const id = brokenEdgeOf(event.target);
  if (!id) return;
  event.preventDefault();
  openEdge(id);
});

function render(message: Extract<MapHostMessage, { type: 'map' }>): void {
  const { map, layout } = message;
  title.textContent = `Service map: ${map.title}`;
  mapBox.innerHTML = toSvg(map, layout, { embedStyle: false });
  const broken = map.edges.filter((e) => e.state === 'broken');
  brokenHeading.textContent = broken.length === 0 ? 'No broken path' : `Broken paths (${broken.length})`;
  brokenList.replaceChildren(...broken.map((e) => {
    const item = el('li');
    const button = el('button', { type: 'button', class: 'link', 'data-edge': e.id }, edgeSpeech(map, e));
    button.addEventListener('click', () => openEdge(e.id));
    item.append(button);
    return item;
  }));
  const checked = new Date(message.checkedAt);
  legend.setAttribute('title', `Checked ${checked.toLocaleString()}`);
  exportSvg.disabled = false;
  app.setAttribute('aria-busy', 'false');
}

window.addEventListener('message', (event: MessageEvent<MapHostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'map':
      render(message);
      break;
    case 'status':
      status.textContent = message.text;
      break;
    case 'selected':
      for (const g of mapBox.querySelectorAll('.edge.selected')) g.classList.remove('selected');
      for (const g of mapBox.querySelectorAll('.edge')) if (g.getAttribute('data-edge') === message.edgeId) g.classList.add('selected');
      break;
  }
});

exportSvg.disabled = true;
vscode.postMessage({ type: 'ready' });
