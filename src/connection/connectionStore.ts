/**
 * The connection ECS Studio uses: the profile and region chosen in this workspace
 * (remembered in workspace state), and the endpoint override from `ecsStudio.endpointUrl`
 * or AWS_ENDPOINT_URL. Resolving the default region may read the profile's config file,
 * so it happens on first use, not at activation.
 */
import * as vscode from 'vscode';
import { loadAws } from '../awsModule';
import type { Connection } from '../model/connection';

const PROFILE_KEY = 'ecsStudio.profile';
const REGION_KEY = 'ecsStudio.region';
const FALLBACK_REGION = 'us-east-1';
const DEFAULT_TIMEOUT_SECONDS = 30;

export class ConnectionStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly regionResolved = new vscode.EventEmitter<string>();
  /** Fires when the default region was read from the profile (nothing else changed). */
  readonly onDidResolveRegion = this.regionResolved.event;
  private resolvedRegion: string | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.regionResolved];

  constructor(private readonly state: vscode.Memento, private readonly env: NodeJS.ProcessEnv = process.env) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Both are built into the clients: a change rebuilds them.
        if (e.affectsConfiguration('ecsStudio.endpointUrl') || e.affectsConfiguration('ecsStudio.requestTimeoutSeconds')) this.changed.fire();
      }),
    );
  }

  /** The profile chosen in this workspace; undefined means the default credential chain. */
  get profile(): string | undefined {
    return this.state.get<string>(PROFILE_KEY);
  }

  /** The region chosen in this workspace, if any. */
  get chosenRegion(): string | undefined {
    return this.state.get<string>(REGION_KEY);
  }

  get endpointUrl(): string | undefined {
    const setting = vscode.workspace.getConfiguration('ecsStudio').get<string>('endpointUrl')?.trim();
    return setting || this.env.AWS_ENDPOINT_URL?.trim() || undefined;
  }

  /** ecsStudio.requestTimeoutSeconds: each AWS request's limit (a value out of range falls back to the default). */
  get requestTimeoutSeconds(): number {
    const value = vscode.workspace.getConfiguration('ecsStudio').get<number>('requestTimeoutSeconds');
    return typeof value === 'number' && value >= 1 && value <= 600 ? value : DEFAULT_TIMEOUT_SECONDS;
  }

  /** The region as far as it is known without reading files (for the status bar). */
  get knownRegion(): string | undefined {
    return this.chosenRegion ?? this.env.AWS_REGION ?? this.env.AWS_DEFAULT_REGION ?? this.resolvedRegion;
  }

  /** The full connection; reads the profile's configured region when none was chosen. */
  async resolve(): Promise<Connection> {
    let region = this.knownRegion;
    if (!region) {
      const profile = this.profile ?? this.env.AWS_PROFILE ?? 'default';
      region = (await loadAws().profileRegion(profile).catch(() => undefined)) ?? FALLBACK_REGION;
      this.resolvedRegion = region;
      this.regionResolved.fire(region);
    }
    return { profile: this.profile, region, endpointUrl: this.endpointUrl };
  }

  async setProfile(profile: string | undefined): Promise<void> {
    await this.state.update(PROFILE_KEY, profile);
    this.resolvedRegion = undefined;
    this.changed.fire();
  }

  async setRegion(region: string | undefined): Promise<void> {
    await this.state.update(REGION_KEY, region);
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
