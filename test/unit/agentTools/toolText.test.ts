// What the agent tools answer, from the tutorial's snapshot: account and region on top, the
// findings and stopped tasks with their codes, the plan and the quick fix / command that applies
// it (the tool applies nothing), each way out written once; the explanation and the list.
import * as assert from 'node:assert/strict';
import { diagnosisText } from '../../../src/agentTools/diagnosisText';
import { doctorCommand, explanationText, failingServicesText, shellWord, type ToolScope } from '../../../src/agentTools/toolText';
import { classifyMessage } from '../../../src/doctor/classify';
import { examine } from '../../../src/doctor/examine';
import { TUTORIAL, TUTORIAL_STOP_REASONS } from '../../support/tutorialWorld';
import { ACCOUNT, fixedTutorialSnapshot, REGION, tutorialSnapshot } from '../doctor/snapshotBuilder';

const SCOPE: ToolScope = { region: REGION, accountId: undefined, profile: undefined, endpointUrl: undefined };
const AT = new Date('2026-12-05T01:00:00Z');

function diagnose(snapshot = tutorialSnapshot(), scope = SCOPE): string {
  return diagnosisText({ examination: examine(snapshot, TUTORIAL.clusterName, TUTORIAL.serviceName), scope, checkedAt: AT });
}

describe('agentTools/diagnosisText', () => {
  it('names account and region first, then the findings by code, the stopped tasks explained and the plan, not applied', () => {
    const text = diagnose();
    const lines = text.split('\n');
    assert.equal(lines[0], `ECS Studio diagnosis · account ${ACCOUNT} · region ${REGION}`);
    assert.match(lines[2] ?? '', /Read-only: ECS Studio changed nothing in the account\./);
    for (const code of ['ENDPOINT_MISSING', 'S3_GATEWAY_ENDPOINT_MISSING', 'LOG_GROUP_MISSING']) assert.match(text, new RegExp(`\\n\\d+\\. ERROR \\[${code}\\] `), code);
    assert.match(text, /\nRecently stopped tasks \(\d+\):\n1\. Task /);
    assert.match(text, /ECR_UNREACHABLE: [^\n]+\n {3}What it means: /);
    assert.match(text, /\n {3}Caused now by: ENDPOINT_MISSING/);
    assert.match(text, /\nFix plan \(\d+ steps?, not applied\):\n {2}1\. /);
    assert.match(text, /How the user applies it \(this tool never does\):/);
    assert.ok(text.includes(`\`ecs-studio doctor --cluster ${TUTORIAL.clusterName} --service ${TUTORIAL.serviceName} --region ${REGION} --fix\``));
  });

  it('names the quick fix of every way out once, and refers to it from the other findings of the same cause', () => {
    const text = diagnose();
    const nat = text.match(/quick fix "Fix: route the task subnets through a NAT gateway \([^)]+\)…", or `[^`]+--fix --remedy natGateway`/g) ?? [];
    assert.equal(nat.length, 1, text);
    assert.match(text, /Ways out: the same as finding 1 \(--remedy vpcEndpoints \| natGateway\)\./);
    assert.match(text, /the quick fix "Fix all \d+ fixable problems of service demo-ecs-service: create /);
  });

  it('the command line carries the connection: profile and endpoint, shell-quoted when needed', () => {
    const scope: ToolScope = { region: 'eu-west-1', accountId: '111122223333', profile: "o'neil dev", endpointUrl: 'http://127.0.0.1:5000' };
    assert.equal(doctorCommand(scope, 'c', 's', '--fix'), "ecs-studio doctor --cluster c --service s --region eu-west-1 --profile 'o'\\''neil dev' --endpoint-url http://127.0.0.1:5000 --fix");
    assert.equal(shellWord('arn:aws:ecs:eu-west-1:111122223333:service/c/s'), 'arn:aws:ecs:eu-west-1:111122223333:service/c/s');
    assert.match(diagnose(tutorialSnapshot(), scope).split('\n')[0] ?? '', /· endpoint http:\/\/127\.0\.0\.1:5000$/);
  });

  it('a sound service: no finding, nothing to fix, no command to run', () => {
    const text = diagnose(fixedTutorialSnapshot());
    assert.match(text, /Findings: none\./);
    assert.match(text, /Fix plan: nothing to fix\.$/);
    assert.doesNotMatch(text, /--fix/);
  });
});

describe('agentTools/toolText', () => {
  it('explains a stop reason: code, the message, what it means, fixes, what was read from it, the documentation', () => {
    const text = explanationText(classifyMessage(TUTORIAL_STOP_REASONS.ecr));
    assert.match(text, /^ECR_UNREACHABLE \(error\): The task cannot reach Amazon ECR\n\nMessage: ResourceInitializationError: /);
    assert.match(text, /\nFix:\n- /);
    assert.match(text, /\nRead from the message: awsServiceHost=api\.ecr\.ap-northeast-2\.amazonaws\.com/);
    assert.match(text, /\nAWS documentation: https:\/\/docs\.aws\.amazon\.com\//);
  });

  it('lists failing services with their stopped codes counted and what the doctor finds; the fine ones last', () => {
    const text = failingServicesText({
      scope: { ...SCOPE, accountId: ACCOUNT },
      cluster: undefined,
      clusters: 2,
      services: [
        { cluster: 'a', service: 'web', stoppedCodes: ['ECR_UNREACHABLE', 'ECR_UNREACHABLE', 'LOGS_UNREACHABLE'], problems: [{ code: 'ECR_UNREACHABLE', severity: 'error' }, { code: 'NACL_BLOCKS_443', severity: 'warning' }, { code: 'COULD_NOT_CHECK', severity: 'info' }] },
        { cluster: 'a', service: 'old', stoppedCodes: ['OUT_OF_MEMORY'], problems: [{ code: 'COULD_NOT_CHECK', severity: 'info' }] },
        { cluster: 'b', service: 'locked', stoppedCodes: ['UNKNOWN'], error: 'AccessDenied: ecs:DescribeServices.' },
      ],
    });
    assert.match(text, new RegExp(`^ECS Studio failing services · account ${ACCOUNT} · region ${REGION}\\n`));
    assert.match(text, /Failing services in the 2 clusters of the region \(2\):\n- Service web in cluster a: 3 tasks stopped with an error \(ECR_UNREACHABLE ×2, LOGS_UNREACHABLE\)\.\n {2}The doctor finds 1 error, 1 warning now: ECR_UNREACHABLE, NACL_BLOCKS_443\.\n/);
    assert.match(text, /- Service locked in cluster b: 1 task stopped with an error \(UNKNOWN\)\.\n {2}The check could not run: AccessDenied: ecs:DescribeServices\./);
    assert.match(text, /Stopped tasks with errors, but nothing wrong now \(1\):\n- Service old in cluster a: [^\n]+\n {2}The doctor finds no problem now/);
  });

  it('an empty region says so, with the account unknown when no call named it', () => {
    const text = failingServicesText({ scope: SCOPE, cluster: 'demo', clusters: 1, services: [] });
    assert.match(text, /^ECS Studio failing services · account unknown · region /);
    assert.match(text, /No service in cluster demo has tasks that stopped with an error/);
  });
});
