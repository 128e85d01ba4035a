import * as vscode from 'vscode';
import { arnOf } from '../tree/resourceNode';
import type { CommandContext } from './commandContext';
import { pickClusterArn, serviceTarget } from './itemSupport';

/**
 * Copies the ARN of any node that has one (see resourceNode.ts). From the palette: a
 * cluster's or, when asked, one of its services' ARN.
 */
export async function copyArn(ctx: CommandContext, node?: unknown): Promise<void> {
  const arn = node === undefined ? await pickArn(ctx) : arnOf(node);
  if (!arn) {
    if (node !== undefined) void vscode.window.showWarningMessage(vscode.l10n.t('This item has no ARN.'));
    return;
  }
  await vscode.env.clipboard.writeText(arn);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', arn), 4000);
}

async function pickArn(ctx: CommandContext): Promise<string | undefined> {
  const which = await ctx.userInput.input.pick(
    [{ label: vscode.l10n.t('Cluster'), target: 'cluster' as const }, { label: vscode.l10n.t('Service'), target: 'service' as const }],
    { title: vscode.l10n.t('Copy ARN of') },
  );
  if (!which) return undefined;
  return which.target === 'cluster' ? pickClusterArn(ctx) : (await serviceTarget(ctx, undefined))?.service.arn;
}
