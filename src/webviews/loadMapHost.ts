/**
 * Loads the service map's host (dist/mapHost.js) on first use; activation never does. In
 * compiled tests the same call finds out/src/webviews/mapHost.js.
 */
import * as path from 'node:path';
import type * as MapHostModule from './mapHost';

export type MapHost = typeof MapHostModule;

let loaded: MapHost | undefined;

export function loadMapHost(): MapHost {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(path.join(__dirname, 'mapHost')) as MapHost;
  return loaded;
}
