/**
 * Profiles from the shared config and credentials files (~/.aws/config, ~/.aws/credentials,
 * or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), read with the SDK's own INI loader.
 */
import { loadSharedConfigFiles } from '@smithy/core/config';

export type ProfileKind = 'sso' | 'keys' | 'role' | 'process' | 'web-identity' | 'config';

export interface ProfileSummary {
  readonly name: string;
  readonly kind: ProfileKind;
  /** The region the profile's config names, if any. */
  readonly region: string | undefined;
}

type Section = Record<string, string | undefined>;

function kindOf(config: Section, credentials: Section): ProfileKind {
  if (config.sso_session || config.sso_start_url) return 'sso';
  if (config.role_arn) return config.web_identity_token_file ? 'web-identity' : 'role';
  if (config.credential_process || credentials.credential_process) return 'process';
  if (credentials.aws_access_key_id || config.aws_access_key_id) return 'keys';
  return 'config';
}

/** Every profile named in either file, sorted with "default" first. Never returns secrets. */
export async function listProfiles(): Promise<ProfileSummary[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set<string>();
  for (const name of [...Object.keys(configFile), ...Object.keys(credentialsFile)]) {
    // sso-session and services sections come back as "sso-session.NAME"; they are not profiles.
    if (!name.includes('.')) names.add(name);
  }
  return [...names]
    .map((name): ProfileSummary => {
      const config = (configFile[name] ?? {}) as Section;
      const credentials = (credentialsFile[name] ?? {}) as Section;
      return { name, kind: kindOf(config, credentials), region: config.region ?? credentials.region };
    })
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

/** The region a profile's config names (undefined when it names none or does not exist). */
export async function profileRegion(profile: string): Promise<string | undefined> {
  const profiles = await listProfiles();
  return profiles.find((p) => p.name === profile)?.region;
}
