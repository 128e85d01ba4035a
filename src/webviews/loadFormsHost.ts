/**
 * Loads the task definition form's host (dist/formsHost.js) on first use; activation never
 * does. In compiled tests the same call finds out/src/webviews/formsHost.js.
 */
import * as path from 'node:path';
import type * as FormsHostModule from './formsHost';

export type FormsHost = typeof FormsHostModule;

let loaded: FormsHost | undefined;

export function loadFormsHost(): FormsHost {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(path.join(__dirname, 'formsHost')) as FormsHost;
  return loaded;
}
