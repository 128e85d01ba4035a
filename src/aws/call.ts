/** Runs one AWS operation and turns any failure into an actionable AwsError. */
import type { Connection } from '../model/connection';
import { effectiveProfileName } from '../model/connection';
import { toAwsError } from './errors';

export interface CallOptions {
  /** Aborts the request (VS Code passes its cancellation token through this). */
  readonly signal?: AbortSignal | undefined;
}

/** The options object the SDK's `send` takes as its second argument. */
export function sendOptions(options: CallOptions | undefined): { abortSignal?: AbortSignal } {
  return options?.signal ? { abortSignal: options.signal } : {};
}

export async function awsCall<T>(connection: Connection, operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw toAwsError(err, {
      profile: effectiveProfileName(connection),
      region: connection.region,
      endpointUrl: connection.endpointUrl,
      operation,
    });
  }
}
