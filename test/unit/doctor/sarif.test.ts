// The doctor's SARIF 2.1.0 log (src/doctor/sarif.ts, sarifRules.ts) built from examinations of
// the tutorial's snapshots: the rules, levels per severity, rule indexes, the results of the
// findings and of the stopped tasks, the logical and physical locations, and the official schema.
import * as assert from 'node:assert/strict';
import { ANALYSIS_CODES } from '../../../src/doctor/analysisCodes';
import { CODES, DIAGNOSIS_CODES } from '../../../src/doctor/codes';
import { examine } from '../../../src/doctor/examine';
import { automationId, doctorSarif, EXIT_CODES, sarifTargets, type SarifLog, type SarifResult } from '../../../src/doctor/sarif';
import { doctorRules, ruleName, sarifLevel } from '../../../src/doctor/sarifRules';
import type { SourceMatch } from '../../../src/doctor/sarifLocations';
import type { ServiceSnapshot } from '../../../src/doctor/snapshot';
import type { ServiceExamination } from '../../../src/doctor/types';
import { TUTORIAL } from '../../support/tutorialWorld';
import { sarifSchemaErrors } from '../../support/sarifSchema';
import { ACCOUNT, REGION, fixedTutorialSnapshot, tutorialSnapshot } from './snapshotBuilder';

function reportOf(snapshot: ServiceSnapshot): ServiceExamination {
  return examine(snapshot, TUTORIAL.clusterName, TUTORIAL.serviceName);
}

function sarifOf(report: ServiceExamination, matches: SourceMatch[] = []): SarifLog {
  return doctorSarif(report, { toolVersion: '1.2.3', exitCode: report.findings.some((f) => f.severity === 'error') ? 1 : 0, matches });
}

const FAMILY_LINE: SourceMatch = { uri: 'infra/task-definition.json', line: 3, kind: 'taskDefinitionFamily', name: TUTORIAL.taskFamily };
const SERVICE_LINE: SourceMatch = { uri: 'infra/main.tf', line: 40, kind: 'serviceName', name: TUTORIAL.serviceName };
const CONTAINER_LINE: SourceMatch = { uri: 'infra/task-definition.json', line: 9, kind: 'containerName', name: TUTORIAL.containerName };

describe('doctor SARIF: rules', () => {
  it('has one rule per code the doctor can produce, no duplicates, in the order of the code lists', () => {
    const rules = doctorRules();
    const ids = rules.map((r) => r.id);
    assert.deepEqual(ids, [...DIAGNOSIS_CODES, ...ANALYSIS_CODES]);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('carries a code\'s title, explanation, fixes and documentation page', () => {
    const rule = doctorRules().find((r) => r.id === 'ECR_UNREACHABLE');
    assert.ok(rule);
    assert.equal(rule.name, 'EcrUnreachable');
    assert.equal(rule.shortDescription.text, CODES.ECR_UNREACHABLE.title);
    assert.equal(rule.fullDescription.text, CODES.ECR_UNREACHABLE.explanation);
    assert.equal(rule.helpUri, CODES.ECR_UNREACHABLE.docsUrl);
    for (const fix of CODES.ECR_UNREACHABLE.fixes) assert.ok(rule.help.text.includes(`- ${fix}`), fix);
    assert.ok(rule.help.markdown?.includes(`[Documentation](${CODES.ECR_UNREACHABLE.docsUrl})`));
    const analysis = doctorRules().find((r) => r.id === 'ENDPOINT_MISSING');
    assert.equal(analysis?.shortDescription.text, 'A VPC endpoint the task needs is missing');
    assert.match(analysis?.help.text ?? '', /--fix/);
  });

  it('maps severities to levels: error, warning, and info as note', () => {
    assert.equal(sarifLevel('error'), 'error');
    assert.equal(sarifLevel('warning'), 'warning');
    assert.equal(sarifLevel('info'), 'note');
    const level = (id: string) => doctorRules().find((r) => r.id === id)?.defaultConfiguration.level;
    assert.equal(level('ECR_UNREACHABLE'), 'error');
    assert.equal(level('ENDPOINT_AZ_COVERAGE'), 'warning');
    assert.equal(level('NETWORK_PATH_UNKNOWN'), 'note');
  });

  it('names a rule in PascalCase from its code', () => {
    assert.equal(ruleName('S3_GATEWAY_ENDPOINT_MISSING'), 'S3GatewayEndpointMissing');
    assert.equal(ruleName('UNKNOWN'), 'Unknown');
  });
});

/** The tutorial's stopped tasks with the times ECS gives them (the snapshot builder leaves them out). */
const STOPPED_AT = [new Date('2026-12-05T01:02:03.000Z'), new Date('2026-12-05T01:12:03.000Z')];

function brokenTutorial(): ServiceSnapshot {
  const s = tutorialSnapshot();
  return { ...s, stoppedTasks: (s.stoppedTasks ?? []).map((t, i) => ({ ...t, task: { ...t.task, stoppedAt: STOPPED_AT[i] } })) };
}

describe('doctor SARIF: the broken tutorial', () => {
  const report = reportOf(brokenTutorial());
  const log = sarifOf(report);
  const run = log.runs[0];

  it('is valid SARIF 2.1.0 (the official schemas)', () => {
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.deepEqual(sarifSchemaErrors(sarifOf(report, [FAMILY_LINE, SERVICE_LINE, CONTAINER_LINE])), []);
  });

  it('the schema check can fail: a result without a message is refused', () => {
    const broken = JSON.parse(JSON.stringify(log)) as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    delete broken.runs[0].results[0].message;
    assert.ok(sarifSchemaErrors(broken).some((e) => /required property 'message'/.test(e)));
    // Formats too: a file path with a space is not a URI reference, a rule's help page must be absolute.
    const located = JSON.parse(JSON.stringify(sarifOf(report, [FAMILY_LINE]))) as {
      runs: Array<{ results: Array<{ locations: Array<{ physicalLocation?: { artifactLocation: { uri: string } } }> }>; tool: { driver: { rules: Array<{ helpUri: string }> } } }>;
    };
    const physical = located.runs[0].results.find((r) => r.locations[0]?.physicalLocation)?.locations[0]?.physicalLocation;
    assert.ok(physical);
    physical.artifactLocation.uri = 'my infra/task.json';
    located.runs[0].tool.driver.rules[0].helpUri = 'vpc-endpoints.html';
    const errors = sarifSchemaErrors(located);
    assert.ok(errors.some((e) => /artifactLocation\/uri must match format "uri-reference"/.test(e)), errors.join('\n'));
    assert.ok(errors.some((e) => /helpUri must match format "uri"/.test(e)), errors.join('\n'));
  });

  it('has one result per finding, then one per stopped task, each pointing at its own rule', () => {
    assert.equal(run.results.length, report.findings.length + report.stoppedTasks.length);
    assert.deepEqual(run.results.slice(0, report.findings.length).map((r) => r.ruleId), report.findings.map((f) => f.code));
    assert.deepEqual(run.results.slice(report.findings.length).map((r) => r.ruleId), report.stoppedTasks.map((d) => d.finding.code));
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex]?.id, r.ruleId, r.ruleId);
  });

  it('gives each finding its level, evidence and fix', () => {
    for (const [i, f] of report.findings.entries()) {
      const r = run.results[i] as SarifResult;
      assert.equal(r.level, sarifLevel(f.severity));
      for (const e of f.evidence) assert.ok(r.message.text.includes(e.replace(/\.$/, '')), e);
      assert.deepEqual(r.properties.evidence, f.evidence);
      assert.equal(r.properties.findingId, f.id);
    }
    const logs = run.results.find((r) => r.ruleId === 'LOG_GROUP_MISSING');
    assert.ok(logs);
    assert.match(logs.message.text, /\/ecs\/demo-ecs-task/);
    assert.match(logs.message.text, /Fix: 1\. Create CloudWatch log group \/ecs\/demo-ecs-task in ap-northeast-2; 2\. Start a new deployment/);
  });

  it('gives each stopped task its reason, code, ARN and time, as message and properties', () => {
    const stopped = run.results.slice(report.findings.length);
    assert.equal(stopped.length, 2);
    for (const [i, d] of report.stoppedTasks.entries()) {
      const r = stopped[i] as SarifResult;
      assert.equal(r.properties.taskArn, d.task.arn);
      assert.equal(r.properties.code, d.finding.code);
      assert.equal(r.properties.stoppedReason, d.task.stoppedReason);
      assert.equal(r.properties.stoppedAt, STOPPED_AT[i]?.toISOString());
      assert.ok(r.message.text.startsWith(`Task ${d.task.id} stopped at ${STOPPED_AT[i]?.toISOString() ?? ''}: ${d.finding.title}.`), r.message.text);
      assert.ok(r.message.text.includes(`Stop reason: ${d.task.stoppedReason ?? ''}`));
      assert.equal(r.level, d.explained ? sarifLevel(d.finding.severity) : 'note');
      assert.deepEqual(r.locations[0]?.logicalLocations[1], { name: d.task.id, fullyQualifiedName: d.task.arn, kind: 'resource' });
      assert.equal(r.partialFingerprints['ecsStudioStoppedTask/v1'], d.task.arn);
    }
    assert.deepEqual(stopped.map((r) => r.ruleId).sort(), ['ECR_UNREACHABLE', 'LOGS_UNREACHABLE']);
  });

  it('names account, region, cluster and service in every result\'s logical location', () => {
    const fqn = `${ACCOUNT}/${REGION}/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}`;
    for (const r of run.results) assert.deepEqual(r.locations[0]?.logicalLocations[0], { name: TUTORIAL.serviceName, fullyQualifiedName: fqn, kind: 'resource' });
    assert.equal(run.automationDetails.id, automationId(REGION, TUTORIAL.clusterName, TUTORIAL.serviceName));
    assert.equal(run.automationDetails.id, `ecs-studio-doctor/${REGION}/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}/`);
  });

  it('has no physical location when the workspace names nothing', () => {
    for (const r of run.results) assert.equal(r.locations[0]?.physicalLocation, undefined);
  });

  it('points task definition faults at the family line, network faults at the service line, a container\'s stop at the container line', () => {
    const located = sarifOf(report, [FAMILY_LINE, SERVICE_LINE, CONTAINER_LINE]).runs[0];
    const at = (r: SarifResult | undefined) => r?.locations[0]?.physicalLocation;
    assert.deepEqual(at(located.results.find((r) => r.ruleId === 'LOG_GROUP_MISSING')),
      { artifactLocation: { uri: 'infra/task-definition.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 3 } });
    assert.deepEqual(at(located.results.find((r) => r.ruleId === 'ENDPOINT_MISSING')),
      { artifactLocation: { uri: 'infra/main.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 40 } });
    // Only the service's own line known: every result points there.
    const onlyService = sarifOf(report, [SERVICE_LINE]).runs[0];
    for (const r of onlyService.results) assert.equal(at(r)?.region.startLine, 40, r.ruleId);
  });

  it('encodes the path of a file as a relative URI', () => {
    const located = sarifOf(report, [{ ...FAMILY_LINE, uri: 'my infra/task def#1.json' }]).runs[0];
    assert.equal(located.results.find((r) => r.ruleId === 'LOG_GROUP_MISSING')?.locations[0]?.physicalLocation?.artifactLocation.uri, 'my%20infra/task%20def%231.json');
  });

  it('records the tool, the exit code and the service', () => {
    assert.equal(log.version, '2.1.0');
    assert.equal(run.tool.driver.name, 'ecs-studio');
    assert.equal(run.tool.driver.version, '1.2.3');
    assert.match(run.tool.driver.informationUri, /^https:\/\//);
    assert.deepEqual(run.invocations.map((i) => [i.executionSuccessful, i.exitCode, i.exitCodeDescription]), [[true, 1, `6 error findings. ${EXIT_CODES}`]]);
    assert.deepEqual(run.properties, { accountId: ACCOUNT, region: REGION, cluster: TUTORIAL.clusterName, service: TUTORIAL.serviceName });
  });
});

describe('doctor SARIF: other examinations', () => {
  it('the fixed tutorial: no findings, exit 0, only its stopped tasks (no longer explained: notes)', () => {
    const report = reportOf(fixedTutorialSnapshot());
    const run = sarifOf(report).runs[0];
    assert.equal(report.findings.length, 0);
    assert.equal(run.results.length, report.stoppedTasks.length);
    assert.ok(report.stoppedTasks.length > 0 && report.stoppedTasks.every((d) => !d.explained));
    for (const r of run.results) assert.equal(r.level, 'note', r.ruleId);
    assert.deepEqual(run.invocations.map((i) => [i.exitCode, i.exitCodeDescription]), [[0, `no error finding. ${EXIT_CODES}`]]);
    assert.deepEqual(sarifSchemaErrors({ ...sarifOf(report) }), []);
  });

  it('a gap becomes a warning notification and a COULD_NOT_CHECK warning result', () => {
    const report = reportOf({ ...fixedTutorialSnapshot(), gaps: [{ subject: 'networkAcls', reason: 'AccessDenied: ec2:DescribeNetworkAcls' }] });
    const run = sarifOf(report).runs[0];
    assert.deepEqual(run.invocations[0]?.toolExecutionNotifications, [{ level: 'warning', message: { text: 'Could not read networkAcls: AccessDenied: ec2:DescribeNetworkAcls' } }]);
    const couldNot = run.results.find((r) => r.ruleId === 'COULD_NOT_CHECK');
    assert.equal(couldNot?.level, 'warning');
    assert.equal(run.tool.driver.rules[couldNot?.ruleIndex ?? -1]?.id, 'COULD_NOT_CHECK');
    assert.deepEqual(sarifSchemaErrors(sarifOf(report)), []);
  });

  it('names the cluster and service by name when given as ARNs', () => {
    const snapshot = tutorialSnapshot();
    const { service: _service, ...withoutService } = snapshot;
    void _service;
    const report = examine(withoutService as ServiceSnapshot, `arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${TUTORIAL.clusterName}`,
      `arn:aws:ecs:${REGION}:${ACCOUNT}:service/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}`);
    const run = sarifOf(report).runs[0];
    assert.equal(run.results[0]?.locations[0]?.logicalLocations[0]?.fullyQualifiedName, `${ACCOUNT}/${REGION}/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}`);
    assert.equal(run.automationDetails.id, `ecs-studio-doctor/${REGION}/${TUTORIAL.clusterName}/${TUTORIAL.serviceName}/`);
  });

  it('asks the workspace for the family, each container and the service', () => {
    assert.deepEqual(sarifTargets(reportOf(tutorialSnapshot())), [
      { kind: 'taskDefinitionFamily', name: TUTORIAL.taskFamily },
      { kind: 'containerName', name: TUTORIAL.containerName },
      { kind: 'serviceName', name: TUTORIAL.serviceName },
    ]);
  });
});
