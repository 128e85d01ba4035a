import * as vscode from 'vscode';
import { withChangeProgress } from '../ui/progress';
import { loadAws } from '../awsModule';
import type { CommandContext } from './commandContext';
import { serviceTarget } from './itemSupport';

/**
 * "Open in Browser" on a service behind a load balancer: http://DNS:port of its load balancer's
 * listener (the AWS layer's loadBalancerUrl: the lowest HTTP/HTTPS listener port that forwards to it).
 */
export async function openInBrowser(ctx: CommandContext, arg?: unknown): Promise<void> {
  const target = await serviceTarget(ctx, arg);
  if (!target) return;
  const { service } = target;
  if (service.loadBalancers.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Service {0} is not behind a load balancer.', service.name));
    return;
  }
  const session = await ctx.aws.current();
  const found = await withChangeProgress(vscode.l10n.t('Finding the load balancer of {0}…', service.name), (signal) =>
    loadAws().loadBalancerUrl(session, service.arn, { signal }));
  const url = found?.url;
  if (!url) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No listener of the load balancer of {0} forwards to it.', service.name));
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url));
}
