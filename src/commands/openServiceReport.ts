import * as vscode from 'vscode';
import { reportUri } from '../problems/reportUri';
import { serviceKeyTarget } from './problemTargets';
import type { CommandContext } from './commandContext';

/** Opens a service's doctor report (checking it first when it was not checked yet). */
export async function openServiceReport(ctx: CommandContext, arg?: unknown): Promise<void> {
  const key = await serviceKeyTarget(ctx, arg);
  if (!key) return;
  await vscode.window.showTextDocument(reportUri(key), { preview: true });
}
