import * as assert from 'node:assert/strict';
import { AwsError, redactSecrets, toAwsError, type AwsErrorContext } from '../../../src/aws/errors';

const ctx: AwsErrorContext = { profile: 'dev', region: 'ap-northeast-2', operation: 'ecs:ListClusters' };

function sdkError(name: string, message: string, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: 400, attempts: 1 }, ...extra });
}

describe('toAwsError', () => {
  it('explains missing credentials and names the profile', () => {
    const err = toAwsError(sdkError('CredentialsProviderError', 'Could not load credentials from any providers'), ctx);
    assert.equal(err.kind, 'noCredentials');
    assert.match(err.message, /No AWS credentials found for profile "dev"/);
    assert.match(err.message, /Select AWS Profile/);
  });

  it('names a profile that does not exist', () => {
    const err = toAwsError(sdkError('CredentialsProviderError', 'Profile ghost could not be found or parsed in shared credentials file.'), ctx);
    assert.equal(err.kind, 'noCredentials');
    assert.match(err.message, /Profile "ghost" was not found/);
  });

  it('tells how to renew an expired SSO session', () => {
    const message = 'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.';
    const err = toAwsError(sdkError('CredentialsProviderError', message), ctx);
    assert.equal(err.kind, 'ssoExpired');
    assert.match(err.message, /`aws sso login --profile dev`/);
  });

  it('treats an expired SSO token from the token provider the same way', () => {
    const err = toAwsError(sdkError('TokenProviderError', 'SSO Token is expired. Refresh SSO token using aws sso login'), ctx);
    assert.equal(err.kind, 'ssoExpired');
  });

  it('names the action and resource of an access denial', () => {
    const message = 'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: ecs:ListClusters on resource: * because no identity-based policy allows the ecs:ListClusters action';
    const err = toAwsError(sdkError('AccessDeniedException', message), ctx);
    assert.equal(err.kind, 'accessDenied');
    assert.match(err.message, /not allowed to call ecs:ListClusters on \*/);
  });

  it('falls back to the operation when the denial names no action', () => {
    const err = toAwsError(sdkError('UnauthorizedOperation', 'You are not authorized to perform this operation.'), { ...ctx, operation: 'ec2:DescribeVpcs' });
    assert.equal(err.kind, 'accessDenied');
    assert.match(err.message, /ec2:DescribeVpcs/);
  });

  it('reports throttling with the number of attempts the SDK made', () => {
    const err = toAwsError(sdkError('ThrottlingException', 'Rate exceeded', { $metadata: { httpStatusCode: 400, attempts: 3 } }), ctx);
    assert.equal(err.kind, 'throttled');
    assert.match(err.message, /throttling ecs:ListClusters after 3 attempts/);
  });

  it('reports an unreachable emulator endpoint with the setting to check', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED', $metadata: { attempts: 3 } });
    const err = toAwsError(refused, { ...ctx, endpointUrl: 'http://127.0.0.1:1' });
    assert.equal(err.kind, 'unreachable');
    assert.match(err.message, /Cannot reach http:\/\/127\.0\.0\.1:1 \(connection refused\)/);
    assert.match(err.message, /ecsStudio\.endpointUrl/);
  });

  it("names the request timeout that passed, from the SDK handler's request and connection timeouts", () => {
    const request = Object.assign(new Error('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 2000 ms requestTimeout.'), { name: 'TimeoutError', code: 'ETIMEDOUT', $metadata: { attempts: 3 } });
    const err = toAwsError(request, { ...ctx, endpointUrl: 'http://127.0.0.1:1' });
    assert.equal(err.kind, 'unreachable');
    assert.match(err.message, /Cannot reach http:\/\/127\.0\.0\.1:1 \(no answer within 2 s, the request timeout\)/);
    const connect = Object.assign(new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 30000 ms.'), { name: 'TimeoutError' });
    assert.match(toAwsError(connect, ctx).message, /Cannot reach ecs in ap-northeast-2 \(no answer within 30 s, the request timeout\)/);
    // A plain ETIMEDOUT from the operating system says what it is.
    const os = Object.assign(new Error('connect ETIMEDOUT 10.0.0.1:443'), { code: 'ETIMEDOUT' });
    assert.match(toAwsError(os, ctx).message, /\(connection timed out\)/);
  });

  it('finds a network code inside a cause chain', () => {
    const inner = Object.assign(new Error('getaddrinfo ENOTFOUND ecs.ap-northeast-2.amazonaws.com'), { code: 'ENOTFOUND' });
    const err = toAwsError(Object.assign(new Error('fetch failed'), { cause: inner }), ctx);
    assert.equal(err.kind, 'unreachable');
    assert.match(err.message, /Cannot reach ecs in ap-northeast-2 \(host not found\)/);
  });

  it('recognises rejected and expired keys', () => {
    assert.equal(toAwsError(sdkError('UnrecognizedClientException', 'The security token included in the request is invalid.'), ctx).kind, 'invalidCredentials');
    const expired = toAwsError(sdkError('ExpiredTokenException', 'The security token included in the request is expired'), ctx);
    assert.equal(expired.kind, 'invalidCredentials');
    assert.match(expired.message, /have expired/);
  });

  it('keeps a cancellation quiet', () => {
    assert.equal(toAwsError(Object.assign(new Error('Request aborted'), { name: 'AbortError' }), ctx).kind, 'cancelled');
  });

  it('passes other service errors through with the operation', () => {
    const err = toAwsError(sdkError('ClusterNotFoundException', 'Cluster not found.'), ctx);
    assert.equal(err.kind, 'service');
    assert.equal(err.message, 'ecs:ListClusters failed: Cluster not found. (ClusterNotFoundException)');
    assert.equal(err.code, 'ClusterNotFoundException');
  });

  it('returns an AwsError unchanged', () => {
    const original = new AwsError('throttled', 'x', 'ThrottlingException', 'ecs:ListClusters', undefined);
    assert.equal(toAwsError(original, ctx), original);
  });

  it('never carries a credential in its message or detail', () => {
    const message = 'SignatureDoesNotMatch: Credential=AKIAIOSFODNN7EXAMPLE/20260101/us-east-1/ecs/aws4_request x-amz-security-token:FQoGZXIvYXdzEJr aws_secret_access_key=wJalrXUtnFEMI/K7MDENG';
    const err = toAwsError(sdkError('SignatureDoesNotMatch', message), ctx);
    for (const text of [err.message, err.detail ?? '']) {
      assert.doesNotMatch(text, /AKIAIOSFODNN7EXAMPLE|FQoGZXIvYXdzEJr|wJalrXUtnFEMI/);
    }
  });
});

describe('redactSecrets', () => {
  it('masks key ids, session tokens and secret keys but keeps the rest', () => {
    const text = redactSecrets('key ASIAY34FZKBOKMUTVV7A secret_access_key: abc/def+ghi session_token=zzz end');
    assert.equal(text, 'key ASIA**** secret_access_key: **** session_token=**** end');
  });
});
