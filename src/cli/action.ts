// The GitHub Action's pure parts (action.yml runs `ecs-studio action`, src/cli/actionRun.ts):
// its inputs as a runner passes them (INPUT_<NAME> variables), the doctor's SARIF log read back
// into findings and stopped tasks, the job summary (Markdown), the annotations (workflow
// commands, escaped as GitHub's toolkit does), the step's outputs and whether it fails.
// Pure module: no vscode, no AWS SDK.

export type FailOn = 'error' | 'warning' | 'never';
export type ActionFormat = 'summary' | 'annotations' | 'sarif';

export const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];
export const ACTION_FORMATS: readonly ActionFormat[] = ['summary', 'annotations', 'sarif'];
export const DEFAULT_SARIF_FILE = 'ecs-studio-doctor.sarif';

export interface ActionInputs {
  readonly cluster: string;
  readonly service: string;
  /** Empty: the CLI's chain (AWS_REGION, AWS_DEFAULT_REGION, the profile's). */
  readonly region?: string;
  readonly failOn: FailOn;
  readonly formats: ReadonlySet<ActionFormat>;
  readonly sarifFile: string;
}

/**
 * An input's value as the runner passes it: `INPUT_` + the name upper-cased, spaces replaced by
 * `_` (hyphens kept: `fail-on` is `INPUT_FAIL-ON`), trimmed.
 */
export function actionInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function isFailOn(value: string): value is FailOn {
  return (FAIL_ON as readonly string[]).includes(value);
}

function isFormat(value: string): value is ActionFormat {
  return (ACTION_FORMATS as readonly string[]).includes(value);
}

/** The inputs, or what is wrong with them (nothing is checked then). */
export function parseActionInputs(env: NodeJS.ProcessEnv): { readonly inputs: ActionInputs } | { readonly error: string } {
  const cluster = actionInput(env, 'cluster');
  const service = actionInput(env, 'service');
  const missing = [...(cluster ? [] : ['cluster']), ...(service ? [] : ['service'])];
  if (missing.length > 0) return { error: `Input required and not supplied: ${missing.join(', ')}.` };
  const failOn = (actionInput(env, 'fail-on') || 'error').toLowerCase();
  if (!isFailOn(failOn)) return { error: `fail-on takes ${FAIL_ON.join(', ')}, not '${failOn}'.` };
  const formatList = (actionInput(env, 'formats') || ACTION_FORMATS.join(',')).split(/[\s,]+/).map((f) => f.toLowerCase()).filter((f) => f !== '');
  const unknown = formatList.filter((f) => !isFormat(f));
  if (unknown.length > 0) return { error: `formats takes ${ACTION_FORMATS.join(', ')} (comma-separated), not '${unknown.join(', ')}'.` };
  const region = actionInput(env, 'region');
  return {
    inputs: {
      cluster,
      service,
      ...(region ? { region } : {}),
      failOn,
      formats: new Set(formatList.filter(isFormat)),
      sarifFile: actionInput(env, 'sarif-file') || DEFAULT_SARIF_FILE,
    },
  };
}

// ---- the SARIF log, read back ---------------------------------------------------------------

export type Severity = 'error' | 'warning' | 'info';

export interface ReportedResult {
  readonly code: string;
  readonly severity: Severity;
  /** The rule's title (the code's short description). */
  readonly title: string;
  /** The result's message: the finding's title, evidence and fix, or the task's stop. */
  readonly message: string;
  /** Workspace-relative file naming the resource, and its line (from the physical location). */
  readonly file?: string;
  readonly line?: number;
  readonly docsUrl?: string;
  /** Stopped tasks: the task's ARN and whether the current configuration still explains its stop. */
  readonly taskArn?: string;
  readonly stoppedAt?: string;
  readonly explained?: boolean;
}

export interface DoctorResults {
  readonly cluster: string;
  readonly service: string;
  readonly region: string;
  readonly accountId: string;
  readonly findings: readonly ReportedResult[];
  readonly stoppedTasks: readonly ReportedResult[];
  /** What could not be read (the run's tool notifications). */
  readonly notes: readonly string[];
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function severityOf(properties: Json, level: string | undefined): Severity {
  const s = str(properties.severity);
  if (s === 'error' || s === 'warning' || s === 'info') return s;
  return level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'info';
}

function decodePath(uri: string): string {
  return uri.split('/').map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  }).join('/');
}

/** The doctor's SARIF log (`ecs-studio doctor --format sarif`) as the action reports it; throws when it is not one. */
export function readDoctorSarif(log: unknown): DoctorResults {
  const run = obj(arr(obj(log).runs)[0]);
  const driver = obj(obj(run.tool).driver);
  if (str(obj(log).version) !== '2.1.0' || str(driver.name) !== 'ecs-studio') {
    throw new Error('not the SARIF 2.1.0 log of ecs-studio doctor');
  }
  const rules = arr(driver.rules).map(obj);
  const props = obj(run.properties);
  const findings: ReportedResult[] = [];
  const stoppedTasks: ReportedResult[] = [];
  for (const r of arr(run.results).map(obj)) {
    const properties = obj(r.properties);
    const code = str(r.ruleId) ?? 'UNKNOWN';
    const rule = typeof r.ruleIndex === 'number' ? rules[r.ruleIndex] : rules.find((x) => x.id === code);
    const physical = obj(obj(arr(r.locations)[0]).physicalLocation);
    const uri = str(obj(physical.artifactLocation).uri);
    const line = obj(physical.region).startLine;
    const taskArn = str(properties.taskArn);
    const result: ReportedResult = {
      code,
      severity: severityOf(properties, str(r.level)),
      title: str(obj(rule?.shortDescription).text) ?? code,
      message: str(obj(r.message).text) ?? '',
      ...(uri ? { file: decodePath(uri) } : {}),
      ...(uri && typeof line === 'number' ? { line } : {}),
      ...(str(properties.docsUrl) ? { docsUrl: str(properties.docsUrl) } : {}),
      ...(taskArn ? { taskArn, explained: properties.explained !== false } : {}),
      ...(str(properties.stoppedAt) ? { stoppedAt: str(properties.stoppedAt) } : {}),
    };
    (taskArn ? stoppedTasks : findings).push(result);
  }
  const notes = arr(obj(arr(run.invocations)[0]).toolExecutionNotifications).map((n) => str(obj(obj(n).message).text) ?? '').filter((t) => t !== '');
  return {
    cluster: str(props.cluster) ?? '',
    service: str(props.service) ?? '',
    region: str(props.region) ?? '',
    accountId: str(props.accountId) ?? '',
    findings,
    stoppedTasks,
    notes,
  };
}

// ---- counts, outcome, outputs ---------------------------------------------------------------

export interface ProblemCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** The findings by severity (stopped tasks are the evidence, not problems of their own). */
export function countProblems(results: DoctorResults): ProblemCounts {
  const of = (s: Severity) => results.findings.filter((f) => f.severity === s).length;
  return { errors: of('error'), warnings: of('warning'), infos: of('info') };
}

/** Whether the step fails: `error` on any error finding, `warning` on any error or warning, `never` not for findings. */
export function shouldFail(counts: ProblemCounts, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return counts.errors > 0 || (failOn === 'warning' && counts.warnings > 0);
}

/**
 * Lines for the `GITHUB_OUTPUT` file: `name=value`, or GitHub's heredoc form when a value spans
 * lines (with a delimiter the value does not contain).
 */
export function outputLines(outputs: Readonly<Record<string, string>>): string {
  return Object.entries(outputs).map(([name, value]) => {
    if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
    let delimiter = 'ECS_STUDIO_EOF';
    while (value.includes(delimiter)) delimiter += '_';
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
  }).join('');
}

// ---- annotations ----------------------------------------------------------------------------

/** A workflow command's message: `%`, CR and LF escaped (GitHub's toolkit, escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as escapeData, and `:` and `,` too (escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::command prop=value,...::message` with every part escaped. */
export function workflowCommand(command: string, properties: Readonly<Record<string, string | number | undefined>>, message: string): string {
  const props = Object.entries(properties).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${command}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}

const ANNOTATION: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** One annotation per finding: error, warning or notice, on the file and line naming its resource when the workspace has one. */
export function annotations(results: DoctorResults): string[] {
  return results.findings.map((f) => workflowCommand(ANNOTATION[f.severity], {
    file: f.file,
    line: f.file ? f.line : undefined,
    title: `ECS Studio doctor: ${f.code} (${results.service})`,
  }, f.message));
}

// ---- the job summary ------------------------------------------------------------------------

/** Text in Markdown as it reads: Markdown's and HTML's special characters escaped, on one line. */
export function markdownText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]<>|#~])/g, '\\$1');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const LABEL: Record<Severity, string> = { error: '**Error**', warning: '**Warning**', info: 'Info' };

function where(r: ReportedResult): string {
  return r.file ? ` (\`${r.file.replace(/`/g, '')}${r.line !== undefined ? `:${r.line}` : ''}\`)` : '';
}

function docs(r: ReportedResult): string {
  return r.docsUrl && /^https:\/\//.test(r.docsUrl) ? ` [Docs](${r.docsUrl.replace(/[()\s]/g, encodeURIComponent)})` : '';
}

/** The job summary: the service, the counts, each finding, the stopped tasks and what could not be read. */
export function summaryMarkdown(results: DoctorResults, counts: ProblemCounts, options: { readonly failed: boolean; readonly sarifFile?: string }): string {
  const lines = [
    `## ECS Studio doctor: ${markdownText(results.service)} ${options.failed ? '(failed)' : '(passed)'}`,
    '',
    `Service \`${results.service}\` in cluster \`${results.cluster}\` (${markdownText(results.region)}, account ${markdownText(results.accountId)}): ` +
    `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} info; ${plural(results.stoppedTasks.length, 'recently stopped task')}.`,
    '',
  ];
  if (results.findings.length > 0) {
    lines.push('### Findings', '', '| Severity | Code | Finding |', '| --- | --- | --- |');
    for (const f of results.findings) lines.push(`| ${LABEL[f.severity]} | \`${f.code}\` | ${markdownText(f.message)}${where(f)}${docs(f)} |`);
    lines.push('');
    if (counts.errors + counts.warnings > 0) {
      lines.push('Run `ecs-studio doctor --cluster ' + results.cluster + ' --service ' + results.service + ' --fix` to see the fix plan and apply it, or use the quick fix in VS Code.', '');
    }
  } else {
    lines.push('No finding: nothing in the configuration stops this service\'s tasks.', '');
  }
  if (results.stoppedTasks.length > 0) {
    lines.push('### Recently stopped tasks', '', '| Task | Cause | Stop |', '| --- | --- | --- |');
    for (const t of results.stoppedTasks) {
      const id = (t.taskArn ?? '').split('/').at(-1) ?? '';
      lines.push(`| \`${id}\` | \`${t.code}\`${t.explained === false ? ' (not explained by the configuration now)' : ''} | ${markdownText(t.message)} |`);
    }
    lines.push('');
  }
  if (results.notes.length > 0) {
    lines.push('### Some checks could not run', '', ...results.notes.map((n) => `- ${markdownText(n)}`), '');
  }
  if (options.sarifFile) lines.push(`SARIF log: \`${options.sarifFile.replace(/`/g, '')}\``, '');
  return `${lines.join('\n')}\n`;
}
