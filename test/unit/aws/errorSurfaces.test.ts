// One error mapper, two phrasings (issue 14): toAwsError classifies once; the extension's words
// name its commands and settings, the command line's its flags and `aws` commands. Each kind of
// error is pinned on both surfaces, and neither surface ever borrows the other's words.
import * as assert from 'node:assert/strict';
import { messageFor, noRegionMessage, toAwsError, type AwsErrorContext } from '../../../src/aws/errors';

const ctx: AwsErrorContext = { profile: 'dev', region: 'ap-northeast-2', operation: 'ecs:ListClusters' };
const endpointCtx: AwsErrorContext = { ...ctx, endpointUrl: 'http://127.0.0.1:4566' };

function sdkError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400, attempts: 1 }, ...extra });
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });

/** Each kind: the error, its context, what both say, and each surface's own advice. */
const CASES: Array<{ name: string; kind: string; err: unknown; ctx: AwsErrorContext; extension: RegExp; cli: RegExp }> = [
  {
    name: 'expired SSO session', kind: 'ssoExpired', ctx,
    err: sdkError('CredentialsProviderError', 'The SSO session associated with this profile has expired or is otherwise invalid.'),
    extension: /`aws sso login --profile dev`, then retry\.$/, cli: /`aws sso login --profile dev`, then run the command again\.$/,
  },
  {
    name: 'expired token', kind: 'invalidCredentials', ctx,
    err: sdkError('ExpiredTokenException', 'The security token included in the request is expired'),
    extension: /aws sso login --profile dev.*then retry\./, cli: /aws sso login --profile dev.*then run the command again\./,
  },
  {
    name: 'no credentials', kind: 'noCredentials', ctx,
    err: sdkError('CredentialsProviderError', 'Could not load credentials from any providers'),
    extension: /Choose a profile with "ECS Studio: Select AWS Profile"/, cli: /Pass --profile, set AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
  },
  {
    name: 'a profile that does not exist', kind: 'noCredentials', ctx,
    err: sdkError('CredentialsProviderError', 'Profile ghost could not be found or parsed in shared credentials file.'),
    extension: /Profile "ghost" was not found.*"ECS Studio: Select AWS Profile"/, cli: /Profile "ghost" was not found.*Pass another with --profile/,
  },
  {
    name: 'rejected keys', kind: 'invalidCredentials', ctx,
    err: sdkError('InvalidClientTokenId', 'The security token included in the request is invalid.'),
    extension: /"ECS Studio: Select AWS Profile"/, cli: /pass another profile with --profile/,
  },
  {
    name: 'access denied, naming the action', kind: 'accessDenied', ctx,
    err: sdkError('AccessDeniedException', 'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: ecs:DescribeServices on resource: * because no identity-based policy allows it'),
    extension: /not allowed to call ecs:DescribeServices on \*.*"ECS Studio: Select AWS Profile"/, cli: /not allowed to call ecs:DescribeServices on \*.*with --profile/,
  },
  {
    name: 'an emulator endpoint unreachable', kind: 'unreachable', ctx: endpointCtx, err: refused,
    extension: /Cannot reach http:\/\/127\.0\.0\.1:4566 \(connection refused\).*"ecsStudio\.endpointUrl" setting/, cli: /Cannot reach http:\/\/127\.0\.0\.1:4566 \(connection refused\).*Check --endpoint-url and AWS_ENDPOINT_URL/,
  },
  {
    name: 'AWS unreachable', kind: 'unreachable', ctx, err: refused,
    extension: /Cannot reach ecs in ap-northeast-2.*"ECS Studio: Select Region"/, cli: /Cannot reach ecs in ap-northeast-2.*and --region\./,
  },
  {
    name: 'throttled', kind: 'throttled', ctx,
    err: sdkError('ThrottlingException', 'Rate exceeded', { $metadata: { httpStatusCode: 400, attempts: 3 } }),
    extension: /throttling ecs:ListClusters after 3 attempts\. Wait a moment, then retry\./, cli: /after 3 attempts\. Wait a moment, then run the command again\./,
  },
];

const EXTENSION_WORDS = /ECS Studio:|ecsStudio\.|"Select/;
/** ecs-studio's flags; `aws sso login --profile P` is the AWS CLI's, and both surfaces say it. */
const CLI_WORDS = /(?<!aws sso login )--(profile|region|endpoint-url)\b/;

describe('AWS errors: one mapper, a phrasing per surface', () => {
  for (const c of CASES) {
    it(`${c.name}: the extension names its commands, the command line its flags`, () => {
      const error = toAwsError(c.err, c.ctx);
      assert.equal(error.kind, c.kind);
      const extension = messageFor(error, 'extension');
      const cli = messageFor(error, 'cli');
      assert.equal(extension, error.message, 'the extension shows the error\'s own message');
      assert.match(extension, c.extension);
      assert.match(cli, c.cli);
      assert.doesNotMatch(extension, CLI_WORDS, extension);
      assert.doesNotMatch(cli, EXTENSION_WORDS, cli);
    });
  }

  it('a missing region: Select Region in the extension, --region on the command line', () => {
    assert.match(noRegionMessage('extension'), /"ECS Studio: Select Region"/);
    assert.match(noRegionMessage('cli'), /Pass --region, or set AWS_REGION/);
    assert.doesNotMatch(noRegionMessage('extension'), CLI_WORDS);
    assert.doesNotMatch(noRegionMessage('cli'), EXTENSION_WORDS);
  });

  it('what needs no advice reads the same on both surfaces', () => {
    const failed = toAwsError(sdkError('ServiceNotFoundException', 'Service not found.'), ctx);
    assert.equal(messageFor(failed, 'cli'), messageFor(failed, 'extension'));
    assert.equal(failed.cliMessage, undefined);
  });
});
