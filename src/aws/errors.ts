/**
 * Turns whatever the SDK or a credential provider threw into an error a person can act on.
 * Pure: no SDK import, works on the shapes the SDK produces (name, code, $metadata).
 */
import type { AwsErrorKind } from '../util/awsErrorInfo';
import { redactSecrets } from '../util/redact';

export type { AwsErrorKind };

export interface AwsErrorContext {
  /** The profile in use, as the user knows it ("default" when none was chosen). */
  readonly profile: string;
  readonly region: string;
  readonly endpointUrl?: string | undefined;
  /** "service:Operation", e.g. "ecs:ListClusters". */
  readonly operation?: string | undefined;
}

export class AwsError extends Error {
  override readonly name = 'AwsError';
  constructor(
    readonly kind: AwsErrorKind,
    message: string,
    /** The AWS error code or Node error code, when there was one. */
    readonly code: string | undefined,
    readonly operation: string | undefined,
    /** The original message, redacted, for the log. */
    readonly detail: string | undefined,
    /** The same advice in the command line's terms (--profile, --region, --endpoint-url), when it differs. */
    readonly cliMessage?: string,
  ) {
    super(message);
  }
}

/** Where an error is shown: the advice names that surface's own ways to act. */
export type ErrorSurface = 'extension' | 'cli';

/** An error's message for a surface: one mapper (toAwsError), two phrasings. */
export function messageFor(error: AwsError, surface: ErrorSurface): string {
  return surface === 'cli' ? error.cliMessage ?? error.message : error.message;
}

/** No region anywhere (not chosen, not in the environment, not in the profile), as each surface says it. */
export function noRegionMessage(surface: ErrorSurface): string {
  return surface === 'cli'
    ? 'No region. Pass --region, or set AWS_REGION or a region in the profile.'
    : 'No region. Choose one with "ECS Studio: Select Region", or set a region in the profile.';
}

/** The advice of one error in each surface's terms. */
interface Words {
  readonly extension: string;
  readonly cli: string;
}

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number; attempts?: number; requestId?: string };
}

const THROTTLING = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
  'ProvisionedThroughputExceededException', 'TransactionInProgressException', 'RequestLimitExceeded',
  'BandwidthLimitExceeded', 'LimitExceededException', 'RequestThrottled', 'SlowDown', 'PriorRequestNotComplete',
  'EC2ThrottledException',
]);
const ACCESS_DENIED = new Set([
  'AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedException', 'AuthorizationError',
  'NotAuthorized', 'ClientException:AccessDenied',
]);
const INVALID_CREDENTIALS = new Set([
  'InvalidClientTokenId', 'UnrecognizedClientException', 'SignatureDoesNotMatch', 'IncompleteSignature',
  'InvalidSignatureException', 'AuthFailure', 'ExpiredToken', 'ExpiredTokenException', 'RequestExpired',
  'InvalidAccessKeyId', 'InvalidToken',
]);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ECONNABORTED: 'connection aborted',
  TimeoutError: 'request timed out',
};

// Moved to util/ so that the logger and the webviews' messages use the same redaction.
export { redactSecrets };

function shapeOf(err: unknown): ErrorShape {
  return typeof err === 'object' && err !== null ? (err as ErrorShape) : { message: String(err) };
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Walks `cause` chains (the SDK and undici wrap network errors) looking for a Node network code. */
function networkCode(err: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof err !== 'object' || err === null) return undefined;
  const shape = err as ErrorShape & { errors?: unknown[] };
  const code = str(shape.code);
  if (code && NETWORK.has(code)) return code;
  if (str(shape.name) === 'TimeoutError') return 'TimeoutError';
  if (Array.isArray(shape.errors)) {
    for (const inner of shape.errors) {
      const found = networkCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return networkCode(shape.cause, depth + 1);
}

/** "User: arn:... is not authorized to perform: ecs:ListClusters on resource: arn:..." */
function parseDenied(message: string): { action?: string; resource?: string } {
  const action = /perform:?\s+([a-z0-9-]+:[A-Za-z0-9*]+)/i.exec(message)?.[1];
  const resource = /on resource:?\s+(\S+?)(?:\s|$|\s+because)/i.exec(message)?.[1];
  return { ...(action ? { action } : {}), ...(resource ? { resource } : {}) };
}

function endpointHost(ctx: AwsErrorContext): string {
  if (ctx.endpointUrl) return ctx.endpointUrl;
  const service = ctx.operation?.split(':')[0] ?? 'the AWS API';
  return `${service} in ${ctx.region}`;
}

export function toAwsError(err: unknown, ctx: AwsErrorContext): AwsError {
  if (err instanceof AwsError) return err;
  const shape = shapeOf(err);
  const name = str(shape.name) ?? 'Error';
  const code = str(shape.code) ?? name;
  const raw = redactSecrets(str(shape.message) ?? String(err));
  const op = ctx.operation;
  const attempts = shape.$metadata?.attempts;
  const make = (kind: AwsErrorKind, words: string | Words, errorCode: string | undefined = code) =>
    typeof words === 'string' || words.cli === words.extension
      ? new AwsError(kind, typeof words === 'string' ? words : words.extension, errorCode, op, raw)
      : new AwsError(kind, words.extension, errorCode, op, raw, words.cli);

  if (name === 'AbortError' || code === 'ABORT_ERR') {
    return make('cancelled', 'Cancelled.');
  }

  const ssoExpired =
    /sso session .*(expired|invalid)|token (has )?expired|sso.*login|the sso session/i.test(raw) &&
    (name === 'CredentialsProviderError' || name === 'TokenProviderError' || /sso/i.test(raw));
  if (ssoExpired) {
    const expired = `The SSO session for profile "${ctx.profile}" has expired. Run \`aws sso login --profile ${ctx.profile}\`, then`;
    return make('ssoExpired', { extension: `${expired} retry.`, cli: `${expired} run the command again.` });
  }

  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(raw)) {
    const missingProfile = /profile (\S+) could not be found/i.exec(raw)?.[1];
    const setUp = 'or set one up with `aws configure` or `aws configure sso`.';
    return make('noCredentials', missingProfile
      ? {
        extension: `Profile "${missingProfile}" was not found in your AWS config or credentials file. Choose another with "ECS Studio: Select AWS Profile".`,
        cli: `Profile "${missingProfile}" was not found in your AWS config or credentials file. Pass another with --profile (\`aws configure list-profiles\` lists them).`,
      }
      : {
        extension: `No AWS credentials found for profile "${ctx.profile}". Choose a profile with "ECS Studio: Select AWS Profile", ${setUp}`,
        cli: `No AWS credentials found for profile "${ctx.profile}". Pass --profile, set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ${setUp}`,
      });
  }

  if (INVALID_CREDENTIALS.has(name)) {
    const expired = /expired/i.test(raw) || name.startsWith('Expired') || name === 'RequestExpired';
    return make('invalidCredentials', expired
      ? {
        extension: `The credentials of profile "${ctx.profile}" have expired. Refresh them (for SSO: \`aws sso login --profile ${ctx.profile}\`), then retry.`,
        cli: `The credentials of profile "${ctx.profile}" have expired. Refresh them (for SSO: \`aws sso login --profile ${ctx.profile}\`), then run the command again.`,
      }
      : {
        extension: `AWS rejected the credentials of profile "${ctx.profile}" (${name}). Check the access key, or choose another profile with "ECS Studio: Select AWS Profile".`,
        cli: `AWS rejected the credentials of profile "${ctx.profile}" (${name}). Check the access key, or pass another profile with --profile.`,
      });
  }

  if (ACCESS_DENIED.has(name) || /not authorized to perform/i.test(raw)) {
    const { action, resource } = parseDenied(raw);
    const what = action ?? op ?? 'this action';
    const on = resource ? ` on ${resource}` : '';
    const denied = `Access denied: profile "${ctx.profile}" is not allowed to call ${what}${on}. Ask for that permission, or`;
    return make('accessDenied', {
      extension: `${denied} choose another profile with "ECS Studio: Select AWS Profile".`,
      cli: `${denied} pass a profile that has it with --profile.`,
    });
  }

  if (THROTTLING.has(name) || shape.$metadata?.httpStatusCode === 429) {
    const tries = attempts ? ` after ${attempts} attempt${attempts === 1 ? '' : 's'}` : '';
    const throttled = `AWS is throttling ${op ?? 'requests'}${tries}. Wait a moment, then`;
    return make('throttled', { extension: `${throttled} retry.`, cli: `${throttled} run the command again.` });
  }

  const network = networkCode(err);
  if (network) {
    // The SDK's handler says which limit passed: "...exceeded the configured 2000 ms requestTimeout."
    const limitMs = name === 'TimeoutError' ? /(\d+) ms (?:requestTimeout|of inactivity)|timeout of (\d+) ms/.exec(raw) : null;
    const limit = limitMs ? Number(limitMs[1] ?? limitMs[2]) / 1000 : undefined;
    const words = limit !== undefined ? `no answer within ${limit} s, the request timeout` : NETWORK_WORDS[network] ?? network;
    const cannot = `Cannot reach ${endpointHost(ctx)} (${words}).`;
    return make('unreachable', ctx.endpointUrl
      ? {
        extension: `${cannot} Is the emulator running? Check the "ecsStudio.endpointUrl" setting and AWS_ENDPOINT_URL.`,
        cli: `${cannot} Is the emulator running? Check --endpoint-url and AWS_ENDPOINT_URL.`,
      }
      : {
        extension: `${cannot} Check your network connection, proxy and VPN, and the region ("ECS Studio: Select Region").`,
        cli: `${cannot} Check your network connection, proxy and VPN, and --region.`,
      }, network);
  }

  const prefix = op ? `${op} failed` : 'AWS request failed';
  return make('service', `${prefix}: ${raw}${name !== 'Error' && !raw.includes(name) ? ` (${name})` : ''}`);
}
