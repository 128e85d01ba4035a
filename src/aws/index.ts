/**
 * The AWS layer's public face, and the entry of the lazily loaded bundle dist/aws.js.
 * Nothing outside src/aws imports the SDK; the extension reaches this module only through
 * src/awsModule.ts, on first use, never at activation.
 */
import type { Connection } from '../model/connection';
import { ClientFactory, type ClientFactoryOptions } from './clientFactory';
import { EcsGateway } from './ecsGateway';
import { StsGateway } from './stsGateway';

export { AwsError, toAwsError, redactSecrets } from './errors';
export type { AwsErrorKind, AwsErrorContext } from './errors';
export { listProfiles, profileRegion } from './profiles';
export type { ProfileSummary, ProfileKind } from './profiles';
export type { CallOptions } from './call';
export { ClientFactory } from './clientFactory';
export { EcsGateway, ECS_LIMITS } from './ecsGateway';
export { StsGateway } from './stsGateway';

/** Every gateway for one connection, sharing one client factory. */
export class AwsSession {
  readonly factory: ClientFactory;
  readonly ecs: EcsGateway;
  readonly sts: StsGateway;

  constructor(readonly connection: Connection, options: ClientFactoryOptions) {
    this.factory = new ClientFactory(connection, options);
    this.ecs = new EcsGateway(this.factory);
    this.sts = new StsGateway(this.factory);
  }

  dispose(): void {
    this.factory.destroy();
  }
}

export function createSession(connection: Connection, options: ClientFactoryOptions): AwsSession {
  return new AwsSession(connection, options);
}
