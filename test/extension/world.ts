// Shared fixtures of the extension-host suite: the extension's API, one moto server behind
// the AWS-limits proxy for the whole run, throwaway AWS profile files, and scripted answers
// to the extension's questions (the only thing these tests fake).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EcsStudioApi } from '../../src/api';
import type { UserInput } from '../../src/ui/userInput';
import { startAwsLimitsProxy, type AwsLimitsProxy } from '../support/awsLimitsProxy';
import { startMoto, TEST_CREDENTIALS, type MotoServer } from '../support/moto';

export const EXTENSION_ID = 'ecs-studio.ecs-studio';
/** The role profile `moto-role` assumes (moto's STS assumes any role of its account). */
export const ROLE_PROFILE_ROLE_ARN = 'arn:aws:iam::123456789012:role/ecs-studio-test-role';

/**
 * Activates the extension and hides the side bar: suites read the views through their
 * providers, and a visible view would also be read by VS Code itself (another suite may have
 * revealed one), adding calls that suites counting AWS calls would see.
 */
export async function activateExtension(): Promise<EcsStudioApi> {
  const ext = vscode.extensions.getExtension<EcsStudioApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this extension host`);
  const api = await ext.activate();
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  return api;
}

export interface AwsWorld {
  readonly moto: MotoServer;
  readonly proxy: AwsLimitsProxy;
  readonly awsDir: string;
}

let world: Promise<AwsWorld> | undefined;

/** Starts moto and the proxy once, and points AWS_CONFIG_FILE/credentials at fresh files. */
export function awsWorld(): Promise<AwsWorld> {
  world ??= (async () => {
    const moto = await startMoto();
    // The runner names the proxy's port in the user settings it starts code-server with
    // (ecsStudio.endpointUrl), so the extension has the endpoint from its first call.
    const presetPort = Number(process.env.ECS_STUDIO_TEST_PROXY_PORT) || undefined;
    const proxy = await startAwsLimitsProxy(moto.url, presetPort ? { port: presetPort } : {});
    const awsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-studio-ext-aws-'));
    fs.writeFileSync(path.join(awsDir, 'credentials'), [
      '[moto-dev]', `aws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}`, `aws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}`,
      '[moto-eu]', `aws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}`, `aws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}`,
    ].join('\n') + '\n');
    fs.writeFileSync(path.join(awsDir, 'config'), [
      '[profile moto-dev]', 'region = us-east-1',
      '[profile moto-eu]', 'region = eu-west-1',
      '[profile no-keys]', 'region = us-east-1',
      // Credentials from STS AssumeRole with moto-dev's keys: the credential chain's own STS call.
      '[profile moto-role]', `role_arn = ${ROLE_PROFILE_ROLE_ARN}`, 'source_profile = moto-dev', 'region = us-east-1',
    ].join('\n') + '\n');
    process.env.AWS_CONFIG_FILE = path.join(awsDir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(awsDir, 'credentials');
    // Only the profiles above may provide credentials: no keys from the environment.
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ENDPOINT_URL']) {
      delete process.env[name];
    }
    // Tests must never reach for the EC2 instance metadata service (a link-local address).
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    return { moto, proxy, awsDir };
  })();
  return world;
}

after(async function () {
  this.timeout(20_000);
  if (!world) return;
  const { moto, proxy, awsDir } = await world;
  await proxy.stop();
  await moto.stop();
  fs.rmSync(awsDir, { recursive: true, force: true });
});

/** Sets `ecsStudio.endpointUrl` and waits until the change has been announced to the extension. */
export async function setEndpoint(url: string | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration('ecsStudio');
  if ((config.get<string>('endpointUrl') || undefined) === url) return;
  await setUserSetting('endpointUrl', url);
}

/** Writes `ecsStudio.<name>` in the user settings (undefined removes it) and waits until the change has been announced. */
export async function setUserSetting(name: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('ecsStudio');
  const announced = new Promise<void>((resolve) => {
    const listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`ecsStudio.${name}`)) {
        listener.dispose();
        resolve();
      }
    });
  });
  await config.update(name, value, vscode.ConfigurationTarget.Global);
  await announced;
}

/** What a scripted UserInput was asked, for assertions. */
export interface Asked {
  picks: Array<{ title: string | undefined; labels: string[] }>;
  texts: Array<string | undefined>;
  /** Every confirm(), inform() and error(): the message, its detail and its buttons. */
  messages: Array<{ kind: 'confirm' | 'inform' | 'error'; message: string; detail: string | undefined; actions: string[] }>;
}

export interface Script {
  pick?: (labels: string[]) => string | undefined;
  text?: (prompt: string | undefined) => string | undefined;
  confirm?: (message: string, actions: string[]) => string | undefined;
  inform?: (message: string, actions: string[]) => string | undefined;
}

/** A UserInput that answers from `script` and records every question. */
export function scriptedInput(script: Script): { input: UserInput; asked: Asked } {
  const asked: Asked = { picks: [], texts: [], messages: [] };
  const input: UserInput = {
    async pick(items, options) {
      const labels = items.map((i) => i.label);
      asked.picks.push({ title: options.title, labels });
      const label = script.pick?.(labels);
      return items.find((i) => i.label === label);
    },
    async text(options) {
      asked.texts.push(options.prompt);
      return script.text?.(options.prompt);
    },
    async confirm(message, options, ...actions) {
      asked.messages.push({ kind: 'confirm', message, detail: options.detail, actions });
      return script.confirm?.(message, actions);
    },
    async inform(message, options, ...actions) {
      asked.messages.push({ kind: 'inform', message, detail: options.detail, actions });
      return script.inform?.(message, actions);
    },
    async error(message, ...actions) {
      asked.messages.push({ kind: 'error', message, detail: undefined, actions });
      return undefined;
    },
  };
  return { input, asked };
}
