/**
 * The one place AWS SDK clients are made. A factory belongs to one connection: it builds
 * each client class once (same credentials provider, standard retries, our user agent,
 * the endpoint override) and destroys them all when the connection changes.
 */
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Connection } from '../model/connection';

/** Each request's limit when nothing else is said: a hung endpoint fails the call instead of holding a view or a command forever. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** The node-http-handler options that bound a request: connecting, then the whole request. */
export interface RequestHandlerLimits {
  connectionTimeout: number;
  requestTimeout: number;
  /** Without it the handler only logs a warning when requestTimeout passes. */
  throwOnRequestTimeout: true;
}

/** What every SDK v3 client constructor accepts that we set. */
export interface CommonClientConfig {
  region: string;
  endpoint?: string;
  credentials: AwsCredentialIdentityProvider;
  retryMode: 'standard';
  maxAttempts: number;
  customUserAgent: Array<[string, string]>;
  requestHandler: RequestHandlerLimits;
}

export interface SdkClient {
  destroy(): void;
}

export type ClientConstructor<C extends SdkClient> = new (config: CommonClientConfig) => C;

export interface ClientFactoryOptions {
  /** Extension or CLI name and version for the user agent, e.g. ["ecs-studio", "0.1.0"]. */
  readonly userAgent: readonly [string, string];
  /** Tests and special hosts may supply credentials; normally the SDK's node chain. */
  readonly credentials?: AwsCredentialIdentityProvider;
  readonly maxAttempts?: number;
  /** Each attempt's limit in ms, connecting included (default DEFAULT_REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs?: number;
}

export class ClientFactory {
  private readonly clients = new Map<ClientConstructor<SdkClient>, SdkClient>();
  private readonly credentials: AwsCredentialIdentityProvider;
  private destroyed = false;

  constructor(readonly connection: Connection, private readonly options: ClientFactoryOptions) {
    // fromNodeProviderChain with a profile skips env keys and reads that profile (keys, SSO,
    // credential_process, assume role, web identity); without one it is the SDK's default chain.
    // The chain makes clients of its own (STS for assume role and web identity, SSO and SSO-OIDC
    // for IAM Identity Center) from clientConfig alone: without the endpoint there, a
    // connection's first call (the one that resolves credentials) and each refresh went to the
    // real STS or SSO host while every other call honoured the endpoint.
    // No region there: a region in clientConfig overrides the profile's sso_region for the SSO
    // portal call (GetRoleCredentials went to the portal of the region worked in). Without one,
    // SSO uses sso_region and STS the profile's region, else the calling client's.
    this.credentials =
      options.credentials ??
      fromNodeProviderChain({
        ...(connection.profile ? { profile: connection.profile } : {}),
        clientConfig: { ...this.endpointConfig(), requestHandler: this.limits() },
      });
  }

  get<C extends SdkClient>(ctor: ClientConstructor<C>): C {
    if (this.destroyed) throw new Error('This AWS connection was closed; use the current one.');
    let client = this.clients.get(ctor as ClientConstructor<SdkClient>) as C | undefined;
    if (!client) {
      client = new ctor(this.config());
      this.clients.set(ctor as ClientConstructor<SdkClient>, client);
    }
    return client;
  }

  /** The credentials provider, shared by every client of this connection. */
  credentialsProvider(): AwsCredentialIdentityProvider {
    return this.credentials;
  }

  get size(): number {
    return this.clients.size;
  }

  destroy(): void {
    this.destroyed = true;
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  /** The endpoint override, for our clients and the credential chain's alike. */
  private endpointConfig(): { endpoint?: string } {
    return this.connection.endpointUrl ? { endpoint: this.connection.endpointUrl } : {};
  }

  /** The request timeout, for our clients and the credential chain's alike. */
  private limits(): RequestHandlerLimits {
    const timeout = this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    return { connectionTimeout: timeout, requestTimeout: timeout, throwOnRequestTimeout: true };
  }

  private config(): CommonClientConfig {
    return {
      region: this.connection.region,
      ...this.endpointConfig(),
      credentials: this.credentials,
      retryMode: 'standard',
      maxAttempts: this.options.maxAttempts ?? 3,
      customUserAgent: [[this.options.userAgent[0], this.options.userAgent[1]]],
      requestHandler: this.limits(),
    };
  }
}
