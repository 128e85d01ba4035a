// What the classifier reads out of a message besides its code, pinned one pattern at a time: the
// AWS host (a URL's host before a bare one), the Region from each place a message can carry it,
// the IP address, the log group and target group in each wording, which container is the culprit,
// the raw text kept, the stop code when no rule matches, and how a service event is split and
// which part decides. Each row is classified inside its own test.
import * as assert from 'node:assert/strict';
import { classify, classifyMessage, classifyServiceEvent, unwrapServiceEvent, type FindingDetails } from '../../../src/doctor/classify';

const TG_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-tg/73e2d6bc24d8a067';

function details(text: string): FindingDetails {
  return classify({ stoppedReason: text }).details;
}

describe('doctor/classify: the host and the Region in a message', () => {
  const rows: Array<[string, string, FindingDetails]> = [
    ['a bare host', 'lookup logs.ap-northeast-2.amazonaws.com: no such host',
      { awsServiceHost: 'logs.ap-northeast-2.amazonaws.com', region: 'ap-northeast-2' }],
    ["a URL's host wins over a bare host named before it", 'lookup sts.amazonaws.com failed; Post "https://api.ecr.eu-west-1.amazonaws.com/": timeout',
      { awsServiceHost: 'api.ecr.eu-west-1.amazonaws.com', region: 'eu-west-1' }],
    ["the host's Region wins over one named earlier in the text", 'lookup logs.us-west-2.amazonaws.com; Post "https://api.ecr.us-east-1.amazonaws.com/"',
      { awsServiceHost: 'api.ecr.us-east-1.amazonaws.com', region: 'us-east-1' }],
    ['a global host has no Region, a regional host later in the text gives it', 'calling sts.amazonaws.com then lookup logs.eu-west-3.amazonaws.com',
      { awsServiceHost: 'sts.amazonaws.com', region: 'eu-west-3' }],
    ['a host in China', 'Post "https://api.ecr.cn-north-1.amazonaws.com.cn/": i/o timeout',
      { awsServiceHost: 'api.ecr.cn-north-1.amazonaws.com.cn', region: 'cn-north-1' }],
    ['the layer bucket', 'failed to copy from prod-us-west-2-starport-layer-bucket: timeout', { region: 'us-west-2' }],
    ['an ARN, in GovCloud', 'AccessDenied on arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/abc', { region: 'us-gov-west-1' }],
    ['"in region", in capitals', 'repository not available IN REGION SA-EAST-1 for now', { region: 'sa-east-1' }],
    ['an endpoint service name', 'no endpoint for com.amazonaws.ca-central-1.ecr.dkr in the VPC', { region: 'ca-central-1' }],
    ['nothing', 'the task stopped', {}],
  ];
  for (const [name, text, expected] of rows) {
    it(name, () => {
      assert.deepEqual(details(text), expected);
    });
  }
});

describe('doctor/classify: details in capitals', () => {
  it('each host, Region and address pattern ignores case; the Region is given in lower case', () => {
    const rows: Array<[string, FindingDetails]> = [
      ['POST "HTTPS://API.ECR.EU-WEST-1.AMAZONAWS.COM/"', { awsServiceHost: 'API.ECR.EU-WEST-1.AMAZONAWS.COM', region: 'eu-west-1' }],
      ['LOOKUP LOGS.EU-WEST-2.AMAZONAWS.COM', { awsServiceHost: 'LOGS.EU-WEST-2.AMAZONAWS.COM', region: 'eu-west-2' }],
      ['CALLING STS.AMAZONAWS.COM THEN LOOKUP .EU-WEST-3.AMAZONAWS.COM', { awsServiceHost: 'STS.AMAZONAWS.COM', region: 'eu-west-3' }],
      ['COPY FROM PROD-US-WEST-2-STARPORT-LAYER-BUCKET', { region: 'us-west-2' }],
      ['DENIED ON ARN:AWS:KMS:AP-SOUTH-1:123456789012:KEY/ABC', { region: 'ap-south-1' }],
      ['NO ENDPOINT FOR COM.AMAZONAWS.CA-CENTRAL-1.LOGS', { region: 'ca-central-1' }],
      ['DIAL TCP 10.0.2.15:443: I/O TIMEOUT', { ipAddress: '10.0.2.15' }],
      ['TARGET.TIMEOUT (INSTANCE 10.0.3.7)', { ipAddress: '10.0.3.7' }],
    ];
    assert.deepEqual(rows.map(([text]) => details(text)), rows.map(([, expected]) => expected));
  });
});

describe('doctor/classify: the IP address, the log group and the target group', () => {
  const rows: Array<[string, string, FindingDetails]> = [
    ['a dialled address', 'connect: dial tcp 10.0.2.15:443: i/o timeout', { ipAddress: '10.0.2.15' }],
    ["an instance's address", 'Target.Timeout (instance 10.0.3.7) timed out', { ipAddress: '10.0.3.7' }],
    ['a log group in an ARN', 'not authorized on arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/demo:*',
      { region: 'eu-west-1', logGroup: '/ecs/demo' }],
    ['awslogs-group with a colon and quotes', 'failed to validate logger args: awslogs-group: "/ecs/demo", region x', { logGroup: '/ecs/demo' }],
    ['awslogs-group with an equals sign', "option awslogs-group='/ecs/demo' is bad", { logGroup: '/ecs/demo' }],
    ['a quoted log group with a space in its name', 'the log group "my group" does not exist', { logGroup: 'my group' }],
    ['a log group in single quotes', "log group '/ecs/demo' not found", { logGroup: '/ecs/demo' }],
    ['a target group name in parentheses', 'is unhealthy in (target-group web-tg) due to', { targetGroup: 'web-tg' }],
    ['a target group ARN in parentheses', `failed ELB health checks in (target-group ${TG_ARN})`, { region: 'eu-west-1', targetGroup: TG_ARN }],
    ['a target group ARN after the word', `registered with target-group ${TG_ARN} failed`, { region: 'eu-west-1', targetGroup: TG_ARN }],
    ['a target group ARN cut by wrapping is no name', 'failed ELB health checks in (target-group arn:aws:elasticloadbalancing:eu-west-1:1234)', { region: 'eu-west-1' }],
    ['a target group name after "in"', 'task is unhealthy in target-group web-tg.', { targetGroup: 'web-tg' }],
    ['an image named in quotes', "CannotPullContainerError: repository 'demo-service' not found", { image: 'demo-service' }],
  ];
  for (const [name, text, expected] of rows) {
    it(name, () => {
      const found = details(text);
      assert.deepEqual(
        Object.fromEntries(Object.entries(found).filter(([k]) => k in expected || ['ipAddress', 'logGroup', 'targetGroup', 'image'].includes(k))),
        expected,
      );
    });
  }
});

describe('doctor/classify: the raw text, the stop code and the culprit container', () => {
  it('the raw text is the trimmed reason and each container reason, without empty lines', () => {
    const f = classify({ stoppedReason: '  Essential container in task exited  ', containers: [{ name: 'web', reason: ' OutOfMemoryError ' }, { name: 'side', reason: '  ' }] });
    assert.equal(f.raw, 'Essential container in task exited\nweb: OutOfMemoryError');
    assert.equal(classify({ containers: [{ name: 'web', reason: 'OutOfMemoryError' }] }).raw, 'web: OutOfMemoryError');
    assert.equal(classify({ stopCode: ' TaskFailedToStart ' }).raw, 'TaskFailedToStart');
    assert.equal(classify({}).raw, '');
  });

  it('the stop code decides, trimmed and in any case, when no rule matches', () => {
    const codes: Array<[string | undefined, string]> = [
      [' SpotInterruption ', 'SPOT_INTERRUPTION'], ['essentialcontainerexited', 'ESSENTIAL_CONTAINER_EXITED'], ['TaskFailedToStart', 'TASK_FAILED_TO_START'],
      ['UserInitiated', 'STOPPED_BY_DEPLOYMENT'], ['ServiceSchedulerInitiated', 'UNKNOWN'], [undefined, 'UNKNOWN'],
    ];
    assert.deepEqual(codes.map(([stopCode]) => classify(stopCode === undefined ? {} : { stopCode }).code), codes.map(([, code]) => code));
  });

  it('a reason on the last line of the stopped reason and one in a container are read apart', () => {
    const f = classify({ stoppedReason: 'lookup logs.eu-west-1.amazonaws.com', containers: [{ name: 'web', reason: 'timeout' }] });
    assert.equal(f.details.awsServiceHost, 'logs.eu-west-1.amazonaws.com');
  });

  it('a container whose reason is only spaces gives none: the first non-zero exit is the culprit', () => {
    const f = classify({ stoppedReason: 'Essential container in task exited', containers: [{ name: 'blank', reason: '  ', exitCode: 0 }, { name: 'app', exitCode: 137 }] });
    assert.deepEqual([f.code, f.details.containerName, f.details.exitCode], ['ESSENTIAL_CONTAINER_EXITED', 'app', 137]);
  });

  it('a single container without an exit code gives its name and no exit code', () => {
    const f = classify({ stoppedReason: 'Essential container in task exited', containers: [{ name: 'web' }] });
    assert.deepEqual(f.details, { containerName: 'web' });
  });
});

describe('doctor/classify: service events', () => {
  it('splits the wrapper: the service, the task, and the reason after "Reason:", trimmed', () => {
    assert.deepEqual(unwrapServiceEvent('(service demo) (task abc) failed container health checks.'),
      { service: 'demo', task: 'abc', reason: 'failed container health checks.' });
    assert.deepEqual(unwrapServiceEvent('(service demo) (task abc)'), { service: 'demo', task: 'abc', reason: '' });
    assert.deepEqual(unwrapServiceEvent('(service demo)'), { service: 'demo', reason: '' });
    assert.deepEqual(unwrapServiceEvent('(service demo) (task abc)failed'), { service: 'demo', task: 'abc', reason: 'failed' });
    assert.deepEqual(unwrapServiceEvent('service demo was unable to place a task. Reason:Internal error.  \n'),
      { service: 'demo', reason: 'Internal error.' });
    assert.deepEqual(unwrapServiceEvent('  stopped (service demo) (task abc) here'), { reason: 'stopped (service demo) (task abc) here' });
    assert.deepEqual(unwrapServiceEvent('x (task abc) y'), { reason: 'x (task abc) y' });
  });

  it('the reason decides the code, not the wrapper around it', () => {
    const f = classifyServiceEvent('(service demo) (task abc) failed container health checks. Reason: Essential container in task exited');
    assert.equal(f.code, 'ESSENTIAL_CONTAINER_EXITED');
  });

  it('a reason no rule knows falls back to the whole message', () => {
    assert.equal(classifyServiceEvent('(service demo) was unable to place a task. Reason: Internal error.').code, 'CAPACITY_UNAVAILABLE');
  });

  it('what looks like a service event is read as one; an SDK "service call" is not', () => {
    const event = '(service demo) (task abc) failed container health checks. Reason: Essential container in task exited';
    const rows: Array<[string, string]> = [
      [event, 'ESSENTIAL_CONTAINER_EXITED'],
      [`   ${event}`, 'ESSENTIAL_CONTAINER_EXITED'],
      ['service demo has failed container health checks. Reason: Essential container in task exited', 'ESSENTIAL_CONTAINER_EXITED'],
      ['service demo is failing container health checks. Reason: Essential container in task exited', 'ESSENTIAL_CONTAINER_EXITED'],
      ['service demo (failed container health checks) Reason: Essential container in task exited', 'ESSENTIAL_CONTAINER_EXITED'],
      ['the task was unable to place a task: failed container health checks. Reason: Essential container in task exited', 'ESSENTIAL_CONTAINER_EXITED'],
      ['service call has failed container health checks. Reason: Essential container in task exited', 'CONTAINER_HEALTH_CHECK_FAILED'],
      ['xservice demo has failed container health checks. Reason: Essential container in task exited', 'CONTAINER_HEALTH_CHECK_FAILED'],
      ['service  demo has failed container health checks. Reason: Essential container in task exited', 'CONTAINER_HEALTH_CHECK_FAILED'],
    ];
    assert.deepEqual(rows.map(([text]) => classifyMessage(text).code), rows.map(([, code]) => code));
    assert.equal(classifyMessage(`  ${event}`).raw, `  ${event}`);
  });
});
