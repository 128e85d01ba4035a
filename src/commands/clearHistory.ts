import * as vscode from 'vscode';
import { countHistory } from '../doctor/failureHistory';
import { plural } from '../util/wording';
import type { CommandContext } from './commandContext';

/**
 * "ECS Studio: Clear Remembered Failures" (palette, the Problems view's title menu): forgets every
 * failed task ECS Studio remembers, after a confirmation that says how many entries, of how many
 * services, accounts and regions, go away. The tasks ECS still returns stay listed.
 */
export async function clearHistory(ctx: CommandContext): Promise<void> {
  await ctx.history.load();
  const counts = countHistory(ctx.history.all());
  const input = ctx.userInput.input;
  if (counts.entries === 0) {
    await input.inform(vscode.l10n.t('ECS Studio remembers no failed task: nothing to clear.'), { modal: false });
    return;
  }
  const forget = vscode.l10n.t('Forget');
  const message = vscode.l10n.t('Forget {0} of {1} in {2} and {3}?',
    plural(counts.entries, 'remembered failure'), plural(counts.services, 'service'),
    plural(counts.accounts, 'account'), plural(counts.regions, 'region'));
  const detail = vscode.l10n.t('ECS Studio remembers failed tasks after ECS stops returning them (about an hour after they stop). This clears all of them, in every account and region. Tasks ECS still returns stay listed.');
  if (await input.confirm(message, { modal: true, detail }, forget) !== forget) return;
  const gone = await ctx.history.clear();
  ctx.log.info(`Remembered failures: cleared ${gone}.`);
}
