// The report's section of a service's remembered failures: the failed tasks ECS no longer returns,
// as ECS Studio saw them (failureHistory.ts). It follows the rest of the report, so the lines of
// the report's problems stay where they are; a remembered failure is listed, never a problem
// (the Problems panel shows what is wrong now, and a remembered failure has no quick fix).
//
// Pure module: no vscode, no AWS SDK.

import { ago } from '../model/labels';
import { rememberedTaskId, type RememberedFailure } from './failureHistory';

function time(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z/, 'Z');
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]\s*/g, ' ');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

/**
 * A remembered failure's tooltip, in Markdown: that ECS no longer returns it, the task and its
 * task definition, when it stopped and was seen, the stop code and reason, the containers, the
 * code and the findings that explained it. Texts from AWS are escaped or fenced.
 */
export function rememberedTooltip(f: RememberedFailure): string {
  const parts = [
    `$(history) **Remembered failure** — ECS no longer returns this task (it keeps stopped tasks for about an hour); ECS Studio remembers what it saw.`,
    `**Task ${rememberedTaskId(f)}**`,
    ...(f.taskDefinition ? [`Task definition: \`${f.taskDefinition}\``] : []),
    ...(f.stoppedAt ? [`Stopped at ${time(f.stoppedAt)}`] : []),
    `First seen ${time(f.firstSeen)} · last seen ${time(f.lastSeen)}`,
    ...(f.stopCode ? [`Stop code: ${escapeMarkdown(f.stopCode)}`] : []),
    ...(f.stoppedReason ? ['```text\n' + f.stoppedReason.replace(/```/g, "'''") + '\n```'] : []),
    ...f.containers.map((c) => escapeMarkdown(`${c.name}${c.exitCode !== undefined ? ` · exit ${c.exitCode}` : ''}${c.reason ? ` · ${c.reason}` : ''}`)),
    `**${f.code}**: ${escapeMarkdown(f.title)}`,
    ...(f.findings.length > 0 ? [`Explained by:\n\n${f.findings.map((x) => `- **${x.code}**: ${escapeMarkdown(x.title)}`).join('\n')}`] : []),
  ];
  return parts.join('\n\n');
}

/** The section's text (empty when nothing is remembered), starting with a blank line. */
export function rememberedSection(remembered: readonly RememberedFailure[], now: Date): string {
  if (remembered.length === 0) return '';
  const out = [
    '',
    `## Remembered failures (${remembered.length}): failed tasks ECS no longer returns, as ECS Studio saw them`,
  ];
  for (const f of remembered) {
    const when = f.stoppedAt ? `stopped ${time(f.stoppedAt)} (${ago(new Date(f.stoppedAt), now)})` : `seen ${time(f.lastSeen)} (${ago(new Date(f.lastSeen), now)})`;
    out.push(`task ${rememberedTaskId(f)} · ${when} · remembered${f.stopCode ? ` · ${f.stopCode}` : ''}${f.taskDefinition ? ` · ${f.taskDefinition}` : ''}`);
    if (f.stoppedReason) out.push(`  ${oneLine(f.stoppedReason)}`);
    out.push(`  → ${f.code}: ${f.title}`);
    if (f.findings.length > 0) out.push(`    Explained then by: ${f.findings.map((x) => `${x.code} (${oneLine(x.title)})`).join('; ')}`);
    for (const c of f.containers) {
      out.push(`    Container ${c.name}${c.exitCode !== undefined ? ` · exit ${c.exitCode}` : ''}${c.reason ? ` · ${oneLine(c.reason)}` : ''}`);
    }
    out.push(`    First seen ${time(f.firstSeen)}, last seen ${time(f.lastSeen)}.`);
  }
  return out.join('\n') + '\n';
}
