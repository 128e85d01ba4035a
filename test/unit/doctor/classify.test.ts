import * as assert from 'node:assert/strict';
import {
  classify,
  classifyMessage,
  classifyServiceEvent,
  explainAll,
  unwrapServiceEvent,
} from '../../../src/doctor/classify';
import { matchRule, normalizeMessage } from '../../../src/doctor/classifyRules';
import { CODES, DIAGNOSIS_CODES, isDiagnosisCode } from '../../../src/doctor/codes';
import { CORPUS, TUTORIAL_ECR_TIMEOUT, TUTORIAL_LOGS_TIMEOUT, truncateLikeFargate } from './corpus';

function label(text: string): string {
  const oneLine = normalizeMessage(text);
  return oneLine.length > 90 ? `${oneLine.slice(0, 87)}...` : oneLine;
}

describe('doctor/classify', () => {
  describe('corpus: each real-world variant gets its code', () => {
    CORPUS.forEach((entry, index) => {
      it(`#${index} ${entry.expected} <- "${label(entry.text)}"`, () => {
        const finding = classifyMessage(entry.text);
        assert.equal(
          finding.code,
          entry.expected,
          `matched rule ${matchRule(entry.text)?.id ?? '(none)'}; source: ${entry.source}`,
        );
        assert.equal(finding.raw, entry.text);
        for (const [key, value] of Object.entries(entry.details ?? {})) {
          assert.deepEqual(finding.details[key as keyof typeof finding.details], value, `details.${key}`);
        }
      });
    });
  });

  describe('corpus coverage', () => {
    it('has at least 80 variants, each with a source', () => {
      assert.ok(CORPUS.length >= 80, `only ${CORPUS.length} variants`);
      for (const entry of CORPUS) assert.ok(entry.source.trim().length > 0, `no source for "${label(entry.text)}"`);
    });

    it('covers every code with at least 2 variants', () => {
      for (const code of DIAGNOSIS_CODES) {
        const count = CORPUS.filter((e) => e.expected === code).length;
        assert.ok(count >= 2, `${code} has ${count} variant(s)`);
      }
    });

    it('has no duplicate texts', () => {
      const seen = new Set<string>();
      for (const entry of CORPUS) {
        assert.ok(!seen.has(entry.text), `duplicate: "${label(entry.text)}"`);
        seen.add(entry.text);
      }
    });
  });

  describe('the tutorial world', () => {
    it('first failure: ECR registry auth timeout is ECR_UNREACHABLE with host, Region and IP', () => {
      const f = classify({ stoppedReason: TUTORIAL_ECR_TIMEOUT, stopCode: 'TaskFailedToStart' });
      assert.equal(f.code, 'ECR_UNREACHABLE');
      assert.equal(f.severity, 'error');
      assert.deepEqual(f.details, {
        awsServiceHost: 'api.ecr.ap-northeast-2.amazonaws.com',
        region: 'ap-northeast-2',
        ipAddress: '54.180.184.245',
      });
      assert.equal(f.raw, TUTORIAL_ECR_TIMEOUT);
    });

    it('second failure is LOGS_UNREACHABLE although it also says "cannot find the ... log group"', () => {
      // The message carries both sentences. The "connection issue between the task and Amazon CloudWatch"
      // sentence is what Fargate adds when the log-group check got no answer (the check is "signal:
      // killed" at its timeout); an absent group comes back as "ResourceNotFoundException: The specified
      // log group does not exist". The tutorial fixed it with the logs endpoint; civiform/civiform#7648
      // with a firewall rule. So the network cause wins.
      const f = classify({ stoppedReason: TUTORIAL_LOGS_TIMEOUT, stopCode: 'TaskFailedToStart' });
      assert.equal(f.code, 'LOGS_UNREACHABLE');
      assert.equal(matchRule(TUTORIAL_LOGS_TIMEOUT)?.id, 'logs-unreachable');
    });

    it('the same log driver failing with ResourceNotFoundException is LOG_GROUP_MISSING', () => {
      const text =
        'ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1';
      assert.equal(classifyMessage(text).code, 'LOG_GROUP_MISSING');
    });

    it('"cannot find the log group" without the connection sentence stays LOG_GROUP_MISSING (no guess)', () => {
      const text =
        'ResourceInitializationError: The task cannot find the Amazon CloudWatch log group defined in the task definition.';
      assert.equal(classifyMessage(text).code, 'LOG_GROUP_MISSING');
    });

    it('the S3 layer timeout the tutorial does not mention is REGISTRY_LAYERS_UNREACHABLE, not ECR_UNREACHABLE', () => {
      const text =
        'CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://prod-ap-northeast-2-starport-layer-bucket.s3.ap-northeast-2.amazonaws.com/abc/def": dial tcp 52.219.56.10:443: i/o timeout';
      const f = classifyMessage(text);
      assert.equal(f.code, 'REGISTRY_LAYERS_UNREACHABLE');
      assert.equal(f.details.awsServiceHost, 'prod-ap-northeast-2-starport-layer-bucket.s3.ap-northeast-2.amazonaws.com');
      assert.equal(f.details.region, 'ap-northeast-2');
    });
  });

  describe('rule order: most specific first', () => {
    it('an ECR manifest timeout is ECR_UNREACHABLE, a layer (httpReadSeeker) timeout is REGISTRY_LAYERS_UNREACHABLE', () => {
      const manifest =
        'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref "1.dkr.ecr.eu-west-1.amazonaws.com/app:1": failed to do request: Head "https://1.dkr.ecr.eu-west-1.amazonaws.com/v2/app/manifests/1": dial tcp 10.0.1.5:443: i/o timeout';
      const layer =
        'CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReadSeeker: failed open: failed to do request: Get 1.dkr.ecr.eu-west-1.amazonaws.com/app:1: dial tcp 52.95.1.1:443: i/o timeout';
      assert.equal(classifyMessage(manifest).code, 'ECR_UNREACHABLE');
      assert.equal(classifyMessage(layer).code, 'REGISTRY_LAYERS_UNREACHABLE');
    });

    it('a layer timeout from Docker Hub is REGISTRY_UNREACHABLE (only an internet path helps)', () => {
      const text =
        'CannotPullContainerError: ref pull has been retried 1 time(s): failed to copy: httpReadSeeker: failed open: failed to do request: Get "https://production.cloudflare.docker.com/registry-v2/docker/registry/v2/blobs/sha256/41/41f0/data": dial tcp 104.16.1.1:443: i/o timeout';
      assert.equal(classifyMessage(text).code, 'REGISTRY_UNREACHABLE');
    });

    it('"request canceled while waiting for connection" depends on the registry host', () => {
      const ecr = 'CannotPullContainerError: API error (500): Get https://1.dkr.ecr.us-east-1.amazonaws.com/v2/: net/http: request canceled while waiting for connection';
      const hub = 'CannotPullContainerError: API error (500): Get https://registry-1.docker.io/v2/: net/http: request canceled while waiting for connection';
      assert.equal(classifyMessage(ecr).code, 'ECR_UNREACHABLE');
      assert.equal(classifyMessage(hub).code, 'REGISTRY_UNREACHABLE');
    });

    it('a CannotStartContainerError caused by the log group is LOG_GROUP_MISSING, not CONTAINER_START_FAILED', () => {
      const text =
        'CannotStartContainerError: Error response from daemon: failed to initialize logging driver: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist.';
      assert.equal(classifyMessage(text).code, 'LOG_GROUP_MISSING');
    });

    it('registry auth timeouts are ECR, not secrets, although both say "unable to pull secrets or registry auth"', () => {
      assert.equal(classifyMessage(TUTORIAL_ECR_TIMEOUT).code, 'ECR_UNREACHABLE');
      const secrets =
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): RequestCanceled: request context canceled caused by: context deadline exceeded';
      assert.equal(classifyMessage(secrets).code, 'SECRETS_UNREACHABLE');
    });

    it('a refused secret is SECRETS_ACCESS_DENIED even when the text also says "check your network"', () => {
      const text =
        'ResourceInitializationError: unable to pull secrets or registry auth: unable to retrieve secret from asm: AccessDeniedException: not authorized to perform: secretsmanager:GetSecretValue. Check your task network configuration.';
      assert.equal(classifyMessage(text).code, 'SECRETS_ACCESS_DENIED');
    });

    it('an OOM kill beats the health check it caused', () => {
      const f = classify({
        stoppedReason: 'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/tg/1)',
        containers: [{ name: 'app', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' }],
      });
      assert.equal(f.code, 'OUT_OF_MEMORY');
      assert.equal(f.details.containerName, 'app');
      assert.equal(f.details.exitCode, 137);
    });

    it('exec format error inside a CannotStartContainerError is IMAGE_PLATFORM_MISMATCH', () => {
      const text =
        'CannotStartContainerError: ResourceInitializationError: failed to create new container runtime task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec /app/server: exec format error: unknown';
      assert.equal(classifyMessage(text).code, 'IMAGE_PLATFORM_MISMATCH');
    });
  });

  describe('stop codes', () => {
    it('TaskFailedToStart with nothing more specific is TASK_FAILED_TO_START', () => {
      assert.equal(classify({ stopCode: 'TaskFailedToStart' }).code, 'TASK_FAILED_TO_START');
      assert.equal(classify({ stopCode: 'TaskFailedToStart', stoppedReason: 'Task failed to start' }).code, 'TASK_FAILED_TO_START');
    });

    it('TaskFailedToStart with a specific reason takes the specific code', () => {
      assert.equal(classify({ stopCode: 'TaskFailedToStart', stoppedReason: TUTORIAL_ECR_TIMEOUT }).code, 'ECR_UNREACHABLE');
    });

    it('ServiceSchedulerInitiated or UserInitiated with scaling text is STOPPED_BY_DEPLOYMENT, severity info', () => {
      for (const stopCode of ['ServiceSchedulerInitiated', 'UserInitiated']) {
        const f = classify({ stopCode, stoppedReason: 'Scaling activity initiated by (deployment ecs-svc/8709920613704280865)' });
        assert.equal(f.code, 'STOPPED_BY_DEPLOYMENT');
        assert.equal(f.severity, 'info');
      }
      assert.equal(classify({ stopCode: 'UserInitiated', stoppedReason: 'Task stopped by user' }).code, 'STOPPED_BY_DEPLOYMENT');
    });

    it('UserInitiated alone is STOPPED_BY_DEPLOYMENT; ServiceSchedulerInitiated alone is UNKNOWN (could be a health check replacement)', () => {
      assert.equal(classify({ stopCode: 'UserInitiated' }).code, 'STOPPED_BY_DEPLOYMENT');
      assert.equal(classify({ stopCode: 'ServiceSchedulerInitiated' }).code, 'UNKNOWN');
    });

    it('ServiceSchedulerInitiated with an ELB health check reason is ELB_HEALTH_CHECK_FAILED', () => {
      const f = classify({
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason:
          'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/demo-ecs-alb-target-group/0123456789abcdef)',
      });
      assert.equal(f.code, 'ELB_HEALTH_CHECK_FAILED');
      assert.equal(f.details.targetGroup, 'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/demo-ecs-alb-target-group/0123456789abcdef');
    });

    it('SpotInterruption is SPOT_INTERRUPTION with or without text', () => {
      assert.equal(classify({ stopCode: 'SpotInterruption' }).code, 'SPOT_INTERRUPTION');
      assert.equal(classify({ stopCode: 'SpotInterruption', stoppedReason: 'Your Spot Task was interrupted.' }).code, 'SPOT_INTERRUPTION');
    });

    it('EssentialContainerExited + exit 137 + OutOfMemoryError is OUT_OF_MEMORY', () => {
      const f = classify({
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        containers: [
          { name: 'log-router', exitCode: 0, lastStatus: 'STOPPED' },
          { name: 'app', exitCode: 137, lastStatus: 'STOPPED', reason: 'OutOfMemoryError: Container killed due to memory usage' },
        ],
      });
      assert.equal(f.code, 'OUT_OF_MEMORY');
      assert.equal(f.details.containerName, 'app');
      assert.equal(f.details.exitCode, 137);
      assert.equal(f.raw, 'Essential container in task exited\napp: OutOfMemoryError: Container killed due to memory usage');
    });

    it('EssentialContainerExited + exit 137 without OutOfMemoryError stays ESSENTIAL_CONTAINER_EXITED with the exit code', () => {
      const f = classify({
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        containers: [
          { name: 'sidecar', exitCode: 0, lastStatus: 'STOPPED' },
          { name: 'app', exitCode: 137, lastStatus: 'STOPPED' },
        ],
      });
      assert.equal(f.code, 'ESSENTIAL_CONTAINER_EXITED');
      assert.equal(f.details.exitCode, 137);
      assert.equal(f.details.containerName, 'app');
    });

    it('EssentialContainerExited with no text gives ESSENTIAL_CONTAINER_EXITED and the exit code', () => {
      const f = classify({ stopCode: 'EssentialContainerExited', containers: [{ name: 'web', exitCode: 1, lastStatus: 'STOPPED' }] });
      assert.equal(f.code, 'ESSENTIAL_CONTAINER_EXITED');
      assert.equal(f.details.exitCode, 1);
      assert.equal(f.details.containerName, 'web');
      assert.equal(f.raw, 'EssentialContainerExited');
    });

    it('a container reason that names the cause wins over the generic stop code and stopped reason', () => {
      const f = classify({
        stopCode: 'TaskFailedToStart',
        stoppedReason: 'Essential container in task exited',
        containers: [
          { name: 'app', reason: "CannotPullContainerError: Error response from daemon: manifest for nginx:nope not found" },
        ],
      });
      assert.equal(f.code, 'IMAGE_NOT_FOUND');
      assert.equal(f.details.image, 'nginx:nope');
      assert.equal(f.details.containerName, 'app');
    });

    it('unknown or missing stop codes with no text are UNKNOWN', () => {
      assert.equal(classify({}).code, 'UNKNOWN');
      assert.equal(classify({ stopCode: 'TerminationNotice' }).code, 'UNKNOWN');
      assert.equal(classify({ stopCode: 'InfrastructureHealth' }).code, 'UNKNOWN');
    });
  });

  describe('UNKNOWN: never a guess', () => {
    const unrelated = [
      'hello world',
      '',
      '   \n\t  ',
      'The quick brown fox jumps over the lazy dog',
      'Error: something went wrong',
      'timeout',
      'Access Denied',
      'not found',
      'i/o timeout',
      'ResourceNotFoundException',
    ];
    for (const text of unrelated) {
      it(`"${text.replace(/\s/g, ' ')}" is UNKNOWN with the raw text`, () => {
        const f = classifyMessage(text);
        assert.equal(f.code, 'UNKNOWN');
        assert.equal(f.raw, text);
        assert.equal(f.title, CODES.UNKNOWN.title);
      });
    }

    it('classify() of an unrelated stopped reason keeps the raw text', () => {
      const f = classify({ stoppedReason: 'hello world' });
      assert.equal(f.code, 'UNKNOWN');
      assert.equal(f.raw, 'hello world');
    });
  });

  describe('variants of the same message', () => {
    const base =
      'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secret from asm: service call has been retried 5 time(s): failed to fetch secret arn:aws:secretsmanager:us-west-2:111122223333:secret:db-AbCdEf from secrets manager: RequestCanceled: request context canceled caused by: context deadline exceeded. Please check your task network configuration.';

    it('is case-insensitive', () => {
      assert.equal(classifyMessage(base.toUpperCase()).code, 'SECRETS_UNREACHABLE');
      assert.equal(classifyMessage(base.toLowerCase()).code, 'SECRETS_UNREACHABLE');
    });

    it('tolerates newlines, tabs and repeated spaces', () => {
      const wrapped = base.replace(/: /g, ':\n\t  ');
      assert.equal(classifyMessage(wrapped).code, 'SECRETS_UNREACHABLE');
      assert.equal(classifyMessage(wrapped).details.secretArn, 'arn:aws:secretsmanager:us-west-2:111122223333:secret:db-AbCdEf');
    });

    it('tolerates Fargate truncation at 255 characters while the cause survives it', () => {
      const ssm =
        'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve secrets from ssm: service call has been retried 5 time(s): RequestCanceled: request context canceled caused by: context deadline exceeded. Please check your task network configuration.';
      const cut = truncateLikeFargate(ssm);
      assert.equal(cut.length, 255);
      assert.ok(cut.endsWith('context deadli...'));
      assert.equal(classifyMessage(cut).code, 'SECRETS_UNREACHABLE');
    });

    it('says TASK_FAILED_TO_START, not a guess, when truncation removed the cause', () => {
      const cut = truncateLikeFargate(base);
      assert.ok(cut.endsWith('111122223333...'), cut);
      const f = classifyMessage(cut);
      assert.equal(f.code, 'TASK_FAILED_TO_START');
      assert.equal(f.details.region, 'us-west-2');
    });

    it('tolerates the service-event wrappers', () => {
      for (const text of [
        `(service api) was unable to place a task. Reason: ${base}`,
        `service api was unable to place a task. Reason: ${base}`,
      ]) {
        const f = classifyMessage(text);
        assert.equal(f.code, 'SECRETS_UNREACHABLE');
        assert.equal(f.raw, text);
        assert.equal(f.details.region, 'us-west-2');
      }
    });
  });

  describe('service events', () => {
    it('unwraps "(service x) was unable to place a task. Reason: ..."', () => {
      assert.deepEqual(unwrapServiceEvent(`(service demo-ecs-service) was unable to place a task. Reason: ${TUTORIAL_LOGS_TIMEOUT}`), {
        service: 'demo-ecs-service',
        reason: TUTORIAL_LOGS_TIMEOUT,
      });
    });

    it('unwraps "(service x) (task y) failed container health checks."', () => {
      assert.deepEqual(unwrapServiceEvent('(service web) (task 0a1b2c3d) failed container health checks.'), {
        service: 'web',
        task: '0a1b2c3d',
        reason: 'failed container health checks.',
      });
      assert.equal(classifyServiceEvent('(service web) (task 0a1b2c3d) failed container health checks.').code, 'CONTAINER_HEALTH_CHECK_FAILED');
    });

    it('unwraps "(service x) (task y) failed ELB health checks in (target-group ...)" and keeps the target group', () => {
      const event =
        '(service demo-ecs-service) (task 5f1c0ffee) failed ELB health checks in (target-group arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/demo-ecs-alb-target-group/0123456789abcdef)';
      const f = classifyServiceEvent(event);
      assert.equal(f.code, 'ELB_HEALTH_CHECK_FAILED');
      assert.equal(f.details.targetGroup, 'arn:aws:elasticloadbalancing:ap-northeast-2:123456789012:targetgroup/demo-ecs-alb-target-group/0123456789abcdef');
      assert.equal(f.raw, event);
    });

    it('takes details such as the instance IP from the wrapper', () => {
      const f = classifyServiceEvent(
        '(service web) (instance 10.0.3.4) (port 8080) is unhealthy in (target-group arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/2) due to (reason Health checks failed with these codes: [404]).',
      );
      assert.equal(f.code, 'ELB_HEALTH_CHECK_FAILED');
      assert.equal(f.details.ipAddress, '10.0.3.4');
      assert.equal(f.details.targetGroup, 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/2');
    });

    it('"service call has been retried" is not mistaken for a service event', () => {
      const text =
        'service call has been retried 1 time(s): AccessDeniedException: User: x is not authorized to perform: secretsmanager:GetSecretValue on resource: arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf';
      const f = classifyMessage(text);
      assert.equal(f.code, 'SECRETS_ACCESS_DENIED');
      assert.equal(f.details.secretArn, 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf');
    });

    it('a message without a wrapper is its own reason', () => {
      assert.deepEqual(unwrapServiceEvent('Your Spot Task was interrupted.'), { reason: 'Your Spot Task was interrupted.' });
    });
  });

  describe('findings carry the table entry', () => {
    it('title, explanation, severity, docsUrl and a copy of the fixes', () => {
      const f = classifyMessage(TUTORIAL_ECR_TIMEOUT);
      const info = CODES.ECR_UNREACHABLE;
      assert.equal(f.title, info.title);
      assert.equal(f.explanation, info.explanation);
      assert.equal(f.docsUrl, info.docsUrl);
      assert.deepEqual(f.fixes, [...info.fixes]);
      f.fixes.push('mutated');
      assert.ok(!CODES.ECR_UNREACHABLE.fixes.includes('mutated'), 'the table must not be shared with findings');
    });
  });

  describe('codes table', () => {
    it('has exactly one entry per code, keyed by its own code', () => {
      assert.deepEqual(Object.keys(CODES).sort(), [...DIAGNOSIS_CODES].sort());
      for (const code of DIAGNOSIS_CODES) {
        assert.equal(CODES[code].code, code);
        assert.ok(isDiagnosisCode(code));
      }
      assert.ok(!isDiagnosisCode('NOT_A_CODE'));
    });

    for (const code of DIAGNOSIS_CODES) {
      it(`${code} has a title, an explanation, a severity, an ECS developer guide URL and fix hints`, () => {
        const info = CODES[code];
        assert.ok(info.title.trim().length > 0 && info.title.length <= 80, 'title');
        assert.ok(info.explanation.trim().length >= 40, 'explanation');
        assert.ok(['error', 'warning', 'info'].includes(info.severity), 'severity');
        assert.match(info.docsUrl, /^https:\/\/docs\.aws\.amazon\.com\/AmazonECS\/latest\/developerguide\/[A-Za-z_-]+\.html(#[a-z-]+)?$/);
        assert.ok(info.fixes.length >= 1, 'fixes');
        for (const fix of info.fixes) {
          assert.ok(/^[A-Z]/.test(fix) && fix.endsWith('.'), `fix should be a short sentence: "${fix}"`);
          assert.ok(fix.length <= 160, `fix too long: "${fix}"`);
        }
      });
    }

    it('STOPPED_BY_DEPLOYMENT is info, not an error', () => {
      assert.equal(CODES.STOPPED_BY_DEPLOYMENT.severity, 'info');
    });

    it('every code except UNKNOWN can be produced by the rules or the stop codes', () => {
      const produced = new Set(CORPUS.map((e) => classifyMessage(e.text).code));
      for (const code of DIAGNOSIS_CODES) assert.ok(produced.has(code), `${code} never produced`);
    });
  });

  describe('explainAll', () => {
    it('classifies strings and stopped tasks and summarises errors first, then by count', () => {
      const result = explainAll([
        TUTORIAL_ECR_TIMEOUT,
        { stopCode: 'TaskFailedToStart', stoppedReason: TUTORIAL_ECR_TIMEOUT },
        TUTORIAL_LOGS_TIMEOUT,
        'Scaling activity initiated by (deployment ecs-svc/1)',
        { stopCode: 'SpotInterruption' },
        'hello world',
      ]);
      assert.deepEqual(
        result.findings.map((f) => f.code),
        ['ECR_UNREACHABLE', 'ECR_UNREACHABLE', 'LOGS_UNREACHABLE', 'STOPPED_BY_DEPLOYMENT', 'SPOT_INTERRUPTION', 'UNKNOWN'],
      );
      assert.deepEqual(
        result.summary.map((s) => [s.code, s.severity, s.count]),
        [
          ['ECR_UNREACHABLE', 'error', 2],
          ['LOGS_UNREACHABLE', 'error', 1],
          ['SPOT_INTERRUPTION', 'warning', 1],
          ['UNKNOWN', 'warning', 1],
          ['STOPPED_BY_DEPLOYMENT', 'info', 1],
        ],
      );
    });

    it('returns empty results for no input', () => {
      assert.deepEqual(explainAll([]), { findings: [], summary: [] });
    });
  });
});
