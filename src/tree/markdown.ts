/** Text helpers for the nodes' Markdown tooltips. No vscode import. */

/** Escapes the characters Markdown would read as formatting (a name with `_` or `*` shows as typed). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
