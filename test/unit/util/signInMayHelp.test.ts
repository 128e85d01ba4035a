// Which errors offer "Sign In to AWS (SSO)": an expired session or expired credentials, and nothing else.
import * as assert from 'node:assert/strict';
import { signInMayHelp } from '../../../src/util/awsErrorInfo';

describe('signInMayHelp', () => {
  it('offers sign-in for an expired SSO session', () => {
    assert.equal(signInMayHelp({ kind: 'ssoExpired', message: 'The SSO session for profile "p" has expired.' }), true);
  });
  it('offers sign-in for expired credentials, not for rejected ones', () => {
    assert.equal(signInMayHelp({ kind: 'invalidCredentials', message: 'The credentials of profile "p" have expired. Refresh them' }), true);
    assert.equal(signInMayHelp({ kind: 'invalidCredentials', message: 'AWS rejected the credentials of profile "p" (InvalidClientTokenId).' }), false);
  });
  it('offers nothing for the other kinds, even when their text says "expired"', () => {
    for (const kind of ['noCredentials', 'accessDenied', 'throttled', 'unreachable', 'cancelled', 'service', 'unexpected'] as const) {
      assert.equal(signInMayHelp({ kind, message: 'The token has expired' }), false, kind);
    }
  });
});
