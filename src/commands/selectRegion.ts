import * as vscode from 'vscode';
import { KNOWN_REGIONS, isRegionName } from '../model/regions';
import type { CommandContext } from './commandContext';
import { walkthroughStepDone } from '../ui/walkthrough';

interface RegionItem extends vscode.QuickPickItem {
  readonly region: string | undefined;
}

const OTHER = '$other';

/** "ECS Studio: Select Region": the commercial regions, the current one first, or a typed name. */
export async function selectRegion(ctx: CommandContext): Promise<void> {
  const current = ctx.connections.knownRegion;
  const items: RegionItem[] = [
    ...KNOWN_REGIONS.map((r): RegionItem => ({
      label: r.id,
      description: r.name,
      region: r.id,
      ...(r.id === current ? { detail: vscode.l10n.t('In use') } : {}),
    })),
    { label: vscode.l10n.t('Other region…'), description: vscode.l10n.t('type a region name'), region: OTHER },
  ].sort((a, b) => Number(b.region === current) - Number(a.region === current));
  const choice = await ctx.userInput.input.pick(items, {
    title: vscode.l10n.t('Select Region'),
    placeHolder: vscode.l10n.t('Region for ECS Studio in this workspace'),
    matchOnDescription: true,
  });
  if (!choice) return;
  let region = choice.region;
  if (region === OTHER) {
    region = await ctx.userInput.input.text({
      title: vscode.l10n.t('Region name'),
      prompt: vscode.l10n.t('For example ap-northeast-2'),
      validateInput: (value) => (isRegionName(value.trim()) ? undefined : vscode.l10n.t('"{0}" is not a region name such as us-east-1.', value)),
    });
    region = region?.trim();
    if (!region || !isRegionName(region)) return;
  }
  await ctx.connections.setRegion(region);
  walkthroughStepDone('connected');
  ctx.log.info(`Region set to ${region}`);
}
