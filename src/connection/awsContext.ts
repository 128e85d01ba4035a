/**
 * Owns the AWS session of the current connection: made on first use (loading the AWS layer
 * then), destroyed when the profile, region or endpoint changes.
 */
import * as vscode from 'vscode';
import { loadAws, type AwsSession } from '../awsModule';
import { connectionKey } from '../model/connection';
import type { ConnectionStore } from './connectionStore';

export class AwsContext implements vscode.Disposable {
  private session: AwsSession | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after the connection changed and the old clients were destroyed. */
  readonly onDidChangeConnection = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(readonly connections: ConnectionStore, private readonly userAgent: readonly [string, string]) {
    this.subscription = connections.onDidChange(() => {
      this.session?.dispose();
      this.session = undefined;
      this.changed.fire();
    });
  }

  /** The session for the current connection, created (and the AWS layer loaded) on first use. */
  async current(): Promise<AwsSession> {
    const connection = await this.connections.resolve();
    if (this.session && connectionKey(this.session.connection) === connectionKey(connection)) return this.session;
    this.session?.dispose();
    const requestTimeoutMs = this.connections.requestTimeoutSeconds * 1000;
    this.session = loadAws().createSession(connection, { userAgent: this.userAgent, requestTimeoutMs });
    return this.session;
  }

  dispose(): void {
    this.subscription.dispose();
    this.session?.dispose();
    this.session = undefined;
    this.changed.dispose();
  }
}
