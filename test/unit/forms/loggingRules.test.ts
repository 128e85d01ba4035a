// The log configuration rules of a task definition typed as JSON, each at its edge: no driver,
// a driver ECS doesn't know, a driver Fargate doesn't run, secretOptions without a name or with
// a bad source, unknown awslogs options, a missing group or Region, and the warnings from what
// the caller knows (the group missing, create-group denied) (mutation testing, docs/mutation.md).
import * as assert from 'node:assert/strict';
import { validateRegisterRequestJson } from '../../../src/forms/validateTaskDefinition';
import type { TaskDefinitionFacts } from '../../../src/forms/validateTaskDefinition';
import { REGION, TUTORIAL_REQUEST } from './builders';

const LOG = 'containerDefinitions[0].logConfiguration';

function withLog(logConfiguration: unknown, patch: Record<string, unknown> = {}): string {
  const [c] = TUTORIAL_REQUEST.containerDefinitions!;
  return JSON.stringify({ ...TUTORIAL_REQUEST, ...patch, containerDefinitions: [{ ...c, logConfiguration }] });
}

function issues(text: string, facts: TaskDefinitionFacts = {}) {
  const r = validateRegisterRequestJson(text, facts);
  return { errors: r.errors.map((e) => [e.path, e.code, e.message]), warnings: r.warnings.map((e) => [e.path, e.code, e.message]) };
}

const awslogs = TUTORIAL_REQUEST.containerDefinitions![0].logConfiguration!;

describe('log configuration rules (JSON)', () => {
  it('the tutorial\'s awslogs configuration is fine', () => {
    assert.deepEqual(issues(withLog(awslogs)), { errors: [], warnings: [] });
  });
  it('a configuration without a driver asks for one, and nothing else about the log', () => {
    assert.deepEqual(issues(withLog({ options: awslogs.options })).errors.filter((e) => String(e[0]).startsWith(LOG)),
      [[`${LOG}.logDriver`, 'LOG_DRIVER_REQUIRED', 'Name the log driver (logDriver), for example awslogs.']]);
  });
  it('a driver ECS does not know is refused, listing the ones it does', () => {
    const e = issues(withLog({ logDriver: 'syslogd' })).errors.find((x) => x[1] === 'LOG_DRIVER_INVALID');
    assert.ok(e);
    assert.equal(e[0], `${LOG}.logDriver`);
    assert.match(String(e[2]), /^"syslogd" isn't a log driver ECS supports: use awslogs, .*splunk/);
  });
  it('Fargate runs awslogs, splunk and awsfirelens only; EC2 runs the others', () => {
    const fargate = issues(withLog({ logDriver: 'syslog' })).errors.filter((x) => String(x[0]).startsWith(LOG));
    assert.deepEqual(fargate, [[`${LOG}.logDriver`, 'LOG_DRIVER_FARGATE', 'Fargate supports the awslogs, splunk and awsfirelens log drivers, not syslog.']]);
    const ec2 = issues(withLog({ logDriver: 'syslog' }, { requiresCompatibilities: ['EC2'] })).errors.filter((x) => String(x[0]).startsWith(LOG));
    assert.deepEqual(ec2, []);
  });
  it('secretOptions need a name and a Secrets Manager or SSM source', () => {
    const r = issues(withLog({ logDriver: 'splunk', options: { 'splunk-url': 'https://splunk.example.com' }, secretOptions: [{ name: '', valueFrom: 'arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:splunk-AbCdEf' }, { name: 'splunk-token', valueFrom: 'arn:aws:s3:::bucket/key' }] }));
    const mine = r.errors.filter((x) => String(x[0]).startsWith(`${LOG}.secretOptions`));
    assert.deepEqual(mine.map((x) => [x[0], x[1]]).slice(0, 1), [[`${LOG}.secretOptions[0].name`, 'LOG_SECRET_OPTION_NAME_REQUIRED']]);
    assert.equal(mine[0][2], 'Name the log option this secret fills in, for example splunk-token.');
    assert.ok(mine.some((x) => x[0] === `${LOG}.secretOptions[1].valueFrom`), JSON.stringify(mine));
  });
  it('a secretOption without a source is refused, unlike one whose source was unreadable', () => {
    const r = issues(withLog({ logDriver: 'splunk', options: { 'splunk-url': 'https://splunk.example.com' }, secretOptions: [{ name: 'splunk-token' }] }));
    assert.ok(r.errors.some((x) => x[0] === `${LOG}.secretOptions[0].valueFrom`), JSON.stringify(r.errors));
    const unreadable = issues(withLog({ logDriver: 'splunk', options: { 'splunk-url': 'https://splunk.example.com' }, secretOptions: [{ name: 'splunk-token', valueFrom: 42 }] }));
    assert.equal(unreadable.errors.filter((x) => x[0] === `${LOG}.secretOptions[0].valueFrom`).length, 1, 'one error: the type, not also the source');
  });
  it('an unknown awslogs option is refused with a guess, or the list when nothing is near', () => {
    const typo = issues(withLog({ ...awslogs, options: { ...awslogs.options, 'awslogs-regoin': REGION } })).errors.find((x) => x[1] === 'LOG_OPTION_UNKNOWN');
    assert.deepEqual(typo, [`${LOG}.options["awslogs-regoin"]`, 'LOG_OPTION_UNKNOWN', '"awslogs-regoin" isn\'t an awslogs option: did you mean awslogs-region?']);
    const far = issues(withLog({ ...awslogs, options: { ...awslogs.options, colour: 'blue' } })).errors.find((x) => x[1] === 'LOG_OPTION_UNKNOWN');
    assert.match(String(far?.[2]), /^"colour" isn't an awslogs option: use awslogs-group, awslogs-region, awslogs-stream-prefix, .*\.\.\.$/);
  });
  it('awslogs without a group or a Region asks for them, with the task\'s Region as the hint when known', () => {
    const { 'awslogs-group': _g, 'awslogs-region': _r, ...rest } = awslogs.options!;
    const r = issues(withLog({ logDriver: 'awslogs', options: rest }), { region: REGION }).errors.filter((x) => String(x[0]).startsWith(LOG));
    assert.deepEqual(r.map((x) => x[1]).sort(), ['LOG_GROUP_REQUIRED', 'LOG_REGION_REQUIRED']);
    assert.equal(r.find((x) => x[1] === 'LOG_GROUP_REQUIRED')?.[2], 'Name the CloudWatch log group, for example /ecs/my-task.');
    assert.equal(r.find((x) => x[1] === 'LOG_REGION_REQUIRED')?.[2], `Choose the Region the logs go to, usually the task's own (${REGION}).`);
    const noHint = issues(withLog({ logDriver: 'awslogs', options: rest })).errors.find((x) => x[1] === 'LOG_REGION_REQUIRED');
    assert.equal(noHint?.[2], 'Choose the Region the logs go to, usually the task\'s own.');
  });
  it('warns that the group is missing only when the Region\'s groups are known, it is not among them, and create-group is off', () => {
    const off = { ...awslogs, options: { ...awslogs.options, 'awslogs-create-group': 'false' } };
    const missing = (known: Record<string, string[]>, log: unknown = off) => issues(withLog(log), { logGroups: known }).warnings.filter((w) => w[1] === 'LOG_GROUP_MISSING');
    assert.equal(missing({ [REGION]: [] }).length, 1);
    assert.equal(missing({ [REGION]: ['/ecs/demo-ecs-task'] }).length, 0);
    assert.equal(missing({ 'us-east-1': [] }).length, 0, 'groups of another Region say nothing');
    assert.equal(missing({ [REGION]: [] }, awslogs).length, 0, 'create-group on');
    assert.equal(missing({ [REGION]: [] }, { ...off, logDriver: 'splunk' }).length, 0, 'not awslogs');
  });
  it('warns that create-group is on but the role cannot create groups, only then', () => {
    const role = (allowedActions: string[]) => ({ executionRole: { role: 'ecsTaskExecutionRole', attachedPolicies: ['AmazonECSTaskExecutionRolePolicy'], allowedActions } });
    const denied = issues(withLog(awslogs), role([])).warnings.filter((w) => w[1] === 'LOG_CREATE_GROUP_DENIED');
    assert.deepEqual(denied, [[`${LOG}.options["awslogs-create-group"]`, 'LOG_CREATE_GROUP_DENIED', 'create-group is on, but the execution role ecsTaskExecutionRole can\'t call logs:CreateLogGroup (AmazonECSTaskExecutionRolePolicy doesn\'t include it): add that permission, or create the log group yourself and turn create-group off.']]);
    assert.deepEqual(issues(withLog(awslogs), role(['logs:CreateLogGroup'])).warnings.filter((w) => w[1] === 'LOG_CREATE_GROUP_DENIED'), []);
    const off = { ...awslogs, options: { ...awslogs.options, 'awslogs-create-group': 'false' } };
    assert.deepEqual(issues(withLog(off), role([])).warnings.filter((w) => w[1] === 'LOG_CREATE_GROUP_DENIED'), []);
  });
});
