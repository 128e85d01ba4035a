import * as vscode from 'vscode';
import { consoleUrl } from '../model/consoleUrls';
import { parseResourceArn } from '../model/resources';
import { resourceOf } from '../tree/resourceNode';
import type { CommandContext } from './commandContext';
import { serviceTarget } from './itemSupport';

/**
 * Opens a resource's page in the AWS console, in its own region (from its ARN). From the
 * palette: a service, asked for.
 */
export async function openInConsole(ctx: CommandContext, node?: unknown): Promise<void> {
  const ref = node === undefined ? await pickService(ctx) : resourceOf(node);
  if (!ref) {
    if (node !== undefined) void vscode.window.showWarningMessage(vscode.l10n.t('This item has no page in the AWS console.'));
    return;
  }
  const url = consoleUrl(ref);
  ctx.log.info(`Opening ${url}`);
  await vscode.env.openExternal(vscode.Uri.parse(url, true));
}

async function pickService(ctx: CommandContext) {
  const target = await serviceTarget(ctx, undefined);
  return target ? parseResourceArn(target.service.arn, target.service.clusterArn) : undefined;
}
