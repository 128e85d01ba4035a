// The doctor's codes as SARIF 2.1.0 rules (reportingDescriptor objects): one per code a doctor
// run can produce, the stopped-task diagnosis codes (codes.ts) then the analyzer's (analysisCodes.ts),
// each with its title, explanation, fix hints, documentation page and default level.
//
// Pure module: no vscode, no AWS SDK.

import { ANALYSIS_CODE_INFO, ANALYSIS_CODES } from './analysisCodes';
import type { DoctorCode } from './analysisCodes';
import { CODES, DIAGNOSIS_CODES, type Severity } from './codes';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifMessageString {
  readonly text: string;
  readonly markdown?: string;
}

export interface SarifRule {
  readonly id: DoctorCode;
  readonly name: string;
  readonly shortDescription: SarifMessageString;
  readonly fullDescription: SarifMessageString;
  readonly help: SarifMessageString;
  readonly helpUri: string;
  readonly defaultConfiguration: { readonly level: SarifLevel };
  readonly properties: { readonly tags: readonly string[] };
}

/** A doctor severity as a SARIF level: info is a note. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'info' ? 'note' : severity;
}

/** ECR_UNREACHABLE -> EcrUnreachable: SARIF's `name` is an identifier-like word. */
export function ruleName(code: string): string {
  return code.toLowerCase().split('_').map((w) => (w ? w[0].toUpperCase() + w.slice(1) : '')).join('');
}

const ANALYSIS_HOW =
  'ECS Studio\'s doctor finds this in the service\'s configuration as the account shows it now, with or without a stopped task. ' +
  'The result names the resources that show it and the changes that fix it.';

const ANALYSIS_FIX =
  'Run `ecs-studio doctor --cluster CLUSTER --service SERVICE --fix` to see the fix plan and apply it (it shows every change first ' +
  'and asks), or use the quick fix on the problem in VS Code.';

function diagnosisRule(code: (typeof DIAGNOSIS_CODES)[number]): SarifRule {
  const info = CODES[code];
  const fixes = info.fixes.map((f) => `- ${f}`);
  return {
    id: code,
    name: ruleName(code),
    shortDescription: { text: info.title },
    fullDescription: { text: info.explanation },
    help: {
      text: [info.explanation, '', 'Fixes:', ...fixes, '', `Documentation: ${info.docsUrl}`].join('\n'),
      markdown: [info.explanation, '', '**Fixes:**', '', ...fixes, '', `[Documentation](${info.docsUrl})`].join('\n'),
    },
    helpUri: info.docsUrl,
    defaultConfiguration: { level: sarifLevel(info.severity) },
    properties: { tags: ['ecs', 'stopped-task'] },
  };
}

function analysisRule(code: (typeof ANALYSIS_CODES)[number]): SarifRule {
  const info = ANALYSIS_CODE_INFO[code];
  return {
    id: code,
    name: ruleName(code),
    shortDescription: { text: info.title },
    fullDescription: { text: `${info.title}. ${ANALYSIS_HOW}` },
    help: {
      text: [`${info.title}. ${ANALYSIS_HOW}`, '', `Fix: ${ANALYSIS_FIX}`, '', `Documentation: ${info.docsUrl}`].join('\n'),
      markdown: [`${info.title}. ${ANALYSIS_HOW}`, '', `**Fix:** ${ANALYSIS_FIX}`, '', `[Documentation](${info.docsUrl})`].join('\n'),
    },
    helpUri: info.docsUrl,
    defaultConfiguration: { level: sarifLevel(info.severity) },
    properties: { tags: ['ecs', 'configuration'] },
  };
}

/** Every code a doctor run can produce, as rules, in a fixed order (a result's ruleIndex points here). */
export function doctorRules(): SarifRule[] {
  return [...DIAGNOSIS_CODES.map(diagnosisRule), ...ANALYSIS_CODES.map(analysisRule)];
}
