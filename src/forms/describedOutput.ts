// A task definition pasted from describe-task-definition (or the console's JSON tab) rather than
// written as a request: either the whole output, { "taskDefinition": {...}, "tags": [...] }, or
// the task definition alone. Either way it registers as a request: unwrapped (its tags kept),
// without the fields only a registered revision has (taskDefinitionArn, revision, status...),
// and with one note saying so.
// Pure module: no vscode, no AWS SDK.

import { DESCRIBED_ONLY_FIELDS } from '../model/ecsRequest';
import { listPhrase } from '../util/wording';
import { propertyOf } from './jsonLocator';
import type { JsonNode } from './jsonLocator';
import type { Segs } from './validationIssues';

export interface RequestNode {
  /** The request to read: the root itself, or the describe output's taskDefinition with its tags. */
  node: JsonNode;
  /** Top-level fields of the request left out of it. */
  dropped: string[];
  /** What was done, when anything was: one note for the whole document. */
  note?: { path: Segs; onKey: boolean; message: string };
}

/** The request inside `root`, and what was left out to get it. */
export function requestNode(root: JsonNode): RequestNode {
  const inner = propertyOf(root, 'taskDefinition')?.value;
  const wrapped = root.type === 'object' && inner?.type === 'object'
    && propertyOf(root, 'containerDefinitions') === undefined && propertyOf(root, 'family') === undefined;
  if (!wrapped || root.type !== 'object' || inner?.type !== 'object') {
    const dropped = described(root);
    return dropped.length === 0 ? { node: root, dropped } : {
      node: root,
      dropped,
      note: {
        path: [dropped[0]],
        onKey: true,
        message: `Left out of the request: ${listPhrase(dropped, 'and')} ${dropped.length === 1 ? 'describes' : 'describe'} a registered revision, not a new one.`,
      },
    };
  }
  // The output's tags sit beside the task definition: they register with it.
  const tags = propertyOf(root, 'tags');
  const node: JsonNode = propertyOf(inner, 'tags') || !tags ? inner : { ...inner, properties: [...inner.properties, tags] };
  const dropped = described(node);
  const others = root.properties.map((p) => p.key).filter((k) => k !== 'taskDefinition' && k !== 'tags');
  const keptTags = tags && node !== inner ? ' with its tags' : '';
  const left = [...dropped, ...others];
  return {
    node,
    dropped,
    note: {
      path: ['taskDefinition'],
      onKey: true,
      message: `This is describe-task-definition output: registering its taskDefinition${keptTags}${left.length > 0 ? `, without ${listPhrase(left, 'and')} (${left.length === 1 ? 'it describes' : 'they describe'} the registered revision)` : ''}.`,
    },
  };
}

function described(node: JsonNode): string[] {
  if (node.type !== 'object') return [];
  return [...new Set(node.properties.map((p) => p.key).filter((k) => DESCRIBED_ONLY_FIELDS.includes(k)))];
}
