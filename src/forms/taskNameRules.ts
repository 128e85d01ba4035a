// Names and tags: the family and container names (ECS's letters, digits, - and _, up to 255) and
// the task definition's tags (AWS's tag limits and characters, no aws: prefix, no repeated key).

import { describeBadCharacters } from '../util/wording';
import { isBlank } from './taskSpec';
import type { Field, RuleContext } from './taskSpec';
import type { Report } from './validationIssues';

const NAME_CHAR = /[A-Za-z0-9_-]/;
/** A family or container name ECS accepts. */
export const NAME = /^[A-Za-z0-9_-]+$/;
const TAG_CHAR = /[\p{L}\p{Z}\p{N}_.:/=+\-@]/u;

export function checkName(report: Report, f: Field<string>, noun: string, codePrefix: string, required: string): void {
  const value = f.value;
  if (isBlank(value)) {
    if (!f.unreadable) report.error(f.path, `${codePrefix}_REQUIRED`, required);
    return;
  }
  const text = value as string;
  if (text.length > 255) {
    report.error(f.path, `${codePrefix}_TOO_LONG`, `The ${noun} is ${text.length} characters long: ECS allows up to 255.`);
  } else if (!NAME.test(text)) {
    report.error(f.path, `${codePrefix}_INVALID`, `The ${noun} can't contain ${describeBadCharacters(text, NAME_CHAR)}: use letters, digits, hyphens (-) and underscores (_).`);
  }
}

export function checkTags(ctx: RuleContext): void {
  const { spec, report } = ctx;
  const keys = new Set<string>();
  if (spec.tags.length > 50) {
    report.error(spec.tagsPath, 'TAGS_TOO_MANY', `There are ${spec.tags.length} tags: a task definition can have at most 50.`);
  }
  for (const t of spec.tags) {
    const key = t.key.value;
    if (isBlank(key)) {
      if (!t.key.unreadable) report.error(t.key.path, 'TAG_KEY_REQUIRED', 'Give this tag a key, or remove the row.');
    } else {
      const text = key as string;
      if ([...text].length > 128) {
        report.error(t.key.path, 'TAG_KEY_TOO_LONG', `The tag key is ${[...text].length} characters long: the limit is 128.`);
      } else if (/^aws:/i.test(text)) {
        report.error(t.key.path, 'TAG_RESERVED', 'Tag keys starting with aws: are reserved for AWS: choose another key.');
      } else if (![...text].every((ch) => TAG_CHAR.test(ch))) {
        report.error(t.key.path, 'TAG_KEY_INVALID', `A tag key can't contain ${describeBadCharacters(text, TAG_CHAR)}: use letters, digits, spaces and _ . : / = + - @.`);
      } else if (keys.has(text)) {
        report.error(t.key.path, 'TAG_KEY_DUPLICATE', `The tag ${text} is already set: each key can appear once.`);
      } else {
        keys.add(text);
      }
    }
    const value = t.value.value ?? '';
    if ([...value].length > 256) {
      report.error(t.value.path, 'TAG_VALUE_TOO_LONG', `The tag value is ${[...value].length} characters long: the limit is 256.`);
    } else if (/^aws:/i.test(value)) {
      report.error(t.value.path, 'TAG_RESERVED', 'Tag values starting with aws: are reserved for AWS.');
    } else if (![...value].every((ch) => TAG_CHAR.test(ch))) {
      report.error(t.value.path, 'TAG_VALUE_INVALID', `A tag value can't contain ${describeBadCharacters(value, TAG_CHAR)}: use letters, digits, spaces and _ . : / = + - @.`);
    }
  }
}
