import * as vscode from 'vscode';
import { isDescribable, parseResourceArn, resourceLabel } from '../model/resources';
import { resourceOf } from '../tree/resourceNode';
import type { CommandContext } from './commandContext';
import { serviceTarget, withChangeProgress } from './itemSupport';

/**
 * Shows a cluster, service, task or task definition as its describe call returns it, in a
 * read-only JSON document that "Refresh" (editor title) describes again. From the palette:
 * a service, asked for.
 */
export async function viewAsJson(ctx: CommandContext, node?: unknown): Promise<void> {
  let ref = node === undefined ? undefined : resourceOf(node);
  if (node === undefined) {
    const target = await serviceTarget(ctx, undefined);
    if (!target) return;
    ref = parseResourceArn(target.service.arn, target.service.clusterArn);
  }
  if (!ref || !isDescribable(ref)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('ECS Studio can show clusters, services, tasks and task definitions as JSON.'));
    return;
  }
  const uri = ctx.documents.resourceUri(ref.region, ref);
  await withChangeProgress(vscode.l10n.t('Describing {0}…', resourceLabel(ref)), (signal) => ctx.documents.loadResource(uri, signal));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
}
