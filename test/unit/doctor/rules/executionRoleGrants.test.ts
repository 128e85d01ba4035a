// The execution role's grants on named resources: each secret, parameter, KMS key and environment
// file the task reads gets a finding naming it, the variable that needs it and the missing action;
// the fix is one inline policy with exactly those grants, the union with the one already there;
// the ECR and awslogs actions stay with the managed policy, never both for one action.
import * as assert from 'node:assert/strict';
import { analyze } from '../../../../src/doctor/analyze';
import { attachFixes } from '../../../../src/doctor/examine';
import { planFixes, stepAlreadyDone } from '../../../../src/doctor/fixPlan';
import { describePlan, summarizePlan } from '../../../../src/doctor/planText';
import type { SecretInfo, ServiceSnapshot } from '../../../../src/doctor/snapshot';
import type { AnalyzerFinding, FixStep } from '../../../../src/doctor/types';
import { TUTORIAL } from '../../../support/tutorialWorld';
import { ACCOUNT, anInterfaceEndpoint, fixedTutorialSnapshot, IDS, REGION, withChanges, withContainer } from '../snapshotBuilder';

const ROLE = TUTORIAL.executionRoleName;
const CONTAINER = TUTORIAL.containerName;
const SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/db-AbCdEf`;
const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY = `arn:aws:kms:${REGION}:${ACCOUNT}:key/${KEY_ID}`;
const PARAMETER = `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/prod/api-key`;

type Role = NonNullable<ServiceSnapshot['executionRole']>;

/** The fixed tutorial with secrets on its container, as the collector would read them, and the endpoints to reach them. */
function withSecrets(container: Parameters<typeof withContainer>[1], secrets: SecretInfo[] | undefined, role: Partial<Role> = {}): ServiceSnapshot {
  const s = withContainer(fixedTutorialSnapshot(), container);
  return withChanges(s, {
    secrets,
    executionRole: { ...(s.executionRole as Role), ...role },
    endpoints: [...(s.endpoints ?? []), anInterfaceEndpoint('secretsmanager'), anInterfaceEndpoint('ssm')],
  });
}

function grantsFindings(s: ServiceSnapshot): AnalyzerFinding[] {
  return attachFixes(analyze(s), s).filter((f) => f.code === 'EXECUTION_ROLE_MISSING_POLICY' || (f.code === 'COULD_NOT_CHECK' && /secret|kms/.test(f.resource)));
}

function policyStep(steps: readonly FixStep[]): Extract<FixStep, { kind: 'putRolePolicy' }> {
  const step = steps.find((x): x is Extract<FixStep, { kind: 'putRolePolicy' }> => x.kind === 'putRolePolicy');
  assert.ok(step, `no putRolePolicy in ${JSON.stringify(steps)}`);
  return step;
}

const DB_SECRET = { secrets: [{ name: 'DB_PASSWORD', valueFrom: `${SECRET}:password::` }] };
const DB_INFO: SecretInfo = { arn: SECRET, kind: 'secretsmanager', exists: true, fullArn: SECRET };

describe('doctor/rules/executionRoleGrants', () => {
  it('a secret the role cannot read: the finding names the secret ARN (not the JSON key), the variable and the action; the fix is the inline policy', () => {
    const findings = grantsFindings(withSecrets(DB_SECRET, [DB_INFO]));
    assert.deepEqual(findings.map((f) => [f.id, f.severity, f.title]), [
      [`EXECUTION_ROLE_MISSING_POLICY:${SECRET}`, 'error', `The task execution role cannot use secret ${SECRET}`],
    ]);
    const [f] = findings;
    assert.deepEqual(f.evidence, [`${ROLE} is not granted secretsmanager:GetSecretValue on ${SECRET}, needed for secret DB_PASSWORD of container ${CONTAINER}.`]);
    assert.deepEqual(f.remedies, [{ kind: 'inlineGrant', roleName: ROLE, action: 'secretsmanager:GetSecretValue', resource: SECRET }]);
    assert.ok(f.affects.includes('SECRETS_ACCESS_DENIED'));
    const step = policyStep(f.fix?.steps ?? []);
    assert.deepEqual(JSON.parse(step.document), {
      Version: '2012-10-17',
      Statement: [{ Sid: 'EcsStudioSecretsmanagerGetSecretValue', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRET] }],
    });
    assert.equal(step.policyName, 'ecs-studio-execution-secrets');
    assert.equal(step.update, false);
  });

  it('two variables from one secret (two JSON keys): one finding for the secret, naming both', () => {
    const [f, ...rest] = grantsFindings(withSecrets({
      secrets: [{ name: 'DB_USER', valueFrom: `${SECRET}:username::` }, { name: 'DB_PASSWORD', valueFrom: `${SECRET}:password::` }],
    }, [DB_INFO]));
    assert.deepEqual(rest, []);
    assert.equal(f.evidence[0], `${ROLE} is not granted secretsmanager:GetSecretValue on ${SECRET}, needed for secret DB_USER of container ${CONTAINER}, secret DB_PASSWORD of container ${CONTAINER}.`);
    assert.equal(f.remedies.length, 1);
  });

  it('the plan text shows the policy document under its step', () => {
    const s = withSecrets(DB_SECRET, [DB_INFO]);
    const plan = planFixes(analyze(s), s);
    const lines = describePlan(plan);
    assert.equal(lines[0], `1. Add inline policy ecs-studio-execution-secrets on role ${ROLE}, granting secretsmanager:GetSecretValue on ${SECRET}`);
    const document = JSON.stringify(JSON.parse(policyStep(plan.steps).document), null, 2).split('\n').map((line) => `   ${line}`);
    assert.deepEqual(lines.slice(1, -1), document);
    assert.ok(document.includes(`           "${SECRET}"`), document.join('\n'));
    assert.match(lines.at(-1) ?? '', /^2\. Start a new deployment/);
    assert.match(summarizePlan(plan), /put 1 inline role policy/);
  });

  it('a customer managed KMS key: kms:Decrypt on the key ARN, a finding of its own, the same inline policy', () => {
    const s = withSecrets(DB_SECRET, [{ ...DB_INFO, kmsKeyId: KEY_ID }]);
    const findings = grantsFindings(s);
    assert.deepEqual(findings.map((f) => f.resource), [SECRET, KEY]);
    assert.deepEqual(findings[1].evidence, [
      `${ROLE} is not granted kms:Decrypt on ${KEY}, needed for secret DB_PASSWORD of container ${CONTAINER} (the key of secret ${SECRET}).`,
    ]);
    assert.equal(findings[1].title, `The task execution role cannot use KMS key ${KEY}`);
    const plan = planFixes(analyze(s), s);
    assert.deepEqual(plan.steps.map((x) => x.kind), ['putRolePolicy', 'forceNewDeployment']);
    assert.deepEqual(policyStep(plan.steps).grants, [
      { action: 'secretsmanager:GetSecretValue', resource: SECRET },
      { action: 'kms:Decrypt', resource: KEY },
    ]);
  });

  it('the AWS managed key needs nothing; a customer alias is not guessed at: could not check', () => {
    assert.deepEqual(grantsFindings(withSecrets(DB_SECRET, [{ ...DB_INFO, kmsKeyId: 'alias/aws/secretsmanager' }])).map((f) => f.resource), [SECRET]);
    const alias = grantsFindings(withSecrets(DB_SECRET, [{ ...DB_INFO, kmsKeyId: 'alias/app' }]));
    assert.deepEqual(alias.map((f) => f.id), [`EXECUTION_ROLE_MISSING_POLICY:${SECRET}`, 'COULD_NOT_CHECK:kms:alias/app']);
    assert.match(alias[1].evidence[0], /encrypted with the customer managed key alias\/app\. ECS Studio does not resolve KMS aliases/);
  });

  it('a parameter by name: ssm:GetParameters on its full ARN; a SecureString under a customer key needs kms:Decrypt too', () => {
    const s = withSecrets({ secrets: [{ name: 'API_KEY', valueFrom: '/prod/api-key' }] }, [{ arn: PARAMETER, kind: 'ssm', exists: true, kmsKeyId: KEY }]);
    const findings = grantsFindings(s);
    assert.deepEqual(findings.map((f) => [f.resource, f.evidence[0]]), [
      [PARAMETER, `${ROLE} is not granted ssm:GetParameters on ${PARAMETER}, needed for secret API_KEY of container ${CONTAINER}.`],
      [KEY, `${ROLE} is not granted kms:Decrypt on ${KEY}, needed for secret API_KEY of container ${CONTAINER} (the key of parameter ${PARAMETER}).`],
    ]);
  });

  it('registry credentials, log driver secret options and environment files each say what needs them', () => {
    const hub = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:dockerhub-XyZ123`;
    const s = withSecrets({
      repositoryCredentials: { credentialsParameter: hub },
      logConfiguration: { logDriver: 'splunk', options: {}, secretOptions: [{ name: 'splunk-token', valueFrom: 'splunk-token' }] },
      environmentFiles: [{ value: 'arn:aws:s3:::config-bucket/app.env', type: 's3' }],
    }, [{ arn: hub, kind: 'secretsmanager', exists: true }, { arn: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/splunk-token`, kind: 'ssm', exists: true }]);
    assert.deepEqual(grantsFindings(s).map((f) => f.evidence[0]).sort(), [
      `${ROLE} is not granted s3:GetBucketLocation on arn:aws:s3:::config-bucket, needed for the environment file of container ${CONTAINER}.`,
      `${ROLE} is not granted s3:GetObject on arn:aws:s3:::config-bucket/app.env, needed for the environment file of container ${CONTAINER}.`,
      `${ROLE} is not granted secretsmanager:GetSecretValue on ${hub}, needed for the registry credentials of container ${CONTAINER}.`,
      `${ROLE} is not granted ssm:GetParameters on arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/splunk-token, needed for log driver option splunk-token of container ${CONTAINER}.`,
    ]);
    assert.deepEqual(grantsFindings(s).find((f) => f.resource === hub)?.affects, ['SECRETS_ACCESS_DENIED', 'REGISTRY_CREDENTIALS_FAILED']);
  });

  it('a grant already there (a pattern, a broader policy) means no finding; the step is then already done', () => {
    const granted = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/*` }] });
    const s = withSecrets(DB_SECRET, [DB_INFO], { policyDocuments: [{ name: 'read-prod', document: granted }] });
    assert.deepEqual(grantsFindings(s), []);
    const step: FixStep = { kind: 'putRolePolicy', roleName: ROLE, policyName: 'ecs-studio-execution-secrets', grants: [{ action: 'secretsmanager:GetSecretValue', resource: SECRET }], document: '{}', update: false };
    assert.ok(stepAlreadyDone(step, s));
    assert.ok(!stepAlreadyDone(step, withSecrets(DB_SECRET, [DB_INFO])));
    assert.ok(!stepAlreadyDone({ ...step, roleName: 'another-role' }, s));
  });

  it('an existing ecs-studio-execution-secrets policy is updated to the union, not doubled', () => {
    const other = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:prod/api-XyZ123`;
    const existing = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: 'EcsStudioSecretsmanagerGetSecretValue', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [other] }],
    });
    const s = withSecrets(DB_SECRET, [DB_INFO], { policyDocuments: [{ name: 'ecs-studio-execution-secrets', document: existing }] });
    const step = policyStep(planFixes(analyze(s), s).steps);
    assert.equal(step.update, true);
    assert.deepEqual(JSON.parse(step.document).Statement, [
      { Sid: 'EcsStudioSecretsmanagerGetSecretValue', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [other, SECRET] },
    ]);
    assert.match(describePlan({ steps: [step] })[0], /^1\. Update inline policy ecs-studio-execution-secrets on role ecsTaskExecutionRole \(its other statements kept\), granting/);
  });

  it('an explicit Deny: the finding says so and offers no Allow that could not help', () => {
    const deny = JSON.stringify({ Statement: [{ Effect: 'Deny', Action: 'secretsmanager:*', Resource: '*' }] });
    const [f] = grantsFindings(withSecrets(DB_SECRET, [DB_INFO], { policyDocuments: [{ name: 'no-secrets', document: deny }] }));
    assert.equal(f.evidence[1], 'An explicit Deny in no-secrets refuses secretsmanager:GetSecretValue on it: an Allow cannot override it, so remove or narrow that statement.');
    assert.deepEqual(f.remedies, []);
    assert.equal(f.fix, undefined);
  });

  it('an attached policy whose content was not read makes it a warning', () => {
    const [f] = grantsFindings(withSecrets(DB_SECRET, [DB_INFO], { attachedPolicyArns: [TUTORIAL.executionPolicyArn, `arn:aws:iam::${ACCOUNT}:policy/custom`] }));
    assert.equal(f.severity, 'warning');
    assert.match(f.evidence[1], /The content of arn:aws:iam::123456789012:policy\/custom was not read: it may grant this\./);
  });

  it('secrets not collected, or a failed read: could not check their keys (the grant itself is still checked)', () => {
    assert.deepEqual(grantsFindings(withSecrets(DB_SECRET, undefined)).map((f) => [f.id, f.evidence.at(-1)]).sort(), [
      ['COULD_NOT_CHECK:secrets', 'The secrets and parameters the task reads were not collected. Not checked: which KMS key encrypts them (kms:Decrypt for a customer managed key).'],
      [`EXECUTION_ROLE_MISSING_POLICY:${SECRET}`, `${ROLE} is not granted secretsmanager:GetSecretValue on ${SECRET}, needed for secret DB_PASSWORD of container ${CONTAINER}.`],
    ]);
    const gapped = withChanges(withSecrets(DB_SECRET, undefined), { gaps: [{ subject: 'secrets', resource: SECRET, reason: 'AccessDenied: secretsmanager:DescribeSecret' }] });
    assert.deepEqual(grantsFindings(gapped).map((f) => f.id).sort(), [`COULD_NOT_CHECK:secrets:${SECRET}`, `EXECUTION_ROLE_MISSING_POLICY:${SECRET}`]);
  });

  it('with neither the managed policy nor the secret grant: the managed policy for ECR and logs, the inline policy for the secret, never both for one action', () => {
    const s = withSecrets(DB_SECRET, [DB_INFO], { attachedPolicyArns: [] });
    const findings = grantsFindings(s);
    assert.deepEqual(findings.map((f) => f.resource), [IDS.roleArn, SECRET]);
    assert.deepEqual(findings[0].evidence.slice(0, 2), [
      `${ROLE} is not granted ecr:GetAuthorizationToken, ecr:BatchCheckLayerAvailability, ecr:GetDownloadUrlForLayer, ecr:BatchGetImage, needed for pulling ${IDS.image} from Amazon ECR.`,
      `${ROLE} is not granted logs:CreateLogStream, logs:PutLogEvents, needed for the awslogs driver of container ${CONTAINER}.`,
    ]);
    assert.deepEqual(findings.map((f) => f.affects), [['IMAGE_ACCESS_DENIED', 'ECR_UNREACHABLE', 'LOGS_ACCESS_DENIED'], ['SECRETS_ACCESS_DENIED']],
      'a refused secret is not explained by the ECR and logs actions, nor the other way round');
    const plan = planFixes(analyze(s), s);
    assert.deepEqual(plan.steps.map((x) => x.kind), ['attachRolePolicy', 'putRolePolicy', 'forceNewDeployment']);
    assert.deepEqual(policyStep(plan.steps).grants.map((g) => g.action), ['secretsmanager:GetSecretValue']);
  });

  it('no execution role at all: the secret is among what needs one', () => {
    const s = withChanges(withSecrets(DB_SECRET, [DB_INFO]), {});
    const noRole = { ...s, taskDefinition: { ...s.taskDefinition, executionRoleArn: undefined } } as ServiceSnapshot;
    const f = analyze(noRole).find((x) => x.code === 'EXECUTION_ROLE_MISSING');
    assert.match(f?.evidence[0] ?? '', /but pulling .* from Amazon ECR, the awslogs driver of container demo-service-container, secret DB_PASSWORD of container demo-service-container need one\./);
  });
});
