// Reading a container's logConfiguration from a RegisterTaskDefinition request typed as JSON: the
// driver, its options (text only; awslogs-create-group "true" or "false") and its secretOptions,
// which ECS fetches like the container's secrets.
// Pure module: no vscode, no AWS SDK.

import { AWSLOGS_CREATE_GROUP, AWSLOGS_GROUP, AWSLOGS_REGION, AWSLOGS_STREAM_PREFIX } from '../model/ecsRequest';
import { quote } from '../util/wording';
import { asText } from './jsonFieldReader';
import type { JsonFieldReader } from './jsonFieldReader';
import { propertyOf } from './jsonLocator';
import type { JsonNode } from './jsonLocator';
import { field } from './taskSpec';
import type { Field, LogSpec } from './taskSpec';
import type { Segs } from './validationIssues';

const LOG_FIELDS = new Set(['logDriver', 'options', 'secretOptions']);

/** The container's logConfiguration, when it has one. */
export function readLogConfiguration(reader: JsonFieldReader, container: JsonNode, path: Segs): LogSpec | undefined {
  const { report } = reader;
  const lc = reader.object(container, 'logConfiguration', path, '{ "logDriver": "awslogs", "options": { ... } }');
  if (!lc) return undefined;
  const lp = [...path, 'logConfiguration'];
  reader.checkKeys(lc, lp, LOG_FIELDS, 'a log configuration');
  const options = reader.object(lc, 'options', lp, '{ "awslogs-group": "/ecs/my-task" }');
  const op = [...lp, 'options'];
  const written: LogSpec['options'] = [];
  if (options && options.type === 'object') {
    for (const o of options.properties) {
      if (o.value.type !== 'string' && o.value.type !== 'null') {
        report.error([...op, o.key], 'JSON_TYPE', `Log options are text: write ${asText(o.value)}, in double quotes.`);
      }
      written.push({ key: o.key, value: o.value.type === 'string' ? o.value.value : undefined, path: [...op, o.key] });
    }
  }
  // Non-text options were reported just above: read the ones the rules need without repeating that.
  const option = (key: string): Field<string> => {
    const value = propertyOf(options, key)?.value;
    if (!value || value.type === 'null') return field<string>(undefined, [...op, key]);
    if (value.type === 'string') return field(value.value, [...op, key]);
    return { value: undefined, path: [...op, key], unreadable: true };
  };
  const createGroup = option(AWSLOGS_CREATE_GROUP);
  let createGroupValue: boolean | undefined;
  if (createGroup.value !== undefined) {
    // Docker reads it with Go's strconv.ParseBool: "True", "1" and "t" count too.
    if (['true', 'True', 'TRUE', '1', 't', 'T'].includes(createGroup.value)) createGroupValue = true;
    else if (['false', 'False', 'FALSE', '0', 'f', 'F'].includes(createGroup.value)) createGroupValue = false;
    else report.error(createGroup.path, 'LOG_CREATE_GROUP_INVALID', `awslogs-create-group is "true" or "false", not ${quote(createGroup.value)}.`);
  }
  return {
    path: lp,
    driver: reader.string(lc, 'logDriver', lp, '"awslogs"'),
    group: option(AWSLOGS_GROUP),
    groupDefaulted: false,
    region: option(AWSLOGS_REGION),
    streamPrefix: option(AWSLOGS_STREAM_PREFIX),
    createGroup: { value: createGroupValue, path: createGroup.path, unreadable: createGroup.unreadable },
    options: written,
    secretOptions: reader.secretList(lc, 'secretOptions', lp),
  };
}
