// Redaction of credentials in text meant for a log, a message or a webview (issue 14), and the
// logger wrapper the extension's output channel goes through.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { awsErrorInfo } from '../../../src/util/awsErrorInfo';
import { redactingLogger, redactSecrets } from '../../../src/util/redact';

export const FAKE = {
  accessKeyId: 'AKIAFAKEFAKEFAKE1234',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/SECRETMARKERbPx9Yz',
  sessionToken: `IQoJb3JpZ2luX2VjEFAaCXVzLWVhc3QtMSJHMEUCIQD${'TOKENMARKER'}${'x7Kq/Lm+Zp3'.repeat(30)}`,
};
const MARKERS = ['AKIAFAKEFAKEFAKE1234', 'SECRETMARKER', 'TOKENMARKER'];

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+'.split('');
const secretKey = fc.array(fc.constantFrom(...B64), { minLength: 37, maxLength: 37 }).map((c) => `a${c.join('')}Z9`);
const sessionToken = fc.array(fc.constantFrom(...B64, '='), { minLength: 100, maxLength: 900 }).map((c) => c.join(''));
const accessKeyId = fc.tuple(fc.constantFrom('AKIA', 'ASIA'), fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.split('')), { minLength: 16, maxLength: 16 })).map(([p, c]) => p + c.join(''));
/** How a credential shows up in a message: bare, labelled, in a header, in JSON; an access key id also in a signature. */
const FRAMES = [
  (s: string) => s, (s: string) => `key ${s} end`, (s: string) => `aws_secret_access_key = ${s}`, (s: string) => `"sessionToken":"${s}"`,
  (s: string) => `X-Amz-Security-Token: ${s}`, (s: string) => `(${s}).`,
];
const framed = fc.oneof(
  fc.tuple(fc.oneof(secretKey, sessionToken), fc.constantFrom(...FRAMES)),
  fc.tuple(accessKeyId, fc.constantFrom(...FRAMES, (s: string) => `Credential=${s}/20261204/us-east-1/ecs/aws4_request`)),
);
const around = fc.string({ maxLength: 30 }).map((s) => s.replace(/[A-Za-z0-9/+=]+$/, ''));

describe('util/redact', () => {
  it('no generated credential survives, however it is framed (3,000 cases)', () => {
    fc.assert(fc.property(framed, around, around, ([secret, frame], before, after) => {
      const text = `${before} ${frame(secret)} ${after}`;
      const out = redactSecrets(text);
      assert.ok(!out.includes(secret), out);
      assert.ok(!out.includes(secret.slice(4, 20)), `a part of it survived: ${out}`);
    }), { numRuns: 3000 });
  });

  it('the markers of the secrets tests are caught', () => {
    const text = `keys ${FAKE.accessKeyId} ${FAKE.secretAccessKey} ${FAKE.sessionToken}`;
    const out = redactSecrets(text);
    for (const marker of MARKERS) assert.ok(!out.includes(marker), out);
  });

  it('leaves what logs and reports do show alone: ARNs, ids, image URIs and digests, hex task ids, paths', () => {
    const kept = [
      'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      'arn:aws:ecs:ap-northeast-2:123456789012:task/demo-ecs-cluster/0123456789abcdef0123456789abcdef',
      '123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/demo-service@sha256:' + 'ab12'.repeat(16),
      'arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:db-AbCdEf',
      'vpce-0123456789abcdef0 sg-0service0000000001 subnet-0private0000001a',
      'da39a3ee5e6b4b0d3255bfef95601890afd80709', // a SHA-1 in hex: lower case only
      '/ecs/demo-ecs-task ecs/demo-service-container/0123456789abcdef',
      'Registered arn:aws:ecs:ap-northeast-2:123456789012:task-definition/demo-ecs-task:3',
    ];
    for (const text of kept) assert.equal(redactSecrets(text), text);
  });

  it('the logger wrapper redacts every writing method and its Error arguments; other members pass through', () => {
    const lines: string[] = [];
    const channel = {
      name: 'ECS Studio',
      info: (m: string) => lines.push(`info ${m}`),
      warn: (m: string) => lines.push(`warn ${m}`),
      error: (m: string | Error, ...rest: unknown[]) => lines.push(`error ${String(m)} ${rest.map(String).join(' ')}`),
      debug: (m: string) => lines.push(`debug ${m}`),
      trace: (m: string) => lines.push(`trace ${m}`),
      appendLine: (m: string) => lines.push(`line ${m}`),
      append: (m: string) => lines.push(`append ${m}`),
      replace: (m: string) => lines.push(`replace ${m}`),
      show() { return this.name; },
    };
    const log = redactingLogger(channel);
    const secret = `${FAKE.accessKeyId} ${FAKE.secretAccessKey} ${FAKE.sessionToken}`;
    log.info(secret);
    log.warn(`warned: ${secret}`);
    log.error(new Error(`failed: ${secret}`), `more ${secret}`);
    log.debug(secret);
    log.trace(secret);
    log.appendLine(secret);
    log.append(secret);
    log.replace(secret);
    assert.equal(lines.length, 8);
    for (const line of lines) for (const marker of MARKERS) assert.ok(!line.includes(marker), line);
    assert.match(lines[2], /^error Error: failed: AKIA\*\*\*\* \*\*\*\* \*\*\*\*\n {4}at /, 'an Error is logged with its stack, redacted');
    assert.equal(log.name, 'ECS Studio');
    assert.equal(log.show(), 'ECS Studio');
  });

  it('awsErrorInfo redacts an unclassified error\'s message and stack (they reach the log and webviews)', () => {
    const info = awsErrorInfo(new Error(`boom with ${FAKE.sessionToken} and ${FAKE.secretAccessKey}`));
    assert.equal(info.kind, 'unexpected');
    for (const marker of MARKERS) {
      assert.ok(!info.message.includes(marker), info.message);
      assert.ok(!(info.detail ?? '').includes(marker), info.detail);
    }
  });
});
