/**
 * Where ECS Studio talks to: a named profile (or the default credential chain), a region,
 * and optionally an endpoint URL that sends every client to an emulator (moto, LocalStack).
 */
export interface Connection {
  /** The profile chosen by the user; undefined means the SDK's default chain (env, AWS_PROFILE, "default"). */
  readonly profile: string | undefined;
  readonly region: string;
  readonly endpointUrl: string | undefined;
}

/** The profile name to show when none was chosen. */
export function effectiveProfileName(connection: Pick<Connection, 'profile'>, env: NodeJS.ProcessEnv = process.env): string {
  return connection.profile ?? env.AWS_PROFILE ?? 'default';
}

/** "profile@region", plus the emulator's host when an endpoint override is active. */
export function describeConnection(connection: Connection, env: NodeJS.ProcessEnv = process.env): string {
  const base = `${effectiveProfileName(connection, env)}@${connection.region}`;
  if (!connection.endpointUrl) return base;
  try {
    return `${base} (${new URL(connection.endpointUrl).host})`;
  } catch {
    return `${base} (${connection.endpointUrl})`;
  }
}

/** A key that changes whenever clients must be rebuilt. */
export function connectionKey(connection: Connection): string {
  return JSON.stringify([connection.profile ?? null, connection.region, connection.endpointUrl ?? null]);
}

export function sameConnection(a: Connection, b: Connection): boolean {
  return connectionKey(a) === connectionKey(b);
}
