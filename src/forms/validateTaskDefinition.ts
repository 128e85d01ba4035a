// Validation of a task definition, shared by the form (as a person types), the JSON editor
// path and the tests. Each input is read into the common TaskSpec shape (readTaskDefinitionForm.ts,
// readRegisterRequestJson.ts), which reports what can't even be read (a port that isn't a number,
// a JSON syntax error, a field of the wrong type); taskDefinitionRules.ts then checks the rules
// on it. Errors block registering; warnings don't.

import type { RegisterTaskDefinitionRequest } from '../model/ecsRequest';
import { formatPath } from '../util/wording';
import { requestNode } from './describedOutput';
import { locate, parseJsonWithLocations, positionsIn, toValue } from './jsonLocator';
import { readRegisterRequest, TYPE_NAMES } from './readRegisterRequestJson';
import { readTaskDefinitionForm } from './readTaskDefinitionForm';
import { checkSpec } from './taskDefinitionRules';
import type { TaskDefinitionForm } from './taskDefinitionFormModel';
import type { TaskDefinitionFacts } from './taskSpec';
import { Report, finish } from './validationIssues';
import type { Issue, RawIssue, ValidationResult } from './validationIssues';

export { operatingSystemLabel } from './taskPlatformRules';
export type { ExecutionRoleFacts, ImagePlatform, TaskDefinitionFacts } from './taskSpec';
export type { Issue, ValidationResult } from './validationIssues';

/** Validates the form as it stands; run it on every keystroke, show each issue next to its `path`. */
export function validateTaskDefinitionForm(form: TaskDefinitionForm, facts: TaskDefinitionFacts = {}): ValidationResult {
  const report = new Report();
  const spec = readTaskDefinitionForm(form, report);
  checkSpec(spec, facts, report);
  return finish(report, formatPath);
}

export interface JsonIssue extends Issue {
  /** Offset of the text to underline (UTF-16 code units). */
  offset: number;
  length: number;
  /** 1-based line and column of `offset`, as editors show them. */
  line: number;
  column: number;
}

export interface JsonValidationResult {
  errors: JsonIssue[];
  warnings: JsonIssue[];
  /** What was done to the document to make it a request (describe output unwrapped, fields left out): at most one. */
  notes: JsonIssue[];
  /**
   * The request to send, when there are no errors: the parsed JSON (describe output's
   * taskDefinition, with its tags) without the fields that only describe an existing
   * registration (taskDefinitionArn, revision, status...).
   */
  request?: RegisterTaskDefinitionRequest & Record<string, unknown>;
}

/**
 * Validates a RegisterTaskDefinition request typed as JSON (the JSON editor path): syntax first,
 * with the line and column of the first syntax error, then the same rules as the form. Every
 * issue carries its JSON path (from the request: inside describe output's taskDefinition) and
 * where it sits in the text.
 */
export function validateRegisterRequestJson(text: string, facts: TaskDefinitionFacts = {}): JsonValidationResult {
  const parsed = parseJsonWithLocations(text);
  if (!parsed.ok) {
    const e = parsed.error;
    return {
      errors: [{ path: '', code: 'JSON_SYNTAX', message: e.message, offset: e.offset, length: e.length, line: e.line, column: e.column }],
      warnings: [],
      notes: [],
    };
  }
  const { node: root, dropped, note } = requestNode(parsed.root);
  const report = new Report();
  if (root.type !== 'object') {
    report.error([], 'JSON_NOT_OBJECT', `The request must be a JSON object ({ "family": ..., "containerDefinitions": [...] }), not ${TYPE_NAMES[root.type]}.`);
  } else {
    const spec = readRegisterRequest(root, report);
    checkSpec(spec, facts, report);
  }
  // The first raw issue behind each worded one, and the positions, each found once: a search per
  // issue made a text with thousands of issues quadratic.
  const sources = new Map<string, RawIssue>();
  for (const r of report.issues) {
    const key = `${formatPath(r.path)}|${r.code}|${r.message}`;
    if (!sources.has(key)) sources.set(key, r);
  }
  const position = positionsIn(text);
  const located = (issues: Issue[]): JsonIssue[] => issues.map((issue) => {
    const source = sources.get(`${issue.path}|${issue.code}|${issue.message}`);
    const range = locate(root, source?.path ?? [], source?.onKey ?? false);
    return { ...issue, ...range, ...position(range.offset) };
  });
  const result = finish(report, formatPath);
  const notes: JsonIssue[] = [];
  if (note) {
    const range = locate(parsed.root, note.path, note.onKey);
    notes.push({ path: formatPath(note.path), code: 'DESCRIBED_OUTPUT', message: note.message, ...range, ...position(range.offset) });
  }
  const out: JsonValidationResult = {
    errors: located(result.errors),
    warnings: located(result.warnings),
    notes,
  };
  if (out.errors.length === 0) {
    const value = toValue(root) as Record<string, unknown>;
    for (const key of dropped) delete value[key];
    out.request = value as RegisterTaskDefinitionRequest & Record<string, unknown>;
  }
  return out;
}
