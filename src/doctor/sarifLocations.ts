// Where a workspace names the resources of a diagnosed service: the line of a task definition
// JSON, a CloudFormation or CDK-synthesized template (JSON or YAML) or a Terraform file that
// names the task definition family, a container or the service. The SARIF report points its
// results there (a physical location), so code scanning can show them next to the code that
// made the service. Reading the files is the caller's (src/cli/workspaceFiles.ts); this module
// only matches text to lines.
//
// Pure module: no vscode, no AWS SDK.

/** What a line can name. */
export type NamedKind = 'taskDefinitionFamily' | 'containerName' | 'serviceName';

export interface NamedResource {
  readonly kind: NamedKind;
  readonly name: string;
}

/** A file of the workspace: its path relative to the workspace, with `/` separators. */
export interface WorkspaceFile {
  readonly path: string;
  readonly text: string;
}

/** The line (1-based) of `uri` that names `name` as a `kind`. */
export interface SourceMatch {
  readonly uri: string;
  readonly line: number;
  readonly kind: NamedKind;
  readonly name: string;
}

/** The file names that may hold a task definition or infrastructure: JSON, YAML, CloudFormation templates, Terraform. */
export function isInfrastructureFileName(fileName: string): boolean {
  return /\.(json|ya?ml|template|tf)$/i.test(fileName);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `key: value`, `"key": "value"` or `key = "value"` on one line, the key one of `keys` and the
 * value exactly `name` (names are case-sensitive in ECS), quoted or not.
 */
function keyValuePattern(keys: readonly string[], name: string): RegExp {
  return new RegExp(`(?:^|[\\s{,])["']?(?:${keys.join('|')})["']?\\s*[:=]\\s*(["']?)${escapeRegExp(name)}\\1\\s*(?:[,}\\]#]|$)`);
}

const FAMILY_KEYS = ['family', 'Family'];
const SERVICE_KEYS = ['serviceName', 'ServiceName', 'service_name'];
const NAME_KEYS = ['name', 'Name'];
/** A line that opens the container definitions: JSON/CloudFormation `containerDefinitions`, Terraform `container_definitions`. */
const CONTAINER_DEFINITIONS = /container_?definitions/i;
/** A Terraform block; `resource "aws_ecs_service"` names the service with `name = "..."`. */
const TF_RESOURCE = /^\s*resource\s+"([^"]+)"/;

/**
 * The first line of `file` that names each of `targets`: a family by its `family` key, a service
 * by `serviceName` (or `name` inside a Terraform `aws_ecs_service` block), a container by `name`
 * after the container definitions begin. At most one match per target; in line order.
 */
export function findNamingLines(file: WorkspaceFile, targets: readonly NamedResource[]): SourceMatch[] {
  const wanted = targets.filter((t) => t.name !== '' && file.text.includes(t.name));
  if (wanted.length === 0) return [];
  const isTerraform = /\.tf$/i.test(file.path);
  const patterns = wanted.map((t) => ({
    target: t,
    keyed: keyValuePattern(t.kind === 'taskDefinitionFamily' ? FAMILY_KEYS : t.kind === 'serviceName' ? SERVICE_KEYS : NAME_KEYS, t.name),
    named: keyValuePattern(NAME_KEYS, t.name),
  }));
  const found = new Map<NamedResource, SourceMatch>();
  let inContainerDefinitions = false;
  let tfResource: string | undefined;
  for (const [i, line] of file.text.split(/\r?\n/).entries()) {
    const resource = isTerraform ? TF_RESOURCE.exec(line) : null;
    if (resource) {
      tfResource = resource[1];
      inContainerDefinitions = false;
    }
    if (CONTAINER_DEFINITIONS.test(line)) inContainerDefinitions = true;
    for (const { target, keyed, named } of patterns) {
      if (found.has(target)) continue;
      const hit = target.kind === 'containerName'
        ? inContainerDefinitions && keyed.test(line)
        : keyed.test(line) || (target.kind === 'serviceName' && tfResource === 'aws_ecs_service' && named.test(line));
      if (hit) found.set(target, { uri: file.path, line: i + 1, kind: target.kind, name: target.name });
    }
  }
  // Found line by line: already in line order.
  return [...found.values()];
}

/**
 * The first match, over the files in the order given, for each target: what `preferredMatch`
 * chooses from. A file that names nothing adds nothing.
 */
export function findInWorkspace(files: readonly WorkspaceFile[], targets: readonly NamedResource[]): SourceMatch[] {
  const result: SourceMatch[] = [];
  const open = new Set(targets.map((t) => `${t.kind}\n${t.name}`));
  for (const file of files) {
    const still = targets.filter((t) => open.has(`${t.kind}\n${t.name}`));
    for (const match of findNamingLines(file, still)) {
      open.delete(`${match.kind}\n${match.name}`);
      result.push(match);
    }
  }
  return result;
}

/**
 * The match of the first kind in `order` that has one (a container counts only when it is
 * `containerName`, the one the result is about); undefined when the workspace names none.
 */
export function preferredMatch(matches: readonly SourceMatch[], order: readonly NamedKind[], containerName?: string): SourceMatch | undefined {
  for (const kind of order) {
    const match = matches.find((m) => m.kind === kind && (kind !== 'containerName' || m.name === containerName));
    if (match) return match;
  }
  return undefined;
}
