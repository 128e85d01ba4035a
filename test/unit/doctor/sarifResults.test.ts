// The doctor's SARIF results field by field (src/doctor/sarif.ts), from examinations built by
// hand so each field's text is known: a finding's message (sentences joined, the fix plan), its
// properties with and without a fix or alternatives; a stopped task's message with and without a
// stop time, a reason, an explanation; where each code's result points (task definition codes
// at the family, the others at the service, a container's stop at its container); and the run's
// own fields (tool, invocation, exit code description, notifications, times).
import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/doctor/classify';
import { doctorSarif, EXIT_CODES, SARIF_SCHEMA_URI, sarifTargets, TOOL_INFORMATION_URI, type SarifLog, type SarifOptions, type SarifResult } from '../../../src/doctor/sarif';
import type { SourceMatch } from '../../../src/doctor/sarifLocations';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import type { AnalyzerFinding, ServiceExamination, StoppedTaskDiagnosis } from '../../../src/doctor/types';
import { sarifSchemaErrors } from '../../support/sarifSchema';
import { TUTORIAL } from '../../support/tutorialWorld';
import { ACCOUNT, REGION, fixedTutorialSnapshot } from './snapshotBuilder';

const TASK_ARN = `arn:aws:ecs:${REGION}:${ACCOUNT}:task/${TUTORIAL.clusterName}/abc123`;

function aFinding(fields: Partial<AnalyzerFinding> = {}): AnalyzerFinding {
  return {
    id: 'LOG_GROUP_MISSING:/ecs/app', code: 'LOG_GROUP_MISSING', severity: 'error', title: 'The log group is missing', resource: '/ecs/app',
    evidence: [], docsUrl: 'https://docs.aws.amazon.com/logs', affects: [], remedies: [], ...fields,
  };
}

function aDiagnosis(fields: Partial<StoppedTaskDiagnosis> = {}, finding: Partial<Finding> = {}): StoppedTaskDiagnosis {
  return {
    task: { arn: TASK_ARN, id: 'abc123', stoppedReason: 'ResourceInitializationError: no logs', stoppedAt: new Date('2026-12-05T01:02:03.000Z') },
    finding: {
      code: 'LOGS_UNREACHABLE', title: 'The task could not reach CloudWatch Logs', explanation: 'x', severity: 'error', docsUrl: 'https://docs.aws.amazon.com/ecs',
      fixes: [], details: {}, raw: 'the raw text', ...finding,
    },
    causes: [], evidence: [], explained: true, ...fields,
  };
}

function anExamination(fields: Partial<ServiceExamination> = {}): ServiceExamination {
  return { cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName, snapshot: fixedTutorialSnapshot(), findings: [], stoppedTasks: [], plan: { steps: [] }, ...fields };
}

function logOf(report: ServiceExamination, options: Partial<SarifOptions> = {}): SarifLog {
  return doctorSarif(report, { toolVersion: '9.8.7', exitCode: 0, matches: [], ...options });
}

function only(report: ServiceExamination, matches: SourceMatch[] = []): SarifResult {
  const results = logOf(report, { matches }).runs[0]?.results ?? [];
  assert.equal(results.length, 1);
  return results[0]!;
}

const FAMILY_LINE: SourceMatch = { uri: 'td.json', line: 3, kind: 'taskDefinitionFamily', name: TUTORIAL.taskFamily };
const SERVICE_LINE: SourceMatch = { uri: 'main.tf', line: 40, kind: 'serviceName', name: TUTORIAL.serviceName };
const CONTAINER_LINE: SourceMatch = { uri: 'td.json', line: 9, kind: 'containerName', name: TUTORIAL.containerName };

describe('doctor SARIF: a finding\'s result', () => {
  it('joins title and evidence as sentences: a full stop added where none ends one, blank evidence left out', () => {
    const r = only(anExamination({ findings: [aFinding({ evidence: ['  Group /ecs/app does not exist  ', 'Is it created?', 'Look here:', '   ', 'Created by hand!', 'v1.2 is used'] })] }));
    assert.equal(r.message.text, 'The log group is missing. Group /ecs/app does not exist. Is it created? Look here: Created by hand! v1.2 is used.');
  });

  it('without a fix (none, or one with no steps): no Fix sentence and no fix property', () => {
    for (const fix of [undefined, { steps: [] }]) {
      const r = only(anExamination({ findings: [aFinding({ evidence: ['One.'], ...(fix ? { fix } : {}) })] }));
      assert.equal(r.message.text, 'The log group is missing. One.');
      assert.deepEqual(r.properties, {
        findingId: 'LOG_GROUP_MISSING:/ecs/app', severity: 'error', resource: '/ecs/app', evidence: ['One.'], docsUrl: 'https://docs.aws.amazon.com/logs',
      });
    }
  });

  it('with a fix: its numbered steps in the message and as a property', () => {
    const fix = { steps: [
      { kind: 'createLogGroup' as const, logGroupName: '/ecs/app', region: REGION },
      { kind: 'forceNewDeployment' as const, cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName },
    ] };
    const r = only(anExamination({ findings: [aFinding({ fix })] }));
    assert.match(r.message.text, /^The log group is missing\. Fix: 1\. Create CloudWatch log group \/ecs\/app in ap-northeast-2; 2\. .+\.$/);
    const steps = r.properties.fix as string[];
    assert.equal(steps.length, 2);
    assert.equal(steps[0], '1. Create CloudWatch log group /ecs/app in ap-northeast-2');
    assert.match(steps[1] ?? '', /^2\. /);
    assert.ok(r.message.text.endsWith(`Fix: ${steps.join('; ')}.`));
  });

  it('lists the alternatives by name, title, cost and whether preselected, nothing else', () => {
    const alternative = { name: 'natGateway' as const, title: 'route through a NAT gateway', changes: 'Adds a NAT gateway.', cost: 'about $32 a month', price: '~$32/month', monthlyUsd: 32, remedies: [], preselected: false };
    const r = only(anExamination({ findings: [aFinding({ alternatives: [{ ...alternative, name: 'vpcEndpoints', preselected: true, cost: 'about $7' }, alternative] })] }));
    assert.deepEqual(r.properties.alternatives, [
      { name: 'vpcEndpoints', title: 'route through a NAT gateway', cost: 'about $7', preselected: true },
      { name: 'natGateway', title: 'route through a NAT gateway', cost: 'about $32 a month', preselected: false },
    ]);
    assert.equal(only(anExamination({ findings: [aFinding()] })).properties.alternatives, undefined);
  });

  it('levels by severity, rule index into the rules, fingerprint from the service and finding id', () => {
    const log = logOf(anExamination({ findings: [aFinding(), aFinding({ code: 'ENDPOINT_AZ_COVERAGE', id: 'ENDPOINT_AZ_COVERAGE:x', severity: 'warning' }), aFinding({ code: 'NETWORK_PATH_UNKNOWN', id: 'n', severity: 'info' })] }));
    const run = log.runs[0]!;
    assert.deepEqual(run.results.map((r) => [r.ruleId, r.level, run.tool.driver.rules[r.ruleIndex]?.id]), [
      ['LOG_GROUP_MISSING', 'error', 'LOG_GROUP_MISSING'], ['ENDPOINT_AZ_COVERAGE', 'warning', 'ENDPOINT_AZ_COVERAGE'], ['NETWORK_PATH_UNKNOWN', 'note', 'NETWORK_PATH_UNKNOWN'],
    ]);
    const service = { name: TUTORIAL.serviceName, fullyQualifiedName: `${ACCOUNT}/${REGION}/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}`, kind: 'resource' };
    for (const r of run.results) assert.deepEqual(r.locations, [{ logicalLocations: [service] }]);
    assert.deepEqual(run.results[0]?.partialFingerprints, { 'ecsStudioFinding/v1': `${ACCOUNT}/${REGION}/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}/LOG_GROUP_MISSING:/ecs/app` });
    assert.deepEqual(sarifSchemaErrors(log), []);
  });

  it('refuses a code that has no rule, naming it', () => {
    assert.throws(() => logOf(anExamination({ findings: [aFinding({ code: 'NOT_A_CODE' as AnalyzerFinding['code'] })] })), { message: 'No SARIF rule for the doctor code NOT_A_CODE' });
  });
});

describe('doctor SARIF: a stopped task\'s result', () => {
  it('names the task, its stop time, title, reason and evidence', () => {
    const r = only(anExamination({ stoppedTasks: [aDiagnosis({ evidence: ['Missing in vpc-1: logs', 'Group sg-1 blocks 443.'] })] }));
    assert.equal(r.message.text,
      'Task abc123 stopped at 2026-12-05T01:02:03.000Z: The task could not reach CloudWatch Logs. Stop reason: ResourceInitializationError: no logs. Missing in vpc-1: logs. Group sg-1 blocks 443.');
    assert.equal(r.level, 'error');
    assert.deepEqual(r.properties, {
      taskArn: TASK_ARN, stoppedAt: '2026-12-05T01:02:03.000Z', stoppedReason: 'ResourceInitializationError: no logs', code: 'LOGS_UNREACHABLE', severity: 'error',
      explained: true, evidence: ['Missing in vpc-1: logs', 'Group sg-1 blocks 443.'], causes: [], docsUrl: 'https://docs.aws.amazon.com/ecs',
    });
    assert.deepEqual(r.partialFingerprints, { 'ecsStudioStoppedTask/v1': TASK_ARN });
  });

  it('without a stop time, stop reason or id: no time, the classified text as reason, the ARN\'s last part as name', () => {
    const r = only(anExamination({ stoppedTasks: [aDiagnosis({ task: { arn: TASK_ARN, id: '' } })] }));
    assert.equal(r.message.text, 'Task abc123 stopped: The task could not reach CloudWatch Logs. Stop reason: the raw text.');
    assert.deepEqual(r.locations[0]?.logicalLocations[1], { name: 'abc123', fullyQualifiedName: TASK_ARN, kind: 'resource' });
    assert.equal('stoppedAt' in r.properties, false);
    assert.equal('stoppedReason' in r.properties, false);
    const noText = only(anExamination({ stoppedTasks: [aDiagnosis({ task: { arn: TASK_ARN, id: 'abc123' } }, { raw: '' })] }));
    assert.equal(noText.message.text, 'Task abc123 stopped: The task could not reach CloudWatch Logs.');
  });

  it('keeps an empty stop reason ECS gave as a property, a stop code, the container and the causes', () => {
    const cause = aFinding({ id: 'LOG_GROUP_MISSING:/ecs/app' });
    const r = only(anExamination({ stoppedTasks: [aDiagnosis({ task: { arn: TASK_ARN, id: 'abc123', stoppedReason: '', stopCode: 'EssentialContainerExited' }, causes: [cause] },
      { code: 'OUT_OF_MEMORY', severity: 'error', details: { containerName: 'web' } })] }));
    assert.equal(r.properties.stoppedReason, '');
    assert.equal(r.properties.stopCode, 'EssentialContainerExited');
    assert.equal(r.properties.containerName, 'web');
    assert.deepEqual(r.properties.causes, ['LOG_GROUP_MISSING:/ecs/app']);
    assert.equal(r.ruleId, 'OUT_OF_MEMORY');
    const plain = only(anExamination({ stoppedTasks: [aDiagnosis()] }));
    assert.equal('stopCode' in plain.properties, false);
    assert.equal('containerName' in plain.properties, false);
  });

  it('a stop no longer explained: a note saying so, whatever its severity', () => {
    const r = only(anExamination({ stoppedTasks: [aDiagnosis({ explained: false, task: { arn: TASK_ARN, id: 'abc123', stoppedReason: 'Timeout!' } })] }));
    assert.equal(r.level, 'note');
    assert.equal(r.properties.explained, false);
    assert.equal(r.message.text, 'Task abc123 stopped: The task could not reach CloudWatch Logs. Stop reason: Timeout! '
      + 'Nothing in the current configuration explains it any more (fixed since, or outside what the doctor reads).');
    assert.equal(only(anExamination({ stoppedTasks: [aDiagnosis({}, { severity: 'warning' })] })).level, 'warning');
  });
});

describe('doctor SARIF: where a result points', () => {
  const ALL = [CONTAINER_LINE, SERVICE_LINE, FAMILY_LINE];
  const at = (r: SarifResult) => r.locations[0]?.physicalLocation?.region.startLine;

  it('task definition codes at the family line, every other code at the service line', () => {
    const taskDefinitionCodes = ['EXECUTION_ROLE_MISSING', 'EXECUTION_ROLE_TRUST', 'INVALID_FARGATE_SIZE', 'CONTAINER_PORT_MISMATCH'] as const;
    for (const code of taskDefinitionCodes) assert.equal(at(only(anExamination({ findings: [aFinding({ code })] }), ALL)), 3, code);
    for (const code of ['ENDPOINT_MISSING', 'TARGET_GROUP_NOT_IP', 'COULD_NOT_CHECK', 'HEALTH_CHECK_PORT_NOT_SERVED'] as const) {
      assert.equal(at(only(anExamination({ findings: [aFinding({ code })] }), ALL)), 40, code);
    }
    // Only the other kind named: it is the fallback.
    assert.equal(at(only(anExamination({ findings: [aFinding({ code: 'INVALID_FARGATE_SIZE' })] }), [SERVICE_LINE])), 40);
    assert.equal(at(only(anExamination({ findings: [aFinding({ code: 'ENDPOINT_MISSING' })] }), [FAMILY_LINE])), 3);
  });

  it('a stopped task: its container\'s line for task definition codes, else the family; the service for the others', () => {
    const stopped = (code: Finding['code'], containerName?: string) =>
      anExamination({ stoppedTasks: [aDiagnosis({}, { code, details: containerName ? { containerName } : {} })] });
    for (const code of ['REGISTRY_UNREACHABLE', 'IMAGE_NOT_FOUND', 'LOG_GROUP_MISSING', 'SECRET_NOT_FOUND', 'SECRETS_UNREACHABLE', 'OUT_OF_MEMORY',
      'ESSENTIAL_CONTAINER_EXITED', 'CONTAINER_START_FAILED', 'ENV_FILES_FAILED', 'EFS_MOUNT_FAILED', 'ROLE_ASSUME_FAILED'] as const) {
      assert.equal(at(only(stopped(code, TUTORIAL.containerName), ALL)), 9, code);
      assert.equal(at(only(stopped(code, 'sidecar'), ALL)), 3, `${code} of another container`);
    }
    for (const code of ['ECR_UNREACHABLE', 'ELB_HEALTH_CHECK_FAILED', 'CAPACITY_UNAVAILABLE', 'UNKNOWN'] as const) {
      assert.equal(at(only(stopped(code, TUTORIAL.containerName), ALL)), 40, code);
      // No service line: the container's, then the family's.
      assert.equal(at(only(stopped(code, TUTORIAL.containerName), [FAMILY_LINE, CONTAINER_LINE])), 9, code);
      assert.equal(at(only(stopped(code, 'sidecar'), [FAMILY_LINE, CONTAINER_LINE])), 3, code);
    }
  });

  it('a physical location names the file under %SRCROOT%, each path segment encoded', () => {
    const r = only(anExamination({ findings: [aFinding()] }), [{ ...FAMILY_LINE, uri: 'infra/a b/c?d.json', line: 12 }]);
    assert.deepEqual(r.locations[0]?.physicalLocation, { artifactLocation: { uri: 'infra/a%20b/c%3Fd.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 12 } });
    assert.equal('physicalLocation' in (only(anExamination({ findings: [aFinding()] })).locations[0] ?? {}), false);
  });
});

describe('doctor SARIF: the run', () => {
  it('the tool, the service it examined, the workspace base', () => {
    const log = logOf(anExamination());
    const run = log.runs[0]!;
    assert.equal(log.$schema, SARIF_SCHEMA_URI);
    assert.equal(SARIF_SCHEMA_URI, 'https://json.schemastore.org/sarif-2.1.0.json');
    const { rules, ...driver } = run.tool.driver;
    assert.ok(rules.length > 0);
    assert.deepEqual(driver, { name: 'ecs-studio', fullName: 'ECS Studio doctor', version: '9.8.7', semanticVersion: '9.8.7', informationUri: TOOL_INFORMATION_URI });
    assert.equal(TOOL_INFORMATION_URI, 'https://marketplace.visualstudio.com/items?itemName=ecs-studio.ecs-studio');
    assert.equal(run.automationDetails.description.text,
      `ECS Studio doctor: service ${TUTORIAL.serviceName} in cluster ${TUTORIAL.clusterName} (${REGION}, account ${ACCOUNT})`);
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { description: { text: 'The workspace searched for task definitions and infrastructure files (--workspace, default the current directory).' } } });
  });

  it('the cluster from the service\'s cluster ARN, else the name it was asked for', () => {
    const s = fixedTutorialSnapshot();
    const elsewhere = { ...s, service: { ...s.service!, clusterArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/other` } };
    assert.equal(logOf(anExamination({ snapshot: elsewhere })).runs[0]?.properties.cluster, 'other');
    const { service: _service, ...noService } = s;
    void _service;
    const run = logOf(anExamination({ snapshot: noService as ServiceSnapshot, cluster: 'asked/', service: 'svc' })).runs[0]!;
    assert.deepEqual(run.properties, { accountId: ACCOUNT, region: REGION, cluster: 'asked/', service: 'svc' });
  });

  it('describes the exit code: none, one, several error findings', () => {
    const description = (report: ServiceExamination, exitCode: 0 | 1) => logOf(report, { exitCode }).runs[0]?.invocations[0]?.exitCodeDescription;
    assert.equal(description(anExamination(), 0), `no error finding. ${EXIT_CODES}`);
    assert.equal(description(anExamination({ findings: [aFinding(), aFinding({ severity: 'warning' })] }), 1), `1 error finding. ${EXIT_CODES}`);
    assert.equal(description(anExamination({ findings: [aFinding(), aFinding()] }), 1), `2 error findings. ${EXIT_CODES}`);
    assert.equal(EXIT_CODES, 'Exit codes: 0 no error finding, 1 some error finding, 2 usage or AWS error (no log is written then).');
  });

  it('the start and end times when given; each gap as a warning naming its resource when it has one', () => {
    const gaps = [{ subject: 'executionRole' as const, resource: 'arn:aws:iam::1:role/r', reason: 'AccessDenied' }, { subject: 'networkAcls' as const, reason: 'throttled' }];
    const run = logOf(anExamination({ snapshot: { ...fixedTutorialSnapshot(), gaps } }), { startTimeUtc: '2026-12-05T01:00:00Z', endTimeUtc: '2026-12-05T01:00:05Z' }).runs[0]!;
    const { exitCodeDescription: _d, ...invocation } = run.invocations[0]!;
    void _d;
    assert.deepEqual(invocation, {
      executionSuccessful: true, exitCode: 0, startTimeUtc: '2026-12-05T01:00:00Z', endTimeUtc: '2026-12-05T01:00:05Z',
      toolExecutionNotifications: [
        { level: 'warning', message: { text: 'Could not read executionRole (arn:aws:iam::1:role/r): AccessDenied' } },
        { level: 'warning', message: { text: 'Could not read networkAcls: throttled' } },
      ],
    });
    const untimed = logOf(anExamination()).runs[0]!.invocations[0]!;
    assert.equal('startTimeUtc' in untimed, false);
    assert.equal('endTimeUtc' in untimed, false);
  });

  it('asks the workspace for no family when the task definition has none, and for the service by its ARN\'s name', () => {
    const s = fixedTutorialSnapshot();
    const { service: _service, ...noService } = s;
    void _service;
    const report = anExamination({ snapshot: { ...noService, taskDefinition: { ...s.taskDefinition, family: '' } } as ServiceSnapshot,
      service: `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${TUTORIAL.clusterName}/api` });
    assert.deepEqual(sarifTargets(report), [
      ...s.taskDefinition.containers.map((c) => ({ kind: 'containerName', name: c.name })),
      { kind: 'serviceName', name: 'api' },
    ]);
  });
});
