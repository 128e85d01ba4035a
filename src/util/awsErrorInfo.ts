/** Reads an AwsError (from the lazily loaded AWS layer) without importing that layer. */
import { redactSecrets } from './redact';

/**
 * What went wrong with an AWS call, as src/aws/errors.ts classifies it. Declared here, at the
 * bottom, so that code above the AWS layer can read the kind without loading that layer.
 */
export type AwsErrorKind =
  | 'noCredentials'
  | 'invalidCredentials'
  | 'ssoExpired'
  | 'accessDenied'
  | 'throttled'
  | 'unreachable'
  | 'cancelled'
  | 'service';

export interface AwsErrorInfo {
  readonly kind: AwsErrorKind | 'unexpected';
  readonly message: string;
  readonly detail: string | undefined;
}

export function awsErrorInfo(err: unknown): AwsErrorInfo {
  if (typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AwsError') {
    const e = err as { kind: AwsErrorKind; message: string; detail?: string };
    return { kind: e.kind, message: e.message, detail: e.detail };
  }
  if (err instanceof Error && err.name === 'AbortError') return { kind: 'cancelled', message: 'Cancelled.', detail: undefined };
  // Unclassified errors go to the log and to webviews as they are: redact them here too.
  const message = redactSecrets(err instanceof Error ? err.message : String(err));
  return { kind: 'unexpected', message, detail: err instanceof Error && err.stack ? redactSecrets(err.stack) : undefined };
}

/**
 * Whether signing in again may cure the error: an expired SSO session, or expired credentials
 * (src/aws/errors.ts says "have expired" for ExpiredToken, RequestExpired and their kin).
 */
export function signInMayHelp(info: Pick<AwsErrorInfo, 'kind' | 'message'>): boolean {
  return info.kind === 'ssoExpired' || (info.kind === 'invalidCredentials' && /\bexpired\b/i.test(info.message));
}
