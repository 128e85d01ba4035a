/**
 * "ECS Studio: Sign In to AWS (SSO)": opens a terminal running `aws sso login --profile P` for
 * the profile in use. The AWS CLI runs as the terminal's process (no shell), so a profile name
 * is an argument, never shell text; the CLI asks in the browser, and no credential passes here.
 * A profile that is not SSO changes nothing: the message says what to do instead.
 */
import * as vscode from 'vscode';
import { loadAws } from '../awsModule';
import { effectiveProfileName } from '../model/connection';
import type { CommandContext } from './commandContext';

/** The terminal's name and the AWS CLI's arguments for signing `profile` in. */
export function signInTerminalOptions(profile: string): vscode.TerminalOptions {
  return {
    name: vscode.l10n.t('AWS sign-in ({0})', profile),
    shellPath: 'aws',
    shellArgs: ['sso', 'login', '--profile', profile],
  };
}

export async function signIn(ctx: CommandContext): Promise<void> {
  const profile = effectiveProfileName({ profile: ctx.connections.profile });
  const summary = (await loadAws().listProfiles()).find((p) => p.name === profile);
  if (summary?.kind !== 'sso') {
    const what = summary
      ? vscode.l10n.t('Profile "{0}" does not sign in with IAM Identity Center (SSO). Refresh its credentials (e.g. new access keys, or the source of its role), or choose another profile with "ECS Studio: Select AWS Profile".', profile)
      : vscode.l10n.t('Profile "{0}" is not in your AWS config file. Set it up with `aws configure sso`, or choose another profile with "ECS Studio: Select AWS Profile".', profile);
    ctx.log.info(`signIn: ${profile} is not an SSO profile; nothing opened`);
    await ctx.userInput.input.inform(what, { modal: false });
    return;
  }
  const terminal = vscode.window.createTerminal(signInTerminalOptions(profile));
  terminal.show();
  ctx.log.info(`signIn: opened a terminal running aws sso login --profile ${profile}`);
}
