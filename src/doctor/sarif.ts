// The doctor's examination of one service as a SARIF 2.1.0 log (`ecs-studio doctor --format
// sarif`), for GitHub code scanning and other CI systems: the rules (sarifRules.ts), one result
// per analyzer finding and one per recently stopped task, each with the evidence the JSON format
// carries; a logical location naming account, region, cluster and service, and a physical one
// where the workspace names the service's resources (sarifLocations.ts).
//
// Pure module: no vscode, no AWS SDK.

import { describePlan } from './planText';
import { doctorRules, sarifLevel, type SarifLevel, type SarifMessageString, type SarifRule } from './sarifRules';
import { preferredMatch, type NamedKind, type NamedResource, type SourceMatch } from './sarifLocations';
import type { AnalyzerFinding, ServiceExamination, StoppedTaskDiagnosis } from './types';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/** Where people read about the tool: the extension's Marketplace page (publisher.name). */
export const TOOL_INFORMATION_URI = 'https://marketplace.visualstudio.com/items?itemName=ecs-studio.ecs-studio';
/** The base of every artifact URI: the workspace the files were searched in (`--workspace`). */
export const SRCROOT = '%SRCROOT%';

export interface SarifLogicalLocation {
  readonly name: string;
  readonly fullyQualifiedName: string;
  readonly kind: string;
}

export interface SarifPhysicalLocation {
  readonly artifactLocation: { readonly uri: string; readonly uriBaseId: string };
  readonly region: { readonly startLine: number };
}

export interface SarifLocation {
  readonly physicalLocation?: SarifPhysicalLocation;
  readonly logicalLocations: readonly SarifLogicalLocation[];
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: SarifMessageString;
  readonly locations: readonly SarifLocation[];
  readonly partialFingerprints: Readonly<Record<string, string>>;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface SarifNotification {
  readonly level: SarifLevel;
  readonly message: SarifMessageString;
}

export interface SarifRun {
  readonly tool: { readonly driver: { readonly name: string; readonly fullName: string; readonly version: string; readonly semanticVersion: string; readonly informationUri: string; readonly rules: readonly SarifRule[] } };
  readonly automationDetails: { readonly id: string; readonly description: SarifMessageString };
  readonly invocations: ReadonlyArray<{
    readonly executionSuccessful: boolean;
    readonly exitCode: number;
    readonly exitCodeDescription: string;
    readonly startTimeUtc?: string;
    readonly endTimeUtc?: string;
    readonly toolExecutionNotifications: readonly SarifNotification[];
  }>;
  readonly originalUriBaseIds: Readonly<Record<string, { readonly description: SarifMessageString }>>;
  readonly results: readonly SarifResult[];
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface SarifLog {
  readonly $schema: string;
  readonly version: typeof SARIF_VERSION;
  readonly runs: readonly SarifRun[];
}

export interface SarifOptions {
  /** The CLI's version (package.json's). */
  readonly toolVersion: string;
  /** The exit code the CLI returns with this log: 0 no error finding, 1 some. */
  readonly exitCode: 0 | 1;
  /** Where the workspace names the service's resources (findInWorkspace); empty: logical locations only. */
  readonly matches: readonly SourceMatch[];
  readonly startTimeUtc?: string;
  readonly endTimeUtc?: string;
}

/** The last part of an ARN (`arn:...:cluster/name` -> `name`), or the name itself. */
function shortName(nameOrArn: string): string {
  return nameOrArn.split('/').at(-1) || nameOrArn;
}

/** The names a workspace file may use for this service's resources: its task definition family, containers and name. */
export function sarifTargets(report: ServiceExamination): NamedResource[] {
  const td = report.snapshot.taskDefinition;
  return [
    ...(td.family ? [{ kind: 'taskDefinitionFamily' as const, name: td.family }] : []),
    ...td.containers.map((c) => ({ kind: 'containerName' as const, name: c.name })),
    { kind: 'serviceName', name: report.snapshot.service?.name ?? shortName(report.service) },
  ];
}

/** `ecs-studio-doctor/REGION/CLUSTER/SERVICE/`: GitHub code scanning keeps each service's results apart by it. */
export function automationId(region: string, cluster: string, service: string): string {
  return `ecs-studio-doctor/${region}/${shortName(cluster)}/${shortName(service)}/`;
}

/** What the CLI's exit codes mean, for CI systems that read the invocation. */
export const EXIT_CODES = 'Exit codes: 0 no error finding, 1 some error finding, 2 usage or AWS error (no log is written then).';

/** Codes about the task definition: their results point at its family first, the others at the service. */
const TASK_DEFINITION_CODE = /^(EXECUTION_ROLE|INVALID_FARGATE_SIZE|IMAGE_|REGISTRY_|LOG|SECRET|CONTAINER_|OUT_OF_MEMORY|ESSENTIAL_CONTAINER|ENV_FILES|EFS_|ROLE_ASSUME)/;

function locationOrder(code: string): NamedKind[] {
  return TASK_DEFINITION_CODE.test(code)
    ? ['containerName', 'taskDefinitionFamily', 'serviceName']
    : ['serviceName', 'containerName', 'taskDefinitionFamily'];
}

function physicalLocation(match: SourceMatch | undefined): SarifPhysicalLocation | undefined {
  if (!match) return undefined;
  return { artifactLocation: { uri: match.uri.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }, region: { startLine: match.line } };
}

function sentence(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?:]$/.test(t) ? t : `${t}.`;
}

function joinSentences(parts: readonly string[]): string {
  return parts.map(sentence).filter((p) => p !== '').join(' ');
}

function findingResult(f: AnalyzerFinding, ruleIndex: number, service: SarifLogicalLocation, matches: readonly SourceMatch[]): SarifResult {
  const plan = f.fix ? describePlan(f.fix) : [];
  const physical = physicalLocation(preferredMatch(matches, locationOrder(f.code)));
  return {
    ruleId: f.code,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: joinSentences([f.title, ...f.evidence, ...(plan.length > 0 ? [`Fix: ${plan.join('; ')}`] : [])]) },
    locations: [{ ...(physical ? { physicalLocation: physical } : {}), logicalLocations: [service] }],
    partialFingerprints: { 'ecsStudioFinding/v1': `${service.fullyQualifiedName}/${f.id}` },
    properties: {
      findingId: f.id,
      severity: f.severity,
      resource: f.resource,
      evidence: f.evidence,
      docsUrl: f.docsUrl,
      ...(plan.length > 0 ? { fix: plan } : {}),
      ...(f.alternatives ? { alternatives: f.alternatives.map((a) => ({ name: a.name, title: a.title, cost: a.cost, preselected: a.preselected })) } : {}),
    },
  };
}

function stoppedTaskResult(d: StoppedTaskDiagnosis, ruleIndex: number, service: SarifLogicalLocation, matches: readonly SourceMatch[]): SarifResult {
  const stoppedAt = d.task.stoppedAt ? new Date(d.task.stoppedAt).toISOString() : undefined;
  const containerName = d.finding.details.containerName;
  const physical = physicalLocation(preferredMatch(matches, locationOrder(d.finding.code), containerName));
  const task: SarifLogicalLocation = { name: d.task.id || shortName(d.task.arn), fullyQualifiedName: d.task.arn, kind: 'resource' };
  const reason = d.task.stoppedReason ?? d.finding.raw;
  return {
    ruleId: d.finding.code,
    ruleIndex,
    // A stop the current configuration no longer explains (fixed since) is listed, not reported.
    level: d.explained ? sarifLevel(d.finding.severity) : 'note',
    message: {
      text: joinSentences([
        `Task ${task.name} stopped${stoppedAt ? ` at ${stoppedAt}` : ''}: ${d.finding.title}`,
        ...(reason ? [`Stop reason: ${reason}`] : []),
        ...d.evidence,
        ...(d.explained ? [] : ['Nothing in the current configuration explains it any more (fixed since, or outside what the doctor reads)']),
      ]),
    },
    locations: [{ ...(physical ? { physicalLocation: physical } : {}), logicalLocations: [service, task] }],
    partialFingerprints: { 'ecsStudioStoppedTask/v1': d.task.arn },
    properties: {
      taskArn: d.task.arn,
      ...(stoppedAt ? { stoppedAt } : {}),
      ...(d.task.stoppedReason !== undefined ? { stoppedReason: d.task.stoppedReason } : {}),
      ...(d.task.stopCode ? { stopCode: d.task.stopCode } : {}),
      code: d.finding.code,
      ...(containerName ? { containerName } : {}),
      severity: d.finding.severity,
      explained: d.explained,
      evidence: d.evidence,
      causes: d.causes.map((c) => c.id),
      docsUrl: d.finding.docsUrl,
    },
  };
}

/** The SARIF log of one service's examination (the report `doctor --json` prints, before any fix). */
export function doctorSarif(report: ServiceExamination, options: SarifOptions): SarifLog {
  const s = report.snapshot;
  const rules = doctorRules();
  const index = new Map<string, number>(rules.map((r, i) => [r.id, i]));
  const ruleIndex = (code: string): number => {
    const i = index.get(code);
    if (i === undefined) throw new Error(`No SARIF rule for the doctor code ${code}`);
    return i;
  };
  const cluster = shortName(s.service?.clusterArn ?? report.cluster);
  const serviceName = s.service?.name ?? shortName(report.service);
  const service: SarifLogicalLocation = { name: serviceName, fullyQualifiedName: `${s.accountId}/${s.region}/${cluster}/${serviceName}`, kind: 'resource' };
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [{
      tool: {
        driver: {
          name: 'ecs-studio',
          fullName: 'ECS Studio doctor',
          version: options.toolVersion,
          semanticVersion: options.toolVersion,
          informationUri: TOOL_INFORMATION_URI,
          rules,
        },
      },
      automationDetails: {
        id: automationId(s.region, cluster, serviceName),
        description: { text: `ECS Studio doctor: service ${serviceName} in cluster ${cluster} (${s.region}, account ${s.accountId})` },
      },
      invocations: [{
        executionSuccessful: true,
        exitCode: options.exitCode,
        exitCodeDescription: `${options.exitCode === 1 ? `${errors} error finding${errors === 1 ? '' : 's'}` : 'no error finding'}. ${EXIT_CODES}`,
        ...(options.startTimeUtc ? { startTimeUtc: options.startTimeUtc } : {}),
        ...(options.endTimeUtc ? { endTimeUtc: options.endTimeUtc } : {}),
        // What could not be read: the checks that needed it are "could not check" findings, not passes.
        toolExecutionNotifications: s.gaps.map((g) => ({ level: 'warning' as const, message: { text: `Could not read ${g.subject}${g.resource ? ` (${g.resource})` : ''}: ${g.reason}` } })),
      }],
      originalUriBaseIds: { [SRCROOT]: { description: { text: 'The workspace searched for task definitions and infrastructure files (--workspace, default the current directory).' } } },
      results: [
        ...report.findings.map((f) => findingResult(f, ruleIndex(f.code), service, options.matches)),
        ...report.stoppedTasks.map((d) => stoppedTaskResult(d, ruleIndex(d.finding.code), service, options.matches)),
      ],
      properties: { accountId: s.accountId, region: s.region, cluster, service: serviceName },
    }],
  };
}
