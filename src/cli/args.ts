// The command line's grammar, parsed with node:util parseArgs. Pure: argv in, a command or a
// usage error out (the caller prints it and exits 2). No vscode, no AWS SDK.
import { parseArgs } from 'node:util';
import { ALTERNATIVE_NAMES, isAlternativeName } from '../doctor/pathRemedies';
import type { AlternativeName } from '../doctor/types';

export const USAGE = `Usage:
  ecs-studio explain [--json] TEXT...      explain a stopped-task reason or service event
  ecs-studio explain [--json] -            explain one message per line of stdin
  ecs-studio doctor --cluster C --service S [--profile P] [--region R]
                    [--endpoint-url URL] [--timeout SECONDS] [--json] [--fix [--yes]] [--remedy NAME]
                    [--format text|json|sarif] [--workspace DIR]
                                           check a service's network, IAM and configuration
  ecs-studio mcp [--profile P] [--region R] [--endpoint-url URL] [--timeout SECONDS]
                                           serve the doctor's read-only tools to AI agents (MCP, stdio)
  ecs-studio action                        the GitHub Action (action.yml); inputs: INPUT_* variables
  ecs-studio map --cluster C --service S [--format mermaid|svg] [--output FILE]
                 [--profile P] [--region R] [--endpoint-url URL] [--timeout SECONDS]
                                           draw the service's network paths, broken ones marked
  ecs-studio --help | --version

doctor:
  --cluster C         the cluster's name or ARN
  --service S         the service's name or ARN
  --profile P         an AWS profile (default: the SDK's credential chain, AWS_PROFILE)
  --region R          default: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region
  --endpoint-url URL  send every AWS call there (an emulator); default: AWS_ENDPOINT_URL
  --timeout SECONDS   each AWS request's limit, connecting included (1-600, default 30)
  --json              one JSON document on stdout instead of text (the same as --format json)
  --format F          text (default), json, or sarif: a SARIF 2.1.0 log on stdout for code
                      scanning (GitHub, other CI), one result per finding and per stopped task;
                      not with --fix
  --workspace DIR     with --format sarif: where to look for a task definition JSON, CloudFormation,
                      CDK-synthesized or Terraform file naming the service's task definition family,
                      containers or service, so results point at that line (default: the current
                      directory; node_modules, .git and dist are skipped)
  --fix               print the fix plan, then apply it; re-check and print the result
  --yes               apply without asking (required with --fix when stdin is not a terminal)
  --remedy NAME       where one cause has several ways out, take NAME instead of the preselected
                      one (the plan and --fix use it): publicIp (give the tasks a public IP),
                      natGateway (route the task subnets through a new NAT gateway) or
                      vpcEndpoints (create the VPC endpoints). The report lists the ways each
                      finding offers, with their running cost; a name it does not offer is an
                      error (exit 2) and nothing is changed.

mcp: a Model Context Protocol server on stdin/stdout (JSON-RPC only on stdout; messages on
stderr) with three read-only tools: diagnose_service, explain_stop_reason, list_failing_services.
It takes --profile, --region, --endpoint-url and --timeout as doctor does, and runs until stdin closes.

map (the doctor's connection options, as above):
  --format F          mermaid (default: Mermaid flowchart text, for a pull request or a README)
                      or svg (an SVG picture)
  --output FILE       write the map to FILE instead of stdout

Exit codes: 0 no error finding, 1 some error finding, 2 usage or AWS error (or a fix that failed).
map: 0 once drawn (broken paths are drawn, not failed), 2 usage or AWS error.`;

/** What `doctor` prints on stdout: text for people, the JSON document, or a SARIF log. */
export type OutputFormat = 'text' | 'json' | 'sarif';

const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

export type CliCommand =
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | { readonly command: 'explain'; readonly json: boolean; readonly fromStdin: boolean; readonly text: string }
  | {
    readonly command: 'doctor';
    readonly cluster: string;
    readonly service: string;
    readonly profile?: string;
    readonly region?: string;
    readonly endpointUrl?: string;
    /** Each request's limit in seconds (--timeout). */
    readonly timeoutSeconds?: number;
    readonly json: boolean;
    readonly fix: boolean;
    readonly yes: boolean;
    readonly remedy?: AlternativeName;
    /** `json` is true exactly when this is 'json'. */
    readonly format: OutputFormat;
    /** --workspace, with --format sarif: where files naming the service's resources are searched. */
    readonly workspace?: string;
  }
  | {
    readonly command: 'mcp';
    readonly profile?: string;
    readonly region?: string;
    readonly endpointUrl?: string;
    readonly timeoutSeconds?: number;
  }
  | {
    readonly command: 'map';
    readonly cluster: string;
    readonly service: string;
    readonly profile?: string;
    readonly region?: string;
    readonly endpointUrl?: string;
    readonly timeoutSeconds?: number;
    readonly format: 'mermaid' | 'svg';
    readonly output?: string;
  };

export type ParsedArgs = CliCommand | { readonly command: 'usageError'; readonly message: string };

function usageError(message: string): ParsedArgs {
  return { command: 'usageError', message };
}

/**
 * parseArgs' own errors, shortened to one line: "Unknown option '--x'" and the like. Node puts
 * some on several lines ("... is ambiguous.\nDid you forget ...?\nTo specify ..."): the lines
 * are joined and the "To specify" advice is dropped.
 */
function parseMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split(/\.?\s*To specify/)[0].split(/\s*\n\s*/).join(' ');
}

/** The options every command that reaches AWS takes, as doctor does. */
const CONNECTION_OPTIONS = {
  profile: { type: 'string' },
  region: { type: 'string' },
  'endpoint-url': { type: 'string' },
  timeout: { type: 'string' },
} as const;

interface ConnectionFields {
  readonly profile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
  readonly timeoutSeconds?: number;
}

/** The connection options as a command holds them, or the usage error of a bad --timeout (1-600 seconds). */
function connectionFields(values: { profile?: string; region?: string; 'endpoint-url'?: string; timeout?: string }): ConnectionFields | { readonly error: string } {
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout >= 1 && timeout <= 600)) {
    return { error: `--timeout takes seconds from 1 to 600, not '${values.timeout}'.` };
  }
  return {
    ...(values.profile ? { profile: values.profile } : {}),
    ...(values.region ? { region: values.region } : {}),
    ...(values['endpoint-url'] ? { endpointUrl: values['endpoint-url'] } : {}),
    ...(timeout !== undefined ? { timeoutSeconds: timeout } : {}),
  };
}

/** `mcp [--profile P] [--region R] [--endpoint-url URL] [--timeout SECONDS]`: the connection, as doctor takes it. */
function parseMcpArgs(rest: readonly string[]): ParsedArgs {
  const { values } = parseArgs({
    args: [...rest],
    options: { ...CONNECTION_OPTIONS, help: { type: 'boolean', short: 'h', default: false } },
    allowPositionals: false,
    strict: true,
  });
  if (values.help) return { command: 'help' };
  const connection = connectionFields(values);
  if ('error' in connection) return usageError(connection.error);
  return { command: 'mcp', ...connection };
}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { command: 'help' };
  if (first === '--version' || first === '-v') return { command: 'version' };
  try {
    if (first === 'explain') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
        allowPositionals: true,
        strict: true,
      });
      if (values.help) return { command: 'help' };
      if (positionals.length === 0) return usageError('explain needs a message, or - to read messages from stdin.');
      const fromStdin = positionals.length === 1 && positionals[0] === '-';
      return { command: 'explain', json: values.json ?? false, fromStdin, text: fromStdin ? '' : positionals.join(' ') };
    }
    if (first === 'doctor') {
      const { values, positionals } = parseArgs({
        args: [...rest],
        options: {
          cluster: { type: 'string' },
          service: { type: 'string' },
          ...CONNECTION_OPTIONS,
          json: { type: 'boolean', default: false },
          fix: { type: 'boolean', default: false },
          yes: { type: 'boolean', short: 'y', default: false },
          remedy: { type: 'string' },
          format: { type: 'string' },
          workspace: { type: 'string' },
          help: { type: 'boolean', short: 'h', default: false },
        },
        allowPositionals: false,
        strict: true,
      });
      if (values.help) return { command: 'help' };
      void positionals;
      const missing = (['cluster', 'service'] as const).filter((k) => !values[k]);
      if (missing.length > 0) return usageError(`doctor needs ${missing.map((k) => `--${k}`).join(' and ')}.`);
      if (values.yes && !values.fix) return usageError('--yes only goes with --fix.');
      if (values.remedy !== undefined && !isAlternativeName(values.remedy)) {
        return usageError(`Unknown remedy '${values.remedy}': --remedy takes ${ALTERNATIVE_NAMES.join(', ')}.`);
      }
      if (values.format !== undefined && !isOutputFormat(values.format)) {
        return usageError(`Unknown format '${values.format}': --format takes ${OUTPUT_FORMATS.join(', ')}.`);
      }
      const format: OutputFormat = values.format !== undefined && isOutputFormat(values.format) ? values.format : values.json ? 'json' : 'text';
      if (values.json && format !== 'json') return usageError(`--json is --format json; it does not go with --format ${format}.`);
      if (format === 'sarif' && values.fix) return usageError('--format sarif reports what the doctor finds; it does not go with --fix.');
      if (values.workspace !== undefined && format !== 'sarif') return usageError('--workspace only goes with --format sarif.');
      if (values.workspace === '') return usageError('--workspace needs a folder.');
      const connection = connectionFields(values);
      if ('error' in connection) return usageError(connection.error);
      return {
        command: 'doctor',
        cluster: values.cluster ?? '',
        service: values.service ?? '',
        ...connection,
        json: format === 'json',
        fix: values.fix ?? false,
        yes: values.yes ?? false,
        ...(values.remedy !== undefined && isAlternativeName(values.remedy) ? { remedy: values.remedy } : {}),
        format,
        ...(values.workspace !== undefined ? { workspace: values.workspace } : {}),
      };
    }
    if (first === 'mcp') return parseMcpArgs(rest);
    if (first === 'map') return parseMapArgs(rest);
  } catch (err) {
    return usageError(parseMessage(err));
  }
  return usageError(`Unknown command '${first}'.`);
}

/** `map`: the doctor's service and connection options, the format and the output file. parseArgs' errors are thrown to the caller. */
function parseMapArgs(rest: readonly string[]): ParsedArgs {
  const { values } = parseArgs({
    args: [...rest],
    options: {
      cluster: { type: 'string' },
      service: { type: 'string' },
      ...CONNECTION_OPTIONS,
      format: { type: 'string', default: 'mermaid' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
    strict: true,
  });
  if (values.help) return { command: 'help' };
  const missing = (['cluster', 'service'] as const).filter((k) => !values[k]);
  if (missing.length > 0) return usageError(`map needs ${missing.map((k) => `--${k}`).join(' and ')}.`);
  const format = values.format;
  if (format !== 'mermaid' && format !== 'svg') return usageError(`--format takes mermaid or svg, not '${format}'.`);
  const connection = connectionFields(values);
  if ('error' in connection) return usageError(connection.error);
  if (values.output === '') return usageError('--output needs a file name.');
  return {
    command: 'map',
    cluster: values.cluster ?? '',
    service: values.service ?? '',
    ...connection,
    format,
    ...(values.output ? { output: values.output } : {}),
  };
}
