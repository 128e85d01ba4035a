// The stop-reason families of issue 11 (a role ECS cannot assume, private registry credentials,
// an awslogs configuration that cannot work, memory kills at start, the host going away, the
// agent's own faults): which rule takes each variant, which more general rule it must beat, the
// texts that must stay UNKNOWN, and the codes table as a whole (every code explains itself).

import * as assert from 'node:assert/strict';
import { classify, classifyMessage } from '../../../src/doctor/classify';
import { matchRule } from '../../../src/doctor/classifyRules';
import { CODES, DIAGNOSIS_CODES, type DiagnosisCode } from '../../../src/doctor/codes';
import { CORPUS } from './corpus';
import { FAMILY_CORPUS } from './corpusFamilies';

/** The rule each new code must come from (one rule per family, so a variant taken by a neighbour shows). */
const FAMILY_RULES: Partial<Record<DiagnosisCode, string>> = {
  ROLE_ASSUME_FAILED: 'role-assume',
  REGISTRY_CREDENTIALS_FAILED: 'registry-credentials',
  LOG_CONFIG_INVALID: 'log-config-invalid',
  HOST_STOPPED: 'host-stopped',
  PLATFORM_ERROR: 'platform-error',
  OUT_OF_MEMORY: 'out-of-memory',
  QUOTA_EXCEEDED: 'quota',
};

describe('doctor/classify: the families of issue 11', () => {
  describe('each variant of a new family comes from its own rule', () => {
    for (const entry of CORPUS.filter((e) => FAMILY_RULES[e.expected])) {
      it(`${entry.expected} <- ${entry.source}`, () => {
        assert.equal(matchRule(entry.text)?.id, FAMILY_RULES[entry.expected]);
      });
    }

    it('every new family has at least two variants in the corpus, one of them from a public issue or AWS page', () => {
      for (const code of ['ROLE_ASSUME_FAILED', 'REGISTRY_CREDENTIALS_FAILED', 'LOG_CONFIG_INVALID', 'HOST_STOPPED', 'PLATFORM_ERROR', 'QUOTA_EXCEEDED'] as const) {
        const entries = CORPUS.filter((e) => e.expected === code);
        assert.ok(entries.length >= 2, `${code}: ${entries.length}`);
        assert.ok(entries.some((e) => !/derived/.test(e.source)), `${code} has only derived variants`);
      }
    });

    it('the family corpus is part of CORPUS', () => {
      for (const entry of FAMILY_CORPUS) assert.ok(CORPUS.includes(entry));
    });
  });

  describe('role assume', () => {
    it('names the role ECS could not assume', () => {
      const f = classifyMessage(
        "(service api) failed to launch a task with (error ECS was unable to assume the role 'arn:aws:iam::111122223333:role/api-exec' that was provided for this task. Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.).",
      );
      assert.equal(f.code, 'ROLE_ASSUME_FAILED');
      assert.equal(f.details.roleArn, 'arn:aws:iam::111122223333:role/api-exec');
      assert.equal(f.severity, 'error');
    });

    it('an "assumed-role" caller in a refusal is not a role that could not be assumed', () => {
      const text =
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 1 time(s): AccessDeniedException: User: arn:aws:sts::111122223333:assumed-role/exec/abc is not authorized to perform: ssm:GetParameters on resource: arn:aws:ssm:eu-west-2:111122223333:parameter/DB';
      assert.equal(classifyMessage(text).code, 'SECRETS_ACCESS_DENIED');
    });

    it('a caller refused sts:AssumeRole is a role that could not be assumed', () => {
      const text = 'AccessDenied: User: arn:aws:sts::111122223333:assumed-role/ci/deploy is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/app';
      const f = classifyMessage(text);
      assert.equal(f.code, 'ROLE_ASSUME_FAILED');
      assert.equal(f.details.roleArn, 'arn:aws:iam::111122223333:role/app');
    });
  });

  describe('registry credentials (repositoryCredentials)', () => {
    const prefix =
      'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to get registry auth from asm: service call has been retried 1 time(s): asm fetching secret from the service for arn:aws:secretsmanager:us-east-1:111122223333:secret:hub-AbCdEf: ';

    it('a refusal is REGISTRY_CREDENTIALS_FAILED, where the same refusal of a container secret is SECRETS_ACCESS_DENIED', () => {
      const refusal = 'AccessDeniedException: User: x is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:111122223333:secret:hub-AbCdEf';
      assert.equal(classifyMessage(prefix + refusal).code, 'REGISTRY_CREDENTIALS_FAILED');
      const containerSecret =
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 1 time(s): failed to fetch secret arn:aws:secretsmanager:us-east-1:111122223333:secret:hub-AbCdEf from secrets manager: ' +
        refusal;
      assert.equal(classifyMessage(containerSecret).code, 'SECRETS_ACCESS_DENIED');
    });

    it('a missing registry secret is REGISTRY_CREDENTIALS_FAILED, not SECRET_NOT_FOUND', () => {
      const f = classifyMessage(`${prefix}ResourceNotFoundException: Secrets Manager can't find the specified secret.`);
      assert.equal(f.code, 'REGISTRY_CREDENTIALS_FAILED');
      assert.equal(f.details.secretArn, 'arn:aws:secretsmanager:us-east-1:111122223333:secret:hub-AbCdEf');
    });

    it('a timeout fetching it is SECRETS_UNREACHABLE (the Secrets Manager path), not the credentials', () => {
      assert.equal(classifyMessage(`${prefix}RequestCanceled: request context canceled caused by: context deadline exceeded`).code, 'SECRETS_UNREACHABLE');
    });

    it('cut before the cause it is TASK_FAILED_TO_START (no guess between network and permission)', () => {
      const cut =
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to get registry auth from asm: service call has been retried 1 time(s): asm fetching secret from the service for arn:aws:secretsmanager:us-east-1:11112222...';
      assert.equal(classifyMessage(cut).code, 'TASK_FAILED_TO_START');
    });

    it('a 401 from a registry that got no credentials stays IMAGE_ACCESS_DENIED', () => {
      const text =
        'CannotPullContainerError: pull image manifest has been retried 1 time(s): failed to resolve ref ghcr.io/org/app:1: failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token: 401 Unauthorized';
      assert.equal(classifyMessage(text).code, 'IMAGE_ACCESS_DENIED');
    });
  });

  describe('awslogs configuration', () => {
    const hostFailure = (host: string) =>
      `ResourceInitializationError: failed to validate logger args: create stream has been retried 7 times: failed to create Cloudwatch log stream: RequestError: send request failed caused by: Post "https://${host}/": dial tcp: lookup ${host} on 10.0.0.2:53: no such host : exit status 1`;

    it('a host with no Region in it is LOG_CONFIG_INVALID; a Region that does not resolve is LOGS_UNREACHABLE', () => {
      for (const bad of ['logs.undefined.amazonaws.com', 'logs.us-east1.amazonaws.com', 'logs.Frankfurt.amazonaws.com', 'logs.eu_west_1.amazonaws.com']) {
        assert.equal(classifyMessage(hostFailure(bad)).code, 'LOG_CONFIG_INVALID', bad);
      }
      for (const good of ['logs.eu-west-1.amazonaws.com', 'logs.us-gov-west-1.amazonaws.com', 'logs.eu-isoe-west-1.amazonaws.com']) {
        assert.equal(classifyMessage(hostFailure(good)).code, 'LOGS_UNREACHABLE', good);
      }
    });

    it('a log group that does not exist stays LOG_GROUP_MISSING, a refusal LOGS_ACCESS_DENIED', () => {
      assert.equal(
        classifyMessage('ResourceInitializationError: failed to validate logger args: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist.').code,
        'LOG_GROUP_MISSING',
      );
      assert.equal(
        classifyMessage('ResourceInitializationError: failed to validate logger args: failed to create Cloudwatch log group: AccessDeniedException: User: x is not authorized to perform: logs:CreateLogGroup').code,
        'LOGS_ACCESS_DENIED',
      );
    });

    it('an option another log driver rejects is not an awslogs configuration error', () => {
      assert.equal(classifyMessage("unknown log opt 'max-size' for json-file log driver").code, 'UNKNOWN');
    });

    it('the EC2 credentials endpoint failing inside the log driver stays CONTAINER_START_FAILED', () => {
      const text =
        'CannotStartContainerError: Error response from daemon: failed to initialize logging driver: CredentialsEndpointError: failed to load credentials caused by: RequestError: send request failed caused by: Get http://169.254.170.2/v2/credentials/abc: dial tcp 169.254.170.2:80: i/o timeout';
      assert.equal(classifyMessage(text).code, 'CONTAINER_START_FAILED');
    });
  });

  describe('memory', () => {
    it('a container killed for memory while it starts is OUT_OF_MEMORY, from the container reason too', () => {
      const f = classify({
        stopCode: 'TaskFailedToStart',
        stoppedReason: 'Essential container in task exited',
        containers: [
          { name: 'app', exitCode: 137, reason: 'CannotStartContainerError: ResourceInitializationError: failed to create new container runtime task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: container init was OOM-killed (memory limit too low?): unknown' },
        ],
      });
      assert.equal(f.code, 'OUT_OF_MEMORY');
      assert.equal(f.details.containerName, 'app');
      assert.equal(f.details.exitCode, 137);
    });

    it('OOMKilled, OOM-killed and "died due to OOM" are OUT_OF_MEMORY; "oom" inside a word is not', () => {
      for (const text of ['"OOMKilled": true', 'container init was OOM-killed', 'process within container abc died due to OOM']) {
        assert.equal(classifyMessage(text).code, 'OUT_OF_MEMORY', text);
      }
      assert.equal(classifyMessage('Essential container in task exited (room service)').code, 'ESSENTIAL_CONTAINER_EXITED');
      assert.equal(classifyMessage('zoom killed the meeting').code, 'UNKNOWN');
    });
  });

  describe('UNKNOWN stays UNKNOWN', () => {
    const unrelated = [
      'exit code 137',
      'role',
      'unable to assume',
      'The defined assume role is unable to be assumed.',
      'AssumeRole',
      'memory',
      'log opt',
      'awslogs',
      'asm',
      'incorrect username or password',
      'Host EC2',
      'logs.undefined.amazonaws.com',
      'credentials',
      'internal error',
      'instance i-0123456789abcdef0 terminated by the Auto Scaling group',
      '(service web) has started 1 tasks: (task 0123abcd).',
    ];
    for (const text of unrelated) {
      it(`"${text}" is UNKNOWN`, () => {
        assert.equal(classifyMessage(text).code, 'UNKNOWN', `matched ${matchRule(text)?.id ?? '(none)'}`);
      });
    }
    it('no rule matches an empty or blank text', () => {
      for (const text of ['', '   ', '\n\t']) assert.equal(matchRule(text), undefined, JSON.stringify(text));
    });
  });

  describe('the stop code without text', () => {
    it('still decides only when no rule matched: a HOST_STOPPED text with stop code TaskFailedToStart is HOST_STOPPED', () => {
      assert.equal(classify({ stopCode: 'TaskFailedToStart', stoppedReason: 'Host EC2 (instance i-0abc) stopped/terminated' }).code, 'HOST_STOPPED');
    });
  });
});

/**
 * What the last words of a code promise, as a pattern the title must match: a title copied from
 * another code, or one that drops the condition, fails.
 */
const CONDITION: ReadonlyArray<[RegExp, RegExp]> = [
  [/_UNREACHABLE$/, /cannot (?:reach|download)/i],
  [/_ACCESS_DENIED$/, /not allowed|cannot (?:read|write)/i],
  [/_NOT_FOUND$|_MISSING$/, /does not exist/i],
  [/_INVALID$/, /invalid/i],
  [/_EXITED$/, /exited/i],
  [/_MISMATCH$/, /another/i],
  [/_RATE_LIMITED$/, /throttl/i],
  [/_EXCEEDED$/, /quota stopped/i],
  [/_UNAVAILABLE$/, /could not place/i],
  [/^HOST_STOPPED$/, /stopped/i],
  [/_ERROR$/, /failed/i],
  [/_INTERRUPTION$/, /reclaimed/i],
  [/^OUT_OF_MEMORY$/, /out of memory/i],
  [/_BY_DEPLOYMENT$/, /deployment/i],
  [/^UNKNOWN$/, /unrecognised/i],
  [/_FAILED(?:_TO_START)?$/, /could not|failed/i],
];

/** The words of a code that state its condition rather than its subject. */
const CONDITION_WORDS = new Set(['UNREACHABLE', 'ACCESS', 'DENIED', 'NOT', 'FOUND', 'MISSING', 'INVALID', 'EXITED', 'MISMATCH', 'RATE', 'LIMITED', 'UNAVAILABLE', 'FAILED', 'TO', 'START', 'ERROR', 'BY', 'OF', 'OUT', 'UNKNOWN', 'STOPPED', 'EXCEEDED']);

/** The subject of a code, where the title says it in other words. */
const SUBJECT_WORDS: Readonly<Record<string, RegExp>> = {
  CAPACITY: /place/i,
  PLATFORM: /ECS|runtime/,
  ELB: /load balancer/i,
  ENV: /environment/i,
  CONFIG: /configuration/i,
};

describe('codes: every code explains itself', () => {
  for (const code of DIAGNOSIS_CODES) {
    it(`${code}: explanation, fixes, an AWS docs link, and a title that says what the code says`, () => {
      const info = CODES[code];
      assert.ok(info.explanation.trim().length >= 60, 'explanation too short for someone who never read the ECS docs');
      assert.ok(info.fixes.length >= 1 && info.fixes.every((f) => f.trim().length > 0), 'fixes');
      assert.ok(info.docsUrl.startsWith('https://docs.aws.amazon.com/'), info.docsUrl);
      const condition = CONDITION.find(([name]) => name.test(code));
      assert.ok(condition, `no condition pattern for ${code}`);
      assert.match(info.title, condition[1], 'the title does not say the condition');
      const subjects = code.split('_').filter((w) => !CONDITION_WORDS.has(w));
      if (subjects.length > 0) {
        const named = subjects.some((w) => (SUBJECT_WORDS[w] ?? new RegExp(w.slice(0, 5), 'i')).test(info.title));
        assert.ok(named, `the title names none of ${subjects.join(', ')}`);
      }
    });
  }

  it('the new codes are errors, except the host going away and platform faults, which are not the task\'s fault', () => {
    assert.equal(CODES.ROLE_ASSUME_FAILED.severity, 'error');
    assert.equal(CODES.REGISTRY_CREDENTIALS_FAILED.severity, 'error');
    assert.equal(CODES.LOG_CONFIG_INVALID.severity, 'error');
    assert.equal(CODES.HOST_STOPPED.severity, 'warning');
    assert.equal(CODES.PLATFORM_ERROR.severity, 'warning');
    assert.equal(CODES.QUOTA_EXCEEDED.severity, 'error');
  });

  it('no two codes share a title', () => {
    const titles = DIAGNOSIS_CODES.map((c) => CODES[c].title);
    assert.equal(new Set(titles).size, titles.length);
  });
});
