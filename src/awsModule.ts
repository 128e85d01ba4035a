/**
 * Loads the AWS layer on first use. Activation never touches it: dist/extension.js stays
 * small and free of SDK code, and dist/aws.js is required the first time a view or command
 * needs AWS. In compiled tests (out/src) the same call finds out/src/aws/index.js.
 */
import * as path from 'node:path';
import type * as AwsModule from './aws/index';

export type Aws = typeof AwsModule;
export type AwsSession = AwsModule.AwsSession;
export type ProfileSummary = AwsModule.ProfileSummary;

let loaded: Aws | undefined;

export function loadAws(): Aws {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(path.join(__dirname, 'aws')) as Aws;
  return loaded;
}

/** True once the AWS layer was loaded in this process (tests check activation leaves it alone). */
export function isAwsLoaded(): boolean {
  return loaded !== undefined;
}
