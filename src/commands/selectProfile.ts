import * as vscode from 'vscode';
import { loadAws, type ProfileSummary } from '../awsModule';
import type { CommandContext } from './commandContext';
import { walkthroughStepDone } from '../ui/walkthrough';

const KIND_LABELS: Record<ProfileSummary['kind'], string> = {
  sso: 'IAM Identity Center (SSO)',
  keys: 'access keys',
  role: 'assumed role',
  process: 'credential process',
  'web-identity': 'web identity',
  config: 'config only',
};

interface ProfileItem extends vscode.QuickPickItem {
  readonly profile: string | undefined;
}

/** "ECS Studio: Select AWS Profile": profiles from the shared files, plus the default chain. */
export async function selectProfile(ctx: CommandContext): Promise<void> {
  const profiles = await loadAws().listProfiles();
  const current = ctx.connections.profile;
  const items: ProfileItem[] = [
    {
      label: vscode.l10n.t('Default credential chain'),
      description: vscode.l10n.t('environment variables, AWS_PROFILE, or "default"'),
      profile: undefined,
      picked: current === undefined,
    },
    ...profiles.map((p): ProfileItem => ({
      label: p.name,
      description: [vscode.l10n.t(KIND_LABELS[p.kind]), p.region].filter(Boolean).join(' · '),
      detail: p.name === current ? vscode.l10n.t('In use') : undefined,
      profile: p.name,
      picked: p.name === current,
    })),
  ];
  const choice = await ctx.userInput.input.pick(items, {
    title: vscode.l10n.t('Select AWS Profile'),
    placeHolder: profiles.length === 0 ? vscode.l10n.t('No profiles found in your AWS config or credentials file') : vscode.l10n.t('Profile for ECS Studio in this workspace'),
    matchOnDescription: true,
  });
  if (!choice) return;
  await ctx.connections.setProfile(choice.profile);
  walkthroughStepDone('connected');
  ctx.log.info(`Profile set to ${choice.profile ?? '(default chain)'}`);
}
