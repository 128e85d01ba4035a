// What a container sees in its environment: the environment variables and the secrets (names a
// program can read, no repeats, a secret's source it can be fetched from), and, from what the
// caller knows, whether the execution role may fetch each secret and whether the task can reach
// the service that holds it (endpoints, another Region, another account).

import { parseSecretValueFrom } from '../model/arns';
import type { SecretSource } from '../model/arns';
import { describeBadCharacters } from '../util/wording';
import type { RoleAbilities } from './taskRoleRules';
import { isBlank } from './taskSpec';
import type { ContainerSpec, RuleContext, SecretSpec } from './taskSpec';

const ENV_NAME_BAD = /[=\s\0]/;

export function checkEnvironment(ctx: RuleContext, c: ContainerSpec): void {
  const { report } = ctx;
  const names = new Map<string, 'environment' | 'secret'>();
  for (const e of c.environment) {
    const name = e.name.value;
    if (isBlank(name)) {
      if (!e.name.unreadable) report.error(e.name.path, 'ENV_NAME_REQUIRED', 'Give this environment variable a name, or remove the row.');
      continue;
    }
    const text = name as string;
    if (ENV_NAME_BAD.test(text)) {
      report.error(e.name.path, 'ENV_NAME_INVALID', `An environment variable name can't contain ${describeBadCharacters(text, /[^=\s\0]/)}.`);
    } else if (names.has(text)) {
      report.error(e.name.path, 'ENV_NAME_DUPLICATE', `${text} is already set above: keep one of them.`);
    } else {
      names.set(text, 'environment');
    }
  }
  const seenSecrets = new Set<string>();
  for (const s of c.secrets) {
    const name = s.name.value;
    if (isBlank(name)) {
      if (!s.name.unreadable) report.error(s.name.path, 'SECRET_NAME_REQUIRED', 'Give this secret the environment variable name the container will see it as.');
    } else {
      const text = name as string;
      if (ENV_NAME_BAD.test(text)) {
        report.error(s.name.path, 'SECRET_NAME_INVALID', `A secret's name becomes an environment variable, so it can't contain ${describeBadCharacters(text, /[^=\s\0]/)}.`);
      } else if (seenSecrets.has(text)) {
        report.error(s.name.path, 'SECRET_NAME_DUPLICATE', `A secret named ${text} is already listed: secret names must be unique in a container.`);
      } else {
        seenSecrets.add(text);
        if (names.get(text) === 'environment') {
          report.warning(s.name.path, 'SECRET_SHADOWS_ENV', `${text} is both an environment variable and a secret: the container will see only one of them. Rename or remove one.`);
        }
      }
    }
    const from = s.valueFrom.value;
    if (from === undefined && s.valueFrom.unreadable) continue;
    const parsed = parseSecretValueFrom(from ?? '');
    if (!parsed.ok) report.error(s.valueFrom.path, parsed.code, parsed.message);
  }
}

function secretSources(c: ContainerSpec): Array<{ spec: SecretSpec; source: SecretSource }> {
  const out: Array<{ spec: SecretSpec; source: SecretSource }> = [];
  for (const s of c.secrets) {
    if (s.valueFrom.value === undefined) continue;
    const parsed = parseSecretValueFrom(s.valueFrom.value);
    if (parsed.ok) out.push({ spec: s, source: parsed.source });
  }
  return out;
}

/** Secrets: permissions, Region, account, and the network path they need. */
export function checkSecretAccess(ctx: RuleContext, role: RoleAbilities | undefined): void {
  const { spec, report, facts } = ctx;
  const reachReported = new Set<string>();
  for (const c of spec.containers) {
    for (const { spec: s, source } of secretSources(c)) {
      const service = source.kind === 'secretsmanager' ? 'Secrets Manager' : 'SSM Parameter Store';
      const endpoint = source.kind === 'secretsmanager' ? 'secretsmanager' : 'ssm';
      const action = source.kind === 'secretsmanager' ? 'secretsmanager:GetSecretValue' : 'ssm:GetParameters';
      if (role && !role.can(action)) {
        report.warning(s.valueFrom.path, 'EXECUTION_ROLE_SECRET_ACCESS', `The execution role ${role.name} can't call ${action}, so this secret can't be fetched and the task won't start: allow it for this ${source.kind === 'secretsmanager' ? 'secret' : 'parameter'} (and kms:Decrypt if a customer-managed key encrypts it).`);
      }
      const secretRegion = 'region' in source ? source.region : undefined;
      const region = secretRegion ?? facts.region ?? 'REGION';
      if (!reachReported.has(endpoint)) {
        reachReported.add(endpoint);
        report.warning(s.valueFrom.path, 'SECRETS_NEED_REACH', `The task reads secrets from ${service} before its containers start: in subnets without a NAT gateway it needs the com.amazonaws.${region}.${endpoint} interface endpoint.`);
      }
      if (facts.region && secretRegion !== undefined && secretRegion !== facts.region) {
        report.warning(s.valueFrom.path, 'SECRET_OTHER_REGION', `This secret lives in ${secretRegion} but the task runs in ${facts.region}: VPC endpoints only serve their own Region, so the task needs an internet path (NAT) to fetch it.`);
      }
      const secretAccount = 'accountId' in source ? source.accountId : undefined;
      if (facts.accountId && secretAccount !== undefined && secretAccount !== facts.accountId) {
        report.warning(s.valueFrom.path, 'SECRET_OTHER_ACCOUNT', `This secret belongs to account ${secretAccount}: its resource policy (and its KMS key's policy) must let your execution role read it.`);
      }
    }
  }
}
