import type * as vscode from 'vscode';
import type { Service } from '../model/ecs';

/**
 * What the Clusters view learns about a service's health from outside ECS: whether its latest
 * check found nothing wrong. extension.ts adapts it from the doctor's results, so tree/ knows
 * nothing of the doctor.
 */
export interface ServiceHealth {
  /** True when the latest check of the service found no problem (its past failures are history). */
  checkedClean(service: Service): boolean;
  /** Fires when what `checkedClean` answers may have changed. */
  readonly onDidChange: vscode.Event<unknown>;
}
