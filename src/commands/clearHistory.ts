import * as vscode from 'vscode';
import { loadAws } from '../awsModule';
import type { CommandContext } from './commandContext';

/**
 * "ECS Studio: Clear Remembered Failures" (palette, the Problems view's title menu): forgets every
 * failed task ECS Studio remembers, after a confirmation that says how many entries, of how many
 * services, accounts and regions, go away. The tasks ECS still returns stay listed.
 */
export async function clearHistory(ctx: CommandContext): Promise<void> {
  await ctx.history.file.load();
  const counts = ctx.history.file.counts();
  const input = ctx.userInput.input;
  if (counts.entries === 0) {
    await input.inform(vscode.l10n.t('ECS Studio remembers no failed task: nothing to clear.'), { modal: false });
    return;
  }
  const forget = vscode.l10n.t('Forget');
  const detail = vscode.l10n.t('ECS Studio remembers failed tasks after ECS stops returning them (about an hour after they stop). This clears all of them, in every account and region. Tasks ECS still returns stay listed.');
  if (await input.confirm(loadAws().clearQuestion(counts), { modal: true, detail }, forget) !== forget) return;
  ctx.log.info(`Remembered failures: cleared ${await ctx.history.clear()}.`);
}
